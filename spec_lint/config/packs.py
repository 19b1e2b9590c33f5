"""``packs``: the packs a configuration names, with the parameters it gives them.

Parameters are checked as an extending pack's ``[params]`` are: the configuration becomes a pack
that extends the named one (``load_pack_data``), after its keys (kebab-case or snake_case) are
matched to the declared parameters and their values to the declared types.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from pathlib import Path
from typing import Any

from spec_lint.config.discovery import ConfigError, ConfigFile
from spec_lint.pack import Pack, PackError, Rule, load_pack, load_pack_data
from spec_lint.pack.finding import find_pack, pack_names
from spec_lint.pack.names import did_you_mean
from spec_lint.pack.params import value_problem
from spec_lint.plugins import PluginError


def configured_pack(key: str, ref: str, params: Mapping[str, Any], config: ConfigFile) -> tuple[Pack, Pack]:
    """The pack ``ref`` names (a built-in or entry-point name, or a path relative to the file),
    given at ``packs<key>``: with the parameters given there, and as named (with its defaults)."""
    where = f"{config.path}: {config.prefix}packs{key}"
    pack = _named(ref, config.root, where)
    return (_with_params(pack, ref, params, config, where) if params else pack), pack


def _with_params(pack: Pack, ref: str, params: Mapping[str, Any], config: ConfigFile, where: str) -> Pack:
    given = _declared(pack, params, where)
    parent = str((config.root / ref).resolve()) if _is_path(ref) else ref
    data = {"pack": {"name": pack.name, "extends": parent}, "params": given}
    try:
        return load_pack_data(data, str(config.path), config.root)
    except PackError as error:
        raise ConfigError(f"{where}: {error}") from None


def _is_path(ref: str) -> bool:
    return "/" in ref or ref.endswith(".toml")


def _named(ref: str, root: Path, where: str) -> Pack:
    try:
        if _is_path(ref):
            return load_pack(root / ref)
        path = find_pack(ref)
        if path is None:
            raise FileNotFoundError(ref)
        return load_pack(path)
    except FileNotFoundError:
        known = pack_names()
        files = [path.name for path in root.glob("*.toml")]
        raise ConfigError(f'{where}: unknown pack "{ref}"{did_you_mean(ref, [*known, *files])} (expected a built-in pack '
                          f'({", ".join(known)}), an installed plugin\'s pack or a path such as '
                          f'"./lint/our-pack.toml")') from None
    except (PackError, PluginError) as error:
        raise ConfigError(f"{where}: bad rule pack: {error}") from None


def _declared(pack: Pack, params: Mapping[str, Any], where: str) -> dict[str, Any]:
    """The parameters by their declared names, each of its declared type."""
    given: dict[str, Any] = {}
    for key, value in params.items():
        name = key.replace("-", "_")
        if name not in pack.params:
            kebab = [known.replace("_", "-") for known in pack.params]
            raise ConfigError(f"{where}.{key}: unknown parameter of pack \"{pack.name}\""
                              f"{did_you_mean(key.replace('_', '-'), kebab)}")
        if name in given:
            raise ConfigError(f"{where}.{key}: given twice (as {name} and {name.replace('_', '-')})")
        if problem := value_problem(pack.params[name].type, value):
            raise ConfigError(f"{where}.{key}{problem}")
        given[name] = value
    return given


def not_in_effect(wanted: Callable[[Rule], bool], in_effect: Collection[str], what: str = "it is a rule of") -> str:
    """Why a code that no pack in effect has is unknown, when a shipped or installed pack not in
    effect has such a rule: a clause for the message; else ""."""
    for name in (name for name in pack_names() if name not in in_effect):
        if any(wanted(rule) for rule in _rules_of(name)):
            return (f': {what} the pack "{name}", which is not in effect (use --pack {name}, '
                    'or packs = [...] in the configuration)')
    return ""


def _rules_of(name: str) -> tuple[Rule, ...]:
    path = find_pack(name)
    try:
        return load_pack(path).rules if path else ()
    except (PackError, PluginError):  # a broken pack is reported when it is used, not in a hint
        return ()
