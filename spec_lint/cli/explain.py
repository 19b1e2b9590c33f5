"""``spec-lint explain CODE``: what a rule checks, why, and how the pack sets it up."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from spec_lint.catalog import ENGINE_KIND, RuleDoc, closest_rule, find_rules, rule_docs
from spec_lint.cli.output import emit, fail
from spec_lint.cli.packs import pack_option, packs_of
from spec_lint.cli.toml_text import toml_key, toml_value
from spec_lint.formats import printable


@click.command("explain")
@click.argument("code")
@pack_option
def command(code: str, pack_files: tuple[Path, ...]) -> None:
    """Explain the rule CODE (a code such as SL102, or a name such as missing-section)."""
    docs = rule_docs(packs_of(pack_files))
    found = find_rules(docs, code)
    if not found:
        close = closest_rule(docs, code)
        hint = f' (did you mean "{close}"?)' if close else " (expected a code that `spec-lint rules` lists)"
        sys.exit(fail(f'unknown rule "{code}"{hint}'))
    emit("\n\n".join("\n".join(_explanation(doc)) for doc in found))


def _explanation(doc: RuleDoc) -> list[str]:
    """The lines to print: the prose escaped, the options as TOML (which escapes its own values)."""
    kind = "the engine" if doc.kind == ENGINE_KIND else f'the "{doc.kind}" check'
    prose = f"{doc.code} {doc.name} ({doc.severity.value})\n\n{doc.description}\n\nChecked by {kind}:\n\n"
    lines = _printable_lines(prose + _indented(doc.kind_doc))
    if doc.options:
        lines += ["", printable(f'Options in the "{doc.pack}" pack:'), *_assignments("options", doc.options)]
    if doc.params:
        lines += ["", "Pack parameters they use:", *_assignments("params", doc.params)]
    return lines


def _assignments(table: str, values: tuple[tuple[str, object], ...]) -> list[str]:
    return [f"  {table}.{toml_key(name)} = {toml_value(value)}" for name, value in values]


def _printable_lines(text: str) -> list[str]:
    # Escaped line by line: the text's own line breaks stay.
    return [printable(line) for line in text.split("\n")]


def _indented(text: str) -> str:
    return "\n".join(f"  {line}" if line else "" for line in text.splitlines())
