"""The anchor of each finding: the sections around its line and the line's text."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from spec_lint.findings import Anchor, Finding
from spec_lint.model import Document


def anchored(findings: Iterable[Finding], doc: Document) -> tuple[Finding, ...]:
    return tuple(dataclasses.replace(f, anchor=anchor_of(doc, f.line)) for f in findings)


def anchor_of(doc: Document, line: int) -> Anchor:
    return Anchor(_sections_around(doc, line), " ".join(doc.line_text(line).split()))


def _sections_around(doc: Document, line: int) -> tuple[str, ...]:
    # A heading's own line belongs to its section; sections nest, so those holding the line
    # come in document order from the outermost in.
    return tuple(s.title for s in doc.sections if s.line <= line <= s.end_line)
