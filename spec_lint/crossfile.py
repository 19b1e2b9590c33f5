"""The project phase's logic: what the project checks keep of each spec, and what they report when
the specs of one pack are compared in path order."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from spec_lint.checks import Check, ProjectCheck, Spec
from spec_lint.findings import Violation

if TYPE_CHECKING:
    from spec_lint.context import Context
    from spec_lint.pack import Pack, Rule


@dataclass(frozen=True, slots=True)
class Collected:
    """All a run keeps of one spec for the project checks: where it is, how messages name it,
    its pack and component, and each project rule's facts by code (not the document)."""

    key: str
    name: str
    pack: Pack
    component: str
    facts: Mapping[str, Any]


def file_rules(pack: Pack) -> Iterator[tuple[Rule, Check]]:
    """The rules that check one document at a time, with their checks."""
    for rule in pack.rules:
        if not isinstance(rule.check, ProjectCheck):
            yield rule, rule.check


def project_rules(pack: Pack) -> list[tuple[Rule, ProjectCheck]]:
    return [(rule, rule.check) for rule in pack.rules if isinstance(rule.check, ProjectCheck)]


def collect(ctx: Context, pack: Pack, key: str, name: str) -> tuple[Collected, list[tuple[Rule, Exception]]]:
    """The spec's facts, and each project rule that raised collecting them (it then has none)."""
    facts: dict[str, Any] = {}
    errors: list[tuple[Rule, Exception]] = []
    for rule, check in project_rules(pack):
        try:
            facts[rule.code] = check.collect(ctx)
        except Exception as error:  # noqa: BLE001 - one rule's bug must not stop the others
            errors.append((rule, error))
    return Collected(key, name, pack, ctx.component, facts), errors


def judge(specs: Sequence[Collected]) -> Iterator[tuple[str, Rule, Violation | Exception]]:
    """Each project rule's violations, by spec key; a rule that raises is one exception for each
    spec of its pack, which was not fully checked."""
    for fingerprint in dict.fromkeys(spec.pack.fingerprint for spec in specs):
        group = sorted((spec for spec in specs if spec.pack.fingerprint == fingerprint), key=lambda s: s.key)
        for rule, check in project_rules(group[0].pack):
            yield from _judged(rule, check, [spec for spec in group if rule.code in spec.facts])


def _judged(rule: Rule, check: ProjectCheck,
            group: list[Collected]) -> Iterator[tuple[str, Rule, Violation | Exception]]:
    seen = [Spec(spec.name, spec.component, spec.facts[rule.code]) for spec in group]
    try:
        found = list(check.compare(seen))
    except Exception as error:  # noqa: BLE001 - reported on each spec; the other rules still run
        yield from ((spec.key, rule, error) for spec in group)
        return
    yield from ((group[index].key, rule, violation) for index, violation in found)

