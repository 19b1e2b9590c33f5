"""The document model that checks see: sections, tables, code blocks, fields, links.

Every line number is 1-based and refers to the file as the author sees it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TypeAlias, TypeVar

from spec_lint.titles import normalize_column, normalize_title, title_matches


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
    """A table cell: ``text`` as a reader sees it (markup and code backticks dropped), ``raw`` as
    written, ``column`` where it starts on its line."""

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


@dataclass(slots=True)
class Section:
    """A heading and what follows it; ``end_line`` is the last line before the next heading of
    the same or a higher level (or the file's last line)."""

    title: str
    level: int
    line: int
    blocks: list[Block] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    end_line: int = 0

    @property
    def has_content(self) -> bool:
        return bool(self.children) or any(not isinstance(b, ThematicBreak) for b in self.blocks)

    def walk(self) -> list[Section]:
        """This section and all below it, in document order."""
        found = [self]
        for child in self.children:
            found.extend(child.walk())
        return found

    def blocks_of(self, kind: type[AnyBlock]) -> list[AnyBlock]:
        """Its own blocks of one kind (not its sub-sections'), in order."""
        return [block for block in self.blocks if isinstance(block, kind)]


@dataclass(frozen=True, slots=True)
class Field:
    """A ``**Key**: value`` line; ``section`` is the title of the section that holds it."""

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
    comments: list[Comment] = field(default_factory=list)

    def index_sections(self) -> None:
        """Fill ``sections`` and each section's ``end_line`` from the tree, once it is built."""
        self.sections = self.root.walk()[1:]
        open_sections = [self.root]
        for section in self.sections:
            while open_sections[-1].level >= section.level:
                open_sections.pop().end_line = section.line - 1
            open_sections.append(section)
        for section in open_sections:
            section.end_line = max(len(self.lines), section.line)

    def blocks_of(self, kind: type[AnyBlock]) -> Iterator[AnyBlock]:
        """Every block of one kind, in document order."""
        for section in self.root.walk():
            yield from section.blocks_of(kind)

    def line_text(self, line: int) -> str:
        """The source of a 1-based line as written ("" outside the file)."""
        return self.lines[line - 1] if 0 < line <= len(self.lines) else ""

    def column_of(self, line: int, text: str, ignore_case: bool = False, after: int = 1) -> int:
        """The 1-based column where ``text`` first stands on ``line`` at or after column ``after``
        (1 when it does not)."""
        pattern = re.compile(re.escape(text), re.IGNORECASE if ignore_case else 0)
        found = pattern.search(self.line_text(line), max(after - 1, 0))
        return found.start() + 1 if found else 1

    @property
    def title(self) -> Section | None:
        """The first H1: the heading that names the document."""
        return next((s for s in self.sections if s.level == 1), None)

    def field(self, key: str) -> Field | None:
        """The first field with this key (case and spacing ignored)."""
        found = self.fields_named(key)
        return found[0] if found else None

    def fields_named(self, key: str, section: str = "") -> list[Field]:
        """The fields with this key (case and spacing ignored), in ``section`` if given."""
        wanted = normalize_title(key)
        return [
            f for f in self.fields
            if normalize_title(f.key) == wanted and (not section or title_matches(f.section, section))
        ]
