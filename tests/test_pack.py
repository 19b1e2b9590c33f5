"""Rule packs: refused at load with a message that names the place, extended by small diffs."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT, VALID_SPEC

from spec_lint import lint_paths
from spec_lint.checks import register
from spec_lint.checks.unknown_section import UnknownSection
from spec_lint.context import Context, placeholders_of
from spec_lint.detection import is_document_of, might_be
from spec_lint.pack import Pack, PackError, builtin_pack, load_pack, load_pack_data, load_pack_text
from spec_lint.parser import parse

PACKS = Path(__file__).parent / "packs"
TEAM = '[pack]\nname = "team"\nextends = "dynamo-component"\n'
# A pack that extends none, with one table and the two rules the duplicate cases need.
TINY = """
[pack]
name = "tiny"
title_pattern = '^(?P<name>.+) Spec$'
[pack.detect]
title_suffix = "Spec"
[[sections]]
title = "Metrics"
[tables.metrics]
section = "Metrics"
columns = ["Metric Name"]
"""
UNIQUE = '[[rules]]\ncode = "T1"\nname = "unique"\ncheck = "unique-values"\noptions = { table = "metrics", column = "Metric Name" }\n'


def refusal(text: str) -> str:
    with pytest.raises(PackError) as raised:
        load_pack_text(text, "team.toml")
    return str(raised.value)


@pytest.mark.parametrize(
    ("diff", "message"),
    [
        ('[[rules]]\ncode = "SL301"\noptions.colum = "Metric Name"',
         'SL301: option "colum": unknown option (did you mean "column"?)'),
        ('[[rules]]\ncode = "SL301"\noptions.table = "metric"',
         'SL301: option "table": unknown table "metric" (did you mean "metrics"?)'),
        ('[[rules]]\ncode = "SL301"\noptions.column = "Metric"',
         'SL301: option "column": table "metrics" has no column "Metric" (did you mean "Metric Name"?)'),
        ('[[rules]]\ncode = "SL102"\noptions.similarity = "high"',
         'SL102: option "similarity": expected a number, got "high"'),
        ('[[rules]]\ncode = "SL406"\noptions.section = "Changelg"',
         'SL406: option "section": unknown section "Changelg" (did you mean "Changelog"?)'),
        ('[[rules]]\ncode = "SL301"\noptions.prefix = "{metric_prefx}"',
         'SL301: option "prefix": unknown parameter "{metric_prefx}" (did you mean "{metric_prefix}"?)'),
        ('[[rules]]\ncode = "SL310"\noptions.suggest = "camelCase"',
         'SL310: option "suggest": expected one of "", "PascalCase", "renumbered example", got "camelCase"'),
        ('[[rules]]\ncode = "SL320"\noptions.columns = [{ table = "env", column = "Variabel" }]',
         'SL320: option "columns[0].column": table "env" has no column "Variabel" (did you mean "Variable"?)'),
        ('[[rules]]\ncode = "SL301"\noptions.prefix = "{packages}_"',
         'SL301: option "prefix": parameter "{packages}" is a list (expected it alone'),
        ('[params]\nmetric_prefx = "dyn_"', 'params.metric_prefx: unknown parameter (did you mean "metric_prefix"?)'),
        ('[params]\nmetric_prefix = 3', 'params.metric_prefix: expected a template (text), got 3'),
        ('[params.span]\ntype = "template"\ndefault = "{spn}"',
         'params.span: unknown parameter "{spn}" (did you mean "{span}"?)'),
        ('[tables.metrics]\nsection = "Metrics & Observabilty > Metrics"',
         ('tables.metrics: section "Metrics & Observabilty > Metrics": unknown section '
         '(did you mean "Metrics & Observability > Metrics"?)')),
        ('[tables.metrics]\nrequired = ["Metric"]', 'tables.metrics: unknown column "Metric" (did you mean "Metric Name"?)'),
        ('[tables.metrics]\nvalues = { Type = "metric_kind" }',
         'tables.metrics: values.Type: unknown value set "metric_kind" (did you mean "metric_type"?)'),
        ('[pack.detect]\ntitle_suffix = ""\nfields = []', "pack.detect: no marker"),
        ("[pack]\ntitle_pattern = '^(.+) Spec$'", 'pack.title_pattern: no group "name"'),
        ('[remove]\nrules = ["SL999"]', 'remove.rules: unknown rule "SL999"'),
    ],
)
def test_a_mistake_is_refused_with_its_place(diff: str, message: str) -> None:
    assert refusal(TEAM + diff.replace("[pack]\n", "")).startswith(f"team.toml: {message}")


def test_a_duplicate_code_is_refused() -> None:
    second = UNIQUE.replace('"unique"', '"again"')
    assert refusal(TINY + UNIQUE + second) == 'team.toml: T1: duplicate rule code (first defined as "unique")'


def test_a_duplicate_name_is_refused() -> None:
    second = UNIQUE.replace('"T1"', '"T2"')
    assert refusal(TINY + UNIQUE + second) == 'team.toml: T2: duplicate rule name "unique" (first used by T1)'


def test_a_plain_parameter_in_a_base_pack_is_refused() -> None:
    assert refusal(TINY + '[params]\nprefix = "x"').startswith("team.toml: params.prefix: a plain value")


def test_a_check_needs_the_parameters_it_reads() -> None:
    rule = '[[rules]]\ncode = "T1"\nname = "missing-table"\ncheck = "missing-table"\n'
    assert refusal(TINY + rule) == (
        'team.toml: T1: check "missing-table" needs parameter "not_applicable" (expected it under [params])'
    )


def test_an_extends_cycle_and_an_unknown_parent_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text('[pack]\nname = "a"\nextends = "b.toml"\n', encoding="utf-8")
    (tmp_path / "b.toml").write_text('[pack]\nname = "b"\nextends = "a.toml"\n', encoding="utf-8")
    with pytest.raises(PackError, match="pack.extends: a cycle"):
        load_pack(tmp_path / "a.toml")
    with pytest.raises(PackError, match='pack.extends: unknown pack "dynamo"'):
        load_pack_text('[pack]\nname = "x"\nextends = "dynamo"\n', "x.toml", tmp_path)


def test_a_bad_pack_exits_2_through_the_cli(monkeypatch: pytest.MonkeyPatch) -> None:
    def bad_pack() -> Pack:
        return load_pack_text(TEAM + '[[rules]]\ncode = "SL301"\noptions.colum = "x"\n', "team.toml")

    monkeypatch.setattr("spec_lint.cli.check.builtin_pack", bad_pack)
    from spec_lint.cli import main

    result = CliRunner().invoke(main, [str(VALID_SPEC)])
    assert result.exit_code == 2
    assert 'spec-lint: error: bad rule pack: team.toml: SL301: option "colum": unknown option' in result.output


TEAM_PACK = TEAM + """
[remove]
rules = ["SL343"]

