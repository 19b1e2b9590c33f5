"""Output formats: JSON keys and order, GitHub workflow commands that a spec cannot hijack, JUnit XML that
stays XML, GitLab fingerprints, the step summary's escaping."""

from __future__ import annotations

import dataclasses
import itertools
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import valid_with

from spec_lint.cli import main
from spec_lint.findings import Anchor, Finding, Report, Severity
from spec_lint.formats import FORMATS, FormatOptions, escape_data, escape_property, printable, summary
from spec_lint.formats.step_summary import LIMIT, cell, step_summary

JSON_KEYS = ["path", "line", "column", "end_line", "code", "name", "severity", "message"]
HOSTILE = "%0A::error::x"
PLAIN = FormatOptions()


def finding(path: str = "spec.md", line: int = 3, column: int = 1, code: str = "SL102",
            severity: Severity = Severity.ERROR, message: str = 'missing section "Design"') -> Finding:
    return Finding(path, line, column, line, code, "missing-section", severity, message)


def report(*findings: Finding) -> Report:
    return Report(findings, linted=tuple(sorted({f.path for f in findings})), skipped=())


def render(name: str, *findings: Finding) -> str:
    return FORMATS[name](report(*findings), PLAIN)


UNSORTED = (
    finding("b.md", 1, 1),
    finding("a.md", 10, 1),
    finding("a.md", 2, 5, "SL205"),
    finding("a.md", 2, 5, "SL111", Severity.WARNING),
    finding("a.md", 2, 1),
)


# --- text --------------------------------------------------------------------------------------


def test_text_line_shape_and_summary() -> None:
    out = render("text", finding(severity=Severity.WARNING, message='unknown section "Notes"'))
    assert out.splitlines() == [
        'spec.md:3:1: SL102 [missing-section] unknown section "Notes"',
        "Found 0 errors and 1 warning (1 spec checked)",
    ]


def test_text_colour_is_opt_in_and_the_summary_can_be_left_out() -> None:
    coloured = FORMATS["text"](report(finding()), FormatOptions(color=True, summary=False))
    assert "\x1b[" in coloured and "Found" not in coloured
    assert "\x1b[" not in render("text", finding())


def test_text_keeps_one_finding_on_one_line() -> None:
    out = FORMATS["text"](report(finding(message="a\r\nb\nc")), FormatOptions(summary=False))
    assert out == "spec.md:3:1: SL102 [missing-section] a\\r\\nb\\nc"


def test_summary_counts() -> None:
    passed = Report((), linted=("a.md",), skipped=(("README.md", "not a spec"),))
    assert summary(passed) == "All checks passed (1 spec checked, 1 file passed over)"
    assert summary(report(*UNSORTED)) == "Found 4 errors and 1 warning (2 specs checked)"


# --- json --------------------------------------------------------------------------------------


def test_json_has_exactly_the_documented_keys_in_order() -> None:
    items = json.loads(render("json", finding(severity=Severity.WARNING)), object_pairs_hook=list)
    assert [key for key, _ in items[0]] == JSON_KEYS
    assert dict(items[0]) == {
        "path": "spec.md", "line": 3, "column": 1, "end_line": 3, "code": "SL102",
        "name": "missing-section", "severity": "warning", "message": 'missing section "Design"',
    }


def test_every_format_sorts_by_path_line_column_code() -> None:
    want = [("a.md", 2, 1, "SL102"), ("a.md", 2, 5, "SL111"), ("a.md", 2, 5, "SL205"),
            ("a.md", 10, 1, "SL102"), ("b.md", 1, 1, "SL102")]
    items = json.loads(render("json", *UNSORTED))
    assert [(i["path"], i["line"], i["column"], i["code"]) for i in items] == want
    assert [line.split(" ")[1] for line in render("text", *UNSORTED).splitlines()[:-1]] == [w[3] for w in want]
    assert [parse_workflow_command(line)[1]["title"][:5] for line in render("github", *UNSORTED).splitlines()] == [
        w[3] for w in want]


