"""The ``spec-lint`` command group: ``check`` (the default), ``rules``, ``explain``, ``new`` and ``report``."""

from __future__ import annotations

import gc
import importlib
import shlex
from collections.abc import Iterator, MutableMapping, Sequence
from typing import Any

import click

from spec_lint import __version__
from spec_lint.cli.output import EXIT_INTERRUPTED, note

DEFAULT = "check"
_GROUP_OPTIONS = ("-h", "--help", "--version")
_EPILOG = (
    "Without a command, spec-lint checks: \"spec-lint PATH...\" is \"spec-lint check PATH...\". "
    "check, rules, explain, new and report are command names: a folder named like one is linted "
    "as ./rules or rules/ (or with \"spec-lint check rules\")."
)


class LazyCommands(MutableMapping[str, click.Command]):
    """The commands by name, each imported from its module of this package when first looked up:
    `spec-lint --version` loads none, a check never loads the report's Jinja2 or the starter of `new`."""

    def __init__(self, names: Sequence[str]) -> None:
        self._entries: dict[str, click.Command | str] = {name: f"{__name__}.{name}" for name in names}

    def __getitem__(self, name: str) -> click.Command:
        entry = self._entries[name]
        if isinstance(entry, str):
            entry = self._entries[name] = importlib.import_module(entry).command
        return entry

    def __setitem__(self, name: str, command: click.Command) -> None:
        self._entries[name] = command

    def __delitem__(self, name: str) -> None:
        del self._entries[name]

    def __contains__(self, name: object) -> bool:
        return name in self._entries  # without importing the command

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)


class CommandGroup(click.Group):
    """Commands, with ``check`` the default: ``spec-lint PATH...`` runs ``spec-lint check PATH...``.
    Its help is the default command's."""

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        self.help = self.commands[DEFAULT].help
        super().format_help_text(ctx, formatter)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args:
            raise click.UsageError("Missing argument 'PATHS...' (or a command)", ctx)
        if args[0] not in _GROUP_OPTIONS:
            args = self._routed(ctx, args)
        return super().parse_args(ctx, args)

    def _routed(self, ctx: click.Context, args: list[str]) -> list[str]:
        """The arguments with their command first: ``check`` unless they name another."""
        index = _first_argument(args, _value_options(self.commands[DEFAULT]))
        if index is None or args[index] not in self.commands:
            return [DEFAULT, *args]
        name, rest = args[index], [*args[:index], *args[index + 1:]]
        if index and name != DEFAULT:
            raise click.UsageError(f'"{name}" is a command: write it first ("spec-lint '
                                   f'{shlex.join([name, *rest])}"), or "./{name}" to lint a folder of that name', ctx)
        return [name, *rest]

    def invoke(self, ctx: click.Context) -> Any:
        # A run makes many objects and next to no garbage cycles: the cyclic collector would only
        # walk again and again what the run keeps (14% of a run on 200 specs, 4% on one file; the
        # peak memory is the same without it). It is back on once the command is done.
        enabled = gc.isenabled()
        gc.disable()
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            note("interrupted")
            raise click.exceptions.Exit(EXIT_INTERRUPTED) from None
        finally:
            if enabled:
                gc.enable()

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_usage(ctx.command_path, "[OPTIONS] PATHS...")
        formatter.write_usage(ctx.command_path, "COMMAND [ARGS]...", prefix="   or: ")

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # The default command's options are the group's: they are what `spec-lint PATH...` takes.
        params: Sequence[click.Parameter] = [*self.commands[DEFAULT].params, *self.get_params(ctx)]
        records = [r for r in (p.get_help_record(ctx) for p in params if isinstance(p, click.Option)) if r]
        with formatter.section("Options"):
            formatter.write_dl(records)
        self.format_commands(ctx, formatter)


def _value_options(command: click.Command) -> frozenset[str]:
    """The options of ``command`` that take a value (``--output-format json``)."""
    return frozenset(opt for p in command.params if isinstance(p, click.Option) and not p.is_flag for opt in p.opts)


def _first_argument(args: list[str], value_options: frozenset[str]) -> int | None:
    """Where the first argument that is neither an option nor an option's value is; None after
    ``--`` (all paths) or when there is none."""
    index = 0
    while index < len(args) and args[index] != "--":
        if not args[index].startswith("-") or args[index] == "-":
            return index
        index += 2 if args[index] in value_options else 1
    return None


@click.group(cls=CommandGroup, commands=LazyCommands(("check", "rules", "explain", "new", "report")),
             epilog=_EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="spec-lint")
def main() -> None:
    pass

