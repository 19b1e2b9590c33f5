"""``--show-settings PATH``: the configuration in effect for one path, each value with its source."""

from __future__ import annotations

from pathlib import Path

from spec_lint.cli.toml_text import toml_key, toml_value
from spec_lint.config.resolve import DEFAULT, FILE, Configuration
from spec_lint.engine_rules import ENGINE_RULES, EngineRule
from spec_lint.pack import Pack, Rule

_TABLES = ("per-file-ignores", "severity")
_COLUMN = 48


def settings_text(path: Path, config: Configuration) -> str:
    root = config.settings.root
    lines = [f"# settings for {path}", f"# configuration file: {config.file or 'none (defaults only)'}",
             f"# root (of per-file-ignores, include and exclude): {root or 'the current folder'}"]
    for key, sourced in config.values.items():
        value = dict(sourced.value) if key in _TABLES else sourced.value
        lines.append(_line(key, value, sourced.source))
    lines.append(_line("packs", [pack.name for pack in config.packs], config.pack_source))
    lines.append(f"# not reported in {path}: {', '.join(sorted(_off_here(path, config))) or 'none'}")
    for pack in config.packs:
        lines.extend(["", f"[packs.{toml_key(pack.name)}]", *_params(pack, config)])
    return "\n".join(lines)


def _line(key: str, value: object, source: str) -> str:
    return f"{f'{toml_key(key)} = {toml_value(value)}':<{_COLUMN}} # {source}"


def _params(pack: Pack, config: Configuration) -> list[str]:
    given = config.given_params.get(pack.name, frozenset())
    return [_line(name.replace("_", "-"), param.value, FILE if name in given else f"{DEFAULT} (the pack's)")
            for name, param in pack.params.items()]


def _off_here(path: Path, config: Configuration) -> set[str]:
    """The codes not checked in ``path``: off everywhere, or by a per-file-ignore that matches it."""
    rules: list[Rule | EngineRule] = [*ENGINE_RULES, *(rule for pack in config.packs for rule in pack.rules)]
    return {rule.code for rule in rules if not config.settings.runs(rule.code, str(path))}
