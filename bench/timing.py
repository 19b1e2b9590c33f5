"""Wall times of whole processes, measured side by side: the commands of one comparison alternate,
so that a shared machine's drift falls on all of them alike, and each gets the median of its runs."""

from __future__ import annotations

import statistics
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass

Command = Sequence[str]


@dataclass(frozen=True, slots=True)
class Ratio:
    """One comparison: the measured command's median over the reference's, and the target."""

    name: str
    measured: float
    reference: float
    target: float | None

    @property
    def ratio(self) -> float:
        return self.measured / self.reference

    def line(self) -> str:
        target = f"target <= {self.target:.2f}x: {'met' if self.ratio <= self.target else 'NOT met'}" if self.target else ""
        times = f"({self.measured:.3f} s / {self.reference:.3f} s)"
        return f"{self.name:<58} {self.ratio:6.2f}x {times:<24} {target}"


def wall(command: Command) -> float:
    """The wall time of one run; exit code 1 (findings) is a normal run, any other is an error."""
    start = time.perf_counter()
    done = subprocess.run(command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(command)} exited with {done.returncode}: {done.stderr.strip()}")
    return elapsed


def medians(commands: Sequence[Command], repeats: int) -> list[float]:
    """Each command's median wall time over ``repeats`` alternated runs, after one warm-up run each."""
    for command in commands:
        wall(command)
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(repeats):
        for spent, command in zip(times, commands):
            spent.append(wall(command))
    return [statistics.median(spent) for spent in times]


def compare(name: str, measured: Command, reference: Command, target: float | None, repeats: int) -> Ratio:
    first, second = medians([measured, reference], repeats)
    return Ratio(name, first, second, target)
