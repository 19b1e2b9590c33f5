"""The keys of a configuration file, each checked for its type when the file is read.

Codes and pack parameters are checked later, against the packs in effect (``codes``, ``packs``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from typing import Any

from spec_lint.config.discovery import ConfigError, ConfigFile
from spec_lint.pack.names import did_you_mean
from spec_lint.pack.params import shown

SEVERITIES = ("error", "warning", "off")
FAIL_ON = ("error", "warning")
Value = Any
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
Parser = Callable[[Value], Value]


class Invalid(ValueError):
    """What is wrong with a value (the key is added by whoever knows it)."""


def strings(value: Value) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise Invalid(f"expected a list of strings, got {shown(value)}")
    for index, item in enumerate(value):
        if not isinstance(item, str):
            raise Invalid(f"[{index}]: expected a string, got {shown(item)}")
    return tuple(value)


def choice(*allowed: str) -> Parser:
    def parse(value: Value) -> str:
        if value not in allowed:
            expected = " or ".join(f'"{a}"' for a in allowed)
            raise Invalid(f"{shown(value)} is not a choice{_close(value, allowed)} (expected {expected})")
        return str(value)
    return parse


def _close(value: Value, allowed: tuple[str, ...]) -> str:
    return did_you_mean(value, allowed) if isinstance(value, str) else ""


def table_of(parse: Parser) -> Parser:
    """A table whose values ``parse`` checks, as ``(key, value)`` pairs in the file's order."""
    def parsed(value: Value) -> tuple[tuple[str, Value], ...]:
        if not isinstance(value, dict):
            raise Invalid(f"expected a table, got {shown(value)}")
        return tuple((key, _keyed(key, parse, item)) for key, item in value.items())
    return parsed


def _keyed(key: str, parse: Parser, value: Value) -> Value:
    try:
        return parse(value)
    except Invalid as error:
        raise Invalid(f".{dotted(key)}{_joined(str(error))}") from None


def dotted(key: str) -> str:
    """A key as a dotted TOML path writes it: bare when it can be."""
    return key if _BARE_KEY.fullmatch(key) else json.dumps(key)


def _joined(problem: str) -> str:
    return problem if problem.startswith(("[", ".")) else f": {problem}"


def boolean(value: Value) -> bool:
    if not isinstance(value, bool):
        raise Invalid(f"expected true or false, got {shown(value)}")
    return value


def size(value: Value) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise Invalid(f"expected a number of bytes (0 or more; 0: no limit), got {shown(value)}")
    return value


def pack_list(value: Value) -> tuple[tuple[str, str, Mapping[str, Value]], ...]:
    """``packs``: a list of pack names or paths, or a table of them to their parameters; each as
    (how messages name its key, the pack, its parameters)."""
    if isinstance(value, list):
        return tuple((f"[{index}]", name, {}) for index, name in enumerate(strings(value)))
    if not isinstance(value, dict):
        raise Invalid(f"expected a list of packs or a table of packs to their parameters, got {shown(value)}")
    return tuple((f".{dotted(ref)}", ref, params) for ref, params in table_of(_params)(value))


def _params(value: Value) -> Mapping[str, Value]:
    if not isinstance(value, dict):
        raise Invalid(f"expected a table of parameters, got {shown(value)}")
    return value


KEYS: dict[str, Parser] = {
    "select": strings, "ignore": strings, "extend-select": strings,
    "per-file-ignores": table_of(strings), "severity": table_of(choice(*SEVERITIES)),
    "fail-on": choice(*FAIL_ON), "include": strings, "exclude": strings, "packs": pack_list,
    "require-reason": boolean, "max-file-size": size,
}


def _hint(key: str, config: ConfigFile) -> str:
    if key == "tool" and not config.prefix:
        return " (expected the keys at the top of a .spec-lint.toml, without a [tool.spec-lint] table)"
    return did_you_mean(key, KEYS)


def parse_file(config: ConfigFile) -> dict[str, Value]:
    """The file's values by key; an unknown key or a value of the wrong type is a ConfigError."""
    values: dict[str, Value] = {}
    for key, value in config.data.items():
        parse = KEYS.get(key)
        if parse is None:
            raise ConfigError(f"{config.path}: {config.prefix}{key}: unknown key{_hint(key, config)}")
        try:
            values[key] = parse(value)
        except Invalid as error:
            raise ConfigError(f"{config.path}: {config.prefix}{key}{_joined(str(error))}") from None
    return values
