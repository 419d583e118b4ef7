"""Printed worksheets: one exercise of each kind as participant and facilitator sheet, and a case card.

Each sheet is printed to an A4 PDF by chromium and read back with pdfinfo/pdftotext: the expected
number of pages, text on every page (no blank first page) with the sheet's head repeated, every
question and option present, a question never split from its options, and the answer text absent
from the participant sheet but present on the facilitator sheet.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import expect

from exercises.site import site_library
from tests.conftest import Tab
from tests.site.test_worksheets_html import answers, first_sentence, norm, questions

pytestmark = pytest.mark.browser
LIB = site_library()
# (exercise, sheet) → pages on A4. A change here is a layout change: look at the PDF before updating.
PAGES = {
    ("dt-underretning", "deltager"): 1,
    ("dt-underretning", "facilitator"): 3,
    ("zn-svend", "deltager"): 1,
    ("zn-svend", "facilitator"): 2,
    ("cg-doegntelefon", "deltager"): 2,
    ("cg-doegntelefon", "facilitator"): 1,
    ("cl-naerhed-mit-besoeg", "deltager"): 2,
    ("cl-naerhed-mit-besoeg", "facilitator"): 2,
}


def print_pdf(tab: Tab, path: str, pdf: Path, keys: tuple[str, ...] = ()) -> list[str]:
    """Open the page, press these keys, print it to A4 and return the normalised text of each page."""
    tab.open(path)
    tab.page.wait_for_selector("html[data-skp-ark]", state="attached")  # the sheet switch has run
    for key in keys:
        tab.page.keyboard.press(key)
    tab.page.pdf(path=str(pdf), format="A4")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    count = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    return [
        norm(subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"], capture_output=True, text=True, check=True).stdout)
        for n in range(1, count + 1)
    ]


def groups_of_options(exercise) -> list[list[str]]:
    """Blocks that must stay on one page: a tree question with its options, a checklist group."""
    blocks = [[node.question, *(o.label for o in node.options)] for node in exercise.nodes]
    blocks += [[group.title, *(item.text for item in group.items)] for group in exercise.groups]
    return [[norm(t) for t in block] for block in blocks]


@pytest.mark.parametrize(("exercise_id", "sheet"), list(PAGES), ids=lambda v: v)
def test_worksheet_prints_complete_and_only_the_facilitator_sheet_has_the_key(tab: Tab, tmp_path: Path, exercise_id: str, sheet: str):
    exercise = LIB.exercises[exercise_id]
    query = "?ark=facilitator" if sheet == "facilitator" else ""
    pages = print_pdf(tab, f"ovelser/{exercise_id}/{query}", tmp_path / f"{exercise_id}-{sheet}.pdf")
    assert len(pages) == PAGES[(exercise_id, sheet)], [p[:80] for p in pages]
    label = "Facilitatorark" if sheet == "facilitator" else "Deltagerark"
    for number, text in enumerate(pages, start=1):
        # Every page has the sheet's head: no blank page, and a loose page still says what it is.
        assert text.upper().startswith(label.upper()), f"side {number}: {text[:80]!r}"
        assert exercise.title in text
    whole = " ".join(pages)
    for text in questions(exercise):
        assert text in whole, f"mangler: {text!r}"
    if sheet == "deltager":
        allowed = " ".join(questions(exercise) + [norm(exercise.intro), norm(exercise.scenario)])
        for text in answers(exercise):
            clue = first_sentence(text) if first_sentence(text) not in allowed else text
            assert clue not in whole, f"facit på deltagerarket: {text!r}"
        for outcome in exercise.outcomes:
            assert f"vurdering: {outcome.rating_label}" not in whole
        assert "Forslag" not in whole and "Håndbogens syn" not in whole and "Håndbøgernes valg" not in whole
        for block in groups_of_options(exercise):
            page = next(p for p in pages if block[0] in p)
            assert all(text in page for text in block), f"spørgsmålet er delt fra sine svar: {block[0]!r}"
    else:
        for text in answers(exercise):
            assert text in whole, f"mangler på facilitatorarket: {text!r}"
        for outcome in exercise.outcomes:
            assert f"vurdering: {outcome.rating_label}" in whole
        assert whole.count("✓ Forslag") == len(exercise.items)
    assert not tab.errors and not tab.foreign_requests()


def test_case_card_prints_on_one_page_with_story_questions_facts_and_source(tab: Tab, tmp_path: Path):
    case = next(c for c in LIB.cases.values() if c.slug == "eva")
    pages = print_pdf(tab, f"cases/{case.slug}/", tmp_path / "casekort.pdf")
    assert len(pages) == 1
    text = pages[0]
    assert text.startswith(case.title)
    assert norm(case.story.split("\n\n")[0]) in text and "Målgruppe:" in text and "Henviser:" in text
    for question in case.questions:
        assert norm(question) in text
    assert "Kilde:" in text and "Udskriv casekort" not in text and "Alle cases" not in text


def record_prints(tab: Tab) -> None:
    """Replace the print dialog by a log of which sheet was chosen when print() was called."""
    tab.page.evaluate("() => { window.__prints = []; window.print = () => window.__prints.push(document.documentElement.dataset.skpArk); }")


def test_print_buttons_choose_the_sheet_once_and_then_follow_the_address_again(tab: Tab):
    tab.open("ovelser/zn-svend/")
    record_prints(tab)
    html = tab.page.locator("html")
    expect(html).to_have_attribute("data-skp-ark", "deltager")
    tab.page.get_by_role("button", name="Udskriv facilitatorark").focus()
    tab.page.keyboard.press("Enter")
    tab.page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    expect(html).to_have_attribute("data-skp-ark", "deltager")
    tab.page.get_by_role("button", name="Udskriv deltagerark").click()  # the exercise's own print button
    assert tab.page.evaluate("window.__prints") == ["facilitator", "deltager"]  # one print per click

    # The address decides without a button, and again after instant navigation to another page.
    tab.open("ovelser/zn-svend/?ark=facilitator")
    expect(html).to_have_attribute("data-skp-ark", "facilitator")
    tab.page.locator("article").get_by_role("link", name="Alle øvelser", exact=True).click()
    tab.page.wait_for_url("**/ovelser/")
    expect(html).to_have_attribute("data-skp-ark", "deltager")


def test_case_page_has_a_print_button(tab: Tab):
    tab.open("cases/eva/")
    record_prints(tab)
    tab.page.get_by_role("button", name="Udskriv casekort").click()
    assert tab.page.evaluate("window.__prints") == ["deltager"]


def test_a_keyboard_user_prints_no_skip_link(tab: Tab, tmp_path: Path):
    """Tab first focuses the theme's "Gå til indholdet" link, which then showed on top of the sheet."""
    pages = print_pdf(tab, "ovelser/zn-bo/", tmp_path / "ark.pdf", keys=("Tab",))
    assert tab.page.evaluate("document.activeElement.classList.contains('md-skip')")
    assert "Gå til indholdet" not in " ".join(pages)


def test_a_content_page_with_a_zones_exercise_prints_no_blank_page(tab: Tab, tmp_path: Path):
    """The ZNU sorting used to be kept whole (break-inside: avoid-page): page 1 was left empty."""
    zones = LIB.exercises["zn-svend"]
    pages = print_pdf(tab, "haandvaerket/praktiske-opgaver-og-sprog/", tmp_path / "side.pdf")
    assert all(pages), [number for number, text in enumerate(pages, start=1) if not text]
    assert "DELTAGERARK" in " ".join(pages).upper() and zones.items[0].reason not in " ".join(pages)
    first = next(number for number, text in enumerate(pages) if "DELTAGERARK" in text.upper())
    assert len(pages[first].upper().split("DELTAGERARK")[0]) > 200  # the worksheet follows the page's text on the same page
