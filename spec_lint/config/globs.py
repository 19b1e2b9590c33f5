"""Globs as ruff matches them: relative to the configuration file's folder, ``**`` for any
number of folders, and a bare name (no ``/``) matching a file or folder at any depth.

A glob that matches a folder matches everything inside it (``legacy`` or ``legacy/**``).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

_CLASS = re.compile(r"\[!?[^\]/]+\]")


@dataclass(frozen=True, slots=True)
class Glob:
    text: str
    regex: re.Pattern[str]
    anywhere: bool  # a bare name: matched against each part of the path

    def matches(self, relative: PurePosixPath, itself: bool = False) -> bool:
        """Does the glob match the path (relative to the root) or, unless ``itself``, a folder it is in?"""
        parts = relative.parts
        if self.anywhere:
            return any(self.regex.fullmatch(part) for part in (parts[-1:] if itself else parts))
        ends = [len(parts)] if itself else range(1, len(parts) + 1)
        return any(self.regex.fullmatch("/".join(parts[:end])) for end in ends)


def glob(text: str) -> Glob:
    """``text`` as a glob; ``./name`` is the one at the root, ``name`` one at any depth."""
    segments = text.removeprefix("./").rstrip("/").split("/")
    return Glob(text, re.compile(_segments(segments)), "/" not in text.rstrip("/") and segments[0] != "**")


def _segments(segments: list[str]) -> str:
    regex = ""
    for index, segment in enumerate(segments):
        last = index == len(segments) - 1
        if segment == "**":
            regex += ".*" if last else "(?:[^/]+/)*"
        else:
            regex += _segment(segment) + ("" if last else "/")
    return regex


def _segment(segment: str) -> str:
    """One path segment: ``*`` and ``?`` stay within it, ``[abc]`` and ``[!abc]`` are classes."""
    out, at = "", 0
    while at < len(segment):
        match = _CLASS.match(segment, at)
        if match:
            out += "[^" + match[0][2:] if match[0].startswith("[!") else match[0]
            at = match.end()
            continue
        char = segment[at]
        out += "[^/]*" if char == "*" else "[^/]" if char == "?" else re.escape(char)
        at += 1
    return out


def matches_any(globs: tuple[Glob, ...], path: Path | str, root: Path, itself: bool = False) -> bool:
    """Does one of ``globs`` match ``path`` (or, unless ``itself``, a folder it is in)? Outside
    ``root`` only bare names can."""
    relative = relative_to(path, root)
    if relative is None:
        return any(g.matches(PurePosixPath(Path(path).name)) for g in globs if g.anywhere)
    return any(g.matches(relative, itself) for g in globs)


def relative_to(path: Path | str, root: Path) -> PurePosixPath | None:
    """``path`` relative to ``root`` with ``/`` separators; None when it lies outside ``root``."""
    relative = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    if relative == ".." or relative.startswith(".." + os.sep):
        return None
    return PurePosixPath(Path(relative).as_posix())
