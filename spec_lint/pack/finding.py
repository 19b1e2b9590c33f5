"""Which pack a name means: one shipped in spec-lint's ``rules/`` folder or one a plugin installs.

Both kinds are found here, by the one lookup that ``--pack NAME``, ``extends = "NAME"`` and a
configuration's ``packs`` use. A plugin pack is the entry point ``NAME = "module"`` of the
group ``spec_lint.packs``, with ``NAME.toml`` in that module's folder.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING

from spec_lint.plugins import PACKS_GROUP, PluginError, describe, import_plugin, plugins

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

# A folder: spec-lint is installed unzipped (and importlib.resources would cost a run some 6 ms).
SHIPPED = Path(importlib.import_module("spec_lint.rules").__file__ or "").parent


def pack_names() -> list[str]:
    """Every pack a name can find, shipped or from a plugin, sorted."""
    return sorted({*_shipped(), *_plugin_packs()})


def find_pack(name: str) -> Path | None:
    """The TOML file of the pack called ``name``; None when no pack has that name."""
    plugin = _plugin_packs().get(name)
    if plugin is not None:
        return _plugin_file(plugin)
    return SHIPPED / f"{name}.toml" if name in _shipped() else None


def _shipped() -> list[str]:
    return [path.stem for path in SHIPPED.glob("*.toml")]


def _plugin_packs() -> dict[str, EntryPoint]:
    """The plugin packs by name; a name that two plugins, or a plugin and spec-lint, give is an error."""
    found: dict[str, EntryPoint] = {}
    for plugin in plugins(PACKS_GROUP):
        if plugin.name in found or plugin.name in _shipped():
            other = describe(found[plugin.name]) if plugin.name in found else "a pack shipped with spec-lint"
            raise PluginError(f'{describe(plugin)}: pack "{plugin.name}" is also given by {other} '
                              "(expected one pack of each name; uninstall one of them)")
        found[plugin.name] = plugin
    return found


def _plugin_file(plugin: EntryPoint) -> Path:
    module = import_plugin(plugin)
    path = Path(module.__file__ or "").parent / f"{plugin.name}.toml"
    if not module.__file__ or not path.is_file():
        raise PluginError(f'{describe(plugin)}: no pack file "{path.name}" in the folder of module '
                          f'"{plugin.module}" (expected {path})')
    return path
