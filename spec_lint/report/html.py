"""The report as one self-contained HTML page: a colour-coded status matrix and an SVG bar chart
of readiness, sortable when JavaScript is on. Jinja2 escapes every value (autoescape), and the
page's Content-Security-Policy lets run only its own script and load nothing."""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from dataclasses import dataclass
from pathlib import PurePath

import jinja2
from markupsafe import Markup

from spec_lint import __version__
from spec_lint.report.data import Component, Readiness, Status, percent

# The chart's geometry, in SVG user units: a label column, then bars up to BAR_WIDTH long.
LABEL_WIDTH, BAR_WIDTH, BAR_HEIGHT, GAP = 260, 420, 22, 8

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
    return _ENV.get_template("report.html.j2").render(
        report=report, bars=bars(report), statuses=list(Status), percent=percent, version=__version__,
        script=Markup(script), script_hash=f"sha256-{digest}",  # the package's own file, not a spec's text
        chart_height=len(report.components) * (BAR_HEIGHT + GAP) + GAP,
        label_width=LABEL_WIDTH, bar_width=BAR_WIDTH, bar_height=BAR_HEIGHT,
        ready=sum(c.readiness == 1 for c in report.components), average=average(report),
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
    return Bar(component, name, y, round((share or 0) * BAR_WIDTH, 1), label)


def average(report: Readiness) -> str:
    """The mean readiness of the specs whose statuses were read ("" when none were)."""
    shares = [share for c in report.components if (share := c.readiness) is not None]
    return percent(sum(shares) / len(shares)) if shares else "none read"
