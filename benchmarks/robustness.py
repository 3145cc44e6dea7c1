"""Every class of the hardening issue (26) on generated inputs, as a user runs the command.

    python benchmarks/robustness.py                # every case
    python benchmarks/robustness.py --quick        # the small cases only (~1 minute)
    python benchmarks/robustness.py --only 8 --markdown
    python benchmarks/robustness.py --only 8 --case "500 real"   # one size: both commands

Each case runs ``newsweave ...`` in a fresh process and prints its exit status, whether a
traceback appeared, wall time and peak memory (the child's maximum resident set), next to
the limit the issue sets, and whether the case kept its promise (escaped, stripped, cited
by every outlet...). Cost cases (class 8) put ``analyze`` beside ``summarize`` on the same
input, measured in the same run. Real articles for story sizes come from
../shared/data/duc2006 (1,250 articles); the rest is generated here.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSWEAVE_SHARED", REPO.parent / "shared"))
DUC = SHARED / "data" / "duc2006" / "dev.jsonl.gz"
COMMAND = [sys.executable, "-m", "newsweave"]
MB = 1024 * 1024
LEAD = ("The harbour bridge collapsed on Tuesday evening, killing nine people and injuring "
        "dozens more.")
PAYLOAD = "<img src=x onerror=alert(1)> [x](javascript:alert(1)) \u202eevil\u202c \x1b[31m"


@dataclass
class Run:
    exit: int
    traceback: bool
    seconds: float
    peak_mb: float
    stdout: str
    stderr: str


def run(args: list[str], stdin: int | None = None, timeout: float = 600) -> Run:
    """One command in a fresh process; its own peak RSS from wait4 (not the whole tree)."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        child = subprocess.Popen([*COMMAND, *args], stdin=stdin, stdout=out, stderr=err)
        timer = threading.Timer(timeout, child.kill)
        timer.start()
        _, status, usage = os.wait4(child.pid, 0)
        timer.cancel()
        child.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    return Run(child.returncode, "Traceback" in stderr, seconds, usage.ru_maxrss / 1024,
               stdout, stderr)


@dataclass
class Case:
    item: int
    name: str
    limit: str  # what the issue asks, in words
    run: Callable[[Path], tuple[Run, str]]  # the run and what it kept (its promise)
    heavy: bool = False


def _write(path: Path, text: str, encoding: str = "utf-8") -> str:
    path.write_bytes(text.encode(encoding))
    return str(path)


def _story(n: int, sentences: int = 4) -> list[str]:
    """``n`` invented articles of one story: a shared lead, then their own sentences."""
    return [f"{LEAD} " + " ".join(
        f"Officials in district {i} said that {k + 3} crews worked through shift {k} near "
        f"pier {i % 17} of the span." for k in range(sentences - 1)) for i in range(n)]


def _jsonl(path: Path, documents: list[str] | list[dict[str, str]]) -> str:
    path.write_text(json.dumps({"id": "s", "documents": documents}) + "\n", encoding="utf-8")
    return str(path)


def _duc_articles(n: int) -> list[str]:
    docs: list[str] = []
    with gzip.open(DUC, "rt", encoding="utf-8") as stream:
        for line in stream:
            docs += [d if isinstance(d, str) else d["text"] for d in json.loads(line)["documents"]]
    return docs[:n]


