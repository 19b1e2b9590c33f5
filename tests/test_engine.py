"""The engine: which files are specs, the component id, unreadable files."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from conftest import VALID_SPEC

from spec_lint import Pack, lint_paths, lint_text
from spec_lint.context import Context, placeholders_of
from spec_lint.detection import is_document_of, passed_over
from spec_lint.engine import detect
from spec_lint.findings import Severity, Violation
from spec_lint.identity import component_id
from spec_lint.pack import Rule
from spec_lint.pack.schema import Detect
from spec_lint.parser import parse
from spec_lint.settings import Settings

HEADER = "> **Template Version**: 1.0\n"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("KV Block Manager", "kv_block_manager"),
        ("Router", "router"),
        ("Disagg-Router (v2)", "disagg_router_v2"),
        ("  LLM   Engine ", "llm_engine"),
        # a leading product name (the pack's title_name_prefixes) is no part of the id
        ("Dynamo Frontend", "frontend"),
        ("dynamo KV Block Manager", "kv_block_manager"),
        ("Dynamo", "dynamo"),
        ("Dynamograph", "dynamograph"),
    ],
)
def test_component_id_from_the_title(pack: Pack, title: str, expected: str) -> None:
    doc = parse(f"# {title} - 1.0 Component Specification\n")
    assert component_id(doc, pack, Path("spec.md")) == expected


@pytest.mark.parametrize("key", ["component", "Component", "COMPONENT"])
def test_front_matter_component_overrides_the_title(pack: Pack, key: str) -> None:
    doc = parse(f"---\n{key}: kvbm\n---\n# KV Block Manager - 1.0 Component Specification\n")
    assert component_id(doc, pack, Path("spec.md")) == "kvbm"


def test_component_id_fills_pack_parameters(pack: Pack) -> None:
    doc = parse("# KV Block Manager - 1.0 Component Specification\n")
    ctx = Context(Path("spec.md"), doc, pack, component_id(doc, pack, Path("spec.md")), placeholders_of(pack))
    assert ctx.param("metric_prefix") == "dynamo_kv_block_manager_"
    assert ctx.param("env_prefix") == "DYNAMO_KV_BLOCK_MANAGER_"
    assert ctx.render("dynamo-{component-}") == "dynamo-kv-block-manager"


@pytest.mark.parametrize(
    "text",
    [
        "# My Project\n\nSome notes about the project.\n",
        "## Component Specification\n\nAn H2 does not name the document.\n",
        "# Component Specifications and more\n",
        "Plain text, **Template Versions**: 1.0\n",
    ],
    ids=["readme", "h2-title", "other-suffix", "other-field"],
)
def test_other_markdown_is_passed_over(tmp_path: Path, pack: Pack, text: str) -> None:
    result = lint_text(text, tmp_path / "README.md", [pack])
    assert result.findings == ()
    assert result.skipped.startswith("not a spec")


@pytest.mark.parametrize("text", ["", "\n\n", "   \r\n"], ids=["empty", "blank-lines", "spaces"])
def test_empty_file_is_skipped(tmp_path: Path, pack: Pack, text: str) -> None:
    result = lint_text(text, tmp_path / "empty.md", [pack])
    assert (result.findings, result.skipped) == ((), "empty file")


def test_file_with_only_a_bom_is_skipped(tmp_path: Path, pack: Pack) -> None:
    result = lint_text("\ufeff\n", tmp_path / "bom.md", [pack])
    assert result.findings == ()
    assert result.skipped


def test_template_version_field_alone_makes_a_spec(pack: Pack) -> None:
    doc = parse("Notes\n\n" + HEADER)
    assert is_document_of(doc, pack)
    result = lint_text("Notes\n\n" + HEADER, Path("notes.md"), [pack])
    assert result.skipped == ""
    assert [f.code for f in result.findings][:1] == ["SL101"]


def test_title_alone_makes_a_spec(pack: Pack) -> None:
    assert is_document_of(parse("# Anything - 1.0 Component Specification\n"), pack)
    assert is_document_of(parse("# Router Component Specification\n"), pack)


def test_skipped_files_are_listed_in_the_report(tmp_path: Path, pack: Pack) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# Project\n", encoding="utf-8")
    report = lint_paths([readme, VALID_SPEC], [pack])
    assert report.findings == ()
    assert report.linted == (str(VALID_SPEC),)
    assert [path for path, _ in report.skipped] == [str(readme)]


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"# T - 1.0 Component Specification\n\x00\x01", "binary"),
        ("# Caf\u00e9 - 1.0 Component Specification\n".encode("latin-1"), "not UTF-8"),
    ],
    ids=["binary", "latin-1"],
)
def test_unreadable_file_gives_one_finding_and_the_run_goes_on(
    tmp_path: Path, pack: Pack, data: bytes, words: str
) -> None:
    bad = tmp_path / "bad.md"
    bad.write_bytes(data)
    report = lint_paths([bad, VALID_SPEC], [pack])
    assert [(f.path, f.line, f.column, f.code) for f in report.findings] == [(str(bad), 1, 1, "SL001")]
    assert words in report.findings[0].message
    assert str(VALID_SPEC) in report.linted


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n\x00\x00", "# Caf\u00e9 notes\n\nNo spec here.\n".encode("latin-1")],
    ids=["binary", "latin-1"],
)
def test_a_file_that_is_not_text_and_no_document_is_passed_over(tmp_path: Path, pack: Pack, data: bytes) -> None:
    other = tmp_path / "LATIN.md"
    other.write_bytes(data)
    report = lint_paths([other], [pack])
    assert (report.findings, report.skipped) == ((), ((str(other), passed_over([pack])),))


def test_a_large_file_is_too_large_only_when_its_head_may_be_a_document(tmp_path: Path, pack: Pack) -> None:
    readme, spec = tmp_path / "README.md", tmp_path / "spec.md"
    readme.write_text("# Project\n\n" + "Words and more words.\n" * 100, encoding="utf-8")
    spec.write_text(HEADER + "Words and more words.\n" * 100, encoding="utf-8")
    report = lint_paths([readme, spec], [pack], Settings(max_file_size=len(HEADER) + 10))
    assert report.skipped == ((str(readme), passed_over([pack])),)
    assert [(f.path, f.code) for f in report.findings] == [(str(spec), "SL003")]


# --- the phases --------------------------------------------------------------------------------


class _Raises:
    def check(self, ctx: object) -> list[Violation]:
        raise ValueError("bad value")


def test_a_rule_that_raises_is_an_sl000_finding_and_the_others_still_report(pack: Pack, tmp_path: Path) -> None:
    spec = tmp_path / "spec.md"
    spec.write_text(VALID_SPEC.read_text(encoding="utf-8").replace("## Overview", "## Overview\n\n## Overview", 1),
                    encoding="utf-8")
    buggy = Rule("SL301", "metric-prefix", Severity.ERROR, "", _Raises())
    result = lint_paths([spec], [replace(pack, rules=(buggy, *pack.rules))])
    message = "internal error in SL301 metric-prefix: ValueError('bad value') (please report it)"
    internal = [(f.line, f.column, f.code, f.name, f.message) for f in result.findings if f.code == "SL000"]
    assert internal == [(1, 1, "SL000", "internal-error", message)]
    assert "SL106" in {f.code for f in result.findings}
    assert result.errors == (f"{spec}: {message}",)


def test_an_error_outside_the_rules_is_an_sl000_finding_for_that_file_only(
    pack: Pack, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def explode(text: str) -> object:
        if "Router" in text:
            raise RecursionError("too deep")
        return parse(text)

    other = tmp_path / "other.md"
    other.write_text(HEADER, encoding="utf-8")
    monkeypatch.setattr("spec_lint.documents.parse", explode)
    report = lint_paths([VALID_SPEC, other], [pack])
    message = "internal error in the engine: RecursionError('too deep') (please report it)"
    assert [(f.path, f.code, f.message) for f in report.findings if f.code == "SL000"] == [
        (str(VALID_SPEC), "SL000", message)]
    assert str(other) in report.linted and any(f.path == str(other) for f in report.findings)
    assert report.errors == (f"{VALID_SPEC}: {message}",)


def test_a_file_no_pack_might_match_is_never_parsed(pack: Pack, monkeypatch: pytest.MonkeyPatch) -> None:
    def parse_fails(text: str) -> object:
        raise AssertionError("parsed")

    monkeypatch.setattr("spec_lint.documents.might_be", lambda text, pack: False)
    monkeypatch.setattr("spec_lint.documents.parse", parse_fails)
    assert lint_text(VALID_SPEC.read_text(encoding="utf-8"), VALID_SPEC, [pack]).skipped.startswith("not a spec")


def test_the_first_pack_the_document_is_of_lints_it(pack: Pack) -> None:
    detect_dep = Detect(title_suffix="Design Proposal", fields=("DEP",))
    other = replace(pack, name="other", document=replace(pack.document, detect=detect_dep), rules=())
    text = VALID_SPEC.read_text(encoding="utf-8")
    found = detect(text, [other, pack])
    assert found is not None and found[0] is pack
    assert detect(text, [other]) is None
