"""The ``[pack]`` table and ``[params]``: what a document of the pack is, and its parameters.

The shape of every key was checked when its file was read (``raw``); what is left are the
checks that need the merged data: a key no file gave, a pattern's groups, parameters' types.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from spec_lint.pack.names import did_you_mean
from spec_lint.pack.options import OptionError, build
from spec_lint.pack.origins import Origins
from spec_lint.pack.params import references, render_list, shown, typed_value, value_problem
from spec_lint.pack.references import Scope
from spec_lint.pack.schema import Detect, DocumentType, Identity, PackError, Param
from spec_lint.template import quoted

# The parameter types whose values refer to others, as what kind of reference.
_REFERENCE_KINDS = {"template": "template", "templates": "template", "pattern": "pattern"}


def check_pack_keys(meta: Mapping[str, Any], origins: Origins) -> None:
    for key in ("name", "title_pattern"):
        if not meta.get(key):
            raise PackError(f'{origins.of("pack", key)}: pack.{key}: missing (expected {key} = "...")')


def section_levels(meta: Mapping[str, Any], origins: Origins) -> tuple[int, ...]:
    """The levels the template's top sections may stand at: ``section_levels`` (each document's
    is the one its sections use), else the one ``section_level``."""
    key = "section_levels" if "section_levels" in meta else "section_level"
    given = meta.get(key, 2)
    levels = tuple(given) if isinstance(given, (list, tuple)) else (given,)
    bad = next((level for level in levels if not 1 <= level <= 6), None)
    if bad is not None or not levels:
        raise PackError(f"{origins.of('pack', key)}: pack.{key}: "
                        f"expected a heading level 1 to 6, got {shown(bad if levels else given)}")
    if len(set(levels)) != len(levels):
        raise PackError(f"{origins.of('pack', key)}: pack.{key}: a level given twice, got {shown(given)}")
    return tuple(int(level) for level in levels)


def params(data: Mapping[str, Any], origins: Origins) -> dict[str, Param]:
    declared = {name: _param(name, item, f"{origins.of('params', name)}: params.{name}") for name, item in data.items()}
    for name in declared:
        _check_cycle(name, declared, (), f"{origins.of('params', name)}: params.{name}")
    return declared


def _param(name: str, item: Mapping[str, Any], where: str) -> Param:
    kind = str(item["type"])
    value = typed_value(kind, item["default"])
    if value is None:
        raise PackError(f"{where}.default{value_problem(kind, item['default'])}")
    return Param(name, kind, value, str(item.get("description", "")).strip())


def _check_cycle(name: str, declared: Mapping[str, Param], seen: tuple[str, ...], where: str) -> None:
    param = declared.get(name)
    if param is None or param.type not in _REFERENCE_KINDS:
        return
    if name in seen:
        raise PackError(f"{where}: refers to itself ({' -> '.join((*seen, name))})")
    for text in _texts(param):
        for used in references(text):
            _check_cycle(used, declared, (*seen, name), where)


def _texts(param: Param) -> tuple[str, ...]:
    return param.value if isinstance(param.value, tuple) else (str(param.value),)


def check_params(declared: Mapping[str, Param], scope: Scope, origins: Origins) -> None:
    """Templates and patterns refer to declared parameters only; patterns compile."""
    for param in declared.values():
        kind = _REFERENCE_KINDS.get(param.type)
        for text in _texts(param) if kind else ():
            problem = scope.problem(str(kind), text, param.name, {}, in_list=param.type == "templates")
            if problem:
                raise PackError(f"{origins.of('params', param.name)}: params.{param.name}: {problem}")


def document_type(meta: Mapping[str, Any], levels: tuple[int, ...], scope: Scope, origins: Origins) -> DocumentType:
    detect = _detect(meta.get("detect", {}), origins.of("pack", "detect"))
    identity = _identity(meta.get("identity", {}), scope, origins.of("pack", "identity"))
    pattern = str(meta["title_pattern"])
    try:
        groups = re.compile(pattern).groupindex
    except re.error as error:
        raise PackError(f"{origins.of('pack', 'title_pattern')}: pack.title_pattern: "
                        f"invalid regular expression: {error}") from error
    if identity.title_group not in groups:
        raise PackError(_no_group(identity.title_group, list(groups), origins))
    return DocumentType(levels[0], pattern, str(meta.get("title_example", pattern)), detect, identity, levels)


def _no_group(group: str, groups: list[str], origins: Origins) -> str:
    """Blame the key the user changed: title_group (given by the file loaded, or beside the
    pattern) when the pattern has groups to choose from, else the pattern."""
    given_by = origins.of("pack", "identity")
    if groups and given_by in (origins.last, origins.of("pack", "title_pattern")):
        hint = did_you_mean(group, groups) or f" (expected one of the title_pattern's groups: {quoted(groups)})"
        return f'{origins.of("pack", "identity")}: pack.identity.title_group: no group "{group}" in the title_pattern{hint}'
    return (f'{origins.of("pack", "title_pattern")}: pack.title_pattern: no group "{group}" '
            f"(expected (?P<{group}>...) for pack.identity.title_group)")


def _detect(data: Mapping[str, Any], origin: str) -> Detect:
    detect = Detect(data.get("title_suffix", ""), tuple(data.get("fields", ())), data.get("within_lines", 0))
    if not detect.title_suffix.strip() and not detect.fields:
        raise PackError(f"{origin}: pack.detect: no marker (expected a title_suffix or fields; "
                        "without one every Markdown file would match)")
    if detect.within_lines < 0:
        raise PackError(f"{origin}: pack.detect.within_lines: expected 0 (anywhere) or more, got {detect.within_lines}")
    return detect


def _identity(data: Mapping[str, Any], scope: Scope, origin: str) -> Identity:
    try:
        identity: Identity = build(Identity, data, scope)
    except OptionError as error:
        raise PackError(f"{origin}: pack.identity.{error.key}: {error.problem}") from error
    # The prefixes are cut from the title before there is a component id to fill in.
    rendered = tuple(render_list(identity.strip_prefixes, scope.params, ""))
    return Identity(identity.front_matter_key, identity.title_group, rendered)
