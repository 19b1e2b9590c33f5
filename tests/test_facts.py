"""Per-document facts computed once for the checks: they agree with the slower ways they replace."""

from __future__ import annotations

import re
from dataclasses import replace
from unittest import mock

from conftest import VALID_SPEC, builtin
from hypothesis import given, settings
from hypothesis import strategies as st

from spec_lint import lint_text
from spec_lint.facts.headings import HeadingIndex
from spec_lint.facts.ids import Form
from spec_lint.facts.tree import matches, standing_for
from spec_lint.guidance import Guidance, Sought, find, fold, rough_fold
from spec_lint.identity import identified
from spec_lint.parser import parse
from spec_lint.source import _quote_end, cell_columns, cell_count, pipe_ends
from spec_lint.template import TemplateSection
from spec_lint.titles import title_matches

PROPERTY = settings(derandomize=True, max_examples=300, deadline=None, database=None)
SENTENCES = ["Replace all `{placeholders}` and `...`.", "List key span attributes", "Don\u2019t Stop", "Stra\u00dfe"]
PIECES = st.one_of(
    st.sampled_from(SENTENCES),
    st.sampled_from(["*", "_", "`", "\\", "\\\\", " ", "\n", "\t", "  ", "\u2019", "'", ".", ">", "|", "\u0130"]),
    st.text(max_size=3),
)
TEXTS = st.lists(st.lists(PIECES, max_size=12).map("".join), min_size=1, max_size=4)


@PROPERTY
@given(st.lists(PIECES, max_size=16).map("".join), st.data())
def test_rough_fold_holds_what_fold_holds(text: str, data: st.DataObject) -> None:
    folded = fold(text)[0]
    start = data.draw(st.integers(0, len(folded)))
    part = folded[start : data.draw(st.integers(start, len(folded)))].strip()
    if "\\" not in part:
        assert part in rough_fold(text)


@PROPERTY
@given(TEXTS)
def test_the_sieve_passes_over_no_guidance(texts: list[str]) -> None:
    sought = Sought.of(Guidance(sentence) for sentence in SENTENCES)
    unsieved = Sought(sought.guidance, sought.shortest, None)
    assert list(find(texts, sought)) == list(find(texts, unsieved))


def test_a_sentence_with_a_backslash_is_not_sieved() -> None:
    assert Sought.of([Guidance("C:\\path"), Guidance("Other")]).sieve is None
    assert [hit.offset for hit in find(["- C:\\path"], Sought.of([Guidance("C:\\path")]))] == [2]


HEADINGS = st.lists(st.sampled_from(["1.", " ", "Overview", "(if applicable)", "\U0001f680", ":", ", v2", " - draft",
                                     "Quick Start", "II.", "overview", "\t", "Proposal"]), max_size=5).map("".join)


@PROPERTY
@given(HEADINGS, st.booleans())
def test_a_template_section_is_named_as_title_matches_says(heading: str, qualified: bool) -> None:
    section_def = TemplateSection("Overview", 2, aliases=("Quick Start", "Proposal"), qualified=qualified)
    expected = any(title_matches(heading, name, qualified) for name in ("Overview", "Quick Start", "Proposal"))
    assert section_def.named_by(heading) == expected


def _cell_column_per_cell(line: str, index: int) -> int:
    """The way columns were found before, the row read again for each cell."""
    start = _quote_end(line)
    if line[start:].lstrip().startswith("|"):
        start = line.index("|", start) + 1
    bounds, end = (start, *(m.end() for m in re.finditer(r"(?<!\\)\|", line[start:]))), len(line.rstrip())
    bounds = (start, *(start + b for b in bounds[1:]))
    if index >= len(bounds) or bounds[index] >= end:
        return max(end, 1)
    skipped = re.compile(r"\s*").match(line, bounds[index])
    at = skipped.end() if skipped and not line.startswith("|", skipped.end()) else bounds[index]
    return at + 1


ROWS = st.lists(st.sampled_from(["|", "\\|", "`", "``", " ", "\t", "a", "bc", "> ", ">", "\\", "é", "|  |"]),
                max_size=14).map("".join)


@PROPERTY
@given(ROWS)
def test_a_rows_columns_read_at_once_are_those_read_cell_by_cell(line: str) -> None:
    columns = cell_columns(line)
    for index in range(len(columns) + 2):
        assert columns[min(index, len(columns) - 1)] == _cell_column_per_cell(line, index)


def test_columns_of_a_row_with_escaped_pipes_and_code() -> None:
    assert cell_columns("| `a|b` | c\\|d |  |") == [3, 6, 11, 17, 19, 19]
    assert cell_columns("> | x | y |") == [5, 9, 11, 11]


