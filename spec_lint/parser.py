"""The one module that touches markdown-it-py, with its helper spec_lint.inline: tokens in, model out."""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.token import Token

from spec_lint import field_forms
from spec_lint.blocks import Cell, CodeBlock, Paragraph, Row, Table, TextLine, ThematicBreak
from spec_lint.comments import comments_in
from spec_lint.fast_parser import token_stream
from spec_lint.frontmatter import front_matter
from spec_lint.inline import inline_comments, is_comment, links, plain_text, table_cell
from spec_lint.model import Document, Section
from spec_lint.source import cell_columns, cell_count

# The blocks after which a field's value is no longer a list below it. A comment on its own line
# is not one: it is no content (a suppression directive stands between a value's list items).
_ENDS_VALUE = frozenset({"heading_open", "table_open", "fence", "code_block", "hr", "html_block"})
# The line breaks markdown-it knows; str.splitlines() also splits on \f, \v, U+2028 and others.
_NEWLINE = re.compile(r"\r\n?|\n")


def parse(text: str) -> Document:
    """The document model of Markdown source; a BOM, CRLF line ends and front matter are allowed."""
    text = text.removeprefix("\ufeff")
    lines = _NEWLINE.split(text)
    if lines[-1] == "":
        lines.pop()
    builder = _Builder(lines)
    builder.feed(token_stream(text))
    builder.close_field()
    document = builder.document
    document.index_sections()
    document.fields = sorted([*document.fields, *field_forms.heading_fields(document.root)], key=lambda f: f.line)
    return document


def _lines_of(token: Token) -> tuple[TextLine, ...]:
    start = token.map[0] + 1 if token.map else 1
    texts = token.content.rstrip("\n").split("\n")
    return tuple(TextLine(start + i, text) for i, text in enumerate(texts))


class _Builder:
    def __init__(self, lines: list[str]) -> None:
        self.document = Document(root=Section("", 0, 1), lines=lines)
        self.stack: list[Section] = [self.document.root]
        self.lists = 0
        self.open_field: field_forms.OpenField | None = None

    @property
    def section(self) -> Section:
        return self.stack[-1]

    def feed(self, tokens: Sequence[Token]) -> None:
        index = 0
        while index < len(tokens):
            index = self.take(tokens, index)

    def take(self, tokens: Sequence[Token], index: int) -> int:
        token = tokens[index]
        kind = token.type
        if kind in _ENDS_VALUE and not (kind == "html_block" and is_comment(token)):
            self.close_field()
        if kind == "heading_open":
            self.open_section(token, tokens[index + 1])
            return index + 3
        if kind == "table_open":
            return self.read_table(tokens, index)
        if kind in ("bullet_list_open", "ordered_list_open"):
            self.lists += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            self.lists -= 1
        elif kind == "inline":
            self.add_inline(token)
        elif kind in ("fence", "code_block"):
            self.add_code(token)
        elif kind == "hr" and token.map:
            self.section.blocks.append(ThematicBreak(token.map[0] + 1))
        elif kind == "html_block":
            self.add_html(token)
        elif kind == "front_matter":
            self.document.front_matter = front_matter(token.content)
        return index + 1

    def open_section(self, token: Token, inline: Token) -> None:
        level = int(token.tag[1])
        while self.section.level >= level:
            self.stack.pop()
        line = token.map[0] + 1 if token.map else 1
        section = Section(plain_text(inline), level, line)
        self.section.children.append(section)
        self.stack.append(section)
        self.add_links_and_comments(inline)

    def add_links_and_comments(self, inline: Token) -> None:
        self.document.links.extend(links(inline))
        self.document.comments.extend(inline_comments(inline))

    def add_html(self, token: Token) -> None:
        # A block-level comment is no content: it joins no section's blocks.
        if is_comment(token):
            self.document.comments.extend(comments_in(token.content, token.map[0] + 1 if token.map else 1))
        else:
            self.section.blocks.append(Paragraph(_lines_of(token)))

    def add_inline(self, token: Token) -> None:
        paragraph = Paragraph(_lines_of(token), in_list=self.lists > 0)
        self.section.blocks.append(paragraph)
        self.add_links_and_comments(token)
        fields = field_forms.paragraph_fields(paragraph, self.section.title)
        self.add_to_open_field(paragraph, holds_fields=bool(fields))
        self.document.fields.extend(fields)
        last = fields[-1] if fields else None
        # A list goes on the value of a list item's field, or of a field with nothing on its line.
        if last is not None and last.line == paragraph.lines[-1].line and (self.lists or not last.value):
            self.close_field()
            self.open_field = field_forms.OpenField(len(self.document.fields) - 1, self.lists + 1)

    def add_to_open_field(self, paragraph: Paragraph, holds_fields: bool) -> None:
        open_field = self.open_field
        if open_field is not None and not open_field.takes(paragraph, self.lists, holds_fields, self.document.fields):
            self.close_field()

    def close_field(self) -> None:
        if self.open_field is not None:
            self.open_field.close(self.document.fields)
            self.open_field = None

    def add_code(self, token: Token) -> None:
        start, end = token.map if token.map else (0, 1)
        fenced = token.type == "fence"
        block = CodeBlock(start + 1, end, token.info.strip(), token.content, fenced)
        self.section.blocks.append(block)

    def read_table(self, tokens: Sequence[Token], index: int) -> int:
        rows: list[Row] = []
        cells: list[Cell] = []
        columns: list[int] = []
        line = 1
        while tokens[index].type != "table_close":
            token = tokens[index]
            if token.type == "tr_open":
                cells, line = [], (token.map[0] + 1 if token.map else line)
                columns = cell_columns(self.document.lines[line - 1])
            elif token.type == "inline":
                cells.append(table_cell(token, columns[min(len(cells), len(columns) - 1)]))
                self.add_links_and_comments(token)
            elif token.type == "tr_close":
                rows.append(Row(line, tuple(cells), cell_count(self.document.lines[line - 1])))
            index += 1
        if rows:
            table = Table(rows[0].line, rows[0].cells, tuple(rows[1:]))
            self.section.blocks.append(table)
            self.document.fields.extend(field_forms.row_fields(table, self.section.title))
        return index + 1
