"""The shipped examples give no finding, and every rule of the built-in pack is documented."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import VALID_SPEC, lint

from spec_lint import Pack

VALID_SPECS = sorted(p for p in VALID_SPEC.parent.glob("*.md") if "broken" not in p.stem)


@pytest.mark.parametrize("spec", VALID_SPECS, ids=[p.stem for p in VALID_SPECS])
@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_valid_specs_give_no_finding(spec: Path, newline: str, tmp_path: Path) -> None:
    for example in VALID_SPECS:  # together, as the examples link to each other
        text = example.read_text(encoding="utf-8").replace("\n", newline)
        (tmp_path / example.name).write_bytes(text.encode("utf-8"))
    assert lint(tmp_path / spec.name) == []


def test_every_rule_is_documented(pack: Pack) -> None:
    readme = (VALID_SPEC.parent.parent / "README.md").read_text(encoding="utf-8")
    for rule in pack.rules:
        assert rule.description, rule.code
        assert f"| {rule.code} | {rule.name} |" in readme, rule.code
