"""The template's own data, converted and checked against itself: sections, tables, value sets."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from spec_lint.pack.names import did_you_mean
from spec_lint.pack.options import OptionError, build
from spec_lint.pack.origins import Origins, section_key
from spec_lint.pack.references import Scope
from spec_lint.pack.schema import PackError
from spec_lint.template import Condition, TemplateSection, TemplateTable, ValueSet, section_path
from spec_lint.titles import normalize_column, normalize_title


def sections(items: list[Mapping[str, Any]], level: int, origins: Origins, qualified: bool = False,
             above: tuple[str, ...] = ()) -> tuple[TemplateSection, ...]:
    """The template's sections from ``level`` down; ``qualified``: a qualifier may follow a name."""
    return tuple(_section(item, level, origins, qualified, above) for item in items)


def _section(item: Mapping[str, Any], level: int, origins: Origins, qualified: bool,
             above: tuple[str, ...]) -> TemplateSection:
    title = str(item["title"])
    path = (*above, title)
    here = f'{origins.of("sections", section_key(path))}: sections: section "{title}"'
    # Each key's type was checked when its file was read (raw.SectionEntry).
    when = item.get("when")
    condition = Condition(**when) if when is not None else None
    if condition is not None and not (condition.field.strip() and condition.equals.strip()):
        raise PackError(f"{here}: when: an empty field or value (expected when = {{field, equals}})")
    children = sections(item.get("children", []), level + 1, origins, qualified, path)
    aliases = tuple(item.get("aliases", ()))
    if any(not alias.strip() for alias in aliases):
        raise PackError(f'{here}: aliases: an empty alias (expected aliases = ["Other Name", ...])')
    return TemplateSection(title, level, item.get("required", True), condition, children,
                           item.get("min_children", 0), aliases, qualified)


def _built(cls: type[Any], data: Any, where: str, scope: Scope | None = None) -> Any:
    try:
        return build(cls, data, scope or Scope((), {}, {}, {}))
    except OptionError as error:
        raise PackError(f"{where}: {error.key}: {error.problem}") from error


def value_sets(data: Mapping[str, Any], origins: Origins) -> dict[str, ValueSet]:
    return {name: _built(ValueSet, item, f"{origins.of('value_sets', name)}: value_sets.{name}")
            for name, item in data.items()}


def tables(data: Mapping[str, Any], scope: Scope, origins: Origins) -> dict[str, TemplateTable]:
    return {name: _table(item, dataclasses.replace(scope, dependent=f"tables.{name}"),
                         f"{origins.of('tables', name)}: tables.{name}") for name, item in data.items()}


def _table(item: Mapping[str, Any], scope: Scope, where: str) -> TemplateTable:
    section = item.get("section")
    if section is None or not section.strip():
        raise PackError(f'{where}: section: missing (expected section = "Parent > Child")')
    missing = scope.unknown_section(section)
    if missing is not None:
        raise PackError(f'{where}: section "{section}": unknown section{missing}')
    table: TemplateTable = _built(TemplateTable, {**item, "section": list(section_path(section))}, where, scope)
    _check_columns(table, where)
    return table


def _check_columns(table: TemplateTable, where: str) -> None:
    named = [*table.required, *table.values, *([table.key_column] if table.key_column else [])]
    named += [column for values in table.row_values.values() for column in values]
    known = list(map(normalize_column, table.columns))
    for column in named:
        if normalize_column(column) not in known:
            raise PackError(f'{where}: unknown column "{column}"{did_you_mean(column, table.columns)}')
    rows = list(map(normalize_title, table.rows))
    for row in table.row_values:
        if normalize_title(row) not in rows:
            raise PackError(f'{where}: row_values: unknown row "{row}"{did_you_mean(row, table.rows)}')
