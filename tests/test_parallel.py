"""``--jobs``: the per-file phase in worker processes gives the report of one process, in order,
and a worker that fails or dies is one clear error."""

from __future__ import annotations

import concurrent.futures
import json
import os
import pickle
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, builtin, cli_runner

from spec_lint import Report, lint_paths
from spec_lint.cli import main
from spec_lint.findings import Anchor

DUPLICATE = "# Router - 1.0 Component Specification\n\n<!-- spec-lint-disable-next-line SL301 -- why -->\nText\n"


def tree(root: Path) -> list[Path]:
    """The examples, and specs with project findings and suppression comments."""
    shutil.copytree(ROOT / "examples", root)
    (root / "again.md").write_text((ROOT / "examples" / "router.md").read_text(encoding="utf-8"), encoding="utf-8")
    (root / "dup.md").write_text(DUPLICATE, encoding="utf-8")
    return sorted(root.rglob("*.md"))


def everything(report: Report) -> list[tuple[object, Anchor]]:
    return [(f, f.anchor) for f in report.findings] + [(report.linted, Anchor()), (report.skipped, Anchor()),
                                                        (report.suppressed, Anchor()), (report.errors, Anchor())]


class Counted(concurrent.futures.ProcessPoolExecutor):
    started = 0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        Counted.started += 1
        super().__init__(*args, **kwargs)


def test_two_jobs_give_the_report_of_one_in_the_same_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = tree(tmp_path / "tree")
    monkeypatch.setattr("spec_lint.parallel.MIN_FILES", 2)
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Counted)
    Counted.started = 0
    one, two = lint_paths(files, [builtin()], jobs=1), lint_paths(files, [builtin()], jobs=2)
    assert Counted.started == 1
    assert {f.code for f in one.findings} >= {"SL501", "SL002"}
    assert everything(two) == everything(one)


def test_few_files_stay_in_one_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Counted)
    Counted.started = 0
    lint_paths(tree(tmp_path / "tree")[:3], [builtin()], jobs=2)
    assert Counted.started == 0


def test_the_cli_output_is_the_same_with_one_and_two_jobs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tree(tmp_path / "tree")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("spec_lint.parallel.MIN_FILES", 2)
    runs = [cli_runner().invoke(main, ["--no-cache", "--output-format", format_, "-j", jobs, "tree"])
            for format_ in ("json", "sarif") for jobs in ("1", "2")]
    assert [run.stdout for run in runs[:2]] == [runs[0].stdout] * 2 and json.loads(runs[0].stdout)
    assert runs[2].stdout == runs[3].stdout  # SARIF's fingerprints hold the anchors


def _dies(*_: object) -> None:
    os._exit(3)


def _raises(*_: object) -> None:
    raise RuntimeError("boom")


@pytest.mark.parametrize(("lint", "message"), [
    (_dies, "spec-lint: error: a worker process died ("),
    (_raises, "spec-lint: error: a worker process failed: RuntimeError('boom'); rerun with --jobs 1"),
])
def test_a_worker_that_dies_or_raises_is_one_line_and_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             lint: object, message: str) -> None:
    tree(tmp_path / "tree")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("spec_lint.parallel.MIN_FILES", 2)
    monkeypatch.setattr("spec_lint.parallel.lint_file", lint)
    result = cli_runner().invoke(main, ["--no-cache", "-j", "2", "tree"])
    assert result.exit_code == 2
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_jobs_must_be_a_positive_number() -> None:
    result = cli_runner().invoke(main, ["-j", "0", str(ROOT / "examples")])
    assert result.exit_code == 2 and "0 is not in the range x>=1" in result.stderr


def test_what_a_worker_sends_back_is_plain_data_without_the_document(tmp_path: Path) -> None:
    from spec_lint.per_file import lint_file

    linted = lint_file(ROOT / "examples" / "router.md", [builtin()])
    data = pickle.dumps(linted)
    assert pickle.loads(data) == linted and linted.facts is not None
    assert b"Document" not in data and b"Pack" not in data
