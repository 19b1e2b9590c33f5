"""The cache's serialization: plain data for marshal (tuples, lists, dicts, sets, strings,
numbers), with the dataclasses and enums of a file's per-file result tagged by name. Only the
classes this module knows, and those of the modules of the packs' project checks (their facts),
are rebuilt: a foreign file yields an error, never code run."""

from __future__ import annotations

import dataclasses
import enum
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePath
from typing import Any

from spec_lint.directives import Known, Scope, Suppression
from spec_lint.findings import Anchor, Edit, Finding, Fix, Severity, Suppressed, Violation
from spec_lint.linted import Facts, FileResult, Linted
from spec_lint.suppressions import Comments

_OWN: tuple[type, ...] = (Linted, FileResult, Facts, Finding, Fix, Edit, Anchor, Severity, Suppressed, Comments,
                          Suppression, Scope, Violation, Known)
_PLAIN = (str, int, float, bool, type(None))


class CodecError(ValueError):
    """A value that cannot be written, or data that is not what this module wrote."""


def _name(cls: type) -> str:
    return f"{cls.__module__}:{cls.__qualname__}"


class Codec:
    """Turns values into marshal's plain data and back; ``shared`` values (long, the same in
    every entry) are written as their index, and ``modules`` are those whose classes may be rebuilt."""

    def __init__(self, shared: Sequence[object], modules: Iterable[str]) -> None:
        self.shared = list(shared)
        self._refs = {value: index for index, value in enumerate(self.shared)}
        self._modules = frozenset(modules)
        self._classes: dict[str, type] = {_name(cls): cls for cls in _OWN}
        self._enums = {name: cls for name, cls in self._classes.items() if issubclass(cls, enum.Enum)}
        self._dataclasses = {name: cls for name, cls in self._classes.items() if name not in self._enums}

    def encode(self, value: Any) -> Any:
        kind = type(value)
        if kind in _PLAIN:
            return value
        if kind is tuple:
            ref = self._refs.get(value) if len(value) > 8 else None
            return (b"r", ref) if ref is not None else tuple(map(self.encode, value))
        if kind is list:
            return list(map(self.encode, value))
        if kind in (dict, frozenset, set):
            return self._collection(value)
        if isinstance(value, PurePath):
            return (b"p", str(value))
        if kind is bytes:
            return (b"b", value)
        return self._tagged(value)

    def _collection(self, value: Any) -> Any:
        if isinstance(value, dict):
            return {self.encode(key): self.encode(item) for key, item in value.items()}
        return type(value)(map(self.encode, value))

    def _tagged(self, value: Any) -> Any:
        cls = type(value)
        self._check(cls)
        if isinstance(value, enum.Enum):
            return (b"e", _name(cls), value.value)
        if not dataclasses.is_dataclass(value) or not all(f.init for f in dataclasses.fields(value)):
            raise CodecError(f"cannot write a {cls.__qualname__}")
        values = [getattr(value, f.name) for f in dataclasses.fields(value)]
        if all(_flat(item) for item in values):  # read back as they are: no walk
            return (b"C", _name(cls), *values)
        return (b"c", _name(cls), *map(self.encode, values))

    def _check(self, cls: type) -> None:
        if self._classes.get(_name(cls)) is not cls and self._resolve(_name(cls)) is not cls:
            raise CodecError(f"cannot write a {cls.__qualname__} (not from a project check's module)")

    def decode(self, data: Any) -> Any:
        kind = type(data)
        if kind in _PLAIN:
            return data
        if kind is tuple:
            if data and type(data[0]) is bytes:
                return self._untagged(data)
            return data if all(type(item) is str for item in data) else tuple(map(self.decode, data))
        if kind is list:
            return list(map(self.decode, data))
        if kind is dict:
            return {self.decode(key): self.decode(item) for key, item in data.items()}
        if kind in (frozenset, set):
            return kind(map(self.decode, data))
        raise CodecError(f"unexpected {kind.__name__} in a cache entry")

    def _untagged(self, data: tuple[Any, ...]) -> Any:
        tag = data[0]
        if tag == b"C":
            return (self._dataclasses.get(data[1]) or self._class(data[1]))(*data[2:])
        if tag == b"c":
            return (self._dataclasses.get(data[1]) or self._class(data[1]))(*map(self.decode, data[2:]))
        if tag == b"r":
            return self.shared[data[1]]
        if tag == b"p":
            return Path(data[1])
        if tag == b"b":
            return data[1]
        if tag == b"e":
            return self._class(data[1], enum.Enum)(data[2])
        raise CodecError(f"unexpected {data[:2]!r} in a cache entry")

    def _class(self, name: object, kind: type | None = None) -> Any:
        """The dataclass (or enum, ``kind``) of that name that this codec may rebuild."""
        known = self._enums if kind else self._dataclasses
        found = known.get(name) if isinstance(name, str) else None
        if found is None:
            found = self._resolve(name)
            if found is None or (issubclass(found, enum.Enum) if kind else dataclasses.is_dataclass(found)) is False:
                raise CodecError(f"unexpected {name!r} in a cache entry")
            known[str(name)] = found
        return found

    def _resolve(self, name: object) -> type | None:
        """A class of a project check's module, by name, when that module is loaded (none is imported)."""
        module, _, qualname = str(name).partition(":")
        found = getattr(sys.modules.get(module), qualname, None) if module in self._modules else None
        if isinstance(found, type) and found.__module__ == module and (dataclasses.is_dataclass(found)
                                                                       or issubclass(found, enum.Enum)):
            self._classes[str(name)] = found
            return found
        return None


def _flat(value: object) -> bool:
    kind = type(value)
    return kind in _PLAIN or (kind is tuple and all(type(item) in _PLAIN for item in value))  # type: ignore[attr-defined]


def check_modules(packs: Iterable[Any]) -> set[str]:
    """The modules of the packs' checks, whose classes may be in a spec's facts."""
    return {type(rule.check).__module__ for pack in packs for rule in pack.rules}



