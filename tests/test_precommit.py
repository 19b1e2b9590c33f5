"""Real ``pre-commit try-repo`` runs of both hooks this project declares in .pre-commit-hooks.yaml
(``spec-lint`` and ``spec-lint-fix``).

The hook repository is a committed snapshot of this working tree, made once per session, so that
uncommitted work is what gets tested. ``try-repo`` builds the hooks' environment in a store of its
own on every run (it ignores ``PRE_COMMIT_HOME``), so the runs the cases need are started together
once per session (the fix case's second run when its first has ended) and each test reads its result.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT

BROKEN = ROOT / "examples" / "router-broken.md"
VALID = ROOT / "examples" / "router.md"
README = FIXTURES / "inputs" / "README.md"


@pytest.fixture(scope="session")
def git_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Git that ignores the user's and the system's configuration, with an identity to commit;
    pre-commit's own files (its log) in a folder of this session."""
    home = tmp_path_factory.mktemp("pre-commit-home")
    isolated = {
        "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "spec-lint tests", "GIT_AUTHOR_EMAIL": "tests@example.com",
        "GIT_COMMITTER_NAME": "spec-lint tests", "GIT_COMMITTER_EMAIL": "tests@example.com",
        "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never",
    }
    return {**os.environ, **isolated}


def git(cwd: Path, env: dict[str, str], *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, check=True)
    return done.stdout


@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory: pytest.TempPathFactory, git_env: dict[str, str]) -> Path:
    """This project's tracked and untracked-but-not-ignored files, committed in a fresh repository."""
    snapshot = tmp_path_factory.mktemp("hook-repo")
    listed = git(ROOT, git_env, "ls-files", "-z", "-co", "--exclude-standard").split("\0")
    for name in filter(None, listed):
        if (ROOT / name).is_file():
            (snapshot / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, snapshot / name)
    git(snapshot, git_env, "init", "-q")
    git(snapshot, git_env, "add", "-A")
    git(snapshot, git_env, "commit", "-q", "-m", "snapshot")
    return snapshot


def user_repo(root: Path, env: dict[str, str]) -> Path:
    """A repository that uses the hook: a broken spec, a valid spec of the same component (after
    it in path order, so that it alone is SL501's), a README and a text file."""
    files = ((BROKEN, "docs/router_broken.md"), (VALID, "docs/router.md"), (README, "README.md"))
    for source, name in files:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, root / name)
    (root / "notes.txt").write_text("# Not Markdown - 1.0 Component Specification\n", encoding="utf-8")
    git(root, env, "init", "-q")
    git(root, env, "add", "-A")
    return root


def logging_table(lines: list[str]) -> slice:
    start = lines.index("| Log Level | When Used |")
    return slice(start, start + 6)


def structurally_broken(valid: str) -> str:
    """The valid spec with what the safe fixes mend: an H2 written as an H3 (with its H3s as H4s),
    and the Logging table's two columns swapped."""
    lines = valid.split("\n")
    table = logging_table(lines)
    lines[table] = ["|".join(["", cells[2], cells[1], ""]) for cells in (line.split("|") for line in lines[table])]
    heading_levels = {"## Error Handling": "### Error Handling", "### Error Codes": "#### Error Codes",
                      "### Exception Hierarchy": "#### Exception Hierarchy"}
    return "\n".join(heading_levels.get(line, line) for line in lines)


def cells(lines: list[str]) -> list[list[str]]:
    return [[cell.strip() for cell in line.split("|")] for line in lines if "---" not in line]


# Each case: the hooks to run (None: both) and the files to run them on.
CASES: dict[str, tuple[str | None, tuple[str, ...]]] = {
    "broken": (None, ("docs/router_broken.md",)),
    "clean": (None, ("docs/router.md", "README.md", "notes.txt")),
    "fix": ("spec-lint-fix", ("docs/fixable.md",)),
}


@pytest.fixture(scope="session")
def fix_repo(tmp_path_factory: pytest.TempPathFactory, git_env: dict[str, str]) -> Path:
    root = user_repo(tmp_path_factory.mktemp("fix"), git_env)
    (root / "docs" / "fixable.md").write_bytes(structurally_broken(VALID.read_text(encoding="utf-8")).encode())
    git(root, git_env, "add", "-A")
    return root


@pytest.fixture(scope="session")
def runs(tmp_path_factory: pytest.TempPathFactory, hook_repo: Path, fix_repo: Path,
         git_env: dict[str, str]) -> dict[str, tuple[int, str]]:
    repos = {"broken": user_repo(tmp_path_factory.mktemp("broken"), git_env),
             "clean": user_repo(tmp_path_factory.mktemp("clean"), git_env), "fix": fix_repo}
    started = {name: try_repo(hook_repo, repos[name], git_env, hook, *files) for name, (hook, files) in CASES.items()}
    results = {name: finish(process) for name, process in started.items()}
    results["fixed"] = finish(try_repo(hook_repo, fix_repo, git_env, None, "docs/fixable.md"))
    return results


def try_repo(hook_repo: Path, user_repo: Path, env: dict[str, str], hook: str | None,
             *files: str) -> subprocess.Popen[str]:
    hooks = [hook] if hook else []
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), *hooks, "--files", *files]
    return subprocess.Popen(command, cwd=user_repo, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, text=True)


def finish(process: subprocess.Popen[str]) -> tuple[int, str]:
    output, _ = process.communicate(timeout=600)
    return process.returncode, output


def test_hook_blocks_a_broken_spec(runs: dict[str, tuple[int, str]]) -> None:
    code, output = runs["broken"]
    assert code == 1, output
    assert "docs/router_broken.md:14:1: SL111 [support-level]" in output
    # The specs not staged are read for the repo-wide rules.
    assert 'docs/router_broken.md:1:1: SL501 [duplicate-component] component "router" is also the component of "docs/router.md"' in output
    assert "spec-lint" in output and "Failed" in output


def test_fix_hook_fixes_a_structurally_broken_spec_and_fails_that_run(runs: dict[str, tuple[int, str]],
                                                                      fix_repo: Path) -> None:
    code, output = runs["fix"]
    assert code == 1, output
    assert "files were modified by this hook" in output
    fixed = (fix_repo / "docs" / "fixable.md").read_text(encoding="utf-8").split("\n")
    valid = VALID.read_text(encoding="utf-8").split("\n")
    table = logging_table(valid)
    assert cells(fixed[table]) == cells(valid[table])  # the table rendered anew, its cells back in place
    assert fixed[: table.start] + fixed[table.stop :] == valid[: table.start] + valid[table.stop :]


def test_after_the_fix_both_hooks_pass(runs: dict[str, tuple[int, str]]) -> None:
    code, output = runs["fixed"]
    assert code == 0, output
    assert output.count("Passed") == 2, output


def test_hook_passes_a_valid_spec_and_a_readme(runs: dict[str, tuple[int, str]]) -> None:
    code, output = runs["clean"]
    assert code == 0, output
    assert "Passed" in output
    assert ": SL" not in output
