"""ZNU sortings, choice grids and checklists played by keyboard in real Pyodide.

Each test plays one exercise to its summary, reloads, and checks that the summary comes back and
that the exercise counts as done only once the summary was reached.
"""

from __future__ import annotations

import json
import subprocess
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import expect

from exercises.site import site_library
from tests.conftest import Tab, wait_ready

pytestmark = pytest.mark.browser
LIB = site_library()
ZONE_ORDER = ["kan-endnu-ikke", "kan-med-hjaelp", "kan-selv"]


def press(tab: Tab, locator, key: str = "Enter") -> None:
    locator.focus()
    tab.page.keyboard.press(key)


def saved(tab: Tab, exercise_id: str) -> dict | None:
    raw = tab.page.evaluate(f"localStorage.getItem('skp-metodebanken:v1:ovelse:{exercise_id}')")
    return json.loads(raw)["state"] if raw else None


def seed(tab: Tab, exercise_id: str, state: dict) -> None:
    envelope = json.dumps({"v": 1, "saved": "2026-01-15T10:00:00Z", "state": state})
    tab.page.evaluate(f"localStorage.setItem('skp-metodebanken:v1:ovelse:{exercise_id}', {json.dumps(envelope)})")


def python_result(ex):
    result = ex.locator('[data-role=result][data-engine="python"]')
    result.wait_for()
    return result


@pytest.mark.engine
def test_zones_feedback_stays_next_to_each_task_after_a_reload(tab: Tab):
    zones = LIB.exercises["zn-svend"]
    tab.open("ovelser/zn-svend/")
    wait_ready(tab, zones.id)
    ex = tab.page.locator(f'[data-exercise-id="{zones.id}"]')
    first, *rest = zones.items
    press(tab, ex.locator(f'select[data-item="{first.id}"]'), "ArrowDown")  # kan-endnu-ikke
    press(tab, ex.locator("[data-action=compare]"))
    assert "Placér resten" in python_result(ex).inner_text()
    assert saved(tab, zones.id)["done"] is False  # a half-sorted board is not done
    for item in rest:
        ex.locator(f'select[data-item="{item.id}"]').focus()
        for _ in range(ZONE_ORDER.index(item.suggested) + 1):
            tab.page.keyboard.press("ArrowDown")
    # Feedback follows each change once compared, and sits inside the task it is about.
    last = rest[-1]
    expect(ex.locator(f'li[data-item="{last.id}"] [data-role=item-feedback]')).to_contain_text(last.reason)
    press(tab, ex.locator("[data-action=compare]"))
    expect(ex.locator("[data-role=result]")).to_contain_text(f"af {len(zones.items)} som forslaget")
    assert saved(tab, zones.id)["done"] is True
    tab.page.reload()
    wait_ready(tab, zones.id)
    for item in zones.items:
        feedback = ex.locator(f'li[data-item="{item.id}"] [data-role=item-feedback]')
        expect(feedback).to_be_visible()
        assert item.reason in feedback.inner_text()
    # The first task was put below the suggestion: the feedback names that risk.
    assert first.suggested != "kan-endnu-ikke"
    assert "mindre over på borgeren" in ex.locator(f'li[data-item="{first.id}"] [data-role=item-feedback]').inner_text()
    # Dragging a card on the board does the same as the select (and is saved the same way).
    ex.locator(f'.skp-zones__card[data-item="{first.id}"]').drag_to(ex.locator('.skp-zones__column[data-zone=""]'))
    assert ex.locator(f'select[data-item="{first.id}"]').input_value() == ""
    expect(ex.locator(f'li[data-item="{first.id}"] [data-role=item-feedback]')).to_contain_text("ikke placeret")
    press(tab, tab.page.locator("[data-skp-clear-all]"))
    assert saved(tab, zones.id) is None and ex.locator("[data-role=item-feedback]:not([hidden])").count() == 0
    assert ex.locator(f'select[data-item="{last.id}"]').input_value() == ""
    assert tab.errors == []


