"""The component id that names built from it use: "dynamo_mocker_requests_total" uses "mocker".

A name is read against the form it is built by (``dynamo_{component}_``, ``{COMPONENT}_\\d{3}``):
each way the form fits the name gives an id the name may use ("dynamo_kv_router_hits_total":
"kv", "kv_router" or "kv_router_hits"). The id most names may use is the one they use.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from spec_lint.pack import Pack
from spec_lint.pack.params import render

# Stands for the id while a form is turned into a pattern: letters only, so that no spelling of
# the id ({component}, {COMPONENT}, {component-}) changes it but its case.
_STAND_IN = "qzxidxzq"
# Longer ids are not looked for: an id is a few words, and a hostile cell must not cost more.
_LONGEST = 64
_ID_WORDS = re.compile(r"[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*")
_SEPARATOR = re.compile(r"[-_]")


@dataclass(frozen=True, slots=True)
class Form:
    """A name's form split where the id stands: the pattern before it and the one after it."""

    before: re.Pattern[str]
    after: re.Pattern[str]

    def ids(self, name: str) -> set[str]:
        """Each id ``name`` may be built from, in snake case ("global-planner" as "global_planner")."""
        start = self.before.match(name)
        words = _ID_WORDS.match(name, start.end(), start.end() + _LONGEST) if start else None
        if start is None or words is None:
            return set()
        # An id ends where its words do, or at a separator between two of them.
        ends = [*(m.start() for m in _SEPARATOR.finditer(name, start.end(), words.end())), words.end()]
        return {name[start.end() : end].casefold().replace("-", "_") for end in ends
                if (end == len(name) or not name[end].isalnum()) and self.after.match(name, end)}


def form_of(pattern: str, pack: Pack) -> Form | None:
    """The form of names a pattern template gives (``{metric_prefix}``); None when the id is not
    in it exactly once."""
    rendered = render(pattern, pack.params, _STAND_IN, as_pattern=True)
    parts = re.split(_STAND_IN, rendered, flags=re.IGNORECASE)
    if len(parts) != 2:
        return None
    before, after = (re.compile(part, re.IGNORECASE) for part in parts)
    return Form(before, after)


def most_used(names: Sequence[set[str]], derived: str) -> str | None:
    """The id most of the names may use, when it is not ``derived`` and more than half of them
    (two at least) may use it; ties go to an id that is part of ``derived``, then to the longer."""
    votes = Counter(found for ids in names for found in ids)
    if not votes:
        return None
    # The derived id wins every tie it is in: it is within itself, and no id within it is longer.
    best = max(votes, key=lambda found: (votes[found], _within(found, derived), len(found)))
    share = votes[best]
    return None if best == derived or share < 2 or 2 * share <= len(names) else best


def _within(found: str, derived: str) -> bool:
    """Is ``found`` ``derived``, its start or its end ("mocker" of "nvidia_dynamo_mocker")?"""
    return found == derived or derived.endswith(f"_{found}") or derived.startswith(f"{found}_")


def words_before(name: str, found: str) -> str:
    """The words of ``name`` before those of the id ``found``: "NVIDIA Dynamo" of "NVIDIA Dynamo
    Mocker" for "mocker"; empty when ``name`` does not end in the id's words."""
    words = list(re.finditer(r"[0-9A-Za-z]+", name))
    count = len(found.split("_"))
    tail = [w[0].casefold() for w in words[-count:]]
    if len(words) <= count or tail != found.split("_"):
        return ""
    return name[: words[-count].start()].rstrip(" \t-–—:_")

