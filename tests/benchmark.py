"""Speed and size goals for SKP-metodebanken (run with `make bench`; never part of the test suite).

Everything is measured side by side in one run, through deploy/nginx.conf (gzip, real headers),
with a fresh browser context (cold cache) per sample and the median of SAMPLES:

- bare: a page whose module worker only calls `loadPyodide` from the site's own pyodide/;
- ready: our exercise page until the exercise reports data-runtime="ready" (goal ≤ 1.05 × bare);
- second page: a second exercise page in the same visit until ready (goal ≤ 0.05 × bare);
- interactive: until the page's exercise script has bound the exercise (data-runtime leaves
  "static"), i.e. the first interaction is answered (goal ≤ 0.15 × bare);
- text page: bytes transferred (compressed) for a text page on a first visit (goal ≤ 150 KB);
- build: the strict build (goal ≤ 20 s on this 2-core machine).
Times are performance.now() in the page (from navigation start), so polling adds nothing.
Lighthouse is not run: it is not installed here (see the report printed at the end).
Exit status 1 if a goal is missed.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))

from tests.conftest import CHROMIUM, CHROMIUM_ARGS, build_site  # noqa: E402
from tests.nginx_server import nginx  # noqa: E402

SAMPLES = 3
EXERCISE_PAGE = "kom-i-gang/sadan-virker-ovelserne/"
SECOND_EXERCISE_PAGE = "haandvaerket/utryghed/"  # linked from the first page's navigation
TEXT_PAGE = "grundlag/"
# Records, in page time, when an exercise is bound and when it is ready (installed before page scripts).
WATCH_RUNTIME = """
new MutationObserver(() => {
  const states = [...document.querySelectorAll("[data-runtime]")].map((e) => e.dataset.runtime);
  if (states.some((s) => s !== "static") && !window.__bound) window.__bound = performance.now();
  if (states.includes("ready") && !window.__ready) window.__ready = performance.now();
}).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-runtime"], childList: true });
"""
BARE_PAGE = '<!doctype html><html lang="da"><title>bare</title><script type="module" src="bare.js"></script></html>'
BARE_SCRIPT = """
new Worker(new URL("bare-worker.mjs", import.meta.url), { type: "module" }).onmessage = () => {
  window.__ready = performance.now();
};
"""
BARE_WORKER = """
const indexURL = new URL("../pyodide/", import.meta.url).href;
const { loadPyodide } = await import(indexURL + "pyodide.mjs");
await loadPyodide({ indexURL });
postMessage("ready");
"""


def add_bare_page(site: Path) -> None:
    bench = site / "bench"
    bench.mkdir()
    (bench / "index.html").write_text(BARE_PAGE, encoding="utf-8")
    (bench / "bare.js").write_text(BARE_SCRIPT, encoding="utf-8")
    (bench / "bare-worker.mjs").write_text(BARE_WORKER, encoding="utf-8")


def measure_browser(url: str) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    samples: dict[str, list[float]] = {"bare_s": [], "ready_s": [], "second_s": [], "bound_s": [], "text_kb": []}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

        def fresh():
            context = browser.new_context(locale="da-DK")
            context.add_init_script(WATCH_RUNTIME)
            return context, context.new_page()

        for _ in range(SAMPLES):
            context, page = fresh()
            page.goto(url + "bench/")
            page.wait_for_function("() => window.__ready", timeout=120_000)
            samples["bare_s"].append(page.evaluate("window.__ready") / 1000)
            context.close()

            context, page = fresh()
            page.goto(url + EXERCISE_PAGE)
            page.wait_for_function("() => window.__ready", timeout=120_000)
            samples["ready_s"].append(page.evaluate("window.__ready") / 1000)
            samples["bound_s"].append(page.evaluate("window.__bound") / 1000)
            start = time.perf_counter()
            page.locator(f'.md-sidebar--primary a[href$="{SECOND_EXERCISE_PAGE}"]').first.click()  # as a user does
            page.wait_for_url(f"**/{SECOND_EXERCISE_PAGE}")
            page.wait_for_selector('[data-exercise-id="dt-syg-eller-truet"][data-runtime="ready"]', timeout=120_000)
            samples["second_s"].append(time.perf_counter() - start)
            context.close()

            context, page = fresh()
            page.goto(url + TEXT_PAGE)
            page.wait_for_load_state("networkidle")
            transferred = page.evaluate(
                "[...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]"
                ".reduce((sum, e) => sum + e.transferSize, 0)"
            )
            samples["text_kb"].append(transferred / 1024)
            context.close()
        browser.close()
    return {key: statistics.median(values) for key, values in samples.items()}


def main() -> int:
    work = Path(tempfile.mkdtemp())
    site = work / "site"
    start = time.perf_counter()
    result = build_site(site)
    build_s = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(result.stdout + result.stderr)
    add_bare_page(site)
    with nginx(site, work / "nginx") as url:
        figures = measure_browser(url)
    bare = figures["bare_s"]
    rows = [
        ("bare loadPyodide (kold)", f"{bare:.2f} s", "(reference)", True),
        ("øvelse klar (kold)", f"{figures['ready_s']:.2f} s = {figures['ready_s'] / bare:.2f} × bare", "≤ 1.05 × bare", figures["ready_s"] <= 1.05 * bare),
        ("anden øvelsesside, samme besøg", f"{figures['second_s']:.2f} s = {figures['second_s'] / bare:.2f} × bare", "≤ 0.05 × bare", figures["second_s"] <= 0.05 * bare),
        ("første interaktion", f"{figures['bound_s']:.2f} s = {figures['bound_s'] / bare:.2f} × bare", "≤ 0.15 × bare", figures["bound_s"] <= 0.15 * bare),
        ("tekstside, første besøg", f"{figures['text_kb']:.0f} KB komprimeret", "≤ 150 KB", figures["text_kb"] <= 150),
        ("strict build", f"{build_s:.1f} s", "≤ 20 s", build_s <= 20),
    ]
    for name, value, goal, ok in rows:
        print(f"{name:32} {value:28} mål {goal:18} {'OK' if ok else 'FOR MEGET'}")
    print(f"{'Lighthouse tekst / øvelse':32} {'ikke målt':28} mål {'≥ 0.95 / ≥ 0.90':18} –")
    print(f"(median af {SAMPLES} kolde målinger pr. tal, via deploy/nginx.conf; Lighthouse er ikke installeret her)")
    return 0 if all(ok for *_, ok in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
