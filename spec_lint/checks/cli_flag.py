"""The cli-flag check: the flags a Flag cell lists, and their metavars."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.checks import register
from spec_lint.checks.unique_values import listed_twice
from spec_lint.facts.cells import column_values
from spec_lint.facts.naming import kebab_case
from spec_lint.findings import Violation
from spec_lint.pack.markers import ColumnName, Regex, TableName

if TYPE_CHECKING:
    from spec_lint.context import Context

# A flag, then what follows it after a space or "=": a metavar such as <PORT>, or a value.
_FLAG = re.compile(r"(?P<flag>[^\s=]+)(?:[ =]\s*(?P<value>\S.*))?")
_NEGATED = "--[no-]"
# "," or "/" between flags; starting only where spaces start, so a run of them is read once.
_SEPARATOR = re.compile(r"(?<!\s)\s*[,/]\s*(?=-)")


@register("cli-flag")
@dataclass(frozen=True, slots=True)
class CliFlag:
    """A Flag cell lists ``long`` flags (``--kebab-case``; ``--[no-]name`` for both forms of a
    switch) and ``short`` one-letter aliases, separated by ``,``, ``/`` or ``<br>``, each optionally
    followed by a ``metavar`` (``<PORT>`` or ``PORT``) after a space or ``=``. A value there
    (``--port=8000``) belongs in Default. A flag listed twice is reported at its second listing.
    """

    table: TableName = "flags"
    column: ColumnName = "Flag"
    long: Regex = r"--(\[no-\])?[a-z0-9]+(-[a-z0-9]+)*"
    short: Regex = r"-[A-Za-z0-9]"
    metavar: Regex = r"<[^<>]+>|[A-Z][A-Z0-9_]*"

    def check(self, ctx: Context) -> Iterator[Violation]:
        first: dict[str, int] = {}
        for value in column_values(ctx, self.table, self.column):
            items = [item for piece in value.cell.pieces for item in _SEPARATOR.split(piece)]
            for item, column in value.located(ctx, items):
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
