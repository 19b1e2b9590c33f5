"""The parser: exact 1-based lines for every kind of element, whatever the file's framing."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import pytest

from spec_lint.blocks import CodeBlock, Paragraph, Table, ThematicBreak
from spec_lint.findings import Edit
from spec_lint.model import Document
from spec_lint.parser import parse

SOURCE = """\
# Router - 1.0 Component Specification

> **Template Version**: 1.0
> **Last Updated:** 2026-01-02

## Overview

Text with a [link](https://example.com/a) and
a second [link](#design) on the next line.

**Support Level**: `Library`

Design
------

| Flag | Type |
|------|------|
| `--port` | `int` |
| `--host` | string |

```python
print("x")
```

- **Span Name**: `dynamo.router.select`
"""

BlockType = TypeVar("BlockType", Table, CodeBlock)
FRONT_MATTER = "---\ncomponent: kvbm\n---\n"

Variant = Callable[[str], str]
VARIANTS: dict[str, tuple[Variant, int]] = {
    "lf": (lambda text: text, 0),
    "crlf": (lambda text: text.replace("\n", "\r\n"), 0),
    "cr": (lambda text: text.replace("\n", "\r"), 0),
    "bom": (lambda text: "\ufeff" + text, 0),
    "front-matter": (lambda text: FRONT_MATTER + text, 3),
    "bom+front-matter+crlf": (lambda text: ("\ufeff" + FRONT_MATTER + text).replace("\n", "\r\n"), 3),
}


@pytest.fixture(params=list(VARIANTS), ids=list(VARIANTS))
def framed(request: pytest.FixtureRequest) -> tuple[Document, int]:
    """The source under one framing, and how far that framing shifts its lines."""
    make, shift = VARIANTS[request.param]
    return parse(make(SOURCE)), shift


def test_heading_lines(framed: tuple[Document, int]) -> None:
    doc, shift = framed
    got = [(s.level, s.line - shift, s.title) for s in doc.sections]
    assert got == [(1, 1, "Router - 1.0 Component Specification"), (2, 6, "Overview"), (2, 13, "Design")]


def test_table_lines(framed: tuple[Document, int]) -> None:
    doc, shift = framed
    table = _only(doc, Table)
    assert table.line - shift == 16
    assert [row.line - shift for row in table.rows] == [18, 19]


def test_field_lines(framed: tuple[Document, int]) -> None:
    doc, shift = framed
    got = [(f.key, f.value, f.line - shift) for f in doc.fields]
    assert got == [
        ("Template Version", "1.0", 3),
        ("Last Updated", "2026-01-02", 4),
        ("Support Level", "Library", 11),
        ("--port", "int", 18),  # a two-column table's rows are fields too
        ("--host", "string", 19),
        ("Span Name", "dynamo.router.select", 25),
    ]


def test_link_lines(framed: tuple[Document, int]) -> None:
    doc, shift = framed
    assert [(link.target, link.line - shift) for link in doc.links] == [("https://example.com/a", 8), ("#design", 9)]


def test_code_block_lines(framed: tuple[Document, int]) -> None:
    doc, shift = framed
    block = _only(doc, CodeBlock)
    assert (block.line - shift, block.end_line - shift) == (21, 23)
    assert (block.info, block.language, block.content) == ("python", "python", 'print("x")\n')


def test_lines_are_the_source_lines(framed: tuple[Document, int]) -> None:
    doc, shift = framed
    assert doc.lines[shift:] == SOURCE.splitlines()
    for section in doc.sections:
        assert section.title.split()[0] in doc.lines[section.line - 1]


def test_front_matter_is_read() -> None:
    assert parse(FRONT_MATTER + SOURCE).front_matter == {"component": "kvbm"}
    assert parse(SOURCE).front_matter == {}


def test_broken_front_matter_is_ignored_and_keeps_lines() -> None:
    doc = parse("---\nkey: [unclosed\n---\n# Title\n")
    assert doc.front_matter == {}
    assert doc.sections[0].line == 4


def test_cells_drop_inline_code_backticks_but_keep_raw() -> None:
    table = _only(parse(SOURCE), Table)
    assert [c.text for c in table.header] == ["Flag", "Type"]
    assert [(c.text, c.raw) for c in table.rows[0].cells] == [("--port", "`--port`"), ("int", "`int`")]


@pytest.mark.parametrize("line", ["**Owner**: Ada", "**Owner:** Ada", "**Owner** : Ada", "- **Owner**: `Ada`"])
def test_both_field_forms_parse(line: str) -> None:
    fields = parse(f"Intro\n\n{line}\n").fields
    assert [(f.key, f.value, f.line) for f in fields] == [("Owner", "Ada", 3)]


def test_bold_text_without_colon_is_not_a_field() -> None:
    assert parse("**Note** this is bold.\n").fields == []


def test_field_records_its_section() -> None:
    doc = parse(SOURCE)
    assert [f.section for f in doc.fields] == [
        "Router - 1.0 Component Specification",
        "Router - 1.0 Component Specification",
        "Overview",
        "Design",
        "Design",
        "Design",
    ]


def test_link_after_a_code_span_across_lines() -> None:
    doc = parse("Text `a\nb` then [x](one) and [y](\n<two> \"a\ntitle\") <https://three>\n\n[z]\n\n[z]: four\n")
    assert [(link.target, link.line) for link in doc.links] == [("one", 2), ("two", 2), ("https://three", 4), ("four", 6)]


def test_links_in_headings_and_cells() -> None:
    doc = parse("# See [a](a.md)\n\n| x |\n|---|\n| [b](b.md) |\n")
    assert [(link.target, link.line) for link in doc.links] == [("a.md", 1), ("b.md", 5)]


def test_only_markdown_line_breaks_split_lines() -> None:
    doc = parse("a\x0cb\u2028c\n# H\n")
    assert doc.lines == ["a\x0cb\u2028c", "# H"]
    assert doc.sections[0].line == 2


def test_setext_and_empty_headings() -> None:
    doc = parse("Two\nlines\n===\n\n#\n\n## \n")
    assert [(s.level, s.line, s.title) for s in doc.sections] == [(1, 1, "Two lines"), (1, 5, ""), (2, 7, "")]


def test_sections_nest_by_level() -> None:
    doc = parse("# T\n\n### Deep\n\n## Mid\n\n#### Deeper\n\n# U\n")
    root = doc.root.children
    assert [s.title for s in root] == ["T", "U"]
    assert [s.title for s in root[0].children] == ["Deep", "Mid"]
    assert [s.title for s in root[0].children[1].children] == ["Deeper"]
    assert doc.title is root[0]


def test_rule_alone_is_not_content_but_a_sub_section_is() -> None:
    doc = parse("# T\n\n## Empty\n\n---\n\n## Parent\n\n### Child\n\ntext\n")
    empty, parent = doc.root.children[0].children
    assert [type(b) for b in empty.blocks] == [ThematicBreak]
    assert not empty.has_content
    assert parent.blocks == [] and parent.has_content


def test_html_comments_are_not_content() -> None:
    doc = parse("## A\n\n<!-- note -->\n\n## B\n\n<div>x</div>\n")
    first, second = doc.sections
    assert not first.has_content
    assert isinstance(second.blocks[0], Paragraph) and second.blocks[0].line == 7


def test_indented_code_and_unclosed_fence() -> None:
    doc = parse("Para\n\n    indented\n    code\n\n```sh\nnever closed\n")
    indented, unclosed = (b for b in doc.root.blocks if isinstance(b, CodeBlock))
    assert (indented.line, indented.end_line, indented.fenced) == (3, 4, False)
    assert (unclosed.line, unclosed.info, unclosed.fenced) == (6, "sh", True)


def test_paragraph_lines_in_lists_and_quotes() -> None:
    doc = parse("- one\n  two\n\n> three\n> four\n")
    listed, quoted = (b for b in doc.root.blocks if isinstance(b, Paragraph))
    assert [(t.line, t.text) for t in listed.lines] == [(1, "one"), (2, "two")]
    assert listed.in_list and not quoted.in_list
    assert [(t.line, t.text) for t in quoted.lines] == [(4, "three"), (5, "four")]


def test_empty_source() -> None:
    doc = parse("")
    assert (doc.sections, doc.lines, doc.fields, doc.links) == ([], [], [], [])


def _only(doc: Document, kind: type[BlockType]) -> BlockType:
    found = [b for s in [doc.root, *doc.sections] for b in s.blocks if isinstance(b, kind)]
    assert len(found) == 1
    return found[0]


def test_code_lines_keep_their_file_lines_past_a_form_feed() -> None:
    doc = parse("# T\n\n```python\nx = 1\f\ny = 2\n```\n")
    block = next(b for b in doc.root.walk()[1].blocks if isinstance(b, CodeBlock))
    assert [(t.line, t.text) for t in block.text_lines] == [(4, "x = 1\f"), (5, "y = 2")]


# --- comments, section ends ----------------------------------------------------------------------

COMMENTED = """\
# T <!-- in the title -->

<!-- spec-lint: disable SL102 -->
## A

text <!-- inline
over two lines --> more

| x <!--c--> |
|---|
| 1 |
<!--
a block
comment -->

## B
"""


def test_every_comment_with_its_lines_and_text() -> None:
    got = [(c.line, c.end_line, c.text, c.inline) for c in parse(COMMENTED).comments]
    assert got == [
        (1, 1, "in the title", True),
        (3, 3, "spec-lint: disable SL102", False),
        (6, 7, "inline\nover two lines", True),
        (9, 9, "c", True),
        (12, 14, "a block\ncomment", False),
    ]


def test_comments_join_no_heading_table_or_paragraph() -> None:
    doc = parse(COMMENTED)
    assert [s.title for s in doc.sections] == ["T", "A", "B"]
    table = _only(doc, Table)
    assert [c.text for c in table.header] == ["x"] and [r.line for r in table.rows] == [11]
    assert [type(b) for b in doc.sections[1].blocks] == [Paragraph, Table]
    assert doc.sections[0].blocks == []


def test_comments_in_code_are_code() -> None:
    assert parse("```html\n<!-- not a comment -->\n```\n\n`<!-- nor this -->`\n").comments == []


@pytest.mark.parametrize(("source", "expected"), [
    ("<!---->\n", [(1, 1, "")]),
    ("<!-- a --> <!-- b -->\n", [(1, 1, "a"), (1, 1, "b")]),
    ("<!-- never closed\n\nmore\n", [(1, 3, "never closed\n\nmore")]),
])
def test_empty_several_and_unclosed_comments(source: str, expected: list[tuple[int, int, str]]) -> None:
    assert [(c.line, c.end_line, c.text) for c in parse(source).comments] == expected


def test_a_comment_only_section_is_empty_and_a_comment_no_field() -> None:
    doc = parse("## A\n\n<!-- **Owner**: Ada -->\n\n## B\n")
    assert not doc.sections[0].has_content
    assert doc.fields == []


def test_section_end_lines() -> None:
    doc = parse("# T\n\n## A\n\ntext\n\n### A1\n\nmore\n\n## B\n\nlast\n")
    assert [(s.title, s.line, s.end_line) for s in doc.sections] == [
        ("T", 1, 13), ("A", 3, 10), ("A1", 7, 10), ("B", 11, 13)]
    assert doc.root.end_line == 13


def test_a_heading_on_the_last_line_ends_there() -> None:
    doc = parse("# T\n## A\n## B")
    assert [(s.line, s.end_line) for s in doc.sections] == [(1, 3), (2, 2), (3, 3)]


def test_section_end_lines_with_setext_headings_and_front_matter() -> None:
    doc = parse(FRONT_MATTER + SOURCE)
    assert [(s.title.split()[0], s.line, s.end_line) for s in doc.sections] == [
        ("Router", 4, 28), ("Overview", 9, 15), ("Design", 16, 28)]


# --- edits ----------------------------------------------------------------------------------------


def test_an_edit_replaces_a_half_open_range_or_inserts() -> None:
    assert not Edit(3, 5, "x\n").inserts
    assert Edit(4, 4, "new\n").inserts


@pytest.mark.parametrize(("start", "end"), [(0, 1), (3, 2)])
def test_an_edit_must_be_a_range(start: int, end: int) -> None:
    with pytest.raises(ValueError, match="is not a range"):
        Edit(start, end, "")


def test_lines_of_links_and_comments_among_many_tags() -> None:
    doc = parse("a <b> [x](u) <i>\nb <i> <!-- one -->\nd <!-- two\nlines --> [y](v)\n<br> [z](w)\n")
    assert [(link.target, link.line) for link in doc.links] == [("u", 1), ("v", 4), ("w", 5)]
    assert [(c.line, c.end_line, c.text) for c in doc.comments] == [(2, 2, "one"), (3, 4, "two\nlines")]
