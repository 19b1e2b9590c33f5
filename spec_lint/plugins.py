"""Plugins: the entry points through which other distributions add checks and packs.

Group ``spec_lint.checks``: the value is a module, imported so that its ``@register`` classes
join the registry. Group ``spec_lint.packs``: the name is the pack's name, the value a module
whose folder holds ``<name>.toml``.
"""

from __future__ import annotations

import importlib
from importlib.metadata import EntryPoint, entry_points
from types import ModuleType

CHECKS_GROUP = "spec_lint.checks"
PACKS_GROUP = "spec_lint.packs"


class PluginError(Exception):
    """A plugin that cannot be used; the message names it and its distribution."""


def plugins(group: str) -> tuple[EntryPoint, ...]:
    """The entry points of one group, in name order (a run must not depend on install order)."""
    return tuple(sorted(entry_points(group=group), key=lambda ep: (ep.name, ep.value)))


def describe(plugin: EntryPoint) -> str:
    dist = plugin.dist.name if plugin.dist is not None else "unknown"
    return f'plugin "{plugin.name}" (distribution "{dist}", entry point group "{plugin.group}")'


def import_plugin(plugin: EntryPoint) -> ModuleType:
    """The entry point's module, imported; any failure of the import is a ``PluginError``."""
    try:
        return importlib.import_module(plugin.module)
    except Exception as error:
        raise PluginError(f'cannot import {describe(plugin)}: {error!r} (expected an importable module '
                          f'"{plugin.module}"; reinstall or uninstall the plugin)') from error
