"""What a check sees of one file: its document, its pack and its component."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from spec_lint.model import Document, Section, Table, normalize_title, strip_hint
from spec_lint.placeholders import Placeholders

if TYPE_CHECKING:
    from spec_lint.pack import Pack
    from spec_lint.specs import SectionSpec, TableSpec


@dataclass(frozen=True, slots=True)
class Context:
    path: Path
    doc: Document
    pack: Pack
    component: str
    placeholders: Placeholders

    def render(self, template: str) -> str:
        """Fill ``{<param>}`` with the pack's string parameters, then ``{component}``,
        ``{COMPONENT}`` and ``{component-}`` with this spec's component id."""
        for name, value in self.pack.params.items():
            if isinstance(value, str):
                template = template.replace(f"{{{name}}}", value)
        return (
            template.replace("{component}", self.component)
            .replace("{COMPONENT}", self.component.upper())
            .replace("{component-}", self.component.replace("_", "-"))
        )

    def param(self, name: str) -> str:
        return self.render(str(self.pack.params[name]))

    def has_placeholder(self, text: str) -> bool:
        return self.placeholders.found_in(text)

    def section(self, path: tuple[str, ...]) -> Section | None:
        """The first section at ``path``: titles from the template's top level down, one level each."""
        level = self.pack.sections[0].level if self.pack.sections else 1
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

    def table(self, name: str) -> tuple[TableSpec, Table] | None:
        spec = self.pack.tables[name]
        section = self.section(spec.section)
        if section is None:
            return None
        table = next((b for b in section.blocks if isinstance(b, Table)), None)
        return (spec, table) if table else None


@functools.lru_cache(maxsize=4096)
def title_matches(heading: str, title: str) -> bool:
    """Does a heading stand for a template title? Hints in parentheses are optional."""
    wanted = normalize_title(title)
    return normalize_title(heading) == wanted or normalize_title(strip_hint(heading)) == wanted


def spec_matches(section: Section, spec: SectionSpec) -> bool:
    return title_matches(section.title, spec.title)
