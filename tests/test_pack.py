"""Rule packs: refused at load with a message that names the place, extended by small diffs."""

from __future__ import annotations

import copy
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import pytest
from click.testing import CliRunner
from conftest import ROOT, VALID_SPEC

from spec_lint import lint_paths, lint_text
from spec_lint.checks import register
from spec_lint.checks.unknown_section import UnknownSection
from spec_lint.context import Context, placeholders_of
from spec_lint.detection import is_document_of, might_be
from spec_lint.pack import Pack, PackError, builtin_pack, load_pack, load_pack_data, load_pack_text
from spec_lint.pack.options import OptionError, build
from spec_lint.pack.references import Scope
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
        'team.toml: T1: check "missing-table" needs parameter "stand_in_phrases" (expected it under [params])'
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

    monkeypatch.setattr("spec_lint.cli.packs.builtin_pack", bad_pack)
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


# Each a pack text and the exact message that refuses it: the file's shape (no traceback, no
# string taken for a list), references that are empty or of the wrong kind, retyped parameters,
# removals that leave an item naming what they removed, and the keys the messages name.
SHAPES = [
    (TEAM + '[[rules]]\ncode = "SL301"\noptions = "x"', 'SL301: options: expected a table, got "x"'),
    (TEAM + '[tables]\nmetrics = "x"', 'tables.metrics: expected a table, got "x"'),
    (TEAM.replace("[pack]\n", '[pack]\ndetect = "Spec"\n'), 'pack.detect: expected a table, got "Spec"'),
    (TEAM + '[pack.detect]\nfields = "Template Version"', 'pack.detect.fields: expected a list, got "Template Version"'),
    (TEAM.replace("[pack]\n", '[pack]\nidentity = "component"\n'), 'pack.identity: expected a table, got "component"'),
    ('pack = "o"\n', 'pack: expected a table, got "o"'),
    ("sections = [5]\n" + TEAM, "sections[0]: expected a string or a table, got 5"),
    ('sections = "Security"\n' + TEAM, 'sections: expected a list, got "Security"'),
    (TEAM + '[[sections]]\ntitle = "Security"\nchildren = "AB"', 'sections[0].children: expected a list, got "AB"'),
    (TEAM + '[[sections]]\ntitle = "Security"\nafter = "Overview"\nbefore = "Design"',
     'sections[0]: section "Security": both after and before (expected one of them)'),
    (TEAM + '[[sections]]\ntitle = "Testing > Fuzz"\nafter = "Unit"', 'sections "Testing > Fuzz": after "Unit": unknown section'),
    (TEAM + '[[rules]]\ncode = " "', 'rules[0]: an empty code (expected code = "SL...")'),
    (TEAM + '[[sections]]\ntitle = ""', 'sections[0]: an empty title (expected title = "...")'),
    (TEAM + '[[sections]]\ntitle = "Desgin > Threats"', ('sections "Desgin > Threats": unknown parent section "Desgin" '
     '(did you mean "Design"?)')),
    (TEAM + '[[rules]]\ncode = "SL301"\nfixable = "no"', 'SL301: fixable: expected true or false, got "no"'),
    (TEAM + '[[rules]]\ncode = "SL301"\nseverity = "warn"', 'SL301: severity: expected one of "error", "warning", got "warn"'),
    (TEAM + '[remove]\nrules = "SL343"', 'remove.rules: expected a list, got "SL343"'),
    (TEAM + '[pack.detect]\ntitle_sufix = "X"', 'pack.detect.title_sufix: unknown key (did you mean "title_suffix"?)'),
    (TEAM + '[pack.detect]\nfields = [" "]', 'pack.detect: an empty field name (expected fields = ["Key", ...])'),
    (TEAM + '[pack.detect]\ntitle_suffix = " "\nfields = []', ("pack.detect: no marker (expected a title_suffix or "
     "fields; without one every Markdown file would match)")),
    (TEAM + '[[rules]]\ncode = "SL301"\noptions.table = ""', 'SL301: option "table": an empty name (expected a table name)'),
    (TEAM + '[[rules]]\ncode = "SL301"\noptions.column = " "', 'SL301: option "column": an empty name (expected a column name)'),
    (TEAM + '[[rules]]\ncode = "SL320"\noptions.prefix = "{global_env}"',
     'SL320: option "prefix": parameter "{global_env}" is a list (expected it alone, as an item of a list of templates)'),
    (TEAM + '[params.env_prefix]\ntype = "number"\ndefault = 5', ('params.env_prefix: declared again as "number" (first '
     'declared as "template" in dynamo-component.toml; expected the same type, or a plain value to override it)')),
    (TEAM + '[params.env_prefix]\ndefault = "X_"', ('params.env_prefix: type: missing (expected type = "template" or '
     "another type; a parameter declared in the parent is overridden by a plain value)")),
    (TEAM + "[params]\nenv_prefix = 5", "params.env_prefix: expected a template (text), got 5"),
    (TEAM + '[params]\nglobal_env = ["A", 5]', "params.global_env[1]: expected a template (text), got 5"),
    (TEAM + '[params.x]\ntype = "template"\ndefault = 5', "params.x.default: expected a template (text), got 5"),
    (TEAM + '[pack.identity]\ntitle_group = "nme"', ('pack.identity.title_group: no group "nme" in the title_pattern '
     '(did you mean "name"?)')),
    (TEAM + '[remove]\nrules = ["SL343", "SL343"]', 'remove.rules: "SL343" is listed twice'),
    (TEAM + '[remove]\nsections = ["Testng"]', 'remove.sections: unknown section "Testng" (did you mean "Testing"?)'),
    (TEAM + '[remove]\nsections = ["Error Handling > Exception Hierarchy"]',
     'remove.sections: "Error Handling > Exception Hierarchy" is used by SL313 (remove it too, or keep the section)'),
    (TEAM + '[remove]\nsections = ["Public API"]', ('remove.sections: "Public API" is used by tables.stable_api, '
     "tables.experimental_api, SL340 (remove them too, or keep the section)")),
    (TEAM + '[remove]\ntables = ["metrics"]',
     'remove.tables: "metrics" is used by SL301, SL303, SL304, SL502 (remove them too, or keep the table)'),
    (TEAM.replace('"dynamo-component"', '"dynamo-componnet"'), ('pack.extends: unknown pack "dynamo-componnet" (did you '
     'mean "dynamo-component"?) (expected a built-in pack (dep, dynamo-component) or a file relative to this one)')),
]


