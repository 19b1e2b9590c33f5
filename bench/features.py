"""What this build and this machine offer the benchmark: spec-lint's options, the fast parser, the
peer linters, and a line that names the machine."""

from __future__ import annotations

import importlib.util
import os
import platform
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

# How each peer prints its version.
_VERSION = {"markdownlint-cli2": ["--version"], "pymarkdown": ["version"]}


@dataclass(frozen=True)
class Features:
    """Which of issue 12's features this build has: ``--jobs``, a cache (``--no-cache`` and
    ``--cache-dir``), the fast parser; and the peer linters found, by name."""

    jobs: bool
    cache: bool
    fast: bool
    peers: dict[str, str]


def probe(markdownlint: str | None) -> Features:
    """The features, from ``spec-lint check --help`` and an import of markdown-it-pyrs."""
    options = _output([sys.executable, "-m", "spec_lint", "check", "--help"])
    fast = importlib.util.find_spec("markdown_it_pyrs") is not None  # this Python runs spec-lint too
    return Features("--jobs" in options, "--no-cache" in options and "--cache-dir" in options, fast,
                    _peers(markdownlint))


def _peers(markdownlint: str | None) -> dict[str, str]:
    """Each peer's program: markdownlint-cli2 as given (option or ``MARKDOWNLINT_CLI2``) or on
    PATH, pymarkdown on PATH or beside this Python (a virtual environment not activated)."""
    beside = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    given = markdownlint or os.environ.get("MARKDOWNLINT_CLI2") or "markdownlint-cli2"
    found = {"markdownlint-cli2": shutil.which(given),
             "pymarkdown": shutil.which("pymarkdown", path=beside)}
    return {name: path for name, path in found.items() if path}


def machine() -> str:
    """The CPU model, the cores this process may use, the OS and the Python version."""
    return (f"{_cpu_model()}, {len(os.sched_getaffinity(0))} cores, {platform.system()}, "
            f"Python {platform.python_version()}")


def _cpu_model() -> str:
    try:
        lines = Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines()
    except OSError:
        return platform.processor() or "unknown CPU"
    models = [line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")]
    return models[0] if models else "unknown CPU"


def versions(peers: dict[str, str]) -> str:
    """The peers' versions as they print them, for the note under the table."""
    found = {name: _output([path, *_VERSION[name]]).strip().splitlines()[0] for name, path in peers.items()}
    return ", ".join(line if line.startswith(name) else f"{name} {line}" for name, line in found.items())


def _output(command: list[str]) -> str:
    done = subprocess.run(command, check=False, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    return done.stdout or done.stderr or "?"
