"""Every built page: no request leaves the local server, and axe finds no WCAG violations.

One test per page, so a failure names the page. Pages come from a server without Pyodide and the
wheel (the exercises show their no-engine state) except one exercise page per exercise kind, where
axe checks the page with the engine ready; starting Pyodide on every page made this the slowest
test by far.

Speed: the ~100 tests share one browser tab (a module fixture) instead of a fresh context each,
so the theme's CSS and scripts come from the HTTP cache after the first page, and axe is added
once to that context as an init script instead of being sent over CDP for every page. Each test
starts with a fresh document (a real navigation), except the engine pages after the first (see
visit), and has its own request and error lists.
Exercises are poked (a pointerdown, as a first touch would) so the engine starts, or fails to, at
once: left alone it waits for the browser to be idle, up to 2 s, which a busy test machine rarely is.
Colour contrast is two thirds of axe's time, and a third of that is the theme's header, navigation
and footer, the same styles on every page: they are checked on one page of each kind (CHROME_PAGES),
each page's own content on every page; all other rules always see the whole page.
"""

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import DEFAULT_OPTIONS, Axe, AxeResults
from playwright.sync_api import Browser

from exercises.site import site_library
from tests.conftest import ROOT, Tab, wait_ready

pytestmark = pytest.mark.browser
AXE = Axe()
LIB = site_library()


def engine_pages() -> dict[str, str]:
    """One exercise page per exercise kind (URL path -> exercise id): there Pyodide really starts."""
    first_of_kind: dict[str, str] = {}
    for exercise in LIB.exercises.values():
        first_of_kind.setdefault(exercise.kind, exercise.id)
    return {f"ovelser/{exercise_id}/": exercise_id for exercise_id in first_of_kind.values()}


ENGINE_PAGES = engine_pages()


def expected_pages() -> list[str]:
    """URL paths of every page the build makes: docs/ plus the generated case and exercise pages."""
    sources = [p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")]
    sources += ["cases/index.md", "ovelser/index.md", *(c.page for c in LIB.cases.values())]
    sources += [f"ovelser/{exercise_id}.md" for exercise_id in LIB.exercises]
    urls = {s.removesuffix(".md").removesuffix("index") for s in sources}
    return sorted(u if not u or u.endswith("/") else u + "/" for u in urls)


PAGES = expected_pages()


def test_the_page_list_is_every_built_page(site_dir: Path):
    built = sorted(p.relative_to(site_dir).as_posix().removesuffix("index.html") for p in site_dir.rglob("index.html"))
    assert PAGES == built
    assert len(ENGINE_PAGES) == len({e.kind for e in LIB.exercises.values()}) >= 4


@dataclass
class SharedTab(Tab):
    """The module's one tab. Pages come from the server without the engine's files, except the
    ENGINE_PAGES, which come from the whole site (use_engine)."""

    without_engine: str = ""
    with_engine: str = ""

    def use_engine(self, engine: bool) -> None:
        self.base_url = self.with_engine if engine else self.without_engine


@pytest.fixture(scope="module")
def shared_tab(browser: Browser, base_url: str, no_engine_url: str) -> Iterator[SharedTab]:
    context = browser.new_context(locale="da-DK", viewport={"width": 1280, "height": 900}, service_workers="block")
    context.add_init_script(script=AXE.axe_script)
    page = context.new_page()
    tab = SharedTab(page=page, base_url=no_engine_url, without_engine=no_engine_url, with_engine=base_url)
    page.on("request", lambda request: tab.requests.append(request.url))
    page.on("pageerror", lambda error: tab.errors.append(str(error)))
    yield tab
    context.close()


@pytest.fixture
def page_tab(shared_tab: SharedTab) -> SharedTab:
    """The shared tab with empty request and error lists (each test judges only its own page)."""
    shared_tab.requests.clear()
    shared_tab.errors.clear()
    return shared_tab


# One page of each kind, where colour contrast is checked on the whole page, the theme's chrome too.
CHROME_PAGES = {"", "grundlag/", "cases/", "cases/alfred/", "ovelser/", "kom-i-gang/min-mappe/", "henvis/henvisningsskema/", *ENGINE_PAGES}
CONTRAST = "color-contrast"


def axe_runs(tab: SharedTab, path: str) -> Iterator[AxeResults]:
    """axe on this page (already in it as an init script, so it is not sent again): every rule on the
    whole page, except that off CHROME_PAGES colour contrast is checked in the page's content only."""

    def run(context: str, options: dict) -> AxeResults:  # context: a JavaScript expression
        return AxeResults(tab.page.evaluate(f"axe.run({context}, {json.dumps({**DEFAULT_OPTIONS, **options})})"))

    if path in CHROME_PAGES:
        yield run("document", {})
        return
    yield run("document", {"rules": {CONTRAST: {"enabled": False}}})
    yield run(json.dumps({"include": [[".md-content"]]}), {"runOnly": {"type": "rule", "values": [CONTRAST]}})


def page_params() -> list:
    """Every page; the engine pages first and together on one worker (see visit)."""
    engine = [pytest.param(path, marks=pytest.mark.xdist_group("engine_pages")) for path in ENGINE_PAGES]
    return engine + [path for path in PAGES if path not in ENGINE_PAGES]


def visit(tab: SharedTab, path: str) -> None:
    """Open the page afresh, except an engine page right after another one with the engine ready:
    that one is reached by Material's instant navigation, as a visitor clicking a link does, and the
    engine carries over (one Pyodide start, some 5-10 s, for all of them instead of one each)."""
    engine = path in ENGINE_PAGES
    if engine and tab.base_url == tab.with_engine and tab.page.locator('[data-exercise-id][data-runtime="ready"]').count():
        tab.page.evaluate(
            """(href) => { window.skpSameDocument = true;
                          const link = Object.assign(document.createElement("a"), { href });
                          document.body.appendChild(link); link.click(); link.remove(); }""",
            tab.with_engine + path,
        )
        tab.page.wait_for_function("(path) => location.pathname.endsWith('/' + path)", arg=path)
        tab.page.wait_for_selector(f'[data-exercise-id="{ENGINE_PAGES[path]}"]', state="attached")
        assert tab.page.evaluate("window.skpSameDocument === true"), "a full page load, not an instant navigation"
        return
    tab.use_engine(engine)
    tab.open(path)


@pytest.mark.parametrize("path", page_params())
def test_page_is_local_only_and_passes_axe(page_tab: SharedTab, path: str):
    tab = page_tab
    visit(tab, path)
    tab.page.evaluate("() => document.querySelectorAll('[data-exercise-id]').forEach((e) => e.dispatchEvent(new Event('pointerdown')))")
    if path in ENGINE_PAGES:
        wait_ready(tab, ENGINE_PAGES[path])
    else:
        tab.page.wait_for_function(
            "() => [...document.querySelectorAll('[data-exercise-id]')].every((e) => e.dataset.runtime === 'unavailable')",
            timeout=60_000,
        )
    for results in axe_runs(tab, path):
        assert not results.violations_count, results.generate_report()
    assert tab.foreign_requests() == []
    assert tab.errors == []


@pytest.mark.engine
def test_a_page_with_exercises_stays_local_while_python_loads(tab: Tab):
    tab.open("haandvaerket/utryghed/")
    wait_ready(tab, "dt-syg-eller-truet")
    assert tab.foreign_requests() == []
    assert any(url.endswith("/pyodide/pyodide.asm.wasm") for url in tab.requests)
