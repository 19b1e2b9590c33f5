"""Rule examples: a snippet spliced into the pack's sample document, and what its rule says of it.

The splice, in lines of the sample: ``section`` is a template path such as
``"Metrics & Observability > Metrics"`` (each step a heading that matches the template title:
the first among the sample's headings at the pack's section level, the next among that one's
sub-sections). The snippet replaces that section's lines, from its heading to the line before
the next heading of the same or a higher level; ``section = ""`` replaces the lines before the
first heading that is a top template section (the title block). The snippet's trailing blank
lines are dropped and one blank line is added, so that the heading after it stays a heading;
an empty snippet deletes the section.

A cross-file rule's example gives ``other``, a whole second document: the spliced sample is
linted with it as another spec of the same project, which comes first in path order.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from spec_lint.engine import lint_paths, lint_text
from spec_lint.findings import Finding
from spec_lint.model import Document, Section
from spec_lint.pack import Example, Pack, Rule
from spec_lint.parser import parse
from spec_lint.titles import title_matches

PATH_SEPARATOR = " > "
# A cross-file example's two documents, named so that the other one comes first.
_OTHER, _EXAMPLE = Path("another-spec.md"), Path("spec.md")


class ExampleError(Exception):
    """An example that cannot be tried: no sample document, or no such section in it."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the rule reports on its failing and on its passing example."""

    fails: tuple[Finding, ...]
    passes: tuple[Finding, ...]


def splice(sample: str, section: str, snippet: str, pack: Pack) -> str:
    """The sample with ``section`` replaced by ``snippet``, as the module docstring says."""
    doc = parse(sample)
    start, end = _span(doc, section, pack)
    lines = snippet.rstrip().splitlines()
    return "\n".join([*doc.lines[:start - 1], *lines, *([""] if lines else []), *doc.lines[end:]]) + "\n"


def _span(doc: Document, section: str, pack: Pack) -> tuple[int, int]:
    """The 1-based first and last line the snippet replaces."""
    if not section:
        top = [s.title for s in pack.sections]
        first = next((s for s in doc.sections if s.level == pack.top_level and _matches_any(s, top)), None)
        if first is None:
            raise ExampleError("no template section in the sample (expected a title block before one)")
        return 1, first.line - 1
    found = _section(doc, section.split(PATH_SEPARATOR), pack.top_level)
    if found is None:
        raise ExampleError(f'no section "{section}" in the sample (expected a template path such as "A > B")')
    return found.line, found.end_line


def _matches_any(section: Section, titles: list[str]) -> bool:
    return any(title_matches(section.title, title) for title in titles)


def _section(doc: Document, path: list[str], level: int) -> Section | None:
    found = next((s for s in doc.sections if s.level == level and title_matches(s.title, path[0])), None)
    for step in path[1:]:
        if found is None:
            return None
        found = next((child for child in found.children if title_matches(child.title, step)), None)
    return found


def outcome(rule: Rule, pack: Pack) -> Outcome:
    """The rule's findings on its two examples, each spliced into the pack's sample."""
    if rule.example is None:
        raise ExampleError(f"{rule.code} has no example (expected [rules.example] in its pack entry)")
    return Outcome(_findings(rule, rule.example, rule.example.fails, pack),
                   _findings(rule, rule.example, rule.example.passes, pack))


def _findings(rule: Rule, example: Example, snippet: str, pack: Pack) -> tuple[Finding, ...]:
    if pack.sample is None:
        raise ExampleError(f'pack "{pack.name}" has no sample document (expected [pack] sample = "...")')
    try:
        sample = pack.sample.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ExampleError(f'cannot read the sample document of pack "{pack.name}": {error}') from error
    text = splice(sample, example.section, snippet, pack)
    if example.other is not None:
        return _across(rule, text, example.other, pack)
    result = lint_text(text, pack.sample, [pack])
    if result.skipped:
        raise ExampleError(f"{rule.code}: the sample with its example is passed over ({result.skipped})")
    return tuple(f for f in result.findings if f.code == rule.code)


def _across(rule: Rule, text: str, other: str, pack: Pack) -> tuple[Finding, ...]:
    """The rule's findings in the spliced sample, linted with ``other`` as another spec of its project."""
    report = lint_paths([_OTHER, _EXAMPLE], [pack], texts={_OTHER: other, _EXAMPLE: text})
    if report.skipped:
        raise ExampleError(f"{rule.code}: a document of its example is passed over ({report.skipped[0][1]})")
    return tuple(f for f in report.findings if f.code == rule.code and f.path == str(_EXAMPLE))
