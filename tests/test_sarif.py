"""SARIF output: valid against the official schema, rules described, paths relative, fingerprints stable."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
from test_cases import cached_pack

from spec_lint import Report, lint_paths
from spec_lint.catalog import rule_docs
from spec_lint.formats import FORMATS, FormatOptions

SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "schemas" / "sarif-schema-2.1.0.json"
DOC = """# Widget - 1.0 Component Specification

**Template Version**: 1.0

## Overview

Say {Name} here.

## Design

Say {Name} here.

Say  {Name}  here.
"""


def linted(folder: Path, text: str, name: str = "spec.md") -> Report:
    pack = cached_pack("placeholder")
    (folder / name).write_text(text, encoding="utf-8")
    report = lint_paths([folder / name], [pack])
    return dataclasses.replace(report, rules=tuple(rule_docs([pack])))


def sarif(report: Report, folder: Path) -> dict[str, Any]:
    out: dict[str, Any] = json.loads(FORMATS["sarif"](report, FormatOptions(cwd=str(folder))))
    return out


def results(folder: Path, text: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = sarif(linted(folder, text), folder)["runs"][0]["results"]
    return found


def test_the_log_validates_against_the_official_schema(tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema (the test extra) is not installed")
    if not SCHEMA.is_file():
        pytest.skip(f"no SARIF schema at {SCHEMA} (../shared is not checked out); the other tests still run")
    log = sarif(dataclasses.replace(linted(tmp_path, DOC), errors=("gone.md: no such file",)), tmp_path)
    jsonschema.validate(log, json.loads(SCHEMA.read_text(encoding="utf-8")))


def test_the_driver_describes_every_rule_of_the_packs_in_effect(tmp_path: Path) -> None:
    driver = sarif(linted(tmp_path, DOC), tmp_path)["runs"][0]["tool"]["driver"]
    assert (driver["name"], driver["informationUri"][:8]) == ("spec-lint", "https://")
    assert [rule["id"] for rule in driver["rules"]] == ["SL000", "SL001", "SL002", "SL003", "T1"]
    t1 = driver["rules"][4]
    assert (t1["name"], t1["defaultConfiguration"]) == ("placeholder", {"level": "error"})
    assert t1["shortDescription"]["text"] and t1["fullDescription"]["text"]
    assert 'Checked by the "placeholder" check' in t1["help"]["text"]


def test_a_result_points_at_its_rule_line_and_column(tmp_path: Path) -> None:
    first = results(tmp_path, DOC)[0]
    assert (first["ruleId"], first["ruleIndex"], first["level"]) == ("T1", 4, "error")
    assert "{Name}" in first["message"]["text"]
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "spec.md", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": 7, "startColumn": 5, "endLine": 7}


def test_base_folders_are_file_uris_and_result_paths_relative(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    report = linted(tmp_path / "docs", DOC, "my spec.md")
    outside = FormatOptions(cwd=str(tmp_path / "elsewhere"), root=str(tmp_path))
    run = json.loads(FORMATS["sarif"](report, outside))["runs"][0]
    assert run["originalUriBaseIds"]["CONFIGROOT"] == {"uri": (tmp_path.as_uri() + "/")}
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    assert uris == {"docs/my%20spec.md"}
    nowhere = json.loads(FORMATS["sarif"](report, FormatOptions(cwd=str(tmp_path / "elsewhere"))))["runs"][0]
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in nowhere["results"]} == {
        "../docs/my%20spec.md"}


def fingerprints(found: list[dict[str, Any]]) -> list[str]:
    return [result["partialFingerprints"]["specLint/v1"] for result in found]


def test_fingerprints_differ_for_identical_findings_and_survive_lines_inserted_above(tmp_path: Path) -> None:
    before = results(tmp_path, DOC)
    moved = results(tmp_path, DOC.replace("## Overview\n", "## Overview\n\nA new paragraph,\nof two lines.\n"))
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in before] == [7, 11, 13]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in moved] == [10, 14, 16]
    assert len(set(fingerprints(before))) == 3
    assert fingerprints(moved) == fingerprints(before)


def test_a_fingerprint_changes_with_its_line_text_or_section(tmp_path: Path) -> None:
    before = fingerprints(results(tmp_path, DOC))
    edited = fingerprints(results(tmp_path, DOC.replace("Say  {Name}  here.", "Now {Name} there.")))
    renamed = fingerprints(results(tmp_path, DOC.replace("## Design", "## Architecture")))
    assert edited[:2] == before[:2] and edited[2] != before[2]
    assert renamed[0] == before[0] and not set(renamed[1:]) & set(before)


def test_a_fingerprint_is_the_same_however_the_path_was_typed(tmp_path: Path) -> None:
    finding = linted(tmp_path, DOC).findings[0]
    typed = [dataclasses.replace(finding, path=path) for path in ("spec.md", "./spec.md", str(tmp_path / "spec.md"))]
    options = FormatOptions(cwd=str(tmp_path))
    logs = [json.loads(FORMATS["sarif"](Report((one,), (one.path,), ()), options)) for one in typed]
    assert len({fingerprints(log["runs"][0]["results"])[0] for log in logs}) == 1
    issues = [json.loads(FORMATS["gitlab"](Report((one,), (one.path,), ()), options))[0] for one in typed]
    assert len({issue["fingerprint"] for issue in issues}) == 1


def test_without_findings_or_rules_the_log_is_still_a_run() -> None:
    log = json.loads(FORMATS["sarif"](Report((), (), ()), FormatOptions()))
    assert log["version"] == "2.1.0"
    assert log["runs"][0]["results"] == [] and "originalUriBaseIds" not in log["runs"][0]
    assert log["runs"][0]["invocations"] == [{"executionSuccessful": True, "toolExecutionNotifications": []}]


def test_what_could_not_be_checked_makes_the_invocation_unsuccessful() -> None:
    log = json.loads(FORMATS["sarif"](Report((), (), (), errors=("gone.md: no such file",)), FormatOptions()))
    assert log["runs"][0]["invocations"] == [{"executionSuccessful": False, "toolExecutionNotifications": [
        {"level": "error", "message": {"text": "gone.md: no such file"}}]}]


