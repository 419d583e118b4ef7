"""The runtime contract in a real browser: Python in a module worker, self-hosted, with a fallback."""

import re

import pytest

from tests.conftest import Tab, wait_ready

pytestmark = pytest.mark.browser
DEMO = "kom-i-gang/sadan-virker-ovelserne/"


@pytest.mark.engine
def test_demo_exercise_is_usable_at_once_and_then_computed_by_python(tab: Tab):
    tab.open(DEMO)
    exercise = tab.page.locator('[data-exercise-id="zn-bo"]')
    assert exercise.get_attribute("data-runtime") in {"static", "loading"}
    assert exercise.locator("select").count() >= 4  # usable as HTML before Python is ready
    wait_ready(tab, "zn-bo")
    exercise.locator("select").first.select_option("kan-selv")
    exercise.locator("[data-action=compare]").click()
    result = exercise.locator('[data-role=result][data-engine="python"]')
    result.wait_for()
    assert "Feedbacken er beregnet ud fra øvelsens data" in result.inner_text()
    assert "Python" not in result.inner_text()  # the learner reads about feedback, not about the engine's language
    assert re.match(r"3\.1[2-9]\.", tab.page.evaluate("window.SKPEngine.info.python"))  # Pyodide's Python, not the page
    assert tab.page.evaluate("window.SKPEngine.info.pyodide") == tab.page.evaluate(
        "JSON.parse(document.getElementById('skp-runtime-config').textContent).pyodide_version"
    )
    assert tab.errors == [] and tab.foreign_requests() == []


@pytest.mark.engine
def test_pages_without_exercises_do_not_start_python(tab: Tab):
    tab.open("grundlag/")
    tab.page.wait_for_timeout(500)
    assert not any("/pyodide/" in url for url in tab.requests)
    assert tab.page.evaluate("window.SKPEngine.state") == "static"


@pytest.mark.engine
def test_python_starts_once_per_page_even_with_two_exercises(tab: Tab):
    tab.open("faglighed/etik/")
    wait_ready(tab, "zn-bo")
    wait_ready(tab, "cg-behandling-eller-bolig")
    assert sum(url.endswith("pyodide.asm.wasm") for url in tab.requests) == 1
    assert sum(url.endswith(".whl") for url in tab.requests) == 1


def test_without_pyodide_the_demo_page_works_and_says_so_in_danish(tab: Tab):
    tab.page.route(re.compile(r".*/pyodide/.*"), lambda route: route.abort())
    tab.open(DEMO)
    tab.page.wait_for_selector('[data-exercise-id="zn-bo"][data-runtime="unavailable"]', timeout=60_000)
    exercise = tab.page.locator('[data-exercise-id="zn-bo"]')
    status = exercise.locator("[data-role=status]").inner_text()
    assert "kunne ikke starte" in status and "virker stadig" in status
    assert "Fire slags øvelser" in tab.page.locator("article").inner_text()
    # Comparing without the engine opens the handbook's suggestions instead of failing.
    exercise.locator("[data-action=compare]").focus()
    tab.page.keyboard.press("Enter")
    assert exercise.locator(".skp-zones__key").get_attribute("open") is not None
    assert tab.errors == []


def test_without_pyodide_a_tree_still_works_by_keyboard(tab: Tab):
    tab.page.route(re.compile(r".*/pyodide/.*"), lambda route: route.abort())
    tab.open("dilemmaer/vaergemaal/")
    tab.page.wait_for_selector('[data-exercise-id="dt-vaergemaal"][data-runtime="unavailable"]', timeout=60_000)
    exercise = tab.page.locator('[data-exercise-id="dt-vaergemaal"]')
    exercise.locator("[data-choice]:visible").first.focus()
    tab.page.keyboard.press("Enter")
    assert exercise.locator("[data-role=path-list] li").count() == 1
    assert exercise.locator('[data-role=path][data-engine="page"]').count() == 1
    assert tab.errors == []
