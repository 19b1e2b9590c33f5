"""Check kinds: small typed classes whose fields are their options.

A check is registered under a kind name with :func:`register`; a pack binds a kind to a rule
code with options. Checks receive a :class:`~spec_lint.context.Context` and yield violations.
"""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

if TYPE_CHECKING:
    from spec_lint.context import Context
    from spec_lint.findings import Violation


class Check(Protocol):
    def check(self, ctx: Context) -> Iterable[Violation]: ...


CheckType = TypeVar("CheckType", bound=type)
_REGISTRY: dict[str, type] = {}


def register(kind: str) -> Callable[[CheckType], CheckType]:
    """A class decorator: packs name the decorated check ``kind``."""
    def add(cls: CheckType) -> CheckType:
        _REGISTRY[kind] = cls
        return cls

    return add


def registry() -> dict[str, type]:
    """Every check class by kind, once the built-in check modules are imported."""
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")
    return _REGISTRY


def build_check(kind: str, options: dict[str, Any]) -> Check:
    """The check of ``kind`` with a pack's ``options``; a ValueError names an unknown kind or option."""
    cls = registry().get(kind)
    if cls is None:
        raise ValueError(f'unknown check "{kind}"')
    known = {f.name for f in dataclasses.fields(cls)}
    unknown = sorted(set(options) - known)
    if unknown:
        raise ValueError(f'check "{kind}" has no option {", ".join(unknown)}')
    check: Check = cls(**tuples(options))
    return check


def tuples(options: Mapping[str, Any]) -> dict[str, Any]:
    """TOML data as a frozen dataclass takes it: each array a tuple (nested values are kept)."""
    return {key: tuple(value) if isinstance(value, list) else value for key, value in options.items()}
