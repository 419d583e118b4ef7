"""The learning path, Min mappe and moving one's data, played in the browser like a new hire would.

Progress and answers live only in localStorage (window.SKPStore); these tests read it back to
prove that a refused file changed nothing and that an import brings everything back.
"""

import json
import re
import subprocess
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import FilePayload, expect

from exercises.site import ROOT, site_library
from exercises.trees import recommended_path
from tests.conftest import Tab, wait_ready

pytestmark = pytest.mark.browser
LIB = site_library()
AXE = Axe()
CPR = next(c["text"] for c in json.loads((ROOT / "tests" / "data" / "cpr_cases.json").read_text())["cases"] if c["warn"])


def press(tab: Tab, locator, key: str = "Enter") -> None:
    locator.focus()
    tab.page.keyboard.press(key)


def storage(tab: Tab) -> dict[str, str]:
    return tab.page.evaluate(
        "Object.fromEntries(Object.keys(localStorage).filter(k => k.startsWith('skp-metodebanken:v')).map(k => [k, localStorage.getItem(k)]))"
    )


def mark_read(tab: Tab, path: str) -> None:
    tab.open(path)
    button = tab.page.locator("[data-action=mark-read]")
    expect(button).to_have_attribute("aria-pressed", "false")
    press(tab, button)
    expect(button).to_have_attribute("aria-pressed", "true")
    expect(tab.page.locator("[data-role=path-status]")).to_contain_text("markeret som læst")


def play_tree_to_debrief(tab: Tab, tree_id: str) -> None:
    tree = LIB.exercises[tree_id]
    tab.open(f"ovelser/{tree_id}/")
    wait_ready(tab, tree_id)
    ex = tab.page.locator(f'[data-exercise-id="{tree_id}"]')
    for number in recommended_path(tree, []):
        press(tab, ex.locator("[data-node]:not([hidden])").locator(f'[data-choice="{number}"]'))
        press(tab, ex.locator("[data-role=feedback]:not([hidden]) [data-action=continue]"))
    expect(ex.locator('[data-role=result][data-engine="python"]')).to_contain_text("Håndbøgernes vej")


def seed(tab: Tab, entries: dict) -> None:
    """Saved answers as the exercises themselves save them (through the page's store)."""
    tab.open("")
    tab.page.evaluate("(e) => Object.entries(e).forEach(([name, state]) => window.SKPStore.write(name, state))", entries)


@pytest.mark.engine
def test_a_step_is_done_when_its_pages_are_read_and_its_exercise_reaches_its_debrief(tab: Tab):
    tab.open("kom-i-gang/ny-medarbejder/")
    expect(tab.page.locator("[data-role=path-count]")).to_have_text("0 af 12 trin gennemført")
    mark_read(tab, "kontakt-og-relation/faser/")
    indicator = tab.page.locator("[data-role=path-indicator]")
    expect(indicator).to_contain_text("Trin 4 af 12 · Trin for trin")
    expect(indicator.locator("[data-role=step-state]")).to_have_text("◐ I gang")
    mark_read(tab, "kontakt-og-relation/kontaktskabelse/")
    tab.open("kom-i-gang/ny-medarbejder/")
    step = tab.page.locator('[data-path-step="kontakt"]')
    expect(step).to_have_attribute("data-state", "I gang")  # pages read, the exercise not played yet
    expect(tab.page.locator("[data-role=path-bar]")).to_have_attribute("value", "0")

    play_tree_to_debrief(tab, "dt-doeren-aabnes-ikke")
    box = tab.page.locator("[data-role=path-box]")
    expect(box.locator('[data-path-exercise="dt-doeren-aabnes-ikke"]')).to_have_attribute("data-state", "Gennemført")
    expect(tab.page.locator("[data-role=path-indicator] [data-role=step-state]")).to_have_text("✓ Gennemført")

    press(tab, box.locator("[data-role=next-step]"))  # «Næste trin» leads to step 5's first page
    expect(tab.page).to_have_url(tab.base_url + "kontakt-og-relation/relationsarbejde/")
    expect(tab.page.locator("[data-role=path-indicator]")).to_contain_text("Trin 5 af 12")

    tab.open("kom-i-gang/ny-medarbejder/")
    expect(tab.page.locator("[data-role=path-count]")).to_have_text("1 af 12 trin gennemført")
    expect(tab.page.locator("[data-role=path-bar]")).to_have_js_property("value", 1)
    expect(step.locator("[data-role=step-state]")).to_have_text("✓ Gennemført")
    expect(tab.page.locator('[data-path-step="metoder"] [data-role=step-state]')).to_have_text("○ Ikke startet")
    results = AXE.run(tab.page)
    assert not results.violations_count, results.generate_report()