@pytest.mark.parametrize(("text", "message"), SHAPES)
def test_a_pack_of_the_wrong_shape_is_refused_by_key(text: str, message: str) -> None:
    assert refusal(text) == f"team.toml: {message}"


BASE_WITH_TYPO = TEAM.replace('"team"', '"base"') + '[[rules]]\ncode = "SL301"\noptions.colum = "x"\n'
# Each a set of pack files, the one loaded first, and the exact message: it names the file at fault.
CHAINS = [
    ({"base.toml": BASE_WITH_TYPO, "team.toml": '[pack]\nname = "t"\nextends = "base.toml"\n'},
     'base.toml: SL301: option "colum": unknown option (did you mean "column"?)'),
    ({"base.toml": TEAM.replace('"team"', '"base"') + '[remove]\nrules = ["SL999"]\n',
      "team.toml": '[pack]\nname = "t"\nextends = "base.toml"\n'}, 'base.toml: remove.rules: unknown rule "SL999"'),
    ({"base.toml": TEAM.replace('"team"', '"base"') + '[params.team_prefix]\ntype = "template"\ndefault = "t_"\n',
      "team.toml": '[pack]\nname = "t"\nextends = "base.toml"\n[params]\nteam_prefix = 5\n'},
     "team.toml: params.team_prefix: expected a template (text), got 5"),
    ({"base.toml": TEAM.replace('"team"', '"base"') + '[tables.metrics]\nrequired = ["Metric"]\n',
      "team.toml": '[pack]\nname = "t"\nextends = "base.toml"\n[tables.health]\nrequired = ["Purpose"]\n'},
     'base.toml: tables.metrics: unknown column "Metric" (did you mean "Metric Name"?)'),
    ({"team.toml": '[pack]\nname = "t"\nextends = "../{folder}/team.toml"\n'},
     "team.toml: pack.extends: a cycle (team.toml -> ../{folder}/team.toml)"),
    ({"sub.toml": TEAM, "team.toml": '[pack]\nname = "t"\nextends = "sub"\n'},
     ('team.toml: pack.extends: unknown pack "sub" (did you mean "sub.toml"?) (expected a built-in pack '
     "(dep, dynamo-component) or a file relative to this one)")),
]


