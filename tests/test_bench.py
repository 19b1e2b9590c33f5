"""The benchmark's corpus is what it claims (specs spec-lint detects, valid but for the ones named
broken), and one run prints every comparison: a ratio, or why it is skipped in this build."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, builtin

from spec_lint import lint_paths

RUN = [sys.executable, str(ROOT / "bench" / "run.py")]


def test_the_generated_specs_are_specs_and_only_the_broken_ones_give_findings(tmp_path: Path) -> None:
    subprocess.run([*RUN, "--corpus", str(tmp_path), "--specs", "10", "--non-specs", "4"], check=True)
    specs, docs = tmp_path / "specs", tmp_path / "mixed" / "docs"
    files = [*sorted(specs.glob("*.md")), tmp_path / "one.md", *sorted(docs.glob("*.md"))]
    report = lint_paths(files, [builtin()])
    assert len(report.linted) == 11
    assert len(report.skipped) == 4
    assert {Path(finding.path).name for finding in report.findings} == {"spec-0009-broken.md"}
    assert [path.name for path in specs.iterdir() if "broken" in path.name] == ["spec-0009-broken.md"]


def test_a_run_prints_each_ratio_or_why_it_is_skipped_and_the_table(tmp_path: Path) -> None:
    tiny = ["--specs", "2", "--non-specs", "2", "--mixed-specs", "1", "--repeats", "1", "--markdown",
            "--markdownlint-cli2", str(tmp_path / "missing")]
    out = subprocess.run([*RUN, *tiny], check=True, capture_output=True, text=True).stdout
    lines = out.splitlines()
    for number in "123456":
        found = [line for line in lines if line.startswith(f"{number}. ")]
        assert found, number
        assert all(re.search(r"\d(?:\.\d+)?x \(|skipped: ", line) for line in found)
    assert [line for line in lines if line.startswith("2 specs, spec-lint vs ")]
    assert sum(line.startswith("| ") for line in lines) == len([line for line in lines if line[:1].isdigit()]) + 1
