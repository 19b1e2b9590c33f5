"""The effective configuration of a run: defaults, then the configuration file, then the command
line, each value with where it came from."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spec_lint.config import codes
from spec_lint.config.discovery import ConfigError, ConfigFile, find, named
from spec_lint.config.globs import Glob, glob
from spec_lint.config.keys import dotted, parse_file
from spec_lint.config.packs import configured_pack, not_in_effect
from spec_lint.discover import Scope
from spec_lint.engine_rules import ENGINE_RULES
from spec_lint.findings import Severity
from spec_lint.pack import Pack, builtin_pack
from spec_lint.pack.finding import SHIPPED
from spec_lint.project import project_of
from spec_lint.reading import DEFAULT_MAX_FILE_SIZE
from spec_lint.settings import FileIgnore, Settings

DEFAULT, FILE, COMMAND_LINE = "default", "config file", "command line"
DEFAULTS: dict[str, Any] = {
    "select": (codes.ALL,), "ignore": (), "extend-select": (), "per-file-ignores": (), "severity": (),
    "fail-on": "error", "include": ("*.md",), "exclude": (), "require-reason": False,
    "max-file-size": DEFAULT_MAX_FILE_SIZE,
}
_LAYERED = ("ignore", "extend-select")


@dataclass(frozen=True, slots=True)
class Overrides:
    """What the command line says; None (or empty) where it says nothing."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    max_file_size: int | None = None
    require_reason: bool | None = None
    packs: tuple[Pack, ...] = ()
    config: Path | None = None
    isolated: bool = False
    force_exclude: bool = False

    def values(self) -> dict[str, Any]:
        given = {"select": self.select, "extend-select": self.extend_select or None,
                 "ignore": self.ignore or None, "fail-on": self.fail_on, "max-file-size": self.max_file_size,
                 "require-reason": self.require_reason}
        return {key: value for key, value in given.items() if value is not None}


@dataclass(frozen=True, slots=True)
class Sourced:
    value: Any
    source: str


@dataclass(frozen=True, slots=True)
class Configuration:
    """A run's configuration: the engine's ``settings``, what the CLI applies itself, and for
    ``--show-settings`` every value with its source."""

    file: Path | None
    values: Mapping[str, Sourced]
    packs: tuple[Pack, ...]
    pack_source: str
    settings: Settings
    scope: Scope
    given_params: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # The packs the configuration gives parameters, by name, as named (with their defaults).
    defaults: Mapping[str, Pack] = field(default_factory=dict)

    @property
    def fail_on(self) -> Severity:
        return Severity(self.values["fail-on"].value)


def configure(overrides: Overrides, cwd: Path, default: Callable[[], Pack] = builtin_pack) -> Configuration:
    """The configuration found from ``cwd`` (or named, or none when isolated) under ``overrides``;
    ``default`` the pack when neither names one."""
    config = None if overrides.isolated else named(overrides.config) if overrides.config else find(cwd)
    found = parse_file(config) if config else {}
    packs, pack_source, given, defaults = _packs(found, config, overrides, default)
    known = {rule.code for pack in packs for rule in pack.rules} | {rule.code for rule in ENGINE_RULES}
    _check_codes(found, config, overrides, known, {pack.name for pack in packs})
    values = _sourced(found, overrides.values())
    root = config.root if config else None
    scope = Scope(_globs(values["include"].value), _globs(values["exclude"].value), root, overrides.force_exclude)
    settings = Settings(values["max-file-size"].value, values["require-reason"].value, root,
                        _disabled(found, overrides, known), _severities(found, known), _file_ignores(found),
                        project_of(root, scope, cwd))
    return Configuration(config.path if config else None, values, packs, pack_source, settings, scope, given, defaults)


def _packs(found: Mapping[str, Any], config: ConfigFile | None, overrides: Overrides, default: Callable[[], Pack]
           ) -> tuple[tuple[Pack, ...], str, dict[str, frozenset[str]], dict[str, Pack]]:
    """The packs, which of their parameters the file gives, and those packs with their defaults;
    ``--pack`` replaces the file's packs."""
    if overrides.packs:
        return overrides.packs, COMMAND_LINE, {}, {}
    if config is None or "packs" not in found:
        return (default(),), DEFAULT, {}, {}
    packs = [(configured_pack(key, ref, params, config), params) for key, ref, params in found["packs"]]
    given = {pack.name: frozenset(key.replace("-", "_") for key in params) for (pack, _), params in packs}
    defaults = {pack.name: named for (pack, named), params in packs if params}
    return tuple(pack for (pack, _), _ in packs), FILE, given, defaults


