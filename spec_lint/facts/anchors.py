"""The fragments a document answers to, and the HTML links it writes: what link checks read."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Iterator

from spec_lint.blocks import Paragraph
from spec_lint.model import Document, Link
from spec_lint.source import without_code

# An <a> tag up to its ">" (quoted values may hold one): read once, then its attributes in it,
# so that a line of "<a " repeated is not read again from each of them.
_A_TAG = re.compile(r"<a\s(?:[^>\"']|\"[^\"]*\"|'[^']*')*+", re.IGNORECASE)
_ANCHOR = re.compile(r"\b(?:name|id)\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)
_HREF = re.compile(r"\bhref\s*=\s*([\"'])(?P<target>.*?)\1", re.IGNORECASE)


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
            for tag in _A_TAG.finditer(without_code(text_line.text)):
                href = _HREF.search(tag.group())
                if href:
                    yield Link(html.unescape(href["target"]), text_line.line)


def _anchor_name(tag: str) -> str:
    """The tag's last ``name`` or ``id``, as a backtracking ``[^>]*`` before it would find."""
    names = _ANCHOR.findall(tag)
    return names[-1] if names else ""


def anchors(doc: Document) -> frozenset[str]:
    """Every fragment a document answers to: its heading slugs and explicit HTML anchors."""
    explicit = {name for line in doc.lines for name in map(_anchor_name, _A_TAG.findall(line)) if name}
    return frozenset(slugs(s.title for s in doc.sections)) | explicit
