"""Which file of an ``extends`` chain gave each item of a merged pack.

Validation runs on the merged data; an error it finds names the file that last gave the item
(a rule, section, table, value set, parameter or ``[pack]`` key), not the file that was loaded.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spec_lint.titles import normalize_title


def section_key(path: Iterable[str]) -> str:
    """A section path as ``Origins`` keys it: any case, any spacing."""
    return " > ".join(map(normalize_title, path))


@dataclass(frozen=True, slots=True)
class Origins:
    """Filled while the files merge (``mark``); read while the merged pack is validated (``of``)."""

    last: str
    given: dict[tuple[str, str], str] = field(default_factory=dict)

    def mark(self, kind: str, names: Iterable[str], origin: str) -> None:
        for name in names:
            self.given[(kind, name)] = origin

    def of(self, kind: str, name: str) -> str:
        """The file that gave the item; the loaded file when no file named it."""
        return self.given.get((kind, name), self.last)
