"""The values of a readiness report: one row per component spec, one summary per requirement."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Status(enum.Enum):
    """Where a requirement stands; ``MISSING`` is no row for it, ``UNKNOWN`` a value not read as a status."""

    COMPLETE = "complete"
    IN_PROGRESS = "in_progress"
    NOT_STARTED = "not_started"
    UNKNOWN = "unknown"
    MISSING = "missing"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


# The summaries' column of the components whose statuses could not be read.
UNREADABLE = "Unreadable"

# How a cell's value reads as a status: the status table's values, any case.
STATUS_WORDS = {"complete": Status.COMPLETE, "in progress": Status.IN_PROGRESS, "not started": Status.NOT_STARTED}


@dataclass(frozen=True, slots=True)
class Requirement:
    """One row of a spec's status table: the requirement, its status, and the cells as written."""

    name: str
    status: Status
    current: str = ""
    target: str = ""


@dataclass(frozen=True, slots=True)
class Counts:
    """What the normal lint reported on a spec; ``structure`` the errors of its structure rules."""

    errors: int = 0
    warnings: int = 0
    structure: int = 0


@dataclass(frozen=True, slots=True)
class Component:
    """One spec. ``problem`` says why no status could be read from it ("" when one was)."""

    path: str
    name: str
    component: str = ""
    support_level: str = ""
    pic: str = ""
    last_updated: str = ""
    requirements: tuple[Requirement, ...] = ()
    coverage: str = ""
    counts: Counts = Counts()
    problem: str = ""

    @property
    def readiness(self) -> float | None:
        """The share of requirements complete; None when the spec gave no status to count."""
        if self.problem or not self.requirements:
            return None
        return sum(r.status is Status.COMPLETE for r in self.requirements) / len(self.requirements)

    @property
    def attention(self) -> tuple[str, ...]:
        """Why the spec needs a look before its statuses can be trusted."""
        reasons = (self.problem, _errors(self.counts.structure))
        return tuple(reason for reason in reasons if reason)


def _errors(count: int) -> str:
    if not count:
        return ""
    return f"{count} structure error{'s' if count > 1 else ''} (SL1xx/SL2xx)"


@dataclass(frozen=True, slots=True)
class Summary:
    """How many components stand where on one requirement; ``unreadable`` those whose statuses
    could not be read, so that the counts add up to the number of components."""

    requirement: str
    counts: tuple[tuple[Status, int], ...]
    unreadable: int = 0

    def count(self, status: Status) -> int:
        return dict(self.counts).get(status, 0)


@dataclass(frozen=True, slots=True)
class Average:
    """The mean readiness of the ``read`` components whose statuses were read, of ``total``."""

    share: float | None
    read: int
    total: int

    @property
    def covers(self) -> str:
        """What the average is taken over, as people read it (over 2 of 3 specs with a readable status table)."""
        return f"over {self.read} of {self.total} spec{'s' if self.total != 1 else ''} with a readable status table"


@dataclass(frozen=True, slots=True)
class Readiness:
    """The whole report: the pack's requirements, the components, and paths that could not be looked at."""

    requirements: tuple[str, ...]
    components: tuple[Component, ...]
    problems: tuple[str, ...] = ()

    @property
    def summaries(self) -> tuple[Summary, ...]:
        return tuple(self._summary(name) for name in self.requirements)

    def _summary(self, name: str) -> Summary:
        found = [r.status for c in self.components for r in c.requirements if r.name == name]
        unreadable = sum(c.readiness is None for c in self.components)
        return Summary(name, tuple((status, found.count(status)) for status in Status), unreadable)

    @property
    def average(self) -> Average:
        shares = [share for c in self.components if (share := c.readiness) is not None]
        mean = sum(shares) / len(shares) if shares else None
        return Average(mean, len(shares), len(self.components))

    @property
    def attention(self) -> tuple[Component, ...]:
        return tuple(c for c in self.components if c.attention)


def percent(share: float | None) -> str:
    """A readiness as people read it: "43%"; "" for none."""
    return "" if share is None else f"{round(share * 100)}%"
