"""``spec-lint new NAME --support-level LEVEL``: start a spec from the pack's template."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

import click

from spec_lint.cli.output import emit, fail, note
from spec_lint.cli.packs import packs_of
from spec_lint.pack import Pack
from spec_lint.pack.params import builtins
from spec_lint.starter import Starter, StarterError, new_spec, support_levels
from spec_lint.template import alternatives

STDOUT = Path("-")


@click.command("new")
@click.argument("name")
@click.option("--support-level", required=True, metavar="LEVEL",
              help="The component's Support Level, one the pack accepts (Library keeps the Public API section).")
@click.option("--output", "-o", type=click.Path(path_type=Path, dir_okay=False, allow_dash=True), metavar="FILE",
              help='Where to write the spec ("-": standard output).  [default: <component-id>.md, with - for _]')
@click.option("--force", is_flag=True, help="Overwrite FILE when it exists.")
@click.option("--pack", "pack_files", multiple=True, metavar="NAME|FILE", type=click.Path(path_type=Path),
              help="The rule pack whose template to start from (a built-in or plugin pack's name, or a TOML file) "
                   "instead of the configured or built-in one; when given more than once, the first one.")
def command(name: str, support_level: str, output: Path | None, force: bool, pack_files: tuple[Path, ...]) -> None:
    """Write a new spec for the component NAME ("KV Block Manager") from the pack's template.

    The name, component id, today's date and the naming prefixes of the configured pack
    parameters are filled in; what is left for the author to write is what `spec-lint FILE`
    reports (SL401, SL402).
    """
    if not name.isprintable():
        raise click.BadParameter("a control character in the name (expected one line of text)", param_hint="NAME")
    pack = packs_of(pack_files)[0]
    starter = Starter(name.strip(), _level(support_level, pack), datetime.date.today())
    try:
        component, text = new_spec(pack, starter)
    except StarterError as error:
        sys.exit(fail(str(error)))
    target = output or Path(f"{builtins(component)['component-']}.md")
    if target == STDOUT:
        emit(text.rstrip("\n"))
        return
    _write(target, text, force)
    note(f'created {target}: {_article(starter.support_level)} {starter.support_level} spec of "{starter.name}" (component id "{component}"); '
         f'"spec-lint {target}" lists what is left to write')


def _article(word: str) -> str:
    return "an" if word[:1].casefold() in "aeiou" else "a"


def _level(given: str, pack: Pack) -> str:
    """The Support Level as the pack spells it (any case given); a usage error when it has no such level."""
    levels = support_levels(pack)
    found = next((level for level in levels if level.casefold() == given.strip().casefold()), None)
    if found is None and levels:
        raise click.BadParameter(f'"{given}" is no Support Level of pack "{pack.name}" '
                                 f"(expected {'one of ' if len(levels) > 1 else ''}{alternatives(levels)})",
                                 param_hint="'--support-level'")
    return found or given.strip()


def _write(target: Path, text: str, force: bool) -> None:
    try:
        with target.open("w" if force else "x", encoding="utf-8", newline="\n") as file:
            file.write(text)
    except FileExistsError:
        sys.exit(fail(f"{target} exists (expected another -o FILE, or --force to overwrite it)"))
    except OSError as error:
        sys.exit(fail(f"cannot write {target}: {error.strerror or error}"))
