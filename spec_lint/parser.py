"""The one module that touches markdown-it-py: tokens in, document model out."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import yaml
from markdown_it import MarkdownIt
from markdown_it.parser_inline import RuleFuncInlineType
from markdown_it.rules_inline import StateInline, autolink, html_inline, link
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from spec_lint.comments import COMMENT_OPEN, comments_in
from spec_lint.model import (
    Cell,
    CodeBlock,
    Comment,
    Document,
    Field,
    Link,
    Paragraph,
    Row,
    Section,
    Table,
    TextLine,
    ThematicBreak,
)
from spec_lint.source import cell_column, cell_count, without_end

# The value runs to the line's end and is stripped after: a lazy value before "\s*$" would read
# a run of spaces inside it again from each of its characters.
_FIELD = re.compile(r"^\s*\*\*(?P<key>[^*]+?)(?::\*\*|\*\*\s*:)\s*(?P<value>.*)")
# Hard line breaks ending a field's line (`<br>`, `<br />`, a backslash) are markup, not value.
# Written for the reversed text (see without_end): a search for "...$" starts again at each break.
_HARD_BREAKS_REVERSED = re.compile(r"(?:(?:>/?\s*rb<|\\)\s*)+", re.IGNORECASE)
# The line breaks markdown-it knows; str.splitlines() also splits on \f, \v, U+2028 and others.
_NEWLINE = re.compile(r"\r\n?|\n")


def _located(rule: RuleFuncInlineType) -> RuleFuncInlineType:
    """Wrap an inline rule so that the link or HTML it opens records its offset in the inline source."""

    def run(state: StateInline, silent: bool) -> bool:
        start, count = state.pos, len(state.tokens)
        found = rule(state, silent)
        opened = next((t for t in state.tokens[count:] if t.type in ("link_open", "html_inline")), None)
        if found and opened:
            opened.meta["offset"] = start
        return found

    return run


_MD = MarkdownIt("commonmark").enable("table").use(front_matter_plugin)
_MD.inline.ruler.at("link", _located(link))
_MD.inline.ruler.at("autolink", _located(autolink))
_MD.inline.ruler.at("html_inline", _located(html_inline))


def parse(text: str) -> Document:
    """The document model of Markdown source; a BOM, CRLF line ends and front matter are allowed."""
    text = text.removeprefix("\ufeff")
    lines = _NEWLINE.split(text)
    if lines[-1] == "":
        lines.pop()
    builder = _Builder(lines)
    builder.feed(_MD.parse(text))
    builder.document.index_sections()
    return builder.document


def plain_text(inline: Token) -> str:
    """An inline token's text as a reader sees it: markup and code backticks dropped."""
    parts: list[str] = []
    for child in inline.children or []:
        if child.type in ("text", "code_inline") or (child.type == "html_inline" and not _is_comment(child)):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts).strip()


def _lines_of(token: Token) -> tuple[TextLine, ...]:
    start = token.map[0] + 1 if token.map else 1
    texts = token.content.rstrip("\n").split("\n")
    return tuple(TextLine(start + i, text) for i, text in enumerate(texts))


def _links(inline: Token) -> Iterator[Link]:
    for child, line in _located_children(inline, "link_open"):
        yield Link(str(child.attrs.get("href", "")), line)


def _inline_comments(inline: Token) -> Iterator[Comment]:
    for child, line in _located_children(inline, "html_inline"):
        if _is_comment(child):
            yield from comments_in(child.content, line, inline=True)


def _located_children(inline: Token, kind: str) -> Iterator[tuple[Token, int]]:
    """The children of one kind with the line each starts on."""
    # Counting soft breaks would miss line ends inside code spans and link titles. Lines are
    # counted on from the previous child, not from the paragraph's start each time.
    line = inline.map[0] + 1 if inline.map else 1
    counted = 0
    for child in inline.children or []:
        if child.type == kind:
            offset = int(child.meta.get("offset", 0))
            if offset >= counted:
                line += inline.content.count("\n", counted, offset)
            else:
                line -= inline.content.count("\n", offset, counted)
            counted = offset
            yield child, line


def _is_comment(token: Token) -> bool:
    return token.content.lstrip().startswith(COMMENT_OPEN)


class _Builder:
    def __init__(self, lines: list[str]) -> None:
        self.document = Document(root=Section("", 0, 1), lines=lines)
        self.stack: list[Section] = [self.document.root]
        self.lists = 0

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
            self.document.front_matter = _front_matter(token.content)
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
        self.document.links.extend(_links(inline))
        self.document.comments.extend(_inline_comments(inline))

    def add_html(self, token: Token) -> None:
        # A block-level comment is no content: it joins no section's blocks.
        if _is_comment(token):
            self.document.comments.extend(comments_in(token.content, token.map[0] + 1 if token.map else 1))
        else:
            self.section.blocks.append(Paragraph(_lines_of(token)))

    def add_inline(self, token: Token) -> None:
        paragraph = Paragraph(_lines_of(token), in_list=self.lists > 0)
        self.section.blocks.append(paragraph)
        self.add_links_and_comments(token)
        for text_line in paragraph.lines:
            match = _FIELD.match(text_line.text)
            if match:
                value = without_end(match["value"].replace("`", "").strip(), _HARD_BREAKS_REVERSED)
                field = Field(match["key"].strip(), value, text_line.line, self.section.title)
                self.document.fields.append(field)

    def add_code(self, token: Token) -> None:
        start, end = token.map if token.map else (0, 1)
        fenced = token.type == "fence"
        block = CodeBlock(start + 1, end, token.info.strip(), token.content, fenced)
        self.section.blocks.append(block)

    def read_table(self, tokens: Sequence[Token], index: int) -> int:
        rows: list[Row] = []
        cells: list[Cell] = []
        line = 1
        while tokens[index].type != "table_close":
            token = tokens[index]
            if token.type == "tr_open":
                cells, line = [], (token.map[0] + 1 if token.map else line)
            elif token.type == "inline":
                column = cell_column(self.document.lines[line - 1], len(cells))
                cells.append(Cell(plain_text(token), token.content.strip(), column))
                self.add_links_and_comments(token)
            elif token.type == "tr_close":
                rows.append(Row(line, tuple(cells), cell_count(self.document.lines[line - 1])))
            index += 1
        if rows:
            self.section.blocks.append(Table(rows[0].line, rows[0].cells, tuple(rows[1:])))
        return index + 1


# The C loader when PyYAML has it: the same values, read faster.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _front_matter(content: str) -> dict[str, object]:
    """The front matter's mapping; empty when it is none. Whatever it holds (an invalid date, a
    huge integer, deep nesting), reading it never fails: a README's front matter is read too."""
    try:
        data = yaml.load(content, Loader=_SAFE_LOADER)  # a safe loader: nothing is run
    except Exception:  # noqa: BLE001 - ValueError, RecursionError, ... as well as YAMLError
        return {}
    return data if isinstance(data, dict) else {}
