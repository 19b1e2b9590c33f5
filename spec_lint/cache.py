"""The cache of the per-file phase, one file per entry in ``.spec_lint_cache/`` at the project
root: a file's entry is named by a hash of its content, its path and what the run depends on
(spec-lint's version and code, Python's, the packs, the effective settings, the current folder),
and holds its result with the state of the files its links point to. One file per entry, written
by a rename, lets concurrent runs share the folder with no lock and no lost entries; an entry
that cannot be read, is of another run or Python, or whose linked files changed, is a miss."""

from __future__ import annotations

import dataclasses
import marshal
import os
import stat
import sys
from collections.abc import Sequence
from pathlib import Path

from spec_lint.cache_codec import Codec, CodecError, check_modules
from spec_lint.linted import Linted
from spec_lint.pack import Pack
from spec_lint.per_file import digest_of, known_rules
from spec_lint.settings import Settings

FOLDER = ".spec_lint_cache"
_FORMAT = 1
_ENTRY_MODE = 0o600  # as tempfile.mkstemp makes them: the cache is the user's own
_IGNORE_ALL = "# Created by spec-lint: a cache, never to be committed.\n*\n"


class Cache:
    """The entries in ``folder`` for a run of ``packs`` with ``settings``; ``problem`` says why
    entries could not be written ("" when they could)."""

    def __init__(self, folder: Path, packs: Sequence[Pack], settings: Settings) -> None:
        self.folder = folder
        self.problem = ""
        self._max_size = settings.max_file_size
        self._run = _hash(repr((_FORMAT, _code_stamp(), sys.version, [_pack_stamp(p) for p in packs],
                                canonical(settings), os.getcwd(), os.environ.get("SPEC_LINT_PARSER", ""))))
        self._codec = Codec([known_rules(p).rules for p in packs], check_modules(packs))

    def get(self, path: Path) -> Linted | None:
        """The file's per-file result as this run would find it, or None."""
        content = _content(path, self._max_size)
        if content is None:
            return None
        digest = digest_of(content)
        try:
            with open(self._entry(path, digest), "rb") as file:
                key, links, data = marshal.loads(file.read())  # load(file) reads in many small calls
            if key != self._key(path, digest) or links != _stamps([linked for linked, _ in links]):
                return None
            linted = self._codec.decode(data)
        except (OSError, EOFError, ValueError, TypeError, KeyError, IndexError, AttributeError):
            return None
        return linted if isinstance(linted, Linted) else None

    def put_all(self, items: Sequence[tuple[Path, Linted]]) -> None:
        """Keep each file's result; the first failure to write is the problem, and the run goes on without."""
        written = [(path, linted) for path, linted in items if linted.digest]
        if not written:
            return
        try:
            _prepare(self.folder)
        except OSError as error:
            self._cannot_write(error)
        for path, linted in written:
            if not self.problem:
                self._put(path, linted)

    def _put(self, path: Path, linted: Linted) -> None:
        try:
            data = self._codec.encode(linted)
        except (CodecError, TypeError):
            return  # a fact the cache cannot write: the file is linted again next time
        entry = (self._key(path, linted.digest), _stamps(linted.links), data)
        try:
            _write(self._entry(path, linted.digest), marshal.dumps(entry))
        except OSError as error:
            self._cannot_write(error)

    def _cannot_write(self, error: OSError) -> None:
        self.problem = f"cannot write the cache in {self.folder}: {error.strerror or error}"

    def _key(self, path: Path, digest: str) -> str:
        return f"{self._run}\0{path}\0{digest}"

    def _entry(self, path: Path, digest: str) -> Path:
        return self.folder / f"{_hash(self._key(path, digest))}.marshal"


def default_folder(settings: Settings) -> Path:
    """``.spec_lint_cache`` in the configuration's folder, else at the git root, else here."""
    root = settings.root or (settings.project.root if settings.project is not None else None)
    return (root or Path.cwd()) / FOLDER


def _stamps(paths: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """The state of each linked file that the broken-link check sees: its kind, size and time."""
    return tuple((path, _stamp(path)) for path in paths)


def _stamp(path: str) -> str:
    try:
        status = os.stat(path)
    except (OSError, ValueError) as error:
        return type(error).__name__
    return f"{status.st_mode:o} {status.st_size} {status.st_mtime_ns}"


def _content(path: Path, max_size: int) -> bytes | None:
    """The file's bytes when it is a regular file that is not too large (else it is not cached)."""
    try:
        status = os.stat(path)
        if not stat.S_ISREG(status.st_mode) or (max_size and status.st_size > max_size):
            return None
        return path.read_bytes()
    except (OSError, ValueError):
        return None


def _prepare(folder: Path) -> None:
    """The folder, with a ``.gitignore`` that keeps all of it out of git (as ruff's cache has)."""
    ignore = folder / ".gitignore"
    if not ignore.exists():
        folder.mkdir(parents=True, exist_ok=True)
        _write(ignore, _IGNORE_ALL.encode())


def _write(path: Path, data: bytes) -> None:
    """Write by a rename, so that a reader sees a whole entry or none. Not flushed to disk: after
    a crash an entry may be empty, and an entry that cannot be read is a miss."""
    from spec_lint.atomic import replace_atomically  # here: a warm run writes nothing, and loads no tempfile

    replace_atomically(path, data, _ENTRY_MODE, durable=False)


def canonical(value: object) -> object:
    """The value as plain data in an order that does not depend on hashing (sets are unordered)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (type(value).__qualname__, *(canonical(getattr(value, f.name)) for f in dataclasses.fields(value)))
    if isinstance(value, (set, frozenset)):
        return tuple(sorted(repr(canonical(item)) for item in value))
    if isinstance(value, dict):
        return tuple(sorted((repr(canonical(k)), canonical(v)) for k, v in value.items()))
    if isinstance(value, (tuple, list)):
        return tuple(canonical(item) for item in value)
    return repr(value)


def _code_stamp() -> str:
    """spec-lint's version and the times of its modules, so that an edited checkout is no stale cache."""
    from spec_lint import __version__

    root = Path(__file__).parent
    times = [entry.stat().st_mtime_ns for entry in root.rglob("*.py")]
    return f"{__version__} {len(times)} {max(times, default=0)}"


def _pack_stamp(pack: Pack) -> tuple[str, list[tuple[str, str, str]]]:
    """The pack's fingerprint (its merged rules), and its rules' checks by class: a plugin's too."""
    return pack.fingerprint, [(r.code, type(r.check).__module__, type(r.check).__qualname__) for r in pack.rules]


def _hash(text: str) -> str:
    return digest_of(text.encode("utf-8", "surrogateescape"))
