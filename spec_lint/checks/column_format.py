"""The column-format check: values of a table column of one form.

String options are templates: ``{component}``, ``{COMPONENT}``, ``{component-}`` and ``{<param>}``
for any declared pack parameter (``{metric_prefix}``, ``{error_code}``) are filled per spec, so
the conventions stay in the pack's ``[params]``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from spec_lint.checks import register
from spec_lint.checks.unique_values import UniqueValues
from spec_lint.facts.cells import column_values
from spec_lint.facts.naming import pascal_case
from spec_lint.findings import Violation
from spec_lint.pack.markers import ColumnName, Pattern, TableName, Template
from spec_lint.template import alternatives

if TYPE_CHECKING:
    from spec_lint.context import Context

_DIGITS = re.compile(r"(?P<text>[\w-]*)\\d\{(?P<count>[1-6])\}")
_COUNTS = ("", "one digit", "two digits", "three digits", "four digits", "five digits", "six digits")


def in_words(pattern: str) -> str:
    """A pattern as users read it: ``ROUTER_\\d{3}`` is '"ROUTER_" and three digits'."""
    match = _DIGITS.fullmatch(pattern)
    if match:
        return f'"{match["text"]}" and {_COUNTS[int(match["count"])]}'
    return f'a match of "{pattern}"'


def renumbered(text: str, example: str) -> str:
    """The example with the number ``text`` ends in, padded as the example's: "router_4" with
    "ROUTER_001" gives "ROUTER_004"; empty when ``text`` has no number."""
    number, digits = _number_start(text), _number_start(example)
    if number == len(text) or digits == len(example):
        return ""
    return example[:digits] + (text[number:].lstrip("0") or "0").zfill(len(example) - digits)


def _number_start(text: str) -> int:
    """Where the digits ending ``text`` start (its length when it ends in none). A search for
    digits at the end would read a long run of digits again from each of them."""
    at = len(text)
    while at > 0 and text[at - 1].isdecimal():
        at -= 1
    return at


_SUGGESTIONS: dict[str, Callable[[str, str], str]] = {
    "PascalCase": lambda text, _example: pascal_case(text),
    "renumbered example": renumbered,
}


@register("column-format")
@dataclass(frozen=True, slots=True)
class ColumnFormat:
    """Values of a table column start with ``prefix`` and fully match ``pattern``.

    ``prefixes`` (templates; an item ``{list_param}`` stands for that list) are more prefixes, any
    of which will do: Dynamo's own metrics start with ``dynamo_<component>_`` or the shared
    ``dynamo_component_``. The prefix compares ignoring case (case is a naming rule's business). The message names the
    convention as ``form`` (by default the pattern, in words when it is text and digits) and
    proposes the right value with ``suggest`` (``PascalCase``, or ``renumbered example``: the
    ``example`` with the value's number), else shows ``example``. With ``unique``, a value
    listed twice is reported as by ``unique-values``.
    """

    table: TableName
    column: ColumnName
    what: str = "value"
    prefix: Template = ""
    prefixes: tuple[Template, ...] = ()
    pattern: Pattern = ""
    form: Template = ""
    example: Template = ""
    suggest: Literal["", "PascalCase", "renumbered example"] = ""
    unique: bool = False

    def check(self, ctx: Context) -> Iterator[Violation]:
        prefixes = [p for p in dict.fromkeys([ctx.render(self.prefix), *ctx.render_list(self.prefixes)]) if p]
        pattern = ctx.render_pattern(self.pattern)
        for value in column_values(ctx, self.table, self.column):
            text, line, column = value.text, value.row.line, value.column
            if prefixes and not text.casefold().startswith(tuple(p.casefold() for p in prefixes)):
                yield Violation(f'{self.what} "{text}" does not start with {alternatives(prefixes)}', line, column)
            elif pattern and not re.fullmatch(pattern, text):
                form = ctx.render(self.form) or in_words(ctx.render(self.pattern))
                yield Violation(f'{self.what} "{text}" is not {form}{self._expected(ctx, text, pattern)}', line, column)
        if self.unique:
            yield from UniqueValues(self.table, self.column, self.what).check(ctx)

    def _expected(self, ctx: Context, value: str, pattern: str) -> str:
        example = ctx.render(self.example)
        better = _SUGGESTIONS[self.suggest](value, example) if self.suggest else ""
        if better and better != value and re.fullmatch(pattern, better):
            return f' (expected "{better}")'
        return f' (expected for example "{example}")' if example else ""
