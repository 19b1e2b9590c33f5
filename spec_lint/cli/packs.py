"""``--pack NAME|FILE``: the rule packs a command uses, the built-in one unless packs are given."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

import click

from spec_lint.cli.output import fail
from spec_lint.pack import Pack, PackError, builtin_pack, pack_from
from spec_lint.plugins import PluginError

Command = TypeVar("Command", bound=Callable[..., None])


def pack_option(command: Command) -> Command:
    option = click.option("--pack", "pack_files", multiple=True, metavar="NAME|FILE", type=click.Path(path_type=Path),
                          help="A rule pack (a built-in or plugin pack's name, or a TOML file) instead of the "
                               "built-in one; repeatable (a file goes to the first pack whose markers it has).")
    return option(command)


def packs_of(files: Sequence[Path]) -> list[Pack]:
    """The packs in the files, in order, or the built-in pack; a bad pack ends the run with exit 2."""
    try:
        return [pack_from(str(file)) for file in files] or [builtin_pack()]
    except PackError as error:
        sys.exit(fail(f"bad rule pack: {error}"))
    except PluginError as error:  # packs load the plugins: a broken one is named here, for every command
        sys.exit(fail(str(error)))
