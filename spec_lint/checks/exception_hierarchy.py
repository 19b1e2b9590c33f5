"""Checks on Error Handling: the exception hierarchy drawn as a tree."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.blocks import CodeBlock
from spec_lint.checks import register
from spec_lint.facts.naming import pascal_case
from spec_lint.findings import Violation
from spec_lint.pack.markers import SectionPath
from spec_lint.template import section_path

if TYPE_CHECKING:
    from spec_lint.context import Context

# Indentation ("│" and spaces), an optional branch ("├── ", "└── "), the class, then a "# comment"
# or an annotation in parentheses ("(ROUTER_001)"). The ASCII drawing of `tree --charset=ascii`
# and Windows' `tree /A` ("|", "|-- ", "`-- ", "+--- ", "\--- ") is the same tree. The name grows
# a word at a time, so that a run of spaces in it is read once.
_ENTRY = re.compile(
    r"(?P<lead>(?:[│ ]|\|(?!-))*)(?P<branch>(?:[├└]─+|[|`+\\]-+) *)?(?P<name>(?:\s*+\S)*?)\s*(?:\s#.*|\([^()]*\))?$"
)
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass(frozen=True, slots=True)
class Entry:
    line: int
    name: str
    branch: int | None  # column of "├"/"└"; None for a line without one
    column: int  # column of the name


@register("exception-hierarchy")
@dataclass(frozen=True, slots=True)
class ExceptionHierarchy:
    """The first code block of ``section`` draws a tree (``├──``, ``└──``, ``│``, or their ASCII
    forms) of identifiers ending in ``suffix``, rooted at ``root``, with exactly one class
    directly under the root. A child's branch stands below the first letter of its parent.
    """

    section: SectionPath = "Error Handling > Exception Hierarchy"
    root: str = "DynamoError"
    suffix: str = "Error"

    def check(self, ctx: Context) -> Iterator[Violation]:
        section = ctx.section(section_path(self.section))
        if section is None or not section.has_content:
            return
        block = next(iter(section.blocks_of(CodeBlock)), None)
        expected = f'a tree rooted at "{self.root}"'
        if block is None:
            yield Violation(f'section "{section.title}" has no code block (expected {expected})', section.line)
            return
        entries = _entries(block)
        if not entries or entries[0].name != self.root or entries[0].branch is not None:
            line = entries[0].line if entries else block.line
            yield Violation(f'exception hierarchy does not start at "{self.root}" (expected {expected})', line)
            return
        yield from self._tree(ctx, entries)

    def _tree(self, ctx: Context, entries: list[Entry]) -> Iterator[Violation]:
        root, under_root = entries[0], []
        latest = {root.column: root}  # the last entry whose name starts at each column
        for entry in entries[1:]:
            parent = latest.get(entry.branch) if entry.branch is not None else None
            latest[entry.column] = entry
            if parent is None:
                yield Violation(self._outside(entry), entry.line)
                continue
            if not ctx.has_placeholder(entry.name):
                yield from self._name(entry)
            if parent is root:
                under_root.append(entry)
        yield from self._under_root(ctx, root, under_root)

    def _under_root(self, ctx: Context, root: Entry, under_root: list[Entry]) -> Iterator[Violation]:
        """Exactly one class directly under the root: the component's own base error."""
        first = f"{pascal_case(ctx.component)}{self.suffix}"
        if not under_root:
            yield Violation(f'"{root.name}" has no subclass (expected exactly one, such as "{first}")', root.line)
        for extra in under_root[1:]:
            yield Violation(
                f'"{extra.name}" is a second class directly under "{root.name}" '
                f'(expected it below "{under_root[0].name}", the only one)',
                extra.line,
            )

    def _outside(self, entry: Entry) -> str:
        if entry.branch is None:
            return f'"{entry.name}" is outside the tree (expected "├── {entry.name}" below the class it extends)'
        return f'"{entry.name}" is not aligned under a class (expected its branch below the first letter of its parent)'

    def _name(self, entry: Entry) -> Iterator[Violation]:
        name = entry.name
        if _IDENTIFIER.fullmatch(name) and name.endswith(self.suffix):
            return
        better = name if _IDENTIFIER.fullmatch(name) else pascal_case(name)
        better = better if better.endswith(self.suffix) else better + self.suffix
        problem = "does not end in" if _IDENTIFIER.fullmatch(name) else "is not an identifier ending in"
        yield Violation(f'exception "{name}" {problem} "{self.suffix}" (expected "{better}")', entry.line)


def _entries(block: CodeBlock) -> list[Entry]:
    """The block's non-blank lines as tree entries, skipping lines of "│" alone."""
    found = []
    for text_line in block.text_lines:
        match = _ENTRY.match(text_line.text)
        if match is None or not match["name"]:
            continue
        branch = len(match["lead"]) if match["branch"] else None
        found.append(Entry(text_line.line, match["name"], branch, match.start("name")))
    return found
