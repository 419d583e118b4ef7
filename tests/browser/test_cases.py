"""The case library in the browser: filterable by keyboard, usable without JavaScript, each case card
printable on one A4 page. What the built HTML holds (every case, its questions, links both ways) is
checked without a browser in tests/site/test_case_pages.py."""

import re
import subprocess
from pathlib import Path

import pytest

from exercises.site import site_library
from tests.conftest import Tab

pytestmark = pytest.mark.browser
LIB = site_library()


def test_filters_work_by_keyboard_and_announce_the_count(tab: Tab):
    tab.open("cases/")
    select = tab.page.locator("#filter-maalgrupper")
    select.focus()
    tab.page.keyboard.press("ArrowDown")  # first target group
    key = select.input_value()
    expected = sum(1 for c in LIB.cases.values() if key in c.maalgrupper)
    assert tab.page.locator(".skp-card:visible").count() == expected
    assert f"Viser {expected} af {len(LIB.cases)} cases" in tab.page.locator("[data-role=case-count]").inner_text()


def test_grouped_lists_work_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "cases/")
    assert page.locator("[data-role=case-filters]").is_hidden()
    for phase, label in LIB.vocabulary["phases"].items():
        if any(phase in c.phases for c in LIB.cases.values()):
            assert page.locator(f"#phases-{phase}").inner_text() == label
    context.close()


def test_every_printed_case_card_fits_one_a4_page_with_the_questions(tab: Tab, tmp_path: Path):
    for case in LIB.cases.values():
        tab.open(case.page.removesuffix(".md") + "/")
        pdf = tmp_path / f"{case.slug}.pdf"
        tab.page.pdf(path=str(pdf), format="A4", print_background=True)
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        assert re.search(r"^Pages:\s+1$", info, re.M), (case.title, info)
        text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout.split())
        assert "Noter:" in text
        for question in case.questions:
            assert " ".join(question.split())[:40] in text, (case.title, question)
