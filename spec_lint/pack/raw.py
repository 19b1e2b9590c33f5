"""The raw shape of a pack file, as typed values: what each table and entry of the TOML may hold.

Each file's data is converted with the option converter when the file is read, before anything
is merged, so that a string where a list belongs, a misspelt key or a missing one is refused
with its place. ``None`` is a key the file does not give: an extending file changes only what
it gives.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from spec_lint.pack.options import OptionError, build
from spec_lint.pack.params import ParamType
from spec_lint.pack.references import Scope
from spec_lint.pack.schema import PackError
from spec_lint.template import Condition


@dataclass(frozen=True, slots=True)
class DetectTable:
    title_suffix: str | None = None
    fields: tuple[str, ...] | None = None
    within_lines: int | None = None

    def __post_init__(self) -> None:
        if any(not name.strip() for name in self.fields or ()):
            raise ValueError('an empty field name (expected fields = ["Key", ...])')


@dataclass(frozen=True, slots=True)
class IdentityTable:
    front_matter_key: str | None = None
    title_group: str | None = None
    strip_prefixes: tuple[str, ...] | None = None


@dataclass(frozen=True, slots=True)
class PackTable:
    name: str | None = None
    description: str | None = None
    extends: str | None = None
    section_level: int | None = None
    section_levels: tuple[int, ...] | None = None
    heading_qualifiers: bool | None = None
    title_pattern: str | None = None
    title_example: str | None = None
    sample: str | None = None
    template: str | None = None
    detect: DetectTable | None = None
    identity: IdentityTable | None = None


@dataclass(frozen=True, slots=True)
class SectionEntry:
    title: str
    required: bool | None = None
    when: Condition | None = None
    children: tuple[str | SectionEntry, ...] | None = None
    min_children: int | None = None
    aliases: tuple[str, ...] | None = None
    after: str | None = None
    before: str | None = None

    def __post_init__(self) -> None:
        if not self.title.strip():
            raise ValueError('an empty title (expected title = "...")')
        if self.after is not None and self.before is not None:
            raise ValueError(f'section "{self.title}": both after and before (expected one of them)')


@dataclass(frozen=True, slots=True)
class TableEntry:
    section: str | None = None
    columns: tuple[str, ...] | None = None
    required: tuple[str, ...] | None = None
    values: Mapping[str, str] | None = None
    key_column: str | None = None
    rows: tuple[str, ...] | None = None
    row_values: Mapping[str, Mapping[str, str]] | None = None


@dataclass(frozen=True, slots=True)
class ValueSetEntry:
    values: tuple[str, ...] | None = None
    pattern: str | None = None
    pattern_help: str | None = None
    separators: str | None = None


@dataclass(frozen=True, slots=True)
class ExampleEntry:
    section: str
    fails: str
    passes: str
    other: str | None = None


@dataclass(frozen=True, slots=True)
class RuleEntry:
    code: str
    name: str | None = None
    check: str | None = None
    severity: Literal["error", "warning"] | None = None
    description: str | None = None
    summary: str | None = None
    why: str | None = None
    options: Mapping[str, Any] | None = None
    fixable: bool | None = None
    example: ExampleEntry | None = None

    def __post_init__(self) -> None:
        if not self.code.strip():
            raise ValueError('an empty code (expected code = "SL...")')


@dataclass(frozen=True, slots=True)
class ParamDeclaration:
    type: ParamType
    default: Any
    description: str = ""


@dataclass(frozen=True, slots=True)
class RemoveTable:
    rules: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()
    tables: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PackFile:
    pack: PackTable = PackTable()
    params: Mapping[str, Any] = field(default_factory=dict)
    sections: tuple[str | SectionEntry, ...] = ()
    tables: Mapping[str, TableEntry] = field(default_factory=dict)
    value_sets: Mapping[str, ValueSetEntry] = field(default_factory=dict)
    rules: tuple[Mapping[str, Any], ...] = ()
    remove: RemoveTable | None = None


def check_shape(data: Mapping[str, Any], origin: str) -> PackFile:
    """The file's data as typed values; a ``PackError`` naming the key when it has another shape."""
    shaped: PackFile = _built(PackFile, data, f"{origin}: ")
    for index, rule in enumerate(shaped.rules):
        code = rule.get("code")
        _built(RuleEntry, rule, f"{origin}: {code if isinstance(code, str) and code.strip() else f'rules[{index}]'}: ")
    for name, value in shaped.params.items():
        if isinstance(value, dict):
            _declaration(value, f"{origin}: params.{name}")
    return shaped


def _declaration(value: Mapping[str, Any], where: str) -> None:
    if "type" not in value:
        raise PackError(f'{where}: type: missing (expected type = "template" or another type; '
                        "a parameter declared in the parent is overridden by a plain value)")
    _built(ParamDeclaration, value, f"{where}.")


def _built(cls: type[Any], data: Mapping[str, Any], where: str) -> Any:
    try:
        return build(cls, data, Scope((), {}, {}, {}))
    except OptionError as error:
        # A file's tables hold keys, not a check's options.
        problem = error.problem.replace("unknown option", "unknown key").replace("missing required option", "missing")
        key = "" if error.key == cls.__name__ else f"{error.key}: "  # the entry as a whole
        raise PackError(f"{where}{key}{problem}") from error
