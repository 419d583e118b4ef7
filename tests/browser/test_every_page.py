"""Every built page: no request leaves the local server, and axe finds no WCAG violations.

One test per page, so a failure names the page. Pyodide and the wheel are blocked (the exercises
show their no-engine state) except on one exercise page per exercise kind, where axe checks the
page with the engine ready; starting Pyodide on every page made this the slowest test by far.

Speed: the ~100 tests share one browser tab (a module fixture) instead of a fresh context each,
so the theme's CSS and scripts come from the HTTP cache after the first page, and axe is added
once to that context as an init script instead of being sent over CDP for every page. Each test
still starts with a fresh document (a real navigation) and its own request and error lists.
"""

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import DEFAULT_OPTIONS, Axe, AxeResults
from playwright.sync_api import Browser, Route

from exercises.site import site_library
from tests.conftest import ENGINE_FILES, ROOT, Tab, wait_ready

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
    """The module's one tab; `engine` says whether Pyodide and the wheel may load for this page."""

    engine: bool = False

    def block_engine(self, route: Route) -> None:
        if self.engine:
            route.fallback()
        else:
            route.abort()


@pytest.fixture(scope="module")
def shared_tab(browser: Browser, base_url: str) -> Iterator[SharedTab]:
    context = browser.new_context(locale="da-DK", viewport={"width": 1280, "height": 900}, service_workers="block")
    context.add_init_script(script=AXE.axe_script)
    page = context.new_page()
    tab = SharedTab(page=page, base_url=base_url)
    context.route(ENGINE_FILES, tab.block_engine)
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


@pytest.mark.parametrize("path", PAGES)
def test_page_is_local_only_and_passes_axe(page_tab: SharedTab, path: str):
    tab = page_tab
    tab.engine = path in ENGINE_PAGES
    tab.open(path)
    if tab.engine:
        wait_ready(tab, ENGINE_PAGES[path])
    else:
        tab.page.wait_for_function(
            "() => [...document.querySelectorAll('[data-exercise-id]')].every((e) => e.dataset.runtime === 'unavailable')",
            timeout=60_000,
        )
    # axe is already in the page (init script); run it as Axe.run does, without injecting it again.
    results = AxeResults(tab.page.evaluate(f"axe.run(document, {json.dumps(DEFAULT_OPTIONS)})"))
    assert not results.violations_count, results.generate_report()
    assert tab.foreign_requests() == []
    assert tab.errors == []


@pytest.mark.engine
def test_a_page_with_exercises_stays_local_while_python_loads(tab: Tab):
    tab.open("haandvaerket/utryghed/")
    wait_ready(tab, "dt-syg-eller-truet")
    assert tab.foreign_requests() == []
    assert any(url.endswith("/pyodide/pyodide.asm.wasm") for url in tab.requests)
