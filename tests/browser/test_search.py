"""Danish search: inflected forms find the page that uses the base form (lunr's Danish stemmer),
compounds find their parts, and the pages people look for come first.

All queries run in one tab, as one visitor searching again and again: the index is fetched and
built once (loading it on first use is tests/browser/test_search_on_demand.py's subject)."""

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, expect

from tests.conftest import Tab

pytestmark = pytest.mark.browser

QUERIES = [
    ("tavshedspligten", "dilemmaer/tavshedspligt-og-samtykke/"),
    ("henvisninger", "henvis/henvisningsskema/"),
    ("samarbejdspartnerne", "opsogende/indirekte/"),
    ("værgemålet", "dilemmaer/vaergemaal/"),
    ("omsorgspligten", "dilemmaer/omsorgspligt/"),
    ("underretningen", "dilemmaer/underretningspligt/"),
    ("magtanvendelsen", "dilemmaer/magtanvendelse/"),
    ("observationsmetoden", "opsogende/direkte/"),
    ("trappemodellen", "kontakt-og-relation/faser/"),
    ("tilsandingen", "haandvaerket/struktur-tilsanding-afslutning/"),
    ("kommunikationsstrategien", "opsogende/planlaegning/"),
    ("samtykket", "dilemmaer/tavshedspligt-og-samtykke/"),
]


@pytest.fixture(scope="module")
def search_tab(browser: Browser, no_engine_url: str) -> Iterator[Tab]:
    """The start page with the search dialog open (Material's keyboard shortcut s)."""
    context = browser.new_context(locale="da-DK", viewport={"width": 1280, "height": 900}, service_workers="block")
    tab = Tab(page=context.new_page(), base_url=no_engine_url)
    tab.open("")
    tab.page.keyboard.press("s")
    yield tab
    context.close()


def search(tab: Tab, query: str) -> list[str]:
    """The result links for a query, after the previous query's results are gone."""
    box = tab.page.locator("input.md-search__input")
    box.fill("")
    expect(tab.page.locator(".md-search-result__item")).to_have_count(0)
    box.fill(query)
    box.press("End")  # Material searches on keyup: a filled-in second query alone is not searched
    tab.page.wait_for_selector(".md-search-result__item", timeout=20_000)
    return tab.page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")


@pytest.mark.parametrize("query, expected", QUERIES, ids=[q for q, _ in QUERIES])
def test_inflected_danish_form_finds_the_page(search_tab: Tab, query: str, expected: str):
    tab = search_tab
    hits = search(tab, query)
    pages = [h.split("#")[0].split("?")[0] for h in hits]
    assert any(p.endswith("/" + expected) or p == tab.base_url + expected for p in pages[:10]), (query, pages[:10])


# Query, a page that must be among the first three pages, pages that must not be.
RANKED = [
    ("samtykkeerklæring", "dilemmaer/tavshedspligt-og-samtykke/", ()),  # compound → "samtykke"
    ("hjemløse", "grundlag/maalgrupper/", ("kilder/",)),  # the bibliography never outranks content
    ("misbrugeren", "grundlag/maalgrupper/", ("kilder/",)),
    ("vicevært", "henvis/henvisningsskema/", ()),
    ("CPR", "henvis/henvisningsskema/", ()),
    ("ZNU", "ovelser/zn-bo/", ()),  # the ZNU exercises, not only the page that explains ZNU
]


def top_pages(tab: Tab, query: str, count: int = 3) -> list[str]:
    """The first pages in the result list (a page's sections count once), relative to the site."""
    pages: list[str] = []
    for hit in search(tab, query):
        page = hit.split("#")[0].split("?")[0].removeprefix(tab.base_url)
        if page not in pages:
            pages.append(page)
    return pages[:count]


@pytest.mark.parametrize("query, expected, excluded", RANKED, ids=[q for q, _, _ in RANKED])
def test_the_page_people_look_for_is_in_the_top_three(search_tab: Tab, query: str, expected: str, excluded: tuple[str, ...]):
    tab = search_tab
    pages = top_pages(tab, query)
    assert expected in pages, (query, pages)
    assert not set(excluded) & set(pages), (query, pages)