def _limits(tmp: Path) -> list[Case]:
    def symlink(device: str, suffix: str) -> Callable[[Path], tuple[Run, str]]:
        def go(tmp: Path) -> tuple[Run, str]:
            path = tmp / f"{device.strip('/').replace('/', '-')}{suffix}"
            path.symlink_to(device)
            r = run(["summarize", str(path)], timeout=60)
            refused = any(w in r.stderr for w in ("limit", "longer than", "a line over"))
            return r, "refused" if refused else "NOT refused"
        return go

    def fifo(tmp: Path) -> tuple[Run, str]:
        path = tmp / "pipe.txt"
        os.mkfifo(path)

        def feed() -> None:
            try:
                with open(path, "wb") as stream:
                    while True:
                        stream.write(b"The bridge fell. " * 4096)
            except OSError:
                pass
        threading.Thread(target=feed, daemon=True).start()
        r = run(["summarize", str(path)], timeout=60)
        return r, "refused" if "limit" in r.stderr else "NOT refused"

    def stdin_zero(tmp: Path) -> tuple[Run, str]:
        with open("/dev/zero", "rb") as zero:
            r = run(["summarize", "-"], stdin=zero.fileno(), timeout=60)
        return r, "refused" if "limit" in r.stderr or "binary" in r.stderr else "NOT refused"

    return [
        Case(1, ".txt symlink to /dev/zero", "exit 2, < 10 s, < 300 MB",
             symlink("/dev/zero", ".txt")),
        Case(1, ".html symlink to /dev/urandom", "exit 2, < 10 s, < 300 MB",
             symlink("/dev/urandom", ".html")),
        Case(1, ".jsonl symlink to /dev/zero", "exit 2, < 10 s, < 300 MB",
             symlink("/dev/zero", ".jsonl")),
        Case(1, "FIFO with an endless writer", "exit 2, < 10 s, < 300 MB", fifo),
        Case(1, "stdin from /dev/zero", "exit 2, < 10 s, < 300 MB", stdin_zero),
    ]


def _shown(tmp: Path) -> list[Case]:
    def markdown(command: str) -> Callable[[Path], tuple[Run, str]]:
        def go(tmp: Path) -> tuple[Run, str]:
            docs = [{"text": f"{t}\n\nWitnesses said the {PAYLOAD} smoke rose over the water "
                             "on Tuesday.", "title": PAYLOAD,
                     "source": f"o{i} {PAYLOAD}", "url": "javascript:alert(1)"}
                    for i, t in enumerate(_story(3))]
            r = run([command, _jsonl(tmp / f"{command}-md.jsonl", docs), "--format",
                     "markdown", "--method", "unsupervised"]
                    + (["--jobs", "1"] if command == "summarize" else []))
            # Unescaped markup only: "\\<img" and "\\](javascript" are shown as text.
            live = re.search(r"(?<!\\)<(?:img|javascript)|(?<!\\)\]\(javascript", r.stdout)
            hidden = any(c in r.stdout for c in "\u202e\u202c\x1b")
            return r, ("LIVE HTML" if live else "escaped") + (", CONTROLS" if hidden else
                                                               ", no controls")
        return go

    return [Case(2, "summarize --format markdown, hostile fields", "exit 0, escaped",
                 markdown("summarize")),
            Case(2, "analyze --format markdown, hostile fields", "exit 0, escaped",
                 markdown("analyze")),
            Case(3, "bidi/zero-width/ESC in text (text output)", "exit 0, none shown",
                 lambda tmp: _controls(tmp))]


def _controls(tmp: Path) -> tuple[Run, str]:
    paths = [_write(tmp / f"c{i}.txt", t.replace(" ", " \u202e\u200b\x1b", 3))
             for i, t in enumerate(_story(2))]
    r = run(["summarize", *paths, "--method", "unsupervised"])
    hidden = any(c in r.stdout for c in "\u202e\u200b\x1b")
    return r, "CONTROLS SHOWN" if hidden else "none shown"


