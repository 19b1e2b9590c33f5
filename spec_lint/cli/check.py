"""``spec-lint check PATH...``: lint files and folders (the default command)."""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from spec_lint.cli.files import append_summary, write_atomically
from spec_lint.cli.output import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, emit, fail, note
from spec_lint.cli.packs import default_pack, loaded, pack_option
from spec_lint.cli.settings_options import configuration, overrides_of, settings_options
from spec_lint.config.resolve import Configuration
from spec_lint.discover import expand
from spec_lint.engine import lint_paths
from spec_lint.findings import Report
from spec_lint.formats import DESCRIBE_RULES, FORMATS, FormatOptions, step_summary, suppressed_line
from spec_lint.parallel import WorkerError, available_cpus
from spec_lint.reading import DEFAULT_MAX_FILE_SIZE

if TYPE_CHECKING:
    from spec_lint.cache import Cache
    from spec_lint.catalog import RuleDoc


@dataclasses.dataclass(frozen=True, slots=True)
class Fixing:
    """``--fix`` (write the fixed files), ``--diff`` (show them, write nothing), ``--unsafe-fixes``."""

    fix: bool = False
    diff: bool = False
    unsafe: bool = False


@dataclasses.dataclass(frozen=True, slots=True)
class RunOptions:
    """``output_format`` goes to standard output unless ``output_file`` is given without its own
    ``file_format``; then the file gets ``output_format`` and standard output nothing."""

    output_format: str
    formatting: FormatOptions
    verbose: bool
    output_file: Path | None = None
    file_format: str | None = None
    fixing: Fixing = Fixing()
    jobs: int = 1
    cache: bool = True
    cache_dir: Path | None = None  # None: the default folder


@click.command("check")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--output-format", type=click.Choice(sorted(FORMATS)), default="text", show_default=True,
              help="How to print findings.")
@click.option("--output-file", type=click.Path(path_type=Path, dir_okay=False), metavar="FILE",
              help="Write the report to FILE (atomically) instead of standard output.")
@click.option("--output-file-format", type=click.Choice(sorted(FORMATS)),
              help="The format of --output-file; given, standard output still gets --output-format.  "
                   "[default: --output-format]")
@click.option("--fail-on", type=click.Choice(["error", "warning"]),
              help="Lowest severity that makes the exit code 1.  [default: error]")
@click.option("--max-file-size", type=click.IntRange(min=0), metavar="BYTES",
              help="A larger file that may be a spec is one SL003 finding, not parsed (0: no limit).  "
                   f"[default: {DEFAULT_MAX_FILE_SIZE}]")
@click.option("--require-reason", is_flag=True, default=None, help="A suppression comment without a reason is a finding.")
@click.option("--quiet", "-q", is_flag=True, help="Print findings only, no summary.")
@click.option("--verbose", "-v", is_flag=True,
              help="Also say which files were passed over and which findings were suppressed, and why.")
@click.option("--no-color", is_flag=True, help="Never colour the output (NO_COLOR does the same).")
@click.option("--fix", is_flag=True, help="Apply the safe fixes to the files, then report what is left.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, also apply the unsafe fixes.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff and write nothing (exit 1 if any).")
@click.option("--show-settings", is_flag=True, help="Print the configuration in effect for the one PATH, and exit.")
@click.option("--show-files", is_flag=True, help="List the files that would be linted, and exit.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), metavar="N",
              help="Lint in N processes; fewer than 16 files are linted in one.  [default: the CPUs available]")
@click.option("--no-cache", is_flag=True, envvar="SPEC_LINT_NO_CACHE",
              help="Neither read nor write the cache of unchanged files' results.")
@click.option("--cache-dir", type=click.Path(path_type=Path, file_okay=False), metavar="DIR",
              envvar="SPEC_LINT_CACHE_DIR", help="Keep the cache in DIR.  [default: .spec_lint_cache at the project root]")
@settings_options
@pack_option
def command(paths: tuple[Path, ...], output_format: str, output_file: Path | None, output_file_format: str | None,
            fail_on: str | None, max_file_size: int | None, require_reason: bool | None, quiet: bool, verbose: bool,
            no_color: bool, fix: bool, unsafe_fixes: bool, diff: bool, show_settings: bool, show_files: bool,
            jobs: int | None, no_cache: bool, cache_dir: Path | None, pack_files: tuple[Path, ...],
            **options: Any) -> None:
    """Lint Markdown specification documents against their template.

    PATHS are files and folders; folders are searched for *.md files. Settings come from the
    nearest .spec-lint.toml or pyproject.toml [tool.spec-lint] up to the repository root; the
    options override them. Exit codes: 0 no finding at or above --fail-on, 1 some, 2 usage
    error, a bad configuration or rule pack, or something could not be checked (a missing or
    unreadable path, an internal error).
    """
    if quiet and verbose:
        raise click.UsageError("--quiet and --verbose cannot be used together")
    if show_settings and len(paths) != 1:
        raise click.UsageError("--show-settings takes exactly one PATH")
    config = configuration(overrides_of(options, fail_on=fail_on, max_file_size=max_file_size,
                                        require_reason=require_reason, packs=tuple(loaded(pack_files))),
                           default_pack)
    if show_settings or show_files:
        sys.exit(_show(list(paths), config, show_settings))
    formatting = FormatOptions(color=_use_color(no_color), summary=not quiet, cwd=os.getcwd(),
                               root=str(config.settings.root.resolve()) if config.settings.root else "",
                               fail_on=config.fail_on)
    run_options = RunOptions(output_format, formatting, verbose, output_file, output_file_format,
                             Fixing(fix, diff, unsafe_fixes), jobs or available_cpus(), not no_cache, cache_dir)
    try:
        code = _run(list(paths), config, run_options)
    except WorkerError as error:
        code = fail(str(error))
    except Exception as error:  # noqa: BLE001 - the user gets one line, never a traceback
        code = fail(f"internal error: {error!r}")
    sys.exit(code)


