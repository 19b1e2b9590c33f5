"""Loading a pack: TOML text, its ``extends`` chain, then the typed and validated :class:`Pack`."""

from __future__ import annotations

import dataclasses
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from spec_lint.pack.assembly import assemble
from spec_lint.pack.finding import find_pack, pack_names
from spec_lint.pack.merge import base, merge
from spec_lint.pack.names import did_you_mean
from spec_lint.pack.origins import Origins
from spec_lint.pack.raw import check_shape
from spec_lint.pack.references import Removal
from spec_lint.pack.schema import Pack, PackError

BUILTIN = "dynamo-component"
# A file of the chain: its origin (as messages name it), its data and its folder.
Link = tuple[str, Mapping[str, Any], Path]


def builtin_pack(name: str = BUILTIN) -> Pack:
    """A pack by name: shipped with spec-lint or installed by a plugin."""
    path = find_pack(name)
    if path is None:
        raise PackError(f'unknown pack "{name}"{did_you_mean(name, pack_names())} '
                        f"(expected one of {', '.join(pack_names())}, or a file)")
    return load_pack_text(_read(path, f"{name}.toml"), f"{name}.toml", path.parent)


def pack_from(reference: str, base_dir: Path = Path()) -> Pack:
    """The pack a user names: a pack name (``dynamo-component``) or a TOML file, relative to
    ``base_dir`` (a configuration file's folder) unless absolute."""
    if _is_name(reference):
        return builtin_pack(reference)
    return load_pack(base_dir / reference)


def _is_name(reference: str) -> bool:
    return "/" not in reference and not reference.endswith(".toml") and reference in pack_names()


def load_pack(path: Path) -> Pack:
    """A pack from a TOML file; raises ``PackError`` saying where and why it is wrong."""
    return load_pack_text(_read(path, str(path)), str(path), path.parent)


def load_pack_text(text: str, origin: str, base_dir: Path | None = None) -> Pack:
    return load_pack_data(_toml(text, origin), origin, base_dir)


def load_pack_data(data: Mapping[str, Any], origin: str, base_dir: Path | None = None) -> Pack:
    here = base_dir or Path.cwd()
    chain = _chain(data, origin, here, ((str((here / Path(origin).name).resolve()), origin),))
    origins = Origins(origin)
    merged = base(chain[0][1], chain[0][0], origins)
    removals: tuple[Removal, ...] = ()
    for child_origin, child, _ in chain[1:]:
        merged, removed = merge(merged, child, child_origin, origins)
        removals += removed
    return dataclasses.replace(assemble(merged, origins, removals), sample=_document(chain, "sample"),
                               template=_document(chain, "template"))


def _document(chain: list[Link], key: str) -> Path | None:
    """The document (``sample``, ``template``) the last file naming one gives, relative to that file."""
    given = [(folder, link["pack"][key]) for _, link, folder in chain if key in link.get("pack", {})]
    return given[-1][0] / given[-1][1] if given else None


def _chain(data: Mapping[str, Any], origin: str, base_dir: Path, seen: tuple[tuple[str, str], ...]) -> list[Link]:
    """The files from the base pack down to this one, each checked for its shape when read."""
    meta = check_shape(data, origin).pack
    if meta.extends is None:
        return [(origin, data, base_dir)]
    if meta.name is None:
        raise PackError(f'{origin}: pack.name: missing (expected name = "..."; a pack names itself)')
    text, parent_origin, parent_dir, key = _parent(meta.extends, origin, base_dir)
    if key in (k for k, _ in seen):
        raise PackError(f"{origin}: pack.extends: a cycle ({' -> '.join((*(o for _, o in seen), parent_origin))})")
    parents = _chain(_toml(text, parent_origin), parent_origin, parent_dir, (*seen, (key, parent_origin)))
    pack = {k: v for k, v in data["pack"].items() if k != "extends"}
    return [*parents, (origin, {**data, "pack": pack}, base_dir)]


def _parent(name: str, origin: str, base_dir: Path) -> tuple[str, str, Path, str]:
    """The text, origin, folder and resolved identity of the pack that ``extends`` names."""
    found = find_pack(name) if _is_name(name) else None
    if found is not None:
        return _read(found, f"{name}.toml"), f"{name}.toml", found.parent, f"pack {name}"
    path = base_dir / name
    if not path.is_file():
        known = ", ".join(pack_names())
        raise PackError(f'{origin}: pack.extends: unknown pack "{name}"{_suggestion(name, base_dir)} '
                        f"(expected a built-in pack ({known}) or a file relative to this one)")
    return _read(path, origin), str(path), path.parent, str(path.resolve())


def _suggestion(name: str, base_dir: Path) -> str:
    if (base_dir / f"{name}.toml").is_file():
        return f' (did you mean "{name}.toml"?)'
    return did_you_mean(name, [*pack_names(), *(p.name for p in base_dir.glob("*.toml"))])


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
