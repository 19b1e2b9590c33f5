"""The benchmark's corpus is what it claims: specs spec-lint detects, valid but for the ones named broken."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT, builtin

from spec_lint import lint_paths


def test_the_generated_specs_are_specs_and_only_the_broken_ones_give_findings(tmp_path: Path) -> None:
    command = [sys.executable, str(ROOT / "bench" / "run.py"), "--corpus", str(tmp_path), "--specs", "10"]
    subprocess.run([*command, "--non-specs", "4"], check=True)
    specs, docs = tmp_path / "specs", tmp_path / "mixed" / "docs"
    files = [*sorted(specs.glob("*.md")), tmp_path / "one.md", *sorted(docs.glob("*.md"))]
    report = lint_paths(files, [builtin()])
    assert len(report.linted) == 11
    assert len(report.skipped) == 4
    assert {Path(finding.path).name for finding in report.findings} == {"spec-0009-broken.md"}
    assert [path.name for path in specs.iterdir() if "broken" in path.name] == ["spec-0009-broken.md"]
