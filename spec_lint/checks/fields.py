"""Checks on ``**Key**: value`` fields."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from spec_lint.checks import register
from spec_lint.context import title_matches
from spec_lint.findings import Violation
from spec_lint.model import Field, normalize_title

if TYPE_CHECKING:
    from spec_lint.context import Context


@dataclass(frozen=True, slots=True)
class FieldSpec:
    key: str
    section: str = ""
    values: tuple[str, ...] = ()
    pattern: str = ""
    example: str = ""
    date: bool = False


@register("fields")
@dataclass(frozen=True, slots=True)
class Fields:
    """Fields that must be present (in ``section``, if given) with a valid value.

    A value is checked against ``values`` (one of, case-insensitive), ``pattern`` (a full
    match) or ``date`` (an ISO date, real and not in the future).
    """

    fields: tuple[dict[str, Any], ...] = ()

    def check(self, ctx: Context) -> Iterator[Violation]:
        for spec in (FieldSpec(**{k: _tuple(v) for k, v in item.items()}) for item in self.fields):
            found = _find(ctx, spec)
            if found is None:
                yield from _missing(ctx, spec)
            elif not ctx.has_placeholder(found.value):
                problem = _problem(spec, found.value)
                if problem:
                    yield Violation(f'"{spec.key}" {problem}', found.line)


def _tuple(value: object) -> object:
    return tuple(value) if isinstance(value, list) else value


def _find(ctx: Context, spec: FieldSpec) -> Field | None:
    key = normalize_title(spec.key)
    for found in ctx.doc.fields:
        if normalize_title(found.key) == key and (not spec.section or title_matches(found.section, spec.section)):
            return found
    return None


def _missing(ctx: Context, spec: FieldSpec) -> Iterator[Violation]:
    where = f' in section "{spec.section}"' if spec.section else ""
    if spec.section:
        section = next((s for s in ctx.doc.sections if title_matches(s.title, spec.section)), None)
        if section is None:
            return  # the missing section is reported on its own
        line = section.line
    else:
        line = next((s.line for s in ctx.doc.sections if s.level == 1), 1)
    yield Violation(f'missing field "**{spec.key}**:"{where}', line)


def _problem(spec: FieldSpec, value: str) -> str:
    if spec.values and normalize_title(value) not in {normalize_title(v) for v in spec.values}:
        allowed = ", ".join(f'"{v}"' for v in spec.values)
        return f'is "{value}" (expected one of {allowed})'
    if spec.pattern and not re.fullmatch(spec.pattern, value):
        return f'is "{value}" (expected the form "{spec.example or spec.pattern}")'
    if spec.date:
        return _date_problem(value)
    return ""


def _date_problem(value: str) -> str:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return f'is "{value}" (expected an ISO date YYYY-MM-DD)'
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        return f'is "{value}", which is not a real date'
    if day > datetime.date.today():
        return f'is "{value}", which is in the future'
    return ""
