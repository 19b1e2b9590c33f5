"""The repo-wide rules (SL501, SL502) on small projects: which specs are read, where findings go,
and that suppressions and the configuration apply to them as to every finding."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from spec_lint import Pack, Severity, Violation, lint_paths
from spec_lint.checks import Spec
from spec_lint.cli import main
from spec_lint.context import Context
from spec_lint.pack import Rule

SHARED_PREFIX = '[packs.dynamo-component]\nmetric-prefix = "dynamo_component_"\n'
SL501_AT_B = 'b.md:1:1: SL501 [duplicate-component] component "router" is also the component of "a.md" (line 1; expected each component in one spec)'


def spec(name: str, *metrics: str, env: tuple[str, ...] = ()) -> str:
    """A spec of component ``name`` with these metrics and environment variables."""
    text = f"# {name} - 1.0 Component Specification\n"
    if env:
        rows = "".join(f"| `{var}` | string | - | A setting |\n" for var in env)
        text += "## Configuration\n### Environment Variables\n| Variable | Type | Default | Description |\n|---|---|---|---|\n" + rows
    if metrics:
        rows = "".join(f"| `{metric}` | Counter | - | Requests |\n" for metric in metrics)
        text += "## Metrics & Observability\n### Metrics\n| Metric Name | Type | Labels | Description |\n|---|---|---|---|\n" + rows
    return text


def project(root: Path, config: str | None = "", **files: str) -> Path:
    """A project folder: a ``.spec-lint.toml`` (none when ``config`` is None) and the files."""
    root.mkdir(parents=True, exist_ok=True)
    if config is not None:
        (root / ".spec-lint.toml").write_text(config, encoding="utf-8")
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def run(cwd: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> Result:
    monkeypatch.chdir(cwd)
    return CliRunner().invoke(main, ["--select", "SL5", *args])


def findings(cwd: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> list[str]:
    return run(cwd, monkeypatch, "-q", *args).stdout.splitlines()


def test_two_specs_of_one_component_give_sl501_at_the_second_whichever_files_are_named(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(tmp_path, "", **{"a.md": spec("Router"), "b.md": spec("Router")})
    assert findings(root, monkeypatch, ".") == [SL501_AT_B]
    assert findings(root, monkeypatch, "b.md") == [SL501_AT_B]  # pre-commit passes only the one staged
    assert findings(root, monkeypatch, "a.md") == []  # the first in path order


def test_a_metric_under_the_shared_prefix_in_two_components_is_sl502_at_the_second_row(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    metric = "dynamo_component_requests_total"
    root = project(tmp_path, SHARED_PREFIX)
    (root / "docs").mkdir()
    (root / "docs" / "frontend.md").write_text(spec("Frontend", metric), encoding="utf-8")
    (root / "docs" / "router.md").write_text(spec("Router", "dynamo_component_workers", metric), encoding="utf-8")
    assert findings(root / "docs", monkeypatch, "router.md") == [
        (f'router.md:7:3: SL502 [shared-name] metric "{metric}" is also listed in "frontend.md" '
        "(line 6; expected each metric in one spec)")]  # named from the current folder, as the finding's path
    assert findings(root, monkeypatch, "docs/frontend.md") == []
    (root / "docs" / "sub").mkdir()
    [outside] = findings(root / "docs" / "sub", monkeypatch, "../router.md")
    assert 'is also listed in "docs/frontend.md"' in outside  # not under the current folder: from the root


def test_a_global_env_var_is_shared_and_a_component_one_is_not(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(tmp_path, "", **{"a.md": spec("Frontend", env=("DYNAMO_LOG_LEVEL", "DYNAMO_ROUTER_PORT")),
                                    "b.md": spec("Router", env=("DYNAMO_LOG_LEVEL", "DYNAMO_ROUTER_PORT"))})
    assert findings(root, monkeypatch, "b.md") == [
        ('b.md:7:3: SL502 [shared-name] environment variable "DYNAMO_ROUTER_PORT" is also listed in "a.md" '
        "(line 7; expected each environment variable in one spec)")]


def test_files_outside_the_project_are_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project(tmp_path, None, **{"a.md": spec("Router")})  # beside the project, not in it
    root = project(tmp_path / "project", 'include = ["a/*.md"]\n', **{"b.md": spec("Router")})
    assert findings(root, monkeypatch, "b.md") == []  # the include globs leave b.md's folder out
    (root / "a").mkdir()
    (root / "a" / "a.md").write_text(spec("Router"), encoding="utf-8")
    assert findings(root, monkeypatch, "b.md") == [SL501_AT_B.replace('"a.md"', '"a/a.md"')]


def test_a_named_file_outside_the_project_is_compared_with_the_files_named_only(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(tmp_path / "p", "", **{"a.md": spec("Router")})
    elsewhere = project(tmp_path / "q", None, **{"b.md": spec("Router")})
    assert findings(root, monkeypatch, str(elsewhere / "b.md")) == []
    assert findings(root, monkeypatch, "a.md", str(elsewhere / "b.md")) == [f"{elsewhere}/{SL501_AT_B}"]


def test_without_a_configuration_the_git_root_is_the_project_and_without_either_the_files_named(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(tmp_path, None, **{"a.md": spec("Router")})
    (root / "docs").mkdir()
    (root / "docs" / "b.md").write_text(spec("Router"), encoding="utf-8")
    assert findings(root / "docs", monkeypatch, "b.md") == []
    assert findings(root / "docs", monkeypatch, "b.md", "../a.md") == [SL501_AT_B.replace('"a.md"', '"../a.md"')]
    (root / ".git").mkdir()
    assert findings(root / "docs", monkeypatch, "b.md") == [SL501_AT_B]


def test_broken_and_unreadable_specs_of_the_project_do_not_stop_the_run(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(tmp_path, "max-file-size = 4096\n", **{"b.md": spec("Router"), "c.md": spec("Router")})
    (root / "a1.md").write_bytes(spec("Router").encode() + b"\xff\xfe")
    (root / "a2.md").write_text(spec("Router") + "x" * 5000, encoding="utf-8")
    (root / "a3.md").write_text(spec("Router") + "```\n## Metrics\n| a |\n|\n", encoding="utf-8")
    (root / "a4.md").symlink_to("/dev/zero")
    if hasattr(os, "mkfifo"):
        os.mkfifo(root / "a5.md")
    result = run(root, monkeypatch, "-q", "b.md")
    assert (result.exit_code, result.stdout) == (1, SL501_AT_B.replace('"a.md"', '"a3.md"') + "\n")


def test_a_suppression_silences_sl502_and_one_that_silences_nothing_is_reported(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    metric = "dynamo_router_requests_total"
    silenced = spec("Router", metric).replace(f"`{metric}` |", f"`{metric}` <!-- spec-lint-disable-line SL502 -- renamed in 2.0 --> |")
    root = project(tmp_path, "", **{"a.md": spec("Frontend", metric), "b.md": silenced})
    result = run(root, monkeypatch, "--select", "SL002", "b.md")
    assert (result.exit_code, result.stdout) == (0, "All checks passed (1 spec checked, 1 finding suppressed)\n")
    (root / "a.md").write_text(spec("Frontend"), encoding="utf-8")
    assert [line.split(": ", 2)[1] for line in findings(root, monkeypatch, "--select", "SL002", "b.md")] == [
        "SL002 [unused-suppression] unused suppression of \"SL502\" (expected a finding of it on its line)"]


def test_severity_and_per_file_ignores_apply_to_project_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(tmp_path, 'severity = { SL501 = "warning" }\n', **{"a.md": spec("Router"), "b.md": spec("Router")})
    out = json.loads(run(root, monkeypatch, "--output-format", "json", "b.md").stdout)
    assert [(f["code"], f["severity"]) for f in out] == [("SL501", "warning")]
    (root / ".spec-lint.toml").write_text('per-file-ignores = { "b.md" = ["SL5"] }\n', encoding="utf-8")
    assert findings(root, monkeypatch, "b.md") == []
    assert findings(root, monkeypatch, "--ignore", "SL501", "b.md") == []


def test_a_configuration_that_ignores_sl5_serves_runs_with_another_pack_too(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(tmp_path, 'ignore = ["SL5"]\n', **{"a.md": spec("Router")})
    monkeypatch.chdir(root)
    assert CliRunner().invoke(main, ["--pack", "dep", "a.md"]).exit_code == 0
    (root / ".spec-lint.toml").write_text('ignore = ["SL9"]\n', encoding="utf-8")
    assert 'ignore[0]: unknown code or prefix "SL9"' in CliRunner().invoke(main, ["--pack", "dep", "a.md"]).output


def test_a_link_to_a_spec_is_that_spec_not_a_second_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(tmp_path, "", **{"b.md": spec("Router")})
    (root / "a.md").symlink_to("b.md")
    assert findings(root, monkeypatch, "b.md") == []


@dataclass(frozen=True, slots=True)
class _Raising:
    """A project check with a bug in ``collect`` or in ``compare``."""

    raises_in: str

    def collect(self, ctx: Context) -> Any:
        if self.raises_in == "collect":
            raise ZeroDivisionError("collect")
        return ()

    def compare(self, specs: Sequence[Spec]) -> Iterator[tuple[int, Violation]]:
        if self.raises_in == "compare":
            raise ZeroDivisionError("compare")
        yield from ()


@pytest.mark.parametrize("raises_in", ["collect", "compare"])
def test_a_project_check_that_raises_is_sl000_on_each_spec_and_the_other_rules_still_report(
        tmp_path: Path, pack: Pack, raises_in: str) -> None:
    root = project(tmp_path, None, **{"a.md": spec("Router"), "b.md": spec("Router")})
    buggy = Rule("SL599", "buggy", Severity.ERROR, "", _Raising(raises_in))
    report = lint_paths([root / "a.md", root / "b.md"], [replace(pack, rules=(buggy, *pack.rules))])
    message = f"internal error in SL599 buggy: ZeroDivisionError('{raises_in}') (please report it)"
    assert [(Path(f.path).name, f.message) for f in report.findings if f.code == "SL000"] == [
        ("a.md", message), ("b.md", message)]
    assert {f.code for f in report.findings} >= {"SL501", "SL102"}