def test_zones_board_stacks_on_a_390px_phone(browser, base_url: str):
    context = browser.new_context(locale="da-DK", viewport={"width": 390, "height": 844})
    page = context.new_page()
    zones = LIB.exercises["zn-svend"]
    page.goto(base_url + "ovelser/zn-svend/")
    state = {"placements": {i.id: i.suggested for i in zones.items}, "answers": {}, "compared": False, "done": False}
    envelope = json.dumps({"v": 1, "saved": "2026-12-01T10:00:00Z", "state": state})
    page.evaluate(f"localStorage.setItem('skp-metodebanken:v1:ovelse:zn-svend', {json.dumps(envelope)})")
    page.reload()
    columns = page.locator(".skp-zones__column")
    boxes = [columns.nth(i).bounding_box() for i in range(columns.count())]
    assert len({round(b["x"]) for b in boxes}) == 1, boxes  # one column above the other
    assert all(b["x"] >= 0 and b["x"] + b["width"] <= 390 for b in boxes), boxes
    for card in page.locator(".skp-zones__card").all():
        box = card.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, (card.inner_text(), box)
        assert card.evaluate("c => c.scrollWidth <= c.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()


@pytest.mark.engine
def test_grid_decision_sheet_by_keyboard_prints_on_one_page(tab: Tab, tmp_path: Path):
    grid = LIB.exercises["cg-blive-eller-gaa"]
    tab.open("ovelser/cg-blive-eller-gaa/")
    wait_ready(tab, grid.id)
    ex = tab.page.locator(f'[data-exercise-id="{grid.id}"]')
    for key, text, weight in [("0.kort.fordele", "Ro og tryghed i aften", 1), ("1.lang.fordele", "Familien ser mig igen", 3)]:
        ex.locator(f'textarea[data-key="{key}"]').focus()
        tab.page.keyboard.type(text)
        ex.locator(f'select[data-field=weight][data-key="{key}"]').focus()
        for _ in range(weight):
            tab.page.keyboard.press("ArrowDown")
    prompt = ex.locator('textarea[data-key="0"]')
    prompt.focus()
    tab.page.keyboard.type("Han ringer til 010203-1234")
    warning = ex.locator(".skp-cpr-warning[role=alert]")
    assert "CPR-nummer" in warning.inner_text()
    for _ in range(15):
        tab.page.keyboard.press("Backspace")
    assert warning.count() == 0
    # Without a decision the sheet asks for one and keeps the handbook's view back.
    press(tab, ex.locator("[data-action=summary]"))
    result = python_result(ex)
    view_start = " ".join(grid.handbook_view.text.split()[:8])
    assert "Vælg, hvad du beslutter" in result.inner_text() and view_start not in " ".join(result.inner_text().split())
    assert saved(tab, grid.id)["done"] is False
    press(tab, ex.locator('[data-field=decision][value="0"]'), "Space")
    press(tab, ex.locator("[data-action=summary]"))
    expect(result).to_contain_text(f"Din beslutning: {grid.options[0]}")
    assert f"peger mod «{grid.options[1]}»" in result.inner_text()
    assert view_start in " ".join(result.inner_text().split()) and "vejer tungt" in result.inner_text()
    assert saved(tab, grid.id)["done"] is True
    assert saved(tab, grid.id)["weights"] == {"0.kort.fordele": 1, "1.lang.fordele": 3}
    tab.page.reload()
    wait_ready(tab, grid.id)
    expect(ex.locator('[data-role=result][data-engine="python"]')).to_contain_text(f"Din beslutning: {grid.options[0]}")
    assert ex.locator('select[data-field=weight][data-key="1.lang.fordele"]').input_value() == "3"
    assert ex.locator('[data-field=decision][value="0"]').is_checked()
    # The printed decision sheet is one A4 page with the learner's words and the handbook's view.
    tab.page.evaluate("window.print = function () {}")
    press(tab, ex.locator("[data-action=print-sheet]"))
    pdf = tmp_path / "beslutningsark.pdf"
    tab.page.pdf(path=str(pdf), format="A4")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           1" in info, info
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
    assert "Beslutningsark" in text and "Familien ser mig igen" in text and "Håndbogens syn" in text
    assert view_start in text
    assert "Nulstil øvelsen" not in text and "Spring til indhold" not in text
    assert tab.errors == []


@pytest.mark.engine
def test_naerhed_checklist_ticked_all_is_contradictory_and_comes_back(tab: Tab):
    checklist = LIB.exercises["cl-naerhed-mit-besoeg"]
    tab.open("faglighed/respekt-og-naerhed/")
    wait_ready(tab, checklist.id)
    ex = tab.page.locator(f'[data-exercise-id="{checklist.id}"]')
    for group in checklist.groups:
        for item in group.items:
            press(tab, ex.locator(f'input[data-key="{item.id}"]'), "Space")
    press(tab, ex.locator("[data-action=summary]"))
    result = python_result(ex)
    assert "kan ikke vindes" in result.inner_text()
    expect(result.locator(".skp-lean--modstridende")).to_have_count(len(checklist.groups))
    tab.page.reload()
    wait_ready(tab, checklist.id)
    expect(ex.locator('[data-role=result][data-engine="python"] .skp-lean--modstridende')).to_have_count(len(checklist.groups))
    # One honest tick: the level leans one way and the advice for that level is shown.
    press(tab, ex.locator("[data-action=reset]"))
    tid = checklist.groups[0]
    close = next(i for i in tid.items if i.tag == "for-taet")
    press(tab, ex.locator(f'input[data-key="{close.id}"]'), "Space")
    press(tab, ex.locator("[data-action=summary]"))
    lean = ex.locator('[data-role=result][data-engine="python"] .skp-lean--for-taet')
    expect(lean).to_have_count(1)
    expect(ex.locator("[data-role=result]")).to_contain_text(tid.advice_for("for-taet"))
    assert tab.errors == []


@pytest.mark.engine
def test_ramian_check_keeps_dated_entries_and_shows_the_change(tab: Tab):
    checklist = LIB.exercises["cl-ramian-relationstjek"]
    first = checklist.groups[0].items[0]
    tab.open("kontakt-og-relation/relationsarbejde/")
    seed(tab, checklist.id, {"ticked": [], "answers": {}, "history": [{"date": "2026-01-15", "ticked": []}], "done": False})
    tab.page.reload()
    wait_ready(tab, checklist.id)
    ex = tab.page.locator(f'[data-exercise-id="{checklist.id}"]')
    press(tab, ex.locator(f'input[data-key="{first.id}"]'), "Space")
    press(tab, ex.locator("[data-action=summary]"))
    result = python_result(ex)
    assert f"Siden 15.1.2026: {checklist.groups[0].title}: 0 → 1 kryds" in result.inner_text()
    history = saved(tab, checklist.id)["history"]
    assert [e["date"] for e in history] == ["2026-01-15", date.today().isoformat()]
    tab.page.reload()
    wait_ready(tab, checklist.id)
    expect(ex.locator('[data-role=result][data-engine="python"]')).to_contain_text("Siden 15.1.2026")
    assert len(saved(tab, checklist.id)["history"]) == 2  # showing it again adds no entry
    assert tab.errors == []


@pytest.mark.engine
def test_an_engine_error_keeps_progress_and_only_stale_state_resets(tab: Tab):
    checklist = LIB.exercises["cl-aktivitetskriterier"]
    item = checklist.groups[0].items[0]
    tab.open("ovelser/cl-aktivitetskriterier/")
    wait_ready(tab, checklist.id)
    ex = tab.page.locator(f'[data-exercise-id="{checklist.id}"]')
    press(tab, ex.locator(f'input[data-key="{item.id}"]'), "Space")
    tab.page.evaluate("SKPEngine.call = () => Promise.resolve({ok: false, error: 'boom', code: 'engine_error'})")
    press(tab, ex.locator("[data-action=summary]"))
    expect(ex.locator("[data-role=status]")).to_contain_text("kunne ikke beregnes")
    assert saved(tab, checklist.id) == {"ticked": [item.id], "answers": {}, "history": [], "done": False}
    assert ex.locator(f'input[data-key="{item.id}"]').is_checked()
    tab.page.evaluate("SKPEngine.call = () => Promise.resolve({ok: false, error: 'gammel', code: 'stale_state'})")
    press(tab, ex.locator("[data-action=summary]"))
    expect(ex.locator("[data-role=notice]")).to_contain_text("nulstillet")
    assert saved(tab, checklist.id) is None and not ex.locator(f'input[data-key="{item.id}"]').is_checked()
