"""``--pack NAME|FILE``: the rule packs a command uses; else the configuration's, else the built-in one."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

import click

from spec_lint.cli.output import fail
from spec_lint.cli.settings_options import configuration
from spec_lint.config.resolve import Overrides
from spec_lint.pack import Pack, PackError, builtin_pack, pack_from
from spec_lint.plugins import PluginError

Command = TypeVar("Command", bound=Callable[..., None])


def pack_option(command: Command) -> Command:
    option = click.option("--pack", "pack_files", multiple=True, metavar="NAME|FILE", type=click.Path(path_type=Path),
                          help="A rule pack (a built-in or plugin pack's name, or a TOML file) instead of the "
                               "configured or built-in one; repeatable (a file goes to the first pack whose markers it has).")
    return option(command)


def loaded(files: Sequence[Path]) -> list[Pack]:
    """The packs in the files, in order; a bad pack ends the run with exit 2."""
    try:
        return [pack_from(str(file)) for file in files]
    except PackError as error:
        sys.exit(fail(f"bad rule pack: {error}"))
    except PluginError as error:  # packs load the plugins: a broken one is named here, for every command
        sys.exit(fail(str(error)))


def packs_of(files: Sequence[Path]) -> list[Pack]:
    """The packs in the files, else those of the configuration found from the current folder
    (with its parameters), else the built-in pack."""
    return loaded(files) or list(configuration(Overrides(), default_pack).packs)


def default_pack() -> Pack:
    """The pack when neither ``--pack`` nor the configuration names one: the built-in pack."""
    return builtin_pack()
