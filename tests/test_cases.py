"""The small tier: tiny packs and documents of a few lines with their exact findings (tests/cases).

``<check_kind>.toml`` is a pack (merged over ``_base.toml``) that binds one check kind, plus
``[[case]]`` entries: ``name``, ``doc`` (or ``raw``, text whose characters are bytes),
``findings = [[line, column, "message"], ...]`` exact and in order, and optionally ``path``,
``files`` (written beside the document; ``{ raw = "..." }`` for bytes), ``project = true`` (the
folder is the project, so the cross-file rules read the files beside), ``params`` (overrides),
``skipped`` (why the file is passed over) and ``xfail`` (a known bug, why). ``builtin_<area>.toml`` runs the rules of a
built-in pack instead: ``builtin = "dynamo-component"`` and ``only = [codes]``, the codes whose
findings count (a case may narrow them with its own ``only``).
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from spec_lint import Finding, Pack, builtin_pack, lint_paths
from spec_lint.checks import registry
from spec_lint.discover import Scope
from spec_lint.engine_rules import UNREADABLE
from spec_lint.facts.syntax import PYTHON_VERSION
from spec_lint.pack import load_pack_data
from spec_lint.project import Project
from spec_lint.settings import Settings

CASES = Path(__file__).resolve().parent / "cases"
CASE_FILES = sorted(p for p in CASES.glob("*.toml") if not p.name.startswith("_"))
BUILTIN = "dynamo-component"


@functools.cache
def file_data(stem: str) -> dict[str, Any]:
    return tomllib.loads((CASES / f"{stem}.toml").read_text(encoding="utf-8"))


def all_cases() -> Iterator[tuple[str, dict[str, Any]]]:
    for path in CASE_FILES:
        for case in file_data(path.stem).get("case", []):
            yield path.stem, case


def merged(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    """``over`` merged into ``base`` table by table (arrays and values replace)."""
    result = dict(base)
    for key, value in over.items():
        old = result.get(key)
        result[key] = merged(old, value) if isinstance(old, Mapping) and isinstance(value, Mapping) else value
    return result


def pack_data(stem: str, params: Mapping[str, Any]) -> dict[str, Any]:
    """The case file's pack, over the base, with the case's parameter overrides."""
    data = file_data(stem)
    if "builtin" in data:
        return {"pack": {"name": f"{stem}-case", "extends": data["builtin"]}, "params": dict(params)}
    own = merged(file_data("_base"), {key: value for key, value in data.items() if key not in ("case", "only")})
    declared = {name: {"default": value} if name in own.get("params", {}) else _declaration(value)
                for name, value in params.items()}
    return merged(own, {"params": declared})


def _declaration(value: Any) -> dict[str, Any]:
    """A parameter the case file does not declare (one the engine reads, such as placeholder_names)."""
    return {"type": "strings" if isinstance(value, list) else "template", "default": value}


@functools.cache
def cached_pack(stem: str) -> Pack:
    return pack_for(stem, {})


def pack_for(stem: str, params: Mapping[str, Any]) -> Pack:
    if "builtin" in file_data(stem) and not params:
        return builtin_pack(file_data(stem)["builtin"])
    return load_pack_data(pack_data(stem, params), str(CASES / f"{stem}.toml"), CASES)


def run_case(stem: str, case: Mapping[str, Any], folder: Path) -> tuple[list[Finding], list[list[Any]]]:
    """Every finding of the case's document, and the ones that count, as ``[line, column, message]``."""
    path = folder / case.get("path", "spec.md")
    _write(path, case)
    for name, content in case.get("files", {}).items():
        _write(folder / name, content if isinstance(content, Mapping) else {"doc": content})
    pack = pack_for(stem, case["params"]) if "params" in case else cached_pack(stem)
    settings = Settings(project=Project(folder, Scope(root=folder))) if case.get("project") else Settings()
    report = lint_paths([path], [pack], settings)
    assert report.errors == ()
    skipped = [why for _, why in report.skipped]
    assert skipped == ([case["skipped"]] if "skipped" in case else [])
    only = case.get("only", file_data(stem).get("only"))
    counted = [f for f in report.findings if only is None or f.code in only]
    return counted, [[f.line, f.column, f.message] for f in counted]


def _write(path: Path, given: Mapping[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if "raw" in given:
        path.write_bytes(given["raw"].encode("latin-1"))
    else:
        path.write_text(given["doc"], encoding="utf-8")


def case_param(stem: str, case: dict[str, Any]) -> Any:
    """A case; one with ``xfail = "why"`` pins a known bug until it is fixed."""
    marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if "xfail" in case else []
    return pytest.param(stem, case, id=f"{stem}: {case['name']}", marks=marks)


@pytest.mark.parametrize(("stem", "case"), [case_param(s, c) for s, c in all_cases()])
def test_case(stem: str, case: dict[str, Any], tmp_path: Path) -> None:
    # Python's parser names its version: "{python}" in a message stands for the one running.
    expected = [[line, column, text.replace("{python}", PYTHON_VERSION)] for line, column, text in case["findings"]]
    assert run_case(stem, case, tmp_path)[1] == expected


@pytest.mark.parametrize("kind", sorted(registry()))
def test_every_check_kind_has_firing_and_passing_cases(kind: str) -> None:
    stem = kind.replace("-", "_")
    data = file_data(stem)
    assert kind in {rule["check"] for rule in data.get("rules", [])}
    results = [bool(case["findings"]) for case in data["case"]]
    assert True in results and False in results


@pytest.mark.parametrize("builtin", sorted({file_data(p.stem).get("builtin", BUILTIN) for p in CASE_FILES}))
def test_every_builtin_rule_fires_in_a_case_and_is_clean_in_another(builtin: str, tmp_path: Path) -> None:
    fired: set[str] = set()
    clean: set[str] = set()
    for number, (stem, case) in enumerate(all_cases()):
        if file_data(stem).get("builtin") != builtin:
            continue
        counted, _ = run_case(stem, case, tmp_path / str(number))
        codes = {f.code for f in counted}
        fired |= codes
        clean |= set(case.get("only", file_data(stem)["only"])) - codes
    wanted = {rule.code for rule in builtin_pack(builtin).rules} | ({UNREADABLE.code} if builtin == BUILTIN else set())
    assert sorted(wanted - fired) == [] and sorted(wanted - clean) == []
