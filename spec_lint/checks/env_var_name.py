"""The env-var-name check: environment variables in upper snake case, with the prefix."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.checks import register
from spec_lint.facts.cells import column_values
from spec_lint.findings import Violation
from spec_lint.pack.markers import ColumnName, TableName, Template
from spec_lint.template import quoted

if TYPE_CHECKING:
    from spec_lint.context import Context

_UPPER_SNAKE = re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*")
# A wildcard row documents a family of variables: its stem must carry the prefix.
_WILDCARD = re.compile(r"[A-Z][A-Z0-9_]*\*")


@dataclass(frozen=True, slots=True)
class TableColumn:
    table: TableName
    column: ColumnName


@register("env-var-name")
@dataclass(frozen=True, slots=True)
class EnvVarName:
    """Environment variables, in each ``{table, column}`` of ``columns``, are upper snake case
    and start with ``prefix`` unless ``allowed`` (templates) lists them. A
    wildcard row such as ``DYNAMO_ROUTER_*`` passes when it starts with the prefix. A cell
    naming several variables one a line (``<br>`` between them) has each checked.
    """

    columns: tuple[TableColumn, ...] = ()
    prefix: Template = ""
    allowed: tuple[Template, ...] = ()

    def check(self, ctx: Context) -> Iterator[Violation]:
        prefix = ctx.render(self.prefix)
        allowed = ctx.render_list(self.allowed)
        for where in self.columns:
            for value in column_values(ctx, where.table, where.column):
                # Names one a line (``<br>``) are several variables in one row: each is checked.
                for name, column in value.located(ctx, value.cell.pieces):
                    message = _problem(ctx, name, prefix, allowed)
                    if message:
                        yield Violation(f'environment variable "{name}" {message}', value.row.line, column)


def _problem(ctx: Context, name: str, prefix: str, allowed: list[str]) -> str:
    if _WILDCARD.fullmatch(name):
        return "" if name.startswith(prefix) else f'does not start with "{prefix}" (expected "{prefix}*")'
    fixed = re.sub(r"[^A-Z0-9]+", "_", name.upper()).strip("_")
    if fixed in allowed or fixed.startswith(prefix):
        return "" if _UPPER_SNAKE.fullmatch(name) else f'is not upper snake case (expected "{fixed}")'
    _, found, rest = f"_{fixed}".partition(f"_{ctx.component.upper()}_")
    close = difflib.get_close_matches(fixed, allowed, n=1, cutoff=0.8)
    better = f'"{prefix}{rest}"' if found and rest else f'"{close[0]}"' if close else f'a name starting with "{prefix}"'
    known = quoted(allowed) or "none"
    return f'does not start with "{prefix}" and is not a global variable (expected {better}; global variables: {known})'
