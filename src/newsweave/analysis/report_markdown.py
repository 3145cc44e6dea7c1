"""The analysis as Markdown: the same sections as the HTML report, citations as [n].

``[n]`` is the outlet's number in the Sources list at the end. Article text is
escaped by the one rule every Markdown writer uses (``markdown_text.md``), so a quoted
"<script>" stays text in any Markdown viewer.
"""

from __future__ import annotations

from newsweave.analysis.analyze import Analysis
from newsweave.analysis.claims import ReportedClaim
from newsweave.analysis.timeline import TimelineEvent, one_line_each, sentence_of
from newsweave.markdown_text import md, md_url

ENTITY_TYPES = (("person", "People"), ("organisation", "Organisations"), ("place", "Places"))
ENTITIES_SHOWN = 15
# What each section says when it has nothing: an empty heading reads as a broken report.
# The HTML report says the same (report_html.py).
NONE_FOUND = {
    "summary": "No sentence fits the budget.",
    "consensus": "No claim has two outlets behind it.",
    "exclusives": "No outlet reports anything salient alone.",
    "conflicts": "No outlet contradicts another on a figure or date.",
    "quotes": "No quotation found.",
    "timeline": "No dated event found.",
    "entities": "No entity found.",
}

def when(event: TimelineEvent) -> str:
    """An event's date at the precision known: "1968", "2025-10", "2025-10-14"."""
    if not event.date:
        return event.expression
    if event.granularity == "year":
        return event.date[:4]
    if event.granularity == "month":
        return event.date[:7]
    if event.granularity == "week":
        return f"week of {event.date}"
    return event.date


def _refs(indices: list[int]) -> str:
    return "".join(f"[{i + 1}]" for i in indices)


def _claim(claim: ReportedClaim, count: bool = True) -> str:
    outlets = [c.article_index for c in claim.citations]
    n = len(claim.supporting)
    return f"{md(claim.text)} {_refs(outlets)}" + (f" ({n} outlets)" if count else "")


def _summary(analysis: Analysis) -> list[str]:
    lines = ["## Summary", ""]
    for sentence, cites in zip(analysis.summary.sentences, analysis.summary_citations,
                               strict=True):
        lines.append(f"{md(sentence.reads)} {_refs([c.article_index for c in cites])}")
        lines.append("")
    return lines + ([] if analysis.summary.sentences else [NONE_FOUND["summary"], ""])


def _claims(analysis: Analysis) -> list[str]:
    lines = ["## Consensus", ""]
    lines += [f"{n}. {_claim(c)}" for n, c in enumerate(analysis.consensus, start=1)]
    lines += [] if analysis.consensus else [NONE_FOUND["consensus"]]
    lines += ["", "## Exclusives", ""]
    for index, claims in analysis.exclusives.items():
        if claims:
            lines += [f"### {md(analysis.articles[index].source)}", ""]
            lines += [f"- {_claim(c, count=False)}" for c in claims]
            lines.append("")
    if not any(analysis.exclusives.values()):
        lines += [NONE_FOUND["exclusives"], ""]
    return lines


def _conflicts(analysis: Analysis) -> list[str]:
    lines = ["## Conflicts", ""]
    for conflict in analysis.conflicts:
        lines.append(f"- {md(conflict.measure)} ({conflict.kind})")
        for number, version in enumerate(conflict.versions):
            first = md(version.evidence[0].text) if version.evidence else ""
            newest = " (latest report)" if number == conflict.newest_version else ""
            lines.append(f"  - **{md(version.value)}**: {first} {_refs(version.articles)}{newest}")
    return lines + ([] if analysis.conflicts else [NONE_FOUND["conflicts"]]) + [""]


def _quotes(analysis: Analysis) -> list[str]:
    lines = ["## Quotes", ""]
    for quote in sorted(analysis.quotes, key=lambda q: -len(q.article_indices)):
        who = md(quote.speaker) if quote.speaker else "unattributed"
        lines.append(f"- “{md(quote.text)}” — {who} {_refs(quote.article_indices)}")
    return lines + ([] if analysis.quotes else [NONE_FOUND["quotes"]]) + [""]


def _timeline(analysis: Analysis) -> list[str]:
    lines = ["## Timeline", ""]
    # (the sentence a dated one leans on comes first, in italics: who "he" is)
    lines += [f"- **{'; '.join(md(when(e)) for e in line)}** "
              f"{f'*{md(line[0].context)}* ' if line[0].context else ''}{md(line[0].reads)} "
              f"[{line[0].article_index + 1}]"
              for line in one_line_each(analysis.timeline, sentence_of)]
    return lines + ([] if analysis.timeline else [NONE_FOUND["timeline"]]) + [""]


def _entities(analysis: Analysis) -> list[str]:
    lines = ["## Entities", ""]
    for kind, label in ENTITY_TYPES:
        found = [e for e in analysis.entities if e.type == kind][:ENTITIES_SHOWN]
        if not found:
            continue
        lines += [f"### {label}", "", "| Name | Mentions | By outlet |", "| --- | ---: | --- |"]
        for entity in found:
            by_outlet = ", ".join(f"[{i + 1}] {n}" for i, n in sorted(entity.mentions.items()))
            lines.append(f"| {md(entity.name)} | {entity.total} | {by_outlet} |")
        lines.append("")
    return lines if len(lines) > 2 else lines + [NONE_FOUND["entities"], ""]


def _sources(analysis: Analysis) -> list[str]:
    lines = ["## Sources", ""]
    for i, article in enumerate(analysis.articles):
        title = f": {md(article.title)}" if article.title else ""
        url = f" {md_url(article.url)}" if article.url else ""
        degraded = " (degraded text)" if article.degraded else ""
        lines.append(f"{i + 1}. {md(article.source)}{title}{url}{degraded}")
    return lines


def render_markdown(analysis: Analysis) -> str:
    titled = [a.title for a in analysis.articles if a.title and not a.degraded]
    title = (analysis.summary.headline or (titled[0] if titled else None)
             or analysis.story_id or "Cross-source reading")
    lines = [f"# {md(title)}", ""]
    lines += [f"> warning: {md(w)}" for w in analysis.warnings]
    lines += [""] if analysis.warnings else []
    for part in (_summary, _claims, _conflicts, _quotes, _timeline, _entities, _sources):
        lines += part(analysis)
    return "\n".join(lines).rstrip("\n") + "\n"
