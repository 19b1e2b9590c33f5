"""Wall times of whole processes, measured side by side: the commands of one comparison alternate,
so that a shared machine's drift falls on all of them alike, and each gets the median of its runs."""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Command:
    """One process to time: its arguments, the environment variables it adds, and what is done
    before each run, untimed (emptying a cache folder for a cold run)."""

    argv: Sequence[str]
    env: Mapping[str, str] = field(default_factory=dict)
    prepare: Callable[[], object] | None = None


@dataclass(frozen=True)
class Ratio:
    """One comparison: the measured command's median over the reference's, and the target."""

    name: str
    measured: float
    reference: float
    target: float | None

    @property
    def ratio(self) -> float:
        return self.measured / self.reference

    @property
    def status(self) -> str:
        return "" if self.target is None else "met" if self.ratio <= self.target else "NOT met"

    def line(self) -> str:
        target = f"target <= {self.target:.2f}x: {self.status}" if self.target else ""
        times = f"({self.measured:.3f} s / {self.reference:.3f} s)"
        return f"{self.name:<70} {self.ratio:6.3g}x {times:<24} {target}"

    def row(self) -> str:
        """The comparison as a row of the README's Markdown table."""
        target = f"{self.target:.2f}x" if self.target else "-"
        status = f" ({self.status})" if self.status else ""
        return f"| {self.name} | {self.ratio:.3g}x ({self.measured:.3f} s / {self.reference:.3f} s) | {target}{status} |"


@dataclass(frozen=True)
class Skipped:
    """A comparison that cannot run in this build or on this machine, and why."""

    name: str
    why: str

    def line(self) -> str:
        return f"{self.name:<70} skipped: {self.why}"

    def row(self) -> str:
        return f"| {self.name} | skipped: {self.why} | - |"


Outcome = Ratio | Skipped


def wall(command: Command, cwd: Path) -> float:
    """The wall time of one run; exit code 1 (findings) is a normal run, any other is an error."""
    if command.prepare is not None:
        command.prepare()
    env = {**os.environ, **command.env}
    start = time.perf_counter()
    done = subprocess.run(command.argv, check=False, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(command.argv)} exited with {done.returncode}: {done.stderr.strip()}")
    return elapsed


def medians(commands: Sequence[Command], repeats: int, cwd: Path) -> list[float]:
    """Each command's median wall time over ``repeats`` alternated runs, after one warm-up run each."""
    for command in commands:
        wall(command, cwd)
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(repeats):
        for spent, command in zip(times, commands):
            spent.append(wall(command, cwd))
    return [statistics.median(spent) for spent in times]


def compare(name: str, measured: Command, reference: Command, target: float | None, repeats: int,
            cwd: Path) -> Ratio:
    first, second = medians([measured, reference], repeats, cwd)
    return Ratio(name, first, second, target)
