"""The template's stub of a section, and where a missing one goes: what a missing-section fix inserts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from spec_lint.facts.tree import Gap, is_required, matches, template_path
from spec_lint.findings import Edit
from spec_lint.fixing.tables import stub as table_stub
from spec_lint.pack.names import names_section
from spec_lint.template import stands_for

if TYPE_CHECKING:
    from spec_lint.context import Context
    from spec_lint.template import TemplateSection, TemplateTable

# What stands where the author has to write: a placeholder that SL401 reports.
FILLER = "..."


def insertion(ctx: Context, gap: Gap, guidance: Mapping[str, str]) -> Edit:
    """The stub of the gap's section, inserted where the template has it; one blank line around it."""
    at = _place(ctx, gap)
    lines = ctx.doc.lines
    text = section_stub(ctx, gap[1][gap[2]], guidance)
    before = "\n" if at > 1 and lines[at - 2].strip() else ""
    after = "\n" if at <= len(lines) else ""
    return Edit(at, at, f"{before}{text}{after}")


def _place(ctx: Context, gap: Gap) -> int:
    """Before the first present later sibling when no earlier one is there; else after the last
    present earlier one and the headings the template does not know that follow it (they are
    likely part of it), before the next one it knows, or at the parent's end."""
    parent, section_defs, index = gap
    earlier = [found[0] for s in section_defs[:index] if (found := matches(parent, s))]
    later = [found[0] for s in section_defs[index + 1 :] if (found := matches(parent, s))]
    if later and not earlier:
        return later[0].line
    after = earlier[-1].line if earlier else parent.line
    known = [c for c in parent.children if c.line > after and any(stands_for(c, s) for s in ctx.pack.all_sections)]
    if known:
        return known[0].line
    return parent.end_line + 1 if parent.level else len(ctx.doc.lines) + 1


def section_stub(ctx: Context, section_def: TemplateSection, guidance: Mapping[str, str]) -> str:
    """The heading, the template's table or guidance line (a placeholder when the pack knows
    neither and the section has no required sub-section), then each required sub-section's stub."""
    path = template_path(ctx, section_def)
    children = [section_stub(ctx, c, guidance) for c in section_def.children if is_required(ctx, c)]
    body = _content(ctx, path, guidance) or ("" if children else f"{FILLER}\n")
    parts = [f"{'#' * section_def.level} {section_def.title}\n", body, *children]
    return "\n".join(filter(None, parts))


def _content(ctx: Context, path: tuple[str, ...], guidance: Mapping[str, str]) -> str:
    table_def = next((t for t in ctx.pack.tables.values() if names_section(" > ".join(t.section), [path])), None)
    text = next((text for key, text in guidance.items() if names_section(key, [path])), "")
    parts = [f"{text}\n" if text else "", _table(table_def) if table_def else ""]
    return "\n".join(filter(None, parts))


def _table(table_def: TemplateTable) -> str:
    """The template's table: a row for each row it requires (its key column filled), else one row."""
    columns = table_def.columns
    key = columns.index(table_def.key_column) if table_def.key_column in columns else 0
    return table_stub(columns, key, table_def.rows, FILLER)
