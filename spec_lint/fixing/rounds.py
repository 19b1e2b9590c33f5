"""Fixing a file's text: lint, apply the fixes whose edits do not overlap, lint again, until none is left."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from spec_lint.engine import lint_text
from spec_lint.findings import Edit, Finding, Fix
from spec_lint.fixing.text import Text, overlap
from spec_lint.pack import Pack
from spec_lint.settings import Settings

# As ruff does: a fix that does not remove its finding would be applied forever.
MAX_ROUNDS = 100


@dataclass(frozen=True, slots=True)
class Fixed:
    """The text after fixing, and how many of its findings that had a fix are gone (one fix may
    take several: a heading moved with its sub-sections)."""

    text: str
    count: int


def fix_text(text: str, path: Path, packs: Sequence[Pack], settings: Settings, unsafe: bool) -> Fixed:
    """The text with every fix applied that the findings (after suppressions and configuration)
    offer: safe ones, and unsafe ones with ``unsafe``. Of overlapping fixes the first applies,
    and the next round, on the changed text, offers the others again if they still hold."""
    current = Text.of(text)
    counts: list[int] = []
    for _ in range(MAX_ROUNDS):
        findings = lint_text(str(current), path, packs, settings).findings
        counts.append(sum(_applies(f.fix, unsafe) for f in findings))
        fixes = chosen(findings, unsafe)
        if not fixes:
            break
        current = current.applied([edit for fix in fixes for edit in fix.edits])
    return Fixed(str(current), max(counts[0] - counts[-1], 0) if str(current) != text else 0)


def _applies(fix: Fix | None, unsafe: bool) -> bool:
    return fix is not None and (fix.safe or unsafe)


def chosen(findings: Iterable[Finding], unsafe: bool) -> list[Fix]:
    """The fixes to apply in one round, in the findings' order, none overlapping an earlier one.
    Fixes that insert wait until no fix rewrites lines: where a stub goes depends on the
    headings around it, which a relevel or rename changes."""
    fixes = [f.fix for f in sorted(findings, key=lambda f: f.sort_key) if f.fix is not None and _applies(f.fix, unsafe)]
    rewrites = [fix for fix in fixes if not any(edit.inserts for edit in fix.edits)]
    taken: list[Fix] = []
    edits: list[Edit] = []
    for fix in rewrites or fixes:
        if fix in taken:
            continue
        if not any(overlap(new, old) for new in fix.edits for old in edits):
            taken.append(fix)
            edits.extend(fix.edits)
    return taken
