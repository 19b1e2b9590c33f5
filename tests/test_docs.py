"""Every rule of every pack shipped in rules/ is documented, and its examples do what they say.

An example is two snippets for one section of the pack's sample document (``[rules.example]``);
spliced in, the failing one gives a finding of its rule and the passing one none of it.
"""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
from click.testing import CliRunner

from spec_lint import Pack, builtin_pack, lint_paths
from spec_lint.cli import main
from spec_lint.engine_rules import ENGINE_RULES
from spec_lint.examples import ExampleError, outcome, splice
from spec_lint.pack import PackError, Rule, load_pack_text
from spec_lint.pack.finding import SHIPPED

PACKS = sorted(path.stem for path in SHIPPED.glob("*.toml"))
RULES = [(name, rule.code) for name in PACKS for rule in builtin_pack(name).rules]

TINY = load_pack_text("""
[pack]
name = "tiny"
title_pattern = '^(?P<name>.+) Spec$'
detect.title_suffix = "Spec"

[[sections]]
title = "A"
children = ["B", "C"]

[[sections]]
title = "D"
""", "tiny.toml")
SAMPLE = "# X Spec\n\nintro\n\n## A\n\n### B\n\nb\n\n### C\n\nc\n\n## D\n\nd\n"


def rule_of(pack: Pack, code: str) -> Rule:
    return next(rule for rule in pack.rules if rule.code == code)


@pytest.mark.parametrize("name", PACKS)
def test_each_pack_has_a_valid_sample_document(name: str) -> None:
    pack = builtin_pack(name)
    assert pack.sample is not None and pack.sample.is_file(), f'{name}: expected [pack] sample = "samples/..."'
    report = lint_paths([pack.sample], [pack])
    assert report.linted and not report.findings, [f"{f.line}: {f.code} {f.message}" for f in report.findings]


@pytest.mark.parametrize(("name", "code"), RULES)
def test_each_rule_is_documented_and_its_examples_behave(name: str, code: str) -> None:
    pack = builtin_pack(name)
    rule = rule_of(pack, code)
    assert rule.description, f"{code}: no description"
    assert inspect.getdoc(type(rule.check)), f"{code}: its check class has no docstring"
    assert rule.example is not None, f"{code}: no [rules.example]"
    seen = outcome(rule, pack)
    assert seen.fails, f"{code}: the failing example gives no {code} finding"
    assert not seen.passes, f"{code}: the passing example gives {[f.message for f in seen.passes]}"


def test_explain_prints_the_examples_and_what_the_rule_reports_on_them() -> None:
    out = CliRunner().invoke(main, ["explain", "SL111"]).stdout
    example = rule_of(builtin_pack(), "SL111").example
    assert example is not None
    assert 'Example, replacing the section "Overview" of the pack\'s sample document:' in out
    fails, passes = out.split("\nFails:\n", 1)[1].split("\nPasses:\n", 1)
    assert "  **Support Level**: Stable" in fails.splitlines() and "  **Support Level**: Library" in passes.splitlines()
    assert '  SL111 reports: "Support Level" is "Stable" (expected one of ' in fails
    assert passes.rstrip().endswith("  SL111 reports nothing.")


@pytest.mark.parametrize(("code", "param"), [
    ("SL201", "stand_in_phrases"),  # a needed parameter of the check class
    ("SL204", "none_markers"),  # one the check class reads when the pack declares it
    ("SL401", "placeholder_names"),
    ("SL300", "title_name_prefixes"),  # an option whose value is the parameter's name
])
def test_explain_lists_the_parameters_a_check_reads_itself(code: str, param: str) -> None:
    out = CliRunner().invoke(main, ["explain", code]).stdout
    assert f"  params.{param} = " in out.split("Pack parameters they use:\n", 1)[-1]


@pytest.mark.parametrize("wanted", ["SL603", "status-value"])
def test_explain_names_the_pack_not_in_effect_that_has_the_rule(wanted: str) -> None:
    result = CliRunner().invoke(main, ["explain", wanted])
    assert result.exit_code == 2
    assert f'unknown rule "{wanted}": it is a rule of the pack "dep", which is not in effect (use --pack dep, ' \
           "or packs = [...] in the configuration)" in result.output


@pytest.mark.parametrize("code", [rule.code for rule in ENGINE_RULES])
def test_an_engine_rule_says_it_has_no_example(code: str) -> None:
    out = CliRunner().invoke(main, ["explain", code]).stdout
    assert out.rstrip().endswith("No example: an engine rule is about the file itself or spec-lint, not about the Markdown.")


def test_a_snippet_replaces_its_section_up_to_the_next_heading_of_its_level_or_higher() -> None:
    assert splice(SAMPLE, "A > B", "### B\n\nnew\n\n\n", TINY) == (
        "# X Spec\n\nintro\n\n## A\n\n### B\n\nnew\n\n### C\n\nc\n\n## D\n\nd\n")
    assert splice(SAMPLE, "A", "## A\n\nall", TINY) == "# X Spec\n\nintro\n\n## A\n\nall\n\n## D\n\nd\n"
    assert splice(SAMPLE, "d", "## D\n\nlast", TINY) == SAMPLE.replace("\nd\n", "\nlast\n\n")


def test_an_empty_section_path_replaces_the_title_block_and_an_empty_snippet_deletes() -> None:
    assert splice(SAMPLE, "", "# Y Spec", TINY).startswith("# Y Spec\n\n## A\n")
    assert splice(SAMPLE, "A > C", "", TINY) == "# X Spec\n\nintro\n\n## A\n\n### B\n\nb\n\n## D\n\nd\n"


def test_a_section_the_sample_lacks_is_refused() -> None:
    for path in ("B", "A > E", "E > B"):
        with pytest.raises(ExampleError, match=f'no section "{path}" in the sample'):
            splice(SAMPLE, path, "x", TINY)
    with pytest.raises(ExampleError, match="no template section in the sample"):
        splice("# X Spec\n\ntext\n", "", "x", TINY)


def test_an_example_without_a_sample_to_try_it_on_is_printed_untried(tmp_path: Path) -> None:
    team = tmp_path / "team.toml"
    team.write_text('[pack]\nname = "team"\nextends = "dynamo-component"\nsample = "gone.md"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["explain", "--pack", str(team), "SL301"])
    assert result.exit_code == 0
    assert result.stdout.count("  (SL301 not tried)") == 2
    assert result.stderr.startswith('spec-lint: cannot try the example: cannot read the sample document of pack "team": ')


def test_an_example_of_the_wrong_shape_is_refused_when_the_pack_loads() -> None:
    text = '[pack]\nname = "t"\nextends = "dynamo-component"\n\n[[rules]]\ncode = "SL301"\nexample = { fails = "x" }\n'
    with pytest.raises(PackError, match='^t.toml: SL301: example.section: missing$'):
        load_pack_text(text, "t.toml")
