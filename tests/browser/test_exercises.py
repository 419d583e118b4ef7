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


def test_zones_by_keyboard(tab: Tab):
    zones = LIB.exercises["zn-svend"]
    tab.open("ovelser/zn-svend/")
    wait_ready(tab, zones.id)
    ex = tab.page.locator(f'[data-exercise-id="{zones.id}"]')
    order = ["kan-endnu-ikke", "kan-med-hjaelp", "kan-selv"]
    for item in zones.items:
        select = ex.locator(f'select[data-item="{item.id}"]')
        select.focus()
        for _ in range(order.index(item.suggested) + 1):
            tab.page.keyboard.press("ArrowDown")
    first = zones.items[0]
    assert ex.locator(f'select[data-item="{first.id}"]').input_value() == first.suggested
    assert first.text in ex.locator(f'[data-role=zone-list][data-zone="{first.suggested}"]').inner_text()
    press(tab, ex.locator("[data-action=compare]"))
    result = ex.locator('[data-role=result][data-engine="python"]')
    result.wait_for()
    assert f"Du placerede {len(zones.items)} af {len(zones.items)} som forslaget" in result.inner_text()
    assert first.reason in ex.locator(f'[data-role=item-feedback][data-item="{first.id}"]').inner_text()
    tab.page.reload()
    assert ex.locator(f'select[data-item="{first.id}"]').input_value() == first.suggested
    # Dragging a card on the board does the same as the select (and is saved the same way).
    ex.locator(f'.skp-zones__card[data-item="{first.id}"]').drag_to(ex.locator('.skp-zones__column[data-zone=""]'))
    assert ex.locator(f'select[data-item="{first.id}"]').input_value() == ""
    clear_all_by_keyboard(tab)
    assert ex.locator(f'select[data-item="{first.id}"]').input_value() == ""


def test_choice_grid_by_keyboard_with_cpr_warning(tab: Tab):
    tab.open("ovelser/cg-blive-eller-gaa/")
    wait_ready(tab, "cg-blive-eller-gaa")
    ex = tab.page.locator('[data-exercise-id="cg-blive-eller-gaa"]')
    cell = ex.locator('textarea[data-key="0.kort.fordele"]')
    cell.focus()
    tab.page.keyboard.type("Ro og tryghed i aften")
    prompt = ex.locator('textarea[data-key="0"]')
    prompt.focus()
    tab.page.keyboard.type("Han ringer til 010203-1234")
    warning = ex.locator(".skp-cpr-warning[role=alert]")
    assert "CPR-nummer" in warning.inner_text() and "tavshedspligten" in warning.inner_text()
    for _ in range(15):
        tab.page.keyboard.press("Backspace")
    assert warning.count() == 0
    press(tab, ex.locator("[data-action=summary]"))
    result = ex.locator('[data-role=result][data-engine="python"]')
    result.wait_for()
    assert "Ro og tryghed i aften" in result.inner_text() and "1 af 8 felter" in result.inner_text()
    tab.page.reload()
    assert ex.locator('textarea[data-key="0.kort.fordele"]').input_value() == "Ro og tryghed i aften"
    press(tab, ex.locator("[data-action=reset]"))
    assert ex.locator('textarea[data-key="0.kort.fordele"]').input_value() == ""
    assert saved_keys(tab) == []


def test_checklist_by_keyboard(tab: Tab):
    checklist = LIB.exercises["cl-aktivitetskriterier"]
    tab.open("ovelser/cl-aktivitetskriterier/")
    wait_ready(tab, checklist.id)
    ex = tab.page.locator(f'[data-exercise-id="{checklist.id}"]')
    item = checklist.groups[0].items[0]
    press(tab, ex.locator(f'input[data-key="{item.id}"]'), "Space")
    press(tab, ex.locator("[data-action=summary]"))
    result = ex.locator('[data-role=result][data-engine="python"]')
    result.wait_for()
    total = sum(len(g.items) for g in checklist.groups)
    assert f"1 af {total} udsagn" in result.inner_text()
    tab.page.reload()
    assert ex.locator(f'input[data-key="{item.id}"]').is_checked()
    clear_all_by_keyboard(tab)
    assert not ex.locator(f'input[data-key="{item.id}"]').is_checked()


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
