"""Pack values as TOML, as a pack writes them (for ``explain``): texts, numbers, booleans, lists,
tables and option dataclasses (only the fields a pack sets) as inline tables."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterable, Mapping

from spec_lint.catalog import set_fields

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_CONTROL = re.compile("[\x00-\x1f\x7f]")


def toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, Mapping):
        return _inline_table(value.items())
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _inline_table(set_fields(value))
    if isinstance(value, tuple | list):
        return f"[{', '.join(toml_value(item) for item in value)}]"
    raise TypeError(f"no TOML form for {value!r}")


def toml_key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else _string(key)


def _string(text: str) -> str:
    # A pattern reads best as a literal string, where a backslash is itself, as packs write them.
    if "\\" in text and "'" not in text and not _CONTROL.search(text):
        return f"'{text}'"
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")  # JSON's escapes are TOML's


def _inline_table(items: Iterable[tuple[object, object]]) -> str:
    pairs = ", ".join(f"{toml_key(str(key))} = {toml_value(value)}" for key, value in items)
    return f"{{ {pairs} }}" if pairs else "{}"