def _encodings(tmp: Path) -> list[Case]:
    ru = ("Мост через гавань обрушился во вторник вечером, погибли девять человек. Водолазы "
          "всю ночь искали пропавших в воде. Мэр заявил, что мост будет восстановлен.")
    zh_gbk = "周二晚上，港口大桥倒塌，造成九人死亡。"
    el = ("Η γέφυρα του λιμανιού κατέρρευσε την Τρίτη το βράδυ, σκοτώνοντας εννέα ανθρώπους. "
          "Ο Άγγελος Παπαδόπουλος, δήμαρχος της πόλης, είπε ότι η έρευνα θα διαρκέσει "
          "εβδομάδες. Δύτες έψαχναν όλη τη νύχτα για τους αγνοούμενους.")
    hi = ("मंगलवार शाम बंदरगाह का पुल ढह गया, जिसमें नौ लोगों की मौत हो गई। गोताखोरों ने पूरी रात "
          "पानी में लापता लोगों की तलाश की। महापौर ने कहा कि पुल दो साल में फिर से बनाया जाएगा।")

    def encoded(encoding: str, text: str) -> Callable[[Path], tuple[Run, str]]:
        def go(tmp: Path) -> tuple[Run, str]:
            paths = [_write(tmp / f"{encoding}-{i}.txt", text, encoding) for i in range(2)]
            r = run(["summarize", *paths, "--method", "unsupervised"])
            if r.exit:
                return r, r.stderr.strip().splitlines()[-1][:60]
            named = "read as" in r.stderr
            return r, ("encoding named" if named else "not named") + (
                ", 2 of 2" if "2 of 2" in r.stdout or "carried by 2" in r.stdout else "")
        return go

    return [
        Case(4, "UTF-16 (BOM) English", "exit 0, encoding named", encoded("utf-16", _story(1)[0])),
        Case(4, "UTF-32-LE (no BOM) English", "exit 0, encoding named",
             encoded("utf-32-le", _story(1)[0])),
        Case(4, "cp1251 Russian", "exit 0, encoding named", encoded("cp1251", ru)),
        Case(4, "cp1253 Greek", "exit 0, encoding named", encoded("cp1253", el)),
        Case(4, "iso-8859-7 Greek", "exit 0, encoding named", encoded("iso-8859-7", el)),
        Case(5, "GBK Chinese", "exit 2, clear refusal", encoded("gbk", zh_gbk)),
        Case(5, "two identical Hindi articles (sentences end in '।')", "exit 0, 2 of 2",
             encoded("utf-8", hi)),
        Case(5, "two identical Russian articles", "exit 0, 2 of 2", encoded("utf-8", ru)),
        Case(10, "paragraph under 10,000 nested divs", "exit 0",
             lambda tmp: _nested(tmp)),
    ]


def _nested(tmp: Path) -> tuple[Run, str]:
    page = "<html><body>" + "<div>" * 10_000 + "".join(f"<p>{t}</p>" for t in _story(1)) + (
        "</div>" * 10_000) + "</body></html>"
    r = run(["summarize", _write(tmp / "deep.html", page), "--method", "unsupervised"])
    return r, "text found" if r.exit == 0 else "no text"


def _behaviour(tmp: Path) -> list[Case]:
    def nothing(command: str) -> Callable[[Path], tuple[Run, str]]:
        def go(tmp: Path) -> tuple[Run, str]:
            r = run([command, _write(tmp / f"{command}-x.txt", "Hi. Ok then. Why?")])
            return r, r.stderr.strip().splitlines()[-1][:60] if r.stderr.strip() else ""
        return go

    def api(tmp: Path) -> tuple[Run, str]:
        code = ("import newsweave\nfor kw in ({'max_words': 'x'}, {'focus': 123}, "
                "{'method': 'best'}):\n    try:\n        newsweave.summarize(['A b.'], **kw)\n"
                "    except newsweave.InputError as e:\n        print('InputError', e)\n")
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        r = Run(done.returncode, "Traceback" in done.stderr, time.perf_counter() - started,
                0.0, done.stdout, done.stderr)
        return r, f"{done.stdout.count('InputError')} of 3 InputError"

    return [Case(6, "summarize: nothing can be shown", "exit 2", nothing("summarize")),
            Case(6, "analyze: nothing can be shown", "exit 2", nothing("analyze")),
            Case(7, "API: max_words='x', focus=123, method='best'", "3 of 3 InputError", api)]


