"""A loaded pack as values: its document type, parameters and rules."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from spec_lint.findings import Severity
from spec_lint.pack.markers import Template
from spec_lint.template import section_chains

if TYPE_CHECKING:
    from spec_lint.checks import Check, ProjectCheck
    from spec_lint.template import TemplateSection, TemplateTable, ValueSet

ParamValue = str | float | bool | tuple[str, ...]


class PackError(Exception):
    """A pack that cannot be loaded; the message says where and why."""


@dataclass(frozen=True, slots=True)
class Param:
    name: str
    type: str
    value: ParamValue
    description: str = ""


@dataclass(frozen=True, slots=True)
class Detect:
    """The markers of a document of the pack: an H1 ending in ``title_suffix`` or one of ``fields``
    (within ``within_lines`` lines after the title, or the file's start, when that is not 0)."""

    title_suffix: str = ""
    fields: tuple[str, ...] = ()
    within_lines: int = 0


@dataclass(frozen=True, slots=True)
class Identity:
    """Where a document's component id comes from."""

    front_matter_key: str = "component"
    title_group: str = "name"
    strip_prefixes: tuple[Template, ...] = ()  # rendered when the pack loads


@dataclass(frozen=True, slots=True)
class DocumentType:
    """``section_level`` is the heading level of the template's top sections; with several
    ``section_levels``, the first until a document is read, then the one the document uses."""

    section_level: int
    title_pattern: str
    title_example: str
    detect: Detect
    identity: Identity
    section_levels: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Example:
    """A rule's documented example: two snippets for one section of the pack's sample document;
    for a cross-file rule, ``other`` is a second document, another spec of the same project."""

    section: str
    fails: str
    passes: str
    other: str | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    severity: Severity
    description: str
    check: Check | ProjectCheck
    fixable: bool = False
    summary: str = ""
    example: Example | None = None
    why: str = ""


@dataclass(frozen=True, slots=True)
class Pack:
    name: str
    description: str
    document: DocumentType
    params: Mapping[str, Param]
    sections: tuple[TemplateSection, ...]
    tables: Mapping[str, TemplateTable]
    value_sets: Mapping[str, ValueSet]
    rules: tuple[Rule, ...]
    fingerprint: str
    sample: Path | None = None  # the pack's sample document, which rule examples are spliced into
    template: Path | None = None  # the Markdown template ``spec-lint new`` fills in

    @property
    def top_level(self) -> int:
        """The heading level of the template's top sections."""
        return self.document.section_level

    @property
    def all_sections(self) -> list[TemplateSection]:
        """Every section of the template, at every depth."""
        return [chain[-1] for chain in section_chains(self.sections)]

    def strings(self, name: str) -> tuple[str, ...]:
        """A list parameter the engine reads for every rule; empty when the pack does not declare it."""
        param = self.params.get(name)
        return param.value if param is not None and isinstance(param.value, tuple) else ()
