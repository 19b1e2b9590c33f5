"""Configuration files: discovery, keys, code selection, per-pack parameters and what the CLI shows.

Each test builds a tiny project in ``tmp_path`` (a ``.git`` folder marks its root) and runs the
command there.
"""

from __future__ import annotations

import json
import re
from pathlib import Path, PurePosixPath

import pytest
from click.testing import Result
from conftest import ROOT, VALID_SPEC, cli_runner

from spec_lint.cli import main
from spec_lint.config.globs import glob

TINY_PACK = """
[pack]
name = "tiny"
description = "A tiny pack for the configuration tests"
section_level = 2
title_pattern = '^(?P<name>.+?) - 1\\.0 Component Specification$'
title_example = "<Component Name> - 1.0 Component Specification"

[pack.detect]
title_suffix = "Component Specification"

[params.env_prefix]
type = "template"
default = "ACME_{COMPONENT}_"
description = "How variables start."

[params.global_env]
type = "strings"
default = ["ACME_LOG"]
description = "Variables of every component."

[[sections]]
title = "Overview"

[[sections]]
title = "Usage"

[[sections]]
title = "Env"

[tables.env]
section = "Env"
columns = ["Variable"]

[[rules]]
code = "SL101"
name = "missing-section"
check = "missing-section"
description = "A required section is missing."

[[rules]]
code = "SL320"
name = "env-var-name"
check = "env-var-name"
options = { columns = [{ table = "env", column = "Variable" }], prefix = "{env_prefix}", allowed = ["{global_env}"] }
description = "Variables start with the prefix."

[[rules]]
code = "SL321"
name = "duplicate-env-var"
check = "unique-values"
severity = "warning"
options = { table = "env", column = "Variable", what = "environment variable" }
description = "A variable has one row."
"""
# SL101 on line 1 (no Usage), SL320 on lines 11 and 12 (not ACME_WIDGET_), SL321 (warning) on line 12.
SPEC = """# Widget - 1.0 Component Specification

## Overview

What it is.

## Env

| Variable |
|---|
| DYN_WIDGET_PORT |
| DYN_WIDGET_PORT |
"""
ALL_FOUND = [("SL101", 1, "error"), ("SL320", 11, "error"), ("SL320", 12, "error"), ("SL321", 12, "warning")]


