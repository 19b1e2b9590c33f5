"""spec-lint: lint Markdown specification documents against their template."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spec_lint.engine import lint_paths, lint_text
    from spec_lint.findings import Finding, Report, Severity, Violation
    from spec_lint.pack import Pack, builtin_pack, load_pack

__version__ = "0.1.0"

# The API loads on first use: `spec-lint --version` and every command import only what they run.
_EXPORTS = {
    "lint_paths": "spec_lint.engine", "lint_text": "spec_lint.engine",
    "Finding": "spec_lint.findings", "Report": "spec_lint.findings", "Severity": "spec_lint.findings",
    "Violation": "spec_lint.findings",
    "Pack": "spec_lint.pack", "builtin_pack": "spec_lint.pack", "load_pack": "spec_lint.pack",
}

__all__ = [
    "Finding",
    "Pack",
    "Report",
    "Severity",
    "Violation",
    "__version__",
    "builtin_pack",
    "lint_paths",
    "lint_text",
    "load_pack",
]


def __getattr__(name: str) -> object:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(_EXPORTS[name]), name)
