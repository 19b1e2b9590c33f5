"""Resolving what options and template data name: sections, tables, columns, value sets, parameters."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from spec_lint.pack.markers import table_option
from spec_lint.pack.names import did_you_mean, names_section, section_paths
from spec_lint.pack.params import BUILTINS, LISTS, REFERENCE, SAMPLE_COMPONENT, references, render
from spec_lint.pack.schema import Param
from spec_lint.template import TemplateSection, TemplateTable, ValueSet, section_path
from spec_lint.titles import normalize_column

_PARAM = '"{{{}}}"'  # a parameter as a message shows it: "{name}"
# The references that name an item, with what an empty one should have named.
_NAMES = {"table": "a table name", "column": "a column name", "section": "a section title",
          "value set": "a value set name"}


@dataclass(frozen=True, slots=True)
class Removal:
    """A section or table that ``[remove]`` dropped (a section with the paths of its subtree):
    what may no longer be named."""

    origin: str
    kind: str  # "sections" or "tables"
    text: str
    paths: tuple[tuple[str, ...], ...] = ()

    @property
    def item(self) -> str:
        return self.kind.removesuffix("s")


@dataclass(frozen=True, slots=True)
class Scope:
    """What a pack's references resolve against. A reference to a section that ``[remove]``
    dropped is noted in ``uses`` (with the ``dependent`` item) so that the removal is blamed."""

    sections: tuple[TemplateSection, ...]
    tables: Mapping[str, TemplateTable]
    value_sets: Mapping[str, ValueSet]
    params: Mapping[str, Param]
    removed: tuple[Removal, ...] = ()
    uses: list[tuple[Removal, str]] = field(default_factory=list)
    dependent: str = ""

    def problem(self, kind: str, value: str, option: str, siblings: Mapping[str, object], in_list: bool = False) -> str:
        """What is wrong with ``value``, a reference of ``kind`` (empty: nothing)."""
        if not value.strip() and kind in _NAMES:
            return f"an empty name (expected {_NAMES[kind]})"
        if kind == "column":
            return self.column_problem(siblings.get(table_option(option)), value)
        if kind == "template":
            return self.template_problem(value, in_list)
        checks = {
            "table": self.table_problem,
            "section": self.section_problem,
            "value set": self.value_set_problem,
            "pattern": self.pattern_problem,
            "regex": regex_problem,
        }
        return checks[kind](value)

    def table_problem(self, name: str) -> str:
        if name in self.tables or self._uses_removed(lambda r: r.kind == "tables" and r.text == name):
            return ""
        return f'unknown table "{name}"{did_you_mean(name, self.tables)}'

    def _uses_removed(self, names: Callable[[Removal], bool]) -> bool:
        """Note a use of a removed item, which the removal is blamed for once every item is read."""
        removal = next((r for r in self.removed if names(r)), None)
        if removal is not None:
            self.uses.append((removal, self.dependent))
        return removal is not None

    def column_problem(self, table: object, column: str) -> str:
        table_def = self.tables.get(table) if isinstance(table, str) else None
        if table_def is None or normalize_column(column) in map(normalize_column, table_def.columns):
            return ""  # an unknown table is reported as such
        return f'table "{table}" has no column "{column}"{did_you_mean(column, table_def.columns)}'

    def section_problem(self, text: str) -> str:
        missing = self.unknown_section(text)
        return "" if missing is None else f'unknown section "{text}"{missing}'

    def unknown_section(self, text: str) -> str | None:
        """None when ``text`` names a template section, else a did-you-mean (maybe empty)."""
        paths = list(section_paths(self.sections))
        if names_section(text, paths):
            return None
        if self._uses_removed(lambda r: r.kind == "sections" and names_section(text, r.paths)):
            return None
        one = len(section_path(text)) == 1
        return did_you_mean(text, [" > ".join(p) for p in paths] + ([p[-1] for p in paths] if one else []))

    def value_set_problem(self, name: str) -> str:
        return "" if name in self.value_sets else f'unknown value set "{name}"{did_you_mean(name, self.value_sets)}'

    def template_problem(self, text: str, in_list: bool = False) -> str:
        known = [*BUILTINS, *self.params]
        unknown = [name for name in references(text) if name not in known]
        if not unknown:
            return self._list_problem(text, in_list)
        return f'unknown parameter "{{{unknown[0]}}}"{did_you_mean(unknown[0], known, _PARAM)}'

    def _list_problem(self, text: str, in_list: bool) -> str:
        """A list parameter stands alone, as an item of a list of templates, where it expands."""
        lists = [name for name in references(text) if name in self.params and self.params[name].type in LISTS]
        if not lists or (in_list and REFERENCE.fullmatch(text)):
            return ""
        return f'parameter "{{{lists[0]}}}" is a list (expected it alone, as an item of a list of templates)'

    def pattern_problem(self, text: str) -> str:
        return self.template_problem(text, False) or regex_problem(render(text, self.params, SAMPLE_COMPONENT, True))


def regex_problem(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as error:
        return f'invalid regular expression "{pattern}": {error}'
    return ""
