"""``spec-lint check PATH...``: lint files and folders (the default command)."""

from __future__ import annotations

import dataclasses
import os
import sys
from pathlib import Path

import click

from spec_lint.cli.output import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, emit, fail, note
from spec_lint.cli.packs import pack_option, packs_of
from spec_lint.discover import expand
from spec_lint.engine import lint_paths
from spec_lint.findings import Report, Severity
from spec_lint.formats import FORMATS, FormatOptions, suppressed_line
from spec_lint.pack import Pack
from spec_lint.reading import DEFAULT_MAX_FILE_SIZE
from spec_lint.settings import Settings


@dataclasses.dataclass(frozen=True, slots=True)
class RunOptions:
    output_format: str
    formatting: FormatOptions
    fail_on: Severity
    verbose: bool
    max_file_size: int
    require_reason: bool = False


@click.command("check")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--output-format", type=click.Choice(sorted(FORMATS)), default="text", show_default=True,
              help="How to print findings.")
@click.option("--fail-on", type=click.Choice(["error", "warning"]), default="error", show_default=True,
              help="Lowest severity that makes the exit code 1.")
@click.option("--max-file-size", type=click.IntRange(min=0), default=DEFAULT_MAX_FILE_SIZE, show_default=True,
              metavar="BYTES", help="A larger file that may be a spec is one SL003 finding, not parsed (0: no limit).")
@click.option("--require-reason", is_flag=True,
              help='A suppression comment without a reason ("-- why") is an SL002 finding.')
@click.option("--quiet", "-q", is_flag=True, help="Print findings only, no summary.")
@click.option("--verbose", "-v", is_flag=True,
              help="Also say which files were passed over and which findings were suppressed, and why.")
@click.option("--no-color", is_flag=True, help="Never colour the output (NO_COLOR does the same).")
@pack_option
def command(paths: tuple[Path, ...], output_format: str, fail_on: str, max_file_size: int, require_reason: bool,
            quiet: bool, verbose: bool, no_color: bool, pack_files: tuple[Path, ...]) -> None:
    """Lint Markdown specification documents against their template.

    PATHS are files and folders; folders are searched for *.md files. Exit codes: 0 no finding
    at or above --fail-on, 1 some, 2 usage error, a bad rule pack, or something could not be
    checked (a missing or unreadable path, an internal error).
    """
    if quiet and verbose:
        raise click.UsageError("--quiet and --verbose cannot be used together")
    format_options = FormatOptions(color=_use_color(no_color), summary=not quiet)
    options = RunOptions(output_format, format_options, Severity(fail_on), verbose, max_file_size, require_reason)
    try:
        code = _run(list(paths), packs_of(pack_files), options)
    except Exception as error:  # noqa: BLE001 - the user gets one line, never a traceback
        code = fail(f"internal error: {error!r}")
    sys.exit(code)


def _use_color(no_color: bool) -> bool:
    # https://no-color.org: any non-empty NO_COLOR turns colour off.
    return not no_color and not os.environ.get("NO_COLOR") and sys.stdout.isatty()


def _run(paths: list[Path], packs: list[Pack], options: RunOptions) -> int:
    found = expand(paths)
    settings = Settings(max_file_size=options.max_file_size, require_reason=options.require_reason)
    report = lint_paths(found.files, packs, settings)
    report = dataclasses.replace(report, errors=(*found.problems, *report.errors))
    _print(report, options)
    if report.errors:
        return EXIT_ERROR
    failing = any(f.severity.rank >= options.fail_on.rank for f in report.findings)
    return EXIT_FINDINGS if failing else EXIT_CLEAN


def _print(report: Report, options: RunOptions) -> None:
    if options.verbose:
        for path, reason in report.skipped:
            note(f"passed over {path}: {reason}")
        for silenced in report.suppressed:
            note(suppressed_line(silenced))
    for error in report.errors:
        fail(error)
    emit(FORMATS[options.output_format](report, options.formatting), options.formatting.color)
