"""Plugins: the entry points through which other distributions add checks and packs.

Group ``spec_lint.checks``: the value is a module, imported so that its ``@register`` classes
join the registry. Group ``spec_lint.packs``: the name is the pack's name, the value a module
whose folder holds ``<name>.toml``.
"""

from __future__ import annotations

import functools
import importlib
import os
import sys
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

CHECKS_GROUP = "spec_lint.checks"
PACKS_GROUP = "spec_lint.packs"
_DISTRIBUTIONS = (".dist-info", ".egg-info")


class PluginError(Exception):
    """A plugin that cannot be used; the message names it and its distribution."""


def plugins(group: str) -> tuple[EntryPoint, ...]:
    """The entry points of one group, in name order (a run must not depend on install order)."""
    texts = _entry_point_texts(tuple(sys.path), os.getcwd())
    if texts is not None and not any(group in text for text in texts):
        return ()  # what a run without plugins costs: no importlib.metadata (some 30 ms)
    from importlib.metadata import entry_points

    return tuple(sorted(entry_points(group=group), key=lambda ep: (ep.name, ep.value)))


@functools.lru_cache(maxsize=4)
def _entry_point_texts(path: tuple[str, ...], cwd: str) -> tuple[str, ...] | None:
    """The text of each ``entry_points.txt`` of the distributions in the folders of ``path``, as
    importlib.metadata finds them (``cwd`` for the folder "" means); None when distributions may be found elsewhere too (a zip
    file on the path, another finder), where only importlib.metadata can say."""
    if any(getattr(finder, "find_distributions", None) for finder in sys.meta_path if finder.__module__ !=
           "_frozen_importlib_external") or any(os.path.isfile(entry) for entry in path):
        return None
    return tuple(text for folder in path for text in _folder_texts(folder or cwd))


def _folder_texts(folder: str) -> list[str]:
    try:
        names = [name for name in os.listdir(folder) if name.lower().endswith(_DISTRIBUTIONS)]
    except OSError:
        return []
    return [text for text in (_read(os.path.join(folder, name, "entry_points.txt")) for name in names) if text]


def _read(path: str) -> str:
    try:
        with open(path, encoding="utf-8", errors="replace") as file:
            return file.read()
    except OSError:
        return ""


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
