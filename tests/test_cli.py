"""The ``spec-lint`` command: every option, every exit code, and bad input."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import tomllib
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import Result
from conftest import FIXTURES, ROOT, cli_runner, valid_with

from spec_lint import __version__
from spec_lint.checks.api_module import ModuleLocation
from spec_lint.cli import main
from spec_lint.cli.toml_text import toml_value
from spec_lint.discover import markdown_files
from spec_lint.findings import Severity, Violation
from spec_lint.formats import UNPRINTABLE
from spec_lint.pack import PackError, Rule, builtin_pack

INPUTS = FIXTURES / "inputs"
BROKEN = "examples/router-broken.md"
VALID = "examples/router.md"
TEXT_LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<code>SL\d{3})(?: \[\*\])? \[[a-z0-9-]+\] \S.*$")
ANSI = "\x1b["


@pytest.fixture(autouse=True)
def _in_project(monkeypatch: pytest.MonkeyPatch) -> None:
    """Paths in output are as given, so every test runs from the project folder."""
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("NO_COLOR", raising=False)


def run(*args: str) -> Result:
    runner = cli_runner()
    return runner.invoke(main, list(args), catch_exceptions=False)


def stdout_lines(result: Result) -> list[str]:
    return result.stdout.splitlines()


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(path)


def warning_only_spec(tmp_path: Path) -> str:
    """The valid spec plus an H2 the template does not know: one SL104 warning."""
    return write(tmp_path, "notes.md", valid_with("## Related Documentation", "## Notes\n\nNone yet.\n\n"
                                                  "## Related Documentation"))


# --- text output and exit codes 0 / 1 -------------------------------------------------------


def test_valid_spec_passes_with_exit_0() -> None:
    result = run(VALID)
    assert result.exit_code == 0
    assert stdout_lines(result) == ["All checks passed (1 spec checked)"]
    assert result.stderr == ""


def test_broken_spec_gives_text_lines_then_one_summary_and_exit_1() -> None:
    result = run(BROKEN)
    assert result.exit_code == 1
    *findings, summary = stdout_lines(result)
    assert findings and all(TEXT_LINE.match(line) for line in findings), findings
    assert {TEXT_LINE.match(line)["path"] for line in findings} == {BROKEN}  # type: ignore[index]
    assert re.fullmatch(r"Found \d+ errors? and \d+ warnings? \(1 spec checked\)", summary)


def test_paths_are_printed_as_given_or_relative_to_the_current_folder() -> None:
    result = run("examples", "./" + VALID)
    paths = {m["path"] for m in map(TEXT_LINE.match, stdout_lines(result)) if m}
    assert paths == {BROKEN}
    assert "(4 specs checked)" in result.stdout


def test_absolute_paths_stay_as_given() -> None:
    given = str(ROOT / BROKEN)
    result = run(given)
    assert stdout_lines(result)[0].startswith(f"{given}:")


def test_a_file_named_twice_is_linted_once() -> None:
    assert run(BROKEN, "examples", "./" + BROKEN).stdout == run("examples").stdout


# --- options ---------------------------------------------------------------------------------


def test_fail_on_warning_turns_warnings_into_exit_1(tmp_path: Path) -> None:
    spec = warning_only_spec(tmp_path)
    default = run(spec)
    assert default.exit_code == 0
    assert " SL104 [unknown-section] " in default.stdout
    assert "Found 0 errors and 1 warning" in default.stdout
    assert run("--fail-on", "warning", spec).exit_code == 1
    assert run("--fail-on", "error", spec).exit_code == 0


def test_quiet_prints_findings_only() -> None:
    result = run("--quiet", BROKEN)
    assert result.exit_code == 1
    assert all(TEXT_LINE.match(line) for line in stdout_lines(result))
    assert run("-q", VALID).stdout == ""


def test_verbose_says_which_files_were_passed_over_and_why() -> None:
    result = run("--verbose", str(INPUTS / "README.md"), str(INPUTS / "empty.md"), VALID)
    assert result.exit_code == 0
    reason = 'not a spec: no H1 ending in "Component Specification" and no "Template Version" field'
    assert result.stderr.splitlines() == [
        f"spec-lint: passed over {INPUTS / 'README.md'}: {reason}",
        f"spec-lint: passed over {INPUTS / 'empty.md'}: empty file",
    ]
    assert stdout_lines(result) == ["All checks passed (1 spec checked, 2 files passed over)"]


def test_without_verbose_non_specs_are_passed_over_silently() -> None:
    result = run(str(INPUTS / "README.md"))
    assert (result.exit_code, result.stderr) == (0, "")


def test_quiet_and_verbose_together_are_a_usage_error() -> None:
    result = run("-q", "-v", VALID)
    assert result.exit_code == 2
    assert "--quiet and --verbose cannot be used together" in result.stderr


def test_json_output_is_one_array() -> None:
    result = run("--output-format", "json", BROKEN)
    assert result.exit_code == 1
    items = json.loads(result.stdout)
    assert items and {item["path"] for item in items} == {BROKEN}


def test_json_output_of_a_clean_run_is_an_empty_array() -> None:
    result = run("--output-format", "json", VALID)
    assert (result.exit_code, json.loads(result.stdout)) == (0, [])


def test_github_output_is_one_workflow_command_per_finding() -> None:
    result = run("--output-format", "github", BROKEN)
    assert result.exit_code == 1
    lines = stdout_lines(result)
    assert lines and all(line.startswith(f"::error file={BROKEN},line=") for line in lines)


def test_version() -> None:
    result = run("--version")
    assert (result.exit_code, result.stdout) == (0, f"spec-lint, version {__version__}\n")


def test_help_lists_every_option() -> None:
    result = run("--help")
    assert result.exit_code == 0
    for option in ("--output-format", "--fail-on", "--quiet", "--verbose", "--no-color", "--version"):
        assert option in result.stdout


def test_no_color_and_a_pipe_give_plain_text() -> None:
    for args in ([BROKEN], ["--no-color", BROKEN]):
        assert ANSI not in run(*args).stdout


# --- exit code 2 -----------------------------------------------------------------------------


@pytest.mark.parametrize(("args", "message"), [
    ((), "Missing argument"),
    (("--bogus", VALID), "No such option"),
    (("--output-format", "xml", VALID), "Invalid value for '--output-format'"),
    (("--fail-on", "info", VALID), "Invalid value for '--fail-on'"),
])
def test_usage_errors_exit_2(args: tuple[str, ...], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_missing_path_is_one_clear_line_and_the_run_goes_on() -> None:
    result = run("no/such/spec.md", BROKEN, str(INPUTS / "README.md"))
    assert result.exit_code == 2
    assert result.stderr == "spec-lint: error: no/such/spec.md: no such file or directory\n"
    assert stdout_lines(result)[0].startswith(f"{BROKEN}:")
    assert stdout_lines(result)[-1].endswith("(1 spec checked, 1 file passed over, 1 problem reported above)")


def test_internal_error_is_one_line_without_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*_: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("spec_lint.cli.check.lint_paths", explode)
    result = run(VALID)
    assert result.exit_code == 2
    assert result.stderr == "spec-lint: error: internal error: RuntimeError('boom')\n"


def test_a_bad_rule_pack_exits_2(monkeypatch: pytest.MonkeyPatch) -> None:
    def bad_pack() -> None:
        raise PackError("dynamo-component.toml: KeyError: 'pack'")

    monkeypatch.setattr("spec_lint.cli.packs.builtin_pack", bad_pack)
    result = run(VALID)
    assert result.exit_code == 2
    assert result.stderr.startswith("spec-lint: error: bad rule pack: dynamo-component.toml")


class _BrokenCheck:
    def check(self, ctx: object) -> list[Violation]:
        raise ZeroDivisionError("division by zero")


def test_a_bug_in_one_check_exits_2_and_the_other_rules_still_report(monkeypatch: pytest.MonkeyPatch) -> None:
    pack = builtin_pack()
    buggy = Rule("SL999", "buggy", Severity.ERROR, "", _BrokenCheck())
    monkeypatch.setattr("spec_lint.cli.packs.builtin_pack", lambda: replace(pack, rules=(*pack.rules, buggy)))
    result = run(BROKEN)
    assert result.exit_code == 2
    assert f"spec-lint: error: {BROKEN}: internal error in SL999 buggy: ZeroDivisionError" in result.stderr
    assert "Traceback" not in result.stderr
    assert TEXT_LINE.match(stdout_lines(result)[0])


# --- bad input -------------------------------------------------------------------------------


def test_binary_file_is_one_unreadable_finding_at_line_1(tmp_path: Path) -> None:
    path = write(tmp_path, "binary.md", "# Router - 1.0 Component Specification\n\x00")
    result = run(str(path), VALID)
    assert result.exit_code == 1
    assert stdout_lines(result)[0] == f"{path}:1:1: SL001 [unreadable-file] cannot read file: binary content (NUL byte)"
    assert "Traceback" not in result.output


def test_a_binary_file_that_is_no_spec_is_passed_over() -> None:
    result = run("-v", str(INPUTS / "binary.md"))  # a PNG image
    assert (result.exit_code, stdout_lines(result)) == (0, ["All checks passed (0 specs checked, 1 file passed over)"])
    assert "not a spec" in result.stderr


def test_latin1_file_is_one_unreadable_finding_that_names_the_byte() -> None:
    path = str(INPUTS / "latin1.md")
    result = run(path)
    assert result.exit_code == 1
    assert stdout_lines(result)[0] == f"{path}:1:1: SL001 [unreadable-file] file is not UTF-8 text (byte 0xe9 on line 5)"


def test_empty_file_is_passed_over() -> None:
    result = run("-v", str(INPUTS / "empty.md"))
    assert result.exit_code == 0
    assert "empty file" in result.stderr


def test_readme_named_explicitly_passes() -> None:
    result = run(str(INPUTS / "README.md"))
    assert result.exit_code == 0
    assert stdout_lines(result) == ["All checks passed (0 specs checked, 1 file passed over)"]


def test_all_bad_inputs_in_one_run_give_findings_not_a_crash() -> None:
    result = run("--output-format", "json", str(INPUTS))
    assert result.exit_code == 1
    assert [(Path(i["path"]).name, i["code"]) for i in json.loads(result.stdout)] == [("latin1.md", "SL001")]


# --- folders ---------------------------------------------------------------------------------


def test_folders_are_walked_for_markdown_skipping_hidden_folders_and_node_modules(tmp_path: Path) -> None:
    spec = (ROOT / BROKEN).read_text(encoding="utf-8")
    for name in ("a.md", "sub/deeper/b.md", ".git/c.md", "sub/.cache/d.md", "node_modules/pkg/e.md", "f.txt"):
        write(tmp_path, name, spec)
    found = [p.relative_to(tmp_path).as_posix() for p in markdown_files(tmp_path).files]
    assert found == ["a.md", "sub/deeper/b.md"]
    result = run("--output-format", "json", str(tmp_path))
    assert {Path(i["path"]).relative_to(tmp_path).as_posix() for i in json.loads(result.stdout)} == set(found)


# --- rule packs ------------------------------------------------------------------------------

TEAM_PACK = """
[pack]
name = "our-components"
extends = "dynamo-component"

