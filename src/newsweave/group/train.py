"""Rebuild the shipped document-frequency table grouping weighs words with.

    python -m newsweave.group.train ../shared/data/multinews/train.jsonl.gz

Counts, over every document of the file (Multi-News train), how many documents use each
content stem, and writes ``models/group_df.json.gz``. Stems used by fewer than
``MIN_DF`` documents are left out: the grouper treats unseen stems as rarest anyway.
"""

from __future__ import annotations

import gzip
import json
import sys
from collections import Counter
from pathlib import Path

from tqdm import tqdm

from newsweave.group.features import DF_TABLE, term_counts
from newsweave.group.text import news_text
from newsweave.read import iter_jsonl

MIN_DF = 3


def count_document_frequency(path: Path) -> tuple[int, Counter[str]]:
    documents, df = 0, Counter[str]()
    for line in tqdm(iter_jsonl(path), desc="counting", unit="story"):
        if line.story is None:
            continue
        for article in line.story.articles:
            df.update(set(term_counts(None, news_text(article))))
            documents += 1
    return documents, df


def main(argv: list[str]) -> None:
    if len(argv) != 1:
        sys.exit("usage: python -m newsweave.group.train TRAIN.jsonl.gz")
    documents, df = count_document_frequency(Path(argv[0]))
    kept = {stem: n for stem, n in sorted(df.items()) if n >= MIN_DF}
    with gzip.open(DF_TABLE, "wt", encoding="utf-8") as stream:
        json.dump({"documents": documents, "df": kept}, stream, separators=(",", ":"))
    print(f"{DF_TABLE}: {documents} documents, {len(kept)} stems")


if __name__ == "__main__":
    main(sys.argv[1:])
