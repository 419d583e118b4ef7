"""Every built page: no request leaves the local server, and axe finds no WCAG violations."""

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.conftest import Tab

pytestmark = pytest.mark.browser
AXE = Axe()


def built_pages(site_dir: Path) -> list[str]:
    pages = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("index.html"))
    return [p.removesuffix("index.html") for p in pages]


def test_every_page_is_local_only_and_passes_axe(tab: Tab, site_dir: Path):
    pages = built_pages(site_dir)
    assert len(pages) > 50
    problems: dict[str, str] = {}
    for path in pages:
        tab.requests.clear()
        tab.open(path)
        results = AXE.run(tab.page)
        if results.violations_count:
            problems[path] = results.generate_report()
        foreign = tab.foreign_requests()
        if foreign:
            problems[path] = f"requests outside the site: {foreign}"
    assert not problems, "\n\n".join(f"{page}:\n{report}" for page, report in problems.items())
    assert tab.errors == []


def test_a_page_with_exercises_stays_local_while_python_loads(tab: Tab):
    tab.open("haandvaerket/utryghed/")
    tab.page.wait_for_selector('[data-exercise-id="dt-syg-eller-truet"][data-runtime="ready"]', timeout=120_000)
    assert tab.foreign_requests() == []
    assert any(url.endswith("/pyodide/pyodide.asm.wasm") for url in tab.requests)
