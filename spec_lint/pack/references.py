"""Resolving what options and template data name: sections, tables, columns, value sets, parameters."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from spec_lint.pack.markers import table_option
from spec_lint.pack.params import BUILTINS, LISTS, REFERENCE, SAMPLE_COMPONENT, references, render
from spec_lint.pack.schema import PackError, Param
from spec_lint.template import TemplateSection, TemplateTable, ValueSet, section_path
from spec_lint.titles import normalize_column, normalize_title

_PARAM = '"{{{}}}"'  # a parameter as a message shows it: "{name}"


def did_you_mean(word: str, known: Iterable[str], shown: str = '"{}"') -> str:
    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return f" (did you mean {shown.format(close[0])}?)" if close else ""


def check_keys(data: Iterable[str], known: Sequence[str], where: str) -> None:
    """Refuse a key that is not ``known``: ``<where><key>: unknown key (did you mean ...?)``."""
    for key in data:
        if key not in known:
            raise PackError(f"{where}{key}: unknown key{did_you_mean(key, known)}")


def section_paths(sections: Iterable[TemplateSection], above: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """The path of every template section, from the top down."""
    for section_def in sections:
        path = (*above, section_def.title)
        yield path
        yield from section_paths(section_def.children, path)


@dataclass(frozen=True, slots=True)
class Scope:
    """What a pack's references resolve against."""

    sections: tuple[TemplateSection, ...]
    tables: Mapping[str, TemplateTable]
    value_sets: Mapping[str, ValueSet]
    params: Mapping[str, Param]

    def problem(self, kind: str, value: str, option: str, siblings: Mapping[str, object]) -> str:
        """What is wrong with ``value``, a reference of ``kind`` (empty: nothing)."""
        if not value:
            return ""
        if kind == "column":
            return self.column_problem(siblings.get(table_option(option)), value)
        checks = {
            "table": self.table_problem,
            "section": self.section_problem,
            "value set": self.value_set_problem,
            "template": self.template_problem,
            "pattern": self.pattern_problem,
            "regex": regex_problem,
        }
        return checks[kind](value)

    def table_problem(self, name: str) -> str:
        return "" if name in self.tables else f'unknown table "{name}"{did_you_mean(name, self.tables)}'

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
        wanted = tuple(map(normalize_title, section_path(text)))
        for path in paths:
            folded = tuple(map(normalize_title, path))
            if folded == wanted or (len(wanted) == 1 and folded[-1] == wanted[0]):
                return None
        known = [" > ".join(p) for p in paths] + ([p[-1] for p in paths] if len(wanted) == 1 else [])
        return did_you_mean(text, known)

    def value_set_problem(self, name: str) -> str:
        return "" if name in self.value_sets else f'unknown value set "{name}"{did_you_mean(name, self.value_sets)}'

    def template_problem(self, text: str) -> str:
        known = [*BUILTINS, *self.params]
        unknown = [name for name in references(text) if name not in known]
        if not unknown:
            return self._list_problem(text)
        return f'unknown parameter "{{{unknown[0]}}}"{did_you_mean(unknown[0], known, _PARAM)}'

    def _list_problem(self, text: str) -> str:
        """A list parameter stands alone, as an item of a list of templates, where it expands."""
        lists = [name for name in references(text) if name in self.params and self.params[name].type in LISTS]
        if not lists or REFERENCE.fullmatch(text):
            return ""
        return f'parameter "{{{lists[0]}}}" is a list (expected it alone, as an item of a list of templates)'

    def pattern_problem(self, text: str) -> str:
        return self.template_problem(text) or regex_problem(render(text, self.params, SAMPLE_COMPONENT, True))


def regex_problem(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as error:
        return f'invalid regular expression "{pattern}": {error}'
    return ""
