"""Fixes: before/after cases (tests/fixes.toml), and --fix / --diff on files as users run them."""

from __future__ import annotations

import difflib
import functools
import os
import stat
import tomllib
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import ROOT
from hypothesis import given, settings
from test_properties import mutated_spec

from spec_lint import Pack, builtin_pack
from spec_lint.cli import main
from spec_lint.engine import lint_text
from spec_lint.examples import splice
from spec_lint.fixing.rounds import fix_text
from spec_lint.fixing.write import Snapshot, StaleFileError, write_fixed
from spec_lint.pack import load_pack_data
from spec_lint.settings import DEFAULT_SETTINGS

FIXES = ROOT / "tests" / "fixes.toml"
DATA = tomllib.loads(FIXES.read_text(encoding="utf-8"))
CASES = DATA["case"]
VALID = ROOT / "examples" / "router.md"


@functools.cache
def pack() -> Pack:
    base = tomllib.loads((ROOT / "tests" / "cases" / "_base.toml").read_text(encoding="utf-8"))
    return load_pack_data({**base, **{k: v for k, v in DATA.items() if k != "case"}}, str(FIXES), FIXES.parent)


def fixed(text: str, unsafe: bool = False) -> str:
    return fix_text(text, Path("spec.md"), [pack()], DEFAULT_SETTINGS, unsafe).text


def codes(text: str) -> set[str]:
    return {f.code for f in lint_text(text, Path("spec.md"), [pack()]).findings}


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_fix_case(case: dict[str, Any]) -> None:
    doc, want, unsafe = case["doc"].lstrip("\n"), case["fixed"].lstrip("\n"), case.get("unsafe", False)
    assert fixed(doc, unsafe) == want
    assert fixed(want, unsafe) == want  # a second run changes nothing
    if want != doc:
        assert case["rule"] in codes(doc) and case["rule"] not in codes(want)


def test_every_fixable_rule_has_a_case_that_fixes_it() -> None:
    fixing = {c["rule"] for c in CASES if c["fixed"] != c["doc"]}
    assert fixing == {rule.code for rule in pack().rules if rule.fixable}


@pytest.mark.parametrize("name", ["dynamo-component", "dep"])
def test_builtin_rules_are_fixable_exactly_when_their_check_fixes(name: str) -> None:
    kinds = {type(rule.check) for rule in pack().rules if rule.fixable}
    for rule in builtin_pack(name).rules:
        assert rule.fixable == (type(rule.check) in kinds), rule.code


DEEPER = ("## Error Handling", "### Error Codes", "### Exception Hierarchy")


def broken_lines() -> tuple[list[str], set[int]]:
    """The valid router spec with Health Checks removed, Error Handling an H3 (its sub-sections
    H4s), and the Logging table's columns swapped; and the indices of the lines the fixes touch."""
    lines = VALID.read_text(encoding="utf-8").split("\n")
    del lines[lines.index("### Health Checks") : lines.index("### Tracing")]
    table = lines.index("| Log Level | When Used |")
    lines[table : table + 6] = ["|".join(["", c[2], c[1], ""]) for c in (r.split("|") for r in lines[table : table + 6])]
    headings = {index for index, line in enumerate(lines) if line in DEEPER}
    return [f"#{line}" if line in DEEPER else line for line in lines], headings | set(range(table, table + 6))


def crlf_spec() -> str:
    """The broken spec with a BOM and CRLF line ends."""
    return "\ufeff" + "\r\n".join(broken_lines()[0])


def run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args))


def test_fix_makes_a_crlf_spec_structurally_complete_keeping_every_other_byte(tmp_path: Path) -> None:
    spec = tmp_path / "router.md"
    spec.write_bytes(crlf_spec().encode("utf-8"))
    spec.chmod(0o640)
    before = spec.read_bytes()
    result = run("--fix", str(spec))
    after = spec.read_bytes()
    assert not [line for line in result.stdout.splitlines() if ": SL1" in line or ": SL2" in line], result.stdout
    assert "findings fixed" in result.stdout
    assert after.startswith(b"\xef\xbb\xbf") and after.count(b"\n") == after.count(b"\r\n")
    assert stat.S_IMODE(spec.stat().st_mode) == 0o640
    old, new = before.split(b"\r\n"), after.split(b"\r\n")
    opcodes = difflib.SequenceMatcher(None, old, new, False).get_opcodes()
    assert {i for tag, i1, i2, _, _ in opcodes if tag != "equal" for i in range(i1, i2)} == broken_lines()[1]
    run("--fix", str(spec))
    assert spec.read_bytes() == after  # a second run changes nothing


def test_diff_prints_the_fixes_and_writes_nothing(tmp_path: Path) -> None:
    spec = tmp_path / "router.md"
    spec.write_bytes(crlf_spec().encode("utf-8"))
    before = spec.read_bytes()
    result = run("--diff", str(spec))
    assert result.exit_code == 1
    assert spec.read_bytes() == before
    assert b"+### Health Checks\r\n" in result.stdout_bytes and b"-### Error Handling\r\n" in result.stdout_bytes
    assert [p.name for p in tmp_path.iterdir()] == ["router.md"]
    run("--fix", str(spec))
    clean = run("--diff", str(spec))
    assert (clean.exit_code, clean.stdout) == (0, "")


def test_text_output_marks_what_fix_fixes() -> None:
    lines = run(str(ROOT / "examples" / "router-broken.md")).stdout.splitlines()
    assert any(": SL102 [*] [missing-section]" in line for line in lines)
    assert any(": SL111 [support-level]" in line for line in lines)


