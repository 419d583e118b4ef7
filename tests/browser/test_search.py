"""Danish search: inflected forms find the page that uses the base form (lunr's Danish stemmer)."""

import pytest

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


def search(tab: Tab, query: str) -> list[str]:
    tab.page.keyboard.press("s")  # Material's keyboard shortcut opens the search dialog
    box = tab.page.locator("input.md-search__input")
    box.fill(query)
    tab.page.wait_for_selector(".md-search-result__item", timeout=20_000)
    return tab.page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")


@pytest.mark.parametrize("query, expected", QUERIES, ids=[q for q, _ in QUERIES])
def test_inflected_danish_form_finds_the_page(tab: Tab, query: str, expected: str):
    tab.open("")
    hits = search(tab, query)
    pages = [h.split("#")[0].split("?")[0] for h in hits]
    assert any(p.endswith("/" + expected) or p == tab.base_url + expected for p in pages[:10]), (query, pages[:10])
