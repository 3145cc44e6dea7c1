"""Cross-source reading of one story: summary, claims, conflicts, quotes, timeline, entities.

>>> from newsweave.analysis.analyze import analyze
>>> analysis = analyze([text_a, text_b, text_c])  # doctest: +SKIP
>>> [c.text for c in analysis.consensus]  # doctest: +SKIP

The story is prepared once (clean, segment, represent, align) and every component reads
that one preparation, so offsets agree everywhere: ``article.text[start:end]`` is the text.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing.pool import Pool
from typing import Any

from newsweave.analysis.claims import Citation, ReportedClaim, claim_sets, summary_citations
from newsweave.analysis.conflicts import Conflict, find_conflicts
from newsweave.analysis.entities import (
    Entity,
    NerUnavailable,
    find_entities,
    reported_parts,
    tagging_capped,
)
from newsweave.analysis.quotes import Quote, extract_quotes
from newsweave.analysis.timeline import TimelineEvent, build_timeline
from newsweave.arguments import Method, check_articles, check_max_words, check_method
from newsweave.model import Article, Story, Summary
from newsweave.summarizer.align import clause_links
from newsweave.summarizer.pipeline import as_story, salience_for, story_facts, summarize_prepared
from newsweave.summarizer.prepare import prepare

SCHEMA = "newsweave.analysis"
SCHEMA_VERSION = "1.1"  # 1.1: a timeline event's "cut_off" and "context"


@dataclass
class Analysis:
    """Everything the analysis found; indices point into ``articles`` (the cleaned ones)."""

    summary: Summary
    articles: list[Article]
    claims: list[ReportedClaim]
    consensus: list[ReportedClaim]
    exclusives: dict[int, list[ReportedClaim]]
    conflicts: list[Conflict]
    quotes: list[Quote]
    timeline: list[TimelineEvent]
    entities: list[Entity]
    # Per summary sentence, each backing outlet's span (the sentence's own first).
    summary_citations: list[list[Citation]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    story_id: str | None = None
    # Seconds per component, for benchmarks; kept out of to_dict so output is reproducible.
    timings: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        summary = self.summary.to_dict()
        for shared in ("articles", "warnings", "story_id"):  # given once, at the top level
            summary.pop(shared, None)
        for sentence, citations in zip(summary["sentences"], self.summary_citations, strict=True):
            sentence["citations"] = [c.to_dict(self.articles) for c in citations]
        return {
            "schema": SCHEMA,
            "schema_version": SCHEMA_VERSION,
            "story_id": self.story_id,
            "summary": summary,
            "claims": [c.to_dict(self.articles) for c in self.claims],
            "consensus": [c.to_dict(self.articles) for c in self.consensus],
            "exclusives": {
                self.articles[i].id: [c.to_dict(self.articles) for c in claims]
                for i, claims in self.exclusives.items()
            },
            "conflicts": [c.to_dict() for c in self.conflicts],
            "quotes": [q.to_dict() for q in self.quotes],
            "timeline": [e.to_dict() for e in self.timeline],
            "entities": [e.to_dict(self.articles) for e in self.entities],
            "articles": [a.to_dict() for a in self.articles],
            "warnings": list(self.warnings),
        }


@contextmanager
def _timed(timings: dict[str, float], name: str) -> Iterator[None]:
    start = time.perf_counter()
    try:
        yield
    finally:
        timings[name] = timings.get(name, 0.0) + time.perf_counter() - start


def analyze_story(story: Story, max_words: int = 250, method: str = "auto",
                  ner_pool: Pool | None = None) -> Analysis:
    """With ``ner_pool`` (a worker process), entities are tagged there while this process
    does the rest: on two cores a cold run saves the model's loading and most of tagging."""
    timings: dict[str, float] = {}
    with _timed(timings, "prepare"):
        prepared = prepare(story)
    # The entity tagger is spaCy's English model: on other languages it invents names
    # (French "Neuf"), so there it does not run, and says so.
    tags_entities = prepared.language in (None, "en")
    reported = (reported_parts(prepared.articles, prepared.all_sentences or prepared.sentences)
                if tags_entities else [])
    pending = (ner_pool.apply_async(find_entities, (reported,))
               if ner_pool is not None and tags_entities else None)
    with _timed(timings, "summary"):
        # The sentences that tell one fact: the summary shows each once, the claims below
        # join them.
        facts = story_facts(prepared)
        summary = summarize_prepared(prepared, max_words, method, facts=facts)
    articles, sentences = prepared.articles, prepared.sentences
    with _timed(timings, "claims"):
        # The summary's own salience (summary.method names the scorer it really used).
        salience, _ = salience_for(prepared, summary.method)
        clauses = clause_links(sentences, prepared.representation)
        # Sentences telling one event in other words with no figures against each other: one
        # claim for the consensus, none an exclusive. (Not pairs that only give figures for
        # one fact: "57-year-old" and "opened in 1968" do not join a bridge's fall to its age.)
        retold = facts.paraphrases & ~prepared.alignment.disagreeing
        claims = claim_sets(sentences, prepared.alignment, salience, len(articles), clauses,
                            retold)
        cited = summary_citations(summary, sentences, prepared.alignment)
    with _timed(timings, "conflicts"):
        conflicts = find_conflicts(articles, sentences)
    with _timed(timings, "quotes"):
        quotes = extract_quotes(articles, sentences)
    with _timed(timings, "timeline"):
        timeline = build_timeline(articles, sentences)
    warnings = list(summary.warnings)
    with _timed(timings, "entities"):
        try:
            entities = (pending.get() if pending is not None
                        else find_entities(reported) if tags_entities else [])
            if not tags_entities:
                warnings.append("no entities: the entity tagger reads English only")
            elif capped := tagging_capped(articles):
                warnings.append(capped)
        except NerUnavailable as exc:  # the rest of the analysis is still worth having
            entities = []
            warnings.append(f"no entities: {exc}")
    return Analysis(
        summary=summary,
        articles=articles,
        claims=claims.claims,
        consensus=claims.consensus,
        exclusives=claims.exclusives,
        conflicts=conflicts,
        quotes=quotes,
        timeline=timeline,
        entities=entities,
        summary_citations=cited,
        warnings=warnings,
        story_id=prepared.story_id,
        timings=timings,
    )


def analyze(
    articles: Sequence[str | Mapping[str, Any] | Article] | Story,
    max_words: int = 250,
    method: Method = "auto",
) -> Analysis:
    """Analyze one story told by several articles.

    ``articles`` takes what :func:`newsweave.summarize` takes: strings, dicts with ``text``
    (and optional ``source``, ``title``, ``url``, ``published``), Article objects or a Story.
    """
    max_words, method = check_max_words(max_words), check_method(method)
    return analyze_story(as_story(check_articles(articles)), max_words, method)
