"""Checks on the Changelog: version headings, newest first, each with its changes."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.checks import register
from spec_lint.findings import Violation
from spec_lint.model import Paragraph, Section

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


@dataclass(frozen=True, slots=True)
class Version:
    """A version as SemVer orders it; ``None`` in ``core`` is an "x" wildcard. ``build`` tells
    versions apart but does not order them."""

    core: tuple[int | None, ...]
    pre: tuple[int | str, ...] = ()
    build: str = ""


def parse_version(text: str) -> Version:
    """``"0.9.1"`` as ``(0, 9, 1)``, ``"1.0.0-rc.1"`` with the pre-release ``("rc", 1)``."""
    text, _, build = text.partition("+")
    core, _, pre = text.partition("-")
    return Version(
        tuple(None if part.casefold() == "x" else int(part) for part in core.split(".")),
        tuple(int(part) if part.isdigit() else part for part in pre.split(".")) if pre else (),
        build,
    )


def is_newer(version: Version, than: Version) -> bool | None:
    """Is ``version`` newer than ``than``; ``None`` when a wildcard leaves it open ("0.x.x" vs "0.9.0")."""
    for mine, theirs in zip(version.core, than.core):
        if mine is None or theirs is None:
            return None
        if mine != theirs:
            return mine > theirs
    return _pre_release_newer(version.pre, than.pre)


def _pre_release_newer(mine: tuple[int | str, ...], theirs: tuple[int | str, ...]) -> bool:
    """SemVer: a release is newer than its pre-releases; identifiers compare one by one, numbers
    numerically and below words; a longer list wins when all before are equal."""
    if not mine or not theirs:
        return not mine and bool(theirs)
    for a, b in zip(mine, theirs):
        if a != b:
            return _precedence(a) > _precedence(b)
    return len(mine) > len(theirs)


def _precedence(identifier: int | str) -> tuple[int, int, str]:
    return (0, identifier, "") if isinstance(identifier, int) else (1, 0, identifier)


@register("changelog")
@dataclass(frozen=True, slots=True)
class Changelog:
    """The ``section``'s headings are versions, newest first, each with at least one list item."""

    section: str = "Changelog"

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
