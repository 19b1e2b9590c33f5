"""``spec-lint report``: statuses read from the pack's status table, the three formats, the JSON
schema, and the HTML page as headless Chromium renders it."""

from __future__ import annotations

import base64
import hashlib
import html as html_module
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from conftest import ROOT, builtin
from PIL import Image

from spec_lint.cli import main
from spec_lint.engine import lint_paths
from spec_lint.pack import Pack, load_pack_text
from spec_lint.report import RENDERERS, Readiness, Status, readiness
from spec_lint.report.json_format import data, schema
from spec_lint.report.markdown import text
from spec_lint.settings import DEFAULT_SETTINGS

TINY = load_pack_text(r"""
[pack]
name = "tiny"
title_pattern = '^(?P<name>.+) Spec$'
detect.title_suffix = "Spec"

[[sections]]
title = "Status"

[tables.status]
section = "Status"
columns = ["Requirement", "Current", "Target"]
key_column = "Requirement"
rows = ["Docs written", "Tests passing", "Coverage"]
values = { Current = "status", Target = "status" }
row_values = { Coverage = { Current = "coverage", Target = "coverage" } }

[value_sets.status]
values = ["Complete", "In Progress", "Not Started"]

[value_sets.coverage]
values = ["Complete"]
pattern = '\d+%\+?'
""", "tiny.toml")
HOSTILE = "<img src=x onerror=alert(1)>"
LONG = "Distributed KV Cache Block Manager Service"


def spec(rows: str, name: str = "Cache", pic: str = "Ada (ada@example.com)") -> str:
    return (f"# {name} Spec\n\n**PIC**: {pic}\n\n## Status\n\n"
            f"| Requirement | Current | Target |\n|---|---|---|\n{rows}")


def report_of(tmp_path: Path, texts: dict[str, str | bytes], pack: Pack = TINY) -> Readiness:
    paths = []
    for name, content in texts.items():
        path = tmp_path / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
        paths.append(path)
    return readiness(lint_paths(paths, [pack]), [pack], DEFAULT_SETTINGS)


def statuses(readiness_report: Readiness) -> list[Status]:
    return [r.status for r in readiness_report.components[0].requirements]


def test_requirements_come_from_the_pack_and_notes_around_a_status_are_let_be(tmp_path: Path) -> None:
    rows = "| Docs written | ✅ Complete (all pages) | Complete |\n| tests passing | in progress | Complete |\n"
    found = report_of(tmp_path, {"a.md": spec(rows + "| Coverage | 85% | 80%+ |\n")})
    assert found.requirements == ("Docs written", "Tests passing", "Coverage")
    assert statuses(found) == [Status.COMPLETE, Status.IN_PROGRESS, Status.COMPLETE]
    component = found.components[0]
    assert (component.name, component.pic, component.coverage) == ("Cache", "Ada (ada@example.com)", "85%")
    assert component.readiness == pytest.approx(2 / 3)


@pytest.mark.parametrize(("current", "target", "expected"), [
    ("72%", "80%+", Status.IN_PROGRESS), ("0%", "80%", Status.NOT_STARTED), ("80%", "80%+", Status.COMPLETE),
    ("99%", "", Status.IN_PROGRESS), ("100%", "", Status.COMPLETE), ("Not Started", "80%", Status.NOT_STARTED),
])
def test_a_percentage_is_measured_against_its_target(tmp_path: Path, current: str, target: str,
                                                     expected: Status) -> None:
    found = report_of(tmp_path, {"a.md": spec(f"| Coverage | {current} | {target} |\n")})
    assert statuses(found)[2] is expected


def test_a_missing_row_and_an_unreadable_value_are_shown(tmp_path: Path) -> None:
    found = report_of(tmp_path, {"a.md": spec("| Docs written | TBD | Complete |\n| Tests passing | Complete | - |\n")})
    assert statuses(found) == [Status.UNKNOWN, Status.COMPLETE, Status.MISSING]
    assert found.components[0].coverage == ""
    assert found.summaries[2].count(Status.MISSING) == 1