# --- github ------------------------------------------------------------------------------------


def test_github_workflow_command_shape() -> None:
    assert render("github", finding(), finding("x.md", severity=Severity.WARNING)).splitlines() == [
        '::error file=spec.md,line=3,col=1,endLine=3,title=SL102 missing-section::missing section "Design"',
        '::warning file=x.md,line=3,col=1,endLine=3,title=SL102 missing-section::missing section "Design"',
    ]


@pytest.mark.parametrize(("raw", "data", "prop"), [
    ("100%", "100%25", "100%25"),
    ("a\rb", "a%0Db", "a%0Db"),
    ("a\nb", "a%0Ab", "a%0Ab"),
    ("a:b,c", "a:b,c", "a%3Ab%2Cc"),
    (HOSTILE, "%250A::error::x", "%250A%3A%3Aerror%3A%3Ax"),
    ("%0D%0A%25", "%250D%250A%2525", "%250D%250A%2525"),
])
def test_github_escaping_is_exactly_the_runners(raw: str, data: str, prop: str) -> None:
    assert (escape_data(raw), escape_property(raw)) == (data, prop)
    assert (unescape(data, DATA_ESCAPES), unescape(prop, PROPERTY_ESCAPES)) == (raw, raw)


def test_hostile_findings_cannot_inject_a_workflow_command() -> None:
    hostile = Finding(f"docs/{HOSTILE},x=1:y.md", 7, 2, 9, "SL302", "metric-naming", Severity.WARNING,
                      f'metric name "dynamo_x_{HOSTILE}" has a bad character\r\n::error::pwned\r::warning::y')
    out = FORMATS["github"](report(hostile, finding()), PLAIN)
    lines = out.split("\n")
    assert len(lines) == 2
    command, properties, data = parse_workflow_command(lines[0])
    assert command == "warning"
    assert properties == {"file": hostile.path, "line": "7", "col": "2", "endLine": "9",
                          "title": "SL302 metric-naming"}
    assert data == printable(hostile.message)
    assert_only_own_commands(out)


def test_a_hostile_spec_cannot_inject_through_the_command_line(tmp_path: Path) -> None:
    spec = tmp_path / "hostile.md"
    text = valid_with("## Related Documentation", f"## Bad {HOSTILE}\n\nText.\n\n## Related Documentation")
    text = text.replace("`dynamo_router_workers`", f"`dynamo_router_workers{HOSTILE}`")
    spec.write_text(text.replace("\n", "\r\n"), encoding="utf-8")
    result = CliRunner().invoke(main, ["--output-format", "github", str(spec)], catch_exceptions=False)
    assert_only_own_commands(result.stdout)
    quoted = [data for _, _, data in map(parse_workflow_command, result.stdout.splitlines()) if HOSTILE in data]
    assert quoted, "the unknown-section warning should quote the hostile heading"


def test_github_with_no_finding_prints_nothing() -> None:
    assert render("github") == ""


# --- the runner's side, as its ActionCommand parser reads a line ---------------------------------

DATA_ESCAPES = (("\r", "%0D"), ("\n", "%0A"), ("%", "%25"))
PROPERTY_ESCAPES = (("\r", "%0D"), ("\n", "%0A"), (":", "%3A"), (",", "%2C"), ("%", "%25"))


def unescape(value: str, escapes: tuple[tuple[str, str], ...]) -> str:
    for token, replacement in escapes:
        value = value.replace(replacement, token)
    return value


def parse_workflow_command(line: str) -> tuple[str, dict[str, str], str]:
    assert line.startswith("::")
    end = line.index("::", 2)
    info, data = line[2:end], line[end + 2:]
    command, _, props = info.partition(" ")
    pairs = (prop.split("=", 1) for prop in props.split(",") if prop)
    return command, {key: unescape(value, PROPERTY_ESCAPES) for key, value in pairs}, unescape(data, DATA_ESCAPES)


