"""The ``spec-lint`` command group: ``check`` (the default), ``rules`` and ``explain``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import click

from spec_lint import __version__
from spec_lint.cli import check, explain, rules
from spec_lint.cli.output import EXIT_INTERRUPTED, note

DEFAULT = "check"
# Names kept for commands still to come: a path of that name is written "./new" or "check new".
RESERVED = ("new", "report")
_GROUP_OPTIONS = ("-h", "--help", "--version")
_EPILOG = (
    "Without a command, spec-lint checks: \"spec-lint PATH...\" is \"spec-lint check PATH...\". "
    "check, rules, explain, new and report are command names: a folder named like one is linted "
    "as ./rules or rules/ (or with \"spec-lint check rules\")."
)


class CommandGroup(click.Group):
    """Commands, with ``check`` the default: ``spec-lint PATH...`` runs ``spec-lint check PATH...``."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args:
            raise click.UsageError("Missing argument 'PATHS...' (or a command)", ctx)
        if args[0] in RESERVED:
            raise click.UsageError(f'"{args[0]}" is a command still to come: to lint a path of that '
                                   f'name, write "./{args[0]}" or "spec-lint check {args[0]}"', ctx)
        if args[0] not in self.commands and args[0] not in _GROUP_OPTIONS:
            args = [DEFAULT, *args]
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            note("interrupted")
            raise click.exceptions.Exit(EXIT_INTERRUPTED) from None

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


@click.group(cls=CommandGroup, help=check.command.help, epilog=_EPILOG,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="spec-lint")
def main() -> None:
    pass


for _module in (check, rules, explain):
    main.add_command(_module.command)
