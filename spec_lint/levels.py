"""The heading level a document's top sections stand at, when its pack allows several.

A pack with ``section_levels = [1, 2]`` takes documents whose sections are H1s after the title
and documents whose title is their only H1. Each document is checked against the pack with
its sections moved to the level that document uses, so that every rule sees one level.
"""

from __future__ import annotations

import dataclasses

from spec_lint.model import Document
from spec_lint.pack import Pack
from spec_lint.template import TemplateSection, stands_for


def fitted(pack: Pack, doc: Document) -> Pack:
    """The pack with its sections at the document's level: of the levels the pack allows, the
    one where most of the template's required top sections stand; on a tie, the first one that
    holds a heading besides the title (a document with none of them at all)."""
    levels = pack.document.section_levels
    if len(levels) < 2:
        return pack
    level = max(levels, key=lambda level: _weight(pack, doc, level))
    return at_level(pack, level)


def _weight(pack: Pack, doc: Document, level: int) -> tuple[int, bool]:
    """How many required top sections stand at ``level``, and whether any heading besides the
    title does (a first H1 that is a section, in a file without a title, counts as a section)."""
    at_level = [s for s in doc.sections if s.level == level]
    required = [section_def for section_def in pack.sections if section_def.required]
    found = sum(1 for s in at_level if any(stands_for(s, section_def) for section_def in required))
    return found, any(s is not doc.title for s in at_level)


def at_level(pack: Pack, level: int) -> Pack:
    """The pack with its top sections at ``level`` (and their sub-sections below it)."""
    shift = level - pack.top_level
    if shift == 0:
        return pack
    return dataclasses.replace(
        pack,
        document=dataclasses.replace(pack.document, section_level=level),
        sections=tuple(_shifted(section_def, shift) for section_def in pack.sections),
    )


def _shifted(section_def: TemplateSection, shift: int) -> TemplateSection:
    children = tuple(_shifted(child, shift) for child in section_def.children)
    return dataclasses.replace(section_def, level=section_def.level + shift, children=children)
