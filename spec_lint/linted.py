"""A file after the per-file phase, as plain data: what a worker process sends back and what the
cache keeps. It holds no document: what selection and the project phase need of it is worked out
before the document is dropped."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spec_lint.anchors import anchored
from spec_lint.directives import Known
from spec_lint.engine_rules import INTERNAL_ERROR
from spec_lint.facts.anchors import html_links
from spec_lint.facts.linked import relative_path
from spec_lint.findings import Anchor, Finding, Severity, Suppressed
from spec_lint.model import Document
from spec_lint.suppressions import Comments


@dataclass(frozen=True, slots=True)
class FileResult:
    findings: tuple[Finding, ...] = ()
    skipped: str = ""
    suppressed: tuple[Suppressed, ...] = ()

    @property
    def errors(self) -> tuple[str, ...]:
        """One line for each internal error: the file was not fully checked, and the run exits 2."""
        return tuple(f"{f.path}: {f.message}" for f in self.findings if f.code == INTERNAL_ERROR.code)


@dataclass(frozen=True, slots=True)
class Facts:
    """What the project phase needs of a spec: the index of its pack among the run's packs, its
    component, and each project rule's facts by code."""

    pack: int
    component: str
    facts: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Linted:
    """A file after the per-file phase: its findings before selection, what selection needs of
    it (its suppression comments, and the anchors of the lines a finding may be on), and its
    project facts; ``result`` alone when it is no spec or could not be read. ``digest`` is the
    hash of the content linted ("" when none was read), ``links`` the paths its links point to
    (whose state its findings depend on)."""

    result: FileResult
    findings: tuple[Finding, ...] = ()
    comments: Comments | None = None
    known: Known | None = None
    facts: Facts | None = None
    anchors: Mapping[int, Anchor] = field(default_factory=dict)
    digest: str = ""
    links: tuple[str, ...] = ()

    def anchor(self, findings: Iterable[Finding]) -> tuple[Finding, ...] | None:
        """The findings with their anchors; None when one is on a line whose anchor was not kept."""
        found = tuple(findings)
        if any(f.line not in self.anchors for f in found):
            return None
        return tuple(dataclasses.replace(f, anchor=self.anchors[f.line]) for f in found)


def anchors_of(doc: Document, lines: Iterable[int]) -> dict[int, Anchor]:
    """The anchor of each line, as the findings on it get it."""
    probes = [Finding("", line, 1, line, "", "", Severity.WARNING, "") for line in sorted(set(lines))]
    return {probe.line: probe.anchor for probe in anchored(probes, doc)}


def lines_of_interest(findings: Iterable[Finding], comments: Comments, facts: Mapping[str, Any]) -> set[int]:
    """The lines a finding of the file may be on: those of its findings, of its suppression
    comments (the unused-suppression findings), and each ``line`` the project facts give."""
    lines = {f.line for f in findings} | {s.line for s in comments.suppressions} | {v.line for v in comments.problems}
    return lines | set(_fact_lines(facts))


def _fact_lines(value: object) -> Iterator[int]:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            inner = getattr(value, item.name)
            yield from [inner] if item.name == "line" and isinstance(inner, int) else _fact_lines(inner)
    elif isinstance(value, Mapping):
        for inner in value.values():
            yield from _fact_lines(inner)
    elif isinstance(value, (tuple, list, set, frozenset)):
        for inner in value:
            yield from _fact_lines(inner)


def linked_paths(doc: Document, path: Path) -> tuple[str, ...]:
    """The paths the document's relative links point to, as the broken-link check resolves them."""
    found: dict[str, None] = {}
    for link in (*doc.links, *html_links(doc)):
        target = relative_path(link.target)
        if target:
            found[str(path.parent / target)] = None
    return tuple(found)
