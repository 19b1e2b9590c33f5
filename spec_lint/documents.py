"""Which pack a text is a document of, and what the checks see of it."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from spec_lint.context import Context
from spec_lint.detection import is_document_of, might_be
from spec_lint.identity import identified
from spec_lint.levels import fitted
from spec_lint.model import Document
from spec_lint.pack import Pack
from spec_lint.parser import parse


def context(text: str, path: Path, packs: Sequence[Pack]) -> tuple[Context, Pack] | None:
    """What the checks see of a spec, and the pack detected (before it is fitted to the document)."""
    detected = detect(text, packs)
    if detected is None:
        return None
    pack, doc = detected
    fitted_pack = fitted(pack, doc)  # a pack that allows several section levels: the one this document uses
    return identified(doc, fitted_pack, path), pack


def detect(text: str, packs: Sequence[Pack]) -> tuple[Pack, Document] | None:
    """The first pack the text is a document of, and the parsed document; parsed only when a pack may fit."""
    candidates = [pack for pack in packs if might_be(text, pack)]
    if not candidates:
        return None
    doc = parse(text)
    pack = next((p for p in candidates if is_document_of(doc, p)), None)
    return (pack, doc) if pack else None
