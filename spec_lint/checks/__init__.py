"""Check kinds: small typed classes whose fields are their options.

A check is registered under a kind name with :func:`register`; a pack binds a kind to a rule
code with options, which are converted and validated by the field annotations. Checks receive
a :class:`~spec_lint.context.Context` and yield violations; a project check instead collects
facts from each spec and compares them across the specs of the project.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, runtime_checkable

from spec_lint.pack.options import build
from spec_lint.pack.references import Scope
from spec_lint.plugins import CHECKS_GROUP, import_plugin, plugins

if TYPE_CHECKING:
    from spec_lint.context import Context
    from spec_lint.findings import Violation


class Check(Protocol):
    def check(self, ctx: Context) -> Iterable[Violation]: ...


@dataclass(frozen=True, slots=True)
class Spec:
    """One spec of a project as a project check sees it: the name messages give it, its
    component, and what the check collected from it."""

    name: str
    component: str
    facts: Any


@runtime_checkable
class ProjectCheck(Protocol):
    """A check across specs: ``collect`` keeps the little it needs of one document (the
    project's other specs are read for it, not kept), ``compare`` yields, for the specs of
    one pack in path order, the index of each spec it reports and the violation in it."""

    def collect(self, ctx: Context) -> Any: ...

    def compare(self, specs: Sequence[Spec]) -> Iterable[tuple[int, Violation]]: ...


CheckType = TypeVar("CheckType", bound=type)
_REGISTRY: dict[str, type] = {}


def register(kind: str) -> Callable[[CheckType], CheckType]:
    """A class decorator: packs name the decorated check ``kind``. Built-in and plugin checks go
    through here alike, so two classes claiming one kind is an error, not a shadowing."""
    def add(cls: CheckType) -> CheckType:
        known = _REGISTRY.get(kind)
        if known is not None and _origin(known) != _origin(cls):
            raise ValueError(f'check kind "{kind}" registered twice: by {_origin(known)} and by {_origin(cls)}')
        _REGISTRY[kind] = cls
        return cls

    return add


def _origin(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def registry() -> dict[str, type]:
    """Every check class by kind, once the built-in and the plugins' check modules are imported."""
    _import_checks()
    return _REGISTRY


@functools.cache
def _import_checks() -> None:
    """Import the check modules, once: a pack looks up a kind for each of its rules. Built-in
    modules are found in this package (no install needed); plugins by their entry points."""
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")
    for plugin in plugins(CHECKS_GROUP):
        import_plugin(plugin)


def check_class(kind: str) -> type | None:
    return registry().get(kind)


def build_check(cls: type, options: Mapping[str, Any], scope: Scope) -> Check | ProjectCheck:
    """The check ``cls`` with a pack's ``options``, converted as its field annotations say."""
    check: Check | ProjectCheck = build(cls, options, scope)
    return check
