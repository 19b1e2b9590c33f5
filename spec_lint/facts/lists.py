"""Lists written on one line, such as a field's span names: items separated by commas or ``<br>``."""

from __future__ import annotations

import re

# A line break written in HTML (any case, "<br>", "<br/>", "<br />"): it separates items.
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
# Any other tag is markup: no part of an item.
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")


def items(text: str) -> list[str]:
    """The items of a list (``a, b`` or ``a<br>b``), stripped, HTML tags dropped, empty ones left out."""
    parts = (_TAG.sub("", part).strip() for part in re.split(rf"{_BREAK.pattern}|,", text, flags=re.IGNORECASE))
    return [part for part in parts if part]
