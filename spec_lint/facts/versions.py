"""Versions as SemVer orders them: what the changelog check reads from its headings."""

from __future__ import annotations

from dataclasses import dataclass

# A numeric identifier as (digit count, digits), which orders as the number does: a heading may
# hold more digits than Python converts to an int.
Number = tuple[int, str]


@dataclass(frozen=True, slots=True)
class Version:
    """A version as SemVer orders it; ``None`` in ``core`` is an "x" wildcard. ``build`` tells
    versions apart but does not order them."""

    core: tuple[Number | None, ...]
    pre: tuple[Number | str, ...] = ()
    build: str = ""


def number(digits: str) -> Number:
    significant = digits.lstrip("0") or "0"
    return len(significant), significant


def parse_version(text: str) -> Version:
    """``"0.9.1"`` as the numbers 0, 9, 1; ``"1.0.0-rc.1"`` with the pre-release ``("rc", 1)``."""
    text, _, build = text.partition("+")
    core, _, pre = text.partition("-")
    return Version(
        tuple(None if part.casefold() == "x" else number(part) for part in core.split(".")),
        tuple(number(part) if part.isdigit() else part for part in pre.split(".")) if pre else (),
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


def _pre_release_newer(mine: tuple[Number | str, ...], theirs: tuple[Number | str, ...]) -> bool:
    """SemVer: a release is newer than its pre-releases; identifiers compare one by one, numbers
    numerically and below words; a longer list wins when all before are equal."""
    if not mine or not theirs:
        return not mine and bool(theirs)
    for a, b in zip(mine, theirs):
        if a != b:
            return _precedence(a) > _precedence(b)
    return len(mine) > len(theirs)


def _precedence(identifier: Number | str) -> tuple[int, Number, str]:
    return (0, identifier, "") if isinstance(identifier, tuple) else (1, (0, ""), identifier)