[params]
env_prefix = "DYN_{COMPONENT}_"

[remove]
rules = ["SL343"]
"""


def test_a_team_pack_replaces_the_built_in_one(tmp_path: Path) -> None:
    team = write(tmp_path, "our-pack.toml", TEAM_PACK)
    spec = write(tmp_path, "spec.md", valid_with("pip install dynamo-router", "pip install router-tools"))
    assert codes_of(run("--output-format", "json", spec)) == {"SL343"}
    assert codes_of(run("--output-format", "json", "--pack", team, spec)) == {"SL320"}  # DYNAMO_ROUTER_ variables
    assert "SL343" in run("rules").stdout and "SL343" not in run("rules", "--pack", team).stdout
    assert run("explain", "--pack", team, "SL343").exit_code == 2
    assert '  params.env_prefix = "DYN_{COMPONENT}_"' in stdout_lines(run("explain", "SL320", "--pack", team))


def codes_of(result: Result) -> set[str]:
    return {item["code"] for item in json.loads(result.stdout)}


@pytest.mark.parametrize("command", [["check", VALID], ["rules"], ["explain", "SL301"]])
def test_a_team_pack_with_a_misspelt_option_exits_2_with_one_line(tmp_path: Path, command: list[str]) -> None:
    team = write(tmp_path, "our-pack.toml", TEAM_PACK + '\n[[rules]]\ncode = "SL301"\noptions.colum = "x"\n')
    result = run(*command, "--pack", team)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (f'spec-lint: error: bad rule pack: {team}: SL301: option "colum": unknown option '
                             '(did you mean "column"?)\n')


def test_several_packs_each_lint_their_own_documents(tmp_path: Path) -> None:
    notes = write(tmp_path, "notes.toml", """
