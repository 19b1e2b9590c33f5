"""The README says what is true: its commands are CI's, its output is the real one, its tables are complete."""

from __future__ import annotations

import re

import pytest
import yaml
from click.testing import CliRunner
from conftest import ROOT

from spec_lint import Pack, builtin_pack, lint_paths
from spec_lint.catalog import rule_docs
from spec_lint.cli import main
from spec_lint.cli.rules import markdown
from spec_lint.engine_rules import ENGINE_RULES
from spec_lint.pack import load_pack_text

README = (ROOT / "README.md").read_text(encoding="utf-8")
CI_RUN = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
LOCATION = re.compile(r"^\S+:\d+:\d+: SL\d{3} \[[a-z0-9-]+\]")


def section(title: str) -> str:
    start = README.index(f"\n## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start:end if end != -1 else None]


def blocks(text: str, language: str) -> list[list[str]]:
    """The lines of each fenced code block of one language, without the fence's indentation."""
    found = re.findall(rf"^( *)```{language}\n(.*?)^\1```$", text, flags=re.MULTILINE | re.DOTALL)
    return [[line.removeprefix(indent) for line in body.splitlines()] for indent, body in found]


def setup_commands() -> tuple[str, str]:
    (install,), (test,) = blocks(section("Set up"), "sh")
    return install, test


def ci_commands() -> list[str]:
    lines = (line.strip() for line in CI_RUN.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


STATIC_CHECKS = "pip install -e '.[dev]' && mypy --strict spec_lint tests && ruff check ."


def test_ci_runs_the_readme_test_command_unmasked_then_the_static_checks() -> None:
    _, test = setup_commands()
    assert test == "pip install -e '.[test]' && python -m pytest"
    assert ci_commands()[-2:] == [test, STATIC_CHECKS]
    assert "set -euo pipefail" in ci_commands()


def test_ci_runs_the_readme_install_and_run_command_in_its_own_venv() -> None:
    install, _ = setup_commands()
    create, activate, *run = install.split(" && ")
    assert (create, activate) == ("python3 -m venv .venv", ". .venv/bin/activate")
    assert 'python3 -m venv "$work/venv"' in ci_commands()
    assert '. "$work/venv/bin/activate"' in ci_commands()
    assert any(line.startswith(" && ".join(run) + " ") for line in ci_commands()), " && ".join(run)


def test_readme_shows_the_real_output_of_the_examples(monkeypatch: pytest.MonkeyPatch) -> None:
    (shown,) = blocks(section("Set up"), "text")
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, ["examples/"])
    assert result.exit_code == 1
    real = result.stdout.splitlines()
    # Locations, codes and the summary must match; message wording may be refined without a README edit.
    assert [where(line) for line in shown] == [where(line) for line in real], "update README.md from `spec-lint examples/`"


def where(line: str) -> str:
    match = LOCATION.match(line)
    return match[0] if match else line


def test_the_rule_table_is_the_generated_one(pack: Pack) -> None:
    table = [line for line in section("Rules").splitlines() if line.startswith("|")]
    assert "\n".join(table) == markdown(rule_docs([pack])), "update README.md from `spec-lint rules --output-format markdown`"


def test_the_dep_rule_table_is_the_generated_one() -> None:
    table = [line for line in section("Design proposals (the DEP pack)").splitlines() if line.startswith("|")]
    generated = [line for line in markdown(rule_docs([builtin_pack("dep")])).splitlines() if not line.startswith("| SL00")]
    assert table == generated, "update README.md from `spec-lint rules --pack dep --output-format markdown`"


def test_the_rule_table_has_one_row_per_rule_with_its_name_and_severity(pack: Pack) -> None:
    rows = re.findall(r"^\| (SL\d{3}) \| ([a-z0-9-]+) \| (error|warning) \| (?:yes|unsafe|no) \| \S.* \|$",
                      markdown(rule_docs([pack])), re.MULTILINE)
    rules = {rule.code: (rule.name, rule.severity.value) for rule in pack.rules}
    rules |= {rule.code: (rule.name, rule.severity.value) for rule in ENGINE_RULES}
    assert {code: (name, severity) for code, name, severity in rows} == rules
    assert len(rows) == len(rules)


def test_every_rule_has_a_description(pack: Pack) -> None:
    for rule in pack.rules:
        assert rule.description, rule.code


def test_every_option_is_documented() -> None:
    params = [*main.params, *(param for command in main.commands.values() for param in command.params)]
    options = [opt for param in params for opt in param.opts if opt.startswith("--")]
    assert options
    for option in options:
        assert f"`{option}" in section("Usage"), option


def test_pre_commit_snippet_uses_the_declared_hooks() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [(h["id"], h["entry"], h["language"], h["types"], h["args"]) for h in hooks] == [
        ("spec-lint", "spec-lint", "python", ["markdown"], ["--force-exclude"]),
        ("spec-lint-fix", "spec-lint", "python", ["markdown"], ["--fix", "--force-exclude"]),
    ]
    snippet = yaml.safe_load("\n".join(blocks(section("Usage"), "yaml")[0]))
    assert snippet["repos"][0]["hooks"] == [{"id": "spec-lint-fix"}, {"id": "spec-lint"}]


def test_the_team_pack_shown_works() -> None:
    (shown,) = blocks(section("Rule packs"), "toml")
    team = load_pack_text("\n".join(shown), "our-pack.toml")
    assert "SL343" not in {rule.code for rule in team.rules}
    findings = lint_paths([ROOT / "examples" / "router.md"], [team]).findings
    security = [f.message for f in findings if f.code == "SL102"]
    assert security == ['missing section "Security" (expected after "Testing")']
    assert {f.code for f in findings} <= {"SL102", "SL320"}  # the router's DYNAMO_ variables