def _use_color(no_color: bool) -> bool:
    # https://no-color.org: any non-empty NO_COLOR turns colour off.
    return not no_color and not os.environ.get("NO_COLOR") and sys.stdout.isatty()


def _show(paths: list[Path], config: Configuration, settings: bool) -> int:
    """``--show-settings`` or ``--show-files``: exit 0, or 2 when a path cannot be looked at."""
    from spec_lint.cli.show_settings import settings_text  # here: a check never loads the TOML writer

    found = expand(paths, config.scope)
    for problem in found.problems:
        fail(problem)
    emit(settings_text(paths[0], config) if settings else "\n".join(map(str, found.files)))
    return EXIT_ERROR if found.problems else EXIT_CLEAN


def _run(paths: list[Path], config: Configuration, options: RunOptions) -> int:
    found = expand(paths, config.scope)
    if options.fixing.diff:
        return _diff(found.files, found.problems, config, options.fixing.unsafe)
    fixing = options.fixing
    fixed, problems = _write_fixes(found.files, config, fixing.unsafe) if fixing.fix else (0, [])
    cache = _cache(config, options)
    report = lint_paths(found.files, config.packs, config.settings, None, options.jobs, cache)
    if cache is not None and cache.problem:
        note(f"warning: {cache.problem} (the run goes on without it)")
    report = dataclasses.replace(report, errors=(*found.problems, *problems, *report.errors), fixed=fixed,
                                 rules=_rules(config, options))
    written = _print(report, options)
    if report.errors or not written:
        return EXIT_ERROR
    failing = any(f.severity.rank >= config.fail_on.rank for f in report.findings)
    return EXIT_FINDINGS if failing else EXIT_CLEAN


def _rules(config: Configuration, options: RunOptions) -> tuple[RuleDoc, ...]:
    """Every rule in effect, described, for a format that describes them; the others never load the catalog."""
    if not {options.output_format, options.file_format or options.output_format} & DESCRIBE_RULES:
        return ()
    from spec_lint.catalog import rule_docs

    return tuple(rule_docs(config.packs))


def _cache(config: Configuration, options: RunOptions) -> Cache | None:
    if not options.cache:
        return None
    from spec_lint.cache import Cache, default_folder  # here: a run without the cache never loads it

    return Cache(options.cache_dir or default_folder(config.settings), config.packs, config.settings)


def _write_fixes(files: Sequence[Path], config: Configuration, unsafe: bool) -> tuple[int, list[str]]:
    from spec_lint.fixing import write_fixes  # here: a run without --fix or --diff never loads mdformat

    return write_fixes(files, config.packs, config.settings, unsafe)


def _diff(files: Sequence[Path], problems: Sequence[str], config: Configuration, unsafe: bool) -> int:
    """``--diff``: the fixes as a unified diff on standard output; exit 1 when there are any, as ruff does."""
    from spec_lint.fixing import fix_files  # see _write_fixes

    for problem in problems:
        fail(problem)
    changes = fix_files(files, config.packs, config.settings, unsafe)
    click.echo("".join(change.diff() for change in changes), nl=False)
    if problems:
        return EXIT_ERROR
    return EXIT_FINDINGS if changes else EXIT_CLEAN


def _print(report: Report, options: RunOptions) -> bool:
    """Print and write the report; False when the output file or the step summary cannot be written."""
    if options.verbose:
        for path, reason in report.skipped:
            note(f"passed over {path}: {reason}")
        for silenced in report.suppressed:
            note(suppressed_line(silenced))
    for error in report.errors:
        fail(error)
    return _output(report, options)


def _output(report: Report, options: RunOptions) -> bool:
    """The report on standard output or in the output file or both, and GitHub's step summary."""
    file_format = options.file_format or options.output_format
    if options.output_file is None or options.file_format is not None:
        emit(FORMATS[options.output_format](report, options.formatting), options.formatting.color)
    written = options.output_file is None or _write(options.output_file, FORMATS[file_format](report, _plain(options)))
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_file and "github" in {options.output_format, file_format}:
        written = append_summary(Path(summary_file), step_summary(report)) and written
    return written


def _plain(options: RunOptions) -> FormatOptions:
    return dataclasses.replace(options.formatting, color=False)


def _write(path: Path, out: str) -> bool:
    try:
        write_atomically(path, out + "\n" if out else "")
    except OSError as error:
        fail(f"cannot write the report to {path}: {error.strerror or error}")
        return False
    return True