[pack]
name = "notes"
section_level = 2
title_pattern = '^(?P<name>.+) Notes$'
title_example = "<Name> Notes"
detect = { title_suffix = "Notes" }
identity = { title_group = "name" }
""")
    write(tmp_path, "docs/router.md", (ROOT / BROKEN).read_text(encoding="utf-8"))
    write(tmp_path, "docs/team.md", "# Team Notes\n\nText.\n")
    builtin = str(ROOT / "rules" / "dynamo-component.toml")
    result = run("--pack", notes, "--pack", builtin, str(tmp_path / "docs"))
    assert result.exit_code == 1
    assert stdout_lines(result)[-1].endswith("(2 specs checked)")


# --- the real console script -----------------------------------------------------------------


def console_script() -> str:
    script = Path(sys.executable).parent / "spec-lint"
    if not script.exists():
        pytest.skip("the spec-lint console script is not installed next to this Python")
    return str(script)


def test_console_script_runs_for_real() -> None:
    done = subprocess.run([console_script(), "examples/"], cwd=ROOT, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, check=False)
    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith(f"{BROKEN}:")
    assert done.stdout.splitlines()[-1].endswith("(4 specs checked)")


def test_python_dash_m_runs_the_same_command() -> None:
    done = subprocess.run([sys.executable, "-m", "spec_lint", "--help"], cwd=ROOT, capture_output=True,
                          text=True, stdin=subprocess.DEVNULL, check=False)
    assert done.returncode == 0
    assert done.stdout.startswith("Usage: spec-lint [OPTIONS] PATHS...")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
@pytest.mark.parametrize(("args", "env", "coloured"), [
    ([], {}, True),
    (["--no-color"], {}, False),
    ([], {"NO_COLOR": "1"}, False),
])
def test_colour_only_on_a_terminal(args: list[str], env: dict[str, str], coloured: bool) -> None:
    environment = {k: v for k, v in os.environ.items() if k != "NO_COLOR"} | env
    output = run_on_terminal([console_script(), *args, BROKEN], environment)
    assert (ANSI in output) is coloured
    assert "SL111" in output


def run_on_terminal(command: list[str], env: dict[str, str]) -> str:
    """What ``command`` prints to a pseudo-terminal standing in for the user's."""
    main_fd, terminal = os.openpty()
    try:
        subprocess.run(command, cwd=ROOT, stdout=terminal, stderr=subprocess.DEVNULL,
                       stdin=subprocess.DEVNULL, env=env, check=False, timeout=60)
    finally:
        os.close(terminal)
    chunks = []
    try:
        while chunk := os.read(main_fd, 65536):
            chunks.append(chunk)
    except OSError:  # Linux says EIO once the terminal side is closed and drained
        pass
    finally:
        os.close(main_fd)
    return b"".join(chunks).decode()


