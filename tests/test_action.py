"""The GitHub Action: its ``run:`` steps, run with bash as a runner runs them, install spec-lint
from this checkout, annotate findings, summarise them, write SARIF and fail the step."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
ACTION = ROOT / "action.yml"
EXPRESSION = re.compile(r"\$\{\{\s*(?P<name>[\w.-]+)\s*\}\}")
EXAMPLES = ROOT / "examples"


@dataclass(frozen=True, slots=True)
class Runner:
    """A runner's folders: the workspace (the repository checked out), its temp folder, and the
    action's checkout (a copy of this one, so that the install step's build leaves no trace here)."""

    action: Path
    workspace: Path
    temp: Path
    summary: Path
    output: Path

    def env(self, step_env: Mapping[str, str]) -> dict[str, str]:
        base = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "SPEC_LINT_"))}
        return {**base, **step_env, "GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": str(self.workspace),
                "GITHUB_STEP_SUMMARY": str(self.summary), "GITHUB_OUTPUT": str(self.output),
                "GITHUB_ACTION_PATH": str(self.action), "RUNNER_TEMP": str(self.temp), "NO_COLOR": "1"}


def steps() -> list[dict[str, Any]]:
    action = yaml.safe_load(ACTION.read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    return list(action["runs"]["steps"])


def substituted(value: str, inputs: Mapping[str, str], runner: Runner) -> str:
    """A step's ``env:`` value with its expressions filled in, as the runner fills them."""
    defaults = {k: str(v.get("default", "")) for k, v in yaml.safe_load(ACTION.read_text())["inputs"].items()}
    context = {**{f"inputs.{k}": v for k, v in {**defaults, **inputs}.items()},
               "github.action_path": str(runner.action), "github.workspace": str(runner.workspace),
               "runner.temp": str(runner.temp)}
    return EXPRESSION.sub(lambda match: context[match["name"]], value)


def run_step(step: Mapping[str, Any], inputs: Mapping[str, str], runner: Runner,
             extra_env: Mapping[str, str] = {}) -> subprocess.CompletedProcess[str]:
    assert step["shell"] == "bash"
    env = {name: substituted(str(value), inputs, runner) for name, value in step.get("env", {}).items()}
    # As the runner runs a bash step: bash --noprofile --norc -eo pipefail {0}
    script = runner.temp / "step.sh"
    script.write_text(step["run"], encoding="utf-8")
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)], cwd=runner.workspace,
                          env={**runner.env(env), **extra_env}, capture_output=True, text=True, timeout=300, check=False)