def _check_codes(found: Mapping[str, Any], config: ConfigFile | None, overrides: Overrides,
                 known: set[str], in_effect: set[str]) -> None:
    for where, selector in _selectors(found, config, overrides):
        problem = codes.problem(selector, known, functools.partial(_elsewhere, in_effect=in_effect))
        # A file serves runs with other packs (--pack): a code of a shipped pack is no mistake there.
        if problem and (where.startswith("--") or codes.problem(selector, _shipped_codes())):
            raise ConfigError(f"{where}: {problem}")


def _shipped_codes() -> set[str]:
    return {rule.code for path in SHIPPED.glob("*.toml") for rule in builtin_pack(path.stem).rules}


def _selectors(found: Mapping[str, Any], config: ConfigFile | None,
               overrides: Overrides) -> Iterator[tuple[str, str]]:
    """Every code or prefix given, with how a message names its place."""
    if config is not None:
        where = f"{config.path}: {config.prefix}"
        for key in ("select", "ignore", "extend-select"):
            yield from ((f"{where}{key}[{i}]", selector) for i, selector in enumerate(found.get(key, ())))
        for glob_text, selectors in found.get("per-file-ignores", ()):
            place = f"{where}per-file-ignores.{dotted(glob_text)}"
            yield from ((f"{place}[{i}]", selector) for i, selector in enumerate(selectors))
        yield from ((f"{where}severity.{dotted(name)}", name) for name, _ in found.get("severity", ()))
    for option, given in (("--select", overrides.select or ()), ("--ignore", overrides.ignore),
                          ("--extend-select", overrides.extend_select)):
        yield from ((option, selector) for selector in given)


def _elsewhere(selector: str, in_effect: set[str]) -> str:
    """Which pack not in effect has the code, or else codes the prefix selects."""
    return not_in_effect(lambda rule: rule.code == selector, in_effect) or \
        not_in_effect(lambda rule: codes.matches(selector, rule.code), in_effect, "it selects rules of")


def _sourced(found: Mapping[str, Any], command_line: Mapping[str, Any]) -> dict[str, Sourced]:
    values = {key: Sourced(value, DEFAULT) for key, value in DEFAULTS.items()}
    values |= {key: Sourced(value, FILE) for key, value in found.items() if key != "packs"}
    if "select" in command_line:  # it starts afresh: the file's ignore and extend-select no longer count
        values |= {key: Sourced((), COMMAND_LINE) for key in _LAYERED}
    for key, value in command_line.items():
        # Else the command line's ignore and extend-select apply after the file's, which still count.
        layered = key in _LAYERED and values[key].source == FILE
        values[key] = Sourced((*values[key].value, *value), f"{FILE}, {COMMAND_LINE}") if layered \
            else Sourced(value, COMMAND_LINE)
    return values


def _globs(texts: Iterable[str]) -> tuple[Glob, ...]:
    return tuple(glob(text) for text in texts)


def _disabled(found: Mapping[str, Any], overrides: Overrides, known: set[str]) -> frozenset[str]:
    layers = (codes.Layer(found.get("select"), found.get("extend-select", ()), found.get("ignore", ())),
              codes.Layer(overrides.select, overrides.extend_select, overrides.ignore))
    off = {code for code in known if codes.most_specific(dict(found.get("severity", ())), code) == "off"}
    return frozenset(known - codes.enabled(layers, known)) | off


def _severities(found: Mapping[str, Any], known: set[str]) -> dict[str, Severity]:
    by_selector = dict(found.get("severity", ()))
    chosen = {code: codes.most_specific(by_selector, code) for code in known}
    return {code: Severity(value) for code, value in chosen.items() if value not in (None, "off")}


def _file_ignores(found: Mapping[str, Any]) -> tuple[FileIgnore, ...]:
    return tuple(FileIgnore(glob(pattern), tuple(selectors)) for pattern, selectors in found.get("per-file-ignores", ()))