def test_a_missing_path_is_not_called_a_clean_run() -> None:
    result = run(VALID, "no/such/spec.md")
    assert result.exit_code == 2
    assert stdout_lines(result)[-1] == (
        "No findings, but not everything was checked (1 spec checked, 1 problem reported above)"
    )


# --- the command group -----------------------------------------------------------------------


def test_check_is_the_default_command() -> None:
    assert run("check", "--output-format", "json", BROKEN).stdout == run("--output-format", "json", BROKEN).stdout


def test_no_argument_prints_the_usage_and_exits_2() -> None:
    result = run()
    assert result.exit_code == 2
    assert re.match(r"Usage: \S+ \[OPTIONS\] PATHS...\n   or: \S+ COMMAND \[ARGS\]...\n", result.stderr)


def test_help_says_how_to_lint_a_folder_named_like_a_command() -> None:
    help_text = " ".join(run("--help").stdout.split())
    assert "a folder named like one is linted as ./rules or rules/" in help_text
    for command in ("check", "explain", "rules"):
        assert f"\n  {command} " in run("--help").stdout


def test_rules_lists_rules_and_does_not_lint_a_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "rules/spec.md", (ROOT / BROKEN).read_text(encoding="utf-8"))
    monkeypatch.chdir(tmp_path)
    listed = run("rules")
    assert listed.exit_code == 0
    codes = [line.split()[0] for line in stdout_lines(listed)]
    assert codes == sorted({"SL000", "SL001", "SL002", "SL003", *(rule.code for rule in builtin_pack().rules)})
    assert "SL102  missing-section" in listed.stdout and "a required section of the template is absent" in listed.stdout
    for path in ("rules/", "./rules"):
        assert run(path).exit_code == 1, path
    assert run("check", "rules").exit_code == 1


