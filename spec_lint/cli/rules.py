"""``spec-lint rules``: every rule, one line each, as a table, JSON or the README's Markdown table."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import click

from spec_lint.catalog import RuleDoc, rule_docs
from spec_lint.cli.output import emit
from spec_lint.cli.packs import pack_option, packs_of
from spec_lint.formats import printable

_ESCAPED_PIPE = "\\|"
_MARKDOWN_FIX = {"safe": "yes", "unsafe": "unsafe"}
MARKDOWN_HEADER = ("| code | name | severity | fixable | what it reports |", "|---|---|---|---|---|")


@click.command("rules")
@click.option("--output-format", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True,
              help="A table, a JSON array of rules, or a Markdown table (the README's).")
@pack_option
def command(output_format: str, pack_files: tuple[Path, ...]) -> None:
    """List every rule: code, name, severity, fixable and summary (`spec-lint explain CODE` says more)."""
    docs = rule_docs(packs_of(pack_files))
    emit(FORMATS[output_format](docs))


def _table(docs: list[RuleDoc]) -> str:
    width = max(len(d.name) for d in docs)
    return "\n".join(printable(f"{d.code}  {d.name:<{width}}  {d.severity.value:<7}  {_fix(d):<6}  {d.summary}")
                     for d in docs)


def _fix(doc: RuleDoc) -> str:
    return {"safe": "fix", "unsafe": "unsafe"}.get(doc.fix, "-")


def _json(docs: list[RuleDoc]) -> str:
    items = [{"code": d.code, "name": d.name, "severity": d.severity.value, "fixable": d.fixable, "fix": d.fix or None,
              "check": d.kind,
              "summary": d.summary, "description": d.description, "why": d.why} for d in docs]
    return json.dumps(items, indent=2)


def markdown(docs: list[RuleDoc]) -> str:
    """The README's rule table; a ``|`` in a summary is escaped, as a table cell needs, also in code."""
    rows = (f"| {d.code} | {d.name} | {d.severity.value} | {_MARKDOWN_FIX.get(d.fix, 'no')} | "
            f"{d.summary.replace('|', _ESCAPED_PIPE)} |" for d in docs)
    return "\n".join((*MARKDOWN_HEADER, *rows))


FORMATS: dict[str, Callable[[list[RuleDoc]], str]] = {"text": _table, "json": _json, "markdown": markdown}
