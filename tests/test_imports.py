"""A run costs only what it uses: `--version` and a plain check load no report, fixer or formatter
they do not print with, and no command runs the cyclic garbage collector."""

from __future__ import annotations

import gc
import subprocess
import sys

import click
import pytest
from conftest import ROOT, cli_runner

from spec_lint.cli import main

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
           "spec_lint.formats.sarif", "spec_lint.formats.junit",
           # No plugin installed: the entry points are not looked up through importlib.metadata.
           "importlib.metadata", "importlib.resources", "tempfile",
           # The rules' descriptions are for SARIF; the settings' TOML for --show-settings.
           "spec_lint.catalog", "spec_lint.cli.show_settings", "spec_lint.cli.toml_text")


def loaded(*args: str) -> set[str]:
    done = subprocess.run([sys.executable, "-c", _RUN, *args], cwd=ROOT, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, check=False)
    return set(done.stderr.split())


@pytest.mark.parametrize("args", [("--version",), ("examples/router.md",),
                                  ("--output-format", "json", "examples/frontend.md")])
def test_a_run_does_not_import_what_it_does_not_use(args: tuple[str, ...]) -> None:
    loaded(*args)  # a first run fills the cache (writing an entry needs tempfile); the rerun is measured
    modules = loaded(*args)
    assert "spec_lint" in modules
    assert not {m for m in modules if m.startswith(_UNUSED)}


def test_version_imports_no_command_and_no_parser() -> None:
    modules = loaded("--version")
    assert not {m for m in modules if m.startswith(("spec_lint.cli.check", "spec_lint.engine", "markdown_it",
                                                    "spec_lint.fast_"))}


def test_a_command_runs_without_the_cyclic_collector_and_turns_it_back_on() -> None:
    seen: list[bool] = []
    main.commands["probe"] = click.Command("probe", callback=lambda: seen.append(gc.isenabled()))
    try:
        result = cli_runner().invoke(main, ["probe"])
    finally:
        del main.commands["probe"]
    assert result.exit_code == 0, result.output
    assert seen == [False]
    assert gc.isenabled()

