"""The broken-link check: relative targets that exist, fragments that name a heading."""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

from spec_lint.checks import register
from spec_lint.facts.anchors import anchors, html_links
from spec_lint.findings import Violation
from spec_lint.model import Link
from spec_lint.parser import parse
from spec_lint.reading import read

if TYPE_CHECKING:
    from spec_lint.context import Context

_EXTERNAL = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*:|//)")
_MARKDOWN = (".md", ".markdown")


@register("broken-link")
@dataclass(frozen=True, slots=True)
class BrokenLink:
    """Relative links, markdown or ``<a href>``, point to a file that exists, and their
    ``#fragment`` to a heading.

    Paths are relative to the spec's folder; external URLs (any scheme) and root-relative
    paths are not checked.
    """

    def check(self, ctx: Context) -> Iterator[Violation]:
        known: dict[Path, frozenset[str] | None] = {ctx.path: anchors(ctx.doc)}
        for link in (*ctx.doc.links, *html_links(ctx.doc)):
            problem = _problem(ctx, known, link)
            if problem:
                yield Violation(problem, link.line, _column(ctx, link))


def _problem(ctx: Context, known: dict[Path, frozenset[str] | None], link: Link) -> str:
    target, _, fragment = link.target.partition("#")
    target, fragment = unquote(target.split("?")[0]), unquote(fragment)
    if _EXTERNAL.match(link.target) or target.startswith("/"):
        return ""  # the web and the repository root are out of reach
    if ctx.has_placeholder(unquote(link.target)):
        return ""
    path = ctx.path.parent / target if target else ctx.path
    if not _exists(path):
        return f'link target "{target}" does not exist (expected a path relative to this spec\'s folder)'
    if fragment and (not target or path.suffix.casefold() in _MARKDOWN):
        return _fragment_problem(known, path, fragment, target)
    return ""


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:  # a name the file system rejects (too long, ...)
        return False


def _column(ctx: Context, link: Link) -> int:
    """Where the target starts: after ``](`` of a markdown link or the quote of an ``href``."""
    line = ctx.doc.lines[link.line - 1]
    for written in (link.target, unquote(link.target)):
        for before, after in (("](", ""), ('"', '"'), ("'", "'")):
            at = line.find(before + written + after)
            if at >= 0:
                return at + len(before) + 1
    return 1


def _fragment_problem(known: dict[Path, frozenset[str] | None], path: Path, fragment: str, target: str) -> str:
    if path not in known:
        known[path] = _read_anchors(path)
    found = known[path]
    where = f'"{target}"' if target else "this document"
    if found is None:
        return f'link target "{target}" cannot be read, so its fragment "#{fragment}" cannot be checked'
    if fragment in found:
        return ""
    close = _closest(fragment, found)
    hint = f'did you mean "#{close}"' if close else "expected the anchor of one of its headings"
    return f'link fragment "#{fragment}" matches no heading in {where} ({hint})'


def _closest(fragment: str, found: frozenset[str]) -> str | None:
    """The anchor the author most likely meant: the shortest that starts with what they wrote
    (a heading's "(if applicable)" is in its anchor), else the most similar one."""
    longer = sorted((a for a in found if a.startswith(fragment)), key=lambda a: (len(a), a))
    close = longer or difflib.get_close_matches(fragment, sorted(found), n=1, cutoff=0.6)
    return close[0] if close else None


def _read_anchors(path: Path) -> frozenset[str] | None:
    try:
        return _anchors_of(path, path.stat().st_mtime_ns)
    except (OSError, ValueError):  # reading's errors for a FIFO, a binary file or a huge one
        return None


@functools.lru_cache(maxsize=256)
def _anchors_of(path: Path, mtime: int) -> frozenset[str]:
    """A linked file's anchors, parsed once per run for every spec that links to it."""
    # Read as a linted file is: a FIFO or a device linked as "x.md#a" must not block the run.
    return anchors(parse(read(path)))
