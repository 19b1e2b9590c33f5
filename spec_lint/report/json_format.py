"""The report as JSON: the data behind the other formats, for dashboards. ``schema.json``
beside this module documents it (a JSON Schema); ``version`` changes when the shape does."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from spec_lint.report.data import Component, Readiness, Requirement, Status, Summary

VERSION = 2


def schema() -> dict[str, Any]:
    """The JSON Schema of the report, as shipped with the package."""
    text = resources.files("spec_lint.report").joinpath("schema.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def render(report: Readiness) -> str:
    return json.dumps(data(report), indent=2, ensure_ascii=False)


def data(report: Readiness) -> dict[str, Any]:
    average = report.average
    return {
        "version": VERSION,
        "requirements": list(report.requirements),
        "statuses": [status.value for status in Status],
        "components": [_component(c) for c in report.components],
        "summary": [_summary(s) for s in report.summaries],
        "average": {"readiness": average.share, "read": average.read, "total": average.total},
        "attention": [{"path": c.path, "name": c.name, "reasons": list(c.attention)} for c in report.attention],
        "problems": list(report.problems),
    }


def _component(c: Component) -> dict[str, Any]:
    return {
        "path": c.path, "name": c.name, "component": c.component, "support_level": c.support_level,
        "pic": c.pic, "last_updated": c.last_updated, "readable": not c.problem, "problem": c.problem,
        "requirements": [_requirement(r) for r in c.requirements], "test_coverage": c.coverage,
        "errors": c.counts.errors, "warnings": c.counts.warnings, "structure_errors": c.counts.structure,
        "readiness": c.readiness,
    }


def _summary(s: Summary) -> dict[str, Any]:
    return {"requirement": s.requirement, **{status.value: n for status, n in s.counts}, "unreadable": s.unreadable}


def _requirement(r: Requirement) -> dict[str, str]:
    return {"name": r.name, "status": r.status.value, "current": r.current, "target": r.target}