@pytest.mark.parametrize(("files", "message"), CHAINS)
def test_an_error_names_the_file_of_the_chain_at_fault(tmp_path: Path, files: dict[str, str], message: str,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name, text in files.items():
        (tmp_path / name).write_text(text.replace("{folder}", tmp_path.name), encoding="utf-8")
    with pytest.raises(PackError) as raised:
        load_pack(Path("team.toml"))
    assert str(raised.value) == message.format(folder=tmp_path.name)


def test_extends_compares_titles_as_everything_else_and_moves_a_section() -> None:
    pack = load_pack_text(TEAM + """
[[sections]]
title = "testing"
after = "Overview"
min_children = 1

[tables.metrics]
required = ["metric name"]
""", "team.toml")
    assert [s.title for s in pack.sections][:3] == ["Overview", "Testing", "Quick Start"]
    assert [s.min_children for s in pack.sections if s.title.casefold() == "testing"] == [1]
    assert next(r for r in load_pack_text(TEAM + '[[rules]]\ncode = "SL301"\nfixable = true', "t").rules
                if r.code == "SL301").fixable


SUB_SECTIONS = TINY.replace('title = "Metrics"', 'title = "Metrics"\nchildren = [{ title = "Counters", min_children = 2 }]') + """
[[rules]]
code = "T1"
name = "missing-section"
check = "missing-section"
options.sub_sections."metrics > counters" = { name = "counter" }
"""


def test_sub_sections_are_named_by_path() -> None:
    doc = "# Widget Spec\n\n## Metrics\n\n### Counters\n\n#### One\n\nText.\n"
    found = lint_text(doc, Path("widget.md"), [load_pack_text(SUB_SECTIONS, "tiny.toml")]).findings
    assert [f.message for f in found] == ['section "Counters" has 1 counter (expected at least 2)']


def test_an_h1_section_pack_takes_no_section_for_the_title(tmp_path: Path) -> None:
    report = lint_paths([_write(tmp_path / "p.md", PROPOSAL.split("\n", 2)[2])], [load_pack(PACKS / "proposal.toml")])
    assert [(f.line, f.code, f.message) for f in report.findings] == [
        (1, "P101", 'missing title (expected an H1 "# <Proposal Name>")'),
        (7, "P103", 'section "Summary" is out of order (expected before "Motivation")'),
        (11, "P102", 'missing section "Alternatives" (expected first under "Proposal")'),
        (15, "P104", 'unknown section "Risks" (not a section of the template)'),
    ]


def test_a_file_passed_over_says_which_markers_it_lacks(tmp_path: Path) -> None:
    readme = _write(tmp_path / "README.md", "# Widget\n\nText.\n")
    packs = [load_pack(PACKS / "proposal.toml"), builtin_pack()]
    assert lint_paths([readme], packs).skipped == ((str(readme), ('not a spec: no H1 ending in "Component '
                                                    'Specification" and no "Status" or "Template Version" field')),)


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# A team pack that uses every kind of entry; the test below puts odd values in its places.
EVERY_ENTRY: dict[str, object] = {
    "pack": {"name": "t", "extends": "dynamo-component", "detect": {"title_suffix": "Spec", "fields": ["A"]},
             "identity": {"title_group": "name", "strip_prefixes": ["{title_name_prefixes}"]}},
    "params": {"env_prefix": "X_", "mine": {"type": "template", "default": "{component}"}},
    "remove": {"rules": ["SL343"], "sections": ["Testing > Test Categories"], "tables": ["health"]},
    "sections": ["Security", {"title": "Design > Threats", "after": "Data Flow", "children": ["A"], "min_children": 1,
                              "when": {"field": "Kind", "equals": "x"}, "required": False}],
    "tables": {"metrics": {"required": ["Metric Name"]},
               "new": {"section": "Security", "columns": ["A"], "values": {"A": "vs"}, "rows": ["r"],
                       "row_values": {"r": {"A": "vs"}}}},
    "value_sets": {"vs": {"values": ["a"], "pattern": "x+", "separators": "/"}},
    "rules": [{"code": "SL301", "options": {"prefix": "{mine}"}, "fixable": True, "severity": "warning"},
              {"code": "T1", "name": "t1", "check": "unique-values", "options": {"table": "new", "column": "A"}}],
}
ODD_VALUES = ["", " ", "Security", "{global_env}", "{nope}", "(", 0, 7, 2.5, True, [], [5], [""], [{}], {}, {"x": 1},
              {"code": "SL301"}, {"type": "number", "default": 1}]


def _places(node: object, path: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    inner = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    return [path, *(p for key, value in inner for p in _places(value, (*path, key)))]


def test_no_value_in_any_place_of_a_pack_gives_a_traceback() -> None:
    load_pack_data(EVERY_ENTRY, "t.toml")
    random = __import__("random").Random(11)
    for _ in range(120):
        data = copy.deepcopy(EVERY_ENTRY)
        path = random.choice(_places(data)[1:])
        holder: Any = data
        for key in path[:-1]:
            holder = holder[key]
        holder[path[-1]] = copy.deepcopy(random.choice(ODD_VALUES))
        try:
            load_pack_data(data, "t.toml")
        except PackError as error:
            assert str(error).startswith(("t.toml: ", "dynamo-component.toml: ")), error


@dataclass(frozen=True)
class _Odd:
    """Options whose hints are unusual: metadata that cannot be hashed, a list of unions."""

    tags: Annotated[tuple[str, ...], ["a list", "as metadata"]] = ()
    sizes: tuple[int | str, ...] = ()


def test_options_convert_whatever_their_hints_are_and_again_alike() -> None:
    # The converter remembers what it found of each hint; an unhashable one is looked at each time.
    for _ in range(2):
        built = build(_Odd, {"tags": ["x"], "sizes": [1, "2"]}, Scope((), {}, {}, {}))
        assert built == _Odd(("x",), (1, "2"))
    with pytest.raises(OptionError, match='option "sizes\\[0\\]": expected a whole number or a string'):
        build(_Odd, {"sizes": [1.5]}, Scope((), {}, {}, {}))
