"""SARIF ``reportingDescriptor`` objects: each rule as ``spec-lint explain`` describes it."""

from __future__ import annotations

import re

from spec_lint.catalog import ENGINE_KIND, RuleDoc


def descriptor(doc: RuleDoc) -> dict[str, object]:
    text = help_text(doc)
    # A plugin's rule may come without a description: code scanning wants some text.
    short = doc.summary or doc.name
    return {
        "id": doc.code,
        "name": doc.name,
        "shortDescription": {"text": short},
        "fullDescription": {"text": " ".join(doc.description.split()) or short},
        "defaultConfiguration": {"level": doc.severity.value},
        "help": {"text": text, "markdown": text},
        "properties": {"fixable": doc.fixable},
    }


def help_text(doc: RuleDoc) -> str:
    """What ``explain`` prints of a rule, but the example's outcome (that would lint the sample
    document for every rule of every run): description, why, the check, the snippets."""
    parts = [doc.description]
    if doc.why:
        parts.append(f"Why it matters: {doc.why}")
    if doc.kind != ENGINE_KIND:
        parts.append(f'Checked by the "{doc.kind}" check: {doc.kind_doc}')
    if doc.example is not None:
        parts += [f"Fails:\n\n{_fenced(doc.example.fails)}", f"Passes:\n\n{_fenced(doc.example.passes)}"]
    return "\n\n".join(part.strip() for part in parts if part.strip()) or doc.name


def _fenced(snippet: str) -> str:
    # A fence longer than any backtick run in the snippet, so the snippet cannot close it.
    fence = "`" * max(3, _longest_backticks(snippet) + 1)
    return f"{fence}markdown\n{snippet.strip()}\n{fence}" if snippet.strip() else "(nothing: the section is deleted)"


def _longest_backticks(text: str) -> int:
    return max((len(run) for run in re.findall("`+", text)), default=0)
