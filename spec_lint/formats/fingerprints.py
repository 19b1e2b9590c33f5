"""Fingerprints that name a finding across edits: stable when unrelated lines move."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence

from spec_lint.findings import Finding
from spec_lint.formats.locations import locate
from spec_lint.formats.options import FormatOptions


def fingerprints(findings: Sequence[Finding], options: FormatOptions) -> list[str]:
    """One fingerprint per finding, in order: a hash of its rule, the relative path the output
    names it by (the same however the path was typed), sections and line text (not its line
    number), and how many identical ones came before it in the file, so that identical findings
    on different lines differ."""
    seen: Counter[str] = Counter()
    prints = []
    for finding in findings:
        key = _identity(finding, options)
        prints.append(_digest(f"{key}\0{seen[key]}"))
        seen[key] += 1
    return prints


def _identity(finding: Finding, options: FormatOptions) -> str:
    anchor = finding.anchor
    # A finding on no line of a document (an unreadable file) has no text: its message stands in.
    text = anchor.text if anchor.sections or anchor.text else " ".join(finding.message.split())
    where = locate(finding.path, options)
    return "\0".join((finding.code, where.base, where.path, "\x1f".join(anchor.sections), text))


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]
