"""A document's component id, as the pack's ``[pack.identity]`` derives it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from spec_lint.detection import has_title_suffix, title_of
from spec_lint.model import Document
from spec_lint.pack import Pack
from spec_lint.source import without_end

# A version and separators ending a title, written for the reversed title (see without_end).
_VERSION_TAIL_REVERSED = re.compile(r"[\s\-–—:]*(?:(?:\d+\.)*\d+v?)?[\s\-–—:]*")


def component_id(doc: Document, pack: Pack, path: Path) -> str:
    """The front matter's id key (any case), else the name in the H1, else the file's name."""
    identity = pack.document.identity
    wanted = identity.front_matter_key.casefold()
    given = next((v for k, v in doc.front_matter.items() if str(k).casefold() == wanted), None)
    if isinstance(given, str) and given.strip():
        return given.strip()
    title = title_of(doc, pack)
    name = _name_in_title(title.title.strip(), pack) if title else ""
    name = _without_prefix(name, identity.strip_prefixes)
    return re.sub(r"[^0-9a-z]+", "_", (name or path.stem).casefold()).strip("_")


def _without_prefix(name: str, prefixes: Iterable[str]) -> str:
    """The name without a leading product name: "Dynamo Frontend" is the component "Frontend"."""
    for prefix in prefixes:
        match = re.match(rf"{re.escape(prefix)}\W+(?=\w)", name, re.IGNORECASE)
        if match:
            return name[match.end() :]
    return name


def _name_in_title(title: str, pack: Pack) -> str:
    """The component name in the title; from a title of the wrong form, what precedes the suffix."""
    document = pack.document
    match = re.match(document.title_pattern, title)
    if match:
        return match[document.identity.title_group] or ""
    if not has_title_suffix(title, pack):
        return ""
    return without_end(title[: -len(document.detect.title_suffix)], _VERSION_TAIL_REVERSED)
