"""Names rewritten in the case a convention wants: what naming rules suggest instead."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spec_lint.pack.params import render

if TYPE_CHECKING:
    from spec_lint.context import Context

# Where a lower-case letter or digit meets an upper-case letter: "max|Tokens", "v2|Pool".
_CASE_BREAK = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def pascal_case(text: str) -> str:
    """``"invalid config"``, ``"invalid_config"`` and ``"invalidConfig"`` as ``"InvalidConfig"``."""
    words = re.split(r"[^A-Za-z0-9]+", _CASE_BREAK.sub(" ", text))
    return "".join(w.capitalize() if w.isupper() else w[:1].upper() + w[1:] for w in words if w)


def snake_case(text: str) -> str:
    """``"requestLatency-ms"`` as ``"request_latency_ms"``."""
    spaced = _CASE_BREAK.sub("_", text)
    return re.sub(r"[^a-z0-9]+", "_", spaced.lower()).strip("_")


def kebab_case(text: str) -> str:
    """``"maxTokens"`` and ``"max_tokens"`` as ``"max-tokens"``."""
    return snake_case(text).replace("_", "-")


def id_spellings(ctx: Context, template: str) -> list[str]:
    """The template filled in with the component id as given ("global_planner"), with hyphens
    for its underscores ("global-planner") and the other way round: a file name may be written
    either way."""
    ids = dict.fromkeys((ctx.component, ctx.component.replace("_", "-"), ctx.component.replace("-", "_")))
    return list(dict.fromkeys(render(template, ctx.pack.params, spelled) for spelled in ids))
