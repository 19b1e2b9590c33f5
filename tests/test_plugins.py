"""Plugins: a distribution's entry points add checks and packs, through the registry built-ins use.

The plugin tests build a real distribution in a temporary folder (``<name>.dist-info`` with METADATA
and entry_points.txt, beside its package) and run ``spec-lint`` with that folder on PYTHONPATH,
as an installed plugin would be found.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from conftest import VALID_SPEC
from test_readme import blocks, section

from spec_lint.pack import PackError, builtin_pack, pack_from
from spec_lint.plugins import CHECKS_GROUP, PACKS_GROUP, plugins

CHECKS = '''
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spec_lint.checks import register
from spec_lint.context import Context
from spec_lint.findings import Violation


@register("no-todo")
@dataclass(frozen=True, slots=True)
class NoTodo:
    """No line of the document holds ``word``."""

    word: str = "TODO"

    def check(self, ctx: Context) -> Iterator[Violation]:
        for number, line in enumerate(ctx.doc.lines, 1):
            if self.word in line:
                yield Violation(f'"{self.word}" left in (expected the work done)', number, line.index(self.word) + 1)


@register("crash")
@dataclass(frozen=True, slots=True)
class Crash:
    """Raises, as a buggy check does."""

    def check(self, ctx: Context) -> Iterator[Violation]:
        raise RuntimeError("boom")
'''

PACK = """
[pack]
name = "tiny-pack"
extends = "dynamo-component"

[[rules]]
code = "SL900"
name = "no-todo"
check = "no-todo"
description = "Nothing is left to do."
summary = "a TODO left in"

[rules.example]
section = "Related Documentation"
fails = '''
## Related Documentation

- TODO: link the DEP
'''
passes = '''
## Related Documentation

- [Data Flow](#data-flow)
'''

