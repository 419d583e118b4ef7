"""Issue 10, temadag: case filters kept in the address; agendas, evaluation form and case card in print."""

import re
import subprocess
from pathlib import Path

import pytest

from exercises.site import site_library
from tests.conftest import Tab

pytestmark = pytest.mark.browser
LIB = site_library()


def expected_count(**facets: str) -> int:
    def values(case, facet):
        value = getattr(case, facet)
        return [value] if isinstance(value, str) else list(value)

    return sum(1 for c in LIB.cases.values() if all(v in values(c, f) for f, v in facets.items()))


def count_text(tab: Tab) -> str:
    return tab.page.locator("[data-role=case-count]").inner_text()


def query(tab: Tab) -> str:
    return tab.page.evaluate("location.search")


def test_a_filter_goes_into_the_address_and_survives_a_reload(tab: Tab):
    tab.open("cases/")
    tab.page.select_option("#filter-phases", "brobygning")
    assert query(tab) == "?fase=brobygning"
    tab.page.select_option("#filter-themes", "bolig")
    assert query(tab) == "?fase=brobygning&tema=bolig"
    n = expected_count(phases="brobygning", themes="bolig")
    assert 0 < n < len(LIB.cases)
    assert tab.page.locator(".skp-card:visible").count() == n
    tab.page.reload()
    assert tab.page.locator("#filter-phases").input_value() == "brobygning"
    assert tab.page.locator("#filter-themes").input_value() == "bolig"
    assert tab.page.locator(".skp-card:visible").count() == n
    assert count_text(tab) == f"Viser {n} af {len(LIB.cases)} cases"
    # The count is still the live region that announces each change.
    count = tab.page.locator("[data-role=case-count]")
    assert count.get_attribute("role") == "status" and count.get_attribute("aria-live") == "polite"
    tab.page.locator("[data-role=case-filters] button[type=reset]").click()
    tab.page.wait_for_function("() => location.search === ''")
    assert tab.page.locator(".skp-card:visible").count() == len(LIB.cases)
    assert not tab.errors, tab.errors


def test_a_shared_address_opens_filtered_and_unknown_values_are_dropped(tab: Tab):
    tab.open("cases/?maalgruppe=sindslidende&henviser=findes-ikke")
    n = expected_count(maalgrupper="sindslidende")
    assert 0 < n < len(LIB.cases)
    assert tab.page.locator("#filter-maalgrupper").input_value() == "sindslidende"
    assert tab.page.locator("#filter-henviser").input_value() == ""
    assert tab.page.locator(".skp-card:visible").count() == n
    assert count_text(tab) == f"Viser {n} af {len(LIB.cases)} cases"
    assert query(tab) == "?maalgruppe=sindslidende"  # what is shared next is what is shown now


def test_back_and_forward_through_instant_navigation_keep_the_filter(tab: Tab):
    tab.open("cases/")
    tab.page.select_option("#filter-themes", "misbrug")
    n = expected_count(themes="misbrug")
    first = tab.page.locator(".skp-card:visible a").first
    title = first.inner_text()
    first.click()
    tab.page.wait_for_function("() => document.querySelector('article h1') && !location.pathname.endsWith('/cases/')")
    assert title in tab.page.locator("article h1").inner_text()
    tab.page.go_back()
    tab.page.wait_for_function("() => location.pathname.endsWith('/cases/')")
    tab.page.wait_for_function(f"() => document.querySelectorAll('.skp-card:not([hidden])').length === {n}")
    assert tab.page.locator("#filter-themes").input_value() == "misbrug"
    assert query(tab) == "?tema=misbrug"
    tab.page.go_forward()
    tab.page.wait_for_function("() => !location.pathname.endsWith('/cases/')")
    # A plain link to the library (no query) shows every case again, in the same visit.
    tab.page.locator("a[href$='cases/']").last.click()
    tab.page.wait_for_function(f"() => location.pathname.endsWith('/cases/') && document.querySelectorAll('.skp-card:not([hidden])').length === {len(LIB.cases)}")
    assert tab.page.locator("#filter-themes").input_value() == ""
    assert not tab.errors, tab.errors


def pdf_text(tab: Tab, path: Path) -> tuple[int, str]:
    tab.page.pdf(path=str(path), format="A4", print_background=True)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)$", info, re.M).group(1))
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return pages, " ".join(text.split())


def test_an_agenda_prints_as_a_tidy_handout(tab: Tab, tmp_path: Path):
    tab.open("kom-i-gang/temadag/dagsorden-80-minutter/")
    pages, text = pdf_text(tab, tmp_path / "agenda.pdf")
    assert pages <= 2, pages
    assert text.startswith("Dagsorden: 80 minutter"), text[:200]  # no blank first page, no header
    for row in ("0–10", "Velkomst og rammer", "Beslutningstræet", "Storskærm", "75–80"):
        assert row in text, row
    for chrome in ("gemmes kun i denne browser", "Søg", "Sådan virker øvelserne"):  # footer, header, nav
        assert chrome not in text, chrome


def test_the_evaluation_form_prints_with_its_scale_and_room_to_write(tab: Tab, tmp_path: Path):
    tab.open("kom-i-gang/temadag/evaluering/")
    pages, text = pdf_text(tab, tmp_path / "evaluering.pdf")
    assert pages <= 2, pages
    assert text.startswith("Evalueringsskema til temadagen"), text[:200]
    for part in ("Helt uenig", "Helt enig", "Hvad var det vigtigste, du lærte i dag?", "Hvilket emne vil du gerne have"):
        assert part in text, part
    assert "gemmes kun i denne browser" not in text and "Tilbage til Temadag" not in text


def test_the_participant_case_card_leaves_the_facilitator_notes_out(tab: Tab, tmp_path: Path):
    case = LIB.cases["CASE-07"]
    assert case.temadag is not None
    tab.open(case.page.removesuffix(".md") + "/")
    tab.page.locator(".skp-facilitator > summary").click()  # even when opened on screen
    assert tab.page.locator(".skp-facilitator h3").first.is_visible()
    pages, text = pdf_text(tab, tmp_path / "case.pdf")
    assert pages == 1
    assert "Til facilitatoren" not in text and case.temadag.debrief[0][:30] not in text


def test_axe_passes_on_the_open_facilitator_block_and_the_filtered_library(tab: Tab):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    tab.open(LIB.cases["CASE-05"].page.removesuffix(".md") + "/")
    summary = tab.page.locator(".skp-facilitator > summary")
    summary.focus()
    tab.page.keyboard.press("Enter")  # opens by keyboard
    assert tab.page.locator(".skp-facilitator").get_attribute("open") is not None
    assert axe.run(tab.page).violations_count == 0
    tab.open("cases/?fase=aflevering")
    assert tab.page.locator(".skp-card:visible").count() == expected_count(phases="aflevering")
    assert axe.run(tab.page).violations_count == 0