@pytest.fixture(scope="module")
def wheelhouse(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Wheels of spec-lint's dependencies and build backend, kept in pytest's cache (when it is on),
    so that the install step runs offline; it still builds spec-lint itself from this checkout."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    wanted = [*project["build-system"]["requires"], *project["project"]["dependencies"]]
    name = f"action-wheels-{hashlib.sha256(repr(wanted).encode()).hexdigest()[:12]}"
    cache = getattr(request.config, "cache", None)  # none with -p no:cacheprovider
    house = cache.mkdir(name) if cache is not None else tmp_path_factory.mktemp(name)
    if not (house / "complete").exists():
        pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q", "download", "-d", str(house)]
        fetched = subprocess.run([*pip, *wanted], capture_output=True, text=True, check=False)
        if fetched.returncode:
            pytest.skip(f"cannot fetch the wheels the install step needs: {fetched.stderr[-300:]}")
        (house / "complete").touch()
    return house


@pytest.fixture(scope="module")
def runner(tmp_path_factory: pytest.TempPathFactory, wheelhouse: Path) -> Runner:
    """A runner on which the install step has run."""
    base = tmp_path_factory.mktemp("runner")
    runner = Runner(base / "action", base / "workspace", base / "temp", base / "summary.md", base / "output")
    shutil.copytree(ROOT, runner.action, ignore=shutil.ignore_patterns(
        ".*", "build", "*.egg-info", "__pycache__"))
    for folder in (runner.workspace / "docs", runner.temp):
        folder.mkdir(parents=True)
    for example in EXAMPLES.glob("*.md"):
        shutil.copy(example, runner.workspace / "docs")
    # Found from the workspace, as on a laptop: the examples stand alone, as in this repository.
    (runner.workspace / ".spec-lint.toml").write_text('ignore = ["SL5"]\n', encoding="utf-8")
    (runner.workspace / "README.md").write_text("# Not a spec\n", encoding="utf-8")
    offline = {"PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(wheelhouse)}
    installed = run_step(steps()[0], {}, runner, offline)
    assert installed.returncode == 0, installed.stderr
    return runner


def has_output_file() -> bool:
    help_text = subprocess.run([sys.executable, "-m", "spec_lint", "check", "--help"], capture_output=True, text=True,
                               check=False)
    return "--output-file" in help_text.stdout


def test_no_input_is_written_into_a_script() -> None:
    # Script-injection hardening: expressions only in env:, the scripts read the variables.
    for step in steps():
        assert "${{" not in step["run"]


def test_the_action_installs_spec_lint_from_its_checkout(runner: Runner) -> None:
    spec_lint = runner.temp / "spec-lint-venv" / "bin" / "spec-lint"
    version = subprocess.run([str(spec_lint), "--version"], capture_output=True, text=True, check=True)
    assert version.stdout.startswith("spec-lint, version ")
    # The template is package data: an installed spec-lint starts a spec too.
    started = subprocess.run([str(spec_lint), "new", "Router", "--support-level", "Library", "-o", "-"],
                             capture_output=True, text=True, check=True)
    assert started.stdout.startswith("# Router - 1.0 Component Specification\n")


def test_a_version_is_installed_from_pypi(runner: Runner, wheelhouse: Path) -> None:
    offline = {"PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(wheelhouse)}
    result = run_step(steps()[0], {"version": "0.0.1"}, runner, offline)
    assert result.returncode != 0  # offline, and no such wheel: what matters is what pip was asked for
    assert "spec-lint==0.0.1" in result.stderr


def test_findings_are_annotations_and_fail_the_step(runner: Runner) -> None:
    result = run_step(steps()[1], {"paths": "docs README.md"}, runner)
    assert result.returncode == 1, result.stderr
    annotations = result.stdout.splitlines()
    assert len(annotations) == 7
    assert annotations[0].startswith("::error file=docs/router-broken.md,line=4,col=1,")
    assert all("file=docs/router-broken.md," in line for line in annotations)


def test_a_clean_spec_passes_and_args_are_passed_on(runner: Runner) -> None:
    assert run_step(steps()[1], {"paths": "docs/router.md docs/frontend.md"}, runner).returncode == 0
    ignored = run_step(steps()[1], {"paths": "docs", "args": "--ignore SL1,SL2,SL3,SL4"}, runner)
    assert (ignored.returncode, ignored.stdout) == (0, "")


def test_a_path_that_would_be_a_glob_or_code_is_taken_as_a_word(runner: Runner) -> None:
    result = run_step(steps()[1], {"paths": "docs/*.md $(touch pwned)"}, runner)
    assert result.returncode == 2
    assert not (runner.workspace / "pwned").exists()
    assert "docs/*.md" in result.stderr


@pytest.mark.skipif(not has_output_file(), reason="spec-lint check has no --output-file yet (G1's option)")
def test_the_step_summarises_and_writes_sarif(runner: Runner) -> None:
    runner.summary.write_text("", encoding="utf-8")
    result = run_step(steps()[1], {"paths": "docs", "sarif-file": "spec-lint.sarif"}, runner)
    assert result.returncode == 1, result.stderr
    assert result.stdout.count("::error ") == 7
    assert "SL301" in runner.summary.read_text(encoding="utf-8")
    sarif = json.loads((runner.workspace / "spec-lint.sarif").read_text(encoding="utf-8"))
    results = sarif["runs"][0]["results"]
    assert len(results) == 7
    uri = results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "docs/router-broken.md"


def test_the_readiness_report_is_appended_to_the_summary_when_asked(runner: Runner) -> None:
    runner.summary.write_text("", encoding="utf-8")
    plain = run_step(steps()[1], {"paths": "docs/router.md"}, runner)
    assert plain.returncode == 0 and "## 1.0 readiness" not in runner.summary.read_text(encoding="utf-8")
    result = run_step(steps()[1], {"paths": "docs", "report": "true"}, runner)
    assert result.returncode == 1, result.stderr  # the lint's findings still fail the step
    summary = runner.summary.read_text(encoding="utf-8")
    assert "\n\n## 1.0 readiness\n\n4 specs," in summary
    assert "| KV Block Manager (docs/kv-block-manager.md) | 43% |" in summary
