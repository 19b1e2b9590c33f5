"""JUnit XML: one test suite per run, one test case per linted file, failing with its findings.

A test case holds at most one ``<failure>`` listing all of the file's findings, as pytest and
most readers of JUnit XML expect (Jenkins, GitLab and the GitHub test reporters show one).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from spec_lint.findings import Finding, Report
from spec_lint.formats.escaping import printable
from spec_lint.formats.options import FormatOptions, in_order
from spec_lint.formats.text import plural

# What XML 1.0 cannot hold even as a character reference, on top of what printable() escapes.
_NOT_XML = re.compile("[\ufffe\uffff]")


def render(report: Report, options: FormatOptions) -> str:
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for finding in in_order(report):
        by_path[finding.path].append(finding)
    paths = sorted({*report.linted, *by_path})
    suite = ET.Element("testsuite", name="spec-lint", tests=str(len(paths)),
                       failures=str(sum(1 for p in paths if by_path[p])), errors="0", skipped="0")
    for path in paths:
        _test_case(suite, path, by_path[path])
    root = ET.Element("testsuites", name="spec-lint", tests=suite.get("tests", "0"),
                      failures=suite.get("failures", "0"))
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")


def _test_case(suite: ET.Element, path: str, findings: list[Finding]) -> None:
    case = ET.SubElement(suite, "testcase", name=xml_text(path), classname="spec-lint", file=xml_text(path))
    if findings:
        failure = ET.SubElement(case, "failure", message=plural(len(findings), "finding"), type=findings[0].code)
        failure.text = "\n".join(xml_text(f"{f.line}:{f.column}: {f.code} [{f.name}] {f.message}") for f in findings)


def xml_text(value: str) -> str:
    """Text that XML 1.0 can hold: controls and surrogates as escapes, as the text format shows them."""
    return _NOT_XML.sub(lambda char: f"\\u{ord(char[0]):04x}", printable(value))
