"""The fragments a document answers to, and the HTML links it writes: what link checks read."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Iterator
from urllib.parse import quote

from spec_lint.blocks import Paragraph
from spec_lint.model import Document, Link
from spec_lint.source import without_code

# An <a> tag up to its ">" (quoted values may hold one): read once, then its attributes in it,
# so that a line of "<a " repeated is not read again from each of them.
_A_TAG = re.compile(r"<a\s(?:[^>\"']|\"[^\"]*\"|'[^']*')*+", re.IGNORECASE)
_ANCHOR = re.compile(r"\b(?:name|id)\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)
_HREF = re.compile(r"\bhref\s*=\s*([\"'])(?P<target>.*?)\1", re.IGNORECASE)


# What GitHub keeps of a heading for its anchor (github-slugger, checked against GitHub's own
# rendering): letters, marks, decimal and letter numbers, connector punctuation such as "_", "-"
# and spaces. Symbols (emoji), other punctuation, format characters (zero-width joiners) go.
_KEPT = ("L", "M", "Nd", "Nl", "Pc")
# Characters that show nothing (variation selectors such as the U+FE0F of an emoji heading,
# which GitHub keeps in its anchor, zero-width joiners and spaces): a message writes them
# percent-encoded, as a link may.
_INVISIBLE = re.compile("[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f"
                        "\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\U000e0000-\U000e0fff]")


def slug(text: str) -> str:
    """GitHub's anchor for a heading: lower case, what it keeps (``_KEPT``), spaces to ``-``."""
    kept = "".join(ch for ch in text.lower() if ch in " -" or unicodedata.category(ch).startswith(_KEPT))
    return kept.replace(" ", "-")


def visible(text: str) -> str:
    """``text`` with its invisible characters percent-encoded, so that a message shows them."""
    return _INVISIBLE.sub(lambda m: quote(m.group()), text)


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
