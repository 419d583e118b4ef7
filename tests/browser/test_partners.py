"""The partners' referral checklist: keyboard, print to PDF, nothing leaves the page, nothing kept by default."""

import subprocess
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import Tab

pytestmark = pytest.mark.browser
FORM = "henvis/henvisningsskema/"
MONTHS = "januar februar marts april maj juni juli august september oktober november december".split()


def danish_today() -> str:
    today = date.today()
    return f"{today.day}. {MONTHS[today.month - 1]} {today.year}"


def type_into(tab: Tab, selector: str, text: str) -> None:
    tab.page.locator(selector).focus()
    tab.page.keyboard.type(text)


def test_referral_by_keyboard_prints_and_stays_local(tab: Tab, tmp_path: Path):
    tab.open(FORM)
    tab.page.locator("#henvisning-rolle").focus()
    tab.page.keyboard.press("ArrowDown")
    type_into(tab, "#henvisning-bekymring", "Posten hober sig op i opgang B")
    type_into(tab, "#henvisning-situation", "Har ikke set lejeren i tre uger")
    tab.page.locator("#henvisning-tegn-2").focus()
    tab.page.keyboard.press("Space")
    tab.page.locator("#henvisning-samtykke-3").focus()
    tab.page.keyboard.press("Space")
    summary = tab.page.locator("[data-role=referral-summary]").inner_text()
    assert "Posten hober sig op i opgang B" in summary and "Ved ikke" in summary
    pdf = tmp_path / "henvisning.pdf"
    tab.page.pdf(path=str(pdf), format="A4")
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout.split())
    assert "Posten hober sig op i opgang B" in text and "Har ikke set lejeren i tre uger" in text
    assert f"Dato: {danish_today()}" in text  # a printed referral says when it was made
    assert tab.foreign_requests() == []
    tab.page.reload()
    assert tab.page.locator("#henvisning-bekymring").input_value() == ""
    assert tab.errors == []


def test_saving_is_opt_in_and_clearing_forgets(tab: Tab):
    tab.open(FORM)
    type_into(tab, "#henvisning-bekymring", "Lugt fra lejligheden")
    tab.page.locator("#henvisning-gem").focus()
    tab.page.keyboard.press("Space")
    tab.page.reload()
    assert tab.page.locator("#henvisning-bekymring").input_value() == "Lugt fra lejligheden"
    assert tab.page.locator("#henvisning-gem").is_checked()
    tab.page.locator("[data-action=referral-clear]").focus()
    tab.page.keyboard.press("Enter")
    tab.page.reload()
    assert tab.page.locator("#henvisning-bekymring").input_value() == ""


def test_cpr_like_input_warns(tab: Tab):
    tab.open(FORM)
    type_into(tab, "#henvisning-situation", "Borgeren har cpr 1503671234")
    warning = tab.page.locator("#henvisning-situation ~ .skp-cpr-warning[role=alert]")
    assert "CPR-nummer" in warning.inner_text()
    assert tab.page.locator("#henvisning-situation").get_attribute("aria-describedby") == "henvisning-situation-cpr"


def test_partner_pages_show_the_contact_block(tab: Tab):
    for page in ["henvis/", "henvis/vicevaert/", "henvis/hjemmepleje/"]:
        tab.open(page)
        block = tab.page.locator(".skp-contact")
        assert block.count() >= 1 and block.first.get_attribute("data-configured") == "nej"


def test_every_partner_page_prints_as_a_one_page_leaflet(tab: Tab, site_dir: Path, tmp_path: Path):
    pages = sorted(p.parent.name for p in (site_dir / "henvis").glob("*/index.html") if p.parent.name != "henvisningsskema")
    assert len(pages) >= 8
    for name in pages:
        tab.open(f"henvis/{name}/")
        pdf = tmp_path / f"{name}.pdf"
        tab.page.pdf(path=str(pdf), format="A4")
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        assert "Pages:           1" in info, name
        text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout.split())
        assert "Når SKP ikke er den rette dør" in text and "Kontakt SKP" in text, name


def test_copy_as_text_puts_the_summary_on_the_clipboard(tab: Tab):
    tab.page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=tab.base_url.rstrip("/"))
    tab.open(FORM)
    type_into(tab, "#henvisning-bekymring", "Ingen har set ham i en måned")
    tab.page.locator("[data-action=referral-copy]").focus()
    tab.page.keyboard.press("Enter")
    expect_status = tab.page.locator("[data-role=referral-status]")
    expect_status.filter(has_text="kopieret").wait_for()
    text = tab.page.evaluate("navigator.clipboard.readText()")
    assert text.startswith("Henvisning til SKP") and "Ingen har set ham i en måned" in text
