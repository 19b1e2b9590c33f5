"""The anchor of each finding: the sections around its line and the line's text."""

from __future__ import annotations

import bisect
import dataclasses
import functools
from collections.abc import Iterable

from spec_lint.findings import Anchor, Finding
from spec_lint.model import Document


def anchored(findings: Iterable[Finding], doc: Document) -> tuple[Finding, ...]:
    """The findings with their anchors; each line's worked out once, since a document may have
    thousands of findings, sections or characters on a line."""
    anchor = functools.cache(functools.partial(_anchor, doc, [s.line for s in doc.sections], _section_paths(doc)))
    return tuple(dataclasses.replace(finding, anchor=anchor(finding.line)) for finding in findings)


def _anchor(doc: Document, starts: list[int], paths: list[tuple[str, ...]], line: int) -> Anchor:
    # The last section that starts at or before the line holds it (with the sections it is in).
    at = bisect.bisect_right(starts, line) - 1
    return Anchor(paths[at] if at >= 0 else (), " ".join(doc.line_text(line).split()))


def _section_paths(doc: Document) -> list[tuple[str, ...]]:
    """For each section, in document order, the titles of it and the sections it is in, outermost first."""
    paths: list[tuple[str, ...]] = []
    open_sections: list[tuple[int, tuple[str, ...]]] = []
    for section in doc.sections:
        while open_sections and open_sections[-1][0] >= section.level:
            open_sections.pop()
        path = (*(open_sections[-1][1] if open_sections else ()), section.title)
        open_sections.append((section.level, path))
        paths.append(path)
    return paths
