"""Fields as authors write them, for spec_lint.parser: a ``**Key**: value`` line (in a paragraph,
list item or quote), a two-column table row, and a short section under a heading that names it.

HTML comments are taken out before anything is read: a field inside a comment does not exist,
and a comment after a value is no part of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spec_lint.blocks import Paragraph, Table, TextLine
from spec_lint.model import Field, Section
from spec_lint.source import without_end

# The value runs to the line's end and is stripped after: a lazy value before "\s*$" would read
# a run of spaces inside it again from each of its characters.
_FIELD = re.compile(r"^\s*\*\*(?P<key>[^*]+?)(?::\*\*|\*\*\s*:)\s*(?P<value>.*)")
# Hard line breaks ending a field's line (`<br>`, `<br />`, a backslash) are markup, not value.
# Written for the reversed text (see without_end): a search for "...$" starts again at each break.
_HARD_BREAKS_REVERSED = re.compile(r"(?:(?:>/?\s*rb<|\\)\s*)+", re.IGNORECASE)
# An unclosed comment runs to the end of the paragraph, as it does for a reader.
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)


def uncommented(lines: tuple[TextLine, ...]) -> tuple[TextLine, ...]:
    """The lines with their HTML comments blanked out (each line keeps its number)."""
    text = _COMMENT.sub(lambda found: "\n" * found[0].count("\n"), "\n".join(t.text for t in lines))
    return tuple(TextLine(old.line, new) for old, new in zip(lines, text.split("\n"), strict=True))


def value_part(line: int, text: str) -> tuple[TextLine, ...]:
    """A piece of a value as the reader means it (code backticks and closing line breaks dropped);
    none when it is empty."""
    value = without_end(text.replace("`", "").strip(), _HARD_BREAKS_REVERSED)
    return (TextLine(line, value),) if value else ()


def item_parts(paragraph: Paragraph) -> tuple[TextLine, ...]:
    """Pieces of the value of the field above, from a list item or paragraph: each of its lines."""
    return tuple(part for t in uncommented(paragraph.lines) for part in value_part(t.line, t.text))


def new_field(key: str, line: int, section: str, parts: tuple[TextLine, ...]) -> Field:
    return with_parts(Field(key, "", line, section), parts)


def with_parts(field: Field, parts: tuple[TextLine, ...]) -> Field:
    """The field with more pieces of its value (a nested list's items, the paragraph's next lines)."""
    joined = (*field.parts, *parts)
    return Field(field.key, ", ".join(p.text for p in joined), field.line, field.section, joined)


def paragraph_fields(paragraph: Paragraph, section: str) -> list[Field]:
    """The field lines of a paragraph. A field with nothing after its colon takes the lines up to
    the next field as its value (a value wrapped onto the next line)."""
    fields: list[Field] = []
    wrapped = False
    for text_line in uncommented(paragraph.lines):
        match = _FIELD.match(text_line.text)
        if match:
            parts = value_part(text_line.line, match["value"])
            fields.append(new_field(match["key"].strip(), text_line.line, section, parts))
            wrapped = not parts
        elif wrapped:
            fields[-1] = with_parts(fields[-1], value_part(text_line.line, text_line.text))
    return fields


def row_fields(table: Table, section: str) -> Iterator[Field]:
    """A two-column table of keys and values: each body row a field, and the header row too when
    its key is bold (a table that starts with its first field)."""
    if len(table.header) != 2:
        return
    header = [(table.line, table.header)] if table.header[0].raw.startswith("**") else []
    for line, (key_cell, value_cell) in [*header, *((row.line, row.cells[:2]) for row in table.rows)]:
        key = key_cell.text.strip().rstrip(":").strip()
        if key:
            yield new_field(key, line, section, value_part(line, value_cell.text))


def heading_fields(parent: Section) -> Iterator[Field]:
    """A heading below the top with only one-line paragraphs under it (``## Status`` then
    ``Draft``) is a field named by the heading; the section that holds it is its parent."""
    for section in parent.children:
        paragraphs = [b for b in section.blocks if isinstance(b, Paragraph) and len(b.lines) == 1]
        if section.level > 1 and 0 < len(paragraphs) == len(section.blocks) and not section.children:
            parts = tuple(part for paragraph in paragraphs for part in item_parts(paragraph))
            yield new_field(section.title, section.line, parent.title, parts)
        else:
            yield from heading_fields(section)
