"""The template's own data, converted and checked against itself: sections, tables, value sets."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from spec_lint.pack.options import OptionError, build
from spec_lint.pack.references import Scope, check_keys, did_you_mean
from spec_lint.pack.schema import PackError
from spec_lint.template import Condition, TemplateSection, TemplateTable, ValueSet, section_path

_SECTION_KEYS = ("title", "required", "when", "children", "min_children")


def sections(items: list[Mapping[str, Any]], level: int, where: str = "sections") -> tuple[TemplateSection, ...]:
    return tuple(_section(item, level, where) for item in items)


def _section(item: Mapping[str, Any], level: int, where: str) -> TemplateSection:
    title = item.get("title")
    if not isinstance(title, str) or not title.strip():
        raise PackError(f"{where}: a section without a title (expected title = \"...\")")
    here = f'{where}: section "{title}"'
    check_keys(item, _SECTION_KEYS, f"{here}: ")
    data = {key: item[key] for key in ("required", "min_children") if key in item}
    built: TemplateSection = _built(TemplateSection, {"title": title, "level": level, **data}, here)
    when = item.get("when")
    condition = _built(Condition, when, here + ": when") if when is not None else None
    if condition is not None and not (condition.field.strip() and condition.equals.strip()):
        raise PackError(f"{here}: when: an empty field or value (expected when = {{field, equals}})")
    children = sections(item.get("children", []), level + 1, where)
    return TemplateSection(built.title, level, built.required, condition, children, built.min_children)


def _built(cls: type[Any], data: Any, where: str) -> Any:
    if not isinstance(data, dict):
        raise PackError(f"{where}: expected a table")
    try:
        return build(cls, data, Scope((), {}, {}, {}))
    except OptionError as error:
        raise PackError(f"{where}: {error.key}: {error.problem}") from error


def value_sets(data: Mapping[str, Any]) -> dict[str, ValueSet]:
    return {name: _built(ValueSet, item, f"value_sets.{name}") for name, item in data.items()}


def tables(data: Mapping[str, Any], scope: Scope) -> dict[str, TemplateTable]:
    return {name: _table(item, scope, f"tables.{name}") for name, item in data.items()}


def _table(item: Any, scope: Scope, where: str) -> TemplateTable:
    section = item.get("section") if isinstance(item, dict) else None
    if not isinstance(section, str):
        raise PackError(f'{where}: section: missing (expected section = "Parent > Child")')
    missing = scope.unknown_section(section)
    if missing is not None:
        raise PackError(f'{where}: section "{section}": unknown section{missing}')
    try:
        table: TemplateTable = build(TemplateTable, {**item, "section": list(section_path(section))}, scope)
    except OptionError as error:
        raise PackError(f"{where}: {error.key}: {error.problem}") from error
    _check_columns(table, where)
    return table


def _check_columns(table: TemplateTable, where: str) -> None:
    named = [*table.required, *table.values, *([table.key_column] if table.key_column else [])]
    named += [column for values in table.row_values.values() for column in values]
    for column in named:
        if column not in table.columns:
            raise PackError(f'{where}: unknown column "{column}"{did_you_mean(column, table.columns)}')
    for row in table.row_values:
        if row not in table.rows:
            raise PackError(f'{where}: row_values: unknown row "{row}"{did_you_mean(row, table.rows)}')