def test_specs_too_broken_to_read_are_rows_with_their_problem(tmp_path: Path) -> None:
    found = report_of(tmp_path, {"a.md": "# Cache Spec\n\n## Other\n\ntext\n", "b.md": b"# Blob Spec\n\xff\xfe\n"})
    problems = [(c.name, c.problem.split(":")[0], c.readiness) for c in found.components]
    assert problems == [("Cache", 'no "Status" table', None), ("b", "cannot be read", None)]
    assert [c.path for c in found.attention] == [str(tmp_path / "a.md"), str(tmp_path / "b.md")]
    assert all(s.count(status) == 0 for s in found.summaries for status in Status)
    assert all(s.unreadable == 2 for s in found.summaries)


def test_every_component_counts_in_each_summary_and_the_average_says_what_it_covers(tmp_path: Path) -> None:
    rows = "| Docs written | Complete | Complete |\n| Tests passing | Complete | Complete |\n| Coverage | 5% | 80% |\n"
    found = report_of(tmp_path, {"a.md": spec(rows), "b.md": "# B Spec\n", "c.md": spec(rows.replace("5%", "90%"))})
    assert [sum(s.count(st) for st in Status) + s.unreadable for s in found.summaries] == [3, 3, 3]
    assert found.summaries[2].unreadable == 1
    covers = "over 2 of 3 specs with a readable status table"
    markdown = RENDERERS["markdown"](found)
    assert f"average readiness 83% {covers}" in markdown
    assert "| Requirement | Complete | In progress | Not started | Unknown | Missing | Unreadable |" in markdown
    assert "| Coverage | 1 | 1 | 0 | 0 | 0 | 1 |" in markdown
    assert f'<dd id="average">83%</dd><dd class="covers" id="average-covers">{covers}</dd>' in RENDERERS["html"](found)
    written = data(found)
    assert written["average"] == {"readiness": pytest.approx(5 / 6), "read": 2, "total": 3}
    assert written["summary"][2] == {"requirement": "Coverage", "complete": 1, "in_progress": 1, "not_started": 0,
                                     "unknown": 0, "missing": 0, "unreadable": 1}


def test_a_document_of_a_pack_without_a_status_table_is_no_component(tmp_path: Path) -> None:
    plain = load_pack_text('''
[pack]
name = "plain"
title_pattern = '^(?P<name>.+) Spec$'
detect.title_suffix = "Spec"

[[sections]]
title = "Status"
''', "plain.toml")
    found = report_of(tmp_path, {"a.md": spec("| Docs written | Complete | Complete |\n")}, plain)
    assert (found.requirements, found.components) == ((), ())


def test_lint_counts_and_structure_errors_come_from_the_normal_lint() -> None:
    packs = [builtin()]
    files = sorted((ROOT / "examples").glob("*.md"))
    found = readiness(lint_paths(files, packs), packs, DEFAULT_SETTINGS)
    broken = next(c for c in found.components if c.path.endswith("router-broken.md"))
    assert (broken.counts.errors, broken.counts.warnings, broken.counts.structure) == (7, 0, 5)
    assert [c.path for c in found.attention] == [broken.path]
    assert len(found.requirements) == 7 and found.summaries[0].count(Status.COMPLETE) == 4


def test_the_json_validates_against_the_shipped_schema(tmp_path: Path) -> None:
    rows = "| Docs written | Complete | Complete |\n| Coverage | 5% | 80% |\n"
    found = report_of(tmp_path, {"a.md": spec(rows), "b.md": "# B Spec\n", "c.md": b"# C Spec\n\xff"})
    jsonschema.Draft202012Validator.check_schema(schema())
    jsonschema.validate(data(found), schema(), cls=jsonschema.Draft202012Validator)
    wrong = data(found)
    wrong["components"][0]["requirements"][0]["status"] = "done"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(wrong, schema(), cls=jsonschema.Draft202012Validator)


def test_markdown_shows_text_from_a_spec_as_text() -> None:
    assert text(f"{HOSTILE} | *x* `y`") == r"&lt;img src=x onerror=alert(1)&gt; \| \*x\* \`y\`"


