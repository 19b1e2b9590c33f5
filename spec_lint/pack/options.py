"""Turning TOML data into a check's typed options, as its dataclass annotations say.

One converter walks the annotation (``str``, ``int``, ``float``, ``bool``, ``tuple[T, ...]``,
``Mapping[K, V]``, ``Literal``, unions, nested frozen dataclasses and the reference markers of
:mod:`spec_lint.pack.markers`) and raises :class:`OptionError` naming the key and what it expected.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping
from typing import Any

from spec_lint.pack.markers import Reference
from spec_lint.pack.names import did_you_mean
from spec_lint.pack.params import shown
from spec_lint.pack.references import Scope


class OptionError(ValueError):
    """An option (or template data key) that does not convert; ``str()`` is the rule's message."""

    def __init__(self, key: str, problem: str) -> None:
        super().__init__(f'option "{key}": {problem}')
        self.key, self.problem = key, problem


def build(cls: type[Any], data: Mapping[str, Any], scope: Scope, above: str = "") -> Any:
    """An instance of the dataclass ``cls`` from ``data``, every field converted and resolved."""
    hints, fields = _annotated_fields(cls)
    unknown = next((key for key in data if key not in fields), None)
    if unknown is not None:
        raise OptionError(above + unknown, f"unknown option{did_you_mean(unknown, fields)}")
    values: dict[str, Any] = {}
    for name, field in fields.items():
        if name in data:
            values[name] = convert(data[name], hints[name], scope, above + name, data)
        elif field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING:
            raise OptionError(above + name, "missing required option")
    try:
        return cls(**values)
    except ValueError as error:
        raise OptionError(above.rstrip(".") or cls.__name__, str(error)) from error


_Fields = tuple[dict[str, Any], dict[str, dataclasses.Field[Any]]]
_FIELDS: dict[type, _Fields] = {}


def _annotated_fields(cls: type[Any]) -> _Fields:
    """The type hints and the init fields of ``cls``, found once: a pack builds many values of a
    few classes, and resolving the hints is most of what building one costs."""
    found = _FIELDS.get(cls)
    if found is None:
        hints = typing.get_type_hints(cls, include_extras=True)
        found = _FIELDS[cls] = hints, {f.name: f for f in dataclasses.fields(cls) if f.init}
    return found


_PARTS: dict[Any, tuple[Any, tuple[Any, ...]]] = {}


def _parts(hint: Any) -> tuple[Any, tuple[Any, ...]]:
    """The origin and arguments of ``hint``, found once for each hint: a pack converts thousands
    of values against a few dozen hints (a third of what building the built-in pack cost)."""
    try:
        return _PARTS[hint]
    except KeyError:
        found = _PARTS[hint] = typing.get_origin(hint), typing.get_args(hint)
        return found
    except TypeError:  # an unhashable hint
        return typing.get_origin(hint), typing.get_args(hint)


def convert(value: Any, hint: Any, scope: Scope, key: str, siblings: Mapping[str, Any]) -> Any:
    origin, args = _parts(hint)
    if hint is Any:
        return value
    if origin is typing.Annotated:
        return _resolved(convert(value, args[0], scope, key, siblings), args[1:], scope, key, siblings)
    if origin in (typing.Union, types.UnionType):
        chosen = next((a for a in args if _fits_kind(value, a)), None)
        return convert(value, chosen, scope, key, siblings) if chosen else _refuse(value, hint, key)
    if not _fits_kind(value, hint):
        _refuse(value, hint, key)
    return _contents(value, hint, scope, key)


def _contents(value: Any, hint: Any, scope: Scope, key: str) -> Any:
    """A value of the right kind with its items, entries or fields converted in turn."""
    origin, args = _parts(hint)
    if origin is tuple:
        return tuple(convert(item, args[0], scope, f"{key}[{index}]", {}) for index, item in enumerate(value))
    if origin in (Mapping, dict):
        return {convert(k, args[0], scope, key, {}): convert(v, args[1], scope, f"{key}.{k}", {})
                for k, v in value.items()}
    if dataclasses.is_dataclass(hint):
        return build(typing.cast(type[Any], hint), value, scope, f"{key}.")
    return float(value) if hint is float else value


def _resolved(value: Any, markers: tuple[Any, ...], scope: Scope, key: str, siblings: Mapping[str, Any]) -> Any:
    """``value``, once every reference marker finds what it names; an item of a list may be a list."""
    in_list = key.endswith("]")
    for marker in (m for m in markers if isinstance(m, Reference)):
        problem = scope.problem(marker.kind, value, key.rpartition(".")[2], siblings, in_list)
        if problem:
            raise OptionError(key, problem)
    return value


def _fits_kind(value: Any, hint: Any) -> bool:
    """Is ``value`` of the TOML kind ``hint`` takes (string, number, list, table, ...)?"""
    origin, args = _parts(hint)
    if origin is typing.Annotated:
        return _fits_kind(value, args[0])
    if origin is typing.Literal:
        return value in args
    if hint is types.NoneType:
        return False  # TOML has no null: None stands for a key not given
    if origin is tuple:
        return isinstance(value, list)
    if origin in (Mapping, dict) or dataclasses.is_dataclass(hint):
        return isinstance(value, dict)
    if hint is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, hint)


def _refuse(value: Any, hint: Any, key: str) -> typing.NoReturn:
    raise OptionError(key, f"expected {expected(hint)}, got {shown(value)}")


def expected(hint: Any) -> str:
    origin, args = _parts(hint)
    if origin is typing.Annotated:
        return expected(args[0])
    if origin in (typing.Union, types.UnionType):
        return " or ".join(expected(a) for a in args if a is not types.NoneType)
    if origin is typing.Literal:
        return "one of " + ", ".join(f'"{a}"' for a in args)
    if origin is tuple:
        return "a list"
    if origin in (Mapping, dict) or dataclasses.is_dataclass(hint):
        return "a table"
    return _KINDS.get(hint, "a value")


_KINDS: dict[Any, str] = {str: "a string", int: "a whole number", float: "a number", bool: "true or false"}
