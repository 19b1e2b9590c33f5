"""Fixing files on disk: each read once, fixed in memory, then written or shown as a diff."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from spec_lint.fixing.rounds import fix_text
from spec_lint.fixing.text import Text
from spec_lint.fixing.write import Snapshot, StaleFileError, write_fixed
from spec_lint.pack import Pack
from spec_lint.settings import Settings


@dataclass(frozen=True, slots=True)
class FileFix:
    """One file's text before and after fixing, what it was on disk, and how many fixes changed it."""

    path: Path
    before: str
    after: str
    count: int
    read: Snapshot

    def write(self) -> None:
        write_fixed(self.path, self.after.encode("utf-8"), self.read)

    def diff(self) -> str:
        """A unified diff of the change, each line ending as in the file."""
        lines = difflib.unified_diff(Text.of(self.before).lines, Text.of(self.after).lines, str(self.path),
                                     str(self.path))
        return "".join(line if line.endswith(("\n", "\r")) else f"{line}\n\\ No newline at end of file\n"
                       for line in lines)


def fix_files(files: Sequence[Path], packs: Sequence[Pack], settings: Settings, unsafe: bool) -> list[FileFix]:
    """The files that fixing changes. A file that cannot be read as UTF-8 text, or is larger
    than the settings allow, is not fixed: linting it reports why."""
    fixes = (fix_file(path, packs, settings, unsafe) for path in files)
    return [fix for fix in fixes if fix is not None and fix.after != fix.before]


def fix_file(path: Path, packs: Sequence[Pack], settings: Settings, unsafe: bool) -> FileFix | None:
    try:
        data = path.read_bytes()
        text = data.decode("utf-8")
        read = Snapshot.of(path, data)
    except (OSError, UnicodeDecodeError):
        return None
    if settings.max_file_size and len(data) > settings.max_file_size:
        return None
    fixed = fix_text(text, path, packs, settings, unsafe)
    return FileFix(path, text, fixed.text, fixed.count, read)


def write_fixes(files: Sequence[Path], packs: Sequence[Pack], settings: Settings, unsafe: bool) -> tuple[int, list[str]]:
    """Fix and write each file; how many findings the written files had fixed, and a line for
    each file that was not written (changed on disk since it was read, or not writable)."""
    count, problems = 0, []
    for changed in fix_files(files, packs, settings, unsafe):
        try:
            changed.write()
        except StaleFileError as error:
            problems.append(str(error))
        except OSError as error:
            problems.append(f"{changed.path}: cannot write the fixed file: {error.strerror or error}")
        else:
            count += changed.count
    return count, problems
