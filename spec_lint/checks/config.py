"""Checks on the configuration tables: flags, environment variable names, flag defaults."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spec_lint.checks import register
from spec_lint.checks.columns import listed_twice
from spec_lint.checks.naming import kebab_case
from spec_lint.checks.values import column_values
from spec_lint.findings import Violation
from spec_lint.specs import quoted

if TYPE_CHECKING:
    from spec_lint.context import Context

_UPPER_SNAKE = re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*")
# A wildcard row documents a family of variables: its stem must carry the prefix.
_WILDCARD = re.compile(r"[A-Z][A-Z0-9_]*\*")
# A flag, then what follows it after a space or "=": a metavar such as <PORT>, or a value.
_FLAG = re.compile(r"(?P<flag>[^\s=]+)(?:[ =]\s*(?P<value>\S.*))?")
_NEGATED = "--[no-]"


@register("cli-flag")
@dataclass(frozen=True, slots=True)
class CliFlag:
    """A Flag cell lists ``long`` flags (``--kebab-case``; ``--[no-]name`` for both forms of a
    switch) and ``short`` one-letter aliases, separated by ``,`` or ``/``, each optionally
    followed by a ``metavar`` (``<PORT>`` or ``PORT``) after a space or ``=``. A value there
    (``--port=8000``) belongs in Default. A flag listed twice is reported at its second listing.
    """

    table: str = "flags"
    column: str = "Flag"
    long: str = r"--(\[no-\])?[a-z0-9]+(-[a-z0-9]+)*"
    short: str = r"-[A-Za-z0-9]"
    metavar: str = r"<[^<>]+>|[A-Z][A-Z0-9_]*"

    def check(self, ctx: Context) -> Iterator[Violation]:
        first: dict[str, int] = {}
        for value in column_values(ctx, self.table, self.column):
            for item, column in value.located(ctx, re.split(r"\s*[,/]\s*(?=-)", value.text)):
                flag, problem = self._review(item)
                if not problem and flag in first:
                    problem = listed_twice("flag", flag, first[flag])
                if problem:
                    yield Violation(problem, value.row.line, column)
                first.setdefault(flag, value.row.line)

    def _review(self, item: str) -> tuple[str, str]:
        """The flag an item names, and what is wrong with it."""
        match = _FLAG.fullmatch(item)
        flag, value = (match["flag"], match["value"]) if match else (item, None)
        if re.fullmatch(self.short, flag) or re.fullmatch(self.long, flag):
            if value is None or re.fullmatch(self.metavar, value):
                return flag, ""
            return flag, f'flag "{item}" carries the value "{value}" (expected "{flag}", with the value in the Default column)'
        if re.fullmatch(r"-[A-Za-z0-9]+", flag):
            return flag, f'short flag "{flag}" is more than one letter (expected "{flag[:2]}")'
        better = _kebab(flag)
        expected = f'"{better}"' if re.fullmatch(self.long, better) else 'for example "--port"'
        return flag, f'flag "{flag}" is not "--kebab-case" (expected {expected})'


def _kebab(flag: str) -> str:
    prefix = _NEGATED if flag.startswith(_NEGATED) else "--"
    return prefix + kebab_case(flag.removeprefix(_NEGATED))


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
        allowed = ctx.param_list(self.allowed)
        for table, column in self.columns:
            for value in column_values(ctx, table, column):
                message = _problem(ctx, value.text, prefix, allowed)
                if message:
                    yield Violation(f'environment variable "{value.text}" {message}', value.row.line, value.column)


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


@dataclass(frozen=True, slots=True)
class TypeSpec:
    pattern: str
    expected: str


@register("typed-values")
@dataclass(frozen=True, slots=True)
class TypedValues:
    """A value (``column``) fits the type its row declares (``type_column``).

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
        types = {value.row: value.text for value in column_values(ctx, self.table, self.type_column)}
        for value in column_values(ctx, self.table, self.column):
            kind, text = types.get(value.row, ""), value.text
            spec = specs.get(kind.casefold())
            if spec and text.casefold() not in accepted and not re.fullmatch(spec.pattern, text):
                message = f'{self.what} "{text}" does not fit type "{kind}" (expected {spec.expected})'
                yield Violation(message, value.row.line, value.column)
