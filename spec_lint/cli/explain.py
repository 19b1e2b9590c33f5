"""``spec-lint explain CODE``: what a rule checks, why, and how the pack sets it up."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import click

from spec_lint.catalog import ENGINE_KIND, RuleDoc, closest_rule, find_rules, rule_docs
from spec_lint.cli.output import emit, fail, note
from spec_lint.cli.packs import pack_option, packs_of
from spec_lint.cli.toml_text import toml_key, toml_value
from spec_lint.examples import ExampleError, outcome
from spec_lint.findings import Finding
from spec_lint.formats import printable

_WIDTH = 96  # as the pack's descriptions are wrapped


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
    why = textwrap.fill(f"Why it matters: {doc.why}", _WIDTH) + "\n\n" if doc.why else ""
    prose = f"{doc.code} {doc.name} ({doc.severity.value})\n\n{doc.description}\n\n{why}Checked by {kind}:\n\n"
    lines = _printable_lines(prose + _indented(doc.kind_doc))
    if doc.options:
        lines += ["", printable(f'Options in the "{doc.pack}" pack:'), *_assignments("options", doc.options)]
    if doc.params:
        lines += ["", "Pack parameters they use:", *_assignments("params", doc.params)]
    return [*lines, "", *_printable_lines(_example(doc))]


def _example(doc: RuleDoc) -> str:
    """The failing and the passing snippet, each with what the rule reports on it in the sample."""
    if doc.kind == ENGINE_KIND:
        return "No example: an engine rule is about the file itself or spec-lint, not about the Markdown."
    if doc.example is None or doc.source is None:
        return "No example (the pack entry gives no [rules.example])."
    where = f'the section "{doc.example.section}"' if doc.example.section else "the title block"
    try:
        seen = outcome(*doc.source)
    except ExampleError as error:
        seen = None
        note(f"cannot try the example: {error}")
    other = "" if doc.example.other is None else \
        f"Another spec of the same project, first in path order:\n\n{_snippet(doc.example.other)}\n\n"
    return (f"Example, replacing {where} of the pack's sample document:\n\n{other}"
            f"Fails:\n\n{_snippet(doc.example.fails)}\n\n{_reported(doc, seen.fails if seen else None)}\n\n"
            f"Passes:\n\n{_snippet(doc.example.passes)}\n\n{_reported(doc, seen.passes if seen else None)}")


def _snippet(text: str) -> str:
    return _indented(text) if text.strip() else "  (nothing: the section is deleted)"


def _reported(doc: RuleDoc, findings: tuple[Finding, ...] | None) -> str:
    if findings is None:
        return f"  ({doc.code} not tried)"
    if not findings:
        return f"  {doc.code} reports nothing."
    return "\n".join(f"  {doc.code} reports: {finding.message}" for finding in findings)


def _assignments(table: str, values: tuple[tuple[str, object], ...]) -> list[str]:
    return [f"  {table}.{toml_key(name)} = {toml_value(value)}" for name, value in values]


def _printable_lines(text: str) -> list[str]:
    # Escaped line by line: the text's own line breaks stay.
    return [printable(line) for line in text.split("\n")]


def _indented(text: str) -> str:
    return "\n".join(f"  {line}" if line else "" for line in text.splitlines())
