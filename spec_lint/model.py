"""The document model that checks see: sections, tables, code blocks, fields, links.

Every line number is 1-based and refers to the file as the author sees it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import TypeAlias

_PARENS = re.compile(r"\s*\([^()]*\)\s*$")
_SPACE = re.compile(r"\s+")
_QUOTE = re.compile(r"^\s*(?:>\s?)*")
_PIPE = re.compile(r"(?<!\\)\|")


@functools.lru_cache(maxsize=4096)
def normalize_title(text: str) -> str:
    """Heading text as compared with the template: case and spacing folded."""
    return _SPACE.sub(" ", text).strip().casefold()


def strip_hint(text: str) -> str:
    """Drop a trailing parenthesised hint such as "(if applicable)"."""
    return _PARENS.sub("", text)


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


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    raw: str
    column: int = 1


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


def normalize_column(name: str) -> str:
    return _SPACE.sub("", name).casefold()


def cell_count(line: str) -> int:
    """How many cells a table row's source line holds, split as markdown-it and GitHub split it:
    at each unescaped pipe, also inside inline code; the outer pipes are optional."""
    quote = _QUOTE.match(line)
    cells = _PIPE.split(line[quote.end() if quote else 0 :].strip())
    return len(cells) - (cells[0] == "") - (len(cells) > 1 and cells[-1] == "")


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


@dataclass(frozen=True, slots=True)
class Rule:
    """A thematic break (``---``): structure, not content."""

    line: int


Block: TypeAlias = Paragraph | Table | CodeBlock | Rule


@dataclass(slots=True)
class Section:
    title: str
    level: int
    line: int
    blocks: list[Block] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)

    @property
    def has_content(self) -> bool:
        return bool(self.children) or any(not isinstance(b, Rule) for b in self.blocks)

    def walk(self) -> list[Section]:
        found = [self]
        for child in self.children:
            found.extend(child.walk())
        return found


@dataclass(frozen=True, slots=True)
class Field:
    key: str
    value: str
    line: int
    section: str


@dataclass(frozen=True, slots=True)
class Link:
    target: str
    line: int


@dataclass(slots=True)
class Document:
    """A parsed file. ``root`` is a level-0 section holding everything."""

    root: Section
    lines: list[str]
    front_matter: dict[str, object] = field(default_factory=dict)
    fields: list[Field] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)  # every heading, in order

    def index_sections(self) -> None:
        """Fill ``sections`` from the tree, once it is built."""
        self.sections = self.root.walk()[1:]

    @property
    def title(self) -> Section | None:
        """The first H1: the heading that names the document."""
        return next((s for s in self.sections if s.level == 1), None)

    def field(self, key: str) -> Field | None:
        wanted = normalize_title(key)
        return next((f for f in self.fields if normalize_title(f.key) == wanted), None)
