"""The analysis as one self-contained HTML page: no request leaves it, nothing runs in it
but its own script.

Every piece of article text is escaped with :func:`html.escape`, or handed to the page's
script as JSON (``<``, ``>`` and ``&`` as ``\\u`` escapes, so nothing in it can end the
``<script>`` element) that the script only puts into text nodes. A Content Security Policy
allows the page's own script and style (by hash) and no network at all: a second wall
should an escape ever be missed. Layout, style and behaviour live in templates/report.*.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Sequence
from html import escape
from importlib.resources import files
from string import Template

from newsweave import __version__
from newsweave.analysis.analyze import Analysis
from newsweave.analysis.claims import Citation, ReportedClaim
from newsweave.analysis.conflicts import Conflict
from newsweave.analysis.entities import Entity
from newsweave.analysis.quotes import Quote, QuoteOccurrence
from newsweave.analysis.report_markdown import NONE_FOUND, when
from newsweave.analysis.timeline import TimelineEvent, one_line_each, sentence_of
from newsweave.model import Article
from newsweave.text import counted

SHOWN = 12  # items per list before the rest fold away: 25 articles make long lists
ENTITY_TYPES = (("person", "People"), ("organisation", "Organisations"), ("place", "Places"))
_JSON_ESCAPES = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                 ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


def _asset(name: str) -> str:
    return files("newsweave").joinpath("templates", name).read_text(encoding="utf-8")


def _csp_hash(source: str) -> str:
    digest = base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode()
    return f"'sha256-{digest}'"


def _none(section: str) -> str:
    return f"<p>{NONE_FOUND[section]}</p>"


class _Page:
    """Builds the page's pieces; knows the articles, to turn offsets into citation links."""

    def __init__(self, articles: list[Article]) -> None:
        self.articles = articles
        # JavaScript strings count UTF-16 units, Python characters: they differ only past
        # U+FFFF (emoji), so most articles need no conversion at all.
        self.astral = [any(ord(c) > 0xFFFF for c in a.text) for a in articles]

    def _utf16(self, index: int, offset: int) -> int:
        if not self.astral[index]:
            return offset
        return len(self.articles[index].text[:offset].encode("utf-16-le")) // 2

    def link(self, index: int, start: int, end: int) -> str:
        source = escape(self.articles[index].source)
        return (
            f'<a class="cite" href="#viewer" data-article="{index}" '
            f'data-start="{self._utf16(index, start)}" data-end="{self._utf16(index, end)}" '
            f'title="{source}" aria-label="source {index + 1}: {source}">{index + 1}</a>'
        )

    def cites(self, spans: Sequence[Citation]) -> str:
        links = "".join(self.link(c.article_index, c.start, c.end) for c in spans)
        return f'<span class="cites">{links}</span>'

    def data(self) -> str:
        """The articles as JSON for the page's script."""
        payload = {"articles": [
            {"source": a.source, "title": a.title, "published": a.published,
             "degraded": a.degraded, "text": a.text}
            for a in self.articles
        ]}
        text = json.dumps(payload, ensure_ascii=False)
        for char, code in _JSON_ESCAPES:
            text = text.replace(char, code)
        return text


def _section(anchor: str, title: str, intro: str, body: str) -> str:
    note = f'<p class="note">{intro}</p>' if intro else ""
    return (f'<section id="{anchor}" aria-labelledby="{anchor}-h">'
            f'<h2 id="{anchor}-h">{title}</h2>{note}{body}</section>')


def _folded(items: list[str], tag: str = "ul", cls: str = "plain") -> str:
    """A list showing the first SHOWN items, the rest behind a "more" toggle."""
    head = f'<{tag} class="{cls}">{"".join(items[:SHOWN])}</{tag}>'
    if len(items) <= SHOWN:
        return head
    start = f' start="{SHOWN + 1}"' if tag == "ol" else ""
    rest = f'<{tag} class="{cls}"{start}>{"".join(items[SHOWN:])}</{tag}>'
    return f"{head}<details><summary>{len(items) - SHOWN} more</summary>{rest}</details>"


