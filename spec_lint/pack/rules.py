"""``[[rules]]``: each binds a check kind, with typed options, to a code and a name."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from spec_lint.checks import build_check, check_class, registry
from spec_lint.findings import Severity
from spec_lint.pack.options import OptionError
from spec_lint.pack.references import Scope, check_keys, did_you_mean
from spec_lint.pack.schema import PackError, Rule

_KEYS = ("code", "name", "check", "severity", "description", "options", "fixable")
_SEVERITIES = tuple(s.value for s in Severity)


def rules(items: Sequence[Mapping[str, Any]], scope: Scope, origin: str) -> tuple[Rule, ...]:
    built: list[Rule] = []
    for item in items:
        rule = _rule(item, scope, origin)
        for earlier in built:
            if earlier.code == rule.code:
                raise PackError(f'{origin}: {rule.code}: duplicate rule code (first defined as "{earlier.name}")')
            if earlier.name == rule.name:
                raise PackError(f'{origin}: {rule.code}: duplicate rule name "{rule.name}" (first used by {earlier.code})')
        built.append(rule)
    return tuple(built)


def _rule(item: Mapping[str, Any], scope: Scope, origin: str) -> Rule:
    code = item.get("code")
    if not isinstance(code, str) or not code:
        raise PackError(f'{origin}: rules: a rule without a code (expected code = "SL...")')
    where = f"{origin}: {code}"
    check_keys(item, _KEYS, f"{where}: ")
    for key in ("name", "check"):
        if not isinstance(item.get(key), str) or not item[key]:
            raise PackError(f'{where}: {key}: missing (expected {key} = "...")')
    severity = item.get("severity", "error")
    if severity not in _SEVERITIES:
        raise PackError(f'{where}: severity "{severity}": unknown severity (expected "error" or "warning")')
    return Rule(code, item["name"], Severity(severity), str(item.get("description", "")).strip(),
                _check(item, scope, where), bool(item.get("fixable", False)))


def _check(item: Mapping[str, Any], scope: Scope, where: str) -> Any:
    kind = item["check"]
    cls = check_class(kind)
    if cls is None:
        raise PackError(f'{where}: check "{kind}": unknown check kind{did_you_mean(kind, registry())}')
    for name in getattr(cls, "params", ()):
        if name not in scope.params:
            raise PackError(f'{where}: check "{kind}" needs parameter "{name}" (expected it under [params])')
    options = item.get("options", {})
    if not isinstance(options, dict):
        raise PackError(f"{where}: options: expected a table")
    try:
        return build_check(cls, options, scope)
    except OptionError as error:
        raise PackError(f"{where}: {error}") from error


