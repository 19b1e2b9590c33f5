"""The field-when check: a value that is stale once another field has a given value."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.checks import register
from spec_lint.findings import Violation

if TYPE_CHECKING:
    from spec_lint.context import Context


@register("field-when")
@dataclass(frozen=True, slots=True)
class FieldWhen:
    """When the field ``when`` starts with one of ``values`` (any case; a note may follow), none
    of ``fields`` still starts with one of ``stale`` (any case, in brackets or with a note after
    it too): a proposal that is approved has its sponsor, reviewers and review date, not "TBD".
    """

    when: str
    values: tuple[str, ...]
    fields: tuple[str, ...]
    stale: tuple[str, ...]

    def check(self, ctx: Context) -> Iterator[Violation]:
        given = ctx.doc.field(self.when)
        state = next((v for v in self.values if given is not None and _starts_with(given.value, v)), None)
        if given is None or state is None:
            return
        for key in self.fields:
            for found in ctx.doc.fields_named(key)[:1]:
                if any(_starts_with(found.value.lstrip("[ "), value) for value in self.stale):
                    yield Violation(f'"{found.key}" is still "{found.value}" although "{given.key}" is '
                                    f'"{state}" (expected the final value)', found.line)


def _starts_with(value: str, wanted: str) -> bool:
    return re.match(rf"{re.escape(wanted)}(?!\w)", value.strip(), re.IGNORECASE) is not None
