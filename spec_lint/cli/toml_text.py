"""Pack values as TOML, as a pack writes them (for ``explain``): texts, numbers, booleans, lists,
tables and option dataclasses (only the fields a pack sets) as inline tables. The text is safe to
print as it is: TOML's own escapes stand for every control character."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterable, Mapping

from spec_lint.catalog import set_fields
from spec_lint.formats import UNPRINTABLE

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_UNPRINTABLE = re.compile(UNPRINTABLE)


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
    """A TOML string that is also safe on a terminal: every unprintable character escaped."""
    # A pattern reads best as a literal string, where a backslash is itself, as packs write them.
    if "\\" in text and "'" not in text and not _UNPRINTABLE.search(text):
        return f"'{text}'"
    # JSON's escapes are TOML's; it leaves DEL, C1 and bidi controls as they are.
    return _UNPRINTABLE.sub(lambda char: f"\\u{ord(char[0]):04x}", json.dumps(text, ensure_ascii=False))


def _inline_table(items: Iterable[tuple[object, object]]) -> str:
    pairs = ", ".join(f"{toml_key(str(key))} = {toml_value(value)}" for key, value in items)
    return f"{{ {pairs} }}" if pairs else "{}"
