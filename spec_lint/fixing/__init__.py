"""Fixes: edits the checks offer, applied to files safely (spec-lint check --fix, --diff)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spec_lint.fixing.files import FileFix, fix_files, write_fixes
    from spec_lint.fixing.write import StaleFileError

# The checks import this package's edit helpers on every run; the file writer loads only for
# --fix and --diff.
_EXPORTS = {"FileFix": "files", "fix_files": "files", "write_fixes": "files", "StaleFileError": "write"}

__all__ = ["FileFix", "StaleFileError", "fix_files", "write_fixes"]


def __getattr__(name: str) -> object:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)
