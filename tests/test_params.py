"""Naming rules follow the pack's parameters: a team can switch conventions without code changes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import VALID_SPEC

import spec_lint
from spec_lint import Pack
from spec_lint.pack import load_pack_text

# Dynamo's own code uses DYN_ variables and a few unprefixed globals.
DYN_ENV = {"env_prefix": "DYN_{COMPONENT}_", "global_env": ["DYN_LOG", "DYN_NAMESPACE", "NATS_SERVER"]}
DYN_RENAMES = {
    "DYNAMO_ROUTER_": "DYN_ROUTER_",
    "DYNAMO_LOG_LEVEL": "DYN_LOG",
    "| `DYNAMO_NATS_URL` | string | `nats://localhost:4222` | NATS connection URL |":
        "| `NATS_SERVER` | string | `nats://localhost:4222` | NATS connection URL |\n"
        "| `DYN_NAMESPACE` | string | `dynamo` | Namespace of the deployment |",
}
FLAG_PORT, ENV_PORT = 98, 107  # rows of --port and of its variable in examples/router.md


def with_params(**params: Any) -> Pack:
    """A team's pack: the built-in one with some parameters changed."""
    lines = "\n".join(f"{name} = {_toml(value)}" for name, value in params.items())
    return load_pack_text(f'[pack]\nname = "team"\nextends = "dynamo-component"\n[params]\n{lines}\n', "team.toml")


def _toml(value: Any) -> str:
    items = value if isinstance(value, list) else [value]
    quoted = ", ".join("'" + item + "'" for item in items)
    return f"[{quoted}]" if isinstance(value, list) else quoted


def spec(tmp_path: Path, renames: dict[str, str]) -> Path:
    text = VALID_SPEC.read_text(encoding="utf-8")
    for old, new in renames.items():
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / "router.md"
    path.write_text(text, encoding="utf-8")
    return path


def findings(path: Path, pack: Pack) -> list[tuple[int, str, str]]:
    return [(f.line, f.code, f.message) for f in spec_lint.lint_paths([path], [pack]).findings]


def lines_of(found: list[tuple[int, str, str]], code: str) -> list[int]:
    return [line for line, got, _ in found if got == code]


def test_dyn_variables_pass_under_a_dyn_pack(tmp_path: Path, pack: Pack) -> None:
    assert findings(spec(tmp_path, DYN_RENAMES), with_params(**DYN_ENV)) == []


def test_dynamo_variables_fail_under_a_dyn_pack(tmp_path: Path, pack: Pack) -> None:
    found = findings(spec(tmp_path, {}), with_params(**DYN_ENV))
    port = [message for line, code, message in found if code == "SL320" and line in (FLAG_PORT, ENV_PORT)]
    assert len(port) == 2
    assert all('"DYNAMO_ROUTER_PORT" does not start with "DYN_ROUTER_"' in m for m in port)
    assert all('(expected "DYN_ROUTER_PORT"; global variables: "DYN_LOG", "DYN_NAMESPACE"' in m for m in port)
    assert {code for _, code, _ in found} == {"SL320"}


def test_dyn_variables_fail_under_the_default_pack(tmp_path: Path, pack: Pack) -> None:
    found = findings(spec(tmp_path, DYN_RENAMES), pack)
    assert lines_of(found, "SL320") == [97, 98, 99, 100, 106, 107, 108, 109, 110, 111]
    port = next(message for line, _, message in found if line == FLAG_PORT)
    assert '"DYN_ROUTER_PORT" does not start with "DYNAMO_ROUTER_"' in port
    assert '(expected "DYNAMO_ROUTER_PORT"' in port
    assert {code for _, code, _ in found} == {"SL320"}


@pytest.mark.parametrize(
    ("params", "renames", "code", "message"),
    [
        (
            {"metric_prefix": "dyn_{component}_"},
            {"`dynamo_router_": "`dyn_router_"},
            "SL301",
            'does not start with "dyn_router_"',
        ),
        (
            {"error_code": r"E{COMPONENT}\d{4}", "error_code_example": "E{COMPONENT}0001"},
            {"`ROUTER_00": "`EROUTER000"},
            "SL310",
            'is not "EROUTER" and four digits (expected "EROUTER000',
        ),
    ],
    ids=["metric-prefix", "error-code"],
)
def test_changed_conventions_are_followed(
    tmp_path: Path, pack: Pack, params: dict[str, Any], renames: dict[str, str], code: str, message: str
) -> None:
    changed = with_params(**params)
    assert findings(spec(tmp_path, renames), changed) == []
    assert {got for _, got, _ in findings(spec(tmp_path, renames), pack)} == {code}
    old = findings(spec(tmp_path, {}), changed)
    assert [got for _, got, _ in old] == [code] * len(old) and old
    assert all(message in text for _, _, text in old)
