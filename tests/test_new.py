"""``spec-lint new``: the template filled in lints with only the author's work left (SL401, SL402)."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import mdformat
import pytest
from click.testing import CliRunner, Result
from conftest import cli_runner

from spec_lint.cli import main
from spec_lint.pack import builtin_pack, load_pack
from spec_lint.starter import Starter, StarterError, new_spec, support_levels

LEVELS = support_levels(builtin_pack())
AUTHORS_WORK = {"SL401", "SL402"}
TEAM_CONFIG = """\
[tool.spec-lint.packs.dynamo-component]
env-prefix = "DYN_{COMPONENT}_"
global-env = ["DYN_LOG", "NATS_SERVER"]
metric-prefix = "dyn_{component}_"
packages = ["ai-dynamo"]
"""


def run(cwd: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> Result:
    monkeypatch.chdir(cwd)
    runner = cli_runner()
    return runner.invoke(main, ["new", *args], catch_exceptions=False)


def codes_in(cwd: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> set[str]:
    monkeypatch.chdir(cwd)
    result = CliRunner().invoke(main, ["--output-format", "json", name], catch_exceptions=False)
    return {finding["code"] for finding in json.loads(result.stdout)}


@pytest.mark.parametrize("level", LEVELS)
def test_a_new_spec_of_each_level_leaves_only_the_authors_work(
        level: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = run(tmp_path, monkeypatch, "KV Block Manager", "--support-level", level)
    assert result.exit_code == 0, result.stderr
    article = "an" if level[0] in "AEIOU" else "a"
    assert f'created kv-block-manager.md: {article} {level} spec of "KV Block Manager"' in result.stderr
    text = (tmp_path / "kv-block-manager.md").read_text(encoding="utf-8")
    assert f"**Last Updated**: {datetime.date.today().isoformat()}" in text
    assert f"**Support Level**: {level}" in text
    assert ("## Public API" in text) is (level == "Library")
    assert codes_in(tmp_path, monkeypatch, "kv-block-manager.md") == AUTHORS_WORK
    assert mdformat.text(text, extensions={"gfm"}, options={"number": True}) == text  # already canonical


def test_the_configured_parameters_give_the_teams_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text(TEAM_CONFIG, encoding="utf-8")
    assert run(tmp_path, monkeypatch, "KV Block Manager", "--support-level", "Library").exit_code == 0
    text = (tmp_path / "kv-block-manager.md").read_text(encoding="utf-8")
    for name in ("DYN_KV_BLOCK_MANAGER_PORT", "`DYN_LOG`", "`NATS_SERVER`", "dyn_kv_block_manager_errors_total",
                 "pip install ai-dynamo", "KV_BLOCK_MANAGER_001", "dynamo.kv_block_manager.{operation}"):
        assert name in text
    assert "DYNAMO_" not in text
    assert codes_in(tmp_path, monkeypatch, "kv-block-manager.md") == AUTHORS_WORK


def test_an_existing_file_is_overwritten_only_with_force(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "router.md").write_text("mine\n", encoding="utf-8")
    refused = run(tmp_path, monkeypatch, "Router", "--support-level", "Library", "-o", "router.md")
    assert refused.exit_code == 2
    assert refused.stderr == ("spec-lint: error: router.md exists "
                              "(expected another -o FILE, or --force to overwrite it)\n")
    assert (tmp_path / "router.md").read_text(encoding="utf-8") == "mine\n"
    assert run(tmp_path, monkeypatch, "Router", "--support-level", "Library", "-o", "router.md", "--force").exit_code == 0
    assert (tmp_path / "router.md").read_text(encoding="utf-8").startswith("# Router - 1.0 Component Specification\n")


def test_a_bad_support_level_is_a_usage_error_naming_the_levels(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    result = run(tmp_path, monkeypatch, "Router", "--support-level", "Stable")
    assert result.exit_code == 2
    assert ('"Stable" is no Support Level of pack "dynamo-component" (expected one of "Service/Command", '
            '"Library", "Schemas", "Experimental" or "Internal")') in result.stderr
    assert not list(tmp_path.iterdir())


def test_dash_prints_the_spec_and_the_level_takes_the_packs_spelling(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    result = run(tmp_path, monkeypatch, "Dynamo Frontend", "--support-level", "service/command", "-o", "-")
    assert result.exit_code == 0
    assert "**Support Level**: Service/Command" in result.stdout
    assert "dynamo_frontend_requests_total" in result.stdout  # the product name is no part of the id
    assert not list(tmp_path.iterdir())


def test_a_name_without_an_id_and_a_pack_without_a_template_are_errors(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    no_id = run(tmp_path, monkeypatch, "--", "--support-level", "Library")
    assert no_id.exit_code == 2
    assert run(tmp_path, monkeypatch, "!!", "--support-level", "Library").stderr == (
        'spec-lint: error: "!!" gives no component id (expected a name with letters or digits)\n')
    assert "a control character in the name" in run(tmp_path, monkeypatch, "A\x1bB", "--support-level", "Library").stderr
    dep = run(tmp_path, monkeypatch, "X", "--support-level", "Library", "--pack", "dep")
    assert dep.stderr == 'spec-lint: error: pack "dep" has no template (expected [pack] template = "FILE.md")\n'


def test_the_help_says_which_pack_new_uses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    help_text = " ".join(run(tmp_path, monkeypatch, "--help").stdout.split())
    assert "whose template to start from" in help_text and "more than once, the first one" in help_text
    assert "goes to the first pack whose markers" not in help_text


def tiny_pack(tmp_path: Path, template: str) -> Path:
    (tmp_path / "t.md").write_text(template, encoding="utf-8")
    (tmp_path / "p.toml").write_text('[pack]\nname = "p"\nextends = "dynamo-component"\ntemplate = "t.md"\n\n'
                                     '[params]\nglobal_env = ["A_{COMPONENT}", "B"]\n', encoding="utf-8")
    return tmp_path / "p.toml"


def test_a_line_naming_a_list_parameter_is_repeated_for_each_item(tmp_path: Path) -> None:
    pack = load_pack(tiny_pack(tmp_path, "# {{name}} - 1.0 Component Specification\n\n- `{{global_env}}` {Why}\n"))
    component, text = new_spec(pack, Starter("Block Pool", "Library", datetime.date(2026, 1, 2)))
    assert component == "block_pool"
    assert text == "# Block Pool - 1.0 Component Specification\n\n- `A_BLOCK_POOL` {Why}\n- `B` {Why}\n"


def test_an_unknown_fill_in_names_the_template_line(tmp_path: Path) -> None:
    pack = load_pack(tiny_pack(tmp_path, "# {{name}} - 1.0 Component Specification\n\n{{email}}\n"))
    with pytest.raises(StarterError, match=r'template line 3: unknown "\{\{email\}\}" \(expected one of component, '):
        new_spec(pack, Starter("Router", "Library", datetime.date(2026, 1, 2)))



def test_a_template_without_a_title_naming_the_component_is_refused(tmp_path: Path) -> None:
    pack = load_pack(tiny_pack(tmp_path, "Intro {{name}}\n\n## Overview\n"))
    with pytest.raises(StarterError, match=r'the template of pack "p" has no title \(expected a heading "# \{\{name\}\} ..."\)'):
        new_spec(pack, Starter("Router", "Library", datetime.date(2026, 1, 2)))
