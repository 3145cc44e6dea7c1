"""The story page's coverage chart: one row per outlet, a dot per article at the time it
arrived (or was published), drawn as inline SVG by the template from these numbers."""

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
    plot_left: int = LABEL


def _when(article: StoredArticle) -> float:
    if article.published:
        try:
            parsed = datetime.fromisoformat(article.published.replace("Z", "+00:00"))
            return (parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)).timestamp()
        except ValueError:
            pass
    return article.received_at


def _label(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%d %H:%M UTC")


def coverage_chart(articles: list[StoredArticle]) -> Chart | None:
    if not articles:
        return None
    times = {a.id: _when(a) for a in articles}
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
    return Chart(rows, WIDTH, len(rows) * ROW + 24, _label(first), _label(last))
