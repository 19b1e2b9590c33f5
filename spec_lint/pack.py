"""Rule packs: TOML data that binds checks to one document type."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from spec_lint.checks import Check, build_check, tuples
from spec_lint.findings import Severity
from spec_lint.template import Condition, TemplateSection, TemplateTable, ValueSet, section_path


class PackError(Exception):
    """A pack that cannot be loaded; the message says where and why."""


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    severity: Severity
    description: str
    check: Check


@dataclass(frozen=True, slots=True)
class Pack:
    name: str
    description: str
    title_pattern: str
    detect_title: str
    detect_field: str
    params: dict[str, Any]
    sections: tuple[TemplateSection, ...]
    tables: dict[str, TemplateTable]
    value_sets: dict[str, ValueSet]
    rules: tuple[Rule, ...]

    @property
    def top_level(self) -> int:
        """The heading level of the template's top sections."""
        return self.sections[0].level if self.sections else 1

    @property
    def all_sections(self) -> list[TemplateSection]:
        """Every section of the template, at every depth."""
        found: list[TemplateSection] = []
        pending = list(self.sections)
        while pending:
            section_def = pending.pop(0)
            found.append(section_def)
            pending.extend(section_def.children)
        return found


def builtin_pack(name: str = "dynamo-component") -> Pack:
    """A pack shipped with spec-lint, by name."""
    source = resources.files("spec_lint.rules").joinpath(f"{name}.toml")
    return load_pack_text(source.read_text(encoding="utf-8"), f"{name}.toml")


def load_pack(path: Path) -> Pack:
    """A pack from a TOML file; raises ``PackError`` saying where and why it is wrong."""
    return load_pack_text(path.read_text(encoding="utf-8"), str(path))


def load_pack_text(text: str, origin: str) -> Pack:
    try:
        data = tomllib.loads(text)
        return _pack(data)
    except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError, re.error) as error:
        raise PackError(f"{origin}: {type(error).__name__}: {error}") from error


def _pack(data: dict[str, Any]) -> Pack:
    meta = data["pack"]
    level = int(meta.get("section_level", 2))
    pack = Pack(
        name=meta["name"],
        description=meta.get("description", ""),
        title_pattern=meta["title_pattern"],
        detect_title=meta["detect"]["title_suffix"],
        detect_field=meta["detect"]["field"],
        params=dict(data.get("params", {})),
        sections=tuple(_section(item, level) for item in data.get("sections", [])),
        tables={key: _table(value) for key, value in data.get("tables", {}).items()},
        value_sets={key: ValueSet(**tuples(value)) for key, value in data.get("value_sets", {}).items()},
        rules=tuple(_rule(item) for item in data.get("rules", [])),
    )
    _validate(pack)
    return pack


def _validate(pack: Pack) -> None:
    """Catch a pack's mistakes when it loads, not on the first file that meets them."""
    re.compile(pack.title_pattern)
    re.compile(str(pack.params.get("not_applicable", "")))
    for value_set in pack.value_sets.values():
        re.compile(value_set.pattern)
    for name, table in pack.tables.items():
        used = [*table.values.values(), *(s for sets in table.row_values.values() for s in sets.values())]
        unknown = sorted(set(used) - set(pack.value_sets))
        if unknown:
            raise ValueError(f"table {name}: unknown value set {', '.join(unknown)}")


def _section(item: str | dict[str, Any], level: int) -> TemplateSection:
    if isinstance(item, str):
        return TemplateSection(item, level)
    when = item.get("when")
    return TemplateSection(
        title=item["title"],
        level=level,
        required=bool(item.get("required", True)),
        when=Condition(**when) if when else None,
        children=tuple(_section(child, level + 1) for child in item.get("children", [])),
        min_children=int(item.get("min_children", 0)),
    )


def _table(item: dict[str, Any]) -> TemplateTable:
    values = dict(item)
    values["section"] = section_path(item["section"])
    return TemplateTable(**tuples(values))


def _rule(item: dict[str, Any]) -> Rule:
    code = item["code"]
    try:
        check = build_check(item["check"], item.get("options", {}))
    except (KeyError, TypeError, ValueError) as error:
        raise ValueError(f"rule {code}: {error}") from error
    return Rule(
        code=code,
        name=item["name"],
        severity=Severity(item.get("severity", "error")),
        description=item.get("description", "").strip(),
        check=check,
    )
