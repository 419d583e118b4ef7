"""Presenter mode (Storskærm), the room's tally and the groups' answer codes, in chromium with real Pyodide."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from exercises.answer_codes import encode
from exercises.site import site_library
from exercises.trees import recommended_path
from tests.conftest import Tab

pytestmark = pytest.mark.browser
LIB = site_library()
AXE = Axe()
TREE = LIB.exercises["dt-anonymitet"]
ZONES = LIB.exercises["zn-bo"]
CASE = next(iter(LIB.cases.values()))
SCREEN = ".skp-presenter"
ROOM_KEY = "skp-metodebanken:v1:storskaerm:"


def engine_ready(page: Page, exercise_id: str) -> None:
    """The engine is ready (the exercise may be hidden behind the big screen, so only attached)."""
    page.wait_for_selector(f'[data-exercise-id="{exercise_id}"][data-runtime="ready"]', state="attached", timeout=120_000)


def presenting(page: Page) -> bool:
    return page.evaluate("document.documentElement.classList.contains('skp-storskaerm')")


def font_px(page: Page, selector: str) -> float:
    return page.evaluate(f"parseFloat(getComputedStyle(document.querySelector({selector!r})).fontSize)")


def visible(page: Page, selector: str) -> bool:
    return page.locator(selector).first.is_visible()


def test_by_address_full_width_large_type_and_no_navigation_at_1920(tab: Tab):
    tab.page.set_viewport_size({"width": 1920, "height": 1080})
    tab.open(f"ovelser/{TREE.id}/?visning=storskaerm")
    expect(tab.page.locator(SCREEN)).to_be_visible()
    assert presenting(tab.page)
    for chrome in (".md-sidebar--primary", ".md-sidebar--secondary", ".md-header", ".md-footer"):
        assert not visible(tab.page, chrome), chrome
    assert font_px(tab.page, ".skp-presenter .skp-tree__question") >= 32
    assert font_px(tab.page, ".skp-presenter .skp-tree__option") >= 32
    # The screen fills the width: the exercise and the tally use the whole 1920 px.
    width = tab.page.evaluate("document.querySelector('.skp-presenter').getBoundingClientRect().width")
    assert width >= 1900
    # Bookmarkable: a reload keeps presenter mode.
    tab.page.reload()
    expect(tab.page.locator(SCREEN)).to_be_visible()
    assert "visning=storskaerm" in tab.page.url
    assert tab.errors == []


def test_readable_at_1280_by_720_and_on_a_phone(tab: Tab):
    for width, height, least in ((1280, 720, 24), (390, 844, 18)):
        tab.page.set_viewport_size({"width": width, "height": height})
        tab.open(f"ovelser/{ZONES.id}/?visning=storskaerm")
        tab.page.keyboard.press("ArrowRight")
        assert font_px(tab.page, ".skp-presenter .skp-presenter__question") >= least
        assert font_px(tab.page, ".skp-presenter .skp-presenter__option") >= least
        overflow = tab.page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, f"{width}px: the page scrolls sideways by {overflow}px"


def test_by_button_and_shortcut_and_escape_leaves(tab: Tab):
    tab.open(f"ovelser/{TREE.id}/")
    opener = tab.page.locator("[data-presenter=open]")
    expect(opener).to_have_text("Storskærm")
    opener.click()
    expect(tab.page.locator(SCREEN)).to_be_visible()
    assert "visning=storskaerm" in tab.page.url
    tab.page.keyboard.press("Escape")
    expect(tab.page.locator(SCREEN)).to_have_count(0)
    assert not presenting(tab.page) and "visning" not in tab.page.url
    assert tab.page.locator(".md-sidebar--primary").is_visible()
    tab.page.locator("body").press("v")
    expect(tab.page.locator(SCREEN)).to_be_visible()
    tab.page.locator("[data-presenter=close]").click()
    assert "visning" not in tab.page.url
    # Typing a v in a text field is typing, not the shortcut.
    field = tab.page.locator(".md-search__input")
    field.click()
    field.type("v")
    assert not presenting(tab.page)


def test_material_shortcuts_still_work_outside_presenter_mode(tab: Tab):
    # A content page with an exercise in it: v is ours, s (search) and n (next page) stay Material's.
    tab.open("haandvaerket/utryghed/")
    assert tab.page.locator("[data-presenter=open]").count() >= 1
    tab.page.locator("body").press("s")
    assert tab.page.evaluate("document.activeElement.matches('[data-md-component=search-query]')")
    tab.page.keyboard.press("Escape")
    # Material closes search (and hands focus back) on its own schedule: n only counts once the
    # search toggle is off and nothing is focused, or it is typed into the search box instead.
    expect(tab.page.locator("#__search")).not_to_be_checked()
    tab.page.evaluate("document.activeElement.blur()")
    assert tab.page.evaluate("document.activeElement === document.body")
    tab.page.keyboard.press("n")  # Material: the next page in the navigation
    tab.page.wait_for_function("() => !location.pathname.includes('utryghed')")
    assert not presenting(tab.page)


@pytest.mark.engine
def test_reveal_hides_and_shows_feedback_and_outcome(tab: Tab):
    tab.open(f"ovelser/{TREE.id}/?visning=storskaerm")
    engine_ready(tab.page, TREE.id)
    screen = tab.page.locator(SCREEN)
    first = TREE.node(TREE.start)
    assert first is not None
    screen.locator(f'[data-node="{first.id}"] [data-choice="1"]').click()
    body = screen.locator("[data-role=feedback-body]")
    expect(screen.locator("[data-role=feedback]")).to_be_visible()
    expect(body).to_be_hidden()
    expect(screen.locator(".skp-presenter__chosen")).to_contain_text(first.options[0].label)
    tab.page.keyboard.press("a")
    expect(body).to_be_visible()
    expect(body).to_contain_text(first.options[0].feedback[:30])
    tab.page.keyboard.press("a")
    expect(body).to_be_hidden()
    # Walk the handbooks' path to the outcome: its rating and text wait for the reveal too.
    # The engine answers each choice asynchronously: "next" continues from the feedback once it shows,
    # as a facilitator does (pressed earlier, the question is still the step and → does nothing).
    feedback = screen.locator("[data-role=feedback]")
    for number in recommended_path(TREE, [1])[1:]:
        expect(feedback).to_be_visible()
        tab.page.keyboard.press("ArrowRight")  # continue from the feedback
        screen.locator(f'[data-node]:not([hidden]) [data-choice="{number}"]').click()
    expect(feedback).to_be_visible()
    tab.page.keyboard.press("ArrowRight")
    rating = screen.locator("[data-outcome]:not([hidden]) .skp-tree__rating")
    expect(screen.locator("[data-outcome]:not([hidden]) .skp-tree__outcome-title")).to_be_visible()
    expect(rating).to_be_hidden()
    screen.locator("[data-presenter=reveal]").click()
    expect(rating).to_be_visible()
    # The end: the room's path beside the handbooks'.
    tab.page.keyboard.press("ArrowRight")
    end = screen.locator(".skp-presenter__extra table").first
    expect(end).to_contain_text("Rummets valg")
    expect(end).to_contain_text(first.options[0].label)
    assert tab.errors == []


def test_a_tally_is_recorded_revealed_kept_and_cleared(tab: Tab):
    tab.open(f"ovelser/{TREE.id}/?visning=storskaerm")
    first = TREE.node(TREE.start)
    assert first is not None
    best = next(n for n, o in enumerate(first.options, 1) if o.recommended)
    for key in ("1", "2", "2"):
        tab.page.keyboard.press(key)
    tally = tab.page.locator(".skp-tally")
    expect(tally.locator('[data-tally-count="1"]')).to_have_text("1")
    expect(tally.locator('[data-tally-count="2"]')).to_have_text("2")
    tally.locator(".skp-tally__minus").nth(1).click()
    expect(tally.locator('[data-tally-count="2"]')).to_have_text("1")
    expect(tally.locator("meter")).to_have_count(0)  # no distribution before the reveal
    tab.page.keyboard.press("a")
    expect(tally.locator("meter")).to_have_count(len(first.options))
    expect(tally.locator(".skp-tally__row.is-recommended")).to_contain_text(first.options[best - 1].label)
    expect(tally.locator(".is-recommended .skp-tally__badge")).to_have_text("Håndbøgernes valg")
    expect(tally).to_contain_text("50 %")
    # Kept in this browser only, under the site's prefix, and still there after a reload.
    assert tab.page.evaluate(f"localStorage.getItem('{ROOM_KEY}{TREE.id}')") is not None
    tab.page.reload()
    expect(tab.page.locator('.skp-tally [data-tally-count="2"]')).to_have_text("1")
    # "Ny runde" clears it.
    tab.page.locator("[data-presenter=new-round]").click()
    expect(tab.page.locator('.skp-tally [data-tally-count="1"]')).to_have_text("0")
    assert tab.page.evaluate(f"localStorage.getItem('{ROOM_KEY}{TREE.id}')") is None
    # By keyboard: the + button keeps the focus while it counts (the panel is redrawn each time).
    tab.page.locator(".skp-tally__plus").first.focus()
    tab.page.keyboard.press("Enter")
    tab.page.keyboard.press("Enter")
    expect(tab.page.locator('.skp-tally [data-tally-count="1"]')).to_have_text("2")
    assert tab.page.evaluate("document.activeElement.dataset.focusKey") == "tally-0-plus"
    # "Ryd alle mine data" clears it too.
    tab.page.keyboard.press("1")
    tab.page.keyboard.press("Escape")
    tab.page.locator("[data-skp-clear-all]").click()
    assert tab.page.evaluate(f"localStorage.getItem('{ROOM_KEY}{TREE.id}')") is None
    tab.page.locator("[data-presenter=open]").click()
    expect(tab.page.locator('.skp-tally [data-tally-count="1"]')).to_have_text("0")


def make_code(browser, base_url: str, placements: dict[str, str]) -> str:
    """A group on its own device: sort the tasks, press «Lav svarkode», read the code."""
    context = browser.new_context(locale="da-DK", service_workers="block")
    page = context.new_page()
    page.goto(base_url + f"ovelser/{ZONES.id}/")
    engine_ready(page, ZONES.id)
    for item, zone in placements.items():
        page.locator(f'select[data-item="{item}"]').select_option(zone)
    page.locator("[data-presenter=make-code]").click()
    code = page.locator("[data-presenter=code]")
    expect(code).to_be_visible(timeout=30_000)
    expect(page.locator(".skp-answer-code svg.skp-qr")).to_be_visible()
    text = code.inner_text()
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{5,12}", text), text
    context.close()
    return text


@pytest.mark.engine
def test_two_groups_codes_are_compared_and_wrong_or_foreign_codes_refused(browser, base_url: str, tab: Tab):
    items = [i.id for i in ZONES.items]
    first = make_code(browser, base_url, {items[0]: "kan-selv", items[1]: "kan-endnu-ikke"})
    second = make_code(browser, base_url, {items[0]: "kan-med-hjaelp"})
    assert first != second
    tab.open(f"ovelser/{ZONES.id}/?visning=storskaerm")
    engine_ready(tab.page, ZONES.id)
    tab.page.locator("[data-presenter=codes]").click()
    field = tab.page.locator("[data-presenter=code-input]")
    message = tab.page.locator("[data-presenter=code-message]")
    for code in (first, second.lower()):
        field.fill(code)
        field.press("Enter")
    table = tab.page.locator("[data-presenter=comparison] table")
    expect(table.locator("thead th")).to_have_count(4)  # item, two groups, the handbooks
    row = table.locator("tbody tr").first
    expect(row.locator("td").nth(0)).to_have_text(re.compile("^Kan selv"))
    expect(row.locator("td").nth(1)).to_have_text(re.compile("^Kan med hjælp"))
    expect(table.locator("tbody tr").nth(1).locator("td").nth(0)).to_have_text(re.compile("^Kan endnu ikke"))
    # A typo, a code from another exercise, a code that is far too long.
    typo = first[:-1] + ("0" if first[-1] != "0" else "1")
    field.fill(typo)
    field.press("Enter")
    expect(message).to_contain_text("ikke skrevet rigtigt af")
    field.fill(encode(TREE, {"choices": [1]}))
    field.press("Enter")
    expect(message).to_contain_text("anden øvelse")
    field.fill("ABCDEFGHJKMNP")
    field.press("Enter")
    expect(message).to_contain_text("for lang")
    expect(table.locator("thead th")).to_have_count(4)  # nothing refused was added
    # Scanning is optional: without camera permission it says so and typing still works.
    tab.page.locator("[data-presenter=scan]").click()
    expect(message).to_contain_text("Skriv koden i feltet i stedet")
    # The codes are the facilitator's only, and "Ny runde" clears them.
    assert tab.page.evaluate(f"JSON.parse(localStorage.getItem('{ROOM_KEY}{ZONES.id}')).state.codes.length") == 2
    tab.page.locator("[data-presenter=new-round]").click()
    tab.page.locator("[data-presenter=codes]").click()
    expect(tab.page.locator("[data-presenter=comparison]")).to_have_count(0)
    assert tab.foreign_requests() == []


def test_a_case_page_steps_through_story_and_questions(tab: Tab):
    tab.open(CASE.page.removesuffix(".md") + "/")
    tab.page.locator("[data-presenter=open]").click()
    screen = tab.page.locator(SCREEN)
    expect(screen.locator("h1")).to_have_text(CASE.title)
    stories = [p.strip() for p in CASE.story.split("\n\n") if p.strip()]
    steps = 1 + len(stories) + len(CASE.questions)
    expect(screen.locator(".skp-presenter__position")).to_have_text(f"Trin 1 af {steps}")
    tab.page.keyboard.press("ArrowRight")
    expect(screen.locator(".skp-presenter__story")).to_contain_text(stories[0][:30])
    for _ in range(steps):
        tab.page.keyboard.press("PageDown")
    expect(screen.locator(".skp-presenter__position")).to_have_text(f"Trin {steps} af {steps}")
    expect(screen.locator(".skp-presenter__question")).to_contain_text(CASE.questions[-1][:30])
    tab.page.keyboard.press("ArrowLeft")
    expect(screen.locator(".skp-presenter__position")).to_have_text(f"Trin {steps - 1} af {steps}")
    assert screen.locator("[data-presenter=reveal]").is_hidden()


PAGES = [f"ovelser/{e.id}/" for e in {e.kind: e for e in LIB.exercises.values()}.values()] + [CASE.page.removesuffix(".md") + "/"]


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.engine
def test_presenter_mode_passes_axe_and_stays_local(tab: Tab, path: str):
    tab.page.set_viewport_size({"width": 1920, "height": 1080})
    tab.open(path + "?visning=storskaerm")
    expect(tab.page.locator(SCREEN)).to_be_visible()
    exercise = tab.page.locator("[data-exercise-id]")
    if exercise.count():
        engine_ready(tab.page, exercise.first.get_attribute("data-exercise-id") or "")
        if "/dt-" not in path:
            tab.page.keyboard.press("ArrowRight")  # past the introduction to the first item
        tab.page.keyboard.press("1")
        tab.page.keyboard.press("a")
        tab.page.locator("[data-presenter=codes]").click()
    results = AXE.run(tab.page)
    assert not results.violations_count, results.generate_report()
    assert tab.foreign_requests() == []
    assert tab.errors == []


@pytest.mark.engine
def test_the_qr_library_comes_from_the_site_itself(tab: Tab):
    tab.open(f"ovelser/{ZONES.id}/")
    engine_ready(tab.page, ZONES.id)
    tab.page.locator("[data-presenter=make-code]").click()
    expect(tab.page.locator(".skp-answer-code svg.skp-qr")).to_be_visible(timeout=30_000)
    assert any(url.endswith("/assets/vendor/qrcode-generator/qrcode.mjs") for url in tab.requests)
    # The drawn QR code reads back as the same code with the site's own reader (jsQR, as a module).
    read = tab.page.evaluate(
        """async () => {
          const jsQR = (await import(new URL('assets/vendor/jsqr/jsQR.mjs', window.__md_scope).href)).default;
          const svg = document.querySelector('.skp-answer-code svg.skp-qr');
          const image = new Image();
          image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(new XMLSerializer().serializeToString(svg));
          await image.decode();
          const canvas = document.createElement('canvas');
          canvas.width = canvas.height = 300;
          const context = canvas.getContext('2d');
          context.drawImage(image, 0, 0, 300, 300);
          const found = jsQR(context.getImageData(0, 0, 300, 300).data, 300, 300);
          return [found && found.data, typeof window.jsQR, typeof window.qrcode];
        }"""
    )
    code = tab.page.locator("[data-presenter=code]").inner_text()
    assert read == [code, "undefined", "undefined"]
    assert tab.foreign_requests() == []
