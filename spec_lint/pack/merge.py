"""``extends``: a pack as a small diff over its parent, merged into one plain data tree.

The merged tree is what a pack is built from and what its fingerprint hashes: two packs with
the same merged data are the same pack, however they were composed. Each file's data has the
shape ``raw`` describes (checked when it was read); the merge notes in ``Origins`` which file
gave each item.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from spec_lint.pack.names import did_you_mean
from spec_lint.pack.origins import Origins, section_key
from spec_lint.pack.params import value_problem
from spec_lint.pack.references import Removal
from spec_lint.pack.removal import remove
from spec_lint.pack.schema import PackError
from spec_lint.pack.section_merge import Data, entry_paths, merge_section, section_data

_SUB_TABLES = ("detect", "identity")
_NAMED = ("params", "tables", "value_sets")


def base(data: Mapping[str, Any], origin: str, origins: Origins) -> Data:
    """A pack that extends none, in the merged tree's shape."""
    if "remove" in data:
        raise PackError(f"{origin}: remove: nothing to remove from (expected pack.extends)")
    for name, value in data.get("params", {}).items():
        if not isinstance(value, dict):
            raise PackError(f"{origin}: params.{name}: a plain value in a pack that extends none "
                            "(expected a declaration: a table of type, default and description)")
    merged = copy.deepcopy(dict(data))
    merged["sections"] = [section_data(item) for item in data.get("sections", [])]
    _mark(origins, merged, origin)
    return merged


def merge(parent: Data, child: Mapping[str, Any], origin: str, origins: Origins) -> tuple[Data, tuple[Removal, ...]]:
    """The parent with the child's changes: removals, then overrides and additions."""
    merged = copy.deepcopy(parent)
    removals = remove(merged, child.get("remove", {}), origin)
    _merge_pack(merged.setdefault("pack", {}), child.get("pack", {}))
    _merge_params(merged.setdefault("params", {}), child.get("params", {}), origins, origin)
    for kind in ("tables", "value_sets"):
        _merge_keys(merged.setdefault(kind, {}), child.get(kind, {}))
    merged["rules"] = _merge_rules(merged.get("rules", []), child.get("rules", []))
    sections = [section_data(item) for item in child.get("sections", [])]
    for item in sections:
        merge_section(merged.setdefault("sections", []), item, origin)
    _mark(origins, {**child, "sections": sections}, origin)
    return merged, removals


def _mark(origins: Origins, data: Mapping[str, Any], origin: str) -> None:
    for kind in _NAMED:
        origins.mark(kind, data.get(kind, {}), origin)
    origins.mark("pack", data.get("pack", {}), origin)
    origins.mark("rules", (str(rule["code"]) for rule in data.get("rules", [])), origin)
    origins.mark("sections", map(section_key, entry_paths(data.get("sections", []))), origin)


def _merge_pack(pack: Data, given: Mapping[str, Any]) -> None:
    for key, value in given.items():
        pack[key] = {**pack.get(key, {}), **value} if key in _SUB_TABLES else value


def _merge_keys(known: Data, given: Mapping[str, Mapping[str, Any]]) -> None:
    """Tables and value sets: the keys given replace the parent's, a new name adds one."""
    for name, value in given.items():
        known[name] = {**known.get(name, {}), **value}


def _merge_params(known: Data, given: Mapping[str, Any], origins: Origins, origin: str) -> None:
    for name, value in given.items():
        where = f"{origin}: params.{name}"
        if name not in known and not isinstance(value, dict):
            raise PackError(f"{where}: unknown parameter{did_you_mean(name, known)}")
        if isinstance(value, dict):
            _check_redeclared(known.get(name), value, origins.of("params", name), where)
            known[name] = value
        elif problem := value_problem(known[name]["type"], value):
            raise PackError(f"{where}{problem}")
        else:
            known[name] = {**known[name], "default": value}


def _check_redeclared(old: Mapping[str, Any] | None, new: Mapping[str, Any], first: str, where: str) -> None:
    """A child may declare a parameter again (a new default, a new description), not retype it."""
    if old is not None and old["type"] != new["type"]:
        raise PackError(f'{where}: declared again as "{new["type"]}" (first declared as "{old["type"]}" '
                        f"in {first}; expected the same type, or a plain value to override it)")


def _merge_rules(rules: list[Data], given: list[Data]) -> list[Data]:
    by_code = {rule["code"]: rule for rule in rules}
    for rule in given:
        old = by_code.get(rule["code"])
        if old is None:
            rules.append(copy.deepcopy(rule))
            continue
        for key, value in rule.items():
            old[key] = {**old.get("options", {}), **value} if key == "options" else value
    return rules
