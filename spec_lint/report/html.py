"""The report as one self-contained HTML page: a colour-coded status matrix and an SVG bar chart
of readiness, sortable when JavaScript is on. Jinja2 escapes every value (autoescape), and the
page's Content-Security-Policy lets run only its own script and load nothing."""

from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import PurePath

import jinja2
from markupsafe import Markup

from spec_lint import __version__
from spec_lint.report.data import UNREADABLE, Component, Readiness, Status, percent

# The chart's geometry, in SVG user units: a label column as wide as the longest name needs (up
# to MAX_LABEL_WIDTH), then bars up to BAR_WIDTH long.
MIN_LABEL_WIDTH, MAX_LABEL_WIDTH, BAR_WIDTH, BAR_HEIGHT, GAP = 120, 420, 420, 22, 8
# The width of a character of a 13px label, on the generous side (SVG text cannot wrap, and the
# server cannot measure it), and the room between a label and its bar.
CHAR_WIDTH, LABEL_GAP = 8.5, 8
# A name longer than this ends in an ellipsis; its row's <title> gives it in full.
MAX_LABEL_CHARS = int((MAX_LABEL_WIDTH - LABEL_GAP) // CHAR_WIDTH)
# The first number of a cell ("72%" is 72), so that a numeric column sorts as numbers.
NUMBER = re.compile(r"\d+(?:\.\d+)?")

_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("spec_lint.report", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


@dataclass(frozen=True, slots=True)
class Bar:
    """One component's bar: where it stands and how long it is (0 when its spec was not read)."""

    component: Component
    name: str
    y: int
    width: float
    label: str


def render(report: Readiness) -> str:
    script = _ENV.loader.get_source(_ENV, "sort.js")[0] if _ENV.loader else ""
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    chart = bars(report)
    return _ENV.get_template("report.html.j2").render(
        report=report, bars=chart, statuses=list(Status), percent=percent, version=__version__,
        script=Markup(script), script_hash=f"sha256-{digest}",  # the package's own file, not a spec's text
        chart_height=len(report.components) * (BAR_HEIGHT + GAP) + GAP, number=number,
        label_width=label_width(chart), label_gap=LABEL_GAP, bar_width=BAR_WIDTH, bar_height=BAR_HEIGHT,
        ready=sum(c.readiness == 1 for c in report.components), average=report.average, unreadable=UNREADABLE,
    )


def bars(report: Readiness) -> list[Bar]:
    """The chart's bars, one per component in the report's order."""
    names = Counter(c.name for c in report.components)
    return [_bar(c, names[c.name] > 1, index * (BAR_HEIGHT + GAP) + GAP) for index, c in enumerate(report.components)]


def _bar(component: Component, shared_name: bool, y: int) -> Bar:
    """A component's bar, named by its file too when another component has its name."""
    share = component.readiness
    label = percent(share) if share is not None else "not read"
    name = f"{component.name} ({PurePath(component.path).name})" if shared_name else component.name
    return Bar(component, _shortened(name), y, round((share or 0) * BAR_WIDTH, 1), label)


def _shortened(name: str) -> str:
    return name if len(name) <= MAX_LABEL_CHARS else name[:MAX_LABEL_CHARS - 1].rstrip() + "…"


def label_width(chart: list[Bar]) -> int:
    """The chart's label column: room for its longest name, within its bounds."""
    longest = max((len(bar.name) for bar in chart), default=0)
    return min(MAX_LABEL_WIDTH, max(MIN_LABEL_WIDTH, round(longest * CHAR_WIDTH) + LABEL_GAP))


def number(cell: str) -> str:
    """The sort key of a numeric cell: its first number, "-1" (before every number) when it has none."""
    found = NUMBER.search(cell)
    return found[0] if found else "-1"
