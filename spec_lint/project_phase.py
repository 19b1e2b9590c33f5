"""The engine's project phase: the specs named compared with each other and with the project's
other specs, which are read for their cross-file facts only."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from spec_lint.crossfile import Collected, collect, judge, project_rules
from spec_lint.documents import context
from spec_lint.engine_rules import finding_of, internal_error
from spec_lint.findings import Finding
from spec_lint.pack import Pack
from spec_lint.project import inside, key_of, others
from spec_lint.reading import TooLargeError, UnreadableError, read_head, text_of
from spec_lint.settings import Settings


def project_findings(named_specs: Sequence[tuple[Path, Collected]], packs: Sequence[Pack],
                     settings: Settings) -> dict[str, list[Finding]]:
    """The project rules' findings for the specs named, by key; nothing is read when every
    project rule is switched off."""
    named = {spec.key: (path, spec) for path, spec in named_specs}
    if not any(_enabled(spec.pack, settings) for _, spec in named.values()):
        return {}
    read = (_collected_of(path, packs, settings) for path in others(settings.project, [p for p, _ in named.values()]))
    specs = [*(spec for _, spec in named.values()), *(spec for spec in read if spec is not None)]
    found: dict[str, list[Finding]] = {}
    for key, rule, outcome in judge(specs):
        if key in named:
            path = named[key][0]
            finding = internal_error(path, rule, outcome) if isinstance(outcome, Exception) else \
                finding_of(path, rule, outcome)
            found.setdefault(key, []).append(finding)
    return found


def _enabled(pack: Pack, settings: Settings) -> bool:
    """Has the pack a project rule the configuration does not switch off?"""
    return any(rule.code not in settings.disabled for rule, _ in project_rules(pack))


def _collected_of(path: Path, packs: Sequence[Pack], settings: Settings) -> Collected | None:
    """The project facts of a spec that was not named: raw-text detection first, so that other
    Markdown is not parsed; a file that cannot be read, or a rule that raises on it, is left out."""
    try:
        found = context(text_of(read_head(path, settings.max_file_size)), path, packs)
    except (UnreadableError, TooLargeError):
        return None
    if found is None:
        return None
    ctx, pack = found
    collected, errors = collect(ctx, pack, key_of(path), spec_name(path, settings))
    return None if errors else collected


def spec_name(path: Path, settings: Settings) -> str:
    """How a cross-file message names the spec: from the current folder when it is under it, as
    finding paths are named; else from the project root, else as it was given."""
    if inside(key_of(path), os.getcwd()):
        return Path(os.path.relpath(key_of(path))).as_posix()
    project = settings.project
    return project.name_of(path) if project is not None and project.holds(path) else str(path)
