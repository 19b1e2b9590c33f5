"""The field-name check: a field names the pack's prefix, then the rest."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.checks import register
from spec_lint.findings import Violation
from spec_lint.pack.markers import Regex, SectionPath, Template

if TYPE_CHECKING:
    from spec_lint.context import Context


@register("field-name")
@dataclass(frozen=True, slots=True)
class FieldName:
    """A ``**key**:`` field in ``section`` names ``prefix`` (a template) then ``rest`` (a regex).

    Several names may be given, separated by commas or as a nested list under the field. ``expected`` is shown in the message,
    with ``{prefix}`` filled in.
    """

    key: str
    section: SectionPath = ""
    prefix: Template = ""
    rest: Regex = ""
    expected: str = ""

    def check(self, ctx: Context) -> Iterator[Violation]:
        prefix = ctx.render(self.prefix)
        form = re.compile(re.escape(prefix) + self.rest)
        expected = self.expected.replace("{prefix}", prefix)
        for part in (part for found in ctx.doc.fields_named(self.key, self.section) for part in found.parts):
            column = 1  # each name is looked for after the one before it, not inside it
            for name in (n.strip() for n in part.text.split(",")):
                if not name:
                    continue
                column = ctx.doc.column_of(part.line, name, after=column)
                if not ctx.has_placeholder(name) and not form.fullmatch(name):
                    yield Violation(f'{self.key} "{name}" is not of the form {expected}', part.line, column)
                column += len(name)
