"""The ``spec-lint`` command."""

from __future__ import annotations

import dataclasses
import os
import sys
from pathlib import Path

import click

from spec_lint import __version__
from spec_lint.discover import expand
from spec_lint.engine import lint_paths
from spec_lint.findings import Report, Severity
from spec_lint.formats import FORMATS, FormatOptions
from spec_lint.pack import PackError, builtin_pack

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--output-format", type=click.Choice(sorted(FORMATS)), default="text", show_default=True,
              help="How to print findings.")
@click.option("--fail-on", type=click.Choice(["error", "warning"]), default="error", show_default=True,
              help="Lowest severity that makes the exit code 1.")
@click.option("--quiet", "-q", is_flag=True, help="Print findings only, no summary.")
@click.option("--verbose", "-v", is_flag=True, help="Also say which files were passed over, and why.")
@click.option("--no-color", is_flag=True, help="Never colour the output (NO_COLOR does the same).")
@click.version_option(__version__, "--version", prog_name="spec-lint")
def main(paths: tuple[Path, ...], output_format: str, fail_on: str, quiet: bool, verbose: bool,
         no_color: bool) -> None:
    """Lint Markdown specification documents against their template.

    PATHS are files and folders; folders are searched for *.md files. Exit codes: 0 no finding
    at or above --fail-on, 1 some, 2 usage error, missing path or internal error.
    """
    if quiet and verbose:
        raise click.UsageError("--quiet and --verbose cannot be used together")
    options = FormatOptions(color=_use_color(no_color), summary=not quiet)
    try:
        code = _run(list(paths), output_format, options, Severity(fail_on), verbose)
    except PackError as error:
        code = _fail(f"bad rule pack: {error}")
    except Exception as error:  # noqa: BLE001 - the user gets one line, never a traceback
        code = _fail(f"internal error: {error!r}")
    sys.exit(code)


def _use_color(no_color: bool) -> bool:
    # https://no-color.org: any non-empty NO_COLOR turns colour off.
    return not no_color and not os.environ.get("NO_COLOR") and sys.stdout.isatty()


def _run(paths: list[Path], output_format: str, options: FormatOptions, fail_on: Severity,
         verbose: bool) -> int:
    files, missing = expand(paths)
    report = lint_paths(files, [builtin_pack()])
    not_found = tuple(f"{path}: no such file or directory" for path in missing)
    report = dataclasses.replace(report, errors=not_found + report.errors)
    _print(report, output_format, options, verbose)
    if report.errors:
        return EXIT_ERROR
    return _exit_code(report, fail_on)


def _print(report: Report, output_format: str, options: FormatOptions, verbose: bool) -> None:
    if verbose:
        for path, reason in report.skipped:
            click.echo(f"spec-lint: passed over {path}: {reason}", err=True)
    for error in report.errors:
        _fail(error)
    out = FORMATS[output_format](report, options)
    if out:
        click.echo(out, color=options.color)


def _exit_code(report: Report, fail_on: Severity) -> int:
    failing = any(f.severity.rank >= fail_on.rank for f in report.findings)
    return EXIT_FINDINGS if failing else EXIT_CLEAN


def _fail(message: str) -> int:
    click.echo(f"spec-lint: error: {message}", err=True)
    return EXIT_ERROR