[[rules]]
code = "SL901"
name = "crash"
check = "crash"
description = "Always raises."
"""


def distribution(root: Path, entry_points: str, files: dict[str, str]) -> Path:
    """A distribution "tinyplugin" with these entry points and files, found on ``root`` as on sys.path."""
    info = root / "tinyplugin-0.1.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: tinyplugin\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(entry_points, encoding="utf-8")
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def spec_lint(path: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(path), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run([sys.executable, "-m", "spec_lint", *args], capture_output=True, text=True, env=env,
                          check=False, cwd=cwd)


def tiny_plugin(tmp_path: Path) -> Path:
    entry_points = "[spec_lint.checks]\ntiny = tinyplugin.checks\n\n[spec_lint.packs]\ntiny-pack = tinyplugin\n"
    files = {"tinyplugin/__init__.py": "", "tinyplugin/checks.py": CHECKS, "tinyplugin/tiny-pack.toml": PACK}
    return distribution(tmp_path / "site", entry_points, files)


def test_a_plugin_rule_fires_and_a_crashing_one_is_an_internal_error(tmp_path: Path) -> None:
    site = tiny_plugin(tmp_path)
    spec = tmp_path / "router.md"
    spec.write_text(VALID_SPEC.read_text(encoding="utf-8").replace("- KV-aware scoring", "- TODO: KV-aware scoring"
                                                                  ).replace("dynamo_router_workers", "router_workers"),
                    encoding="utf-8")
    result = spec_lint(site, "--pack", "tiny-pack", "--output-format", "json", str(spec))
    assert result.returncode == 2, result.stderr
    found = [(f["code"], f["line"], f["message"]) for f in json.loads(result.stdout)]
    assert ("SL900", 296, '"TODO" left in (expected the work done)') in found
    assert ("SL000", 1, "internal error in SL901 crash: RuntimeError('boom') (please report it)") in found
    assert "SL301" in {code for code, _, _ in found}  # the other rules still report
    assert all(f["path"] == str(spec) for f in json.loads(result.stdout))
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("args", [["--ignore", "SL901"], ["--select", "SL900"]])
def test_a_rule_switched_off_does_not_run(tmp_path: Path, args: list[str]) -> None:
    site = tiny_plugin(tmp_path)
    spec = tmp_path / "router.md"
    spec.write_text(VALID_SPEC.read_text(encoding="utf-8") + "\nTODO: more\n", encoding="utf-8")
    result = spec_lint(site, "--pack", "tiny-pack", "--output-format", "json", *args, str(spec))
    assert result.returncode == 1, result.stderr
    assert {f["code"] for f in json.loads(result.stdout)} == {"SL900"}


def test_a_plugin_rule_is_listed_and_explained(tmp_path: Path) -> None:
    site = tiny_plugin(tmp_path)
    listed = spec_lint(site, "rules", "--pack", "tiny-pack")
    assert listed.returncode == 0, listed.stderr
    assert [line.split(maxsplit=4) for line in listed.stdout.splitlines() if line.startswith("SL900")] == [
        ["SL900", "no-todo", "error", "-", "a TODO left in"]]
    explained = spec_lint(site, "explain", "--pack", "tiny-pack", "SL900").stdout
    assert 'Checked by the "no-todo" check:' in explained and "No line of the document holds `word`." in explained
    assert '  SL900 reports: "TODO" left in (expected the work done)' in explained.splitlines()


def test_a_pack_file_extends_a_plugin_pack_by_name(tmp_path: Path) -> None:
    site = tiny_plugin(tmp_path)
    (tmp_path / "team.toml").write_text('[pack]\nname = "team"\nextends = "tiny-pack"\n\n[remove]\nrules = ["SL901"]\n',
                                        encoding="utf-8")
    listed = spec_lint(site, "rules", "--pack", "team.toml", cwd=tmp_path)
    codes = [line.split()[0] for line in listed.stdout.splitlines()]
    assert "SL900" in codes and "SL901" not in codes, listed.stderr


def test_a_plugin_that_fails_to_import_is_an_error_naming_it(tmp_path: Path) -> None:
    site = distribution(tmp_path / "site", "[spec_lint.checks]\nbroken = tinyplugin.missing\n",
                        {"tinyplugin/__init__.py": ""})
    result = spec_lint(site, str(VALID_SPEC))
    assert result.returncode == 2
    assert result.stderr.startswith('spec-lint: error: cannot import plugin "broken" (distribution "tinyplugin", '
                                    'entry point group "spec_lint.checks"): ModuleNotFoundError(')
    assert "Traceback" not in result.stderr and not result.stdout


def test_a_plugin_may_not_take_a_built_in_name(tmp_path: Path) -> None:
    taken = 'from spec_lint.checks import register\n\n\n@register("title")\nclass Title:\n    pass\n'
    site = distribution(tmp_path / "kind", "[spec_lint.checks]\ntiny = tinyplugin\n", {"tinyplugin/__init__.py": taken})
    kind = spec_lint(site, "rules")
    assert kind.returncode == 2 and 'check kind "title" registered twice' in kind.stderr, kind.stderr
    entry_points = "[spec_lint.packs]\ndynamo-component = tinyplugin\n"
    site = distribution(tmp_path / "pack", entry_points, {"tinyplugin/__init__.py": ""})
    pack = spec_lint(site, "rules")
    assert pack.returncode == 2
    assert pack.stderr == ('spec-lint: error: plugin "dynamo-component" (distribution "tinyplugin", entry point group '
                           '"spec_lint.packs"): pack "dynamo-component" is also given by a pack shipped with '
                           "spec-lint (expected one pack of each name; uninstall one of them)\n")


def test_the_plugin_the_readme_shows_installs_with_pip_and_works(tmp_path: Path) -> None:
    plugins = section("Plugins")
    (project, pack), (check,) = blocks(plugins, "toml"), blocks(plugins, "python")
    source = tmp_path / "spec-lint-ours"
    for name, lines in {"pyproject.toml": project, "spec_lint_ours/__init__.py": [],
                        "spec_lint_ours/checks.py": check, "spec_lint_ours/our-components.toml": pack}.items():
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        (source / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    # Offline: no index, no build isolation (the venv's setuptools builds it), spec-lint is already there.
    pip = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation",
                          "--no-index", "--target", str(tmp_path / "site"), str(source)],
                         capture_output=True, text=True, check=False)
    assert pip.returncode == 0, pip.stderr
    spec = tmp_path / "router.md"
    spec.write_text(VALID_SPEC.read_text(encoding="utf-8") + "\nTODO: more\n", encoding="utf-8")
    result = spec_lint(tmp_path / "site", "--pack", "our-components", str(spec))
    assert result.stdout.splitlines()[0] == f'{spec}:298:1: SL900 [no-todo] "TODO" left in (expected the work done)'


def test_a_pack_reference_is_a_pack_name_or_a_file_relative_to_a_folder(tmp_path: Path) -> None:
    assert pack_from("dynamo-component").name == "dynamo-component"
    (tmp_path / "team.toml").write_text('[pack]\nname = "team"\nextends = "dynamo-component"\n', encoding="utf-8")
    assert pack_from("team.toml", tmp_path).name == "team"
    with pytest.raises(PackError, match="cannot read"):
        pack_from("./dynamo-component", tmp_path)  # written as a path, it is one
    with pytest.raises(PackError, match='^unknown pack "dynamo-componet" \\(did you mean "dynamo-component"\\?\\)'):
        builtin_pack("dynamo-componet")


def test_the_entry_points_are_found_in_process_and_a_zip_on_the_path_is_asked_through_importlib(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A run without plugins skips importlib.metadata; the cheap look must not miss one that is there.
    site = distribution(tmp_path / "site", "[spec_lint.packs]\ntiny-pack = tinyplugin\n", {})
    monkeypatch.syspath_prepend(str(site))
    assert [plugin.name for plugin in plugins(PACKS_GROUP)] == ["tiny-pack"]
    assert plugins(CHECKS_GROUP) == ()
    zipped = tmp_path / "eggs.zip"
    zipped.write_bytes(b"")
    monkeypatch.syspath_prepend(str(zipped))
    with mock.patch("importlib.metadata.entry_points", return_value=[]) as asked:
        assert plugins(CHECKS_GROUP) == ()
    asked.assert_called_once_with(group=CHECKS_GROUP)
