"""The acceptance tier: full specs compared with their stored findings (tests/acceptance), and
the shipped examples, which give none.

Each ``NAME.expect`` holds one ``LINE:COLUMN CODE message`` line per finding, in order; lines
starting with ``#`` are comments, and ``{python}`` stands for the Python running the tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, VALID_SPEC, lint

from spec_lint.facts.syntax import PYTHON_VERSION

ACCEPTANCE = Path(__file__).resolve().parent / "acceptance"
SPECS = {
    "near-misses": ACCEPTANCE / "near-misses.md",
    "router-broken": ROOT / "examples" / "router-broken.md",
    "template": FIXTURES / "template.md",
}
VALID_SPECS = sorted(p for p in VALID_SPEC.parent.glob("*.md") if "broken" not in p.stem)


def expected(name: str) -> list[str]:
    text = (ACCEPTANCE / f"{name}.expect").read_text(encoding="utf-8")
    return [line.replace("{python}", PYTHON_VERSION) for line in text.splitlines() if not line.startswith("#")]


@pytest.mark.parametrize("name", sorted(SPECS))
def test_spec_gives_exactly_its_stored_findings(name: str) -> None:
    got = [f"{f.line}:{f.column} {f.code} {f.message}" for f in lint(SPECS[name])]
    assert got == expected(name)


def test_every_expectation_file_has_its_spec() -> None:
    assert sorted(p.stem for p in ACCEPTANCE.glob("*.expect")) == sorted(SPECS)


@pytest.mark.parametrize("spec", VALID_SPECS, ids=[p.stem for p in VALID_SPECS])
@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_valid_specs_give_no_finding(spec: Path, newline: str, tmp_path: Path) -> None:
    for example in VALID_SPECS:  # together, as the examples link to each other
        text = example.read_text(encoding="utf-8").replace("\n", newline)
        (tmp_path / example.name).write_bytes(text.encode("utf-8"))
    assert lint(tmp_path / spec.name) == []
