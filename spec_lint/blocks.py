"""The blocks a section holds (paragraphs, tables, code, thematic breaks) and HTML comments.

Every line number is 1-based and refers to the file as the author sees it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TypeAlias, TypeVar

from spec_lint.titles import normalize_column


@dataclass(frozen=True, slots=True)
class TextLine:
    line: int
    text: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    lines: tuple[TextLine, ...]
    in_list: bool = False

    @property
    def line(self) -> int:
        return self.lines[0].line

    @property
    def text(self) -> str:
        return "\n".join(t.text for t in self.lines)


# A line break written in HTML (any case; "<br>", "<br/>", "<br />"): a table cell's only way to
# break a line, and so how a list in a cell puts one item a line.
LINE_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell: ``text`` as a reader sees it (markup, code backticks and HTML tags dropped,
    a ``<br>`` read as a space), ``raw`` as written, ``column`` where it starts on its line, and
    ``lines`` the text's lines when a ``<br>`` breaks it."""

    text: str
    raw: str
    column: int = 1
    lines: tuple[str, ...] = ()

    @property
    def pieces(self) -> tuple[str, ...]:
        """The text line by line: a list may be written one item a line, ``<br>`` between them."""
        return self.lines or (self.text,)


@dataclass(frozen=True, slots=True)
class Row:
    """A table row. Markdown pads or cuts its cells to the header's count; ``written`` is how
    many cells its source line holds (None when unknown)."""

    line: int
    cells: tuple[Cell, ...]
    written: int | None = None

    @property
    def ragged(self) -> bool:
        """Its line holds more or fewer cells than the header: cells cannot be read by column."""
        return self.written is not None and self.written != len(self.cells)

    def get(self, index: int | None) -> Cell | None:
        if index is None or index >= len(self.cells):
            return None
        return self.cells[index]


@dataclass(frozen=True, slots=True)
class Table:
    line: int
    header: tuple[Cell, ...]
    rows: tuple[Row, ...]

    @property
    def sound_rows(self) -> tuple[Row, ...]:
        """The rows whose cells can be read by column (not ragged)."""
        return tuple(row for row in self.rows if not row.ragged)

    def column(self, name: str) -> int | None:
        wanted = normalize_column(name)
        for index, cell in enumerate(self.header):
            if normalize_column(cell.text) == wanted:
                return index
        return None


@dataclass(frozen=True, slots=True)
class CodeBlock:
    line: int
    end_line: int
    info: str
    content: str
    fenced: bool = True

    @property
    def language(self) -> str:
        return self.info.split()[0].casefold() if self.info.strip() else ""

    @property
    def text_lines(self) -> tuple[TextLine, ...]:
        """The content's lines, each with its line in the file (after a fenced block's opening fence)."""
        first = self.line + 1 if self.fenced else self.line
        texts = self.content.removesuffix("\n").split("\n") if self.content else []
        return tuple(TextLine(first + index, text) for index, text in enumerate(texts))


@dataclass(frozen=True, slots=True)
class ThematicBreak:
    """A thematic break (``---``): structure, not content."""

    line: int


Block: TypeAlias = Paragraph | Table | CodeBlock | ThematicBreak
AnyBlock = TypeVar("AnyBlock", bound=Block)


@dataclass(frozen=True, slots=True)
class Comment:
    """An HTML comment (``<!-- text -->``), ``inline`` when it stands inside a paragraph, heading
    or cell; a block-level comment is not content and belongs to no block."""

    line: int
    end_line: int
    text: str
    inline: bool = False
