"""What each rule is, for people: the engine's rules and a pack's, with their check and options."""

from __future__ import annotations

import dataclasses
import inspect
import re
from dataclasses import dataclass

from spec_lint.checks import registry
from spec_lint.engine import ENGINE_RULES
from spec_lint.findings import Severity
from spec_lint.pack import Pack, Rule
from spec_lint.pack.names import closest
from spec_lint.pack.params import references

ENGINE_KIND = "engine"
_ENGINE_DOC = "Built into the engine: it runs on every file, before or around the pack's checks."
_SENTENCE = re.compile(r"^.+?[.!?](?=\s|$)")


@dataclass(frozen=True, slots=True)
class RuleDoc:
    """A rule's documentation; ``options`` those the pack sets (not left at their default),
    ``params`` the pack parameters they name."""

    code: str
    name: str
    severity: Severity
    description: str
    kind: str
    kind_doc: str
    options: tuple[tuple[str, object], ...] = ()
    params: tuple[tuple[str, object], ...] = ()

    @property
    def summary(self) -> str:
        """The description's first sentence."""
        text = " ".join(self.description.split())
        found = _SENTENCE.match(text)
        return found[0] if found else text


def rule_docs(pack: Pack) -> list[RuleDoc]:
    """The engine's rules, then the pack's, in code order."""
    engine = [RuleDoc(r.code, r.name, r.severity, r.description, ENGINE_KIND, _ENGINE_DOC) for r in ENGINE_RULES]
    return sorted([*engine, *(_pack_rule_doc(rule, pack) for rule in pack.rules)], key=lambda d: d.code)


def _pack_rule_doc(rule: Rule, pack: Pack) -> RuleDoc:
    kinds = {cls: kind for kind, cls in registry().items()}
    check = rule.check
    options = tuple((f.name, getattr(check, f.name)) for f in dataclasses.fields(check)  # type: ignore[arg-type]
                    if getattr(check, f.name) != _default(f))
    named = sorted({name for _, value in options for name in references(repr(value))} & set(pack.params))
    return RuleDoc(rule.code, rule.name, rule.severity, rule.description, kinds.get(type(check), "?"),
                   inspect.getdoc(type(check)) or "", options, tuple((name, pack.params[name].value) for name in named))


def _default(option: dataclasses.Field[object]) -> object:
    if option.default_factory is not dataclasses.MISSING:
        return option.default_factory()
    return option.default


def find_rule(docs: list[RuleDoc], wanted: str) -> RuleDoc | None:
    """The rule with this code (any case) or name."""
    key = wanted.strip().casefold()
    return next((d for d in docs if key in (d.code.casefold(), d.name.casefold())), None)


def closest_rule(docs: list[RuleDoc], wanted: str) -> str | None:
    """The code or name closest to a mistyped one; of equally close ones, the first in code order."""
    return closest(wanted, [d.code for d in docs] + [d.name for d in docs])
