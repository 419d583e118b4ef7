"""Every built page: no request leaves the local server, and axe finds no WCAG violations.

One test per page, so a failure names the page. Pyodide and the wheel are blocked (the exercises
show their no-engine state) except on one exercise page per exercise kind, where axe checks the
page with the engine ready; starting Pyodide on every page made this the slowest test by far.
"""

import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

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
ENGINE_FILES = re.compile(r".*(/pyodide/.*|\.whl)$")


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


@pytest.mark.parametrize("path", PAGES)
def test_page_is_local_only_and_passes_axe(tab: Tab, path: str):
    if path in ENGINE_PAGES:
        tab.open(path)
        wait_ready(tab, ENGINE_PAGES[path])
    else:
        tab.page.route(ENGINE_FILES, lambda route: route.abort())
        tab.open(path)
        tab.page.wait_for_function(
            "() => [...document.querySelectorAll('[data-exercise-id]')].every((e) => e.dataset.runtime === 'unavailable')",
            timeout=60_000,
        )
    results = AXE.run(tab.page)
    assert not results.violations_count, results.generate_report()
    assert tab.foreign_requests() == []
    assert tab.errors == []


def test_a_page_with_exercises_stays_local_while_python_loads(tab: Tab):
    tab.open("haandvaerket/utryghed/")
    wait_ready(tab, "dt-syg-eller-truet")
    assert tab.foreign_requests() == []
    assert any(url.endswith("/pyodide/pyodide.asm.wasm") for url in tab.requests)
