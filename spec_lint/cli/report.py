"""``spec-lint report PATH...``: the 1.0 readiness report of the specs, as Markdown, JSON or HTML."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from spec_lint.cli.output import EXIT_CLEAN, EXIT_ERROR, emit, fail
from spec_lint.cli.packs import default_pack, loaded, pack_option
from spec_lint.cli.settings_options import configuration, overrides_of, settings_options
from spec_lint.discover import expand
from spec_lint.engine import lint_paths
from spec_lint.report import RENDERERS, readiness


@click.command("report")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(list(RENDERERS)), default="markdown", show_default=True,
              help="Markdown (for an issue or a job summary), JSON (the data, for dashboards) or one HTML page.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), metavar="FILE",
              help="Write the report to FILE instead of standard output.")
@settings_options
@pack_option
def command(paths: tuple[Path, ...], output_format: str, output: Path | None, pack_files: tuple[Path, ...],
            **options: Any) -> None:
    """Report the 1.0 readiness of the specs in PATHS: for each component its fields, the status
    of each requirement of its status table, its lint errors and warnings, and the share of
    requirements complete; then a summary per requirement and the specs that need a look.

    The specs are linted as "spec-lint check" lints them, with the same configuration. Exit
    codes: 0 the report was written, 2 a path could not be looked at (the report is still
    written) or the report could not be written.
    """
    config = configuration(overrides_of(options, packs=tuple(loaded(pack_files))), default_pack)
    found = expand(list(paths), config.scope)
    for problem in found.problems:
        fail(problem)
    linted = lint_paths(found.files, config.packs, config.settings)
    text = RENDERERS[output_format](readiness(linted, config.packs, config.settings, found.problems))
    code = _write(text, output)
    sys.exit(EXIT_ERROR if found.problems else code)


def _write(text: str, output: Path | None) -> int:
    if output is None:
        emit(text)
        return EXIT_CLEAN
    try:
        output.write_text(text + "\n", encoding="utf-8")
    except OSError as error:
        return fail(f"cannot write the report to {output}: {error.strerror or error}")
    return EXIT_CLEAN
