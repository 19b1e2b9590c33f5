"""The fast parser's block walk, for spec_lint.fast_parser only: markdown-it-pyrs's tree in, the tokens
spec_lint.parser's builder reads out, with markdown-it-py's lines and contents."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from markdown_it.common.utils import MD_TRIM_CHARS
from markdown_it.token import Token

from spec_lint.fast_inline import Inline, Source, Tok, Unsupported, span

if TYPE_CHECKING:
    from markdown_it_pyrs import Node

_INLINE = frozenset({"text", "text_special", "code_inline", "html_inline", "softbreak", "hardbreak", "link",
                     "autolink", "em", "strong", "image"})
_PASSED = frozenset({"definition"})
# A list item's marker and the spaces after it; a block quote's marker.
_MARKER = re.compile(r"(?:[-+*]|\d{1,9}[.)])( *)")
_QUOTE_MARKER = re.compile(r" {0,3}> ?")
# An ordered list item: markdown-it-pyrs lets one that does not start at 1 continue a table.
_ORDERED = re.compile(r" {0,3}\d{1,9}[.)](?:\s|$)")
_ENDS_QUOTE = re.compile(r"\s*$| {0,3}#")
_MAY_CLOSE = re.compile(r" {0,3}(?:---|\.\.\.)")

# A block's containers, innermost last: a list item's content column, or -1 for a block quote.
Containers = tuple[int, ...]


class Walker:
    """Walks the tree in source order and appends the tokens spec_lint.parser's builder reads."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.out: list[Token] = []

    def blocks(self, nodes: Sequence[Node], containers: Containers, first: int, last: int) -> None:
        """The blocks of one container (lines ``first`` to ``last``); a tight list item's paragraph is
        its inline nodes, with no node of its own, after the item's marker or the block before it."""
        run: list[Node] = []
        lines = self.source.lines
        head = lines[first][containers[-1]:] if containers else ""
        for node in [*nodes, None]:
            if node is not None and node.name in _INLINE:
                run.append(node)
                continue
            if run:
                if not head.strip():
                    raise Unsupported("paragraph")
                end = last if node is None else self.source.line(span(node)[0]) - 1
                self.paragraph(run, containers, first, head, end)
                run = []
            if node is not None:
                first = self.block(node, containers) + 1
                head = _unindented(lines[first], containers) if first < len(lines) else ""

    def block(self, node: Node, containers: Containers) -> int:
        """Appends the tokens of a block and returns its last line."""
        name, (start, end) = node.name, span(node)
        first, last = self.source.line(start), self.source.line(max(start, end - 1))
        if name == "paragraph":
            self.paragraph(node.children, containers, first, self.source.tail(start), last)
        elif name == "heading" or name == "lheading":
            self.heading(node, containers, first, last - (name == "lheading"))
        elif name == "bullet_list" or name == "ordered_list":
            self.out.append(Tok(f"{name}_open", "", 1))
            for item in node.children:
                indent, (start, end) = self.item_indent(item, containers), span(item)
                inner = (*containers, indent)
                self.blocks(item.children, inner, self.source.line(start), self.source.line(end - 1))
            self.out.append(Tok(f"{name}_close", "", -1))
        elif name == "blockquote" and not containers and self.quoted(first, last):
            self.blocks(node.children, (-1,), first, last)
        elif name == "table" and not any(map(_ORDERED.match, self.source.lines[first:last + 2])):
            self.table(node)
        elif name in ("fence", "code_block", "front_matter", "hr", "html_block"):
            self.leaf(node, containers, first, last)
        elif name not in _PASSED:
            raise Unsupported(name)
        return last

    def leaf(self, node: Node, containers: Containers, first: int, last: int) -> None:
        name, meta = node.name, node.meta
        content = str(meta.get("content", ""))
        if name == "fence":
            closed = self.closed(meta, first, last, containers)
            end = last + 1 if closed else self.source.count
            content = content if closed else self.source.ended(content, last)
            info = self.fence_info(meta, node)
            self.out.append(Tok(name, "code", map=[first, end], info=info, content=content))
        elif name == "front_matter":
            self.out.append(Tok(name, map=[first, last + 1], content=self.front_matter(last)))
        else:
            code = name == "code_block"
            content = content if code else self.source.ended(content, last)
            self.out.append(Tok(name, "code" if code else "", map=[first, last + 1], content=content))

    def paragraph(self, nodes: Sequence[Node], containers: Containers, first: int, head: str,
                  last: int) -> None:
        self.out.append(self.inline(nodes, first, self.content(head, first, last, containers)))

    def heading(self, node: Node, containers: Containers, first: int, last: int) -> None:
        tag = f"h{node.meta['level']}"
        self.out.append(Tok("heading_open", tag, 1, map=[first, last + 1]))
        content = self.content(self.source.tail(span(node)[0]), first, last, containers)
        self.out.append(self.inline(node.children, first, content))
        self.out.append(Tok("heading_close", tag, -1))

    def item_indent(self, item: Node, containers: Containers) -> int:
        """The column a list item's content starts at (markdown-it's blkIndent), from its marker line."""
        start = span(item)[0]
        text = self.source.lines[self.source.line(start)]
        marker = _MARKER.match(text, len(text) - len(self.source.tail(start)))
        if -1 in containers or marker is None or text.startswith("\t", marker.end()):
            raise Unsupported("list item")
        spaces = len(marker.group(1))
        blank = marker.end() == len(text)
        return marker.end() - spaces + (1 if blank or spaces > 4 else spaces)

    def table(self, node: Node) -> None:
        self.out.append(Tok("table_open", "table", 1))
        for row in (row for part in node.children for row in part.children):
            line = self.source.line(span(row)[0])
            self.out.append(Tok("tr_open", "tr", 1, map=[line, line + 1]))
            for cell in row.children:
                content = self.source.slice(span(cell)).replace("\\|", "|").strip(MD_TRIM_CHARS)
                self.out.append(self.inline(cell.children, line, content))
            self.out.append(Tok("tr_close", "tr", -1))
        self.out.append(Tok("table_close", "table", -1))

    def quoted(self, first: int, last: int) -> bool:
        """Whether a block quote has its marker on every line and a blank line or a heading after it:
        the parsers differ on the lazy lines that may continue a block quote."""
        lines = self.source.lines
        after = lines[last + 1] if last + 1 < len(lines) else ""
        return _ENDS_QUOTE.match(after) is not None and all(map(_QUOTE_MARKER.match, lines[first:last + 1]))

    def front_matter(self, last: int) -> str:
        """Front matter that both parsers end on the same line, as mdit-py-plugins keeps it."""
        lines = self.source.lines
        if lines[0] != "---" or lines[last] != "---" or any(map(_MAY_CLOSE.match, lines[1:last])):
            raise Unsupported("front matter")
        return "\n".join(lines[1:last])

    def closed(self, meta: Mapping[str, object], first: int, last: int, containers: Containers) -> bool:
        """Whether a fence is closed; an unclosed one runs to the document's end (markdown-it-py's map)."""
        closing = f" {{0,3}}{re.escape(str(meta['marker']))}{{{meta['marker_len']},}}[ \t]*"
        if first < last and re.fullmatch(closing, _unindented(self.source.lines[last], containers)):
            return True
        if containers:
            raise Unsupported("unclosed fence")
        return False

    def fence_info(self, meta: Mapping[str, object], node: Node) -> str:
        """The info string as written (markdown-it-py keeps it raw), from the fence's first line."""
        text, marker = self.source.tail(span(node)[0]), str(meta["marker"])
        if not text.startswith(marker * 3):
            raise Unsupported("fence")
        return text.lstrip(marker)

    def content(self, head: str, first: int, last: int, containers: Containers) -> str:
        """An inline token's source as markdown-it-py keeps it: ``head`` (the rest of line ``first``) and
        the lines after it to ``last``, each without its containers' markers and indentation, trimmed."""
        if first == last:
            return head.strip(MD_TRIM_CHARS)
        lines = (_unindented(self.source.lines[line], containers) for line in range(first + 1, last + 1))
        return "\n".join([head, *lines]).strip(MD_TRIM_CHARS)

    def inline(self, nodes: Sequence[Node], first: int, content: str) -> Token:
        text = nodes[0].meta["content"] if len(nodes) == 1 and nodes[0].name == "text" else "<!"
        if "<!" not in text:  # most cells: no texts to join, no lines to find
            children: list[Token] = [Tok("text", content=text)]
        else:
            children = Inline(self.source, first, content).tokens(nodes)
        end = first + content.count("\n") + 1
        return Tok("inline", map=[first, end], content=content, children=children)


def _unindented(line: str, containers: Containers) -> str:
    """A continuation line without its container's marker (a block quote's) or indentation (a list
    item's)."""
    if not containers:
        return line
    if "\t" in line[: len(line) - len(line.lstrip(" \t>"))]:
        raise Unsupported("tab")
    if containers[-1] < 0:
        quote = _QUOTE_MARKER.match(line)
        return line[quote.end():] if quote else line
    return line[min(containers[-1], len(line) - len(line.lstrip(" "))):]
