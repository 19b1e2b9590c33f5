"""One Markdown fixture per rule, with the findings it must give (tests/fixtures/rules)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES, VALID_SPEC, lint

from spec_lint import Pack
from spec_lint.engine import UNREADABLE

RULES = FIXTURES / "rules"
CASES = sorted(p for p in RULES.iterdir() if p.suffix == ".md")


def expected(case: Path) -> list[tuple[int, int, str, str]]:
    """``LINE:COL CODE [message substring]`` per line of the ``.expect`` file."""
    rows = []
    for raw in case.with_suffix(".expect").read_text(encoding="utf-8").splitlines():
        if raw.strip() and not raw.startswith("#"):
            where, code, *text = raw.split(maxsplit=2)
            line, column = where.split(":")
            rows.append((int(line), int(column), code, text[0] if text else ""))
    return rows


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_fixture_gives_exactly_its_findings(case: Path) -> None:
    findings = lint(case)
    got = [(f.line, f.column, f.code) for f in findings]
    want = expected(case)
    assert got == [(line, column, code) for line, column, code, _ in want], [f.message for f in findings]
    for finding, (_, _, _, text) in zip(findings, want):
        assert text in finding.message


VALID_SPECS = sorted(p for p in VALID_SPEC.parent.glob("*.md") if "broken" not in p.stem)


@pytest.mark.parametrize("spec", VALID_SPECS, ids=[p.stem for p in VALID_SPECS])
@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_valid_specs_give_no_finding(spec: Path, newline: str, tmp_path: Path) -> None:
    for example in VALID_SPECS:  # together, as the examples link to each other
        text = example.read_text(encoding="utf-8").replace("\n", newline)
        (tmp_path / example.name).write_bytes(text.encode("utf-8"))
    assert lint(tmp_path / spec.name) == []


def test_every_rule_has_a_fixture_that_fires(pack: Pack) -> None:
    fired = {code for case in CASES for _, _, code, _ in expected(case)}
    codes = {rule.code for rule in pack.rules} | {UNREADABLE.code}
    assert sorted(codes - fired) == []


def test_every_rule_is_documented(pack: Pack) -> None:
    readme = (VALID_SPEC.parent.parent / "README.md").read_text(encoding="utf-8")
    for rule in pack.rules:
        assert rule.description, rule.code
        assert f"| {rule.code} | {rule.name} |" in readme, rule.code
