"""Speed and size goals for SKP-metodebanken (run with `make bench`; never part of the test suite).

Everything is measured side by side in one run, through deploy/nginx.conf (gzip, real headers),
with a fresh browser context (cold cache) per sample and the median of SAMPLES:

- bare: a page whose module worker only calls `loadPyodide` from the site's own pyodide/;
- ready: our exercise page until the exercise reports data-runtime="ready" (goal ≤ 1.05 × bare);
- second page: from the click on a second exercise page's link (same visit, instant navigation)
  until its exercise is ready (goal ≤ 0.05 × bare);
- interactive: until the page's exercise script has bound the exercise, i.e. a first interaction
  is answered (goal ≤ 0.15 × bare). The mark is the exercise's "Prøv igen" button, which the
  script adds when it binds; data-runtime leaving "static" is not it, since that happens only
  when the engine starts (on idle), well after the exercise is usable;
- text page: bytes transferred (compressed) for a text page on a first visit (goal ≤ 150 KB);
- build: the strict build (goal ≤ 20 s on this 2-core machine);
- Lighthouse (npm package, pinned in package.json) performance, mobile preset, against Debian's
  chromium: one text page (goal ≥ 0.95) and one exercise page (goal ≥ 0.90).
Times are performance.now() in the page, so polling adds nothing. The machine is shared: the load
average is printed before and after, and bare and ours alternate within each round.
Exit status 1 if a goal is missed.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))

from tests.conftest import CHROMIUM, CHROMIUM_ARGS, build_site  # noqa: E402
from tests.nginx_server import nginx  # noqa: E402

SAMPLES = int(os.environ.get("SAMPLES", "5"))
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_FLAGS = "--headless --no-sandbox --disable-background-networking --disable-component-update --disable-sync"
EXERCISE_PAGE = "kom-i-gang/sadan-virker-ovelserne/"
SECOND_EXERCISE_PAGE = "haandvaerket/utryghed/"  # linked from the first page's navigation
SECOND_EXERCISE = "dt-syg-eller-truet"
TEXT_PAGE = "grundlag/"
# Records, in page time, when an exercise is bound and ready, and when the second page's exercise
# is ready after the last click (installed before page scripts; survives instant navigation).
WATCH_RUNTIME = f"""
addEventListener("click", () => {{ window.__clicked = performance.now(); }}, true);
new MutationObserver(() => {{
  if (!window.__bound && document.querySelector("[data-exercise-id] .skp-exercise__retry")) window.__bound = performance.now();
  if (!window.__ready && document.querySelector("[data-runtime=ready]")) window.__ready = performance.now();
  if (!window.__second && window.__clicked && document.querySelector('[data-exercise-id="{SECOND_EXERCISE}"][data-runtime=ready]'))
    window.__second = performance.now() - window.__clicked;
}}).observe(document, {{ subtree: true, attributes: true, attributeFilter: ["data-runtime"], childList: true }});
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
            page.evaluate("() => { window.skpSameDocument = true; }")  # gone if the click loads a new document
            page.locator(f'.md-sidebar--primary a[href$="{SECOND_EXERCISE_PAGE}"]').first.click()  # as a user does
            page.wait_for_function("() => window.__second", timeout=120_000)
            assert page.evaluate("window.skpSameDocument === true"), "instant navigation was not used"
            samples["second_s"].append(page.evaluate("window.__second") / 1000)
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


def lighthouse(url: str, out: Path) -> float | None:
    """Lighthouse's performance score (0–1) for one URL, or None (with the reason) if it did not run."""
    if not LIGHTHOUSE.exists():
        print(f"Lighthouse mangler ({LIGHTHOUSE}): kør 'npm ci'.", file=sys.stderr)
        return None
    result = subprocess.run(
        [str(LIGHTHOUSE), url, "--only-categories=performance", "--output=json", f"--output-path={out}",
         f"--chrome-flags={LIGHTHOUSE_FLAGS}", "--quiet"],
        env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True, timeout=600,
    )
    if result.returncode != 0 or not out.is_file():
        print(f"Lighthouse fejlede for {url}:\n{result.stderr[-2000:]}", file=sys.stderr)
        return None
    score = json.loads(out.read_text(encoding="utf-8"))["categories"]["performance"]["score"]
    return None if score is None else float(score)


def load() -> str:
    return Path("/proc/loadavg").read_text().split()[0] if Path("/proc/loadavg").exists() else "?"


def main() -> int:
    work = Path(tempfile.mkdtemp())
    site = work / "site"
    start = time.perf_counter()
    result = build_site(site)
    build_s = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(result.stdout + result.stderr)
    add_bare_page(site)
    load_before = load()
    with nginx(site, work / "nginx") as url:
        figures = measure_browser(url)
        scores = {name: lighthouse(url + path, work / f"lighthouse-{name}.json") for name, path in (("text", TEXT_PAGE), ("exercise", EXERCISE_PAGE))}
    bare = figures["bare_s"]
    rows = [
        ("bare loadPyodide (kold)", f"{bare:.2f} s", "(reference)", True),
        ("øvelse klar (kold)", f"{figures['ready_s']:.2f} s = {figures['ready_s'] / bare:.2f} × bare", "≤ 1.05 × bare", figures["ready_s"] <= 1.05 * bare),
        ("anden øvelsesside, samme besøg", f"{figures['second_s']:.2f} s = {figures['second_s'] / bare:.2f} × bare", "≤ 0.05 × bare", figures["second_s"] <= 0.05 * bare),
        ("første interaktion", f"{figures['bound_s']:.2f} s = {figures['bound_s'] / bare:.2f} × bare", "≤ 0.15 × bare", figures["bound_s"] <= 0.15 * bare),
        ("tekstside, første besøg", f"{figures['text_kb']:.0f} KB komprimeret", "≤ 150 KB", figures["text_kb"] <= 150),
        ("strict build", f"{build_s:.1f} s", "≤ 20 s", build_s <= 20),
    ]
    for kind, minimum in (("text", 0.95), ("exercise", 0.90)):
        score = scores[kind]
        label = f"Lighthouse, {'tekstside' if kind == 'text' else 'øvelsesside'}"
        rows.append((label, "ikke målt" if score is None else f"{score:.2f}", f"≥ {minimum:.2f}", score is not None and score >= minimum))
    for name, value, goal, ok in rows:
        print(f"{name:32} {value:28} mål {goal:18} {'OK' if ok else 'IKKE NÅET'}")
    print(f"(median af {SAMPLES} kolde målinger pr. tal, via deploy/nginx.conf; Lighthouse: mobil, én kørsel pr. side;"
          f" belastning {load_before} før, {load()} efter)")
    return 0 if all(ok for *_, ok in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
