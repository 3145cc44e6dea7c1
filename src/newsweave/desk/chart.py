"""The story page's coverage chart: one row per outlet, a dot per article at the time it
was published, drawn as inline SVG by the template from these numbers.

One clock per chart: publication times where every article has one, else the times the
articles reached the desk. Mixing them put a reprint published last year beside today's
arrivals, stretching the axis over months.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from newsweave.desk.records import StoredArticle

WIDTH, ROW, LABEL = 560, 22, 150


@dataclass
class Dot:
    x: float
    title: str


@dataclass
class Row:
    outlet: str
    y: float
    dots: list[Dot]


@dataclass
class Chart:
    rows: list[Row]
    width: int
    height: int
    start: str
    end: str
    clock: str  # what the dots' times are: "published" or "received"
    plot_left: int = LABEL


def _label(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%d %H:%M UTC")


def coverage_chart(articles: list[StoredArticle]) -> Chart | None:
    if not articles:
        return None
    published = [t for a in articles if (t := a.published_at) is not None]
    if len(published) == len(articles):
        clock, times = "published", {a.id: t for a, t in zip(articles, published, strict=True)}
    else:
        clock, times = "received", {a.id: a.received_at for a in articles}
    first, last = min(times.values()), max(times.values())
    span = max(last - first, 1.0)
    outlets = sorted({a.source for a in articles}, key=lambda o: min(
        times[a.id] for a in articles if a.source == o))
    plot = WIDTH - LABEL - 12
    rows = []
    for index, outlet in enumerate(outlets):
        dots = [Dot(round(LABEL + 6 + plot * (times[a.id] - first) / span, 1),
                    f"{a.title or a.id} ({_label(times[a.id])})")
                for a in articles if a.source == outlet]
        rows.append(Row(outlet, index * ROW + ROW / 2 + 4, dots))
    return Chart(rows, WIDTH, len(rows) * ROW + 24, _label(first), _label(last), clock)
