"""Paths as CI services want them: relative to the run's folder (or the configuration's), never absolute."""

from __future__ import annotations

import os.path
from dataclasses import dataclass
from pathlib import PurePath
from urllib.parse import quote

from spec_lint.formats.options import FormatOptions

SRCROOT = "%SRCROOT%"
CONFIGROOT = "CONFIGROOT"


@dataclass(frozen=True, slots=True)
class Location:
    """``path`` (with ``/``) relative to the folder that ``base`` names: SRCROOT or CONFIGROOT."""

    base: str
    path: str

    @property
    def uri(self) -> str:
        return quote(self.path.encode("utf-8", "surrogateescape"), safe="/")


def locate(path: str, options: FormatOptions) -> Location:
    """The path under the run's folder, else under the configuration's folder, else relative to
    the run's folder with ``..`` (only then)."""
    absolute = os.path.normpath(os.path.join(options.cwd, path))
    for base, folder in ((SRCROOT, options.cwd), (CONFIGROOT, options.root)):
        if folder and _within(absolute, folder):
            return Location(base, _posix(os.path.relpath(absolute, folder)))
    relative = os.path.relpath(absolute, options.cwd) if options.cwd else os.path.normpath(path)
    return Location(SRCROOT, _posix(relative.lstrip("/")))


def _within(path: str, folder: str) -> bool:
    return os.path.isabs(path) and os.path.isabs(folder) and os.path.commonpath((path, folder)) == os.path.normpath(folder)


def _posix(path: str) -> str:
    return PurePath(path).as_posix()


def base_uris(options: FormatOptions) -> dict[str, str]:
    """SARIF ``originalUriBaseIds``: each base folder's absolute file URI, ending in ``/``."""
    folders = {SRCROOT: options.cwd, CONFIGROOT: options.root}
    return {base: PurePath(folder).as_uri().rstrip("/") + "/" for base, folder in folders.items() if folder}
