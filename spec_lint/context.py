"""What a check sees of one file: its document, its pack and its component."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar, cast

from spec_lint.blocks import Table
from spec_lint.detection import title_of
from spec_lint.model import Document, Section
from spec_lint.pack.params import render, render_list
from spec_lint.placeholders import Placeholders
from spec_lint.titles import title_matches

if TYPE_CHECKING:
    from spec_lint.pack import Pack
    from spec_lint.template import TemplateTable

Fact = TypeVar("Fact")


def placeholders_of(pack: Pack) -> Placeholders:
    """The placeholders of the pack's template, from its (optional) parameters."""
    ellipsis = pack.params.get("placeholder_ellipsis")
    return Placeholders(
        code_names=pack.strings("placeholder_names"),
        texts=pack.strings("placeholder_texts"),
        ignored=pack.strings("not_placeholders"),
        items=pack.strings("placeholder_items"),
        ellipsis=ellipsis is None or ellipsis.value is True,
    )


@dataclass(frozen=True, slots=True)
class Context:
    path: Path
    doc: Document
    pack: Pack
    component: str
    placeholders: Placeholders
    # What several checks read of the document (unclosed fences, ...), worked out once per file.
    facts: dict[str, object] = field(default_factory=dict, compare=False, repr=False)
    # The placeholders of each prose text asked about: a cell is asked about by several checks.
    prose_placeholders: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, repr=False)

    def fact(self, name: str, compute: Callable[[], Fact]) -> Fact:
        """The document fact ``name``: computed by the first check that asks, then kept."""
        if name not in self.facts:
            self.facts[name] = compute()
        return cast(Fact, self.facts[name])

    def render(self, template: str) -> str:
        """``{<param>}``, ``{component}``, ``{COMPONENT}`` and ``{component-}`` filled in."""
        return render(template, self.pack.params, self.component)

    def render_pattern(self, template: str) -> str:
        """A pattern filled in, every value but a ``pattern`` parameter's ``re.escape``d."""
        return render(template, self.pack.params, self.component, as_pattern=True)

    def render_list(self, templates: Sequence[str]) -> list[str]:
        """Templates rendered; an item that is exactly ``{list_param}`` expands to its items."""
        return render_list(templates, self.pack.params, self.component)

    def param(self, name: str) -> str:
        """A declared text parameter, rendered (a ``string`` parameter is literal text)."""
        if name not in self.pack.params:
            raise KeyError(f'undeclared parameter "{name}"')
        return self.render(f"{{{name}}}")

    def param_list(self, name: str) -> list[str]:
        """A declared list parameter, its templates rendered."""
        return self.render_list([f"{{{name}}}"]) if name in self.pack.params else []

    @property
    def title(self) -> Section | None:
        """The document's title heading (none when the document starts with a template section)."""
        return title_of(self.doc, self.pack)

    def has_placeholder(self, text: str) -> bool:
        return bool(self.placeholders_in(text))

    def placeholders_in(self, text: str) -> tuple[str, ...]:
        """The placeholders in prose ``text`` (``Placeholders.in_prose``), found once a text."""
        found = self.prose_placeholders.get(text)
        if found is None:
            found = self.prose_placeholders[text] = _in_prose(self.placeholders, text)
        return found

    def section(self, path: tuple[str, ...]) -> Section | None:
        """The first section at ``path``: titles from the template's top level down, one level each."""
        level = self.pack.top_level
        candidates = self.doc.sections
        found: Section | None = None
        for depth, title in enumerate(path):
            found = next(
                (s for s in candidates if s.level == level + depth and title_matches(s.title, title)), None
            )
            if found is None:
                return None
            candidates = found.children
        return found

    def table(self, name: str) -> tuple[TemplateTable, Table] | None:
        """The pack table ``name`` and the first table of its section, when there is one (found
        once a file: most table rules ask for every table)."""
        found = self.fact("tables", _tables)
        if name not in found:
            found[name] = self._table(name)
        return found[name]

    def _table(self, name: str) -> tuple[TemplateTable, Table] | None:
        table_def = self.pack.tables[name]
        section = self.section(table_def.section)
        tables = section.blocks_of(Table) if section else []
        return (table_def, tables[0]) if tables else None


def _tables() -> dict[str, tuple[TemplateTable, Table] | None]:
    return {}


@functools.lru_cache(maxsize=1 << 16)
def _in_prose(placeholders: Placeholders, text: str) -> tuple[str, ...]:
    """Placeholders in prose, also kept across files: the id's look at a file and its checks
    see the same cells, and many files share cells ("Yes", "-")."""
    return tuple(placeholders.in_prose(text))
