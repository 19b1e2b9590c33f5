"""Which pack a Markdown file belongs to, from the markers the pack declares (``[pack.detect]``)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spec_lint.model import Document, Section
from spec_lint.pack import Pack
from spec_lint.template import alternatives, stands_for
from spec_lint.titles import normalize_title

_SPACE = re.compile(r"\s+")
# Entities, links, images, autolinks and inline HTML can put into a heading's text letters that
# its source does not hold in that order; with one of these the raw text proves nothing.
_REWRITES = re.compile(r"[&\[<]")
# An H1 is a line with a "#", or a paragraph over a "===" line (inside a quote or list too).
_UNDERLINE = re.compile(r"^[ \t>*+\-\d.)]*=+\s*$", re.MULTILINE)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def might_be(text: str, pack: Pack) -> bool:
    """A cheap test on the raw text that every document of the pack passes (``is_document_of``
    implies it), so that other Markdown is passed over without a parse."""
    folded = text.casefold()
    detect = pack.document.detect
    spaced = _SPACE.sub(" ", folded)
    if any(normalize_title(key) in spaced for key in detect.fields):
        return True
    if not detect.title_suffix.strip():
        return False
    # A heading's text is its source less markup (emphasis, code backticks, line breaks), so
    # the suffix's letters and digits stand together in the source's letters and digits.
    source = _heading_source(text)
    return _REWRITES.search(source) is not None or _skeleton(detect.title_suffix) in _skeleton(source)


def _heading_source(text: str) -> str:
    """The lines that may hold an H1, and maybe more: "#" lines and blocks with a "===" line."""
    hashes = [line for line in text.split("\n") if "#" in line]  # markdown breaks lines at \n only
    blocks = [block for block in _BLANK_LINE.split(text) if _UNDERLINE.search(block)]
    return "\n".join([*hashes, *blocks])


def _skeleton(text: str) -> str:
    return "".join(char for char in text.casefold() if char.isalnum())


def is_document_of(doc: Document, pack: Pack) -> bool:
    """Is the document of the pack's type: its title ends as the pack's do, or it has the pack's
    field (near enough to the title, if the pack says how near)?"""
    title = title_of(doc, pack)
    if title and has_title_suffix(title.title, pack):
        return True
    detect = pack.document.detect
    # A field far below the title is a word of the text (a README's "Status"), no marker.
    last = (title.line if title else 1) + detect.within_lines if detect.within_lines else len(doc.lines)
    return any(found.line <= last for key in detect.fields for found in doc.fields_named(key)[:1])


def title_of(doc: Document, pack: Pack) -> Section | None:
    """The document's title: its first H1, unless the template's sections are H1s and that H1
    is one of them (a document that starts with its first section has no title)."""
    title = doc.title
    if title is None or pack.top_level > 1:
        return title
    return None if any(stands_for(title, section_def) for section_def in pack.sections) else title


def passed_over(packs: Sequence[Pack]) -> str:
    """Why a file is a document of none of the packs, from their markers."""
    suffixes = dict.fromkeys(p.document.detect.title_suffix for p in packs if p.document.detect.title_suffix.strip())
    fields: dict[int, dict[str, None]] = {}  # the keys wanted within so many lines (0: anywhere)
    for detect in (p.document.detect for p in packs):
        fields.setdefault(detect.within_lines, {}).update(dict.fromkeys(detect.fields))
    missing = [f"no H1 ending in {alternatives(tuple(suffixes))}" if suffixes else "",
               *(_fields_marker(tuple(keys), within) for within, keys in fields.items() if keys)]
    return "not a spec: " + " and ".join(filter(None, missing))


def _fields_marker(keys: tuple[str, ...], within_lines: int) -> str:
    near = f" within {within_lines} lines of the title" if within_lines else ""
    return f"no {alternatives(keys)} field{near}"


def has_title_suffix(title: str, pack: Pack) -> bool:
    suffix = pack.document.detect.title_suffix
    return bool(suffix.strip()) and title.rstrip().casefold().endswith(suffix.casefold())
