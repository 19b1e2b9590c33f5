"""Suppression comments as a user meets them: with the built-in pack, --require-reason, -v and the
summary. Each form's exact reach is pinned by the small cases in tests/cases/suppressions.toml."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT, VALID_SPEC, builtin, lint_source
from test_hostile import MAX_RATIO, best_time, in_paragraph

from spec_lint import lint_paths, lint_text
from spec_lint.cli import main
from spec_lint.directives import read
from spec_lint.engine import known_rules
from spec_lint.engine_rules import INTERNAL_ERROR
from spec_lint.findings import Finding, Severity, Violation
from spec_lint.parser import parse
from spec_lint.settings import Settings
from spec_lint.suppressions import comments_of, suppress

BROKEN = (ROOT / "examples" / "router-broken.md").read_text(encoding="utf-8")
LEGACY = "| `router_requests_total` | Counter |"  # the SL301 row of the metrics table
# A comment that suppresses nothing and is never reported: it only stands where it is put.
NEUTRAL = "<!-- a note -->"


def found(tmp_path: Path, text: str) -> set[tuple[int, str]]:
    return {(f.line, f.code) for f in lint_source(tmp_path, text)}


def with_line_before(anchor: str, line: str, text: str = BROKEN) -> str:
    assert text.count(anchor) == 1, anchor
    return text.replace(anchor, f"{line}\n{anchor}")


def shifted(findings: set[tuple[int, str]], after: int) -> set[tuple[int, str]]:
    """The findings of a text with one line inserted at ``after``, at the lines they had without it."""
    return {(line - (line > after), code) for line, code in findings}


@pytest.mark.parametrize("anchor", [
    "> **Last Updated**",  # between the metadata fields, which stand in a blockquote
    "**Support Level**: Stable",  # right before a field
    "\nThe Router picks the worker",  # right after the heading "Overview", on the next line
    "| Metric Name | Type |",  # right before a table
    "### Logging",  # right after a table
], ids=["inside the field list", "before a field", "after a heading", "before a table", "after a table"])
def test_a_comment_line_changes_nothing_the_rules_report(tmp_path: Path, anchor: str) -> None:
    inserted = BROKEN[: BROKEN.index(anchor)].count("\n") + 1
    with_comment = found(tmp_path, with_line_before(anchor, NEUTRAL))
    assert shifted(with_comment, inserted) == found(tmp_path, BROKEN)


def test_a_comment_line_between_rows_ends_the_table_as_on_github(tmp_path: Path) -> None:
    # An HTML block interrupts a GFM table (GitHub renders it so too): the rows after the comment
    # are a paragraph, no longer checked as cells, and the first of them is reported.
    with_comment = found(tmp_path, with_line_before("| `dynamo_router_decision_duration_seconds`", NEUTRAL))
    assert (177, "SL205") in found(tmp_path, BROKEN) and (178, "SL205") not in with_comment
    assert any(line == 176 for line, _ in with_comment)


def around_table() -> str:
    """The broken example with its metrics table between a disable and an enable of SL301."""
    text = with_line_before("| Metric Name | Type |", "<!-- spec-lint-disable SL301 -- renamed in 2.0 -->")
    return with_line_before("### Logging", "<!-- spec-lint-enable SL301 -->", text)


def test_a_disable_around_the_table_silences_one_of_its_rows(tmp_path: Path) -> None:
    before = found(tmp_path, BROKEN)
    expected = {(line + (line > 171) + (line > 178), code) for line, code in before} - {(175, "SL301")}
    assert found(tmp_path, around_table()) == expected


def test_silenced_findings_are_kept_with_their_reason(tmp_path: Path) -> None:
    path = tmp_path / "spec.md"
    path.write_text(around_table(), encoding="utf-8")
    (silenced,) = lint_paths([path], [builtin()]).suppressed
    assert (silenced.finding.code, silenced.finding.line, silenced.line, silenced.reason) == (
        "SL301", 175, 172, "renamed in 2.0")


def test_a_suppression_without_a_reason_is_a_finding_only_when_reasons_are_required(tmp_path: Path) -> None:
    text = with_line_before("**Support Level**: Stable", "<!-- spec-lint-disable SL111 -->")
    text = with_line_before("> **Last Updated**", "> <!-- spec-lint-disable-next-line SL110 -- a test date -->", text)
    text = with_line_before("## Quick Start", "<!-- spec-lint-enable SL111 -->", text)
    path = tmp_path / "spec.md"
    path.write_text(text, encoding="utf-8")
    assert not [f for f in lint_paths([path], [builtin()]).findings if f.code == "SL002"]
    required = lint_paths([path], [builtin()], Settings(require_reason=True)).findings
    message = 'suppression has no reason (expected "... -- <why>")'
    assert [(f.line, f.message) for f in required if f.code == "SL002"] == [(15, message)]


def test_an_internal_error_is_never_suppressed() -> None:
    doc = parse("# T\n<!-- spec-lint-disable -->\ntext\n")
    error = Finding("spec.md", 3, 1, 3, INTERNAL_ERROR.code, INTERNAL_ERROR.name, Severity.ERROR, "boom")
    outcome = suppress([error], comments_of(doc, known_rules(builtin())), known_rules(builtin()), _unused_finding)
    assert [f.code for f in outcome.kept] == ["SL000", "SL002"] and outcome.suppressed == ()


def _unused_finding(v: Violation) -> Finding:
    return Finding("spec.md", v.line, v.column, v.line, "SL002", "unused-suppression", Severity.WARNING, v.message)


def test_the_command_line_counts_suppressed_findings_and_verbose_shows_each_with_its_reason(
        tmp_path: Path) -> None:
    path = tmp_path / "spec.md"
    path.write_text(with_line_before("**Support Level**: Stable", "<!-- spec-lint-disable-next-line SL111 -->"),
                    encoding="utf-8")
    result = CliRunner().invoke(main, ["-v", "--require-reason", str(path)])
    assert "(1 spec checked, 1 finding suppressed)" in result.stdout
    assert f"{path}:14:6: SL002 [unused-suppression] suppression has no reason" in result.stdout
    assert f'suppressed {path}:15:1: SL111 [support-level] "Support Level" is "Stable"' in result.stderr
    assert result.stderr.rstrip().endswith("(by the comment on line 14: no reason given)")


def test_the_readme_example_is_well_formed() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Suppressions"):]
    example = section[section.index("```markdown\n") + len("```markdown\n"): section.index("\n```\n")]
    problems: list[Violation] = []
    suppressions = list(read(parse(example), known_rules(builtin()), problems))
    assert problems == [] and [s.scope.value for s in suppressions] == [
        "disable-next-line", "disable-line", "disable", "enable", "disable-file"]


def test_thousands_of_suppressions_and_findings_take_linear_time() -> None:
    def build(n: int) -> str:
        silenced = "<!-- spec-lint-disable-next-line SL401 -->\n`{{Interface}}` {}\n\n"
        return in_paragraph("".join(silenced.format(i) for i in range(n)))

    assert len(lint_text(build(10), VALID_SPEC, [builtin()]).suppressed) == 10
    small, large = best_time(build(500)), best_time(build(2000))
    assert large / small < MAX_RATIO


def test_a_disable_line_in_a_cell_silences_its_row_and_leaves_the_table_whole(tmp_path: Path) -> None:
    text = BROKEN.replace(LEGACY, "| `router_requests_total` <!-- spec-lint-disable-line SL301 --> | Counter |")
    assert found(tmp_path, text) == found(tmp_path, BROKEN) - {(174, "SL301")}


def test_a_suppression_of_a_rule_switched_off_is_not_unused() -> None:
    # The rule did not run, so whether the suppression still silences something cannot be told.
    text = with_line_before("**Support Level**: Stable", "<!-- spec-lint-disable-next-line SL111 -- legacy -->")
    result = lint_text(text, VALID_SPEC, [builtin()], Settings(disabled=frozenset({"SL111"})))
    assert not [f for f in result.findings if f.code in ("SL002", "SL111")]
