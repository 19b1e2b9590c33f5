"""The parser's markdown-it side, for spec_lint.parser only: markdown-it set up, inline tokens read."""

from __future__ import annotations

from collections.abc import Iterator

from markdown_it import MarkdownIt
from markdown_it.parser_inline import RuleFuncInlineType
from markdown_it.rules_inline import StateInline, autolink, html_inline, link
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from spec_lint.blocks import LINE_BREAK, Cell, Comment
from spec_lint.comments import COMMENT_OPEN, comments_in
from spec_lint.model import Link


def _located(rule: RuleFuncInlineType) -> RuleFuncInlineType:
    """Wrap an inline rule so that the link or HTML it opens records its offset in the inline source."""

    def run(state: StateInline, silent: bool) -> bool:
        start, count = state.pos, len(state.tokens)
        if not rule(state, silent):
            return False
        opened = next((t for t in state.tokens[count:] if t.type in ("link_open", "html_inline")), None)
        if opened:
            opened.meta["offset"] = start
        return True

    return run


MD = MarkdownIt("commonmark").enable("table").use(front_matter_plugin)
MD.inline.ruler.at("link", _located(link))
MD.inline.ruler.at("autolink", _located(autolink))
MD.inline.ruler.at("html_inline", _located(html_inline))


def plain_text(inline: Token) -> str:
    """An inline token's text as a reader sees it: markup and code backticks dropped."""
    parts: list[str] = []
    for child in inline.children or []:
        if child.type in ("text", "code_inline") or (child.type == "html_inline" and not is_comment(child)):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts).strip()


def table_cell(inline: Token, column: int) -> Cell:
    """A cell as a reader sees it: a ``<br>`` ends a line, other HTML tags are no text."""
    lines: list[str] = []
    parts: list[str] = []
    for child in inline.children or []:
        if child.type == "html_inline" and LINE_BREAK.fullmatch(child.content.strip()):
            lines.append("".join(parts).strip())
            parts = []
        elif child.type in ("text", "code_inline"):
            parts.append(child.content)
    lines.append("".join(parts).strip())
    kept = tuple(line for line in lines if line)
    return Cell(" ".join(kept), inline.content.strip(), column, kept if len(kept) > 1 else ())


def links(inline: Token) -> Iterator[Link]:
    for child, line in _located_children(inline, "link_open"):
        yield Link(str(child.attrs.get("href", "")), line)


def inline_comments(inline: Token) -> Iterator[Comment]:
    for child, line in _located_children(inline, "html_inline"):
        if is_comment(child):
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


def is_comment(token: Token) -> bool:
    return token.content.lstrip().startswith(COMMENT_OPEN)
