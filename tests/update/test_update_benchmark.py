"""benchmarks/update.py on invented update stories: scored by set, the 9.67 line printed."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

from update_helpers import articles_in

REPO = Path(__file__).resolve().parents[2]


def _line(topic: str, set_name: str, new: Path, old: Path | None, reference: str) -> str:
    def documents(path: Path) -> list[str]:
        return [a.text for a in articles_in(path)]

    return json.dumps({"id": f"{topic}-{set_name}", "documents": documents(new),
                       "previous": documents(old) if old else [], "summaries": [reference],
                       "meta": {"query_title": "the mill fire", "query_narrative": ""}}) + "\n"


def test_the_benchmark_prints_every_system_and_set(tmp_path: Path, new_dir: Path,
                                                   old_dir: Path) -> None:
    data = tmp_path / "data" / "duc2007-update"
    data.mkdir(parents=True)
    reference = ("The toll rose to nine. A faulty electrical panel caused the fire. A memorial "
                 "service will be held on Saturday.")
    with gzip.open(data / "dev.jsonl.gz", "wt", encoding="utf-8") as stream:
        stream.write(_line("D1", "A", old_dir, None, "Seven died in a mill fire."))
        stream.write(_line("D1", "B", new_dir, old_dir, reference))
    out = tmp_path / "scores.json"
    run = subprocess.run([sys.executable, str(REPO / "benchmarks" / "update.py"), "--out",
                          str(out)],
                         capture_output=True, text=True, timeout=120,
                         env={"NEWSWEAVE_SHARED": str(tmp_path), "PATH": ""},
                         cwd=REPO / "benchmarks")
    assert "Traceback" not in run.stderr
    rows = {line[:30].strip(): line[30:].split() for line in run.stdout.splitlines()}
    assert rows["system"] == ["A", "B", "C", "B+C"]
    assert rows["best 2007 system (published)"] == ["9.67"]
    given, ignored = rows["newsweave, given previous"], rows["newsweave, previous ignored"]
    assert given[0] == ignored[0]  # set A has nothing read before it
    assert float(given[1]) > 20 and given[2] == "nan"  # no set C here
    scores = json.loads(out.read_text(encoding="utf-8"))["auto"]
    assert set(scores["newsweave, given previous"]) == {"D1-A", "D1-B"}