def _summary(page: _Page, analysis: Analysis) -> str:
    pairs = zip(analysis.summary.sentences, analysis.summary_citations, strict=True)
    body = "".join(f"<p>{escape(s.reads)} {page.cites(c)}</p>" for s, c in pairs)
    intro = (f"{analysis.summary.word_count} words. Each number cites an outlet that reports "
             "the sentence (the first is the one quoted): select it to read the sentence there.")
    return _section("summary", "Summary", intro,
                    f'<div class="summary">{body or _none("summary")}</div>')


def _claim(page: _Page, claim: ReportedClaim, count: bool = True) -> str:
    support = f' <span class="support">{counted(len(claim.supporting), "outlet")}</span>'
    return f"<li>{escape(claim.text)} {page.cites(claim.citations)}{support if count else ''}</li>"


def _consensus(page: _Page, analysis: Analysis) -> str:
    items = [_claim(page, c) for c in analysis.consensus]
    body = _folded(items, "ol", "claims") if items else _none("consensus")
    return _section("consensus", "Consensus",
                    "What at least two outlets report, the most widely reported first.", body)


def _exclusives(page: _Page, analysis: Analysis) -> str:
    parts = [
        f"<h3>{escape(page.articles[index].source)}</h3>"
        f'<ul class="plain">{"".join(_claim(page, c, count=False) for c in claims)}</ul>'
        for index, claims in analysis.exclusives.items() if claims
    ]
    return _section("exclusives", "Exclusives",
                    "The most salient things only one outlet reports.",
                    "".join(parts) or _none("exclusives"))


def _conflicts(page: _Page, conflicts: list[Conflict]) -> str:
    items = []
    for conflict in conflicts:
        versions = []
        for number, version in enumerate(conflict.versions):
            first = version.evidence[0].text if version.evidence else ""
            links = "".join(page.link(e.article_index, e.start, e.end) for e in version.evidence)
            newest = ' <span class="note">(latest report)</span>' \
                if number == conflict.newest_version else ""
            versions.append(f"<li><strong>{escape(version.value)}</strong>: {escape(first)} "
                            f'<span class="cites">{links}</span>{newest}</li>')
        items.append(f'<div class="conflict"><p><strong>{escape(conflict.measure)}</strong> '
                     f'<span class="note">({escape(conflict.kind)})</span></p>'
                     f'<ul>{"".join(versions)}</ul></div>')
    body = "".join(items) or _none("conflicts")
    return _section("conflicts", "Conflicts",
                    "Where outlets give different figures or dates for the same thing.", body)


def _quotes(page: _Page, quotes: list[Quote]) -> str:
    ranked = sorted(quotes, key=lambda q: -len(q.article_indices))
    items = []
    for quote in ranked:
        who = escape(quote.speaker) if quote.speaker else "unattributed"
        first: dict[int, QuoteOccurrence] = {}  # per outlet, its first printing of it
        for occurrence in quote.occurrences:
            first.setdefault(occurrence.article_index, occurrence)
        links = "".join(page.link(o.article_index, o.start, o.end) for o in first.values())
        carried = counted(len(quote.article_indices), "outlet")
        items.append(f"<li><blockquote><p>“{escape(quote.text)}”</p><p class=\"note\">{who}, "
                     f'carried by {carried} <span class="cites">{links}</span></p>'
                     "</blockquote></li>")
    body = _folded(items) if items else _none("quotes")
    return _section("quotes", "Quotes", "Who said what, and which outlets carry it.", body)


def _timeline(page: _Page, events: list[TimelineEvent]) -> str:
    items = [
        f'<li><span class="when">{"; ".join(escape(when(e)) for e in line)}</span> '
        + (f'<span class="context">{escape(line[0].context)}</span> ' if line[0].context
           else "")
        + f"{escape(line[0].reads)} "
        f"{page.link(line[0].article_index, line[0].start, line[0].end)}</li>"
        for line in one_line_each(events, sentence_of)
    ]
    body = _folded(items) if items else _none("timeline")
    return _section("timeline", "Timeline",
                    "Dated events, in order; dates are resolved from each article's date.", body)


