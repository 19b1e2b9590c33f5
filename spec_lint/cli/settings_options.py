"""The options that override the configuration file (``--select``, ``--config``, ...), and the
configuration they give: a bad one ends the run with exit 2."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from spec_lint.cli.output import fail
from spec_lint.config.discovery import ConfigError
from spec_lint.config.resolve import Configuration, Overrides, configure
from spec_lint.pack import Pack, PackError
from spec_lint.plugins import PluginError

Command = TypeVar("Command", bound=Callable[..., None])


def _codes(_ctx: click.Context, _param: click.Parameter, given: tuple[str, ...]) -> tuple[str, ...]:
    """``--select SL3,SL4 --select SL5``: each code once, in order."""
    return tuple(dict.fromkeys(code.strip() for value in given for code in value.split(",") if code.strip()))


_OPTIONS = (
    click.option("--select", multiple=True, callback=_codes, metavar="CODES",
                 help="Only these codes or prefixes (comma-separated; ALL for all), instead of the file's select."),
    click.option("--extend-select", multiple=True, callback=_codes, metavar="CODES",
                 help="Codes or prefixes switched on besides the selected ones."),
    click.option("--ignore", multiple=True, callback=_codes, metavar="CODES",
                 help="Codes or prefixes switched off (after the file's ignore)."),
    click.option("--config", "config_file", type=click.Path(path_type=Path, dir_okay=False), metavar="FILE",
                 help="Use this configuration file (.spec-lint.toml or pyproject.toml), not the one found."),
    click.option("--isolated", is_flag=True, help="Ignore every configuration file."),
    click.option("--force-exclude", is_flag=True,
                 help="Apply exclude to the paths named on the command line too (as pre-commit passes them)."),
)


def settings_options(command: Command) -> Command:
    for option in reversed(_OPTIONS):
        command = option(command)
    return command


def configuration(overrides: Overrides, default: Callable[[], Pack]) -> Configuration:
    """The run's configuration (``default`` the pack when none is named); a bad configuration
    file, code or pack ends the run with exit 2."""
    if overrides.isolated and overrides.config:
        raise click.UsageError("--config and --isolated cannot be used together")
    try:
        return configure(overrides, Path.cwd(), default)
    except ConfigError as error:
        sys.exit(fail(str(error)))
    except PackError as error:
        sys.exit(fail(f"bad rule pack: {error}"))
    except PluginError as error:  # the built-in pack's lookup loads the plugins: a broken one is named
        sys.exit(fail(str(error)))


def overrides_of(options: dict[str, Any], **given: Any) -> Overrides:
    """The overrides from the options above and what the command adds (fail-on, packs, ...)."""
    select = options["select"] or None
    return Overrides(select, options["extend_select"], options["ignore"], config=options["config_file"],
                     isolated=options["isolated"], force_exclude=options["force_exclude"], **given)
