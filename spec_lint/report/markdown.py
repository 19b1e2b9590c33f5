"""The report as Markdown, to paste into an issue or a CI job summary: a status matrix, a summary
per requirement, and the specs that need a look. Every text from a spec is escaped."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spec_lint.report.data import UNREADABLE, Component, Readiness, Status, percent

MARKS = {
    Status.COMPLETE: "✅", Status.IN_PROGRESS: "🟡", Status.NOT_STARTED: "⬜", Status.UNKNOWN: "❔", Status.MISSING: "➖",
}
_ESCAPED = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# Characters that would start Markdown markup in a cell: escaped with a backslash.
_MARKUP = re.compile(r"([\\`*_\[\]|#~!])")


def text(value: str) -> str:
    """``value`` as literal text in a table cell: no markup, no HTML, on one line."""
    value = " ".join(value.split())
    value = "".join(_ESCAPED.get(char, char) for char in value)
    return _MARKUP.sub(r"\\\1", value)


def render(report: Readiness) -> str:
    sections = (_heading(report), _matrix(report), _legend(), _summary(report), _attention(report))
    return "\n\n".join(section for section in sections if section)


def _heading(report: Readiness) -> str:
    ready = sum(c.readiness == 1 for c in report.components)
    average = report.average
    mean = f"average readiness {percent(average.share)} {average.covers}" if average.read else average.covers
    return f"## 1.0 readiness\n\n{len(report.components)} specs, {ready} with every requirement complete; {mean}"


def _matrix(report: Readiness) -> str:
    header = ("Component", "Readiness", "Support Level", "PIC", "Last Updated", *map(text, report.requirements),
              "Coverage", "Errors", "Warnings")
    return "\n".join(_table(header, (_row(c, len(report.requirements)) for c in report.components)))


def _row(c: Component, requirements: int) -> tuple[str, ...]:
    marks = [MARKS[r.status] for r in c.requirements] or [""] * requirements
    readiness = percent(c.readiness) if not c.problem else f"not read: {text(c.problem)}"
    fields = (f"{text(c.name)} ({text(c.path)})", readiness, text(c.support_level), text(c.pic), text(c.last_updated))
    return (*fields, *marks, text(c.coverage), str(c.counts.errors), str(c.counts.warnings))


def _legend() -> str:
    return "Status: " + " · ".join(f"{mark} {status.label.lower()}" for status, mark in MARKS.items())


def _summary(report: Readiness) -> str:
    header = ("Requirement", *(status.label for status in Status), UNREADABLE)
    rows = ((text(s.requirement), *(str(s.count(status)) for status in Status), str(s.unreadable))
            for s in report.summaries)
    return "### By requirement\n\n" + "\n".join(_table(header, rows))


def _attention(report: Readiness) -> str:
    items = [f"- {text(c.name)} ({text(c.path)}): {text('; '.join(c.attention))}" for c in report.attention]
    items += [f"- {text(problem)}" for problem in report.problems]
    return "### Needs attention\n\n" + "\n".join(items) if items else ""


def _table(header: tuple[str, ...], rows: Iterable[tuple[str, ...]]) -> Iterator[str]:
    yield _line(header)
    yield _line(tuple("---" for _ in header))
    yield from map(_line, rows)


def _line(cells: tuple[str, ...]) -> str:
    return "| " + " | ".join(cells) + " |"
