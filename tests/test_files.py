"""Hostile files and folders: each is one finding or one line on standard error, the run goes on,
and the summary never calls a run clean when something could not be checked."""

from __future__ import annotations

import errno
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import VALID_SPEC

from spec_lint import Pack, lint_paths
from spec_lint.cli import main
from spec_lint.discover import Found, expand, markdown_files
from spec_lint.reading import DEFAULT_MAX_FILE_SIZE, TooLargeError, UnreadableError, read
from spec_lint.settings import Settings

SPEC = VALID_SPEC.read_text(encoding="utf-8")
BINARY_SPEC = b"# Router - 1.0 Component Specification\n\x00"  # a spec's title, so it is reported, not passed over
NOT_CHECKED = "No findings, but not everything was checked"
needs_posix = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs, sockets and devices are POSIX")


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def sl001_message(path: Path, pack: Pack, max_file_size: int = DEFAULT_MAX_FILE_SIZE) -> tuple[str, str]:
    (finding,) = lint_paths([path], [pack], Settings(max_file_size=max_file_size)).findings
    return finding.code, finding.message


# --- not regular files -----------------------------------------------------------------------------


@needs_posix
def test_a_fifo_is_one_finding_and_never_opened(tmp_path: Path, pack: Pack) -> None:
    fifo = tmp_path / "spec.md"
    os.mkfifo(fifo)
    assert sl001_message(fifo, pack) == ("SL001", "not a regular file (a FIFO)")


@needs_posix
def test_a_symlink_to_a_fifo_is_one_finding(tmp_path: Path, pack: Pack) -> None:
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "spec.md").symlink_to(tmp_path / "pipe")
    assert sl001_message(tmp_path / "spec.md", pack) == ("SL001", "not a regular file (a FIFO)")


@needs_posix
def test_a_symlink_to_dev_zero_is_a_device_not_read(tmp_path: Path, pack: Pack) -> None:
    (tmp_path / "zero.md").symlink_to("/dev/zero")
    assert sl001_message(tmp_path / "zero.md", pack) == ("SL001", "not a regular file (a character device)")


