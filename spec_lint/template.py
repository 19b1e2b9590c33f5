"""What a pack says of a template: its sections, its tables and the values their cells take."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spec_lint.titles import normalize_title, qualifies, title_forms

if TYPE_CHECKING:
    from spec_lint.model import Section


@dataclass(frozen=True, slots=True)
class Condition:
    field: str
    equals: str


@dataclass(frozen=True, slots=True)
class TemplateSection:
    title: str
    level: int
    required: bool = True
    when: Condition | None = None
    children: tuple[TemplateSection, ...] = ()
    min_children: int = 0
    aliases: tuple[str, ...] = ()
    qualified: bool = False  # may a qualifier follow its name ("Proposal, as pseudo-code")?
    # Its title and aliases as compared (``normalize_title``): folded once, not at each heading.
    names: tuple[str, ...] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "names", tuple(normalize_title(n) for n in (self.title, *self.aliases)))

    def named_by(self, heading: str) -> bool:
        """Does a heading's text name this section, by its title or an alias (``title_matches``)?"""
        forms = title_forms(heading)
        return any(name in forms for name in self.names) or (self.qualified and qualifies(forms, self.names))


def stands_for(section: Section, section_def: TemplateSection) -> bool:
    """Does the heading stand for the template section, at whatever level?"""
    return section_def.named_by(section.title)


def stands_for_at_level(section: Section, section_def: TemplateSection) -> bool:
    """Does the heading stand for the template section, at its level?"""
    return section.level == section_def.level and stands_for(section, section_def)


@dataclass(frozen=True, slots=True)
class ValueSet:
    """The values a column may hold: one of ``values``, or a full match of ``pattern``.

    With ``separators``, a cell may combine several values ("NATS / TCP").
    """

    values: tuple[str, ...] = ()
    pattern: Regex = ""
    pattern_help: str = ""
    separators: str = ""

    def spelling(self, text: str) -> str | None:
        """``text`` with each value spelled as the pack does; None when a part is no value."""
        parts = re.split(f"([{re.escape(self.separators)}])", text) if self.separators else [text]
        canonical = {v.casefold(): v for v in self.values}
        spelled: list[str] = []
        for index, part in enumerate(parts):
            word = part.strip()
            if index % 2 == 0 and not (self.pattern and re.fullmatch(self.pattern, word)):
                if word.casefold() not in canonical:
                    return None
                part = part.replace(word, canonical[word.casefold()])
            spelled.append(part)
        return "".join(spelled)

    @property
    def expected(self) -> str:
        """``one of "a", "b" or "c"``, with the pattern's help and the separators."""
        listed = alternatives(self.values)
        if self.pattern:
            listed += f", or {self.pattern_help or 'a match of ' + self.pattern}"
        if self.separators:
            listed += f", several joined by {alternatives(tuple(self.separators))}"
        return f"one of {listed}"


def section_chains(sections: Iterable[TemplateSection]) -> list[tuple[TemplateSection, ...]]:
    """Every template section with the sections above it, breadth first (the top sections first)."""
    chains: list[tuple[TemplateSection, ...]] = []
    pending: list[tuple[TemplateSection, ...]] = [(section_def,) for section_def in sections]
    while pending:
        chain = pending.pop(0)
        chains.append(chain)
        pending.extend((*chain, child) for child in chain[-1].children)
    return chains


def section_path(text: str) -> tuple[str, ...]:
    """``"Quick Start > Installation"`` as a path of titles, from the top level down."""
    return tuple(part.strip() for part in text.split(">"))


def quoted(values: Iterable[str]) -> str:
    """``"a", "b", "c"``: values as a message lists them."""
    return ", ".join(f'"{value}"' for value in values)


def alternatives(values: Sequence[str]) -> str:
    """``"a", "b" or "c"``: values as a message offers them."""
    return " or ".join(filter(None, (quoted(values[:-1]), quoted(values[-1:]))))


@dataclass(frozen=True, slots=True)
class TemplateTable:
    section: tuple[str, ...]
    columns: tuple[str, ...]
    required: tuple[str, ...] = ()
    values: Mapping[str, ValueSetName] = field(default_factory=dict)
    key_column: str = ""
    rows: tuple[str, ...] = ()
    row_values: Mapping[str, Mapping[str, ValueSetName]] = field(default_factory=dict)


# Last, not first: the pack package imports this module, and importing either one first must
# work. The dataclasses above need these names only when the pack converts data into them.
from spec_lint.pack.markers import Regex, ValueSetName
