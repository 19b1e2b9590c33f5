"""The ``spec-lint`` command."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from spec_lint import __version__
from spec_lint.discover import expand
from spec_lint.engine import lint_paths
from spec_lint.findings import Report, Severity
from spec_lint.formats import FORMATS
from spec_lint.pack import PackError, builtin_pack

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--output-format", type=click.Choice(sorted(FORMATS)), default="text", show_default=True)
@click.option("--fail-on", type=click.Choice(["error", "warning"]), default="error", show_default=True,
              help="Lowest severity that makes the exit code 1.")
@click.option("--quiet", "-q", is_flag=True, help="Print findings only, no summary.")
@click.option("--verbose", "-v", is_flag=True, help="Also say which files were passed over, and why.")
@click.option("--no-color", is_flag=True, help="Never colour the output (NO_COLOR does the same).")
@click.version_option(__version__, "--version", prog_name="spec-lint")
def main(paths: tuple[Path, ...], output_format: str, fail_on: str, quiet: bool, verbose: bool,
         no_color: bool) -> None:
    """Lint Markdown specification documents against their template."""
    color = not no_color and not os.environ.get("NO_COLOR") and sys.stdout.isatty()
    try:
        code = _run(list(paths), output_format, Severity(fail_on), color, quiet, verbose)
    except PackError as error:
        click.echo(f"spec-lint: error: bad rule pack: {error}", err=True)
        code = EXIT_ERROR
    except Exception as error:  # the user gets one line, never a traceback
        click.echo(f"spec-lint: internal error: {error!r}", err=True)
        code = EXIT_ERROR
    sys.exit(code)


def _run(paths: list[Path], output_format: str, fail_on: Severity, color: bool, quiet: bool,
         verbose: bool) -> int:
    files, missing = expand(paths)
    for path in missing:
        click.echo(f"spec-lint: error: {path}: no such file or directory", err=True)
    report = lint_paths(files, [builtin_pack()])
    _print(report, output_format, color, quiet, verbose)
    if missing or report.errors:
        return EXIT_ERROR
    return _exit_code(report, fail_on)


def _print(report: Report, output_format: str, color: bool, quiet: bool, verbose: bool) -> None:
    if verbose:
        for path, reason in report.skipped:
            click.echo(f"spec-lint: skipped {path}: {reason}", err=True)
    for error in report.errors:
        click.echo(f"spec-lint: {error}", err=True)
    out = FORMATS[output_format](report, color)
    if quiet and output_format == "text":
        out = "\n".join(out.splitlines()[:-1])
    if out:
        click.echo(out, color=color)


def _exit_code(report: Report, fail_on: Severity) -> int:
    failing = any(f.severity.rank >= fail_on.rank for f in report.findings)
    return EXIT_FINDINGS if failing else EXIT_CLEAN
