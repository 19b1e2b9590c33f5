"""The template's section tree as a document has it: which parent holds which template sections."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import TYPE_CHECKING

from spec_lint.facts.fences import swallowed_titles
from spec_lint.facts.headings import headings_for, is_known, named
from spec_lint.model import Section
from spec_lint.template import section_chains, stands_for_at_level
from spec_lint.titles import bare_title, normalize_title, strip_hint, title_matches

if TYPE_CHECKING:
    from spec_lint.context import Context
    from spec_lint.template import TemplateSection

Scope = tuple[Section, tuple["TemplateSection", ...]]
# A required section that is not there: its parent, its siblings in the template, its index.
Gap = tuple[Section, tuple["TemplateSection", ...], int]


def container(ctx: Context) -> Section:
    """A level-0 section holding the template's top sections, at the title's line.

    The sections under every H1 (and any before the first) count, so that a second H1 is
    reported once, by the title rule, rather than as a run of missing sections. When the
    template's sections are H1s, they are the H1s after the title.
    """
    level = ctx.pack.top_level
    title = ctx.title
    above = [ctx.doc.root, *(s for s in ctx.doc.sections if s.level < level)]
    tops = sorted((c for s in above for c in s.children if c.level == level and c is not title),
                  key=lambda s: s.line)
    return Section("", 0, title.line if title else 1, children=tops)


def scopes(ctx: Context) -> Iterator[Scope]:
    """Each present parent with the template sections expected directly under it.

    A section kept against its condition (a Public API that says why there is none) is not
    looked into: it should not be there, and a sentence saying why is all it needs.
    """
    pending: list[Scope] = [(container(ctx), ctx.pack.sections)]
    while pending:
        parent, section_defs = pending.pop(0)
        yield parent, section_defs
        for section_def in section_defs:
            found = standing_for(ctx, parent, section_def)
            if found and section_def.children and not is_excused(ctx, section_def):
                pending.append((found[0], section_def.children))


def template_path(ctx: Context, section_def: TemplateSection) -> tuple[str, ...]:
    """The titles from the template's top down to the section."""
    chain = next(c for c in section_chains(ctx.pack.sections) if c[-1] is section_def)
    return tuple(s.title for s in chain)


def matches(parent: Section, section_def: TemplateSection) -> list[Section]:
    """The children that are this section: its title at its level (other levels are SL105's)."""
    return [child for child in parent.children if stands_for_at_level(child, section_def)]


def standing_for(ctx: Context, parent: Section, section_def: TemplateSection) -> list[Section]:
    """``matches``, looked up in the file's index of headings."""
    children = {id(child) for child in parent.children}
    return [s for s in headings_for(ctx, section_def) if s.level == section_def.level and id(s) in children]


def is_required(ctx: Context, section_def: TemplateSection) -> bool:
    if section_def.when is None:
        return section_def.required
    given = ctx.doc.field(section_def.when.field)
    return given is not None and normalize_title(given.value) == normalize_title(section_def.when.equals)


def is_excused(ctx: Context, section_def: TemplateSection) -> bool:
    """Does the section's condition plainly not hold (its field given, with another value)?"""
    if section_def.when is None:
        return False
    given = ctx.doc.field(section_def.when.field)
    return given is not None and not ctx.has_placeholder(given.value) and not is_required(ctx, section_def)


def at_other_level(ctx: Context, section_def: TemplateSection) -> bool:
    """Is the section there at a wrong level? Then the level rule reports it, not this one."""
    return any(s.level != section_def.level for s in headings_for(ctx, section_def))


def adopted(ctx: Context, section_defs: tuple[TemplateSection, ...]) -> list[Section]:
    """The sub-sections of the template siblings written at another level: an H2 that is the
    template's H3 holds the H3 siblings after it, which the level rule's fix gives back."""
    siblings = {id(d) for d in section_defs}  # sections of the template: each is in its index
    wrong = [s for s, ids in ctx.fact("wrong-levels", lambda: _wrong_levels(ctx)) if not ids.isdisjoint(siblings)]
    return [child for section in wrong for child in section.children]


def _wrong_levels(ctx: Context) -> list[tuple[Section, set[int]]]:
    """Each heading that stands for template sections of another level, with their ids."""
    found = [(s, {id(d) for d in named(ctx, s.title) if d.level != s.level}) for s in ctx.doc.sections]
    return [(section, ids) for section, ids in found if ids]


def gaps(ctx: Context) -> Iterator[Gap]:
    """Required sections that are missing, except those an unclosed code block swallowed and
    those a sibling at a wrong level holds (one cause, one finding: the level rule's)."""
    swallowed = swallowed_titles(ctx)
    for parent, section_defs in scopes(ctx):
        held = adopted(ctx, section_defs)
        for index, section_def in enumerate(section_defs):
            if (
                standing_for(ctx, parent, section_def)
                or not is_required(ctx, section_def)
                or at_other_level(ctx, section_def)
                or any(stands_for_at_level(child, section_def) for child in held)
            ):
                continue
            if not any(title_matches(title, section_def.title) for title in swallowed):
                yield parent, section_defs, index


def place(ctx: Context, gap: Gap) -> str:
    """Where the section goes: after the last earlier one that is, or must be, there."""
    parent, section_defs, index = gap
    due = [s for s in section_defs[:index] if standing_for(ctx, parent, s) or is_required(ctx, s)]
    if due:
        return f' (expected after "{due[-1].title}")'
    return f' (expected first under "{parent.title}")' if parent.title else " (expected first)"


def likeness(heading: str, title: str) -> float:
    """How close a heading is to a template title (as difflib measures it), its number, emoji
    and hint aside."""
    folded = bare_title(strip_hint(heading))
    return difflib.SequenceMatcher(None, folded, normalize_title(title)).ratio()


def misspelt(ctx: Context, gap: Gap, similarity: float) -> Section | None:
    """The unknown sibling heading closest to the missing section, if close enough to be it."""
    parent, section_defs, index = gap
    title = section_defs[index].title
    unknown = [c for c in parent.children if c.level == section_defs[index].level and _is_unknown(ctx, c)]
    best = max(unknown, key=lambda c: likeness(c.title, title), default=None)
    return best if best is not None and likeness(best.title, title) >= similarity else None


def _is_unknown(ctx: Context, section: Section) -> bool:
    return not ctx.has_placeholder(section.title) and not is_known(ctx, section)


def misspellings(ctx: Context, similarity: float) -> set[int]:
    """Lines of the headings that the missing-section rule reports as misspelt sections."""
    found = (misspelt(ctx, gap, similarity) for gap in gaps(ctx))
    return {section.line for section in found if section is not None}
