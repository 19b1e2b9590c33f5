"""JUnit XML: one test suite per run, one test case per file named, one ``<failure>`` per finding.

A test case fails as the run does: with a ``<failure>`` (type the code, message the message) for
each finding at or above ``--fail-on``. Findings below it do not fail the case; they are listed in
its ``<system-out>``, which Jenkins and GitLab show beside the case. A path that could not be
checked is a test case with an ``<error>``. Several failures in one case are valid JUnit (the
Jenkins schema allows any number) but some readers show only the first (Jenkins xUnit, Azure
DevOps), so each failure's text also says where it is, and the case's ``<system-out>`` lists all.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable

from spec_lint.findings import Finding, Report
from spec_lint.formats.escaping import printable
from spec_lint.formats.options import FormatOptions, in_order

# What XML 1.0 cannot hold even as a character reference, on top of what printable() escapes.
_NOT_XML = re.compile("[\ufffe\uffff]")


def render(report: Report, options: FormatOptions) -> str:
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for finding in in_order(report):
        by_path[finding.path].append(finding)
    problems = _problems_by_path(report.errors, {*report.linted, *by_path})
    paths = sorted({*report.linted, *by_path, *problems})
    suite = ET.Element("testsuite", name="spec-lint", tests=str(len(paths)))
    for path in paths:
        _test_case(suite, path, by_path[path], problems[path], options)
    counts = _counts(suite)
    suite.attrib.update(counts, skipped="0")
    root = ET.Element("testsuites", {"name": "spec-lint", "tests": str(len(paths)), **counts})
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")


def _problems_by_path(errors: Iterable[str], known: set[str]) -> dict[str, list[str]]:
    """Each problem ("path: what went wrong") under its path: the longest known path it starts
    with, else what comes before its first colon."""
    found: dict[str, list[str]] = defaultdict(list)
    for error in errors:
        path = max((p for p in known if error.startswith(f"{p}: ")), key=len, default=error.partition(": ")[0])
        found[path].append(error)
    return found


def _test_case(suite: ET.Element, path: str, findings: list[Finding], problems: list[str],
               options: FormatOptions) -> None:
    case = ET.SubElement(suite, "testcase", name=xml_text(path), classname="spec-lint", file=xml_text(path))
    for problem in problems:
        ET.SubElement(case, "error", message=xml_text(problem), type="could-not-check").text = xml_text(problem)
    for finding in findings:
        if finding.severity.rank >= options.fail_on.rank:
            failure = ET.SubElement(case, "failure", message=xml_text(finding.message), type=finding.code)
            failure.text = _line(finding)
    if findings:
        ET.SubElement(case, "system-out").text = "\n".join(_line(f) for f in findings)


def _line(finding: Finding) -> str:
    return xml_text(f"{finding.line}:{finding.column}: {finding.code} [{finding.name}] "
                    f"{finding.severity.value}: {finding.message}")


def _counts(suite: ET.Element) -> dict[str, str]:
    """Failed and errored test cases (not failure elements), as pytest and Jenkins count them."""
    cases = list(suite.iter("testcase"))
    errored = sum(1 for case in cases if case.find("error") is not None)
    failed = sum(1 for case in cases if case.find("error") is None and case.find("failure") is not None)
    return {"failures": str(failed), "errors": str(errored)}


def xml_text(value: str) -> str:
    """Text that XML 1.0 can hold: controls and surrogates as escapes, as the text format shows them."""
    return _NOT_XML.sub(lambda char: f"\\u{ord(char[0]):04x}", printable(value))
