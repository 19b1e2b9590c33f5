"""The shared template, as an author receives it, is a spec full of placeholders and guidance.

The shipped copy (tests/fixtures/template.md) has every finding pinned by
tests/acceptance/template.expect; these looser checks follow ../shared's copy, which may move on.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, builtin

from spec_lint import lint_paths

SHARED = ROOT.parent / "shared" / "templates" / "dynamo-component-spec-1.0.md"
TEMPLATES = [
    pytest.param(
        SHARED,
        id="shared",
        marks=pytest.mark.skipif(
            not (ROOT.parent / "shared").exists(), reason="no ../shared next to the repo"
        ),
    ),
]

# (line, column, code): the title, the Instructions line, guidance in prose, a list item and a
# code comment, placeholders in code, in a table cell, as a whole cell and as a list item.
PINNED = [
    (1, 3, "SL401"),
    (5, 3, "SL402"),
    (11, 1, "SL402"),
    (25, 20, "SL401"),
    (44, 3, "SL402"),
    (45, 1, "SL401"),
    (66, 1, "SL401"),
    (70, 1, "SL402"),
    (76, 14, "SL401"),
    (79, 3, "SL401"),
    (85, 11, "SL402"),  # - Schema: Link or inline definition
    (210, 10, "SL402"),  # - `...`: Other component-specific fields
    (223, 19, "SL402"),
    (240, 1, "SL402"),
    (302, 9, "SL401"),  # └── ... in the exception tree
    (315, 19, "SL401"),
    (350, 3, "SL401"),
]


@pytest.mark.parametrize("path", TEMPLATES)
def test_raw_template_gives_many_findings_and_no_internal_error(path: Path) -> None:
    report = lint_paths([path], [builtin()])
    assert report.errors == ()
    assert report.linted == (str(path),)
    codes = [f.code for f in report.findings]
    assert len(codes) >= 50
    assert codes.count("SL401") >= 40
    assert codes.count("SL402") >= 9


@pytest.mark.parametrize("path", TEMPLATES)
def test_raw_template_findings_are_where_the_author_must_edit(path: Path) -> None:
    found = {(f.line, f.column, f.code) for f in lint_paths([path], [builtin()]).findings}
    assert [p for p in PINNED if p not in found] == []


@pytest.mark.parametrize("path", TEMPLATES)
def test_placeholders_are_reported_once(path: Path) -> None:
    """Placeholder cells and the diagram stand-in give SL401 alone: no table or guidance finding."""
    findings = lint_paths([path], [builtin()]).findings
    assert [(f.line, f.code) for f in findings if f.code.startswith("SL2")] == []
    assert [f.code for f in findings if f.line == 66 and f.code in ("SL401", "SL402")] == ["SL401"]


@pytest.mark.parametrize("path", TEMPLATES)
def test_instructions_line_is_one_finding_asking_to_delete_it(path: Path) -> None:
    findings = lint_paths([path], [builtin()]).findings
    on_line = [f for f in findings if f.line == 5]
    assert [(f.column, f.code) for f in on_line] == [(3, "SL402")]
    assert on_line[0].message.endswith("(delete the line: it is for the author, not the reader)")
