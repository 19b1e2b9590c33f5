"""Pack parameters: their declared types, and templates filled with them.

A template's ``{name}`` is a declared parameter or one of the built-ins ``{component}``,
``{COMPONENT}`` and ``{component-}``. Only ``{identifier}`` is a reference, so that regexes
keep their ``{3}`` and ``{2,}``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, Literal

from spec_lint.pack.schema import Param, ParamValue

REFERENCE = re.compile(r"\{(?P<name>[A-Za-z_][A-Za-z0-9_-]*)\}")
BUILTINS = ("component", "COMPONENT", "component-")
LISTS = ("strings", "templates")
TEXTS = ("string", "template", "pattern")
ParamType = Literal["string", "template", "pattern", "strings", "templates", "number", "boolean"]
# The component id a pattern is rendered with when the pack loads, to see that it compiles.
SAMPLE_COMPONENT = "sample_component"


_DESCRIBED = {"string": "a string", "template": "a template (text)", "pattern": "a pattern (text)",
              "strings": "a list of strings", "templates": "a list of templates", "number": "a number",
              "boolean": "true or false"}


def described(kind: str) -> str:
    """What a value of the parameter type ``kind`` is, as a message says it."""
    return _DESCRIBED[kind]


def value_problem(kind: str, value: Any) -> str:
    """``""`` when ``value`` is of the parameter type ``kind``; else ``: expected ..., got ...``,
    with the index of a list's first wrong item."""
    if typed_value(kind, value) is not None:
        return ""
    if kind in LISTS and isinstance(value, list):
        index, item = next((i, item) for i, item in enumerate(value) if not isinstance(item, str))
        return f"[{index}]: expected {described(kind.removesuffix('s'))}, got {shown(item)}"
    return f": expected {described(kind)}, got {shown(value)}"


def builtins(component: str) -> dict[str, str]:
    return {"component": component, "COMPONENT": component.upper(), "component-": component.replace("_", "-")}


def typed_value(kind: str, value: Any) -> ParamValue | None:
    """``value`` as a parameter of type ``kind`` holds it; None when it is not of that type."""
    if kind in TEXTS:
        return value if isinstance(value, str) else None
    if kind in LISTS:
        ok = isinstance(value, list) and all(isinstance(item, str) for item in value)
        return tuple(value) if ok else None
    if kind == "number":
        return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None
    return value if isinstance(value, bool) else None


def references(text: str) -> list[str]:
    return [match["name"] for match in REFERENCE.finditer(text)]


def render(template: str, params: Mapping[str, Param], component: str, as_pattern: bool = False) -> str:
    """The template filled in. As a pattern, every value but a ``pattern`` parameter's is
    inserted ``re.escape``d: a component id comes from the spec and is no regex."""
    values = builtins(component)

    def fill(match: re.Match[str]) -> str:
        name = match["name"]
        if name in values:
            return re.escape(values[name]) if as_pattern else values[name]
        param = params.get(name)
        if param is None or isinstance(param.value, tuple):
            return match[0]
        text = _text(param, params, component, as_pattern)
        return re.escape(text) if as_pattern and param.type != "pattern" else text

    return REFERENCE.sub(fill, template)


def _text(param: Param, params: Mapping[str, Param], component: str, as_pattern: bool) -> str:
    if isinstance(param.value, bool):
        return "true" if param.value else "false"
    if param.type in ("template", "pattern"):
        return render(str(param.value), params, component, as_pattern and param.type == "pattern")
    return str(param.value)


def render_list(templates: Sequence[str], params: Mapping[str, Param], component: str) -> list[str]:
    """Templates rendered; an item that is exactly ``{list_param}`` stands for that list's items."""
    rendered: list[str] = []
    for item in templates:
        whole = REFERENCE.fullmatch(item)
        param = params.get(whole["name"]) if whole else None
        if param is not None and isinstance(param.value, tuple):
            items = param.value
            rendered.extend(render(t, params, component) if param.type == "templates" else t for t in items)
        else:
            rendered.append(render(item, params, component))
    return rendered


def shown(value: Any) -> str:
    """A TOML value as a message quotes it."""
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return "a list" if isinstance(value, list) else "a table"
    return str(value)