def test_rules_as_json() -> None:
    items = json.loads(run("rules", "--output-format", "json").stdout)
    first = next(item for item in items if item["code"] == "SL102")
    assert (first["name"], first["severity"], first["check"]) == ("missing-section", "error", "missing-section")
    assert first["summary"].startswith("a required section of the template is absent (")
    assert first["fixable"] is True


def test_explain_prints_the_description_the_check_and_its_options() -> None:
    result = run("explain", "SL301")
    assert result.exit_code == 0
    lines = stdout_lines(result)
    assert lines[0] == "SL301 metric-prefix (error)"
    assert 'Checked by the "column-format" check:' in lines
    options = lines[lines.index('Options in the "dynamo-component" pack:') + 1: lines.index("Pack parameters they use:") - 1]
    assert options == ['  options.table = "metrics"', '  options.column = "Metric Name"', '  options.what = "metric"',
                       '  options.prefixes = ["{metric_prefixes}"]']
    params = lines.index("Pack parameters they use:")
    assert lines[params + 1:params + 4] == ['  params.metric_prefix = "dynamo_{component}_"',
                                            '  params.metric_prefixes = ["{metric_prefix}"]', ""]
    assert lines[-1] == "  SL301 reports nothing."
    assert run("explain", "metric-prefix").stdout == result.stdout
    assert run("explain", "sl301").stdout == result.stdout


def test_explain_shows_options_as_toml_and_docs_with_single_backticks() -> None:
    for code in [line.split()[0] for line in stdout_lines(run("rules"))]:
        out = run("explain", code).stdout
        assigned = [line.strip() for line in out.splitlines() if line.startswith(("  options.", "  params."))]
        tomllib.loads("\n".join(assigned))  # raises on anything a pack could not hold
        docs = out.split("Checked by", 1)[1].split("\nExample, ", 1)[0]  # the examples hold code fences
        assert not re.search(r"``[^`]+``", docs), code  # `` `a` `` stays
    assert "(`similarity`, as difflib measures it)" in run("explain", "SL102").stdout


def test_toml_values_as_a_pack_writes_them() -> None:
    location = ModuleLocation(table="stable_api", column="Module", root="{stable_module}")
    assert toml_value((location,)) == '[{ root = "{stable_module}", table = "stable_api" }]'  # column: its default
    assert toml_value({"A > B": (1, 0.5, True)}) == '{ "A > B" = [1, 0.5, true] }'
    assert toml_value(r"^\d+$") == r"'^\d+$'"
    assert toml_value('say "hi"\n\\') == r'"say \"hi\"\n\\"'
    for raw in ("a\x7fb", "bidi\u202e\x9b", "\\d\x1b"):  # safe to print, and the same value read back
        assert not re.search(UNPRINTABLE, toml_value(raw)) and tomllib.loads("x = " + toml_value(raw)) == {"x": raw}
    with pytest.raises(TypeError, match="no TOML form"):
        toml_value(object())


def test_explain_an_engine_rule() -> None:
    result = run("explain", "SL003")
    assert (result.exit_code, stdout_lines(result)[0]) == (0, "SL003 file-too-large (error)")
    assert "Checked by the engine:" in result.stdout


@pytest.mark.parametrize(("code", "message"), [
    ("SL3O1", 'unknown rule "SL3O1" (did you mean "SL301"?)'),
    ("metric-prefx", 'unknown rule "metric-prefx" (did you mean "metric-prefix"?)'),
    ("zzz", 'unknown rule "zzz" (expected a code that `spec-lint rules` lists)'),
])
def test_explain_an_unknown_rule_exits_2_with_a_suggestion(code: str, message: str) -> None:
    result = run("explain", code)
    assert (result.exit_code, result.stderr) == (2, f"spec-lint: error: {message}\n")


