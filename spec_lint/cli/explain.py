"""``spec-lint explain CODE``: what a rule checks, why, and how the pack sets it up."""

from __future__ import annotations

import sys

import click

from spec_lint.catalog import ENGINE_KIND, RuleDoc, closest_rule, find_rule, rule_docs
from spec_lint.cli.output import emit, fail
from spec_lint.formats import printable
from spec_lint.pack import builtin_pack


@click.command("explain")
@click.argument("code")
def command(code: str) -> None:
    """Explain the rule CODE (a code such as SL102, or a name such as missing-section)."""
    docs = rule_docs(builtin_pack())
    found = find_rule(docs, code)
    if found is None:
        close = closest_rule(docs, code)
        hint = f' (did you mean "{close}"?)' if close else " (expected a code that `spec-lint rules` lists)"
        sys.exit(fail(f'unknown rule "{code}"{hint}'))
    # Escaped line by line: the description's own line breaks stay.
    emit("\n".join(printable(line) for text in _explanation(found) for line in text.split("\n")))


def _explanation(doc: RuleDoc) -> list[str]:
    lines = [f"{doc.code} {doc.name} ({doc.severity.value})", "", doc.description, ""]
    kind = "the engine" if doc.kind == ENGINE_KIND else f'the "{doc.kind}" check'
    lines += [f"Checked by {kind}:", "", _indented(doc.kind_doc)]
    if doc.options:
        lines += ["", "Options in this pack:", *(f"  {name} = {value!r}" for name, value in doc.options)]
    if doc.params:
        lines += ["", "Pack parameters they use:", *(f"  {name} = {value!r}" for name, value in doc.params)]
    return lines


def _indented(text: str) -> str:
    return "\n".join(f"  {line}" if line else "" for line in text.splitlines())
