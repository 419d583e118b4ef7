"""Nothing lost: the engine dies, hangs or errs; storage is full; data is cleared in another tab."""

import json
import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from exercises.site import site_library
from exercises.trees import all_paths
from tests.conftest import Tab, wait_ready

pytestmark = pytest.mark.browser
LIB = site_library()
TREE = "dt-vaergemaal"
GRID = "cg-doegntelefon"
CPR_CASES = json.loads((Path(__file__).resolve().parents[1] / "data" / "cpr_cases.json").read_text(encoding="utf-8"))["cases"]
QUOTA = """
Storage.prototype.setItem = function () {
  throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
};
"""


def saved(tab: Tab, name: str):
    raw = tab.page.evaluate(f"localStorage.getItem('skp-metodebanken:v1:{name}')")
    return json.loads(raw)["state"] if raw else None


def choose(tab: Tab, exercise, number: int) -> None:
    """Choose an answer and go on past its feedback, as a learner does."""
    exercise.locator(f'[data-node]:not([hidden]) [data-choice="{number}"]').click()
    exercise.locator("[data-role=feedback]:not([hidden]) [data-action=continue]").click()


@pytest.mark.engine
def test_worker_killed_mid_exercise_keeps_the_answers_and_try_again_works(tab: Tab):
    tab.open(f"ovelser/{TREE}/")
    wait_ready(tab, TREE)
    ex = tab.page.locator(f'[data-exercise-id="{TREE}"]')
    path = max(all_paths(LIB.exercises[TREE]), key=len)[:2]
    choose(tab, ex, path[0])
    expect(ex.locator("[data-role=path-list] li")).to_have_count(1)
    tab.page.evaluate("window.SKPEngine.worker.terminate()")
    choose(tab, ex, path[1])  # sent to a dead worker: the call times out, the page walks on by itself
    tab.page.wait_for_selector(f'[data-exercise-id="{TREE}"][data-runtime="unavailable"]', timeout=25_000)
    expect(ex.locator("[data-role=path-list] li")).to_have_count(2)
    assert saved(tab, f"ovelse:{TREE}")["choices"] == path
    assert "holdt op med at svare" in ex.locator("[data-role=status]").inner_text()
    assert "nulstillet" not in ex.locator("[data-role=notice]").inner_text()  # told its answers are kept, never wiped
    ex.get_by_role("button", name="Prøv igen").click()
    wait_ready(tab, TREE)
    expect(ex.locator('[data-role=path][data-engine="python"] li')).to_have_count(2)
    assert saved(tab, f"ovelse:{TREE}")["choices"] == path
    assert tab.errors == []


@pytest.mark.engine
def test_an_engine_error_never_touches_saved_progress(tab: Tab):
    # The page's copy of the exercise is broken (Python cannot read it): the engine answers with an error.
    tab.page.add_init_script(
        f"localStorage.setItem('skp-metodebanken:v1:ovelse:{TREE}', JSON.stringify({{v: 1, state: {{choices: [1], done: false}}}}))"
    )

    def broken_definition(route):
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace('"audience":', '"publikum":'))

    tab.page.route(re.compile(rf".*/ovelser/{TREE}/$"), broken_definition)
    tab.open(f"ovelser/{TREE}/")
    wait_ready(tab, TREE)
    ex = tab.page.locator(f'[data-exercise-id="{TREE}"]')
    tab.page.wait_for_timeout(500)  # the engine's (failed) walk has come back
    assert "nulstillet" not in ex.locator("[data-role=notice]").inner_text()  # told its answers are kept, never wiped
    expect(ex.locator("[data-role=path-list] li")).to_have_count(1)
    assert saved(tab, f"ovelse:{TREE}")["choices"] == [1]
    assert tab.errors == []


@pytest.mark.parametrize("broken", ["truncated-wasm", "stdlib-500"])
@pytest.mark.engine
def test_a_broken_runtime_download_ends_unavailable_in_bounded_time_with_a_cause(tab: Tab, site_dir: Path, broken: str):
    if broken == "truncated-wasm":
        head = (site_dir / "pyodide" / "pyodide.asm.wasm").read_bytes()[:200_000]
        tab.page.route(
            re.compile(r".*/pyodide/pyodide\.asm\.wasm$"),
            lambda route: route.fulfill(status=200, body=head, content_type="application/wasm"),
        )
    else:
        tab.page.route(re.compile(r".*/pyodide/python_stdlib\.zip$"), lambda route: route.fulfill(status=500, body="fejl"))
    started = time.monotonic()
    tab.open("kom-i-gang/sadan-virker-ovelserne/")
    tab.page.wait_for_selector('[data-exercise-id="zn-bo"][data-runtime="unavailable"]', timeout=45_000)
    assert time.monotonic() - started < 45
    status = tab.page.locator('[data-exercise-id="zn-bo"] [data-role=status]').inner_text()
    assert "feedback" in status and "virker stadig" in status and "Python" not in status
    assert "ikke kunne indlæses" in status  # a broken file, not "this browser"
    assert tab.errors == []


