"""Property-based tests: no text makes linting raise, and what it reports stays well-formed.

They run with a fixed seed and a bounded number of examples (profile "ci"). A longer run, with
a fresh random seed each time and many more examples, looks for what the fixed seed misses:

    HYPOTHESIS_PROFILE=long python -m pytest tests/test_properties.py
"""

from __future__ import annotations

import json
import os
import re

from conftest import VALID_SPEC, builtin
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spec_lint import Report, lint_text
from spec_lint.formats import FORMATS, FormatOptions

VALID_LINES = VALID_SPEC.read_text(encoding="utf-8").split("\n")

settings.register_profile(
    "ci", derandomize=True, max_examples=200, deadline=None, database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "long", max_examples=4_000, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# Any character (lone surrogates and controls too), weighted towards Markdown's own.
MARKUP = ["\x00", "\ud800", "\udfff", "\r", "\n", "\ufeff", "`", "|", "#", "*", "[", "]", "(", ")",
          "{", "}", "<", ">", "-", " ", "\t", "\\", '"', "'", ":", "~", "!", "."]
CHARACTERS = st.one_of(st.characters(exclude_categories=()), st.sampled_from(MARKUP))
TITLE = "# Router - 1.0 Component Specification\n"
ODD_FRONT_MATTER = [
    "---\ncomponent: '(a+)+'\n---\n", "---\nwhen: 2026-02-30\n---\n", f"---\nn: {'9' * 5000}\n---\n",
    f"---\nx: {'[' * 3000}\n---\n", "---\n- a\n---\n", "---\n: :\n---\n", "---\ncomponent: 7\n---\n",
    "---\ncomponent: \"\\u202e\\x1b[2J\"\n---\n", "---\n",
]
INSERTS = ["\x00", "\ud800", "```", "~~~", "| x |", "|---|", "> " * 50, "  " * 40 + "- x", "{Component}", "...",
           "<!--", "-->", "<a name='x'>", "[x](#nowhere)", "**Template Version**: 1.0", "\r", "\t"]


def line_count(text: str) -> int:
    """Lines as the parser counts them: a final line end ends the last line."""
    lines = re.split(r"\r\n?|\n", text.removeprefix("\ufeff"))
    return max(1, len(lines) - (lines[-1] == ""))


def report_of(text: str) -> Report:
    """Lint the text: nothing raises, no rule fails, and every finding is within the file."""
    result = lint_text(text, VALID_SPEC, [builtin()])
    assert result.errors == ()
    last = line_count(text)
    for finding in result.findings:
        assert 1 <= finding.line <= last, finding
        assert finding.line <= finding.end_line <= last, finding
        assert finding.column >= 1, finding
    return Report(result.findings, (str(VALID_SPEC),), (), result.errors)


@st.composite
def mutated_spec(draw: st.DrawFn) -> str:
    """The valid spec with a few random edits of the kinds that break Markdown."""
    lines = list(VALID_LINES)
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(lines) - 1))
        kind = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "indent", "quote", "cells"]))
        if kind == "delete":
            del lines[at]
        elif kind == "duplicate":
            lines.insert(at, lines[at])
        elif kind == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif kind == "insert":
            column = draw(st.integers(0, len(lines[at])))
            lines[at] = lines[at][:column] + draw(st.sampled_from(INSERTS) | st.text(CHARACTERS, max_size=8)) + lines[at][column:]
        elif kind == "indent":
            lines[at] = "  " * draw(st.integers(1, 60)) + "- " + lines[at]
        elif kind == "quote":
            lines[at] = "> " * draw(st.integers(1, 60)) + lines[at]
        else:
            lines[at] = lines[at].replace("|", draw(st.sampled_from(["", "||", "\\|", "| |"])), 1)
        if not lines:
            lines = [""]
    text = "".join(line + draw(st.sampled_from(["\n", "\r\n", "\r"])) for line in lines)
    if draw(st.booleans()):
        text = text[: draw(st.integers(0, len(text)))]
    return draw(st.sampled_from(["", *ODD_FRONT_MATTER])) + text


@given(st.text(CHARACTERS, max_size=400), st.booleans())
def test_any_text_lints(text: str, titled: bool) -> None:
    report_of(TITLE + text if titled else text)


@given(mutated_spec())
def test_a_broken_spec_lints(text: str) -> None:
    report_of(text)


@settings(max_examples=max(settings().max_examples // 4, 1))
@given(mutated_spec())
def test_every_format_renders(text: str) -> None:
    report = report_of(text)
    for name, render in FORMATS.items():
        for options in (FormatOptions(), FormatOptions(color=True, summary=False)):
            output = render(report, options)
            if name == "json":
                assert len(json.loads(output)) == len(report.findings)