def test_the_last_step_leads_back_to_the_whole_path(tab: Tab):
    tab.open("kom-i-gang/foer-foerste-besoeg-alene/")
    expect(tab.page.locator("[data-role=path-indicator]")).to_contain_text("Trin 12 af 12")
    press(tab, tab.page.locator("[data-role=next-step]"))
    expect(tab.page).to_have_url(tab.base_url + "kom-i-gang/ny-medarbejder/#trin")


def test_the_exercise_library_shows_my_state_and_filters_in_the_address(tab: Tab):
    seed(tab, {"ovelse:zn-bo": {"placements": {}, "answers": {}, "compared": True, "done": True},
               "ovelse:zn-susanne": {"placements": {}, "answers": {}, "compared": False, "done": False}})
    tab.open("ovelser/")
    expect(tab.page.locator('[data-library-exercise="zn-bo"] [data-role=item-state]')).to_have_text("✓ Gennemført")
    expect(tab.page.locator('[data-library-exercise="zn-susanne"] [data-role=item-state]')).to_have_text("◐ I gang")
    tab.page.select_option("#exlib-type", "zones")
    tab.page.check("#exlib-status")
    zones = [e for e in LIB.exercises.values() if e.kind == "zones"]
    expect(tab.page.locator("[data-role=exercise-count]")).to_have_text(f"Viser {len(zones) - 1} af {len(LIB.exercises)} øvelser")
    assert "type=zones" in tab.page.url and "status=ikke-lavet" in tab.page.url
    tab.page.reload()  # the filters come back from the address
    expect(tab.page.locator('[data-library-exercise="zn-bo"]')).to_be_hidden()
    expect(tab.page.locator('[data-library-exercise="zn-susanne"]')).to_be_visible()
    expect(tab.page.locator('[data-library-group="decision_tree"]')).to_be_hidden()
    tab.open("ovelser/?tema=dilemmaer-og-jura")
    shown = tab.page.locator("[data-library-exercise]:visible")
    expect(shown.first).to_be_visible()
    assert all(t == "Dilemmaer og jura" for t in shown.locator(".skp-exlib__theme").all_inner_texts())
    results = AXE.run(tab.page)
    assert not results.violations_count, results.generate_report()


def open_folder(tab: Tab) -> None:
    tab.open("kom-i-gang/min-mappe/")
    tab.page.locator("[data-role=my-data]:not([hidden])").wait_for()


def export(tab: Tab) -> dict:
    with tab.page.expect_download() as info:
        press(tab, tab.page.locator("[data-action=export-data]"))
    download = info.value
    assert download.suggested_filename.startswith("skp-mine-data-") and download.suggested_filename.endswith(".json")
    return json.loads(Path(download.path()).read_text(encoding="utf-8"))


def load_file(tab: Tab, content: str | bytes, name: str = "mine-data.json") -> None:
    data = content.encode("utf-8") if isinstance(content, str) else content
    tab.page.set_input_files("[data-role=import-file]", files=[FilePayload(name=name, mimeType="application/json", buffer=data)])


SEEDED = {
    "ovelse:zn-bo": {"placements": {"spise": "kan-med-hjaelp"}, "answers": {"next_step": "Vaske tøj sammen"}, "compared": True, "done": True},
    "ovelse:dt-underretning": {"choices": [1], "done": False},
    "forloeb": {"read": {"sikkerhed/index.md": "2026-12-01"}},
}