def test_unsafe_fixes_rename_a_near_miss_heading(tmp_path: Path) -> None:
    spec = tmp_path / "router.md"
    spec.write_text(VALID.read_text(encoding="utf-8").replace("## Metrics & Observability", "## Metric & Observability"))
    run("--fix", str(spec))
    assert "## Metric & Observability\n" in spec.read_text(encoding="utf-8")
    result = run("--fix", "--unsafe-fixes", str(spec))
    assert spec.read_text(encoding="utf-8") == VALID.read_text(encoding="utf-8")
    assert result.exit_code == 0, result.stdout


def test_a_file_changed_since_it_was_read_is_not_overwritten(tmp_path: Path) -> None:
    spec = tmp_path / "spec.md"
    spec.write_bytes(b"old\n")
    read = Snapshot.of(spec, b"old\n")
    spec.write_bytes(b"changed meanwhile\n")
    os.utime(spec, ns=(read.mtime_ns, read.mtime_ns))  # the same time: the hash still tells
    with pytest.raises(StaleFileError, match="changed on disk while it was being fixed, not written"):
        write_fixed(spec, b"fixed\n", read)
    assert spec.read_bytes() == b"changed meanwhile\n"
    assert [p.name for p in tmp_path.iterdir()] == ["spec.md"]


@settings(max_examples=max(settings().max_examples // 4, 1))
@given(mutated_spec())
def test_fixing_a_broken_spec_never_raises_and_a_second_run_changes_nothing(text: str) -> None:
    once = fix_text(text, VALID, [builtin_pack("dynamo-component")], DEFAULT_SETTINGS, True)
    assert not [f for f in lint_text(once.text, VALID, [builtin_pack("dynamo-component")]).findings
                if f.code == "SL000"]
    assert fix_text(once.text, VALID, [builtin_pack("dynamo-component")], DEFAULT_SETTINGS, True).text == once.text


# SL104's example is a heading close to no template title ("Roadmap"): nothing to rename it to.
UNFIXED_EXAMPLES = {"SL104"}


@pytest.mark.parametrize(("name", "code"), [(name, rule.code) for name in ("dynamo-component", "dep")
                                            for rule in builtin_pack(name).rules if rule.fixable])
def test_the_fix_of_a_builtin_rule_mends_its_failing_example(name: str, code: str) -> None:
    builtin = builtin_pack(name)
    rule = next(r for r in builtin.rules if r.code == code)
    assert rule.example is not None and builtin.sample is not None
    doc = splice(builtin.sample.read_text(encoding="utf-8"), rule.example.section, rule.example.fails, builtin)
    assert code in {f.code for f in lint_text(doc, builtin.sample, [builtin]).findings}
    done = fix_text(doc, builtin.sample, [builtin], DEFAULT_SETTINGS, unsafe=True)
    if code in UNFIXED_EXAMPLES:
        assert done.text == doc
        return
    assert done.count and code not in {f.code for f in lint_text(done.text, builtin.sample, [builtin]).findings}


def test_a_symlink_is_fixed_through_not_replaced(tmp_path: Path) -> None:
    target = tmp_path / "router.md"
    target.write_bytes(crlf_spec().encode("utf-8"))
    link = tmp_path / "link.md"
    link.symlink_to(target)
    run("--fix", str(link))
    assert link.is_symlink() and b"### Health Checks" in target.read_bytes()


def test_fix_says_which_file_changed_meanwhile_and_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spec = tmp_path / "router.md"
    spec.write_bytes(crlf_spec().encode("utf-8"))
    before = spec.read_bytes()
    monkeypatch.setattr(Snapshot, "holds", lambda self, path: False)  # as if an editor saved it meanwhile
    result = run("--fix", str(spec))
    assert result.exit_code == 2
    assert f"spec-lint: error: {spec}: changed on disk while it was being fixed, not written (run again)" in result.stderr
    assert spec.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == ["router.md"]


@pytest.mark.parametrize("title", ["Architecture", "Logging"])
def test_a_sub_section_one_level_too_high_is_one_finding_and_its_fix_gives_the_spec_back(title: str) -> None:
    builtin = [builtin_pack("dynamo-component")]
    valid = VALID.read_text(encoding="utf-8")
    doc = valid.replace(f"\n### {title}\n", f"\n## {title}\n")
    assert [f.code for f in lint_text(doc, VALID, builtin).findings] == ["SL105"]
    assert fix_text(doc, VALID, builtin, DEFAULT_SETTINGS, False).text == valid


@pytest.mark.parametrize(("title", "kept"), [("Overview", "**PIC**: {Name} ({email})\n"),
                                             ("Changelog", "### 1.0.0 (Target: {YYYY-MM-DD})\n")])
def test_a_missing_sections_stub_is_the_templates_leaving_no_structure_finding(title: str, kept: str) -> None:
    builtin = [builtin_pack("dynamo-component")]
    lines = VALID.read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index(f"## {title}\n")
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    done = fix_text("".join(lines[:start] + lines[end:]), VALID, builtin, DEFAULT_SETTINGS, False).text
    assert kept in done
    assert not {f.code for f in lint_text(done, VALID, builtin).findings if f.code.startswith(("SL1", "SL2"))}
    assert fix_text(done, VALID, builtin, DEFAULT_SETTINGS, False).text == done
