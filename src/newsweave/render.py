"""Render a summary as plain text, Markdown with footnote citations, or versioned JSON."""

from __future__ import annotations

import json

from newsweave.markdown_text import md, md_url
from newsweave.model import Summary, SummarySentence, reprints_of

FORMATS = ("text", "markdown", "json")


def _outlets(summary: Summary, indices: list[int]) -> str:
    return ", ".join(summary.articles[i].source for i in indices)


def _change_note(sentence: SummarySentence) -> str:
    """In an update summary, whose earlier figures a sentence changes ("" where none)."""
    if sentence.update != "change":
        return ""
    sources = ", ".join(dict.fromkeys(report.source for report in sentence.earlier))
    return f"changes what {sources} reported"


def render_text(summary: Summary) -> str:
    """Each sentence with its backing outlets, "k of n" counting independent reports only,
    "carried by N outlets" where reprints of those carry it too, and an update's note."""
    n = sum(1 for a in summary.articles if a.copy_of is None)
    lines = [summary.headline, ""] if summary.headline else []
    for s in summary.sentences:
        reprints = reprints_of(s.supporting, summary.articles)
        notes = [f"carried by {len(s.supporting) + len(reprints)} outlets"] if reprints else []
        notes += [note] if (note := _change_note(s)) else []
        lines.append(f"{s.reads} [{_outlets(summary, s.supporting)}; {len(s.supporting)} of {n}"
                     + "".join(f"; {x}" for x in notes) + "]")
    return "\n".join(lines) + "\n"


def render_markdown(summary: Summary) -> str:
    """Each sentence cites every backing article as a footnote: ``… [1][3]``.

    Article text, titles, sources and URLs are escaped (markdown_text.md): a page's
    "<img onerror=...>" stays text. The sources are a numbered list below the text, not
    ``[1]: …`` lines: Markdown would read those as link definitions and show neither the
    list nor the brackets.
    """
    used: list[int] = []
    for sentence in summary.sentences:
        for index in sentence.supporting:
            if index not in used:
                used.append(index)
    number = {article: i + 1 for i, article in enumerate(used)}
    body = " ".join(
        md(sentence.reads)
        + "".join(f"[{n}]" for n in sorted(number[i] for i in sentence.supporting))
        + (f" *({md(note)})*" if (note := _change_note(sentence)) else "")
        for sentence in summary.sentences
    )
    sources = []
    for article_index in used:
        article = summary.articles[article_index]
        label = md(article.source) + (f": {md(article.title)}" if article.title else "")
        link = f" {md_url(article.url)}" if article.url else ""
        sources.append(f"{number[article_index]}. {label}{link}")
    if not sources:
        return "\n"
    headline = f"## {md(summary.headline)}\n\n" if summary.headline else ""
    return f"{headline}{body}\n\n" + "\n".join(sources) + "\n"


def render_json(summary: Summary) -> str:
    return json.dumps(summary.to_dict(), ensure_ascii=False) + "\n"


def render(summary: Summary, output_format: str) -> str:
    renderers = {"text": render_text, "markdown": render_markdown, "json": render_json}
    return renderers[output_format](summary)
