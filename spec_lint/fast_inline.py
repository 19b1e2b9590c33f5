"""The fast parser's source positions and inline content, for spec_lint.fast_tree only."""

from __future__ import annotations

import functools
from bisect import bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal

from markdown_it.token import Token

if TYPE_CHECKING:
    from markdown_it_pyrs import Node


class Unsupported(Exception):
    """The source holds a construct the adapter does not turn into markdown-it-py's tokens exactly."""


class Tok(Token):
    """A token made without the dataclass's defaults and checks (the adapter makes tens of thousands),
    with only the fields spec_lint.parser reads."""

    __slots__ = ()

    def __init__(self, kind: str, tag: str = "", nesting: Literal[-1, 0, 1] = 0, *,
                 map: list[int] | None = None, content: str = "", info: str = "",
                 children: list[Token] | None = None, attrs: dict[str, str | int | float] | None = None,
                 meta: dict[str, Any] | None = None) -> None:
        self.type, self.tag, self.nesting, self.map = kind, tag, nesting, map
        self.content, self.info = content, info
        self.children, self.attrs, self.meta = children, attrs or {}, meta or {}


def span(node: Node) -> tuple[int, int]:
    if node.srcmap is None:
        raise Unsupported(node.name)
    return node.srcmap


class Source:
    """The normalized source, with byte offsets (the tree's source map) turned into lines and columns."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = text.split("\n")
        self.count = len(self.lines) - text.endswith("\n")  # markdown-it's lines
        self.ascii = text.isascii()
        self.starts: list[int] = []
        start = 0
        for line in self.lines:
            self.starts.append(start)
            start += len(line) + 1 if self.ascii else len(line.encode()) + 1

    @functools.cached_property
    def data(self) -> bytes:
        """The source's UTF-8 bytes, which the tree's offsets count (read only when it is not ASCII)."""
        return self.text.encode()

    def line(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1

    def tail(self, offset: int) -> str:
        """The rest of the line from ``offset`` on."""
        line = self.line(offset)
        start = self.starts[line]
        return self.lines[line][offset - start if self.ascii else len(self.data[start:offset].decode()):]

    def slice(self, offsets: tuple[int, int]) -> str:
        return self.text[offsets[0]:offsets[1]] if self.ascii else self.data[offsets[0]:offsets[1]].decode()

    def ended(self, content: str, last: int) -> str:
        """A block's content as markdown-it-py keeps it: without a line end the source does not have."""
        return content[:-1] if last == len(self.lines) - 1 and content.endswith("\n") else content


class Inline:
    """One inline token's children, flattened as markdown-it-py emits them (adjacent text joined); a
    link or HTML records the offset in the token's content of the line it starts on (as spec_lint.inline's
    rules do). Link ends and image contents are left out: the model does not read them."""

    def __init__(self, source: Source, first: int, content: str) -> None:
        self.source, self.first, self.content = source, first, content
        self.out: list[Token] = []
        self.text: list[str] = []
        self.line_starts: list[int] = []

    def tokens(self, nodes: Sequence[Node]) -> list[Token]:
        self.read(nodes)
        self.end_text()
        return self.out

    def read(self, nodes: Sequence[Node]) -> None:
        for node in nodes:
            name = node.name
            if name == "text" or name == "text_special":
                self.text.append(node.meta["content"])
            elif name == "em" or name == "strong":
                self.read(node.children)
            elif name != "image":
                self.end_text()
                self.add(node, name)

    def add(self, node: Node, name: str) -> None:
        if name == "code_inline":
            self.out.append(Tok(name, "code", content="".join(_texts(node.children))))
        elif name == "softbreak" or name == "hardbreak":
            self.out.append(Tok(name, "br"))
        elif name == "html_inline":
            self.out.append(Tok(name, content=node.meta["content"], meta=self.offset(node)))
        elif name == "link" or name == "autolink":
            href = node.meta.get("url", "")
            self.out.append(Tok("link_open", "a", 1, attrs={"href": href}, meta=self.offset(node)))
            self.read(node.children)
        else:
            raise Unsupported(name)

    def end_text(self) -> None:
        if self.text:
            text = "".join(self.text)
            self.text.clear()
            # Text that starts a comment or a declaration is HTML for markdown-it-py 4 (see fast_parser).
            if "<!" in text:
                raise Unsupported("CommonMark 0.31 HTML")
            self.out.append(Tok("text", content=text))

    def offset(self, node: Node) -> dict[str, int]:
        if not self.line_starts:
            self.line_starts = [0]
            at = self.content.find("\n")
            while at >= 0:
                self.line_starts.append(at + 1)
                at = self.content.find("\n", at + 1)
        line = self.source.line(span(node)[0]) - self.first
        if not 0 <= line < len(self.line_starts):
            raise Unsupported("inline line")
        return {"offset": self.line_starts[line]}


def _texts(nodes: Sequence[Node]) -> list[str]:
    if any(node.name != "text" for node in nodes):
        raise Unsupported("code_inline")
    return [str(node.meta["content"]) for node in nodes]
