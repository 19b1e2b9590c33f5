"""Fields as authors write them, for spec_lint.parser: a ``**Key**: value`` line (in a paragraph,
list item or quote), a two-column table row, and a short section under a heading that names it.

HTML comments are taken out before anything is read: a field inside a comment does not exist,
and a comment after a value is no part of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from spec_lint.blocks import Block, Paragraph, Table, TextLine, ThematicBreak
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
# What ends a list item's name and starts its explanation ("`a.b`: does c", "a.b — does c"),
# searched outside code spans (a code span may hold a colon).
_EXPLANATION = re.compile(r":(?=\s|$)|\s-\s|[\u2014\u2013]")
_CODE_SPAN = re.compile(r"`[^`]*`")


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


def _lines_before_fields(paragraph: Paragraph) -> tuple[TextLine, ...]:
    """Pieces of the value of the field above from the paragraph after it: its lines up to the
    next field (a comment on its own line between a key and its value splits their paragraph)."""
    lines = uncommented(paragraph.lines)
    count = next((i for i, t in enumerate(lines) if _FIELD.match(t.text)), len(lines))
    return tuple(part for t in lines[:count] for part in value_part(t.line, t.text))


def named_parts(paragraph: Paragraph) -> tuple[TextLine, ...]:
    """Pieces of the value of the field above from an item of its list: the name alone when an
    explanation follows it (and the item's further lines explain it too), else each line."""
    lines = uncommented(paragraph.lines)
    masked = _CODE_SPAN.sub(lambda span: "x" * len(span[0]), lines[0].text)
    found = _EXPLANATION.search(masked)
    if found is None or not masked[: found.start()].strip():
        return item_parts(paragraph)
    return value_part(lines[0].line, lines[0].text[: found.start()])


def new_field(key: str, line: int, section: str, parts: tuple[TextLine, ...]) -> Field:
    return with_parts(Field(key, "", line, section), parts)


def with_parts(found: Field, parts: tuple[TextLine, ...]) -> Field:
    """The field with more pieces of its value (a nested list's items, the paragraph's next lines)."""
    joined = (*found.parts, *parts)
    return Field(found.key, ", ".join(p.text for p in joined), found.line, found.section, joined)


@dataclass(slots=True)
class OpenField:
    """A field whose value a list below it may go on: its index in the document's fields, the
    list depth of that list's items, and the pieces collected so far (joined once, on close: a
    list may be long)."""

    index: int
    depth: int
    parts: list[TextLine] = field(default_factory=list)

    def takes(self, paragraph: Paragraph, lists: int, holds_fields: bool, fields: list[Field]) -> bool:
        """Take the pieces of an item of the list below the field, or of the paragraph right
        after a field with nothing on its line (the value after a blank line); does the value
        go on after it? An item that is a field of its own ends it."""
        if lists == self.depth:
            self.parts.extend(() if holds_fields else named_parts(paragraph))
            return not holds_fields
        if lists == self.depth - 1 and not (self.parts or fields[self.index].value):
            self.parts.extend(_lines_before_fields(paragraph))
        return lists >= self.depth

    def close(self, fields: list[Field]) -> None:
        fields[self.index] = with_parts(fields[self.index], tuple(self.parts))


def paragraph_fields(paragraph: Paragraph, section: str) -> list[Field]:
    """The field lines of a paragraph. A field with nothing after its colon takes the lines up to
    the next field as its value (a value wrapped onto the next line)."""
    found: list[tuple[str, int, list[TextLine]]] = []  # each field's key, line and pieces so far
    wrapped = False
    for text_line in uncommented(paragraph.lines):
        match = _FIELD.match(text_line.text)
        if match:
            found.append((match["key"].strip(), text_line.line, list(value_part(text_line.line, match["value"]))))
            wrapped = not found[-1][2]
        elif wrapped:
            found[-1][2].extend(value_part(text_line.line, text_line.text))
    return [new_field(key, line, section, tuple(parts)) for key, line, parts in found]


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
    ``Draft``) is a field named by the heading; the section that holds it is its parent. A
    thematic break or a ``**Key**:`` field ends the value: only those may follow it."""
    for section in parent.children:
        value, rest = _heading_value(section.blocks)
        if section.level > 1 and value and all(map(_ends_heading_value, rest)) and not section.children:
            parts = tuple(part for paragraph in value for part in item_parts(paragraph))
            yield new_field(section.title, section.line, parent.title, parts)
        else:
            yield from heading_fields(section)


def _heading_value(blocks: list[Block]) -> tuple[list[Paragraph], list[Block]]:
    """The one-line paragraphs that open a section, and the blocks after them."""
    count = next((i for i, b in enumerate(blocks) if _ends_heading_value(b) or not _one_line(b)), len(blocks))
    return [b for b in blocks[:count] if isinstance(b, Paragraph)], blocks[count:]


def _one_line(block: Block) -> bool:
    return isinstance(block, Paragraph) and len(block.lines) == 1


def _ends_heading_value(block: Block) -> bool:
    return isinstance(block, ThematicBreak) or (isinstance(block, Paragraph) and _FIELD.match(block.lines[0].text) is not None)