@PROPERTY
@given(ROWS, st.integers(0, 3))
def test_pipes_split_as_the_regex_splits(line: str, start: int) -> None:
    assert pipe_ends(line, start) == [m.end() for m in re.compile(r"(?<!\\)\|").finditer(line, start)]
    cells = re.split(r"(?<!\\)\|", line[_quote_end(line) :].strip())
    assert cell_count(line) == len(cells) - (cells[0] == "") - (len(cells) > 1 and cells[-1] == "")


INDEXED = (TemplateSection("Overview", 2), TemplateSection("Proposal", 2, qualified=True),
           TemplateSection("Quick Start", 3, aliases=("Overview", "quick  start")), TemplateSection("Overview", 3))


@PROPERTY
@given(HEADINGS)
def test_the_heading_index_names_the_sections_that_named_by_names(heading: str) -> None:
    index = HeadingIndex.of(INDEXED)
    assert index.named(heading) == tuple(s for s in INDEXED if s.named_by(heading))
    assert index.named(heading) is index.named(heading)  # found once, then kept


GUIDED = st.lists(st.sampled_from([
    "Brief description of the component's purpose\nand role in Dynamo.", "> List key span\n> attributes", "- List any\n  propagated context",
    "> - Other component-specific\n>   fields", "| a | Link or inline definition |", "| b | x \\| Link or *inline* definition |",
    "Describe what can be customized through configuration without code changes.", "\n", "text", "> > Future extension\n> > points",
    "```\nReplace with actual architecture diagram\n```", "<!-- List things that cannot be changed -->",
]), max_size=8).map("\n".join)


@PROPERTY
@given(GUIDED)
def test_a_file_is_passed_over_only_when_it_holds_no_guidance(body: str) -> None:
    text = f"{VALID_SPEC.read_text(encoding='utf-8')}\n## Extra\n\n{body}\n"
    sieved = lint_text(text, VALID_SPEC, [builtin()])
    with mock.patch("spec_lint.checks.template_text.present", lambda text, wanted: list(wanted)):
        assert lint_text(text, VALID_SPEC, [builtin()]) == sieved


def _ids_at_every_end(form: Form, name: str) -> set[str]:
    """The ids of a name as they were found before: the name cut at every character."""
    start = form.before.match(name)
    if start is None:
        return set()
    found = set()
    for end in range(start.end() + 1, min(len(name), start.end() + 64) + 1):
        word = name[start.end() : end]
        ends_word = end == len(name) or not name[end].isalnum()
        if ends_word and re.fullmatch(r"[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*", word) and form.after.match(name, end):
            found.add(word.casefold().replace("-", "_"))
    return found


NAMES = st.lists(st.sampled_from(["dynamo_", "kv", "_", "-", "router", "é", "total", "X", "9", " ", "__", "a" * 30]),
                 max_size=10).map("".join)


@PROPERTY
@given(NAMES, st.sampled_from([("dynamo_", "_"), ("", "_total"), ("dynamo_", ""), ("", "")]))
def test_ids_are_those_of_cutting_the_name_at_every_character(name: str, parts: tuple[str, str]) -> None:
    form = Form(re.compile(parts[0], re.IGNORECASE), re.compile(parts[1], re.IGNORECASE))
    assert form.ids(name) == _ids_at_every_end(form, name)


def test_the_facts_the_names_were_read_with_are_kept_for_the_checks() -> None:
    pack, path = builtin(), VALID_SPEC
    ctx = identified(parse(path.read_text(encoding="utf-8")), pack, path)
    assert ctx.component == "router" and "table-values" in ctx.facts
    assert replace(ctx, component="other").facts is ctx.facts


OUTLINES = st.lists(st.tuples(st.integers(1, 4), st.sampled_from(
    ["Overview", "1. Overview", "Quick Start", "Architecture", "Public API", "Observability", "Metrics", "Tracing",
     "Other", "Configuration (if applicable)", "Related Documentation", "Installation"])), max_size=12)


@PROPERTY
@given(OUTLINES)
def test_children_standing_for_a_section_are_those_matches_finds(outline: list[tuple[int, str]]) -> None:
    text = "# Router - 1.0 Component Specification\n" + "".join(f"\n{'#' * level} {title}\n\ntext\n" for level, title in outline)
    ctx = identified(parse(text), builtin(), VALID_SPEC)
    for parent in [ctx.doc.root, *ctx.doc.sections]:
        for section_def in ctx.pack.all_sections:
            assert standing_for(ctx, parent, section_def) == matches(parent, section_def)