def test_clear_all_in_one_tab_stops_the_other_tab_from_writing_back(tab: Tab):
    first = tab.page
    first.goto(tab.base_url + f"ovelser/{GRID}/")
    cell = first.locator(f'[data-exercise-id="{GRID}"] [data-field=cell]').first
    cell.fill("Ro i aften")
    assert saved(tab, f"ovelse:{GRID}")["cells"]
    second = first.context.new_page()
    second.goto(tab.base_url + "grundlag/")
    second.locator("[data-skp-clear-all]").click()
    expect(cell).to_have_value("")  # the first tab learned of it
    cell.press_sequentially("x")
    assert first.evaluate("Object.keys(localStorage).filter(k => k.startsWith('skp-metodebanken:'))") == []
    notice = first.locator(f'[data-exercise-id="{GRID}"] [data-role=notice]')
    assert "slettet i et andet vindue" in notice.inner_text()
    assert tab.errors == []


def test_full_storage_is_said_out_loud_and_the_form_does_not_claim_to_save(tab: Tab):
    tab.page.add_init_script(QUOTA)
    tab.open("henvis/henvisningsskema/")
    tab.page.locator("#henvisning-gem").check()
    tab.page.locator("#henvisning-bekymring").press_sequentially("Lugt")
    status = tab.page.locator("[data-role=referral-status]").inner_text()
    assert "kan ikke gemmes" in status and "gemmes nu" not in status
    tab.open(f"ovelser/{GRID}/")
    tab.page.locator(f'[data-exercise-id="{GRID}"] [data-field=cell]').first.press_sequentially("Ro")
    assert "kunne ikke gemmes" in tab.page.locator(f'[data-exercise-id="{GRID}"] [data-role=notice]').inner_text()
    assert tab.errors == []


def test_saved_state_is_validated_and_a_newer_version_is_kept(tab: Tab):
    tab.page.add_init_script(
        "localStorage.setItem('skp-metodebanken:v1:ovelse:zn-bo', JSON.stringify({v: 1, state: {placements: {}, answers: 5}}));"
        "localStorage.setItem('skp-metodebanken:v2:ovelse:cl-aktivitetskriterier', '{\"v\": 2}');"
    )
    tab.open("ovelser/zn-bo/")
    ex = tab.page.locator('[data-exercise-id="zn-bo"]')
    assert "kunne ikke læses" in ex.locator("[data-role=notice]").inner_text()
    ex.locator("textarea").first.press_sequentially("Næste skridt")
    tab.open("ovelser/cl-aktivitetskriterier/")
    assert "nyere version" in tab.page.locator("[data-role=notice]").inner_text()
    assert tab.page.evaluate("localStorage.getItem('skp-metodebanken:v2:ovelse:cl-aktivitetskriterier')") == '{"v": 2}'
    assert tab.errors == []


def test_cpr_table_in_the_browser_and_the_warning_survives_a_reload(tab: Tab):
    tab.open("henvis/henvisningsskema/")
    results = tab.page.evaluate("cases => cases.map(c => window.SKPPrivacy.looksLikeCpr(c.text))", CPR_CASES)
    assert results == [c["warn"] for c in CPR_CASES]
    tab.page.locator("#henvisning-gem").check()
    tab.page.locator("#henvisning-situation").fill("Borgeren har cpr 01 01 90 1234")
    tab.page.locator("#henvisning-situation").dispatch_event("input")
    tab.page.reload()
    assert "CPR-nummer" in tab.page.locator("#henvisning-situation ~ .skp-cpr-warning").inner_text()


def test_dropping_text_with_quotes_on_a_zone_and_the_404_page_raise_nothing(tab: Tab):
    tab.open("ovelser/zn-bo/")
    tab.page.evaluate(
        """() => {
          const data = new DataTransfer();
          data.setData("text/plain", 'et "citat"');
          const column = document.querySelector('[data-exercise-id="zn-bo"] .skp-zones__column');
          column.dispatchEvent(new DragEvent("drop", {dataTransfer: data, bubbles: true, cancelable: true}));
        }"""
    )
    tab.open("404.html")
    tab.page.wait_for_timeout(300)
    assert tab.errors == []


def test_back_after_clear_all_does_not_bring_typed_text_back(tab: Tab):
    tab.open("henvis/henvisningsskema/")
    tab.page.locator("#henvisning-bekymring").press_sequentially("Lugt fra lejligheden")
    tab.open("grundlag/")
    tab.page.locator("[data-skp-clear-all]").click()
    tab.page.go_back()
    tab.page.wait_for_load_state("load")
    assert tab.page.locator("#henvisning-bekymring").input_value() == ""
    assert tab.page.locator("[data-role=referral-summary]").inner_text() == ""
