"""``spec-lint rules``: every rule, one line each."""

from __future__ import annotations

import json
from pathlib import Path

import click

from spec_lint.catalog import RuleDoc, rule_docs
from spec_lint.cli.output import emit
from spec_lint.cli.packs import pack_option, packs_of
from spec_lint.formats import printable


@click.command("rules")
@click.option("--output-format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="A table, or a JSON array of rules.")
@pack_option
def command(output_format: str, pack_files: tuple[Path, ...]) -> None:
    """List every rule: code, name, severity and summary (`spec-lint explain CODE` says more)."""
    docs = rule_docs(packs_of(pack_files))
    emit(_json(docs) if output_format == "json" else _table(docs))


def _table(docs: list[RuleDoc]) -> str:
    width = max(len(d.name) for d in docs)
    return "\n".join(printable(f"{d.code}  {d.name:<{width}}  {d.severity.value:<7}  {d.summary}") for d in docs)


def _json(docs: list[RuleDoc]) -> str:
    items = [{"code": d.code, "name": d.name, "severity": d.severity.value, "check": d.kind,
              "summary": d.summary, "description": d.description} for d in docs]
    return json.dumps(items, indent=2)
