"""A run imports only what it uses: `--version` and a plain check load no report, fixer or formatter
they do not print with."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT

# Runs the command in a fresh interpreter, then prints on standard error the modules it loaded.
_RUN = """
import sys
from spec_lint.cli import main
try:
    main(sys.argv[1:], prog_name="spec-lint")
except SystemExit:
    pass
print(" ".join(sys.modules), file=sys.stderr)
"""
_UNUSED = ("jinja2", "mdformat", "spec_lint.report", "spec_lint.fixing.files", "spec_lint.starter",
           "spec_lint.formats.sarif", "spec_lint.formats.junit")


def loaded(*args: str) -> set[str]:
    done = subprocess.run([sys.executable, "-c", _RUN, *args], cwd=ROOT, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, check=False)
    return set(done.stderr.split())


@pytest.mark.parametrize("args", [("--version",), ("examples/router.md",),
                                  ("--output-format", "json", "examples/frontend.md")])
def test_a_run_does_not_import_what_it_does_not_use(args: tuple[str, ...]) -> None:
    modules = loaded(*args)
    assert "spec_lint" in modules
    assert not {m for m in modules if m.startswith(_UNUSED)}


def test_version_imports_no_command_and_no_parser() -> None:
    modules = loaded("--version")
    assert not {m for m in modules if m.startswith(("spec_lint.cli.check", "spec_lint.engine", "markdown_it"))}


def test_version_does_not_import_the_fast_parser() -> None:
    assert not {m for m in loaded("--version") if m.startswith(("markdown_it_pyrs", "spec_lint.fast_"))}