def test_export_clear_all_and_import_brings_everything_back(tab: Tab):
    seed(tab, SEEDED)
    open_folder(tab)
    before = storage(tab)
    file = export(tab)
    assert file["format"] == "skp-metodebanken/mine-data" and file["version"] == 1
    assert set(file["entries"]) == set(SEEDED)
    expect(tab.page.locator("[data-role=my-data-status]")).to_contain_text("ikke sendt nogen steder")
    press(tab, tab.page.locator("[data-skp-clear-all]"))
    assert storage(tab) == {}
    expect(tab.page.locator("[data-role=folder-empty]")).to_be_visible()

    load_file(tab, json.dumps(file))
    preview = tab.page.locator("[data-role=import-preview]")
    expect(preview).to_be_visible()
    expect(preview).to_contain_text("2 øvelser (1 gennemført), 1 læst side")
    assert storage(tab) == {}  # nothing happens before the choice
    results = AXE.run(tab.page)
    assert not results.violations_count, results.generate_report()
    tab.page.check("#skp-import-replace")
    press(tab, tab.page.locator("[data-action=import-apply]"))
    expect(tab.page.locator("[data-role=my-data-status]")).to_contain_text("erstattet")
    assert storage(tab) == before
    expect(tab.page.locator('[data-folder-exercise="zn-bo"]')).to_contain_text("Vaske tøj sammen")  # Min mappe follows


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"format": "skp-metodebanken/mine-data", "ver', "ikke en hel JSON-fil"),
        (json.dumps({"name": "noget-andet", "version": "1.0.0", "dependencies": {}}), "ikke en fil med dine data fra SKP-metodebanken"),
        (json.dumps({"format": "skp-metodebanken/mine-data", "version": 2, "exported": "2027-01-01T00:00:00Z", "storage_version": 2, "entries": {}}), "nyere udgave"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "ikke en hel JSON-fil"),
    ],
    ids=["broken", "foreign", "newer", "binary"],
)
def test_a_broken_foreign_or_newer_file_is_refused_and_nothing_changes(tab: Tab, content, message: str):
    seed(tab, SEEDED)
    open_folder(tab)
    before = storage(tab)
    load_file(tab, content)
    status = tab.page.locator("[data-role=my-data-status]")
    expect(status).to_contain_text(message)
    expect(status).to_contain_text("Intet er ændret.")
    expect(tab.page.locator("[data-role=import-preview]")).to_be_hidden()
    assert storage(tab) == before


def test_merge_keeps_both_sides(tab: Tab):
    seed(tab, {"ovelse:zn-bo": SEEDED["ovelse:zn-bo"], "forloeb": {"read": {"grundlag/index.md": "2026-12-02"}}})
    open_folder(tab)
    theirs = {
        "format": "skp-metodebanken/mine-data", "version": 1, "exported": "2026-11-30T12:00:00Z", "storage_version": 1,
        "entries": {
            "ovelse:dt-underretning": {"saved": "2026-11-30T12:00:00Z", "state": {"choices": [1], "done": False}},
            "forloeb": {"saved": "2026-11-30T12:00:00Z", "state": {"read": {"sikkerhed/index.md": "2026-11-30"}}},
        },
    }
    load_file(tab, json.dumps(theirs))
    expect(tab.page.locator("#skp-import-merge")).to_be_checked()  # merging is the safe default
    press(tab, tab.page.locator("[data-action=import-apply]"))
    expect(tab.page.locator("[data-role=my-data-status]")).to_contain_text("flettet")
    names = {k.split(":", 2)[2] for k in storage(tab)}
    assert names == {"ovelse:zn-bo", "ovelse:dt-underretning", "forloeb"}
    read = tab.page.evaluate("window.SKPStore.read('forloeb').state.read")
    assert read == {"grundlag/index.md": "2026-12-02", "sikkerhed/index.md": "2026-11-30"}


