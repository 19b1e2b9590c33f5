"""Which pack a file belongs to: a raw-text prefilter, then the decision on the parsed model."""

from __future__ import annotations

from spec_lint.model import Document
from spec_lint.pack import Pack


def might_be(text: str, pack: Pack) -> bool:
    """Could the raw text be a document of the pack? False only when it surely is not."""
    return True


def is_document_of(doc: Document, pack: Pack) -> bool:
    """Is the document of the pack's type: its title ends as the pack's do, or it has the pack's field?"""
    if doc.title and has_title_suffix(doc.title.title, pack):
        return True
    return doc.field(pack.detect_field) is not None


def has_title_suffix(title: str, pack: Pack) -> bool:
    return title.rstrip().casefold().endswith(pack.detect_title.casefold())
