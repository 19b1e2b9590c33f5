"""Loading a pack: TOML text, its ``extends`` chain, then the typed and validated :class:`Pack`."""

from __future__ import annotations

import hashlib
import json
import tomllib
from collections.abc import Callable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from spec_lint.pack import document, rules, template_data
from spec_lint.pack.merge import Data, base, merge
from spec_lint.pack.references import Scope
from spec_lint.pack.schema import Pack, PackError

BUILTIN = "dynamo-component"
Loaded = TypeVar("Loaded")


def builtin_pack(name: str = BUILTIN) -> Pack:
    """A pack shipped with spec-lint, by name."""
    return load_pack_text(_builtin_text(name), f"{name}.toml")


def load_pack(path: Path) -> Pack:
    """A pack from a TOML file; raises ``PackError`` saying where and why it is wrong."""
    return load_pack_text(_read(path, str(path)), str(path), path.parent)


def load_pack_text(text: str, origin: str, base_dir: Path | None = None) -> Pack:
    return load_pack_data(_toml(text, origin), origin, base_dir)


def load_pack_data(data: Mapping[str, Any], origin: str, base_dir: Path | None = None) -> Pack:
    merged = _merged(data, origin, base_dir or Path.cwd(), (origin,))
    return _pack(merged, origin)


def fingerprint(merged: Data) -> str:
    """The same merged data gives the same hash, whatever its key order or run."""
    canonical = json.dumps(merged, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _merged(data: Mapping[str, Any], origin: str, base_dir: Path, chain: tuple[str, ...]) -> Data:
    meta = data.get("pack", {})
    parent = meta.get("extends") if isinstance(meta, dict) else None
    if parent is None:
        return base(data, origin)
    text, parent_origin, parent_dir = _parent(str(parent), origin, base_dir)
    if parent_origin in chain:
        raise PackError(f"{origin}: pack.extends: a cycle ({' -> '.join((*chain, parent_origin))})")
    merged = _merged(_toml(text, parent_origin), parent_origin, parent_dir, (*chain, parent_origin))
    if "name" not in meta:
        raise PackError(f'{origin}: pack.name: missing (expected name = "..."; a pack names itself)')
    child = {**data, "pack": {k: v for k, v in meta.items() if k != "extends"}}
    return merge(merged, child, origin)


def _parent(name: str, origin: str, base_dir: Path) -> tuple[str, str, Path]:
    """The text, origin and folder of the pack that ``extends`` names."""
    if "/" not in name and not name.endswith(".toml") and name in builtin_names():
        return _builtin_text(name), f"{name}.toml", base_dir
    path = base_dir / name
    if not path.is_file():
        known = ", ".join(builtin_names())
        raise PackError(f'{origin}: pack.extends: unknown pack "{name}" '
                        f"(expected a built-in pack ({known}) or a file relative to this one)")
    return _read(path, origin), str(path), path.parent


def builtin_names() -> list[str]:
    files = resources.files("spec_lint.rules").iterdir()
    return sorted(f.name.removesuffix(".toml") for f in files if f.name.endswith(".toml"))


def _builtin_text(name: str) -> str:
    return resources.files("spec_lint.rules").joinpath(f"{name}.toml").read_text(encoding="utf-8")


def _read(path: Path, origin: str) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise PackError(f"{origin}: cannot read {path}: {error}") from error


def _toml(text: str, origin: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise PackError(f"{origin}: invalid TOML: {error}") from error


def _pack(merged: Data, origin: str) -> Pack:
    meta = merged.get("pack", {})
    document.check_pack_keys(meta, origin)
    params = document.params(merged.get("params", {}), origin)
    level = meta.get("section_level", 2)
    sections = _at(origin, lambda: template_data.sections(merged.get("sections", []), level if isinstance(level, int) else 2))
    value_sets = _at(origin, lambda: template_data.value_sets(merged.get("value_sets", {})))
    scope = Scope(sections, {}, value_sets, params)
    tables = _at(origin, lambda: template_data.tables(merged.get("tables", {}), scope))
    scope = Scope(sections, tables, value_sets, params)
    document.check_params(params, scope, origin)
    return Pack(
        name=meta["name"],
        description=str(meta.get("description", "")),
        document=document.document_type(meta, scope, origin),
        params=params,
        sections=sections,
        tables=tables,
        value_sets=value_sets,
        rules=rules.rules(merged.get("rules", []), scope, origin),
        fingerprint=fingerprint(merged),
    )


def _at(origin: str, load: Callable[[], Loaded]) -> Loaded:
    """``load()``, with the file named in front of a template data error."""
    try:
        return load()
    except PackError as error:
        raise PackError(f"{origin}: {error}") from error
