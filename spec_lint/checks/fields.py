"""Checks on ``**Key**: value`` fields."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from spec_lint.checks import register, tuples
from spec_lint.findings import Violation
from spec_lint.template import alternatives
from spec_lint.titles import normalize_title, title_matches

if TYPE_CHECKING:
    from spec_lint.context import Context

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# A date written "today" east of the machine running the linter may be a day ahead of it.
_CLOCK_SLACK = datetime.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class FieldRequirement:
    key: str
    section: str = ""
    values: tuple[str, ...] = ()
    pattern: str = ""
    example: str = ""
    date: bool = False


@register("fields")
@dataclass(frozen=True, slots=True)
class Fields:
    """Each of ``fields`` is present (in its ``section``, if given) with a valid value.

    A value is checked against ``values`` (one of, case-insensitive), ``pattern`` (a full
    match, after the pack's parameters are filled in, such as ``{email}``; ``example`` shows the
    form) or ``date`` (an ISO date, real and not in the future).
    """

    fields: tuple[dict[str, Any], ...] = ()

    def __post_init__(self) -> None:
        self.requirements()  # an unknown option fails when the pack loads, not on the first file

    def requirements(self) -> list[FieldRequirement]:
        return [FieldRequirement(**tuples(item)) for item in self.fields]

    def check(self, ctx: Context) -> Iterator[Violation]:
        for wanted in self.requirements():
            found = next(iter(ctx.doc.fields_named(wanted.key, wanted.section)), None)
            if found is None:
                yield from _missing(ctx, wanted)
            elif not ctx.has_placeholder(found.value):
                problem = _problem(wanted, found.value, ctx.render_pattern(wanted.pattern))
                if problem:
                    value = f'"{found.value}"' if found.value else "empty"
                    yield Violation(f'"{wanted.key}" is {value}{problem}', found.line)


def _missing(ctx: Context, wanted: FieldRequirement) -> Iterator[Violation]:
    if not wanted.section:
        title = ctx.doc.title
        yield Violation(f'missing field "**{wanted.key}**:" (expected in the header block)', title.line if title else 1)
        return
    section = next((s for s in ctx.doc.sections if title_matches(s.title, wanted.section)), None)
    if section is not None:  # a missing section is reported on its own
        yield Violation(f'missing field "**{wanted.key}**:" (expected in section "{wanted.section}")', section.line)


def _problem(wanted: FieldRequirement, value: str, pattern: str) -> str:
    if wanted.values and normalize_title(value) not in {normalize_title(v) for v in wanted.values}:
        return f" (expected {'one of ' if len(wanted.values) > 1 else ''}{alternatives(wanted.values)})"
    if pattern and not re.fullmatch(pattern, value):
        return f' (expected the form "{wanted.example or wanted.pattern}")'
    return _date_problem(value) if wanted.date else ""


def _date_problem(value: str) -> str:
    if not _ISO_DATE.fullmatch(value):
        return " (expected an ISO date YYYY-MM-DD)"
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        return ", not a real date (expected a calendar date YYYY-MM-DD)"
    if day > datetime.date.today() + _CLOCK_SLACK:
        return ", a date in the future (expected the date of the last update)"
    return ""
