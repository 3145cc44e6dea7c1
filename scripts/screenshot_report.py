"""Screenshot the HTML analysis report of the example story, as a desktop reader sees it.

    python scripts/screenshot_report.py [--out docs/report-screenshot.png] [--width 1440]

Renders examples/harbor-bridge, serves it from 127.0.0.1, opens it in Debian's headless
Chromium (through playwright; no browser is downloaded), selects the first citation so
the source panel shows its highlighted sentence, and saves a PNG.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from newsweave.analysis.analyze import analyze_story
from newsweave.analysis.report_html import render_html
from newsweave.reading.read import read_story

REPO = Path(__file__).resolve().parents[1]
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (stdlib's name)
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--story", type=Path, default=REPO / "examples" / "harbor-bridge")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "report-screenshot.png")
    parser.add_argument("--width", type=int, default=1440)
    parser.add_argument("--height", type=int, default=1000)
    args = parser.parse_args()
    chromium = shutil.which("chromium")
    if chromium is None:
        raise SystemExit("chromium not found: make browser (or apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    html = render_html(analyze_story(read_story([str(args.story)], [])))
    with tempfile.TemporaryDirectory() as root:
        (Path(root) / "report.html").write_text(html, encoding="utf-8")
        server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=root))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            with sync_playwright() as playwright:
                context = playwright.chromium.launch_persistent_context(
                    str(Path(root) / "profile"), executable_path=chromium, headless=True,
                    args=FLAGS, viewport={"width": args.width, "height": args.height},
                )
                page = context.new_page()
                page.goto(f"http://127.0.0.1:{server.server_port}/report.html")
                page.locator("#summary a.cite").first.click()
                page.evaluate("window.scrollTo(0, 0)")
                args.out.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(args.out))
                context.close()
        finally:
            server.shutdown()
            server.server_close()
    print(args.out)


if __name__ == "__main__":
    main()