def assert_only_own_commands(out: str) -> None:
    """Every line the runner would read is one of ours, with exactly our properties."""
    lines = re.split(r"\r\n|\r|\n", out.removesuffix("\n"))
    assert lines and lines != [""]
    for line in lines:
        assert line.startswith(("::error file=", "::warning file=")), line
        command, properties, _ = parse_workflow_command(line)
        assert command in {"error", "warning"}
        assert list(properties) == ["file", "line", "col", "endLine", "title"], line



# --- escaping ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("raw", "shown"), [
    ("clear\x1b[2J", "clear\\x1b[2J"),
    ("bell\x07back\x08", "bell\\x07back\\x08"),
    ("tab\tcr\rlf\n", "tab\\tcr\\rlf\\n"),
    ("del\x7f csi\x9b", "del\\x7f csi\\x9b"),
    ("\u202eevil\u202c \u2066i\u2069 \u200e\u200f\u061c", "\\u202eevil\\u202c \\u2066i\\u2069 \\u200e\\u200f\\u061c"),
    ("caf\udce9.md", "caf\\udce9.md"),
    ("plain café — “quoted”", "plain café — “quoted”"),
])
def test_printable_shows_controls_as_escapes(raw: str, shown: str) -> None:
    assert printable(raw) == shown


@pytest.mark.parametrize(("raw", "shown"), [
    ("a\\x1b.md", "a\\\\x1b.md"),       # the four characters, not ESC ("a\x1b.md")
    ("\\u202e \\n \\t \\r", "\\\\u202e \\\\n \\\\t \\\\r"),
    ("\\\\", "\\\\\\"),                   # two backslashes: the first stands before one
    ("\\\x1b", "\\\\\\x1b"),              # a backslash, then ESC
    ("C:\\docs \\d+ \\| \\x1 \\u12 \\", "C:\\docs \\d+ \\| \\x1 \\u12 \\"),  # no escape is read here
])
def test_printable_doubles_a_backslash_only_where_it_would_read_as_an_escape(raw: str, shown: str) -> None:
    assert printable(raw) == shown


def test_printable_is_unambiguous() -> None:
    """No two texts print alike: every text of up to 5 characters that could form an escape."""
    texts = ["".join(chars) for size in range(6) for chars in itertools.product("\\x0n\x00\na", repeat=size)]
    assert len({printable(text) for text in texts}) == len(texts)


HOSTILE_FINDING = Finding("dir\n\x1b]8;;x\x07/a\u202e.md", 1, 1, 1, "SL104", "unknown-section", Severity.WARNING,
                          'unknown section "\x1b[31mred\x1b[0m\u202e"')


@pytest.mark.parametrize("name", ["text", "github"])
def test_line_formats_carry_no_raw_control_character(name: str) -> None:
    out = FORMATS[name](report(HOSTILE_FINDING), PLAIN)
    assert len(out.splitlines()) == (2 if name == "text" else 1)
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e]", out)
    assert "dir\\n\\x1b]8;;x\\x07/a\\u202e.md" in out.replace("%3A", ":").replace("%2C", ",")


def test_json_stays_json_whatever_a_finding_holds() -> None:
    (item,) = json.loads(render("json", HOSTILE_FINDING))
    assert (item["path"], item["message"]) == (HOSTILE_FINDING.path, HOSTILE_FINDING.message)



# --- concise -----------------------------------------------------------------------------------


def test_concise_is_one_plain_line_per_finding_and_nothing_else() -> None:
    out = FORMATS["concise"](report(*UNSORTED[:2], HOSTILE_FINDING), FormatOptions(color=True))
    assert out.splitlines() == [
        'a.md:10:1: SL102 missing section "Design"',
        'b.md:1:1: SL102 missing section "Design"',
        'dir\\n\\x1b]8;;x\\x07/a\\u202e.md:1:1: SL104 unknown section "\\x1b[31mred\\x1b[0m\\u202e"',
    ]


