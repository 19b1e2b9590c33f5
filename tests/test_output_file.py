"""--output-file and --output-file-format: one run prints one format and keeps another; the step summary."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import ROOT

from spec_lint.cli import main

BROKEN = ROOT / "examples" / "router-broken.md"


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder holding the broken example, as the current folder."""
    shutil.copy(BROKEN, tmp_path / "broken.md")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return tmp_path


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)


def test_one_run_prints_github_and_keeps_sarif(here: Path) -> None:
    result = run("--output-format", "github", "--output-file", "out.sarif", "--output-file-format", "sarif",
                 str(here / "broken.md"))
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 7 and result.stdout.startswith("::error file=")
    log = json.loads((here / "out.sarif").read_text(encoding="utf-8"))
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert uris == {"broken.md"}
    assert {"SL000", "SL401"} <= {rule["id"] for rule in log["runs"][0]["tool"]["driver"]["rules"]}


def test_sarif_on_standard_output_describes_the_rules_too(here: Path) -> None:
    result = run("--output-format", "sarif", str(here / "broken.md"))
    assert "SL401" in {rule["id"] for rule in json.loads(result.stdout)["runs"][0]["tool"]["driver"]["rules"]}


def test_the_file_alone_gets_the_report_when_it_has_no_format_of_its_own(here: Path) -> None:
    result = run("-q", "--output-format", "json", "--output-file", "out.json", "broken.md")
    assert (result.exit_code, result.stdout) == (1, "")
    assert len(json.loads((here / "out.json").read_text(encoding="utf-8"))) == 7


def test_the_file_is_replaced_whole_and_keeps_its_permissions(here: Path) -> None:
    out = here / "report.txt"
    out.write_text("old\n" * 1000, encoding="utf-8")
    out.chmod(0o640)
    run("--output-file", str(out), "--output-format", "concise", "broken.md")
    assert out.read_text(encoding="utf-8").splitlines()[0].startswith("broken.md:4:1: SL110 ")
    assert (out.stat().st_mode & 0o777, sorted(p.name for p in here.iterdir())) == (
        0o640, ["broken.md", "report.txt"])


def test_a_file_that_cannot_be_written_exits_2_with_one_line(here: Path) -> None:
    result = run("--output-file", str(here / "missing" / "out.sarif"), "--output-format", "sarif", "broken.md")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"spec-lint: error: cannot write the report to {here / 'missing' / 'out.sarif'}: ")


def test_github_output_appends_the_step_summary(here: Path) -> None:
    summary = here / "summary.md"
    summary.write_text("# an earlier step\n", encoding="utf-8")
    result = run("--output-format", "github", "broken.md", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.exit_code == 1
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# an earlier step\n## spec-lint\n")
    assert text.count("| SL") == 7 and "### broken.md (7 findings)" in text


def test_other_formats_leave_the_step_summary_alone(here: Path) -> None:
    summary = here / "summary.md"
    run("--output-format", "text", "broken.md", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert not summary.exists()


def test_an_unwritable_step_summary_exits_2_but_the_annotations_are_printed(here: Path) -> None:
    result = run("--output-format", "github", "broken.md", env={"GITHUB_STEP_SUMMARY": os.fspath(here)})
    assert result.exit_code == 2 and result.stdout.count("::error") == 7
    assert "cannot append the step summary" in result.stderr
