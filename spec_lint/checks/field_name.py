"""The field-name check: a field names the pack's prefix, then the rest."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.blocks import TextLine
from spec_lint.checks import register
from spec_lint.facts.lists import items
from spec_lint.facts.naming import id_spellings
from spec_lint.findings import Violation
from spec_lint.pack.markers import Regex, SectionPath, Template

if TYPE_CHECKING:
    from spec_lint.context import Context


@register("field-name")
@dataclass(frozen=True, slots=True)
class FieldName:
    """A ``**key**:`` field in ``section`` names ``prefix`` (a template) then ``rest`` (a regex).

    Several names may be given, separated by commas or ``<br>``, or as a nested list under the
    field. ``expected`` is shown in the message, with ``{prefix}`` filled in. With
    ``hyphenated_id``, the component id in the prefix may be written with ``-`` for ``_``
    (``global-planner-config.yaml``), as a file name may be. ``aliases`` are other keys the
    field is written with, such as a plural (``Span Names``).
    """

    key: str
    section: SectionPath = ""
    prefix: Template = ""
    rest: Regex = ""
    expected: str = ""
    hyphenated_id: bool = False
    aliases: tuple[str, ...] = ()

    def check(self, ctx: Context) -> Iterator[Violation]:
        prefix = ctx.render(self.prefix)
        prefixes = id_spellings(ctx, self.prefix) if self.hyphenated_id else [prefix]
        form = re.compile(f"(?:{'|'.join(map(re.escape, prefixes))}){self.rest}")
        expected = self.expected.replace("{prefix}", prefix)
        for part in self._parts(ctx):
            column = 1  # each name is looked for after the one before it, not inside it
            for name in items(part.text):
                column = ctx.doc.column_of(part.line, name, after=column)
                if not ctx.has_placeholder(name) and not form.fullmatch(name):
                    yield Violation(f'{self.key} "{name}" is not of the form {expected}', part.line, column)
                column += len(name)

    def _parts(self, ctx: Context) -> Iterator[TextLine]:
        """The pieces of the values of the fields under the key or an alias, in document order."""
        found = (f for key in (self.key, *self.aliases) for f in ctx.doc.fields_named(key, self.section))
        for field in sorted(found, key=lambda f: f.line):
            yield from field.parts