# --- junit -------------------------------------------------------------------------------------

NASTY = 'x ]]> <![CDATA[ & <b> "q" \x00\x01\x0b\x1b \ufffe \udce9 \U0001f600'


def junit(*findings: Finding, linted: tuple[str, ...] = ()) -> ET.Element:
    given = Report(findings, linted=linted or tuple(sorted({f.path for f in findings})), skipped=())
    return ET.fromstring(FORMATS["junit"](given, PLAIN))


def test_junit_has_one_case_per_linted_file_and_one_failure_per_finding() -> None:
    root = junit(*UNSORTED[:3], UNSORTED[4], linted=("a.md", "b.md", "clean.md"))
    (suite,) = root
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("3", "2", "0")
    cases = {case.get("name"): case for case in suite.iter("testcase")}
    assert list(cases) == ["a.md", "b.md", "clean.md"]
    assert list(cases["clean.md"]) == []
    failures = cases["a.md"].findall("failure")
    assert [(f.get("type"), f.get("message")) for f in failures] == [
        ("SL102", 'missing section "Design"'), ("SL205", 'missing section "Design"'), ("SL102", 'missing section "Design"')]
    assert failures[0].text == '2:1: SL102 [missing-section] error: missing section "Design"'
    assert len((cases["a.md"].findtext("system-out") or "").splitlines()) == 3  # all, for readers showing one failure


def test_junit_fails_a_case_only_for_findings_at_or_above_fail_on() -> None:
    warned = Report((UNSORTED[3],), linted=("a.md",), skipped=())
    (case,) = ET.fromstring(FORMATS["junit"](warned, PLAIN)).iter("testcase")
    assert case.find("failure") is None
    assert case.findtext("system-out") == '2:5: SL111 [missing-section] warning: missing section "Design"'
    strict = ET.fromstring(FORMATS["junit"](warned, FormatOptions(fail_on=Severity.WARNING)))
    assert [f.get("type") for f in strict.iter("failure")] == ["SL111"] and strict.get("failures") == "1"


def test_junit_gives_a_path_that_could_not_be_checked_a_case_with_an_error() -> None:
    given = Report((), linted=("a: b.md",), skipped=(), errors=("gone.md: no such file", "a: b.md: internal error"))
    suite = ET.fromstring(FORMATS["junit"](given, PLAIN)).find("testsuite")
    assert suite is not None and (suite.get("tests"), suite.get("errors"), suite.get("failures")) == ("2", "2", "0")
    cases = {case.get("name"): case.find("error") for case in suite.iter("testcase")}
    assert [error.get("message") for error in cases.values() if error is not None] == [
        "a: b.md: internal error", "gone.md: no such file"]


def test_a_run_with_a_missing_path_gives_junit_an_error_case(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["--output-format", "junit", "nothere.md"])
    assert result.exit_code == 2
    error = ET.fromstring(result.stdout).find("testsuite/testcase[@name='nothere.md']/error")
    assert error is not None and error.get("message") == "nothere.md: no such file or directory"


def test_junit_stays_well_formed_xml_whatever_a_finding_holds() -> None:
    hostile = Finding(f"docs/{NASTY}.md", 1, 1, 1, "SL104", "unknown-section", Severity.ERROR, NASTY)
    case = junit(hostile).find("testsuite/testcase")
    assert case is not None
    assert case.get("name") == 'docs/x ]]> <![CDATA[ & <b> "q" \\x00\\x01\\x0b\\x1b \\ufffe \\udce9 \U0001f600.md'
    failure = case.find("failure")
    shown = '& <b> "q" \\x00\\x01\\x0b\\x1b \\ufffe \\udce9 \U0001f600'
    assert failure is not None and (failure.text or "").endswith(shown) and failure.get("message", "").endswith(shown)


