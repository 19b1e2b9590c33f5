"""``[[rules]]``: each binds a check kind, with typed options, to a code and a name."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any

# The module, not its names: spec_lint.checks imports this package, so whichever of the two is
# imported first, the other is still loading when this line runs.
from spec_lint import checks
from spec_lint.findings import Severity
from spec_lint.pack.names import did_you_mean
from spec_lint.pack.options import OptionError
from spec_lint.pack.origins import Origins
from spec_lint.pack.references import Scope
from spec_lint.pack.schema import Example, PackError, Rule


def rules(items: Sequence[Mapping[str, Any]], scope: Scope, origins: Origins) -> tuple[Rule, ...]:
    built: list[Rule] = []
    for item in items:
        where = f"{origins.of('rules', item['code'])}: {item['code']}"
        rule = _rule(item, dataclasses.replace(scope, dependent=item["code"]), where)
        for earlier in built:
            if earlier.code == rule.code:
                raise PackError(f'{where}: duplicate rule code (first defined as "{earlier.name}")')
            if earlier.name == rule.name:
                raise PackError(f'{where}: duplicate rule name "{rule.name}" (first used by {earlier.code})')
        built.append(rule)
    return tuple(built)


def _rule(item: Mapping[str, Any], scope: Scope, where: str) -> Rule:
    """A rule of the merged data; its keys' shapes were checked when its file was read."""
    for key in ("name", "check"):
        if not item.get(key):
            raise PackError(f'{where}: {key}: missing (expected {key} = "...")')
    severity = Severity(item.get("severity", "error"))
    example = Example(**item["example"]) if "example" in item else None
    return Rule(item["code"], item["name"], severity, str(item.get("description", "")).strip(),
                _check(item, scope, where), item.get("fixable") is True, " ".join(item.get("summary", "").split()),
                example, " ".join(item.get("why", "").split()))


def _check(item: Mapping[str, Any], scope: Scope, where: str) -> Any:
    kind = item["check"]
    cls = checks.check_class(kind)
    if cls is None:
        raise PackError(f'{where}: check "{kind}": unknown check kind{did_you_mean(kind, checks.registry())}')
    for name in getattr(cls, "params", ()):
        if name not in scope.params:
            raise PackError(f'{where}: check "{kind}" needs parameter "{name}" (expected it under [params])')
    try:
        return checks.build_check(cls, item.get("options", {}), scope)
    except OptionError as error:
        raise PackError(f"{where}: {error}") from error
