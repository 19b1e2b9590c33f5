"""The fast parser (markdown-it-pyrs, ``pip install spec-lint[fast]``) gives the same document model as
markdown-it-py on every Markdown fixture of the repository, on the benchmark's generated corpus and on
generated Markdown; a file it cannot reproduce exactly falls back to markdown-it-py, and the number of
those is reported and kept small."""

from __future__ import annotations

import importlib.util
import os
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from spec_lint import fast_parser
from spec_lint.fast_inline import Tok
from spec_lint.model import Document
from spec_lint.parser import parse

INSTALLED = importlib.util.find_spec("markdown_it_pyrs") is not None
MARKDOWN = ("tests/**/*.md", "examples/*.md", "rules/samples/*.md", "rules/templates/*.md")
# The share of files that may fall back to markdown-it-py (today: none of the fixtures' files, 5 of
# the 433 documents of the cases, none of the generated corpus).
MAX_FALLBACKS = 0.05
PIECES = (
    "# Widget - 1.0 Component Specification", "## Overview *em* `code`", "Setext", "===", "---", "",
    "text **bold** [link](other.md#part) <b>html</b> <!-- c -->", "  indented text", "- item", "  - nested [x](#y)",
    "1. one", "* star", "  cont", "> **Template Version**: 1.0", "> [q](r)", "| Name | Value |", "|---|:-:|",
    "| `--flag` | [l](u) <br> two |", "| `a\\|b` | c |", "a | b", "```python", "~~~", "```", "    code",
    "<!-- spec-lint-disable T1 -- the reason -->", "<div>", "</div>", "***", "[ref]: /url 'title'", "[ref] [x][ref]",
    "&amp; &copy; \\* \\|", "<http://a.b/c?d=e&f>", "<me@x.org>", "![img [l](u)](i)", "line  ", "line\\",
    "**Key**: value", "- **Key**: value", "text é ü", "- ```\n  code\n  ```\n  after", "---\ncomponent: x\n---",
)


@pytest.fixture(autouse=True)
def _fast_installed() -> None:
    if not INSTALLED:
        message = "markdown-it-pyrs is not installed (pip install -e '.[test]')"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


def parsed(text: str, parser: str, monkeypatch: pytest.MonkeyPatch) -> Document:
    monkeypatch.setenv(fast_parser.PARSER_ENV, parser)
    return parse(text)


def falls_back(text: str) -> bool:
    try:
        fast_parser.tokens(text.removeprefix("\ufeff"))
    except fast_parser.Unsupported:
        return True
    return False


def compared(texts: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the texts that fall back; every text's model is the same with both parsers."""
    for name, text in texts.items():
        assert parsed(text, "auto", monkeypatch) == parsed(text, fast_parser.PURE, monkeypatch), name
    fallbacks = [name for name, text in texts.items() if falls_back(text)]
    print(f"{len(texts)} compared, {len(fallbacks)} fell back: {fallbacks}")
    assert len(fallbacks) <= MAX_FALLBACKS * len(texts)
    return fallbacks


def case_documents() -> Iterator[tuple[str, str]]:
    """The Markdown of the data-driven cases: each case's document and its Markdown files."""
    for path in sorted([*(ROOT / "tests" / "cases").glob("*.toml"), ROOT / "tests" / "fixes.toml"]):
        for number, case in enumerate(tomllib.loads(path.read_text(encoding="utf-8")).get("case", [])):
            if isinstance(case.get("doc"), str):
                yield f"{path.name}#{number}", case["doc"]
            for name, text in (case.get("files") or {}).items():
                if isinstance(text, str) and name.endswith(".md"):
                    yield f"{path.name}#{number}/{name}", text


def test_the_fixtures_give_the_same_model(monkeypatch: pytest.MonkeyPatch) -> None:
    paths = sorted({path for pattern in MARKDOWN for path in ROOT.glob(pattern)})
    texts = {str(path.relative_to(ROOT)): path.read_text(encoding="utf-8", errors="replace") for path in paths}
    assert len(texts) >= 10
    assert compared(texts, monkeypatch) == []


def test_the_cases_give_the_same_model(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = dict(case_documents())
    assert len(texts) >= 400
    compared(texts, monkeypatch)


def test_the_generated_corpus_gives_the_same_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = _bench_corpus()
    paths = [*corpus.write_specs(tmp_path / "specs", 30, 12), *corpus.write_non_specs(tmp_path / "docs", 30, 12)]
    texts = {path.name: path.read_text(encoding="utf-8") for path in paths}
    assert compared(texts, monkeypatch) == []


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=14), st.sampled_from(["", "\n", "\r\n"]))
def test_generated_markdown_gives_the_same_model(pieces: list[str], end: str) -> None:
    text = end.join(pieces) + end if end else "\n".join(pieces)
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert parsed(text, "auto", monkeypatch) == parsed(text, fast_parser.PURE, monkeypatch)


def test_the_fast_parser_is_chosen_unless_the_pure_one_is_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "# Title\n\nSome [text](x.md).\n"
    monkeypatch.setenv(fast_parser.PARSER_ENV, "auto")
    assert isinstance(fast_parser.token_stream(text)[0], Tok)
    monkeypatch.delenv(fast_parser.PARSER_ENV)
    assert isinstance(fast_parser.token_stream(text)[0], Tok)
    monkeypatch.setenv(fast_parser.PARSER_ENV, fast_parser.PURE)
    assert not fast_parser.chosen()
    assert not isinstance(fast_parser.token_stream(text)[0], Tok)


@pytest.mark.parametrize("text", [
    "Text <!-- a comment -- with dashes --> more\n",  # a comment since CommonMark 0.31 only
    "| a |\n|---|\n| b |\n2) two\n",  # markdown-it-pyrs continues the table
    "a \\| b\r\n---\r\n",  # a table of one column for markdown-it-py only, with CRLF line ends
    "[`code\n---\n",  # markdown-it-pyrs 0.4 panics
])
def test_what_the_fast_parser_reads_otherwise_falls_back(text: str, monkeypatch: pytest.MonkeyPatch,
                                                         capfd: pytest.CaptureFixture[str]) -> None:
    assert falls_back(text)
    assert parsed(text, "auto", monkeypatch) == parsed(text, fast_parser.PURE, monkeypatch)
    assert capfd.readouterr().err == ""


def _bench_corpus() -> Any:
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
