"""Fixes: edits the checks offer, applied to files safely (spec-lint check --fix, --diff)."""

from __future__ import annotations

from spec_lint.fixing.files import FileFix, fix_files, write_fixes
from spec_lint.fixing.write import StaleFileError

__all__ = ["FileFix", "StaleFileError", "fix_files", "write_fixes"]
