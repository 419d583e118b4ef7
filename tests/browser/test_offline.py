"""Use without a network: after one visit every page, search and the exercises work offline, and a
new build is offered as "Ny version – genindlæs". Each test serves its own copy of the site and stops
the server before going offline, so nothing can quietly come from the network."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import Tab, build_site, serve, wait_ready
from tests.site.test_build import site_copy

pytestmark = pytest.mark.browser
STORED = '[data-skp-offline="ready"]'


@pytest.fixture
def offline_tab(browser) -> Iterator[Tab]:
    context = browser.new_context(locale="da-DK", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    tab = Tab(page=page, base_url="")
    page.on("pageerror", lambda error: tab.errors.append(str(error)))
    yield tab
    context.close()


def test_after_one_visit_the_site_works_offline(offline_tab: Tab, site_dir: Path):
    page = offline_tab.page
    with serve(site_dir) as url:
        page.goto(url + "grundlag/")
        page.wait_for_selector(STORED, timeout=120_000)
        assert "uden net" in page.locator("[data-skp-offline]").inner_text()
    page.context.set_offline(True)
    page.goto(url + "dilemmaer/vaergemaal/")  # never visited
    assert page.locator("article h1").inner_text().strip()
    page.keyboard.press("/")
    page.keyboard.type("tavshedspligt")
    page.wait_for_selector(".md-search-result__item")
    page.goto(url + "kom-i-gang/sadan-virker-ovelserne/")
    wait_ready(offline_tab, "zn-bo")
    assert offline_tab.errors == []


def test_a_rebuild_is_offered_as_a_new_version_and_the_old_cache_goes(offline_tab: Tab, site_dir: Path, tmp_path: Path):
    copy = site_copy(tmp_path)
    site = tmp_path / "site"
    env = {"PYTHONPATH": str(copy)}
    shutil.copytree(site_dir, site)  # the copy's first build is the run's site: same sources, one build less
    page = offline_tab.page
    with serve(site) as url:
        page.goto(url + "grundlag/")
        page.wait_for_selector(STORED, timeout=120_000)
        assert page.locator("[data-skp-update]").count() == 0
        page_source = copy / "docs" / "grundlag" / "index.md"
        page_source.write_text(page_source.read_text(encoding="utf-8") + "\nEn ny sætning fra den nye udgave.\n", "utf-8")
        assert build_site(site, cwd=copy, extra_env=env).returncode == 0
        page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.update())")
        button = page.get_by_role("button", name="Ny version – genindlæs")
        button.wait_for(timeout=120_000)
        with page.expect_navigation():
            button.click()
        assert "En ny sætning fra den nye udgave." in page.locator("article").inner_text()
        page.wait_for_function("async () => (await caches.keys()).length === 1")
    assert offline_tab.errors == []
