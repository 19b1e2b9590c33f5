"""What a run is told beyond its paths and packs: the effective configuration the engine applies."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from spec_lint.config.codes import matches
from spec_lint.config.globs import Glob, matches_any
from spec_lint.findings import Finding, Severity
from spec_lint.project import Project
from spec_lint.reading import DEFAULT_MAX_FILE_SIZE

# An internal error means the file was not fully checked: no configuration hides that.
_ALWAYS_REPORTED = "SL000"


@dataclass(frozen=True, slots=True)
class FileIgnore:
    """``per-file-ignores``: the codes (or prefixes) switched off in the files one glob matches."""

    glob: Glob
    codes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Settings:
    """The engine's settings for one run.

    ``root`` is the project root (the folder of the configuration file, else none): paths in the
    configuration are relative to it. ``project`` holds the specs the cross-file rules compare
    (none: only the files named). ``disabled`` are the codes switched off everywhere, ``severities`` the codes reported at
    another severity than their rule's.
    """

    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    require_reason: bool = False
    root: Path | None = None
    disabled: frozenset[str] = frozenset()
    severities: Mapping[str, Severity] = field(default_factory=dict)
    per_file_ignores: tuple[FileIgnore, ...] = ()
    project: Project | None = None

    def adjusted(self, finding: Finding) -> Finding | None:
        """The finding as configured for its file (its severity changed), or None when switched off."""
        if finding.code == _ALWAYS_REPORTED:
            return finding
        if finding.code in self.disabled or self._ignored_in_file(finding):
            return None
        severity = self.severities.get(finding.code, finding.severity)
        return finding if severity is finding.severity else dataclasses.replace(finding, severity=severity)

    def _ignored_in_file(self, finding: Finding) -> bool:
        if self.root is None:
            return False
        return any(any(matches(code, finding.code) for code in ignore.codes)
                   and matches_any((ignore.glob,), finding.path, self.root) for ignore in self.per_file_ignores)


DEFAULT_SETTINGS = Settings()
