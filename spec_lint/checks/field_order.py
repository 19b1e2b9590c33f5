"""The field-order check: fields stand in the order the template gives them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.checks import register
from spec_lint.findings import Violation

if TYPE_CHECKING:
    from spec_lint.context import Context


@register("field-order")
@dataclass(frozen=True, slots=True)
class FieldOrder:
    """The ones of ``keys`` that the document has stand in the order of ``keys`` (the first field
    of each key counts); a reader looks for a field where the template puts it. Other fields may
    stand anywhere. A field is reported once, after the last field that belongs after it.
    """

    keys: tuple[str, ...] = ()

    def check(self, ctx: Context) -> Iterator[Violation]:
        present = sorted(
            (found.line, index, found.key)
            for index, key in enumerate(self.keys)
            for found in ctx.doc.fields_named(key)[:1]
        )
        latest: tuple[int, str] | None = None  # the template position and key furthest on so far
        for line, index, key in present:
            if latest is not None and index < latest[0]:
                yield Violation(f'field "{key}" after "{latest[1]}" (expected before it)', line)
            else:
                latest = (index, key)
