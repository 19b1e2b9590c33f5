"""``extends``: a pack as a small diff over its parent, merged into one plain data tree.

The merged tree is what a pack is built from and what its fingerprint hashes: two packs with
the same merged data are the same pack, however they were composed.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from spec_lint.pack.references import check_keys, did_you_mean
from spec_lint.pack.schema import PackError
from spec_lint.template import section_path

Data = dict[str, Any]
TOP_KEYS = ("pack", "params", "sections", "tables", "value_sets", "rules", "remove")
_SUB_TABLES = ("detect", "identity")


def check_top_keys(data: Mapping[str, Any], origin: str) -> None:
    check_keys(data, TOP_KEYS, f"{origin}: ")


def base(data: Mapping[str, Any], origin: str) -> Data:
    """A pack that extends none, in the merged tree's shape."""
    check_top_keys(data, origin)
    if "remove" in data:
        raise PackError(f"{origin}: remove: nothing to remove from (expected pack.extends)")
    for name, value in data.get("params", {}).items():
        if not isinstance(value, dict):
            raise PackError(f"{origin}: params.{name}: a plain value in a pack that extends none "
                            "(expected a declaration: a table of type, default and description)")
    merged = copy.deepcopy(dict(data))
    merged["sections"] = [_section_data(item) for item in data.get("sections", [])]
    return merged


def merge(parent: Data, child: Mapping[str, Any], origin: str) -> Data:
    """The parent with the child's changes: removals, then overrides and additions."""
    check_top_keys(child, origin)
    merged = copy.deepcopy(parent)
    _remove(merged, child.get("remove", {}), origin)
    pack = merged.setdefault("pack", {})
    for key, value in child.get("pack", {}).items():
        pack[key] = {**pack.get(key, {}), **value} if key in _SUB_TABLES and isinstance(value, dict) else value
    _merge_params(merged.setdefault("params", {}), child.get("params", {}), origin)
    for kind in ("tables", "value_sets"):
        known = merged.setdefault(kind, {})
        for name, value in child.get(kind, {}).items():
            known[name] = {**known.get(name, {}), **value}
    merged["rules"] = _merge_rules(merged.get("rules", []), child.get("rules", []))
    for item in child.get("sections", []):
        _merge_section(merged.setdefault("sections", []), _section_data(item), origin)
    return merged


def _merge_params(known: Data, given: Mapping[str, Any], origin: str) -> None:
    for name, value in given.items():
        if isinstance(value, dict):
            known[name] = value
        elif name in known:
            known[name] = {**known[name], "default": value}
        else:
            raise PackError(f"{origin}: params.{name}: unknown parameter{did_you_mean(name, known)}")


def _merge_rules(rules: list[Data], given: list[Data]) -> list[Data]:
    by_code = {rule.get("code"): rule for rule in rules}
    for rule in given:
        old = by_code.get(rule.get("code"))
        if old is None:
            rules.append(copy.deepcopy(rule))
            continue
        for key, value in rule.items():
            old[key] = {**old.get("options", {}), **value} if key == "options" else value
    return rules


def _section_data(item: str | Mapping[str, Any]) -> Data:
    """A section entry as a table, its children too: ``"Overview"`` is ``{title = "Overview"}``."""
    if isinstance(item, str):
        return {"title": item}
    data = dict(item)
    if "children" in data:
        data["children"] = [_section_data(child) for child in data["children"]]
    return data


def _siblings(sections: list[Data], path: tuple[str, ...]) -> list[Data] | None:
    """The list that holds the section at ``path`` (which need not exist yet)."""
    for title in path[:-1]:
        found = next((s for s in sections if s.get("title") == title), None)
        if found is None:
            return None
        sections = found.setdefault("children", [])
    return sections


def _merge_section(sections: list[Data], item: Data, origin: str) -> None:
    path = section_path(str(item.get("title", "")))
    siblings = _siblings(sections, path)
    if siblings is None:
        raise PackError(f'{origin}: sections: unknown parent section "{" > ".join(path[:-1])}"')
    entry = {**item, "title": path[-1]}
    where: dict[str, str] = {key: entry.pop(key) for key in ("after", "before") if key in entry}
    old = next((s for s in siblings if s.get("title") == path[-1]), None)
    if old is not None:
        old.update(entry)
        return
    siblings.insert(_position(siblings, where, origin), entry)


def _position(siblings: list[Data], where: Mapping[str, str], origin: str) -> int:
    for key, shift in (("after", 1), ("before", 0)):
        if key in where:
            titles = [s.get("title", "") for s in siblings]
            if where[key] not in titles:
                raise PackError(f'{origin}: sections: {key} "{where[key]}": unknown section'
                                f"{did_you_mean(where[key], titles)}")
            return titles.index(where[key]) + shift
    return len(siblings)


def _remove(merged: Data, remove: Mapping[str, Any], origin: str) -> None:
    removers = {"rules": _remove_rule, "sections": _remove_section, "tables": _remove_table}
    check_keys(remove, list(removers), f"{origin}: remove.")
    for kind, names in remove.items():
        remover = removers[kind]
        for name in names:
            problem = remover(merged, name)
            if problem:
                raise PackError(f"{origin}: remove.{kind}: {problem}")


def _remove_rule(merged: Data, code: str) -> str:
    codes = [rule.get("code") for rule in merged.get("rules", [])]
    if code not in codes:
        return f'unknown rule "{code}"{did_you_mean(code, map(str, codes))}'
    merged["rules"] = [rule for rule in merged["rules"] if rule.get("code") != code]
    return ""


def _remove_section(merged: Data, text: str) -> str:
    path = section_path(text)
    siblings = _siblings(merged.get("sections", []), path) or []
    kept = [s for s in siblings if s.get("title") != path[-1]]
    if len(kept) == len(siblings):
        return f'unknown section "{text}"'
    siblings[:] = kept
    return ""


def _remove_table(merged: Data, name: str) -> str:
    tables = merged.get("tables", {})
    if name not in tables:
        return f'unknown table "{name}"{did_you_mean(name, tables)}'
    del tables[name]
    return ""
