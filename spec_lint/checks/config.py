"""Checks on the configuration tables: environment variable names and flag defaults."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spec_lint.checks import register
from spec_lint.checks.columns import column_values
from spec_lint.findings import Violation

if TYPE_CHECKING:
    from spec_lint.context import Context

_UPPER_SNAKE = re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*")
# A wildcard row documents a family of variables: its stem must carry the prefix.
_WILDCARD = re.compile(r"[A-Z][A-Z0-9_]*\*")


@register("env-var-name")
@dataclass(frozen=True, slots=True)
class EnvVarName:
    """Environment variables, in each ``[table, column]`` of ``columns``, are upper snake case
    and start with ``prefix`` unless the pack parameter named by ``allowed`` lists them. A
    wildcard row such as ``DYNAMO_ROUTER_*`` passes when it starts with the prefix.
    """

    columns: tuple[Sequence[str], ...] = ()
    prefix: str = ""
    allowed: str = ""

    def check(self, ctx: Context) -> Iterator[Violation]:
        prefix = ctx.render(self.prefix)
        allowed = [ctx.render(str(name)) for name in ctx.pack.params.get(self.allowed, [])]
        for table, column in self.columns:
            for row, name in column_values(ctx, table, column):
                message = _problem(ctx, name, prefix, allowed)
                if message:
                    yield Violation(f'environment variable "{name}" {message}', row.line)


def _problem(ctx: Context, name: str, prefix: str, allowed: list[str]) -> str:
    if _WILDCARD.fullmatch(name):
        return "" if name.startswith(prefix) else f'does not start with "{prefix}" (expected "{prefix}*")'
    fixed = re.sub(r"[^A-Z0-9]+", "_", name.upper()).strip("_")
    if fixed in allowed or fixed.startswith(prefix):
        return "" if _UPPER_SNAKE.fullmatch(name) else f'is not upper snake case (expected "{fixed}")'
    _, found, rest = f"_{fixed}".partition(f"_{ctx.component.upper()}_")
    close = difflib.get_close_matches(fixed, allowed, n=1, cutoff=0.8)
    better = f'"{prefix}{rest}"' if found and rest else f'"{close[0]}"' if close else f'a name starting with "{prefix}"'
    known = ", ".join(f'"{n}"' for n in allowed) or "none"
    return f'does not start with "{prefix}" and is not a global variable (expected {better}; global variables: {known})'


@dataclass(frozen=True, slots=True)
class TypeSpec:
    pattern: str
    expected: str


@register("typed-values")
@dataclass(frozen=True, slots=True)
class TypedValues:
    """A value (``column``) that contradicts the type its row declares (``type_column``).

    ``types`` maps a type name to ``{pattern, expected}``; types it does not name (string,
    path, ...) take anything. Empty cells, the pack's deliberate empties and ``accepted``
    values ("None", "(required)") always pass.
    """

    table: str
    column: str
    type_column: str = "Type"
    what: str = "value"
    types: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    accepted: tuple[str, ...] = ()

    def check(self, ctx: Context) -> Iterator[Violation]:
        specs = {name.casefold(): TypeSpec(**spec) for name, spec in self.types.items()}
        accepted = {value.casefold() for value in self.accepted}
        types = dict(column_values(ctx, self.table, self.type_column))
        for row, value in column_values(ctx, self.table, self.column):
            kind = types.get(row, "")
            spec = specs.get(kind.casefold())
            if spec and value.casefold() not in accepted and not re.fullmatch(spec.pattern, value):
                yield Violation(f'{self.what} "{value}" does not fit type "{kind}" (expected {spec.expected})', row.line)
