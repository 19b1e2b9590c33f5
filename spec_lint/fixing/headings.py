"""Heading lines rewritten: another level, or the template's title. Only ATX headings (``## Title``)
are; a setext heading (a title underlined with ``===``) is left to the author."""

from __future__ import annotations

import re

from spec_lint.findings import Edit, Fix

_ATX = re.compile(r"^( {0,3})(#{1,6})([ \t].*|)$")


def relevelled(lines: list[str], line: int, level: int) -> Edit | None:
    """The heading on ``line`` at ``level``, its text as it was."""
    found = _ATX.match(lines[line - 1])
    if found is None:
        return None
    return Edit(line, line + 1, f"{found[1]}{'#' * level}{found[3]}\n")


def retitled(lines: list[str], line: int, title: str) -> Edit | None:
    """The heading on ``line`` with the text ``title``, at its level."""
    found = _ATX.match(lines[line - 1])
    if found is None:
        return None
    return Edit(line, line + 1, f"{found[1]}{found[2]} {title}\n")


def rename(lines: list[str], line: int, title: str) -> Fix | None:
    """The unsafe fix that renames the heading on ``line`` to ``title``: a near miss may be a
    section of the author's own."""
    edit = retitled(lines, line, title)
    return Fix(f'rename to "{title}"', (edit,), safe=False) if edit else None
