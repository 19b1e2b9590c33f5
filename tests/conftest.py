from __future__ import annotations

import functools
from pathlib import Path

import pytest
from click.testing import CliRunner

from spec_lint import Finding, Pack, builtin_pack, lint_paths

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
VALID_SPEC = ROOT / "examples" / "router.md"


@functools.cache
def builtin() -> Pack:
    """The built-in pack, loaded once: a pack is immutable, and loading one takes a tenth of a second."""
    return builtin_pack()


@pytest.fixture(autouse=True)
def _cache_outside_the_repository(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test's runs keep their cache in a folder of their own, never in the repository."""
    monkeypatch.setenv("SPEC_LINT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture(scope="session")
def pack() -> Pack:
    return builtin()


def lint(path: Path, pack: Pack | None = None) -> list[Finding]:
    return list(lint_paths([path], [pack or builtin()]).findings)


def lint_source(tmp_path: Path, text: str, pack: Pack | None = None, name: str = "spec.md") -> list[Finding]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return lint(path, pack)


def valid_with(old: str, new: str) -> str:
    """The valid spec with one exact, unique edit."""
    text = VALID_SPEC.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"edit target not unique: {old!r}"
    return text.replace(old, new)


def cli_runner() -> CliRunner:
    """A runner that keeps standard error apart from standard output (click 8.2 always does)."""
    try:
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]  # click < 8.2
    except TypeError:
        return CliRunner()