[params]
metric_prefix = "dyn_{component}_"

[[sections]]
title = "Security"
after = "Error Handling"
"""


def test_a_team_pack_is_a_small_diff(tmp_path: Path) -> None:
    spec = tmp_path / "router.md"
    text = VALID_SPEC.read_text(encoding="utf-8").replace("pip install dynamo-router", "pip install ai-dynamo")
    spec.write_text(text, encoding="utf-8")
    pack = load_pack_text(TEAM_PACK, "team.toml")
    found = lint_paths([spec], [pack]).findings
    assert {f.code for f in found} == {"SL102", "SL301"}
    assert [f.message for f in found if f.code == "SL102"] == ['missing section "Security" (expected after "Error Handling")']
    assert all('does not start with "dyn_router_"' in f.message for f in found if f.code == "SL301")
    assert {f.code for f in lint_paths([spec], [builtin_pack()]).findings} == {"SL343"}


PROPOSAL = """# Faster Routing

**Status**: Draft

# Motivation

Why.

# Summary

What.

# Proposal

How.

# Risks

Some.
"""


def test_a_pack_whose_sections_are_h1s(tmp_path: Path) -> None:
    spec, readme = tmp_path / "proposal.md", tmp_path / "README.md"
    spec.write_text(PROPOSAL, encoding="utf-8")
    readme.write_text("# Faster Routing\n\nA project.\n\n# Usage\n\nRun it.\n", encoding="utf-8")
    report = lint_paths([spec, readme], [load_pack(PACKS / "proposal.toml")])
    assert [(f.line, f.code, f.message) for f in report.findings] == [
        (9, "P103", 'section "Summary" is out of order (expected before "Motivation")'),
        (13, "P102", 'missing section "Alternatives" (expected first under "Proposal")'),
        (17, "P104", 'unknown section "Risks" (not a section of the template)'),
    ]
    assert [path for path, _ in report.skipped] == [str(readme)]


def test_the_fingerprint_is_stable_and_follows_the_content() -> None:
    pack = builtin_pack()
    again = subprocess.run(
        [sys.executable, "-c", "from spec_lint import builtin_pack; print(builtin_pack().fingerprint)"],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )
    assert again.stdout.strip() == pack.fingerprint
    assert re.fullmatch("[0-9a-f]{64}", pack.fingerprint)
    data = {"pack": {"title_pattern": "^(?P<name>.+) Spec$", "name": "x", "detect": {"title_suffix": "Spec"}}}
    reordered = {"pack": dict(reversed(list(data["pack"].items())))}
    assert load_pack_data(data, "a").fingerprint == load_pack_data(reordered, "b").fingerprint
    assert load_pack_text(TEAM_PACK, "team.toml").fingerprint != pack.fingerprint


@pytest.mark.parametrize(
    "title",
    [
        "# Router *Component* Specification",
        "Router `Component`\nSpecification\n===",
        "> Router **Component**\r\n> Specification\r\n> ===",
        "# Router [Component](x) Specification",
        "# Router &#67;omponent Specification",
    ],
)
def test_the_raw_text_prefilter_keeps_every_spec(title: str) -> None:
    pack = builtin_pack()
    assert is_document_of(parse(title + "\n"), pack)
    assert might_be(title + "\n", pack)


def test_the_raw_text_prefilter_passes_over_other_markdown() -> None:
    assert not might_be("# Widget\n\nA *widget* for specifications of components.\n", builtin_pack())
    specs = [*ROOT.glob("examples/*.md"), *ROOT.glob("tests/fixtures/**/*.md")]
    for path in specs:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert might_be(text, builtin_pack()) or not is_document_of(parse(text), builtin_pack()), path


def test_a_component_id_is_no_regex_in_a_pattern() -> None:
    pack = builtin_pack()
    ctx = Context(Path("x.md"), parse("# X\n"), pack, "(a+)+", placeholders_of(pack))
    assert ctx.render_pattern("{error_code}") == re.escape("(A+)+") + r"_\d{3}"
    assert ctx.render_pattern("<{email}>") == "<" + str(pack.params["email"].value) + ">"
    assert ctx.render_list(["{packages}", "x-{component-}"]) == ["dynamo", "dynamo-(a+)+", "x-(a+)+"]
    assert (ctx.param("metric_prefix"), ctx.param_list("packages")) == ("dynamo_(a+)+_", ["dynamo", "dynamo-(a+)+"])
    assert ctx.param_list("undeclared") == []
    with pytest.raises(KeyError):
        ctx.param("undeclared")


def test_a_check_kind_is_registered_once() -> None:
    class Title:
        pass

    with pytest.raises(ValueError, match='check kind "title" registered twice: by spec_lint.checks.title.Title'):
        register("title")(Title)


_PIECES = ["#", "# ", "Router", "Component", "Compo", "nent", "Specification", " ", "\n", "\n\n", "===", "> ",
           "- ", "*", "_", "`", "\\", "[", "](x)", "<b>", "&amp;", "**Template Version**:", "Template  Version"]


def test_the_prefilter_never_drops_a_document_of_random_markdown() -> None:
    pack, random = builtin_pack(), __import__("random").Random(6)
    for _ in range(600):
        text = "".join(random.choice(_PIECES) for _ in range(random.randint(1, 14)))
        assert might_be(text, pack) or not is_document_of(parse(text), pack), repr(text)


def titles(pack: Pack, parent: str) -> list[str]:
    found = next(s for s in pack.all_sections if s.title == parent)
    return [child.title for child in found.children]


def test_extends_merges_rules_sections_and_tables() -> None:
    pack = load_pack_text(TEAM + """
[remove]
sections = ["Testing > Test Categories"]
tables = ["health"]

[[rules]]
code = "SL104"
options.similarity = 0.9

[[sections]]
title = "Design > Security"
before = "Data Flow"

[[sections]]
title = "Changelog"
min_children = 2

[tables.metrics]
required = ["Metric Name"]
""", "team.toml")
    unknown = next(rule.check for rule in pack.rules if rule.code == "SL104")
    assert unknown == UnknownSection(levels=(2,), similarity=0.9)
    assert titles(pack, "Testing") == ["Test Locations", "Running Tests"]
    assert titles(pack, "Design")[-2:] == ["Security", "Data Flow"]
    assert next(s for s in pack.sections if s.title == "Changelog").min_children == 2
    assert "health" not in pack.tables
    assert pack.tables["metrics"].required == ("Metric Name",)
    assert pack.tables["metrics"].columns == builtin_pack().tables["metrics"].columns


def test_a_team_can_name_its_product_prefixes() -> None:
    pack = load_pack_text(TEAM + '[params]\ntitle_name_prefixes = ["NVIDIA Dynamo", "Dynamo"]\n', "team.toml")
    assert pack.document.identity.strip_prefixes == ("NVIDIA Dynamo", "Dynamo")