def test_options_before_check_are_check_options() -> None:
    expected = run("check", "-q", "--output-format", "json", BROKEN)
    for args in (["-q", "check", "--output-format", "json", BROKEN], ["--output-format", "json", "-q", "check", BROKEN],
                 ["--output-format=json", "check", "-q", BROKEN]):
        assert (run(*args).exit_code, run(*args).stdout) == (1, expected.stdout), args


@pytest.mark.parametrize(("args", "suggested"), [
    (["--output-format", "json", "rules"], "spec-lint rules --output-format json"),
    (["-q", "explain", "SL101"], "spec-lint explain -q SL101"),
    (["--pack", "team.toml", "rules"], "spec-lint rules --pack team.toml"),
])
def test_options_before_another_command_are_a_usage_error(args: list[str], suggested: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    name = args[-2] if args[-1] == "SL101" else args[-1]
    assert f'Error: "{name}" is a command: write it first ("{suggested}"), or "./{name}" to lint a folder' \
        in result.stderr


def test_an_option_value_or_a_path_after_double_dash_named_like_a_command_is_no_command(tmp_path: Path,
                                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "rules/spec.md", (ROOT / BROKEN).read_text(encoding="utf-8"))
    monkeypatch.chdir(tmp_path)
    assert run("--", "rules").exit_code == 1
    assert run("-q", "--", "rules").exit_code == 1
    assert "'rules' is not one of" in run("--output-format", "rules", "x.md").stderr


# --- safe output ---------------------------------------------------------------------------------


def test_control_and_bidi_characters_from_a_spec_are_escaped_in_text(tmp_path: Path) -> None:
    hostile = "Bad \x1b]0;pwned\x07 \u202eheading\x9b"
    spec = write(tmp_path, "spec.md", valid_with("## Related Documentation", f"## {hostile}\n\nText.\n\n"
                                                  "## Related Documentation"))
    out = run(spec).stdout
    assert "## " not in out and '"Bad \\x1b]0;pwned\\x07 \\u202eheading\\x9b"' in out
    for raw in ("\x1b", "\x07", "\u202e", "\x9b"):
        assert raw not in out


def test_an_internal_error_is_an_sl000_finding_and_exit_2(monkeypatch: pytest.MonkeyPatch) -> None:
    pack = builtin_pack()
    buggy = Rule("SL999", "buggy", Severity.ERROR, "", _BrokenCheck())
    monkeypatch.setattr("spec_lint.cli.packs.builtin_pack", lambda: replace(pack, rules=(buggy,)))
    result = run(VALID)
    assert result.exit_code == 2
    assert stdout_lines(result) == [
        (f"{VALID}:1:1: SL000 [internal-error] internal error in SL999 buggy: "
        "ZeroDivisionError('division by zero') (please report it)"),
        "Found 1 error and 0 warnings (1 spec checked, 1 problem reported above)",
    ]


def test_ctrl_c_exits_130_with_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("spec_lint.cli.check.lint_paths", interrupted)
    result = run(VALID)
    assert (result.exit_code, result.stdout, result.stderr) == (130, "", "spec-lint: interrupted\n")


PATCHED_RUN = """
import sys, time
import spec_lint.cli.check as check
from spec_lint.findings import Finding, Report, Severity
def many(*_):
    finding = Finding("x.md", 1, 1, 1, "SL102", "missing-section", Severity.ERROR, "m" * 100)
    return Report((finding,) * 20000, ("x.md",), ())
def slow(*_):
    print("started", file=sys.stderr, flush=True)
    time.sleep(60)
check.lint_paths = {patch}
from spec_lint.cli import main
main(prog_name="spec-lint")
"""


def test_a_reader_that_goes_away_is_no_error() -> None:
    process = subprocess.Popen([sys.executable, "-c", PATCHED_RUN.format(patch="many"), VALID], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline().startswith(b"x.md:1:1: SL102")
    process.stdout.close()
    assert (process.wait(timeout=60), process.stderr.read()) == (1, b"")


@pytest.mark.skipif(sys.platform == "win32", reason="needs SIGINT")
def test_ctrl_c_for_real_exits_130_without_traceback() -> None:
    process = subprocess.Popen([sys.executable, "-c", PATCHED_RUN.format(patch="slow"), VALID], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    assert process.stderr is not None
    assert process.stderr.readline() == b"started\n"
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=60) == 130
    assert process.stderr.read() == b"spec-lint: interrupted\n"
