"""A document's component id: derived as the pack's ``[pack.identity]`` says, or the one its
names use when most of them use another (a check that can tell, such as ``component-id``)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol, cast, runtime_checkable

from spec_lint.context import Context, placeholders_of
from spec_lint.detection import has_title_suffix, title_of
from spec_lint.model import Document
from spec_lint.pack import Pack
from spec_lint.source import without_end

# A version and separators ending a title, written for the reversed title (see without_end).
_VERSION_TAIL_REVERSED = re.compile(r"[\s\-–—:]*(?:(?:\d+\.)*\d+v?)?[\s\-–—:]*")
FRONT_MATTER, TITLE, FILE_NAME = "front matter", "title", "file name"


@dataclass(frozen=True, slots=True)
class Derived:
    """The id the spec gives, where (``source``, on ``line``), and the title's name as written."""

    id: str
    source: str
    line: int = 1
    name: str = ""


@runtime_checkable
class NamesId(Protocol):
    """A check that tells which id the names of a spec use (None: the spec's own)."""

    def used_id(self, ctx: Context) -> str | None: ...


def component_id(doc: Document, pack: Pack, path: Path) -> str:
    """The id the names are judged against: the derived id, unless most names use another."""
    return identified(doc, pack, path).component


def identified(doc: Document, pack: Pack, path: Path) -> Context:
    """What the checks see of a spec, with the id its names are judged against. The facts the
    names were read with (the tables' values, ...) are kept for the checks: none depends on the id."""
    derived = derived_id(doc, pack, path).id
    ctx = Context(path, doc, pack, derived, placeholders_of(pack))
    readers = (cast(NamesId, rule.check) for rule in pack.rules if _names_id(type(rule.check)))
    used = next(filter(None, (reader.used_id(ctx) for reader in readers)), derived)
    return ctx if used == derived else replace(ctx, component=used)


@functools.cache
def _names_id(kind: type) -> bool:
    """Is a kind of check a ``NamesId``? Asked once a kind: ``isinstance`` of a protocol is slow."""
    return issubclass(kind, NamesId)


def derived_id(doc: Document, pack: Pack, path: Path) -> Derived:
    """The front matter's id key (any case), else the name in the H1, else the file's name."""
    identity = pack.document.identity
    wanted = identity.front_matter_key.casefold()
    given = next((v for k, v in doc.front_matter.items() if str(k).casefold() == wanted), None)
    if isinstance(given, str) and given.strip():
        return Derived(given.strip(), FRONT_MATTER, _front_matter_line(doc, wanted))
    title = title_of(doc, pack)
    written = _name_in_title(title.title.strip(), pack) if title else ""
    name = _without_prefix(written, identity.strip_prefixes)
    if title and name:
        return Derived(_snake(name), TITLE, title.line, written)
    return Derived(_snake(path.stem), FILE_NAME)


def _snake(name: str) -> str:
    return re.sub(r"[^0-9a-z]+", "_", name.casefold()).strip("_")


def _front_matter_line(doc: Document, key: str) -> int:
    """The line of the front matter that gives ``key`` (1, its opening, when none is found)."""
    for number, text in enumerate(doc.lines[1:], start=2):
        if text.strip() == "---":
            break
        if text.split(":", 1)[0].strip().casefold() == key:
            return number
    return 1


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
