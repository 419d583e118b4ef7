"""deploy/nginx.conf, run by Debian's nginx: headers, compression, types, and the site under its CSP."""

from __future__ import annotations

import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from security_policy import HEADER_POLICY

from tests.conftest import Tab, wait_ready
from tests.nginx_server import NGINX, nginx

pytestmark = pytest.mark.browser
EXERCISE_PAGE = "kom-i-gang/sadan-virker-ovelserne/"
# Collects CSP violations on the page; installed before any of the page's own scripts run.
WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.__cspViolations.push(e.violatedDirective + " " + e.blockedURI));
"""


@pytest.fixture(scope="module")
def server(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not NGINX.exists():
        pytest.fail("Debians nginx mangler: kør 'make test', som installerer den (apt-get install nginx)")
    with nginx(site_dir, tmp_path_factory.mktemp("nginx")) as url:
        yield url


def head(url: str) -> dict[str, str]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request) as response:
        return {k.lower(): v for k, v in response.headers.items()}


def test_headers_compression_types_and_caching(server: str, site_dir: Path):
    page = head(server + "grundlag/")
    assert page["content-security-policy"] == HEADER_POLICY
    assert page["content-encoding"] == "gzip"
    assert page["x-content-type-options"] == "nosniff"
    assert page["referrer-policy"] == "no-referrer"
    assert page["cache-control"] == "no-cache"
    assert "server" not in page or page["server"] == "nginx"
    bundle = next((site_dir / "assets" / "javascripts").glob("bundle.*.min.js")).name
    assert head(server + f"assets/javascripts/{bundle}")["cache-control"] == "max-age=315360000"
    wasm = head(server + "pyodide/pyodide.asm.wasm")
    assert wasm["content-type"] == "application/wasm" and wasm["content-encoding"] == "gzip"
    assert head(server + "pyodide/pyodide.mjs")["content-type"].startswith("text/javascript")
    assert head(server + "assets/javascripts/skp-worker.mjs")["content-security-policy"] == HEADER_POLICY


def open_watched(tab: Tab, url: str) -> list[str]:
    """Open url with CSP violations and console errors recorded; returns the console error list."""
    console_errors: list[str] = []
    tab.page.on("console", lambda message: console_errors.append(message.text) if message.type == "error" else None)
    tab.page.add_init_script(WATCH_CSP)
    tab.page.goto(url)
    return console_errors


def test_a_text_page_under_the_policy(tab: Tab, server: str):
    console_errors = open_watched(tab, server + "grundlag/")
    assert tab.page.locator("article h1").inner_text().strip()
    tab.page.keyboard.press("/")  # search works under the policy (its worker, its index)
    tab.page.keyboard.type("tavshedspligt")
    tab.page.wait_for_selector(".md-search-result__item")
    assert tab.page.evaluate("window.__cspViolations") == []
    assert console_errors == [] and tab.errors == []


@pytest.mark.engine
def test_an_exercise_reaches_ready_under_the_policy(tab: Tab, server: str):
    console_errors = open_watched(tab, server + EXERCISE_PAGE)
    wait_ready(tab, "zn-bo")
    exercise = tab.page.locator('[data-exercise-id="zn-bo"]')
    exercise.locator("select").first.select_option("kan-selv")
    exercise.locator("[data-action=compare]").click()
    exercise.locator('[data-role=result][data-engine="python"]').wait_for()
    assert tab.page.evaluate("window.__cspViolations") == []
    assert console_errors == [] and tab.errors == []


# Records when the page registers the service worker and when the first exercise is ready.
WATCH_ORDER = """
const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
navigator.serviceWorker.register = (...args) => { window.__registered = performance.now(); return register(...args); };
new MutationObserver(() => {
  if (!window.__ready && document.querySelector("[data-runtime=ready]")) window.__ready = performance.now();
}).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-runtime"] });
"""


def test_offline_after_one_visit_to_an_exercise_page_stored_only_after_the_engine_start(browser, site_dir: Path, tmp_path: Path):
    """Through nginx: the first page visited is an exercise page. The offline precache waits for the
    engine (it would compete with Pyodide's start), then the site works with the server stopped."""
    context = browser.new_context(locale="da-DK")
    page = context.new_page()
    page.add_init_script(WATCH_ORDER)
    try:
        with nginx(site_dir, tmp_path / "nginx") as url:
            page.goto(url + EXERCISE_PAGE)
            page.wait_for_selector('[data-exercise-id="zn-bo"][data-runtime="ready"]', timeout=120_000)
            page.wait_for_selector('[data-skp-offline="ready"]', timeout=120_000)
            registered, ready = page.evaluate("[window.__registered, window.__ready]")
            assert registered >= ready, (registered, ready)
        context.set_offline(True)
        page.goto(url + "haandvaerket/utryghed/")  # never visited
        page.wait_for_selector('[data-exercise-id="dt-syg-eller-truet"][data-runtime="ready"]', timeout=120_000)
        page.goto(url + "grundlag/")
        assert page.locator("article h1").inner_text().strip()
    finally:
        context.close()
