"""What a document is in its pack: the component id that fills ``{component}`` in the pack's
names, and the placeholders that mark template text not yet filled in."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from spec_lint.detection import has_title_suffix
from spec_lint.model import Document
from spec_lint.pack import Pack
from spec_lint.placeholders import Placeholders

_VERSION_TAIL = re.compile(r"[\s\-–—:]*(v?\d+(\.\d+)*)?[\s\-–—:]*$")


def component_id(doc: Document, pack: Pack, path: Path) -> str:
    """The component's id: front matter ``component`` (any case), else the H1's name, else the file's."""
    given = next((v for k, v in doc.front_matter.items() if str(k).casefold() == "component"), None)
    if isinstance(given, str) and given.strip():
        return given.strip()
    name = _name_in_title(doc.title.title.strip(), pack) if doc.title else ""
    name = _without_prefix(name, pack.params.get("title_name_prefixes", ()))
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
    match = re.match(pack.title_pattern, title)
    if match:
        return match["name"]
    if not has_title_suffix(title, pack):
        return ""
    return _VERSION_TAIL.sub("", title[: -len(pack.detect_title)])


def placeholders_of(pack: Pack) -> Placeholders:
    """What counts as a template placeholder in this pack's documents."""
    params = pack.params
    return Placeholders(
        code_names=tuple(params.get("placeholder_names", ())),
        texts=tuple(params.get("placeholder_texts", ())),
        ignored=tuple(params.get("not_placeholders", ())),
    )
