"""The ``[pack]`` table and ``[params]``: what a document of the pack is, and its parameters."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from spec_lint.pack.options import OptionError, build, shown
from spec_lint.pack.params import TYPES, references, render_list, typed_value
from spec_lint.pack.references import Scope, check_keys
from spec_lint.pack.schema import Detect, DocumentType, Identity, PackError, Param

_PACK_KEYS = ("name", "description", "extends", "section_level", "title_pattern", "title_example",
              "detect", "identity")
_PARAM_KEYS = ("type", "default", "description")
# The parameter types whose values refer to others, as what kind of reference.
_REFERENCE_KINDS = {"template": "template", "templates": "template", "pattern": "pattern"}


def check_pack_keys(meta: Mapping[str, Any], origin: str) -> None:
    check_keys(meta, _PACK_KEYS, f"{origin}: pack.")
    for key in ("name", "title_pattern"):
        if not isinstance(meta.get(key), str) or not meta[key]:
            raise PackError(f'{origin}: pack.{key}: missing (expected {key} = "...")')


def params(data: Mapping[str, Any], origin: str) -> dict[str, Param]:
    declared = {name: _param(name, item, f"{origin}: params.{name}") for name, item in data.items()}
    for name in declared:
        _check_cycle(name, declared, (), f"{origin}: params.{name}")
    return declared


def _param(name: str, item: Mapping[str, Any], where: str) -> Param:
    check_keys(item, _PARAM_KEYS, f"{where}: ")
    kind = item.get("type")
    if kind not in TYPES:
        raise PackError(f'{where}: type "{kind}": unknown type (expected one of {", ".join(TYPES)})')
    if "default" not in item:
        raise PackError(f"{where}: missing default")
    value = typed_value(str(kind), item["default"])
    if value is None:
        raise PackError(f'{where}: the default is not of type "{kind}"')
    return Param(name, str(kind), value, str(item.get("description", "")).strip())


def _check_cycle(name: str, declared: Mapping[str, Param], seen: tuple[str, ...], where: str) -> None:
    param = declared.get(name)
    if param is None or param.type not in ("template", "pattern", "templates"):
        return
    if name in seen:
        raise PackError(f"{where}: refers to itself ({' -> '.join((*seen, name))})")
    texts = param.value if isinstance(param.value, tuple) else (str(param.value),)
    for text in texts:
        for used in references(text):
            _check_cycle(used, declared, (*seen, name), where)


def check_params(declared: Mapping[str, Param], scope: Scope, origin: str) -> None:
    """Templates and patterns refer to declared parameters only; patterns compile."""
    for param in declared.values():
        kind = _REFERENCE_KINDS.get(param.type)
        texts = param.value if isinstance(param.value, tuple) else (str(param.value),)
        for text in texts if kind else ():
            problem = scope.problem(str(kind), text, param.name, {})
            if problem:
                raise PackError(f"{origin}: params.{param.name}: {problem}")


def document_type(meta: Mapping[str, Any], scope: Scope, origin: str) -> DocumentType:
    level = meta.get("section_level", 2)
    if not isinstance(level, int) or isinstance(level, bool) or not 1 <= level <= 6:
        raise PackError(f"{origin}: pack.section_level: expected a heading level 1 to 6, got {shown(level)}")
    detect = _detect(meta.get("detect", {}), origin)
    identity = _identity(meta.get("identity", {}), scope, origin)
    pattern = str(meta["title_pattern"])
    try:
        groups = re.compile(pattern).groupindex
    except re.error as error:
        raise PackError(f'{origin}: pack.title_pattern: invalid regular expression: {error}') from error
    if identity.title_group not in groups:
        raise PackError(f'{origin}: pack.title_pattern: no group "{identity.title_group}" '
                        f"(expected (?P<{identity.title_group}>...) for pack.identity.title_group)")
    return DocumentType(level, pattern, str(meta.get("title_example", pattern)), detect, identity)


def _detect(data: Mapping[str, Any], origin: str) -> Detect:
    suffix, fields = data.get("title_suffix", ""), data.get("fields", [])
    ok = isinstance(suffix, str) and isinstance(fields, list) and all(isinstance(f, str) and f for f in fields)
    unknown = sorted(set(data) - {"title_suffix", "fields"})
    if not ok or unknown:
        raise PackError(f"{origin}: pack.detect: expected title_suffix = \"...\" and fields = [\"...\"]")
    if not suffix.strip() and not fields:
        raise PackError(f"{origin}: pack.detect: no marker (expected a title_suffix or fields; "
                        "without one every Markdown file would match)")
    return Detect(suffix, tuple(fields))


def _identity(data: Mapping[str, Any], scope: Scope, origin: str) -> Identity:
    try:
        identity: Identity = build(Identity, data, scope)
    except OptionError as error:
        raise PackError(f"{origin}: pack.identity.{error.key}: {error.problem}") from error
    # The prefixes are cut from the title before there is a component id to fill in.
    rendered = tuple(render_list(identity.strip_prefixes, scope.params, ""))
    return Identity(identity.front_matter_key, identity.title_group, rendered)
