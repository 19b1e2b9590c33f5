"""Names rewritten in the case a convention wants: what naming rules suggest instead."""

from __future__ import annotations

import re

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
