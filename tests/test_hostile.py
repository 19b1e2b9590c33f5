"""Hostile content: what a file holds never hangs, explodes or aborts a run.

Growth tests build each hostile shape at size n and 4n inside the valid spec and compare the
times of linting them: linear work gives a ratio near 4, quadratic work near 16. No absolute
time is asserted. ``python tests/test_hostile.py [shape ...]`` prints the times of every shape
(each in its own process, cut off after a few seconds), for comparing two versions of the code.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from spec_lint import Finding, Pack, builtin_pack, lint_text

ROOT = Path(__file__).resolve().parent.parent
VALID_SPEC = ROOT / "examples" / "router.md"
# A growth of 4x the input may take at most 8x the time: linear is ~4, quadratic ~16.
MAX_RATIO = 8.0


def valid_with(old: str, new: str) -> str:
    text = VALID_SPEC.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"edit target not unique: {old!r}"
    return text.replace(old, new)


def in_code(line: str, language: str = "python") -> str:
    return valid_with("## Overview\n", f"## Overview\n\n```{language}\n{line}\n```\n")


def in_paragraph(text: str) -> str:
    return valid_with("## Overview\n", f"## Overview\n\n{text}\n")


def error_code(cell: str) -> str:
    return valid_with("| `ROUTER_002` |", f"| {cell} |")


@dataclass(frozen=True, slots=True)
class Shape:
    """A hostile input at size ``n``; ``n`` is large enough for a measurable time once linear."""

    build: Callable[[int], str]
    n: int


SHAPES: dict[str, Shape] = {
    "python-backslashes": Shape(lambda n: in_code('x = "' + "\\" * n), 40_000),
    "component-regex": Shape(
        lambda n: "---\ncomponent: '(a+)+'\n---\n" + error_code("A" * n + "!"), 100_000
    ),
    "backticks": Shape(lambda n: in_paragraph("x " + "`" * n), 20_000),
    "title-spaces": Shape(
        lambda n: valid_with("# Router - 1.0 Component Specification", "# Router" + " " * n + "x Component Specification"),
        100_000,
    ),
    "field-spaces": Shape(lambda n: valid_with("**PIC**: Ada", "**PIC**: Ada" + " " * n + "x"), 100_000),
    "heading-spaces": Shape(lambda n: valid_with("## Overview\n", "## Overview" + " " * n + "x\n"), 100_000),
    "code-heading-spaces": Shape(lambda n: in_code("# a" + " " * n + "b", "text"), 100_000),
    "cell-spaces": Shape(lambda n: valid_with("| `--host` |", "| a" + " " * n + "b |"), 100_000),
    "code-comment-spaces": Shape(lambda n: valid_with("└── RouterError", "└── RouterError" + " " * n + "x"), 50_000),
    "anchor-tags": Shape(lambda n: in_paragraph("<a " * n), 20_000),
    "link-tags": Shape(lambda n: in_paragraph('<a href="x" ' * n), 20_000),
    "error-code-digits": Shape(lambda n: error_code("1" * n + "x"), 100_000),
    "guidance-repeated": Shape(lambda n: in_paragraph("List things that cannot be changed. " * n), 2_000),
    "headings-and-links": Shape(
        lambda n: in_paragraph("".join(f"[x](#missing-{i})\n" for i in range(n)) + "".join(f"\n### Part {i}\n" for i in range(n))),
        300,
    ),
    "cells-in-row": Shape(lambda n: in_paragraph("| a " * n + "|\n" + "|-" * n + "|\n" + "| b " * n + "|"), 5_000),
    "links-in-paragraph": Shape(lambda n: in_paragraph("[a](#overview)\n" * n), 4_000),
    "paragraph-pipes": Shape(lambda n: in_paragraph("| a " * n), 20_000),
}


@functools.cache
def _builtin() -> Pack:
    return builtin_pack()


def lint(text: str, pack: Pack | None = None) -> list[Finding]:
    result = lint_text(text, VALID_SPEC, [pack or _builtin()])
    assert not result.errors, result.errors
    return list(result.findings)


def best_time(text: str, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        lint(text)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("name", list(SHAPES))
def test_work_grows_linearly(name: str) -> None:
    shape = SHAPES[name]
    small, large = best_time(shape.build(shape.n)), best_time(shape.build(4 * shape.n))
    assert large / small < MAX_RATIO, f"{name}: {small:.3f}s at n, {large:.3f}s at 4n"


def _measure(name: str) -> None:
    shape = SHAPES[name]
    times = [best_time(shape.build(size)) for size in (shape.n, 4 * shape.n)]
    print(f"{name}: t(n)={times[0]:.3f}s t(4n)={times[1]:.3f}s ratio={times[1] / times[0]:.1f}", flush=True)


def _measure_all(names: list[str], limit: float) -> None:
    for name in names or list(SHAPES):
        command = [sys.executable, __file__, "--one", name]
        try:
            subprocess.run(command, check=False, timeout=limit)
        except subprocess.TimeoutExpired:
            print(f"{name}: more than {limit:.0f}s", flush=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        _measure(sys.argv[2])
    else:
        _measure_all(sys.argv[1:], float(os.environ.get("HOSTILE_LIMIT", "30")))
