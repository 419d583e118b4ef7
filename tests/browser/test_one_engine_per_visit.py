"""Instant navigation: the Python engine starts once per visit, not once per exercise page."""

import pytest

from tests.browser.test_nginx import WATCH_CSP
from tests.conftest import Tab, wait_ready

pytestmark = pytest.mark.browser


@pytest.mark.engine
def test_a_second_exercise_page_is_ready_without_a_second_pyodide_start(tab: Tab):
    tab.page.add_init_script(WATCH_CSP)  # the <meta> policy is in force on this plain server
    tab.open("kom-i-gang/sadan-virker-ovelserne/")
    wait_ready(tab, "zn-bo")
    tab.page.evaluate("window.__sameVisit = true")
    tab.page.locator('.md-sidebar--primary a[href$="haandvaerket/utryghed/"]').first.click()
    tab.page.wait_for_url("**/haandvaerket/utryghed/")
    wait_ready(tab, "dt-syg-eller-truet", timeout=5_000)
    assert tab.page.evaluate("window.__sameVisit") is True  # no reload: the page changed in place
    assert sum(url.endswith("pyodide.asm.wasm") for url in tab.requests) == 1
    assert sum(url.endswith(".whl") for url in tab.requests) == 1
    assert tab.page.evaluate("window.__cspViolations") == []  # the exercise definitions stay JSON
    assert tab.errors == []


@pytest.mark.engine
def test_the_engine_waits_for_idle_or_interaction_not_for_the_first_paint(tab: Tab):
    tab.page.add_init_script("window.requestIdleCallback = () => 0")  # the browser never idles
    tab.open("kom-i-gang/sadan-virker-ovelserne/")
    tab.page.wait_for_timeout(500)
    assert not any("/pyodide/" in url for url in tab.requests)
    tab.page.locator('[data-exercise-id="zn-bo"] select').first.focus()  # first interaction
    wait_ready(tab, "zn-bo")