@needs_posix
def test_a_socket_is_one_finding(tmp_path: Path, pack: Pack, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # a socket path must be short
    with socket.socket(socket.AF_UNIX) as server:
        server.bind("s.md")
        assert sl001_message(Path("s.md"), pack) == ("SL001", "not a regular file (a socket)")


@needs_posix
def test_a_fifo_named_on_the_command_line_does_not_block(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.md")
    result = run(str(tmp_path / "pipe.md"), str(VALID_SPEC))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == f"{tmp_path / 'pipe.md'}:1:1: SL001 [unreadable-file] not a regular file (a FIFO)"


@needs_posix
def test_a_fifo_found_in_a_folder_is_reported(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.md")
    assert markdown_files(tmp_path).files == (tmp_path / "pipe.md",)


# --- size --------------------------------------------------------------------------------------------


def test_a_file_over_the_limit_is_one_sl003_finding(tmp_path: Path, pack: Pack) -> None:
    big = tmp_path / "big.md"
    big.write_text(SPEC + "x" * 2000, encoding="utf-8")
    size = big.stat().st_size
    code, message = sl001_message(big, pack, max_file_size=size - 1)
    assert (code, message) == ("SL003", (f"file is too large: {size} bytes (expected at most {size - 1} bytes, "
                                         "see --max-file-size)"))


def test_a_file_at_the_limit_and_no_limit_are_linted(tmp_path: Path, pack: Pack) -> None:
    spec = tmp_path / "spec.md"
    spec.write_text(SPEC, encoding="utf-8")
    for limit in (spec.stat().st_size, 0):
        assert lint_paths([spec], [pack], Settings(max_file_size=limit)).findings == ()


def test_a_file_that_grows_after_the_stat_is_read_only_up_to_the_limit(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    spec = tmp_path / "spec.md"
    spec.write_text("x" * 100, encoding="utf-8")
    real_fstat = os.fstat

    def shrunk(fd: int) -> os.stat_result:
        status = real_fstat(fd)
        return os.stat_result((status.st_mode, *status[1:6], 10, *status[7:]))

    monkeypatch.setattr(os, "fstat", shrunk)
    with pytest.raises(TooLargeError, match="file is too large: 51 bytes"):
        read(spec, 50)


def test_max_file_size_option(tmp_path: Path) -> None:
    spec = tmp_path / "spec.md"
    spec.write_text(SPEC, encoding="utf-8")
    assert run("--max-file-size", "0", str(spec)).exit_code == 0
    small = run("--max-file-size", "100", str(spec))
    assert (small.exit_code, " SL003 [file-too-large] file is too large: " in small.stdout) == (1, True)
    assert run("--max-file-size", "-1", str(spec)).exit_code == 2


def test_a_large_readme_and_a_latin1_file_that_are_no_specs_pass(tmp_path: Path) -> None:
    """The pre-commit promise: a file that is not a spec never fails the run, whatever its size or encoding."""
    (tmp_path / "README.md").write_text("# Project\n\n" + "A line of a long README.\n" * 60_000, encoding="utf-8")
    (tmp_path / "LATIN.md").write_bytes("# Caf\u00e9\n\nNotes.\n".encode("latin-1"))
    assert (tmp_path / "README.md").stat().st_size > 1024 * 1024
    result = run("-v", str(tmp_path))
    assert result.exit_code == 0
    assert result.stdout.splitlines() == ["All checks passed (0 specs checked, 2 files passed over)"]
    assert result.stderr.count("not a spec") == 2


# --- permissions and vanishing files ---------------------------------------------------------------


def test_an_unreadable_file_names_the_reason(tmp_path: Path, pack: Pack, monkeypatch: pytest.MonkeyPatch) -> None:
    spec = tmp_path / "spec.md"
    spec.write_text(SPEC, encoding="utf-8")
    real_open = os.open

    def denied(path: object, *args: int) -> int:
        if Path(str(path)) == spec:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", denied)
    assert sl001_message(spec, pack) == ("SL001", "cannot read file: Permission denied")


# Root reads any file whatever its mode; without the capabilities that allow it, it cannot.
_NO_DAC = ["setpriv", "--inh-caps=-dac_override,-dac_read_search",
           "--bounding-set=-dac_override,-dac_read_search"]


def _without_read_override(args: list[str]) -> subprocess.CompletedProcess[str]:
    prefix = _NO_DAC if os.geteuid() == 0 else []
    return subprocess.run([*prefix, sys.executable, "-m", "spec_lint", *args], capture_output=True, text=True,
                          timeout=60, check=False, stdin=subprocess.DEVNULL)


@pytest.mark.skipif(os.geteuid() == 0 and shutil.which("setpriv") is None, reason="root without setpriv")
def test_unreadable_files_and_folders_for_real(tmp_path: Path) -> None:
    spec, folder = tmp_path / "spec.md", tmp_path / "locked"
    spec.write_text(SPEC, encoding="utf-8")
    folder.mkdir()
    (folder / "inside.md").write_text(SPEC, encoding="utf-8")
    spec.chmod(0)
    folder.chmod(0)
    try:
        result = _without_read_override(["--no-color", str(tmp_path)])
    finally:
        folder.chmod(0o755)
    assert result.returncode == 2, result.stderr
    assert f"{spec}:1:1: SL001 [unreadable-file] cannot read file: Permission denied" in result.stdout
    assert f"spec-lint: error: {folder}: cannot read folder: Permission denied" in result.stderr
    assert "All checks passed" not in result.stdout


def test_a_file_that_disappears_before_it_is_read(tmp_path: Path, pack: Pack) -> None:
    spec = tmp_path / "spec.md"
    spec.write_text(SPEC, encoding="utf-8")
    found = expand([tmp_path])
    spec.unlink()
    assert found == Found((spec,))
    assert sl001_message(spec, pack) == ("SL001", "cannot read file: No such file or directory")


def test_an_unreadable_sub_folder_is_one_line_and_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "spec.md").write_text(SPEC, encoding="utf-8")
    real_scandir = os.scandir

    def denied(path: str) -> object:
        if Path(path).name == "locked":
            raise PermissionError(errno.EACCES, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", denied)
    result = run(str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr == f"spec-lint: error: {tmp_path / 'locked'}: cannot read folder: Permission denied\n"
    assert result.stdout.splitlines() == [f"{NOT_CHECKED} (1 spec checked, 1 problem reported above)"]


def test_a_named_path_in_an_unreadable_folder_is_one_line_and_exit_2(monkeypatch: pytest.MonkeyPatch) -> None:
    real_stat = os.stat

    def denied(path: object, *args: object, **kwargs: object) -> os.stat_result:
        if str(path) == "locked/spec.md":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "stat", denied)
    result = run("locked/spec.md", str(VALID_SPEC))
    assert result.exit_code == 2
    assert result.stderr == "spec-lint: error: locked/spec.md: cannot read: Permission denied\n"
    assert NOT_CHECKED in result.stdout


# --- odd trees ---------------------------------------------------------------------------------------


def test_a_symlink_loop_and_a_dangling_link_end_the_walk(tmp_path: Path, pack: Pack) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "loop").symlink_to(tmp_path)
    (tmp_path / "gone.md").symlink_to(tmp_path / "nowhere.md")
    (tmp_path / "sub" / "spec.md").write_text(SPEC, encoding="utf-8")
    found = markdown_files(tmp_path).files
    assert found == (tmp_path / "gone.md", tmp_path / "sub" / "spec.md")
    report = lint_paths(found, [pack])
    assert [(f.path, f.message) for f in report.findings] == [
        (str(tmp_path / "gone.md"), "cannot read file: No such file or directory")]


def test_a_dangling_link_named_on_the_command_line_does_not_exist(tmp_path: Path) -> None:
    (tmp_path / "gone.md").symlink_to(tmp_path / "nowhere.md")
    assert expand([tmp_path / "gone.md"]) == Found(problems=(f"{tmp_path / 'gone.md'}: no such file or directory",))


def test_a_folder_named_like_a_markdown_file_is_walked(tmp_path: Path) -> None:
    (tmp_path / "x.md").mkdir()
    (tmp_path / "x.md" / "spec.md").write_text(SPEC, encoding="utf-8")
    assert markdown_files(tmp_path).files == (tmp_path / "x.md" / "spec.md",)
    assert expand([tmp_path / "x.md"]) == Found((tmp_path / "x.md" / "spec.md",))


def test_a_very_deep_tree_is_walked_without_recursion(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    folder = "d"
    for _ in range(1100):  # Path.mkdir(parents=True) would recurse itself
        os.mkdir(folder)
        folder += "/d"
    deep = folder.removesuffix("/d")
    Path(deep, "spec.md").write_text(SPEC, encoding="utf-8")
    try:
        assert markdown_files(Path("d")).files == (Path(deep, "spec.md"),)
    finally:  # from the bottom up: shutil.rmtree recurses one level per folder on Python 3.11
        os.unlink(f"{deep}/spec.md")
        while deep:
            os.rmdir(deep)
            deep = deep.rpartition("/")[0]


def test_walking_does_not_follow_folder_symlinks(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "spec.md").write_text(SPEC, encoding="utf-8")
    (tmp_path / "link.md").symlink_to(tmp_path / "real")
    assert markdown_files(tmp_path).files == (tmp_path / "real" / "spec.md",)


# --- odd names -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["new\nline.md", "a:b,c.md", "esc\x1b[2J.md", "bidi\u202eldm.md", "back\\x1b.md"])
def test_odd_file_names_are_escaped_in_text_and_on_stderr(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(BINARY_SPEC)
    result = run("-v", str(path), str(tmp_path / name.replace(".md", "-missing.md")))
    shown = str(path).encode("unicode_escape").decode("ascii")
    assert result.stdout.splitlines()[0].startswith(f"{shown}:1:1: SL001 ")
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"spec-lint: error: {shown[:-3]}-missing.md")
    for raw in ("\x1b", "\u202e"):
        assert raw not in result.stdout + result.stderr


@pytest.mark.skipif(sys.platform != "linux", reason="a file name of bytes that are not UTF-8 needs Linux")
def test_a_file_name_that_is_not_utf8_is_printed_escaped(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/caf\xe9.md"
    with open(raw, "wb") as file:
        file.write(BINARY_SPEC)
    result = run(os.fsdecode(raw))
    assert result.stdout.splitlines()[0] == f"{tmp_path}/caf\\udce9.md:1:1: SL001 [unreadable-file] " \
                                             "cannot read file: binary content (NUL byte)"


def test_reading_errors_are_value_errors() -> None:
    """Callers that guard a read (a linked file's anchors) catch ValueError and OSError only."""
    assert issubclass(UnreadableError, ValueError) and issubclass(TooLargeError, ValueError)


@pytest.mark.parametrize(("name", "message"), [
    ("folder", "not a regular file (a folder)"),
    ("a\0b.md", "cannot read file: embedded null byte"),
])
def test_what_only_a_library_caller_can_name_is_one_finding(tmp_path: Path, pack: Pack, name: str,
                                                            message: str) -> None:
    (tmp_path / "folder").mkdir()
    assert sl001_message(tmp_path / name, pack) == ("SL001", message)
