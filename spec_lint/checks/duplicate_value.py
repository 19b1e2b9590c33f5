"""The duplicate-value check: a value two specs of a project give, such as one component id or
one metric name, reported in every spec but the first."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.checks import Spec, register
from spec_lint.facts.cells import column_values
from spec_lint.findings import Violation
from spec_lint.identity import TITLE, derived_id
from spec_lint.pack.markers import ColumnName, TableName, Template

if TYPE_CHECKING:
    from spec_lint.context import Context


@dataclass(frozen=True, slots=True)
class Listed:
    """A table column whose values each belong to one spec; ``allowed`` (templates) are shared on purpose."""

    table: TableName
    column: ColumnName
    what: str = "value"
    allowed: tuple[Template, ...] = ()


@dataclass(frozen=True, slots=True)
class Given:
    """A value one spec gives, and where: all a project keeps of the spec for this check."""

    what: str
    value: str
    line: int
    column: int


@register("duplicate-value")
@dataclass(frozen=True, slots=True)
class DuplicateValue:
    """A value two specs of the project give: with ``component = true`` the component id the spec
    gives (its front matter's or title's, at the title; not the one its names use, nor a
    placeholder), else the values of each ``{table, column, what, allowed}`` of ``columns`` (at their
    cell; values that ``allowed`` lists are shared on purpose). Reported in every spec but the
    first in path order, naming the first; with ``other_components``, only between specs of
    different components, as their names use them (two specs of one component are a rule of
    their own). The project's other specs are read for these values only."""

    component: bool = False
    columns: tuple[Listed, ...] = ()
    other_components: bool = False

    def __post_init__(self) -> None:
        if self.component == bool(self.columns):
            raise ValueError("expected either component = true or columns, not both")

    def collect(self, ctx: Context) -> tuple[Given, ...]:
        if self.component:
            title, derived = ctx.title, derived_id(ctx.doc, ctx.pack, ctx.path)
            if derived.source == TITLE and ctx.has_placeholder(ctx.doc.lines[derived.line - 1]):
                return ()  # the template's "{Component Name}" is no component
            return (Given("component", derived.id, title.line if title else derived.line, 1),)
        given: dict[tuple[str, str], Given] = {}
        for where in self.columns:
            allowed = set(ctx.render_list(where.allowed))
            for value in column_values(ctx, where.table, where.column):
                if value.text not in allowed:  # a value listed twice in one spec is another rule's
                    given.setdefault((where.what, value.text),
                                     Given(where.what, value.text, value.row.line, value.column))
        return tuple(given.values())

    def compare(self, specs: Sequence[Spec]) -> Iterator[tuple[int, Violation]]:
        # For each value, the first spec of each component that gives it.
        firsts: dict[tuple[str, str], dict[str, tuple[Spec, Given]]] = {}
        for index, spec in enumerate(specs):
            for given in spec.facts:
                seen = firsts.setdefault((given.what, given.value), {})
                earlier = next((found for component, found in seen.items()
                                if not self.other_components or component != spec.component), None)
                if earlier is not None:
                    yield index, Violation(self._message(given, *earlier), given.line, given.column)
                seen.setdefault(spec.component, (spec, given))

    def _message(self, given: Given, other: Spec, there: Given) -> str:
        verb = "the component of" if self.component else "listed in"
        return (f'{given.what} "{given.value}" is also {verb} "{other.name}" '
                f"(line {there.line}; expected each {given.what} in one spec)")
