"""``newsweave group --dask`` on a real Dask cluster gives the single-process grouping:
time blocks stitched across their boundaries, JSONL or Parquet in, a killed worker's
tasks rerun."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from assertions import CliRun
from batch_helpers import DaskCluster
from group_helpers import invented_articles, memberships, write_jsonl, write_parquet_articles

# Blocks of one day, so that every third invented story (22:00 to 02:00) crosses one.
BLOCKS = ("--window-days", "1", "--block-days", "1")


def test_blocks_on_dask_group_as_one_process_does(
    dask_cluster: DaskCluster, cli: CliRun, tmp_path: Path
) -> None:
    articles, gold = invented_articles()
    pile = write_jsonl(tmp_path / "pile.jsonl", articles)
    with pile.open("a", encoding="utf-8") as stream:
        stream.write('{"id": "broken", "text": \n')
    single = tmp_path / "single.jsonl"
    assert cli("group", str(pile), "--out", str(single), *BLOCKS[:2]).exit_code == 1
    expected = memberships(single)
    stories: dict[str, set[str]] = {}
    for article_id, story in gold.items():
        stories.setdefault(story, set()).add(article_id)
    assert expected == {frozenset(ids) for ids in stories.values()}  # the invented truth
    out = tmp_path / "dask.jsonl"
    result = cli("group", str(pile), "--out", str(out), *BLOCKS, "--dask", dask_cluster.address)
    assert result.exit_code == 1, result.stderr
    assert "not valid JSON" in result.stderr and "in 24 time blocks" in result.stderr
    assert memberships(out) == expected
    dataset = write_parquet_articles(tmp_path / "pile.parquet", articles)
    from_parquet = tmp_path / "parquet.jsonl"
    result = cli("group", str(dataset), "--out", str(from_parquet), *BLOCKS,
                 "--dask", dask_cluster.address)
    assert result.exit_code == 0, result.stderr
    assert memberships(from_parquet) == expected


def test_killed_worker_still_gives_every_story(
    dask_cluster: DaskCluster, tmp_path: Path
) -> None:
    articles, gold = invented_articles(stories=150, days=150)
    pile = write_jsonl(tmp_path / "pile.jsonl", articles)
    spill = tmp_path / "spill"
    spill.mkdir()
    out = tmp_path / "dask.jsonl"
    run = subprocess.Popen(
        [sys.executable, "-m", "newsweave", "group", str(pile), "--out", str(out), *BLOCKS,
         "--dask", dask_cluster.address, "--spill", str(spill)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not list(spill.glob("*/block-*.tsv")) and time.monotonic() < deadline:
        time.sleep(0.005)
    at_kill = len(list(spill.glob("*/block-*.tsv")))
    victim = dask_cluster.workers[0]
    victim.send_signal(signal.SIGKILL)  # mid-run: its tasks in flight are lost
    victim.wait(timeout=10)
    _, stderr = run.communicate(timeout=120)
    assert run.returncode == 0, stderr
    assert 0 < at_kill < 150, "the worker must be killed mid-run for this test to mean anything"
    stories: dict[str, set[str]] = {}
    for article_id, story in gold.items():
        stories.setdefault(story, set()).add(article_id)
    assert memberships(out) == {frozenset(ids) for ids in stories.values()}
    assert not list(spill.iterdir())  # the intermediate files are gone


def test_sigterm_keeps_the_spill_and_a_rerun_continues_from_it(
    dask_cluster: DaskCluster, cli: CliRun, tmp_path: Path
) -> None:
    articles, gold = invented_articles(stories=150, days=150)
    pile = write_jsonl(tmp_path / "pile.jsonl", articles)
    spill, out = tmp_path / "spill", tmp_path / "stories.jsonl"
    command = ["group", str(pile), "--out", str(out), *BLOCKS, "--dask", dask_cluster.address,
               "--spill", str(spill)]
    run = subprocess.Popen([sys.executable, "-m", "newsweave", *command],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while len(list(spill.glob("*/block-*.json"))) < 5 and time.monotonic() < deadline:
        time.sleep(0.005)
    run.send_signal(signal.SIGTERM)
    _, stderr = run.communicate(timeout=60)
    assert run.returncode == 128 + signal.SIGTERM, stderr
    assert stderr.splitlines()[-1] == f"interrupted; rerun with --spill {spill} to continue"
    done = {p.name: p.stat().st_mtime_ns for p in spill.glob("*/block-*.json")}
    assert 5 <= len(done) < 150 and not out.exists()
    changed = tmp_path / "other.jsonl"
    changed.write_text(pile.read_text(encoding="utf-8")[:-200], encoding="utf-8")
    other = cli("group", str(changed), *BLOCKS, "--dask", dask_cluster.address,
                "--spill", str(spill))
    assert other.exit_code == 2 and "holds another run's files" in other.stderr
    result = cli(*command)
    assert result.exit_code == 0, result.stderr
    reused = int(result.stderr.split(" tasks done by an earlier run")[0].rsplit("(", 1)[1])
    assert reused >= len(done) + 1  # its blocks, and the part read before them
    stories: dict[str, set[str]] = {}
    for article_id, story in gold.items():
        stories.setdefault(story, set()).add(article_id)
    assert memberships(out) == {frozenset(ids) for ids in stories.values()}
    assert not list(spill.iterdir())


def test_blocks_shorter_than_the_window_and_other_files_are_one_line(
    cli: CliRun, tmp_path: Path
) -> None:
    pile = write_jsonl(tmp_path / "pile.jsonl", invented_articles(3)[0])
    result = cli("group", str(pile), "--dask", "local", "--window-days", "3",
                 "--block-days", "2")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "error: --block-days 2 is shorter than --window-days 3: a block's overlap must lie "
        "in one block"]
    text = tmp_path / "notes.txt"
    text.write_text("An article.", encoding="utf-8")
    result = cli("group", str(text), "--dask", "local")
    assert result.exit_code == 2 and "--dask reads JSONL(.gz) files" in result.stderr
