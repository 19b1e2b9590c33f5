"""Per-document facts computed once for the checks: they agree with the slower ways they replace."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from spec_lint.guidance import Guidance, Sought, find, fold, rough_fold

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
