"""Each exercise kind played by keyboard in real Pyodide: feedback, saved progress, reset, clear."""

import pytest
from playwright.sync_api import expect

from exercises.site import site_library
from exercises.trees import recommended_path, walk
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


def saved_state(tab: Tab, exercise_id: str) -> dict:
    return tab.page.evaluate(f"JSON.parse(localStorage.getItem('skp-metodebanken:v1:ovelse:{exercise_id}')).state")


@pytest.mark.engine
def test_decision_tree_by_keyboard_to_its_debrief(tab: Tab):
    """Space and Enter choose; feedback comes first; a recovery leads back; the debrief survives a reload."""
    tree = LIB.exercises["dt-vidne-til-kriminalitet"]
    tab.open(f"ovelser/{tree.id}/")
    wait_ready(tab, tree.id)
    ex = tab.page.locator(f'[data-exercise-id="{tree.id}"]')
    recovery = next(n for n, o in enumerate(tree.node("opgangen").options, start=1) if o.recovery)
    # situation 1 (opgangen), the recovery back to it, then the handbooks' choices to the end
    choices = [1, recovery] + [n for n in recommended_path(tree, [1])[1:]]
    keys = ["Space", "Enter"]
    for step, number in enumerate(choices):
        node = ex.locator("[data-node]:not([hidden])")
        node_id = node.get_attribute("data-node") or ""
        press(tab, node.locator(f'[data-choice="{number}"]'), keys[step % 2])
        panel = ex.locator("[data-role=feedback]:not([hidden])")
        expect(panel).to_contain_text(tree.node(node_id).options[number - 1].feedback[:40])
        assert tab.page.evaluate("document.activeElement.dataset.role") == "feedback-title"
        assert ex.locator("[data-node]:not([hidden])").count() == 0
        press(tab, panel.locator("[data-action=continue]"))
        if step == 1:  # the recovery brings the learner back to the same decision
            expect(ex.locator("[data-node]:not([hidden])")).to_have_attribute("data-node", "opgangen")
        assert not saved_state(tab, tree.id)["done"] or step == len(choices) - 1
    outcome_id = walk(tree, choices).at
    expect(ex.locator("[data-outcome]:not([hidden])")).to_have_attribute("data-outcome", outcome_id)
    debrief = ex.locator('[data-role=result][data-engine="python"]')
    expect(debrief).to_contain_text("Håndbøgernes vej")
    expect(debrief).to_contain_text("Hvor du valgte anderledes")
    expect(debrief).to_contain_text(tree.outcome(outcome_id).supervision)
    expect(debrief.locator("[data-law]")).to_have_count(len(tree.outcome(outcome_id).law))
    assert tree.node("opgangen").options[recovery - 1].label in debrief.inner_text()
    assert saved_state(tab, tree.id) == {"choices": choices, "done": True}
    tab.page.reload()
    wait_ready(tab, tree.id)
    expect(ex.locator('[data-role=result][data-engine="python"]')).to_contain_text("Håndbøgernes vej")
    assert ex.locator("[data-outcome]:not([hidden])").get_attribute("data-outcome") == outcome_id
    # a step back leaves the debrief and the exercise is no longer done
    press(tab, ex.locator("[data-action=back]"))
    expect(ex.locator("[data-node]:not([hidden])")).to_have_count(1)
    assert saved_state(tab, tree.id)["done"] is False
    press(tab, ex.locator("[data-action=reset]"))
    expect(ex.locator("[data-node]:not([hidden])")).to_have_attribute("data-node", tree.start)
    clear_all_by_keyboard(tab)
    assert tab.errors == []


@pytest.mark.engine
def test_an_engine_error_keeps_the_tree_progress(tab: Tab):
    """Only stale answers are reset; any other failed engine answer leaves the saved choices alone."""
    tree = LIB.exercises["dt-vaergemaal"]
    tab.open(f"ovelser/{tree.id}/")
    tab.page.evaluate(f"SKPStore.write('ovelse:{tree.id}', {{choices: [1], done: false}})")
    tab.page.reload()
    wait_ready(tab, tree.id)
    tab.page.evaluate("""() => {
        window.SKPEngine.call = () => Promise.resolve({ok: false, error: "noget andet gik galt", code: "engine_error"}); }""")
    ex = tab.page.locator(f'[data-exercise-id="{tree.id}"]')
    press(tab, ex.locator("[data-node]:not([hidden]) [data-choice='1']"))
    expect(ex.locator("[data-role=notice]")).to_contain_text("Dine svar er gemt")
    assert saved_state(tab, tree.id)["choices"] == [1, 1]


@pytest.mark.engine
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


@pytest.mark.engine
def test_learning_path_shows_progress_from_this_browser(tab: Tab):
    tab.open("ovelser/cl-motivation-refleksion/")
    wait_ready(tab, "cl-motivation-refleksion")
    press(tab, tab.page.locator("[data-action=summary]"))
    tab.page.locator('[data-role=result][data-engine="python"]').wait_for()
    tab.open("kom-i-gang/ny-medarbejder/")
    step = tab.page.locator('[data-path-exercise="cl-motivation-refleksion"]')
    assert step.get_attribute("data-state") == "Gennemført"
    assert tab.page.locator('[data-path-exercise="zn-bo"]').get_attribute("data-state") == "Ikke startet"
