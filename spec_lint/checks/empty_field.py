"""The empty-field check: a field that is there has a value."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.checks import register
from spec_lint.findings import Violation

if TYPE_CHECKING:
    from spec_lint.context import Context


@register("empty-field")
@dataclass(frozen=True, slots=True)
class EmptyField:
    """Each of ``keys`` that the document has (its first field of that key) has a value: a key
    with nothing after it (or only an HTML comment, or only marks such as "#" or "-", with no
    letter or digit) leaves the reader guessing whether it was forgotten. ``marker`` is what to
    write while the value is not known yet, such as "TBD".
    """

    keys: tuple[str, ...] = ()
    marker: str = ""

    def check(self, ctx: Context) -> Iterator[Violation]:
        hint = f', or "{self.marker}" while it is not known' if self.marker else ""
        for key in self.keys:
            for found in ctx.doc.fields_named(key)[:1]:
                if not any(char.isalnum() for char in found.value):
                    shown = f'"{found.value}", no value' if found.value else "empty"
                    yield Violation(f'"{found.key}" is {shown} (expected a value{hint})', found.line)
