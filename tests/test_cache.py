"""The cache of the per-file phase: a warm run lints no file, and any change to what a result
depends on (content, settings, packs, version, linked files) is a miss; a bad entry is a miss
too, and the project phase is right with a partly warm cache."""

from __future__ import annotations

import marshal
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import ROOT, builtin, cli_runner

from spec_lint import Report, lint_paths
from spec_lint.cache import FOLDER, Cache
from spec_lint.cache_codec import Codec, CodecError
from spec_lint.cli import main
from spec_lint.findings import Severity
from spec_lint.pack import Pack
from spec_lint.per_file import lint_file
from spec_lint.settings import DEFAULT_SETTINGS, Settings

ROUTER = (ROOT / "examples" / "router.md").read_text(encoding="utf-8")


def named(component: str) -> str:
    return ROUTER.replace("# Router - ", f"# {component} - ", 1)


class Linting:
    """The engine's per-file phase, counted: which files were linted, not taken from the cache."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.paths: list[Path] = []
        monkeypatch.setattr("spec_lint.parallel.lint_file", self._lint)

    def _lint(self, path: Path, *args: object) -> object:
        self.paths.append(path)
        return lint_file(path, *args)  # type: ignore[arg-type]

    def taken(self) -> list[str]:
        names, self.paths = [path.name for path in self.paths], []
        return names


def run(files: list[Path], folder: Path, packs: list[Pack] | None = None,
        settings: Settings = DEFAULT_SETTINGS) -> Report:
    packs = packs or [builtin()]
    return lint_paths(files, packs, settings, cache=Cache(folder, packs, settings))


@pytest.fixture
def specs(tmp_path: Path) -> list[Path]:
    (tmp_path / "a.md").write_text(named("Router"), encoding="utf-8")
    (tmp_path / "b.md").write_text(named("Router").replace("Overview", "Overveiw"), encoding="utf-8")
    return [tmp_path / "a.md", tmp_path / "b.md"]


def test_a_warm_run_lints_no_file_and_reports_the_same(specs: list[Path], tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    linting = Linting(monkeypatch)
    cold = run(specs, tmp_path / "cache")
    assert linting.taken() == ["a.md", "b.md"]
    warm = run(specs, tmp_path / "cache")
    assert linting.taken() == []
    assert warm == cold and [f.anchor for f in warm.findings] == [f.anchor for f in cold.findings]
    assert {f.code for f in warm.findings} >= {"SL501"}


def test_a_changed_file_is_linted_again(specs: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run(specs, tmp_path / "cache")
    specs[1].write_text(named("Router"), encoding="utf-8")
    expected = lint_paths(specs, [builtin()])
    linting = Linting(monkeypatch)
    assert run(specs, tmp_path / "cache") == expected
    assert linting.taken() == ["b.md"]


@pytest.mark.parametrize("change", ["settings", "pack", "version", "parser"])
def test_other_settings_packs_or_version_are_a_miss(specs: list[Path], tmp_path: Path, change: str,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    run(specs, tmp_path / "cache")
    linting = Linting(monkeypatch)
    packs, settings = [builtin()], DEFAULT_SETTINGS
    if change == "settings":
        settings = Settings(severities={"SL102": Severity.WARNING})
    elif change == "pack":
        packs = [replace(builtin(), fingerprint="another")]
    elif change == "version":
        monkeypatch.setattr("spec_lint.__version__", "99.0")
    else:
        monkeypatch.setenv("SPEC_LINT_PARSER", "markdown-it-py")
    run(specs, tmp_path / "cache", packs, settings)
    assert linting.taken() == ["a.md", "b.md"]


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.marshal"))


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty", "foreign", "code", "wrong type"])
def test_a_bad_entry_is_ignored_and_rebuilt(specs: list[Path], tmp_path: Path, damage: str,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    expected = run(specs, tmp_path / "cache")
    for entry in _entries(tmp_path / "cache"):
        data = entry.read_bytes()
        key, links, _ = marshal.loads(data)
        entry.write_bytes({"garbage": b"\x00not marshal", "truncated": data[: len(data) // 2], "empty": b"",
                           "foreign": marshal.dumps(("another run", links, ())),
                           "code": marshal.dumps((key, links, compile("print(1)", "x", "exec"))),
                           "wrong type": marshal.dumps((key, links, (b"c", "builtins:object")))}[damage])
    linting = Linting(monkeypatch)
    assert run(specs, tmp_path / "cache") == expected
    assert linting.taken() == ["a.md", "b.md"]
    run(specs, tmp_path / "cache")
    assert linting.taken() == []


def test_the_project_rules_are_right_with_a_partly_warm_cache(specs: list[Path], tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    def duplicates() -> list[tuple[str, int]]:
        return [(Path(f.path).name, f.line) for f in run(specs, tmp_path / "cache").findings if f.code == "SL501"]

    assert duplicates() == [("b.md", 1)]
    linting = Linting(monkeypatch)
    specs[0].write_text(named("Frontend"), encoding="utf-8")
    assert duplicates() == []
    assert linting.taken() == ["a.md"]  # b.md came from the cache, its project facts with it
    specs[0].write_text(named("Router"), encoding="utf-8")
    assert duplicates() == [("b.md", 1)]
    assert linting.taken() == []  # both as they were in the first run


def test_a_linked_file_that_changes_is_a_miss(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spec = tmp_path / "a.md"
    spec.write_text(ROUTER.replace("## Overview", "## Overview\n\nSee [notes](notes.md#usage).", 1), encoding="utf-8")
    (tmp_path / "notes.md").write_text("# Notes\n\n## Usage\n", encoding="utf-8")

    def broken() -> list[str]:
        return [f.message for f in run([spec], tmp_path / "cache").findings if f.code == "SL405"]

    assert broken() == []
    (tmp_path / "notes.md").write_text("# Notes\n\n## Use\n", encoding="utf-8")
    assert broken() == ['link fragment "#usage" matches no heading in "notes.md" (did you mean "#use")']
    (tmp_path / "notes.md").unlink()
    assert any("does not exist" in message for message in broken())


def test_the_codec_writes_only_what_it_can_read_back(specs: list[Path]) -> None:
    codec = Codec([], ["spec_lint.checks.duplicate_value"])
    linted = lint_file(specs[1], [builtin()])
    assert codec.decode(codec.encode(linted)) == linted
    with pytest.raises(CodecError):
        codec.encode(Severity)  # a class is no value
    with pytest.raises(CodecError):
        Codec([], []).encode(linted)  # the facts' class is from a module it was not told of
    with pytest.raises(CodecError):
        codec.decode((b"c", "os:system", "true"))


def test_the_cli_keeps_the_cache_at_the_project_root_with_a_gitignore(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SPEC_LINT_CACHE_DIR")
    (tmp_path / ".spec-lint.toml").write_text("", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text(ROUTER, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "docs")
    first = cli_runner().invoke(main, ["a.md"])
    assert (tmp_path / FOLDER / ".gitignore").read_text(encoding="utf-8").endswith("\n*\n")
    assert _entries(tmp_path / FOLDER)
    linting = Linting(monkeypatch)
    assert cli_runner().invoke(main, ["a.md"]).stdout == first.stdout
    assert linting.taken() == []
    cli_runner().invoke(main, ["--no-cache", "a.md"])
    assert linting.taken() == ["a.md"]


def test_no_cache_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(ROUTER, encoding="utf-8")
    assert cli_runner().invoke(main, ["--no-cache", "--cache-dir", "c", "a.md"]).exit_code in (0, 1)
    assert not (tmp_path / "c").exists()
    cli_runner().invoke(main, ["--cache-dir", "c", "a.md"])
    assert (tmp_path / "c").is_dir()  # the control: the same run with the cache writes it


def test_an_unwritable_cache_folder_is_one_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(ROUTER, encoding="utf-8")
    (tmp_path / "file").write_text("", encoding="utf-8")
    expected = cli_runner().invoke(main, ["--no-cache", "a.md"])
    result = cli_runner().invoke(main, ["--cache-dir", "file/cache", "a.md"])
    assert (result.exit_code, result.stdout) == (expected.exit_code, expected.stdout)
    assert result.stderr.startswith("spec-lint: warning: cannot write the cache in file/cache: ")
    assert result.stderr.count("\n") == 1


def test_a_fixed_file_is_reported_as_it_is_after_the_fix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(ROUTER.replace("\n## Overview", "\n### Overview", 1), encoding="utf-8")
    before = cli_runner().invoke(main, ["-q", "a.md"]).stdout
    fixed = cli_runner().invoke(main, ["-q", "--fix", "a.md"]).stdout
    assert fixed != before
    assert cli_runner().invoke(main, ["-q", "a.md"]).stdout == fixed == cli_runner().invoke(
        main, ["-q", "--no-cache", "a.md"]).stdout


def test_suppressions_and_their_findings_are_the_same_from_the_cache(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    spec = tmp_path / "a.md"
    spec.write_text(ROUTER.replace("## Overview", "<!-- spec-lint-disable-next-line SL102 -- moved -->\n"
                                   "<!-- spec-lint-disable-next-line SL999 -->\n## Overview", 1), encoding="utf-8")
    cold = run([spec], tmp_path / "cache")
    linting = Linting(monkeypatch)
    warm = run([spec], tmp_path / "cache")
    assert linting.taken() == []  # the warm report came from the cache
    assert warm == cold and "SL002" in {f.code for f in cold.findings}
    assert [f.anchor for f in warm.findings] == [f.anchor for f in cold.findings]
