"""The typed-values check: a value fits the type its row declares."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

from spec_lint.checks import register
from spec_lint.facts.cells import column_values, is_none
from spec_lint.facts.notes import readings
from spec_lint.findings import Violation
from spec_lint.pack.markers import ColumnName, Regex, TableName

if TYPE_CHECKING:
    from spec_lint.context import Context


@dataclass(frozen=True, slots=True)
class ValueType:
    pattern: Regex
    expected: str


@register("typed-values")
@dataclass(frozen=True, slots=True)
class TypedValues:
    """A value (``column``) fits the type its row declares (``type_column``).

    ``types`` maps a type name to ``{pattern, expected}``; types it does not name (string,
    path, ...) take anything. Empty cells, the pack's ``none_markers`` and ``accepted`` values
    ("(required)") always pass. A note after the value is let be: "64 (vLLM)", "1 per process".
    """

    reads: ClassVar[tuple[str, ...]] = ("none_markers",)

    table: TableName
    column: ColumnName
    type_column: ColumnName = "Type"
    what: str = "value"
    types: Mapping[str, ValueType] = field(default_factory=dict)
    accepted: tuple[str, ...] = ()

    def check(self, ctx: Context) -> Iterator[Violation]:
        value_types = {name.casefold(): given for name, given in self.types.items()}
        accepted = {value.casefold() for value in self.accepted}
        types = {value.row: value.text for value in column_values(ctx, self.table, self.type_column)}
        for value in column_values(ctx, self.table, self.column):
            kind = types.get(value.row, "")
            value_type = value_types.get(kind.casefold())
            if value_type and not any(_fits(ctx, value_type, accepted, part) for part in readings(value.text)):
                message = f'{self.what} "{value.text}" does not fit type "{kind}" (expected {value_type.expected})'
                yield Violation(message, value.row.line, value.column)


def _fits(ctx: Context, value_type: ValueType, accepted: set[str], part: str) -> bool:
    return part.casefold() in accepted or is_none(ctx, part) or bool(re.fullmatch(value_type.pattern, part))
