"""The DEP pack's document type: what the parser reads of a DEP, and the pack's own sample."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from spec_lint import builtin_pack, lint_paths
from spec_lint.pack import PackError, load_pack_data
from spec_lint.parser import parse


def test_hash_lines_in_fences_are_no_sections() -> None:
    doc = parse("# Metrics\n\n```text\n# HELP dynamo_requests_total Requests\n# TYPE counter\n```\n"
                "\n````markdown\n# Summary\n````\n")
    assert [s.title for s in doc.sections] == ["Metrics"]


def test_a_mermaid_block_that_starts_with_dashes_is_no_front_matter() -> None:
    doc = parse("# Flow\n\n```mermaid\n---\ntitle: Flow\n---\ngraph TD\n```\n")
    assert doc.front_matter == {}
    assert parse("---\ndep: 42\n---\n# Flow\n").front_matter == {"dep": 42}


def test_front_matter_is_only_at_the_first_line() -> None:
    doc = parse("# Flow\n\n---\ntitle: Flow\n---\n")
    assert doc.front_matter == {}


def test_the_sample_is_a_dep_without_findings() -> None:
    report = lint_paths([_sample()], [builtin_pack("dep")])
    assert report.skipped == ()
    assert report.findings == ()


def test_a_dep_is_not_a_component_spec_nor_a_component_spec_a_dep(tmp_path: Path) -> None:
    dep = tmp_path / "dep.md"
    dep.write_text("# Request Tracing\n\n**Status**: Draft\n", encoding="utf-8")
    spec = tmp_path / "spec.md"
    spec.write_text("# Router - 1.0 Component Specification\n\n**Template Version**: 1.0\n", encoding="utf-8")
    component, dep_pack = builtin_pack(), builtin_pack("dep")
    assert lint_paths([dep], [component]).linted == ()
    assert lint_paths([spec], [dep_pack]).linted == ()
    assert lint_paths([dep, spec], [component, dep_pack]).linted == (str(dep), str(spec))


def test_within_lines_is_no_negative_number() -> None:
    data = {"pack": {"name": "mine", "extends": "dep", "detect": {"within_lines": -1}}}
    with pytest.raises(PackError, match=r"mine.toml: pack.detect.within_lines: expected 0 \(anywhere\) or more, got -1"):
        load_pack_data(data, "mine.toml")


def _sample() -> Path:
    """The sample as shipped: in the installed rules package, beside the pack."""
    return Path(str(resources.files("spec_lint.rules") / "samples" / "dep.md"))
