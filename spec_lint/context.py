"""What a check sees of one file: its document, its pack and its component."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from spec_lint.model import Document, Section, Table
from spec_lint.placeholders import Placeholders
from spec_lint.titles import title_matches

if TYPE_CHECKING:
    from spec_lint.pack import Pack
    from spec_lint.template import TemplateTable


@dataclass(frozen=True, slots=True)
class Context:
    path: Path
    doc: Document
    pack: Pack
    component: str
    placeholders: Placeholders

    def render(self, template: str, escape: Callable[[str], str] = str) -> str:
        """Fill ``{<param>}`` with the pack's string parameters, then ``{component}``,
        ``{COMPONENT}`` and ``{component-}`` with this spec's component id, passed through
        ``escape``."""
        for name, value in self.pack.params.items():
            if isinstance(value, str):
                template = template.replace(f"{{{name}}}", value)
        return (
            template.replace("{component}", escape(self.component))
            .replace("{COMPONENT}", escape(self.component.upper()))
            .replace("{component-}", escape(self.component.replace("_", "-")))
        )

    def render_pattern(self, template: str) -> str:
        """A pattern template rendered: the component id comes from the spec (its front matter
        may say ``component: '(a+)+'``), so it stands for itself, never as a pattern."""
        return self.render(template, re.escape)

    def param(self, name: str) -> str:
        return self.render(str(self.pack.params[name]))

    def param_list(self, name: str) -> list[str]:
        """A list parameter, rendered; a single string stands for a list of one."""
        value = self.pack.params.get(name, [])
        items = value if isinstance(value, (list, tuple)) else [value]
        return [self.render(str(item)) for item in items]

    def has_placeholder(self, text: str) -> bool:
        return self.placeholders.found_in(text)

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
        """The pack table ``name`` and the first table of its section, when there is one."""
        table_def = self.pack.tables[name]
        section = self.section(table_def.section)
        tables = section.blocks_of(Table) if section else []
        return (table_def, tables[0]) if tables else None

