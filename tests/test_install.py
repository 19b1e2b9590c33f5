"""SL343 follows the pack's `packages` parameter: a team can allow Dynamo's real `ai-dynamo`."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import lint_source, valid_with

from spec_lint import Pack
from spec_lint.pack import load_pack_text

INSTALL = "pip install dynamo-router\n"


def installing(command: str) -> str:
    return valid_with(INSTALL, f"{INSTALL}{command}\n")


def package_findings(tmp_path: Path, command: str, pack: Pack) -> list[tuple[int, str]]:
    return [(f.column, f.message) for f in lint_source(tmp_path, installing(command), pack) if f.code == "SL343"]


@pytest.mark.parametrize(
    "command",
    [
        'uv pip install "ai-dynamo[vllm]"',
        "pip install 'ai-dynamo[vllm,sglang]==1.0.0'",
        'pip install "ai-dynamo[vllm] >= 1.0" dynamo-router',
        "pip install ai_dynamo",
    ],
)
def test_a_team_can_allow_ai_dynamo(tmp_path: Path, command: str) -> None:
    allowing = load_pack_text(
        '[pack]\nname = "team"\nextends = "dynamo-component"\n'
        '[params]\npackages = ["dynamo", "dynamo-{component-}", "ai-dynamo"]\n',
        "team.toml",
    )
    assert package_findings(tmp_path, command, allowing) == []


def test_the_default_pack_names_the_quoted_package_without_its_extras(tmp_path: Path, pack: Pack) -> None:
    found = package_findings(tmp_path, 'uv pip install "ai-dynamo[vllm]"', pack)
    assert found == [(17, 'pip installs "ai-dynamo" (expected "dynamo" or "dynamo-router")')]
