"""``spec-lint new``: a new spec, the pack's template filled in for one component.

The template is Markdown in which ``{{name}}`` is filled in here and every ``{Name}`` is left
for the author (SL401 shows each). ``{{...}}`` names a pack parameter, rendered for the
component (a line naming a list parameter is repeated for each of its items), a built-in
(``component``, ``COMPONENT``, ``component-``) or what the author gives: ``name``, ``date``,
``support_level`` and ``Component`` (the id as a class name, ``KvBlockManager``).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import mdformat

from spec_lint.checks.fields import Fields
from spec_lint.identity import TITLE, derived_id
from spec_lint.model import Document, Section
from spec_lint.pack import Pack, Param
from spec_lint.pack.params import builtins, render
from spec_lint.parser import parse
from spec_lint.template import TemplateSection, section_chains, stands_for

FILL = re.compile(r"\{\{(?P<name>[A-Za-z_][A-Za-z0-9_-]*)\}\}")
SUPPORT_LEVEL = "Support Level"


class StarterError(Exception):
    """A spec that cannot be started: no template, an unknown ``{{name}}``, a name without an id."""


@dataclass(frozen=True, slots=True)
class Starter:
    """What the author gives: the component's name and Support Level, and the day it is written."""

    name: str
    support_level: str
    date: datetime.date


def support_levels(pack: Pack) -> tuple[str, ...]:
    """The Support Levels the pack's rules accept (empty: any)."""
    for rule in pack.rules:
        if isinstance(rule.check, Fields):
            found = next((f.values for f in rule.check.fields if f.key == SUPPORT_LEVEL and f.values), None)
            if found:
                return found
    return ()


def new_spec(pack: Pack, starter: Starter) -> tuple[str, str]:
    """The component id and the new spec's text, canonically formatted."""
    template = template_text(pack)
    component = component_of(template, starter.name, pack)
    given = {"name": starter.name, "date": starter.date.isoformat(), "support_level": starter.support_level}
    kept = _without_unmet(filled(template, pack, component, given), pack, {SUPPORT_LEVEL: starter.support_level})
    return component, mdformat.text(kept, extensions={"gfm"}, options={"number": True})


def filled(template: str, pack: Pack, component: str, given: Mapping[str, str]) -> str:
    """The template's ``{{name}}``s filled in for ``component``: the built-ins, its class name,
    the pack's parameters and what is ``given``."""
    values = {**builtins(component), "Component": _class_name(component), **given}
    return "\n".join(_Filler(values, pack.params, component).lines(template))


def template_text(pack: Pack) -> str:
    """The pack's template as written."""
    if pack.template is None:
        raise StarterError(f'pack "{pack.name}" has no template (expected [pack] template = "FILE.md")')
    try:
        return pack.template.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise StarterError(f'cannot read the template of pack "{pack.name}": {error}') from error


def component_of(template: str, name: str, pack: Pack) -> str:
    """The id the linter derives from the template's title (its first heading naming ``{{name}}``)
    with ``name`` in it."""
    title = next((line for line in template.splitlines() if line.startswith("#") and "{{name}}" in line), None)
    if title is None:
        raise StarterError(f'the template of pack "{pack.name}" has no title (expected a heading "# {{{{name}}}} ...")')
    derived = derived_id(parse(title.replace("{{name}}", name) + "\n"), pack, Path("new.md"))
    if derived.source != TITLE or not derived.id:
        raise StarterError(f'"{name}" gives no component id (expected a name with letters or digits)')
    return derived.id


def _class_name(component: str) -> str:
    return "".join(part.capitalize() for part in component.split("_"))


@dataclass(frozen=True, slots=True)
class _Filler:
    values: Mapping[str, str]  # the built-ins and what the author gives
    params: Mapping[str, Param]
    component: str

    def lines(self, template: str) -> list[str]:
        """The template's lines filled in, a line naming a list parameter once per item."""
        return [self._line(line, number, item) for number, line in enumerate(template.splitlines(), 1)
                for item in self._items(line)]

    def _items(self, line: str) -> list[str]:
        lists = [p for m in FILL.finditer(line) if m["name"] not in self.values
                 and (p := self.params.get(m["name"])) is not None and isinstance(p.value, tuple)]
        if not lists:
            return [""]
        param = lists[0]
        assert isinstance(param.value, tuple)
        return [render(v, self.params, self.component) if param.type == "templates" else v for v in param.value]

    def _line(self, line: str, number: int, item: str) -> str:
        return FILL.sub(lambda match: self._value(match["name"], number, item), line)

    def _value(self, name: str, line: int, item: str) -> str:
        if name in self.values:
            return self.values[name]
        param = self.params.get(name)
        if param is None or param.type == "pattern":  # a pattern is a regular expression, no text to show
            known = ", ".join((*self.values, *(n for n, p in self.params.items() if p.type != "pattern")))
            raise StarterError(f'template line {line}: unknown "{{{{{name}}}}}" (expected one of {known})')
        if isinstance(param.value, tuple):
            return item
        return render(str(param.value), self.params, self.component) if param.type == "template" else str(param.value)


def _without_unmet(text: str, pack: Pack, given: Mapping[str, str]) -> str:
    """The text without the sections whose ``when`` names a field given another value."""
    doc = parse(text)
    spans = sorted((s.line, s.end_line) for chain in section_chains(pack.sections) if _unmet(chain[-1], given)
                   for s in [section_of(doc, chain, pack.top_level)] if s is not None)
    lines = doc.lines
    for start, end in reversed(spans):
        lines = [*lines[:start - 1], *lines[end:]]
    return "\n".join(lines) + "\n"


def _unmet(section_def: TemplateSection, given: Mapping[str, str]) -> bool:
    when = section_def.when
    return when is not None and when.field in given and given[when.field].casefold() != when.equals.casefold()


def section_of(doc: Document, chain: tuple[TemplateSection, ...], level: int) -> Section | None:
    """The document's section that the template chain (from the top, at ``level``) names."""
    candidates = [s for s in doc.sections if s.level == level]
    found: Section | None = None
    for step in chain:
        found = next((s for s in candidates if stands_for(s, step)), None)
        if found is None:
            return None
        candidates = found.children
    return found
