"""The acceptance tier: full specs compared with their stored findings (tests/acceptance).

Each ``NAME.expect`` holds one ``LINE:COLUMN CODE message`` line per finding, in order; lines
starting with ``#`` are comments, and ``{python}`` stands for the Python running the tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, lint

from spec_lint.facts.syntax import PYTHON_VERSION

ACCEPTANCE = Path(__file__).resolve().parent / "acceptance"
SPECS = {
    "near-misses": ACCEPTANCE / "near-misses.md",
    "router-broken": ROOT / "examples" / "router-broken.md",
    "template": FIXTURES / "template.md",
}


def expected(name: str) -> list[str]:
    text = (ACCEPTANCE / f"{name}.expect").read_text(encoding="utf-8")
    return [line.replace("{python}", PYTHON_VERSION) for line in text.splitlines() if not line.startswith("#")]


@pytest.mark.parametrize("name", sorted(SPECS))
def test_spec_gives_exactly_its_stored_findings(name: str) -> None:
    got = [f"{f.line}:{f.column} {f.code} {f.message}" for f in lint(SPECS[name])]
    assert got == expected(name)


def test_every_expectation_file_has_its_spec() -> None:
    assert sorted(p.stem for p in ACCEPTANCE.glob("*.expect")) == sorted(SPECS)
