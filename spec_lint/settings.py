"""What a run is told beyond its paths and packs: the effective configuration the engine applies."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from spec_lint.findings import Finding
from spec_lint.reading import DEFAULT_MAX_FILE_SIZE


@dataclass(frozen=True, slots=True)
class Settings:
    """The engine's settings for one run.

    ``root`` is the project root (the folder of the configuration file, else none): paths in the
    configuration are relative to it, and cross-file rules read the project's specs from it.
    """

    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    require_reason: bool = False
    root: Path | None = None

    def adjusted(self, finding: Finding) -> Finding | None:
        """The finding as configured for its file (its severity changed), or None when switched off."""
        return finding


DEFAULT_SETTINGS = Settings()
