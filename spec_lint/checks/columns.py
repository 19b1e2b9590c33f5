"""Check kinds on the values of one table column: their form, their uniqueness, their presence elsewhere.

String options are templates: ``{component}``, ``{COMPONENT}``, ``{component-}`` and ``{<param>}``
for any string pack parameter (``{metric_prefix}``, ``{error_code}``) are filled per spec, so the
conventions stay in the pack's ``[params]``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.checks import register
from spec_lint.checks.tables import is_deliberate
from spec_lint.findings import Violation
from spec_lint.model import Row

if TYPE_CHECKING:
    from spec_lint.context import Context

_CASE_BREAK = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def column_values(ctx: Context, table: str, column: str) -> Iterator[tuple[Row, str]]:
    """Rows of a pack table with a value to check in ``column``: not blank on purpose, no placeholder."""
    found = ctx.table(table)
    index = found[1].column(column) if found else None
    for row in found[1].rows if found and index is not None else ():
        cell = row.get(index)
        if cell and cell.text.strip() and not is_deliberate(ctx, cell.text) and not ctx.has_placeholder(cell.raw):
            yield row, cell.text.strip()


def pascal_case(text: str) -> str:
    words = re.split(r"[^A-Za-z0-9]+", _CASE_BREAK.sub(" ", text))
    return "".join(w.capitalize() if w.isupper() else w[:1].upper() + w[1:] for w in words if w)


def _kebab_flag(text: str) -> str:
    *aliases, name = (part.strip() for part in text.split(","))
    words = re.split(r"[^a-z0-9]+", _CASE_BREAK.sub("-", name.lstrip("-")).lower())
    return ", ".join([*aliases, "--" + "-".join(w for w in words if w)])


_SUGGESTIONS: dict[str, Callable[[str], str]] = {"PascalCase": pascal_case, "--kebab-case": _kebab_flag}


@register("unique-values")
@dataclass(frozen=True, slots=True)
class UniqueValues:
    """Each value of a table column is listed once; the second listing is reported.

    With ``split`` (separator characters), each part of a cell is one value: ``-p, --port``.
    """

    table: str
    column: str
    what: str = "value"
    split: str = ""

    def check(self, ctx: Context) -> Iterator[Violation]:
        first: dict[str, int] = {}
        for row, value in column_values(ctx, self.table, self.column):
            parts = re.split(f"[{re.escape(self.split)}]", value) if self.split else [value]
            for part in filter(None, (p.strip() for p in parts)):
                if part in first:
                    yield Violation(
                        f'{self.what} "{part}" is listed twice (first on line {first[part]}; expected each once)',
                        row.line,
                    )
                first.setdefault(part, row.line)


@register("column-format")
@dataclass(frozen=True, slots=True)
class ColumnFormat:
    """Values of a table column start with ``prefix`` and fully match ``pattern``.

    The prefix compares ignoring case (case is a naming rule's business). ``form`` names the
    convention in the message; ``suggest`` names a rewrite (``PascalCase``, ``--kebab-case``)
    that proposes the right value, else ``example`` is shown. With ``unique``, a value listed
    twice is reported as by ``unique-values``.
    """

    table: str
    column: str
    what: str = "value"
    prefix: str = ""
    pattern: str = ""
    form: str = ""
    example: str = ""
    suggest: str = ""
    unique: bool = False
    split: str = ""

    def __post_init__(self) -> None:
        if self.suggest and self.suggest not in _SUGGESTIONS:
            raise ValueError(f'unknown suggestion "{self.suggest}" (expected one of {", ".join(_SUGGESTIONS)})')

    def check(self, ctx: Context) -> Iterator[Violation]:
        prefix, pattern = ctx.render(self.prefix), ctx.render(self.pattern)
        for row, value in column_values(ctx, self.table, self.column):
            if prefix and not value.casefold().startswith(prefix.casefold()):
                yield Violation(f'{self.what} "{value}" does not start with "{prefix}"', row.line)
            elif pattern and not re.fullmatch(pattern, value):
                form = ctx.render(self.form) or f'a match of "{pattern}"'
                yield Violation(f'{self.what} "{value}" is not {form}{self._expected(ctx, value, pattern)}', row.line)
        if self.unique:
            yield from UniqueValues(self.table, self.column, self.what, self.split).check(ctx)

    def _expected(self, ctx: Context, value: str, pattern: str) -> str:
        better = _SUGGESTIONS[self.suggest](value) if self.suggest else ""
        if better and better != value and re.fullmatch(pattern, better):
            return f' (expected "{better}")'
        return f' (expected for example "{ctx.render(self.example)}")' if self.example else ""


@register("listed-in")
@dataclass(frozen=True, slots=True)
class ListedIn:
    """Each value of a table column is listed in a column of another table (ignoring case).

    Quiet when the other table or its column is absent: that table's own rules report it.
    """

    table: str
    column: str
    in_table: str
    in_column: str
    what: str = "value"

    def check(self, ctx: Context) -> Iterator[Violation]:
        found = ctx.table(self.in_table)
        index = found[1].column(self.in_column) if found else None
        if found is None or index is None:
            return
        listed = {cell.text.strip().casefold() for row in found[1].rows if (cell := row.get(index))}
        where = found[0].section[-1]
        for row, value in column_values(ctx, self.table, self.column):
            if value.casefold() not in listed:
                yield Violation(f'{self.what} "{value}" is not listed in "{where}" (expected a row for it there)', row.line)
