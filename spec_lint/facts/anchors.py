"""The fragments a document answers to, and the HTML links it writes: what link checks read."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Iterator

from spec_lint.model import Document, Link, Paragraph
from spec_lint.source import CODE_SPAN

_HTML_ANCHOR = re.compile(r"<a\s[^>]*\b(?:name|id)\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)
_HTML_LINK = re.compile(r"<a\s[^>]*?\bhref\s*=\s*([\"'])(?P<target>.*?)\1", re.IGNORECASE)


def slug(text: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation but ``-`` and ``_`` dropped, spaces to ``-``."""
    kept = "".join(ch for ch in text.lower() if ch in " -_" or ch.isalnum() or _is_mark(ch))
    return kept.replace(" ", "-")


def _is_mark(char: str) -> bool:
    return unicodedata.category(char).startswith("M")


def slugs(titles: Iterable[str]) -> list[str]:
    """The anchors of headings in document order: a repeated slug gets ``-1``, ``-2``, ..."""
    seen: dict[str, int] = {}
    found: list[str] = []
    for title in titles:
        base = result = slug(title)
        while result in seen:
            seen[base] += 1
            result = f"{base}-{seen[base]}"
        seen[result] = 0
        found.append(result)
    return found


def html_links(doc: Document) -> Iterator[Link]:
    """``<a href="...">`` written in paragraphs, list items and HTML blocks (not in code spans)."""
    for paragraph in doc.blocks_of(Paragraph):
        for text_line in paragraph.lines:
            for match in _HTML_LINK.finditer(CODE_SPAN.sub("", text_line.text)):
                yield Link(html.unescape(match["target"]), text_line.line)


def anchors(doc: Document) -> frozenset[str]:
    """Every fragment a document answers to: its heading slugs and explicit HTML anchors."""
    explicit = {name for line in doc.lines for name in _HTML_ANCHOR.findall(line)}
    return frozenset(slugs(s.title for s in doc.sections)) | explicit
