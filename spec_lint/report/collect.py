"""The readiness report of a run: each linted spec read again for its fields and statuses, with
the counts of the findings the normal lint gave it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from spec_lint.context import Context, placeholders_of
from spec_lint.engine import detect
from spec_lint.findings import Finding, Report, Severity
from spec_lint.identity import component_id, derived_id
from spec_lint.levels import fitted
from spec_lint.pack import Pack
from spec_lint.reading import read
from spec_lint.report.data import Component, Counts, Readiness
from spec_lint.report.statuses import NoStatus, StatusTable, coverage, requirements, status_table
from spec_lint.settings import Settings

# The header fields of a component spec that the report shows, by the keys the template gives them.
SUPPORT_LEVEL, PIC, LAST_UPDATED = "Support Level", "PIC", "Last Updated"
# Rules on the spec's structure (sections, fields, tables): with one of these, statuses may be misread.
STRUCTURE_PREFIXES = ("SL1", "SL2")


def readiness(report: Report, packs: Sequence[Pack], settings: Settings, problems: Sequence[str] = ()) -> Readiness:
    """One component per linted file of a pack with a status table, in path order; the
    requirements of the first such pack. Another document (a DEP) is no component."""
    tables = [table for pack in packs if (table := status_table(pack.tables))]
    by_path: dict[str, list[Finding]] = {}
    for finding in report.findings:
        by_path.setdefault(finding.path, []).append(finding)
    rows = (component(Path(path), packs, settings, by_path.get(path, [])) for path in sorted(report.linted))
    names = tables[0].definition.rows if tables else ()
    return Readiness(tuple(names), tuple(row for row in rows if row), tuple(problems))


def component(path: Path, packs: Sequence[Pack], settings: Settings, findings: Sequence[Finding]) -> Component | None:
    """The row of one spec; a spec whose statuses cannot be read is a row with its ``problem``;
    None for a document of a pack without a status table."""
    counts = _counts(findings)
    try:
        text = read(path, settings.max_file_size)
    except ValueError as error:  # the lint reported it (SL001, SL003): the row says so
        return Component(str(path), path.stem, counts=counts, problem=f"cannot be read: {error}")
    detected = detect(text, packs)
    if detected is None:  # changed since it was linted
        return Component(str(path), path.stem, counts=counts, problem="not a spec when read again")
    pack, doc = detected
    pack = fitted(pack, doc)
    spec = status_table(pack.tables)
    ctx = Context(path, doc, pack, component_id(doc, pack, path), placeholders_of(pack))
    return _read(ctx, spec, counts) if spec else None


def _read(ctx: Context, spec: StatusTable, counts: Counts) -> Component:
    """The row of a parsed spec: its header fields, then its statuses when they can be read."""
    row = Component(str(ctx.path), _name(ctx), ctx.component, support_level=_field(ctx, SUPPORT_LEVEL),
                    pic=_field(ctx, PIC), last_updated=_field(ctx, LAST_UPDATED), counts=counts)
    try:
        found = requirements(ctx, spec)
    except NoStatus as error:
        return replace(row, problem=str(error))
    return replace(row, requirements=found, coverage=coverage(ctx, spec, found))


def _name(ctx: Context) -> str:
    """The name the title gives the component (also when front matter sets its id), else its id."""
    untitled = replace(ctx.doc, front_matter={})
    return derived_id(untitled, ctx.pack, ctx.path).name or ctx.component


def _field(ctx: Context, key: str) -> str:
    found = ctx.doc.field(key)
    return " ".join(found.value.split()) if found else ""


def _counts(findings: Sequence[Finding]) -> Counts:
    errors = [f for f in findings if f.severity is Severity.ERROR]
    structure = sum(f.code.startswith(STRUCTURE_PREFIXES) for f in errors)
    return Counts(len(errors), len(findings) - len(errors), structure)

