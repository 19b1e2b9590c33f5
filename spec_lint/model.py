"""The document model that checks see: the document, its sections, fields and links.

Every line number is 1-based and refers to the file as the author sees it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from spec_lint.blocks import AnyBlock, Block, Comment, TextLine, ThematicBreak
from spec_lint.titles import normalize_title, title_matches


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
    """A ``**Key**: value`` line (or another form of it: see spec_lint.field_forms); ``section``
    is the title of the section that holds it. ``parts`` are the pieces of the value where they
    are written (the rest of the line, then each item of a nested list); ``value`` joins them
    with ", "."""

    key: str
    value: str
    line: int
    section: str
    parts: tuple[TextLine, ...] = ()

    @property
    def value_line(self) -> int:
        """Where the value starts: a line below the key's when the key's line holds none (a
        finding on the value is there, where a directive on the line above it can silence it)."""
        return self.parts[0].line if self.parts else self.line


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
        for section in (self.root, *self.sections):  # root.walk(), as index_sections kept it
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