def test_the_cpr_guard_warns_before_an_export(tab: Tab):
    seed(tab, {"ovelse:zn-bo": {"placements": {}, "answers": {"next_step": CPR}, "compared": False, "done": False}})
    open_folder(tab)
    downloads: list = []
    tab.page.on("download", lambda d: downloads.append(d))
    press(tab, tab.page.locator("[data-action=export-data]"))
    warning = tab.page.locator("[data-role=export-warning]")
    expect(warning).to_be_visible()
    expect(warning).to_contain_text("ligner et CPR-nummer (i øvelsen zn-bo)")
    tab.page.wait_for_timeout(300)
    assert downloads == []
    with tab.page.expect_download():
        press(tab, tab.page.locator("[data-action=export-anyway]"))


def test_min_mappe_gathers_what_was_entered_and_prints_it(tab: Tab, tmp_path: Path):
    tree = LIB.exercises["dt-underretning"]
    walk = recommended_path(tree, [])
    seed(tab, {
        "ovelse:dt-underretning": {"choices": walk, "done": True},
        "ovelse:cg-blive-eller-gaa": {"cells": {"0.kort.fordele": "Jeg får ro"}, "answers": {"0": "Jeg sover bedre"}, "decision": "0", "weights": {"0.kort.fordele": 3}, "done": True},
        "ovelse:cl-ramian-relationstjek": {"ticked": ["foelelser"], "answers": {"usikker": "Om hun vil tale om sin søster"},
                                           "history": [{"date": "2026-11-02", "ticked": []}, {"date": "2026-12-01", "ticked": ["foelelser"]}], "done": True},
        "forloeb": {"read": {"sikkerhed/index.md": "2026-12-01"}},
    })
    # ZNU and the referral entered in the page itself
    tab.open("ovelser/zn-bo/")
    tab.page.select_option('[data-field=placement][data-item="spise"]', "kan-med-hjaelp")
    tab.page.fill("[data-key=next_step]", "Vaske tøj sammen hver torsdag")
    tab.open("henvis/henvisningsskema/")
    tab.page.locator("[data-role=referral-form] textarea").first.fill("Naboen hører råb om natten")
    tab.page.check("[data-role=referral-save]")

    open_folder(tab)
    folder = tab.page.locator("[data-role=min-mappe]")
    expect(folder.locator("[data-role=folder-empty]")).to_be_hidden()
    expect(folder.locator('[data-folder-step="sikkerhed"]')).to_contain_text("Læst: Sikkerhed og helbred (1.12.2026)")
    underretning = folder.locator('[data-folder-exercise="dt-underretning"]')
    outcome = tree.outcome(next(o.id for o in tree.outcomes if o.rating == "anbefalet"))
    expect(underretning).to_contain_text(tree.node(tree.start).options[walk[0] - 1].label)
    expect(underretning).to_contain_text("vurdering: Anbefalet")
    expect(underretning.locator("h3 a")).to_have_attribute("href", re.compile(r"ovelser/dt-underretning/$"))
    expect(folder.locator('[data-folder-exercise="zn-bo"]')).to_contain_text("Vaske tøj sammen hver torsdag")
    expect(folder.locator('[data-folder-exercise="cg-blive-eller-gaa"]')).to_contain_text("Min beslutning: Blive på herberget")
    ramian = folder.locator('[data-folder-exercise="cl-ramian-relationstjek"]')
    expect(ramian).to_contain_text("2.11.2026: 0 kryds")
    expect(ramian).to_contain_text("1.12.2026: 1 kryds")
    expect(folder.locator("[data-folder-referral]")).to_contain_text("Naboen hører råb om natten")
    expect(folder.locator('[data-folder-step="grundlag"]')).to_be_hidden()  # nothing saved there
    results = AXE.run(tab.page)
    assert not results.violations_count, results.generate_report()

    pdf = tmp_path / "mappe.pdf"
    tab.page.pdf(path=str(pdf), format="A4")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for expected in ("Min mappe", "Trin 11: Jura 2", "Vaske tøj sammen hver torsdag", "Min beslutning: Blive på herberget",
                     "1.12.2026: 1 kryds", "Naboen hører råb om natten", "Anbefalet"):
        assert expected in " ".join(text.split()), expected
    for absent in ("Gem mine data som fil", "Jeg har læst siden", "Andre øvelser"):
        assert absent not in text, absent
    assert outcome.title
