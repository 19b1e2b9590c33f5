"""Output formats: pure functions from a report to text, in one registry.

A run imports only the format it prints: the registry loads a format's module on first use.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from types import ModuleType
from typing import TYPE_CHECKING

from spec_lint.formats.escaping import UNPRINTABLE, printable
from spec_lint.formats.options import FormatOptions, Formatter
from spec_lint.formats.step_summary import step_summary
from spec_lint.formats.text import summary, suppressed_line

if TYPE_CHECKING:
    from spec_lint.formats.github import escape_data, escape_property

# Each format's name and the module (in this package) whose ``render`` writes it.
_MODULES = {"text": "text", "concise": "concise", "json": "json", "github": "github", "sarif": "sarif",
            "junit": "junit", "gitlab": "gitlab"}
_LAZY = {"escape_data": "github", "escape_property": "github"}
# The formats that describe the rules in effect (a report's ``rules``), not only the findings.
DESCRIBE_RULES = frozenset({"sarif"})


class _Registry(Mapping[str, Formatter]):
    """The formats by name; a format's module is imported when it is looked up."""

    def __getitem__(self, name: str) -> Formatter:
        render: Formatter = _module(_MODULES[name]).render
        return render

    def __iter__(self) -> Iterator[str]:
        return iter(_MODULES)

    def __len__(self) -> int:
        return len(_MODULES)


def _module(name: str) -> ModuleType:
    return importlib.import_module(f"{__name__}.{name}")


def __getattr__(name: str) -> object:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(_module(_LAZY[name]), name)


FORMATS: Mapping[str, Formatter] = _Registry()

__all__ = ["DESCRIBE_RULES", "FORMATS", "UNPRINTABLE", "FormatOptions", "Formatter", "escape_data", "escape_property", "printable",
           "step_summary", "summary", "suppressed_line"]
