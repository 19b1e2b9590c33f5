"""Lists written on one line, such as a field's span names: items separated by commas or ``<br>``."""

from __future__ import annotations

import re

from spec_lint.blocks import LINE_BREAK

_SEPARATOR = re.compile(rf"{LINE_BREAK.pattern}|,", re.IGNORECASE)
# A tag other than a line break is markup: no part of an item.
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")


def items(text: str) -> list[str]:
    """The items of a list (``a, b`` or ``a<br>b``), stripped, HTML tags dropped, empty ones left out."""
    parts = (_TAG.sub("", part).strip() for part in _SEPARATOR.split(text))
    return [part for part in parts if part]
