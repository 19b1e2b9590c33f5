"""What every command prints besides its report: one-line messages, safely, and exit codes."""

from __future__ import annotations

import os
import sys

import click

from spec_lint.formats import printable

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130


def fail(message: str) -> int:
    """Say on standard error what went wrong, escaped (a file name may hold any character)."""
    note(f"error: {message}")
    return EXIT_ERROR


def note(message: str) -> None:
    click.echo(f"spec-lint: {printable(message)}", err=True)


def emit(out: str, color: bool = False) -> None:
    """Print a command's output; a reader that went away (``| head -1``) is no error."""
    if not out:
        return
    try:
        click.echo(out, color=color)
        sys.stdout.flush()
    except BrokenPipeError:
        # Python would report the failed flush again at exit: point stdout at nothing instead.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
