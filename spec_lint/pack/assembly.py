"""The merged data of a pack's files, typed and validated into a :class:`Pack`."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Mapping
from typing import Any

from spec_lint.pack import document, rules, template_data
from spec_lint.pack.origins import Origins
from spec_lint.pack.references import Removal, Scope
from spec_lint.pack.removal import used_removals
from spec_lint.pack.schema import Pack, Param


def assemble(merged: Mapping[str, Any], origins: Origins, removals: tuple[Removal, ...]) -> Pack:
    meta = merged.get("pack", {})
    document.check_pack_keys(meta, origins)
    params = document.params(merged.get("params", {}), origins)
    levels = document.section_levels(meta, origins)
    scope = _scope(merged, levels[0], params, origins, removals)
    document.check_params(params, scope, origins)
    pack = Pack(
        name=meta["name"],
        description=str(meta.get("description", "")),
        document=document.document_type(meta, levels, scope, origins),
        params=params,
        sections=scope.sections,
        tables=scope.tables,
        value_sets=scope.value_sets,
        rules=rules.rules(merged.get("rules", []), scope, origins),
        fingerprint=fingerprint(merged),
    )
    used_removals(scope.uses)
    return pack


def _scope(merged: Mapping[str, Any], level: int, params: Mapping[str, Param], origins: Origins,
           removals: tuple[Removal, ...]) -> Scope:
    """The template's sections, value sets and tables, each checked against those before it."""
    qualified = bool(merged.get("pack", {}).get("heading_qualifiers", False))
    sections = template_data.sections(merged.get("sections", []), level, origins, qualified)
    value_sets = template_data.value_sets(merged.get("value_sets", {}), origins)
    scope = Scope(sections, {}, value_sets, params, removals)
    return dataclasses.replace(scope, tables=template_data.tables(merged.get("tables", {}), scope, origins))


def fingerprint(merged: Mapping[str, Any]) -> str:
    """The same merged data gives the same hash, whatever its key order or run."""
    canonical = json.dumps(merged, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
