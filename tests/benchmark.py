"""Speed and size goals for SKP-metodebanken (run with `make bench`; not part of the test suite).

Goals (printed with the measurements, exit 1 if one is missed):
- strict build of the whole site under 20 s on this 2-core machine;
- HTML of a content page under 150 kB (before compression);
- the exercises wheel under 100 kB;
- the Pyodide engine "ready" within 20 s on a page with an exercise (cold browser cache).
"""

from __future__ import annotations

import functools
import http.server
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.conftest import CHROMIUM, CHROMIUM_ARGS, QuietHandler, build_site  # noqa: E402

GOALS = {"build_s": 20.0, "page_kb": 150.0, "wheel_kb": 100.0, "ready_s": 20.0}


def measure() -> dict[str, float]:
    site = Path(tempfile.mkdtemp()) / "site"
    start = time.perf_counter()
    result = build_site(site)
    build_s = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(result.stdout + result.stderr)
    pages = [p for p in site.rglob("index.html")]
    page_kb = max(p.stat().st_size for p in pages) / 1024
    wheel_kb = next((site / "assets" / "wheels").glob("*.whl")).stat().st_size / 1024

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        start = time.perf_counter()
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/kom-i-gang/sadan-virker-ovelserne/")
        page.wait_for_selector('[data-runtime="ready"]', timeout=120_000)
        ready_s = time.perf_counter() - start
        browser.close()
    server.shutdown()
    return {"build_s": build_s, "page_kb": page_kb, "wheel_kb": wheel_kb, "ready_s": ready_s, "pages": len(pages)}


def main() -> int:
    results = measure()
    missed = 0
    for key, goal in GOALS.items():
        ok = results[key] <= goal
        missed += not ok
        print(f"{key:10} {results[key]:8.1f}  (mål ≤ {goal:g})  {'OK' if ok else 'FOR MEGET'}")
    print(f"{'pages':10} {results['pages']:8d}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
