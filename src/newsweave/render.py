"""Render a summary as plain text, Markdown with footnote citations, or versioned JSON."""

from __future__ import annotations

import json

from newsweave.model import Summary, reprints_of

FORMATS = ("text", "markdown", "json")


def _outlets(summary: Summary, indices: list[int]) -> str:
    return ", ".join(summary.articles[i].source for i in indices)


def render_text(summary: Summary) -> str:
    """Each sentence with its backing outlets, "k of n" counting independent reports only,
    and "carried by N outlets" where reprints of those carry it too."""
    n = sum(1 for a in summary.articles if a.copy_of is None)
    lines = []
    for s in summary.sentences:
        reprints = reprints_of(s.supporting, summary.articles)
        carried = f"; carried by {len(s.supporting) + len(reprints)} outlets" if reprints else ""
        lines.append(f"{s.text} [{_outlets(summary, s.supporting)}; "
                     f"{len(s.supporting)} of {n}{carried}]")
    return "\n".join(lines) + "\n"


def render_markdown(summary: Summary) -> str:
    """Each sentence cites every backing article as a footnote: ``… [1][3]``.

    The sources are a numbered list below the text, not ``[1]: …`` lines: Markdown would
    read those as link definitions and show neither the list nor the brackets.
    """
    used: list[int] = []
    for sentence in summary.sentences:
        for index in sentence.supporting:
            if index not in used:
                used.append(index)
    number = {article: i + 1 for i, article in enumerate(used)}
    body = " ".join(
        sentence.text + "".join(f"[{n}]" for n in sorted(number[i] for i in sentence.supporting))
        for sentence in summary.sentences
    )
    sources = []
    for article_index in used:
        article = summary.articles[article_index]
        label = article.source + (f": {article.title}" if article.title else "")
        link = f" <{article.url}>" if article.url else ""
        sources.append(f"{number[article_index]}. {label}{link}")
    if not sources:
        return "\n"
    return f"{body}\n\n" + "\n".join(sources) + "\n"


def render_json(summary: Summary) -> str:
    return json.dumps(summary.to_dict(), ensure_ascii=False) + "\n"


def render(summary: Summary, output_format: str) -> str:
    renderers = {"text": render_text, "markdown": render_markdown, "json": render_json}
    return renderers[output_format](summary)
