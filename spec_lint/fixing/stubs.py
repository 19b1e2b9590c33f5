"""The template's stub of a section, and where a missing one goes: what a missing-section fix inserts."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING

from spec_lint.facts.tree import Gap, is_required, matches, template_path
from spec_lint.findings import Edit
from spec_lint.fixing.tables import stub as table_stub
from spec_lint.model import Document
from spec_lint.pack.names import names_section
from spec_lint.parser import parse
from spec_lint.template import section_chains, stands_for

if TYPE_CHECKING:
    from spec_lint.context import Context
    from spec_lint.template import TemplateSection, TemplateTable

# What stands where the author has to write: a placeholder that SL401 reports.
FILLER = "..."
# Lines that end a template section without being part of it: blank ones and a thematic break.
_TRAILING = {"", "---", "***", "___"}


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
    """The section as the pack's template writes it, filled in as ``spec-lint new`` fills it (its
    fields, sub-sections and placeholders: no structure finding is left, SL401/SL402 show what to
    write); without a template, or when it lacks the section, a stub built from the pack data."""
    return _from_template(ctx, section_def) or _built(ctx, section_def, guidance)


def _from_template(ctx: Context, section_def: TemplateSection) -> str:
    from spec_lint.starter import section_of  # here, with its mdformat: only where a section is missing

    doc = ctx.fact("template-document", lambda: _template_document(ctx))
    chain = next(c for c in section_chains(ctx.pack.sections) if c[-1] is section_def)
    found = section_of(doc, chain, ctx.pack.top_level) if doc is not None else None
    if doc is None or found is None or found.level != section_def.level:
        return ""
    lines = doc.lines[found.line - 1 : found.end_line]
    while lines and lines[-1].strip() in _TRAILING:  # the break before the next section is not its own
        lines.pop()
    return "".join(f"{line}\n" for line in lines)


def _template_document(ctx: Context) -> Document | None:
    """The pack's template filled in for the spec's component; what the spec does not say (its
    name, or its Support Level when it has none) left as a placeholder for the author."""
    from spec_lint.starter import SUPPORT_LEVEL, StarterError, filled, template_text

    level = ctx.doc.field(SUPPORT_LEVEL)
    given = {"name": "{Name}", "date": datetime.date.today().isoformat(),
             "support_level": level.value if level else "{Support Level}"}
    try:
        return parse(filled(template_text(ctx.pack), ctx.pack, ctx.component, given))
    except StarterError:
        return None


def _built(ctx: Context, section_def: TemplateSection, guidance: Mapping[str, str]) -> str:
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