def project(tmp_path: Path, files: dict[str, str]) -> Path:
    """A repository with the tiny pack in ``tiny.toml``, ``spec.md`` and ``files``."""
    (tmp_path / ".git").mkdir()
    for name, text in {"tiny.toml": TINY_PACK, "spec.md": SPEC, **files}.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def run(cwd: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> Result:
    monkeypatch.chdir(cwd)
    runner = cli_runner()
    return runner.invoke(main, list(args), catch_exceptions=False)


def found(cwd: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> list[tuple[str, int, str]]:
    result = run(cwd, monkeypatch, "--output-format", "json", *args)
    assert result.exit_code in (0, 1), result.stderr
    return [(f["code"], f["line"], f["severity"]) for f in json.loads(result.stdout)]


def shown_settings(cwd: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> list[str]:
    """The lines ``--show-settings spec.md`` prints, each run of spaces made one."""
    result = run(cwd, monkeypatch, "--show-settings", *args, "spec.md")
    assert result.exit_code == 0, result.stderr
    return [" ".join(line.split()) for line in result.stdout.splitlines()]


def tiny(config: str = "") -> dict[str, str]:
    return {".spec-lint.toml": 'packs = ["./tiny.toml"]\n' + config}


def test_without_configuration_options_every_rule_reports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert found(project(tmp_path, tiny()), monkeypatch, "spec.md") == ALL_FOUND


@pytest.mark.parametrize(("config", "codes"), [
    ('select = ["SL3"]', ["SL320", "SL320", "SL321"]),
    ('select = ["SL3"]\nignore = ["SL321"]', ["SL320", "SL320"]),
    ('ignore = ["SL3"]\nextend-select = ["SL321"]', ["SL101", "SL321"]),  # the more specific wins
    ('select = ["SL32"]\nignore = ["SL32"]', []),  # at equal specificity ignore wins
    ('select = ["ALL"]\nignore = ["SL1"]', ["SL320", "SL320", "SL321"]),
])
def test_codes_select_by_prefix_and_the_most_specific_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           config: str, codes: list[str]) -> None:
    assert [code for code, _, _ in found(project(tmp_path, tiny(config)), monkeypatch, "spec.md")] == codes


@pytest.mark.parametrize(("args", "codes"), [
    (["--select", "SL101"], ["SL101"]),  # starts afresh: the file's ignore no longer counts
    (["--ignore", "SL321"], []),  # adds to the file's ignore
    (["--extend-select", "SL320"], ["SL320", "SL320", "SL321"]),
    (["--select", "SL101,SL321"], ["SL101", "SL321"]),
])
def test_the_command_line_overrides_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             args: list[str], codes: list[str]) -> None:
    root = project(tmp_path, tiny('ignore = ["SL1", "SL320"]'))
    assert [code for code, _, _ in found(root, monkeypatch, *args, "spec.md")] == codes


def test_severity_off_and_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(tmp_path, tiny('severity = { SL32 = "off", SL321 = "error", SL101 = "warning" }'))
    assert found(root, monkeypatch, "spec.md") == [("SL101", 1, "warning"), ("SL321", 12, "error")]


def test_fail_on_from_the_file_and_from_the_command_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(tmp_path, tiny('select = ["SL321"]\nfail-on = "warning"'))
    assert run(root, monkeypatch, "spec.md").exit_code == 1
    assert run(root, monkeypatch, "--fail-on", "error", "spec.md").exit_code == 0


def test_per_file_ignores_match_relative_to_the_configuration(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    config = 'per-file-ignores = { "docs/**" = ["SL3"], "old.md" = ["ALL"] }'
    root = project(tmp_path, {**tiny(config), "docs/a/spec.md": SPEC, "b/old.md": SPEC})
    result = run(root / "b", monkeypatch, "--output-format", "json", "../spec.md", "../docs", ".")
    by_file = {(f["path"], f["code"]) for f in json.loads(result.stdout)}
    assert by_file == {("../spec.md", "SL101"), ("../spec.md", "SL320"), ("../spec.md", "SL321"),
                       (str(Path("../docs/a/spec.md")), "SL101")}


def test_a_spec_with_dynamos_real_env_vars_passes_with_the_readme_configuration(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spec = VALID_SPEC.read_text(encoding="utf-8")
    for old, new in (("DYNAMO_ROUTER_", "DYN_ROUTER_"), ("DYNAMO_LOG_LEVEL", "DYN_LOG"),
                     ("DYNAMO_NATS_URL", "NATS_SERVER"), ("pip install dynamo-router", "pip install ai-dynamo"),
                     ("`dynamo_router_requests_total`", "`dynamo_component_requests_total`")):
        spec = spec.replace(old, new)
    root = project(tmp_path, {"pyproject.toml": readme_configuration(), "docs/router.md": spec})
    isolated = found(root, monkeypatch, "--isolated", "docs")
    assert {code for code, _, _ in isolated} == {"SL301", "SL320", "SL343"}
    assert run(root, monkeypatch, "docs").exit_code == 0
    assert run(root / "docs", monkeypatch, "router.md").exit_code == 0  # found upward


def readme_configuration() -> str:
    """The example of the README's Configuration section."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("\n## Configuration\n"):]
    examples: list[str] = re.findall(r"^```toml\n(.*?)^```$", section[:section.index("\n## ", 5)], re.MULTILINE | re.DOTALL)
    (example,) = examples
    return example


def test_show_settings_says_where_each_value_came_from(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = ('[packs."./tiny.toml"]\nenv-prefix = "DYN_{COMPONENT}_"\n'
              '[per-file-ignores]\n"spec.md" = ["SL101"]\n')
    root = project(tmp_path, {".spec-lint.toml": 'ignore = ["SL321"]\n' + config})
    lines = shown_settings(root, monkeypatch, "--fail-on", "warning")
    assert f"# configuration file: {root / '.spec-lint.toml'}" in lines
    assert 'ignore = ["SL321"] # config file' in lines
    assert 'select = ["ALL"] # default' in lines
    assert 'fail-on = "warning" # command line' in lines
    assert 'packs = ["tiny"] # config file' in lines
    assert "# not reported in spec.md: SL101, SL321" in lines
    assert 'env-prefix = "DYN_{COMPONENT}_" # config file' in lines
    assert "global-env = [\"ACME_LOG\"] # default (the pack's)" in lines


def test_show_files_lists_what_a_walk_takes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = {"docs/a.md": "", "docs/notes.txt": "", "archive/b.md": "", "docs/archive/c.md": "", "d/e.md": ""}
    root = project(tmp_path, {**tiny('exclude = ["archive", "d/*.md"]'), **files})
    result = run(root, monkeypatch, "--show-files", ".", "d/e.md")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == ["spec.md", "docs/a.md", "d/e.md"]
    forced = run(root, monkeypatch, "--show-files", "--force-exclude", ".", "d/e.md")
    assert forced.stdout.splitlines() == ["spec.md", "docs/a.md"]


def test_include_chooses_the_files_of_a_walk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(tmp_path, {**tiny('include = ["docs/**/*.md"]'), "docs/x/a.md": "", "b.md": ""})
    assert run(root, monkeypatch, "--show-files", ".").stdout.splitlines() == ["docs/x/a.md"]


def test_spec_lint_toml_beats_pyproject_in_the_same_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pyproject = '[tool.spec-lint]\npacks = ["./tiny.toml"]\nselect = ["SL101"]\n'
    root = project(tmp_path, {**tiny('select = ["SL321"]'), "pyproject.toml": pyproject})
    assert found(root, monkeypatch, "spec.md") == [("SL321", 12, "warning")]
    (root / ".spec-lint.toml").unlink()
    assert found(root, monkeypatch, "spec.md") == [("SL101", 1, "error")]


def test_a_pyproject_without_the_table_is_no_configuration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(tmp_path, {**tiny('select = ["SL101"]'), "sub/pyproject.toml": "[project]\nname = 'x'\n"})
    assert found(root / "sub", monkeypatch, "../spec.md") == [("SL101", 1, "error")]


def test_discovery_stops_at_the_repository_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project(tmp_path, tiny('select = ["SL101"]'))
    inner = tmp_path / "vendored"
    inner.mkdir()
    (inner / ".git").write_text("gitdir: elsewhere\n", encoding="utf-8")  # a worktree's .git is a file
    result = run(inner, monkeypatch, "--output-format", "json", "--pack", "../tiny.toml", "../spec.md")
    assert {f["code"] for f in json.loads(result.stdout)} == {"SL101", "SL320", "SL321"}


def test_config_names_the_file_and_isolated_ignores_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(tmp_path, {**tiny('select = ["SL101"]'), "other.toml": 'packs = ["./tiny.toml"]\n'
                                                                           'select = ["SL321"]\n'})
    assert found(root, monkeypatch, "--config", "other.toml", "spec.md") == [("SL321", 12, "warning")]
    assert run(root, monkeypatch, "--isolated", "--pack", "tiny.toml", "spec.md").stdout.count("SL320") == 2


@pytest.mark.parametrize(("config", "message"), [
    ('selct = ["SL1"]', 'selct: unknown key (did you mean "select"?)'),
    ('[tool.spec-lint]\nselect = ["SL1"]', "tool: unknown key (expected the keys at the top of a .spec-lint.toml"),
    ('select = "SL1"', 'select: expected a list of strings, got "SL1"'),
    ('select = ["SL9"]', 'select[0]: unknown code or prefix "SL9"'),
    ('ignore = ["SL101", "SL3211"]', 'ignore[1]: unknown code or prefix "SL3211" (did you mean "SL321"?)'),
    ('severity = { SL101 = "loud" }', 'severity.SL101: "loud" is not a choice (expected "error" or "warning" or "off")'),
    ('severity = { SL7 = "off" }', 'severity.SL7: unknown code or prefix "SL7"'),
    ('per-file-ignores = { "a/*.md" = ["XX1"] }', 'per-file-ignores."a/*.md"[0]: unknown code or prefix "XX1"'),
    ('fail-on = "never"', 'fail-on: "never" is not a choice (expected "error" or "warning")'),
    ('max-file-size = -1', "max-file-size: expected a number of bytes (0 or more; 0: no limit), got -1"),
    ('[packs."./tiny.toml"]\nenv_prefx = "X_"', ('packs."./tiny.toml".env_prefx: unknown parameter of pack "tiny" '
                                                 '(did you mean "env-prefix"?)')),
    ('[packs."./tiny.toml"]\nglobal-env = "X"', 'packs."./tiny.toml".global-env: expected a list of strings, got "X"'),
    ('[packs.tiny]', 'packs.tiny: unknown pack "tiny" (did you mean "tiny.toml"?)'),
])
def test_a_bad_configuration_exits_2_naming_file_and_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         config: str, message: str) -> None:
    packs = "" if config.startswith("[") else 'packs = ["./tiny.toml"]\n'
    root = project(tmp_path, {".spec-lint.toml": packs + config + "\n"})
    result = run(root, monkeypatch, "spec.md")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"spec-lint: error: {root / '.spec-lint.toml'}: {message}")


@pytest.mark.parametrize(("given", "message"), [
    ("SL605", ('unknown code or prefix "SL605": it is a rule of the pack "dep", which is not in effect (use --pack dep, '
              "or packs = [...] in the configuration)")),
    ("SL6", 'unknown code or prefix "SL6": it selects rules of the pack "dep", which is not'),
])
def test_a_code_of_a_pack_not_in_effect_names_the_pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       given: str, message: str) -> None:
    """On the command line it is a mistake of this run; a configuration file may name it for runs
    with other packs (``--pack dep``)."""
    root = project(tmp_path, tiny(f'ignore = ["{given}"]'))
    assert run(root, monkeypatch, "spec.md").exit_code != 2
    result = run(root, monkeypatch, "--ignore", given, "spec.md")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"spec-lint: error: --ignore: {message}")


def test_a_bad_code_on_the_command_line_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = run(project(tmp_path, tiny()), monkeypatch, "--select", "SL32,SL3O1", "spec.md")
    assert result.exit_code == 2
    assert result.stderr.startswith('spec-lint: error: --select: unknown code or prefix "SL3O1"')


def test_a_pyproject_named_by_config_must_have_the_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(tmp_path, {"pyproject.toml": "[project]\n"})
    result = run(root, monkeypatch, "--config", "pyproject.toml", "spec.md")
    assert result.exit_code == 2
    assert "pyproject.toml: tool.spec-lint: missing" in result.stderr


def test_require_reason_and_max_file_size_reach_the_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(tmp_path, tiny("require-reason = true\nmax-file-size = 60\n"))
    lines = shown_settings(root, monkeypatch)
    assert {"require-reason = true # config file", "max-file-size = 60 # config file"} <= set(lines)
    assert [code for code, _, _ in found(root, monkeypatch, "spec.md")] == ["SL003"]


@pytest.mark.parametrize(("config", "args", "expected"), [
    ('ignore = ["SL001"]', ["bin.md"], []),
    ('severity = { SL003 = "warning" }', ["--max-file-size", "100", "big.md"], [("SL003", 1, "warning")]),
    ('per-file-ignores = { "big.md" = ["ALL"] }', ["--max-file-size", "100", "big.md"], []),
])
def test_the_engines_file_rules_follow_the_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     config: str, args: list[str],
                                                     expected: list[tuple[str, int, str]]) -> None:
    root = project(tmp_path, tiny(config))
    (root / "bin.md").write_bytes(b"# X - 1.0 Component Specification\n\xff\xfe\n")
    (root / "big.md").write_text(SPEC * 3, encoding="utf-8")
    assert found(root, monkeypatch, *args) == expected


def test_show_settings_lists_the_engine_rules_switched_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(tmp_path, tiny('select = ["SL3"]'))
    assert "# not reported in spec.md: SL001, SL002, SL003, SL101" in shown_settings(root, monkeypatch)


def test_rules_and_explain_use_the_configured_packs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(tmp_path, {".spec-lint.toml": '[packs."./tiny.toml"]\nenv-prefix = "DYN_{COMPONENT}_"\n'})
    listed = [line.split()[0] for line in run(root, monkeypatch, "rules").stdout.splitlines()]
    assert listed[-3:] == ["SL101", "SL320", "SL321"]
    assert 'params.env_prefix = "DYN_{COMPONENT}_"' in run(root, monkeypatch, "explain", "SL320").stdout


def test_explain_tries_the_examples_with_the_packs_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(tmp_path, {".spec-lint.toml": '[packs.dynamo-component]\nenv-prefix = "DYN_{COMPONENT}_"\n'})
    out = run(root, monkeypatch, "explain", "SL320").stdout
    assert 'params.env_prefix = "DYN_{COMPONENT}_"' in out  # the rule as configured
    assert "Example, with the pack's default parameters (not the configuration's), replacing the section" in out
    fails, passes = out.split("\nFails:\n", 1)[1].split("\nPasses:\n", 1)
    reported = [line for line in fails.splitlines() if "SL320 reports" in line]
    assert len(reported) == 1 and 'environment variable "ROUTER_TIMEOUT" does not start with "DYNAMO_ROUTER_"' in reported[0]
    assert passes.rstrip().endswith("\n\n  SL320 reports nothing.")


def test_pack_on_the_command_line_replaces_the_configured_packs(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(tmp_path, {".spec-lint.toml": 'packs = ["dynamo-component"]\n'})
    assert "SL102" in {code for code, _, _ in found(root, monkeypatch, "spec.md")}  # the built-in pack's
    assert found(root, monkeypatch, "--pack", "tiny.toml", "spec.md") == ALL_FOUND


def test_show_settings_follows_the_command_line_layering(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(tmp_path, tiny('ignore = ["SL101"]\nextend-select = ["SL321"]'))
    layered = shown_settings(root, monkeypatch, "--ignore", "SL320")
    assert 'ignore = ["SL101", "SL320"] # config file, command line' in layered
    fresh = shown_settings(root, monkeypatch, "--select", "SL1")
    assert {'select = ["SL1"] # command line', "ignore = [] # command line"} <= set(fresh)


def test_the_pre_commit_hook_finds_the_configuration_at_the_root(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(tmp_path, {**tiny('exclude = ["archive"]\nselect = ["SL101"]'), "archive/old.md": SPEC,
                              "docs/new.md": SPEC})
    # pre-commit runs the hook's entry and args from the root, with the staged files.
    result = run(root, monkeypatch, "--output-format", "json", "--force-exclude", "archive/old.md", "docs/new.md")
    assert [(f["path"], f["code"]) for f in json.loads(result.stdout)] == [("docs/new.md", "SL101")]


@pytest.mark.parametrize(("pattern", "path", "matched"), [
    ("*.md", "a/b/c.md", True), ("*.md", "a.md/c.txt", False), ("b", "a/b/c.md", True),
    ("a/*.md", "a/c.md", True), ("a/*.md", "a/b/c.md", False), ("a/**/*.md", "a/c.md", True),
    ("a/**/*.md", "a/b/c/d.md", True), ("**/c.md", "c.md", True), ("./a/", "a/c.md", True), ("./b", "a/b/c.md", False),
    ("a/?.md", "a/c.md", True), ("a/[!c].md", "a/c.md", False), ("a/[cd].md", "a/d.md", True),
])
def test_globs_match_as_ruffs(pattern: str, path: str, matched: bool) -> None:
    assert glob(pattern).matches(PurePosixPath(path), itself=pattern == "*.md") is matched