def test_markdown_has_a_row_per_component_and_a_summary_per_requirement(tmp_path: Path) -> None:
    found = report_of(tmp_path, {"a.md": spec("| Docs written | Complete | Complete |\n", pic=HOSTILE)})
    out = RENDERERS["markdown"](found)
    assert "<img" not in out and "&lt;img src=x onerror=alert(1)&gt;" in out
    assert sum(line.startswith("| Cache") for line in out.splitlines()) == 1
    assert [line.split(" | ")[0] for line in out.splitlines() if line.startswith(("| Docs", "| Cov"))] \
        == ["| Docs written", "| Coverage"]


def test_html_escapes_every_string_from_a_spec_and_allows_only_its_own_script(tmp_path: Path) -> None:
    found = report_of(tmp_path, {f"{HOSTILE}.md": spec("", name=HOSTILE, pic=HOSTILE)})
    page = RENDERERS["html"](found)
    assert "<img" not in page and page.count("&lt;img src=x onerror=alert(1)&gt;") >= 3
    script = re.search(r"<script>(.*?)</script>", page, re.DOTALL)
    assert script is not None and "http" not in page.replace("http-equiv", "")
    assert f"script-src '{source_hash(script[1])}'" in page


def source_hash(script: str) -> str:
    """A script's hash as a Content-Security-Policy names it."""
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def test_the_command_writes_each_format_to_standard_output_or_a_file(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, out = run("report", "examples/")
    assert code == 0 and out.startswith("## 1.0 readiness") and "| KV Block Manager (examples/kv-block-manager.md) | 43% |" in out
    code, _ = run("report", "examples/", "--format", "json", "-o", str(tmp_path / "r.json"))
    written = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert code == 0 and [c["name"] for c in written["components"]] == ["Frontend", "KV Block Manager", "Router", "Router"]


def test_a_path_that_does_not_exist_or_an_output_that_cannot_be_written_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, out = run("report", "examples/router.md", "nowhere.md", "--format", "json")
    problems = json.loads(out[out.index("{"):])["problems"]
    assert code == 2 and len(problems) == 1 and "nowhere.md" in problems[0]
    code, out = run("report", "examples/router.md", "-o", str(tmp_path / "missing" / "r.md"))
    assert code == 2 and "cannot write the report to" in out


# --- the page in a browser -----------------------------------------------------------------------

BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
# As root and on a closed network: no sandbox, no GPU, and none of the browser's own connections.
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars")


@pytest.fixture
def browser() -> str:
    """Chromium's path; without one the test skips, but in CI (``CI`` set, as .ci/run installs it) it fails."""
    if BROWSER is None:
        message = "no Chromium installed (apt-get install chromium; .ci/run installs it): the HTML report is not rendered"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return BROWSER


def chromium(browser: str, tmp_path: Path, *args: str) -> str:
    command = [browser, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args]
    return subprocess.run(command, capture_output=True, text=True, check=True, timeout=120).stdout


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The report of the examples, one spec with a hostile PIC and one unreadable, as HTML."""
    folder = tmp_path_factory.mktemp("specs")
    for example in (ROOT / "examples").glob("*.md"):
        shutil.copy(example, folder)
    router = (folder / "router.md").read_text(encoding="utf-8")
    (folder / "hostile.md").write_text(router.replace("Ada Lovelace (alovelace@example.com)", HOSTILE), encoding="utf-8")
    (folder / "unreadable.md").write_bytes(b"# Blob - 1.0 Component Specification\n\xff\n")
    # A long name, and coverages that sort otherwise as text ("100%" < "72%" < "9%") than as numbers.
    (folder / "long.md").write_text(router.replace("# Router -", f"# {LONG} -").replace("| 72% |", "| 9% |"),
                                    encoding="utf-8")
    (folder / "hostile.md").write_text((folder / "hostile.md").read_text(encoding="utf-8").replace("| 72% |", "| 100% |"),
                                       encoding="utf-8")
    packs = [builtin()]
    found = readiness(lint_paths(sorted(folder.glob("*.md")), packs), packs, DEFAULT_SETTINGS)
    path = folder / "report.html"
    path.write_text(RENDERERS["html"](found), encoding="utf-8")
    return path


def test_chromium_renders_rows_escaped_text_bars_and_sort_buttons(browser: str, page: Path, tmp_path: Path) -> None:
    dom = chromium(browser, tmp_path, "--dump-dom", page.as_uri())
    matrix = dom[dom.index('id="matrix"'):dom.index("</table>", dom.index('id="matrix"'))]
    assert matrix.count("<tr>") == 1 + 7  # the header, then one row per spec, the unreadable one too
    assert "&lt;img src=x onerror=alert(1)&gt;" in matrix and "<img" not in dom
    assert dom.count('class="bar"') == 7 and "not read" in dom
    assert matrix.count("<button") == 4 + 7 + 3 + 1  # the script ran: each heading sorts its column


def test_chromium_takes_a_screenshot_that_is_not_blank(browser: str, page: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    chromium(browser, tmp_path, "--window-size=1200,900", f"--screenshot={shot}", page.as_uri())
    with Image.open(shot) as image:
        assert image.size == (1200, 900)
        colours = image.convert("RGB").getcolors(maxcolors=1 << 16)
    assert colours is None or len(colours) > 50  # text, status colours and bars, not one flat colour


def with_script(browser: str, page: Path, tmp_path: Path, script: str) -> str:
    """The page's DOM after ``script`` ran on it (the page's policy told to let it run)."""
    html = page.read_text(encoding="utf-8").replace("script-src '", f"script-src '{source_hash(script)}' '")
    changed = tmp_path / "changed.html"
    changed.write_text(html.replace("</body>", f"<script>{script}</script></body>"), encoding="utf-8")
    return chromium(browser, tmp_path, "--dump-dom", changed.as_uri())


def test_chromium_shows_every_chart_label_whole_inside_the_chart(browser: str, page: Path, tmp_path: Path) -> None:
    measure = ('var chart = document.getElementById("chart").getBoundingClientRect();'
               'document.body.dataset.labels = Array.prototype.map.call(document.querySelectorAll("#chart text.label"),'
               ' function (t) { var box = t.getBoundingClientRect(); var bar = t.parentNode.querySelector(".track")'
               '.getBoundingClientRect(); return [t.textContent, box.left >= chart.left, box.right <= bar.left].join("|"); })'
               '.join(";");')
    dom = with_script(browser, page, tmp_path, measure)
    labels = html_module.unescape(re.search(r'data-labels="([^"]*)"', dom)[1]).split(";")  # type: ignore[index]
    assert len(labels) == 7 and f"{LONG}|true|true" in labels
    assert all(label.endswith("|true|true") for label in labels)


def test_a_name_too_long_for_the_chart_ends_in_an_ellipsis_and_its_title_gives_it_whole(tmp_path: Path) -> None:
    name = "A" + " Very" * 60 + " Long"
    page = RENDERERS["html"](report_of(tmp_path, {"a.md": spec("", name=name)}))
    label = re.search(r'<text class="label"[^>]*>([^<]*)</text>', page)
    assert label is not None and label[1].endswith("…") and name.startswith(label[1][:-1])
    assert f"<title>{name} (" in page


def test_chromium_sorts_the_matrix_by_the_column_whose_heading_is_clicked(browser: str, page: Path,
                                                                          tmp_path: Path) -> None:
    click = 'document.querySelectorAll("#matrix thead button")[1].click();'  # Readiness, ascending
    dom = with_script(browser, page, tmp_path, click)
    shares = [float(share) for share in re.findall(r'class="num readiness[^"]*" data-sort="([^"]+)"', dom)]
    assert len(shares) == 7 and shares == sorted(shares) and shares[0] == -1  # the unread spec first
    assert 'aria-sort="ascending"><button type="button">Readiness</button>' in dom


def test_chromium_sorts_coverage_as_numbers(browser: str, page: Path, tmp_path: Path) -> None:
    click = 'document.querySelectorAll("#matrix thead button")[5 + 7].click();'  # Coverage, ascending
    dom = with_script(browser, page, tmp_path, click)
    body = dom[dom.index("<tbody>", dom.index('id="matrix"')):]
    coverage = re.compile(r'<td class="num"(?: data-sort="[^"]*")?>([^<]*)</td>')  # the first plain number cell
    cells = [coverage.findall(row)[0] for row in body.split("</tr>")[:7]]
    assert cells == ["", "9%", "65%", "72%", "72%", "74%", "100%"]  # the unread spec first
