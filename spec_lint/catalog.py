"""What each rule is, for people: the engine's rules and a pack's, with their check and options."""

from __future__ import annotations

import dataclasses
import inspect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from spec_lint.checks import registry
from spec_lint.engine_rules import ENGINE_RULES
from spec_lint.findings import Severity
from spec_lint.pack import Example, Pack, Rule
from spec_lint.pack.names import closest
from spec_lint.pack.params import references

ENGINE_KIND = "engine"
_ENGINE_DOC = "Built into the engine: it runs on every file, before, around or after the pack's checks."
_SENTENCE = re.compile(r"^.+?[.!?](?=\s|$)")
# Docstrings mark code as RST does (``name``); people read Markdown's `name`. Code that holds a
# backtick keeps its double backticks, as Markdown writes it too.
_DOUBLE_BACKTICKS = re.compile(r"``(.+?)``", re.DOTALL)


@dataclass(frozen=True, slots=True)
class RuleDoc:
    """A rule's documentation; ``options`` those the pack sets (not left at their default),
    ``params`` the pack parameters they name; ``unsafe_fix`` for a fixable rule whose fixes all
    need ``--unsafe-fixes``."""

    code: str
    name: str
    severity: Severity
    description: str
    kind: str
    kind_doc: str
    options: tuple[tuple[str, object], ...] = ()
    params: tuple[tuple[str, object], ...] = ()
    fixable: bool = False
    one_line: str = ""
    example: Example | None = None
    why: str = ""
    unsafe_fix: bool = False
    # Two packs that set a rule up alike show it once.
    pack: str = field(default="", compare=False)
    source: tuple[Rule, Pack] | None = field(default=None, compare=False)

    @property
    def summary(self) -> str:
        """The pack entry's summary, else the description's first sentence."""
        if self.one_line:
            return self.one_line
        text = " ".join(self.description.split())
        found = _SENTENCE.match(text)
        return found[0] if found else text

    @property
    def fix(self) -> str:
        """What ``--fix`` does for the rule: "safe", "unsafe" (only with ``--unsafe-fixes``) or ""."""
        return ("unsafe" if self.unsafe_fix else "safe") if self.fixable else ""


def rule_docs(packs: Sequence[Pack]) -> list[RuleDoc]:
    """The engine's rules and the packs' in code order, a rule that several packs set up alike once."""
    docs = [RuleDoc(r.code, r.name, r.severity, r.description, ENGINE_KIND, _ENGINE_DOC, one_line=r.summary)
            for r in ENGINE_RULES]
    kinds = {cls: kind for kind, cls in registry().items()}
    for pack in packs:
        # Compared, not hashed: option values may be mappings.
        docs.extend(doc for doc in (_pack_rule_doc(rule, pack, kinds) for rule in pack.rules) if doc not in docs)
    return sorted(docs, key=lambda d: d.code)


def _pack_rule_doc(rule: Rule, pack: Pack, kinds: Mapping[type, str]) -> RuleDoc:
    options = set_fields(rule.check)
    named = _params_named([value for _, value in options], _params_read(rule.check, options), pack)
    kind_doc = _DOUBLE_BACKTICKS.sub(_single_backticks, inspect.getdoc(type(rule.check)) or "")
    return RuleDoc(rule.code, rule.name, rule.severity, rule.description, kinds.get(type(rule.check), "?"), kind_doc,
                   options, tuple((name, pack.params[name].value) for name in named), rule.fixable, rule.summary,
                   rule.example, rule.why, rule.fixable and _fixes(rule.check) == "unsafe", pack.name, (rule, pack))


def _fixes(check: object) -> str:
    """How the check's fixes are: its class's ``fixes`` ("unsafe" when none is safe), else "safe"."""
    fixes = getattr(type(check), "fixes", "safe")
    return fixes if isinstance(fixes, str) else "safe"


def _params_read(check: object, options: tuple[tuple[str, object], ...]) -> list[str]:
    """The parameters a check reads itself: those its class lists in ``params`` (needed) and
    ``reads`` (read when the pack declares them), and the options whose value is a parameter's
    name (``title_prefixes = "title_name_prefixes"``)."""
    declared = [getattr(type(check), attribute, ()) for attribute in ("params", "reads")]
    listed = [name for names in declared if isinstance(names, tuple) for name in names if isinstance(name, str)]
    return [*listed, *(value for _, value in options if isinstance(value, str))]


def _params_named(values: list[object], read: list[str], pack: Pack) -> list[str]:
    """The parameters the check reads or the values name, and those that these parameters' values
    name in turn."""
    found = set(read) & set(pack.params)
    pending = [repr(value) for value in values] + [repr(pack.params[name].value) for name in found]
    while pending:
        for name in set(references(pending.pop())) & set(pack.params) - found:
            found.add(name)
            pending.append(repr(pack.params[name].value))
    return sorted(found)


def _single_backticks(code: re.Match[str]) -> str:
    return code[0] if "`" in code[1] else f"`{code[1]}`"


def set_fields(value: object) -> tuple[tuple[str, object], ...]:
    """The fields of a dataclass value that a pack sets: given at init, not left at their default
    (none for a plugin's check that is no dataclass)."""
    if not dataclasses.is_dataclass(value):
        return ()
    given = (f for f in dataclasses.fields(value) if f.init)
    return tuple((f.name, getattr(value, f.name)) for f in given if getattr(value, f.name) != _default(f))


def _default(option: dataclasses.Field[object]) -> object:
    if option.default_factory is not dataclasses.MISSING:
        return option.default_factory()
    return option.default


def find_rules(docs: list[RuleDoc], wanted: str) -> list[RuleDoc]:
    """The rule with this code (any case) or name, once for each pack that sets it up its own way."""
    key = wanted.strip().casefold()
    return [d for d in docs if key in (d.code.casefold(), d.name.casefold())]


def closest_rule(docs: list[RuleDoc], wanted: str) -> str | None:
    """The code or name closest to a mistyped one; of equally close ones, the first in code order."""
    return closest(wanted, [d.code for d in docs] + [d.name for d in docs])
