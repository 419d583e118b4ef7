"""Each exercise kind played by keyboard in real Pyodide: feedback, saved progress, reset, clear."""

import pytest
from playwright.sync_api import expect

from exercises.site import site_library
from exercises.trees import all_paths
from tests.conftest import Tab, wait_ready

pytestmark = pytest.mark.browser
LIB = site_library()


def press(tab: Tab, locator, key: str = "Enter") -> None:
    locator.focus()
    tab.page.keyboard.press(key)


def saved_keys(tab: Tab) -> list[str]:
    return tab.page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('skp-metodebanken:'))")


def clear_all_by_keyboard(tab: Tab) -> None:
    press(tab, tab.page.locator("[data-skp-clear-all]"))
    assert "slettet" in tab.page.locator("[data-skp-clear-status]").inner_text()
    assert saved_keys(tab) == []


def test_decision_tree_by_keyboard(tab: Tab):
    tree = LIB.exercises["dt-vaergemaal"]
    path = max(all_paths(tree), key=len)
    tab.open("ovelser/dt-vaergemaal/")
    wait_ready(tab, tree.id)
    ex = tab.page.locator(f'[data-exercise-id="{tree.id}"]')
    for step, number in enumerate(path, start=1):
        press(tab, ex.locator(f'[data-node]:not([hidden]) [data-choice="{number}"]'))
        expect(ex.locator("[data-role=path-list] li")).to_have_count(step)
    outcome = ex.locator("[data-outcome]:not([hidden])")
    outcome_id = outcome.get_attribute("data-outcome") or ""
    shown = tree.outcome(outcome_id)
    assert shown is not None and shown.title in outcome.inner_text()
    assert ex.locator('[data-role=path][data-engine="python"] li').count() == len(path)
    # focus follows the user to the outcome, and a step back returns to the last question
    assert tab.page.evaluate("document.activeElement.classList.contains('skp-tree__outcome-title')")
    press(tab, ex.locator("[data-action=back]"))
    expect(ex.locator("[data-role=path-list] li")).to_have_count(len(path) - 1)
    assert ex.locator("[data-node]:not([hidden])").count() == 1
    press(tab, ex.locator(f'[data-node]:not([hidden]) [data-choice="{path[-1]}"]'))
    expect(ex.locator("[data-role=path-list] li")).to_have_count(len(path))
    tab.page.reload()
    wait_ready(tab, tree.id)
    assert ex.locator("[data-outcome]:not([hidden])").get_attribute("data-outcome") == outcome_id
    expect(ex.locator("[data-role=path-list] li")).to_have_count(len(path))
    press(tab, ex.locator("[data-action=reset]"))
    expect(ex.locator("[data-node]:not([hidden])")).to_have_attribute("data-node", tree.start)
    clear_all_by_keyboard(tab)
    assert tab.errors == []


def test_corrupt_or_old_progress_resets_with_a_notice(tab: Tab):
    tab.open("ovelser/zn-bo/")
    tab.page.evaluate("localStorage.setItem('skp-metodebanken:v1:ovelse:zn-bo', '{not json')")
    tab.page.evaluate("localStorage.setItem('skp-metodebanken:v0:ovelse:cl-aktivitetskriterier', '{}')")
    tab.page.reload()
    notice = tab.page.locator('[data-exercise-id="zn-bo"] [data-role=notice]')
    assert "kunne ikke læses" in notice.inner_text()
    tab.open("ovelser/cl-aktivitetskriterier/")
    assert "ældre version" in tab.page.locator("[data-role=notice]").inner_text()
    assert saved_keys(tab) == []


def test_learning_path_shows_progress_from_this_browser(tab: Tab):
    tab.open("ovelser/cl-motivation-refleksion/")
    wait_ready(tab, "cl-motivation-refleksion")
    press(tab, tab.page.locator("[data-action=summary]"))
    tab.page.locator('[data-role=result][data-engine="python"]').wait_for()
    tab.open("kom-i-gang/ny-medarbejder/")
    step = tab.page.locator('[data-path-exercise="cl-motivation-refleksion"]')
    assert step.get_attribute("data-state") == "Gennemført"
    assert tab.page.locator('[data-path-exercise="zn-bo"]').get_attribute("data-state") == "Ikke startet"
