"""Checks on the Changelog: version headings, newest first, each with its changes."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.blocks import Paragraph
from spec_lint.checks import register
from spec_lint.facts.versions import Version, is_newer, parse_version
from spec_lint.findings import Violation
from spec_lint.model import Section
from spec_lint.pack.markers import SectionPath

if TYPE_CHECKING:
    from spec_lint.context import Context

# X.Y.Z with SemVer's pre-release and build suffixes ("1.0.0-rc.1", "1.0.0+build.5"), or "x"
# wildcards at the end ("0.x.x", "1.2.x") for grouped releases.
_IDENTIFIERS = r"[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*"
_HEADING = re.compile(
    rf"(?P<version>\d+\.\d+\.\d+(?:-(?P<pre>{_IDENTIFIERS}))?(?:\+(?P<build>{_IDENTIFIERS}))?"
    r"|\d+\.(?:\d+\.x|x\.x))"
    r"(?:\s+\((?:target:\s*)?(?P<date>\d{4}-\d{2}-\d{2})\))?",
    re.IGNORECASE,
)
_FORM = '"X.Y.Z" or "X.Y.Z-rc.1", optionally followed by " (YYYY-MM-DD)" or " (Target: YYYY-MM-DD)"'


@register("changelog")
@dataclass(frozen=True, slots=True)
class Changelog:
    """The ``section``'s headings are versions, newest first, each with at least one list item."""

    section: SectionPath = "Changelog"

    def check(self, ctx: Context) -> Iterator[Violation]:
        changelog = ctx.section((self.section,))
        previous: tuple[str, Version] | None = None
        for entry in changelog.children if changelog else []:
            if ctx.has_placeholder(entry.title):
                continue
            match = _HEADING.fullmatch(entry.title.strip())
            if match is None:
                message = f'changelog heading "{entry.title}" is not a version (expected {_FORM})'
                yield Violation(message, entry.line)
                continue
            yield from _version_problems(entry, match, previous)
            previous = (match["version"], parse_version(match["version"]))


def _version_problems(
    entry: Section, match: re.Match[str], previous: tuple[str, Version] | None
) -> Iterator[Violation]:
    """What is wrong with a version's heading (its date, its place after ``previous``) and its body."""
    version = match["version"]
    yield from _date_problem(entry, match["date"])
    if previous:
        yield from _order_problem(entry, version, previous)
    if not _has_list_item(entry):
        message = f'version "{version}" has no list item (expected its changes as a list: "- ...")'
        yield Violation(message, entry.line)


def _order_problem(entry: Section, version: str, previous: tuple[str, Version]) -> Iterator[Violation]:
    parsed = parse_version(version)
    if parsed == previous[1]:
        yield Violation(f'version "{version}" is listed twice (expected each version once)', entry.line)
    elif is_newer(parsed, previous[1]):
        message = f'version "{version}" is listed after the older "{previous[0]}"'
        yield Violation(f"{message} (expected the newest version first)", entry.line)


def _date_problem(entry: Section, date: str | None) -> Iterator[Violation]:
    if date is None:
        return
    try:
        datetime.date.fromisoformat(date)
    except ValueError:
        yield Violation(f'changelog date "{date}" is not a real date (expected YYYY-MM-DD)', entry.line)


def _has_list_item(entry: Section) -> bool:
    """A paragraph does not count: the template lists each change as a list item."""
    return any(isinstance(b, Paragraph) and b.in_list for s in entry.walk() for b in s.blocks)
