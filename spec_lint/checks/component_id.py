"""The component-id check: the names built from the component id use the id the spec derives.

One cause, one finding: when a title such as "NVIDIA Dynamo Mocker" derives the id
"nvidia_dynamo_mocker" while the names use "mocker", every naming rule would report every name.
This check reads which id most names use; the spec is then judged against that id (see
``spec_lint.identity``), and this one finding names the cause and the fix.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.checks import register
from spec_lint.facts.cells import column_values
from spec_lint.facts.ids import form_of, most_used, words_before
from spec_lint.facts.lists import items
from spec_lint.findings import Violation
from spec_lint.identity import FRONT_MATTER, Derived, derived_id
from spec_lint.pack.markers import Pattern, Template

if TYPE_CHECKING:
    from spec_lint.context import Context


# Tables and sections are plain names, not references: a pack that drops the metrics table
# drops the names there, and the id is read from the others.
@dataclass(frozen=True, slots=True)
class ColumnNames:
    """The names of a table column, each built by ``form`` (a pattern template)."""

    table: str
    column: str
    form: Pattern


@dataclass(frozen=True, slots=True)
class FieldNames:
    """The names a ``**key**:`` field (or one of its ``aliases``) lists, separated by commas or
    ``<br>``, each built by ``form``."""

    key: str
    form: Pattern
    section: str = ""
    aliases: tuple[str, ...] = ()


@register("component-id")
@dataclass(frozen=True, slots=True)
class ComponentId:
    """Most names built from the component id (in ``columns`` and ``fields`` where the pack has
    them, each built by its ``form``; the ``ignore`` names, such as global variables, left out)
    use the id the spec derives from its front matter, its title or its file name. When more
    than half of them, two at least, use another id, the names are judged against that id, and
    this one finding names both ids and the fix: the front matter's id key, or for a title that
    leads with a product name the parameter ``title_prefixes`` names.
    """

    columns: tuple[ColumnNames, ...] = ()
    fields: tuple[FieldNames, ...] = ()
    ignore: tuple[Template, ...] = ()
    title_prefixes: str = ""

    def used_id(self, ctx: Context) -> str | None:
        """The id most names use, when it is not the spec's own (``ctx.component``)."""
        ignored = {name.casefold() for name in ctx.render_list(self.ignore)}
        names: list[set[str]] = []
        for pattern, texts in self._names(ctx):
            form = form_of(pattern, ctx.pack)
            if form is not None:
                names.extend(form.ids(text) for text in texts if text.casefold() not in ignored)
        return most_used(names, ctx.component)

    def _names(self, ctx: Context) -> Iterator[tuple[str, list[str]]]:
        """Each form with the names written in its place."""
        for column in (c for c in self.columns if c.table in ctx.pack.tables):
            yield column.form, [value.text for value in column_values(ctx, column.table, column.column)]
        for field in self.fields:
            found = [f for key in (field.key, *field.aliases) for f in ctx.doc.fields_named(key, field.section)]
            texts = [name for f in found for name in items(f.value)]
            yield field.form, [text for text in texts if not ctx.has_placeholder(text)]

    def check(self, ctx: Context) -> Iterator[Violation]:
        derived = derived_id(ctx.doc, ctx.pack, ctx.path)
        if derived.id != ctx.component:
            message = f'names use the component id "{ctx.component}", not "{derived.id}" that the {derived.source} gives'
            yield Violation(f"{message} (expected {self._fix(ctx, derived)})", derived.line)

    def _fix(self, ctx: Context, derived: Derived) -> str:
        key, used = ctx.pack.document.identity.front_matter_key, ctx.component
        if derived.source == FRONT_MATTER:
            return f'"{key}: {used}"'
        product = words_before(derived.name, used) if self.title_prefixes else ""
        if product:
            return f'"{key}: {used}" in the front matter, or "{product}" in the {self.title_prefixes} parameter'
        return f'"{key}: {used}" in the front matter'