_ENTITY_HEAD = ('<tr><th scope="col">Name</th><th scope="col" class="num">Mentions</th>'
                '<th scope="col" class="num">Outlets</th><th scope="col">By outlet</th></tr>')


def _entity_table(rows: list[str]) -> str:
    return (f'<div class="table-wrap"><table><thead>{_ENTITY_HEAD}</thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>')


def _entities(page: _Page, entities: list[Entity]) -> str:
    n = len(page.articles)
    parts = []
    for kind, label in ENTITY_TYPES:
        rows = [
            f'<tr><td title="{escape(", ".join(e.aliases))}">{escape(e.name)}</td>'
            f'<td class="num">{e.total}</td><td class="num">{len(e.mentions)} of {n}</td>'
            '<td class="outlets">'
            + " · ".join(f"[{i + 1}] {count}" for i, count in sorted(e.mentions.items()))
            + "</td></tr>"
            for e in entities if e.type == kind
        ]
        if not rows:
            continue
        parts.append(f"<h3>{label}</h3>{_entity_table(rows[:SHOWN])}")
        if len(rows) > SHOWN:
            parts.append(f"<details><summary>{len(rows) - SHOWN} more</summary>"
                         f"{_entity_table(rows[SHOWN:])}</details>")
    return _section("entities", "Entities",
                    "People, organisations and places, with mentions per outlet ([n] as under "
                    "Sources).", "".join(parts) or _none("entities"))


def _sources(page: _Page) -> str:
    items = []
    for i, a in enumerate(page.articles):
        notes = [escape(a.published)] if a.published else []
        if a.degraded:
            notes.append("degraded text: lowercased, no punctuation")
        items.append(
            f"<li><strong>[{i + 1}] {escape(a.source)}</strong>"
            f"{': ' + escape(a.title) if a.title else ''} "
            f'<span class="note">{" · ".join(notes)}</span> '
            f'<button type="button" class="read" data-article="{i}">Read</button></li>'
        )
    return _section("sources", "Sources", "", f'<ul class="plain">{"".join(items)}</ul>')


def _title(analysis: Analysis) -> str:
    titled = [a.title for a in analysis.articles if a.title and not a.degraded]
    return (analysis.summary.headline or (titled[0] if titled else None)
            or analysis.story_id or "One story, several outlets")


def render_html(analysis: Analysis) -> str:
    page = _Page(analysis.articles)
    sections = [
        ("summary", "Summary", _summary(page, analysis)),
        ("consensus", "Consensus", _consensus(page, analysis)),
        ("exclusives", "Exclusives", _exclusives(page, analysis)),
        ("conflicts", "Conflicts", _conflicts(page, analysis.conflicts)),
        ("quotes", "Quotes", _quotes(page, analysis.quotes)),
        ("timeline", "Timeline", _timeline(page, analysis.timeline)),
        ("entities", "Entities", _entities(page, analysis.entities)),
        ("sources", "Sources", _sources(page)),
    ]
    warnings = "".join(f"<li>{escape(w)}</li>" for w in analysis.warnings)
    if warnings:
        warnings = f'<section class="warnings"><ul class="plain">{warnings}</ul></section>'
    css, js = _asset("report.css"), _asset("report.js")
    return Template(_asset("report.html")).substitute(
        csp=(f"default-src 'none'; style-src {_csp_hash(css)}; script-src {_csp_hash(js)}; "
             "img-src data:; base-uri 'none'; form-action 'none'"),
        version=escape(__version__),
        title=escape(_title(analysis)),
        meta=escape(f"{counted(len(page.articles), 'outlet')}: "
                    + ", ".join(a.source for a in page.articles)),
        nav="".join(f'<a href="#{anchor}">{label}</a>' for anchor, label, _ in sections),
        sections=warnings + "\n".join(html for _, _, html in sections),
        data=page.data(),
        css=css,
        js=js,
    )
