"""The broken-link check: relative targets that exist, fragments that name a heading."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

from spec_lint.checks import register
from spec_lint.facts.anchors import anchors, html_links, visible
from spec_lint.facts.linked import Suggestions, linked_anchors, relative_path
from spec_lint.findings import Violation
from spec_lint.model import Link

if TYPE_CHECKING:
    from spec_lint.context import Context

_MARKDOWN = (".md", ".markdown")
# GitHub's anchors of a line or a range of lines in a file's source view.
_LINE_ANCHOR = re.compile(r"L\d+(?:-L\d+)?")


@register("broken-link")
@dataclass(frozen=True, slots=True)
class BrokenLink:
    """Relative links, markdown or ``<a href>``, point to a file that exists, and their
    ``#fragment`` to a heading.

    Paths are relative to the spec's folder; external URLs (any scheme) and root-relative
    paths are not checked.
    """

    def check(self, ctx: Context) -> Iterator[Violation]:
        known = _Known({ctx.path: anchors(ctx.doc)})
        columns = _Columns(ctx.doc.lines)
        for link in (*ctx.doc.links, *html_links(ctx.doc)):
            problem = _problem(ctx, known, link)
            if problem:
                yield Violation(problem, link.line, columns.of(link))


@dataclass(frozen=True, slots=True)
class _Known:
    """What one document's links have learnt: the anchors of each file, and the hints budget."""

    anchors: dict[Path, frozenset[str] | None]
    suggestions: Suggestions = field(default_factory=Suggestions)


def _problem(ctx: Context, known: _Known, link: Link) -> str:
    written, _, fragment = link.target.partition("#")
    query = written.partition("?")[2]
    target = relative_path(link.target)
    if target is None:
        return ""  # the web and the repository root are out of reach
    if ctx.has_placeholder(unquote(link.target)):
        return ""
    path = ctx.path.parent / target if target else ctx.path
    if not _exists(path):
        return f'link target "{target}" does not exist (expected a path relative to this spec\'s folder)'
    # A query asks for another view of the file (GitHub's "?plain=1" source view, whose "#L3"
    # anchors are lines): its fragment is no heading anchor.
    if fragment and not query and (not target or path.suffix.casefold() in _MARKDOWN):
        return _fragment_problem(known, path, unquote(fragment), target)
    return ""


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except (OSError, ValueError):  # a name the file system rejects (too long, a NUL byte, ...)
        return False


@dataclass(frozen=True, slots=True)
class _Columns:
    """Where link targets start on their lines. The links of a line come in order, so each is
    looked for from where the last one was found; a line whose targets are not written on it
    (reference links) is searched a few times only, not once for each of thousands of links."""

    lines: list[str]
    found: dict[int, int] = field(default_factory=dict)
    misses: dict[int, int] = field(default_factory=dict)

    def of(self, link: Link) -> int:
        """After ``](`` of a markdown link or the quote of an ``href``; 1 when not written so."""
        if self.misses.get(link.line, 0) >= _MISSES:
            return 1
        line, start = self.lines[link.line - 1], self.found.get(link.line, 0)
        for written in (link.target, unquote(link.target)):
            for before, after in (("](", ""), ('"', '"'), ("'", "'")):
                needle = before + written + after
                at = line.find(needle, start)
                at = at if at >= 0 else line.find(needle, 0, start + len(needle))
                if at >= 0:
                    self.found[link.line] = max(start, at + 1)
                    return at + len(before) + 1
        self.misses[link.line] = self.misses.get(link.line, 0) + 1
        return 1


_MISSES = 16


def _fragment_problem(known: _Known, path: Path, fragment: str, target: str) -> str:
    if path not in known.anchors:
        known.anchors[path] = linked_anchors(path)
    found = known.anchors[path]
    where, written = (f'"{target}"' if target else "this document"), visible(fragment)
    if found is None:
        return f'link target "{target}" cannot be read, so its fragment "#{written}" cannot be checked'
    if fragment in found:
        return ""
    if _LINE_ANCHOR.fullmatch(fragment):
        return (f'link fragment "#{fragment}" is a line anchor, which GitHub has only in the source view '
                f'(expected "{target or path.name}?plain=1#{fragment}")')
    close = known.suggestions.closest(fragment, found)
    hint = f'did you mean "#{visible(close)}"' if close else "expected the anchor of one of its headings"
    return f'link fragment "#{written}" matches no heading in {where} ({hint})'