def test_junit_of_a_hostile_spec_parses(tmp_path: Path) -> None:
    spec = tmp_path / "hostile.md"
    heading = NASTY.replace("\x00", "").replace("\udce9", "")  # either would make the file no UTF-8 text
    spec.write_text(valid_with("## Related Documentation", f"## Bad {heading}\n\nText.\n\n## Related Documentation"),
                    encoding="utf-8")
    result = CliRunner().invoke(main, ["--output-format", "junit", "--fail-on", "warning", str(spec)],
                                catch_exceptions=False)
    failure = ET.fromstring(result.stdout).find("testsuite/testcase/failure")
    assert failure is not None and "]]>" in (failure.text or "")


# --- gitlab ------------------------------------------------------------------------------------


def gitlab(*findings: Finding) -> list[dict[str, Any]]:
    issues: list[dict[str, Any]] = json.loads(render("gitlab", *findings))
    return issues


def anchored(line: int, text: str = "| `x` | Count |", section: str = "Metrics") -> Finding:
    return dataclasses.replace(finding(line=line), anchor=Anchor(("Overview", section), text))


def test_gitlab_issue_shape() -> None:
    (issue,) = gitlab(anchored(4))
    assert issue == {
        "type": "issue", "check_name": "SL102",
        "description": 'SL102 [missing-section] missing section "Design"', "categories": ["Style"],
        "severity": "major", "fingerprint": issue["fingerprint"],
        "location": {"path": "spec.md", "lines": {"begin": 4, "end": 4}},
    }
    assert gitlab(finding(severity=Severity.WARNING))[0]["severity"] == "minor"


def test_gitlab_fingerprints_are_unique_and_stable_when_lines_move() -> None:
    identical = [issue["fingerprint"] for issue in gitlab(anchored(4), anchored(9), anchored(12, "other"))]
    moved = [issue["fingerprint"] for issue in gitlab(anchored(40), anchored(90), anchored(120, "other"))]
    assert len(set(identical)) == 3
    assert moved == identical
    assert gitlab(anchored(4, section="Logging"))[0]["fingerprint"] not in identical


# --- the GitHub step summary --------------------------------------------------------------------


def test_step_summary_tables_every_finding_per_file() -> None:
    out = step_summary(report(*UNSORTED))
    assert "Found 4 errors and 1 warning (2 specs checked)" in out
    assert "### a.md (4 findings)" in out and "### b.md (1 finding)" in out
    assert '| 10 | SL102 | error | missing section "Design" |' in out
    assert out.count("| SL") == 5


@pytest.mark.parametrize(("raw", "shown"), [
    ("a | b", "a \\| b"),
    ("line\nbreak\r", "line\\\\nbreak\\\\r"),
    ("<img src=x onerror=alert(1)> &amp;", "&lt;img src=x onerror=alert(1)&gt; &amp;amp;"),
    ("`code` *em* _em_ [l](u) ~s~ $x$ @team", "\\`code\\` \\*em\\* \\_em\\_ \\[l\\](u) \\~s\\~ \\$x\\$ \\@team"),
    ("back\\slash", "back\\\\slash"),
])
def test_step_summary_cells_show_their_text_as_is(raw: str, shown: str) -> None:
    assert cell(raw) == shown
    rows = [line for line in step_summary(report(finding(message=raw))).splitlines() if line.startswith("| 3 |")]
    assert rows == [f"| 3 | SL102 | error | {shown} |"]


def test_step_summary_stops_at_its_limit_and_says_how_many_are_left_out() -> None:
    out = step_summary(report(*(finding(line=n) for n in range(1, LIMIT + 3))))
    assert out.count("| SL102 |") == LIMIT
    assert out.rstrip().endswith("... and 2 more findings (see the step's log)")
    assert f"### spec.md ({LIMIT + 2} findings)" in out