def _cost(tmp: Path, quick: bool) -> list[Case]:
    def pair(name: str, make: Callable[[Path], list[str]], limit: str) -> list[Case]:
        made: dict[str, str] = {}

        def command(which: str) -> Callable[[Path], tuple[Run, str]]:
            def go(tmp: Path) -> tuple[Run, str]:
                if "path" not in made:
                    made["path"] = _jsonl(tmp / f"{name.replace(' ', '-')}.jsonl", make(tmp))
                extra = ["--jobs", "1", "--format", "json"] if which == "summarize" else [
                    "--format", "json"]
                r = run([which, made["path"], "--quiet", *extra])
                if which == "summarize":
                    made["seconds"] = f"{r.seconds}"
                    return r, _top_backing(r.stdout)
                ratio = (f", {r.seconds / float(made['seconds']):.1f}x summarize"
                         if "seconds" in made else "")
                return r, _top_backing(r.stdout) + ratio
            return go
        return [Case(8, f"summarize, {name}", limit, command("summarize"), heavy=True),
                Case(8, f"analyze, {name}", "within 3x of summarize", command("analyze"),
                     heavy=True)]

    def one_big(tmp: Path) -> list[str]:
        text = " ".join(f"Inspectors found crack {i} in pier {i % 97} of the span on day "
                        f"{i % 31}, officials said." for i in range(60_000))
        return [text[: 4_900_000]]

    cases = pair("1 article of 4.9 MB", one_big, "summarize < 60 s")
    cases += pair("10,000 one-sentence articles", lambda tmp: _story(10_000, 1),
                  "< 20 s, < 1 GB")
    sizes = (100,) if quick else (100, 500, 1000)
    for n in sizes:
        if DUC.exists():
            cases += pair(f"{n} real articles (DUC 2006)", lambda tmp, n=n: _duc_articles(n),
                          "analyze within 3x")
    cases.append(Case(9, "1,000 articles sharing a lead", "top sentence cited by 1000",
                      lambda tmp: _backing(tmp), heavy=True))
    return cases


def _top_backing(stdout: str) -> str:
    try:
        record = json.loads(stdout.splitlines()[0])
    except (json.JSONDecodeError, IndexError):
        return ""
    summary = record.get("summary", record)
    sentences = summary.get("sentences") or []
    if not sentences:
        return "empty summary"
    return f"top cited by {max(len(s.get('supporting_articles', [])) for s in sentences)}"


def _backing(tmp: Path) -> tuple[Run, str]:
    # Not _story(): its articles differ in a few words only, so they are reprints of one
    # another (grouped, one original citing for its copies); these are 1,000 outlets.
    path = _jsonl(tmp / "lead.jsonl", [f"{LEAD} " + " ".join(
        f"Witness {i}{k} saw engineer {i}{k} inspect cable {i}{k} near tower {i}{k} at gate "
        f"{i}{k}." for k in "abc") for i in range(1000)])
    r = run(["summarize", path, "--quiet", "--jobs", "1", "--format", "json"])
    return r, _top_backing(r.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="skip the heavy cost cases")
    parser.add_argument("--only", type=int, help="one class (1-10)")
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--case", help="only the cases whose name contains this text")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        cases = (_limits(tmp) + _shown(tmp) + _encodings(tmp) + _behaviour(tmp)
                 + _cost(tmp, args.quick))
        cases = [c for c in cases if (args.only is None or c.item == args.only)
                 and not (args.quick and c.heavy and c.item != 8)]
        if args.quick:
            cases = [c for c in cases if not c.heavy or "100 real" in c.name]
        if args.case:
            cases = [c for c in cases if args.case in c.name]
        header = ("class", "case", "exit", "traceback", "seconds", "peak MB", "kept", "limit")
        rows = []
        for case in cases:
            result, kept = case.run(tmp)
            rows.append((str(case.item), case.name, str(result.exit),
                         "yes" if result.traceback else "no", f"{result.seconds:.1f}",
                         f"{result.peak_mb:.0f}", kept, case.limit))
            if not args.markdown:
                print("  ".join(rows[-1]), flush=True)
    if args.markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for row in rows:
            print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
