"""Checks on ``**Key**: value`` fields."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spec_lint.checks import register
from spec_lint.findings import Violation
from spec_lint.pack.markers import Pattern, Regex, SectionPath
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
    section: SectionPath = ""
    values: tuple[str, ...] = ()
    pattern: Pattern = ""
    example: str = ""
    date: bool = False
    required: bool = True
    note: Regex = ""
    suggest: Mapping[str, str] = field(default_factory=dict)


@register("fields")
@dataclass(frozen=True, slots=True)
class Fields:
    """Each of ``fields`` is present (in its ``section``, if given) with a valid value.

    A value is checked against ``values`` (one of, case-insensitive; ``note`` is a regex of what
    may follow one, such as a dash and a remark; ``suggest`` maps near misses to the value meant),
    ``pattern`` (a full match, after the pack's parameters are filled in, such as ``{email}``;
    ``example`` shows the form) or ``date`` (an ISO date, real and not in the future). A field
    with ``required = false`` is checked only when it is there. The choice list itself left as
    the value (``A | B | C``) is a finding: one was to be chosen.
    """

    fields: tuple[FieldRequirement, ...] = ()

    def check(self, ctx: Context) -> Iterator[Violation]:
        for wanted in self.fields:
            found = next(iter(ctx.doc.fields_named(wanted.key, wanted.section)), None)
            if found is None:
                yield from _missing(ctx, wanted) if wanted.required else ()
                continue
            problem = _choice_list(wanted, found.value)
            if not problem and not ctx.has_placeholder(found.value):
                problem = _problem(wanted, found.value, ctx.render_pattern(wanted.pattern))
            if problem:
                value = f'"{found.value}"' if found.value else "empty"
                yield Violation(f'"{wanted.key}" is {value}{problem}', found.value_line)


def _choice_list(wanted: FieldRequirement, value: str) -> str:
    choices = [_value_part(wanted, choice) for choice in value.split("|")]
    if len(choices) < 2 or not all(_is_one_of(wanted, choice) for choice in choices):
        return ""
    return ", the template's choice list (expected one of them)"


def _value_part(wanted: FieldRequirement, value: str) -> str:
    """The value without the note that may follow it."""
    value = value.strip()
    found = re.search(wanted.note, value) if wanted.note else None
    return value[: found.start()].strip() if found and found.start() > 0 else value


def _is_one_of(wanted: FieldRequirement, value: str) -> bool:
    return normalize_title(value) in {normalize_title(v) for v in wanted.values}


def _missing(ctx: Context, wanted: FieldRequirement) -> Iterator[Violation]:
    if not wanted.section:
        title = ctx.doc.title
        yield Violation(f'missing field "**{wanted.key}**:" (expected in the header block)', title.line if title else 1)
        return
    section = next((s for s in ctx.doc.sections if title_matches(s.title, wanted.section)), None)
    if section is not None:  # a missing section is reported on its own
        yield Violation(f'missing field "**{wanted.key}**:" (expected in section "{wanted.section}")', section.line)


def _problem(wanted: FieldRequirement, value: str, pattern: str) -> str:
    if wanted.values and not _is_one_of(wanted, _value_part(wanted, value)):
        return _not_one_of(wanted, _value_part(wanted, value))
    if pattern and not re.fullmatch(pattern, value):
        return f' (expected the form "{wanted.example or wanted.pattern}")'
    return _date_problem(value) if wanted.date else ""


def _not_one_of(wanted: FieldRequirement, value: str) -> str:
    meant = next((v for near, v in wanted.suggest.items() if normalize_title(near) == normalize_title(value)), None)
    if meant is not None:
        return f' (expected "{meant}", the template\'s name for it)'
    return f" (expected {'one of ' if len(wanted.values) > 1 else ''}{alternatives(wanted.values)})"


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
