"""Load on a running desk: clients posting articles one a request while others read pages.
What `benchmarks/desk.py` measures with and the load test in the suite runs (smaller)."""

from __future__ import annotations

import queue
import random
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import httpx


@dataclass
class LoadResult:
    seconds: float = 0.0
    sent: dict[str, float] = field(default_factory=dict)  # id -> when it was sent
    acked: dict[str, str] = field(default_factory=dict)  # id -> the stored article's id
    errors: list[str] = field(default_factory=list)
    front: list[float] = field(default_factory=list)  # seconds a front page took
    story: list[float] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return len(self.acked) / self.seconds if self.seconds else 0.0


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _write(url: str, token: str, work: queue.Queue[dict[str, Any]], result: LoadResult,
           deadline: float) -> None:
    with httpx.Client(timeout=60, headers={"authorization": f"Bearer {token}"}) as client:
        while time.monotonic() < deadline:
            try:
                item = work.get_nowait()
            except queue.Empty:
                return
            result.sent[item["id"]] = time.time()
            try:
                answer = client.post(url + "/api/articles", json=item)
                answer.raise_for_status()
                result.acked[item["id"]] = answer.json()["articles"][0]["id"]
            except httpx.HTTPError as exc:
                result.errors.append(f"POST {item['id']}: {exc}")


def _read(url: str, story_ids: list[str], done: threading.Event, result: LoadResult,
          seed: int) -> None:
    pick = random.Random(seed)
    with httpx.Client(timeout=60) as client:  # keeps its cookies, as a browser does
        while not done.is_set():
            pages = [("/", result.front)]
            if story_ids:
                pages.append((f"/stories/{pick.choice(story_ids)}", result.story))
            for path, times in pages:
                started = time.perf_counter()
                try:
                    client.get(url + path).raise_for_status()
                except httpx.HTTPError as exc:
                    result.errors.append(f"GET {path}: {exc}")
                times.append(time.perf_counter() - started)


def run_load(url: str, token: str, articles: list[dict[str, Any]], story_ids: list[str],
             writers: int = 20, readers: int = 20, limit_s: float = 3600.0) -> LoadResult:
    """Post ``articles`` from ``writers`` clients while ``readers`` read pages; stops when
    all are posted or after ``limit_s``."""
    result = LoadResult()
    work: queue.Queue[dict[str, Any]] = queue.Queue()
    for item in articles:
        work.put(item)
    done = threading.Event()
    deadline = time.monotonic() + limit_s
    reading = [threading.Thread(target=_read, args=(url, story_ids, done, result, n))
               for n in range(readers)]
    writing = [threading.Thread(target=_write, args=(url, token, work, result, deadline))
               for _ in range(writers)]
    for thread in reading:
        thread.start()
    started = time.perf_counter()
    for thread in writing:
        thread.start()
    for thread in writing:
        thread.join()
    result.seconds = time.perf_counter() - started
    done.set()
    for thread in reading:
        thread.join()
    return result
