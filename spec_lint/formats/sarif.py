"""SARIF 2.1.0, as GitHub code scanning uploads it: every rule in effect described, relative paths."""

from __future__ import annotations

import json

from spec_lint import __version__
from spec_lint.catalog import RuleDoc
from spec_lint.findings import Finding, Report
from spec_lint.formats.fingerprints import fingerprints
from spec_lint.formats.locations import base_uris, locate
from spec_lint.formats.options import FormatOptions, in_order
from spec_lint.formats.sarif_rules import descriptor

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/ai-dynamo/spec-lint"
FINGERPRINT = "specLint/v1"


def render(report: Report, options: FormatOptions) -> str:
    rules = _distinct(report.rules)
    index = {doc.code: number for number, doc in enumerate(rules)}
    findings = in_order(report)
    driver = {"name": "spec-lint", "version": __version__, "semanticVersion": __version__,
              "informationUri": INFORMATION_URI, "rules": [descriptor(doc) for doc in rules]}
    run: dict[str, object] = {
        "tool": {"driver": driver},
        "columnKind": "unicodeCodePoints",
        "invocations": [_invocation(report)],
        "results": [_result(f, print_, index, options) for f, print_ in zip(findings, fingerprints(findings, options))],
    }
    if bases := base_uris(options):
        run["originalUriBaseIds"] = {base: {"uri": uri} for base, uri in bases.items()}
    return json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, indent=2)


def _invocation(report: Report) -> dict[str, object]:
    # What could not be checked (a missing path, an internal error) makes the run unsuccessful.
    notes = [{"level": "error", "message": {"text": error}} for error in report.errors]
    return {"executionSuccessful": not report.errors, "toolExecutionNotifications": notes}


def _distinct(docs: tuple[RuleDoc, ...]) -> list[RuleDoc]:
    # Two packs may set one code up their own ways; SARIF wants each id once: the first stays.
    first: dict[str, RuleDoc] = {}
    for doc in docs:
        first.setdefault(doc.code, doc)
    return list(first.values())


def _result(finding: Finding, fingerprint: str, index: dict[str, int], options: FormatOptions) -> dict[str, object]:
    where = locate(finding.path, options)
    region = {"startLine": finding.line, "startColumn": finding.column, "endLine": max(finding.end_line, finding.line)}
    result: dict[str, object] = {
        "ruleId": finding.code,
        "level": finding.severity.value,
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": where.uri, "uriBaseId": where.base}, "region": region}}],
        "partialFingerprints": {FINGERPRINT: fingerprint},
    }
    if finding.code in index:
        result["ruleIndex"] = index[finding.code]
    return result
