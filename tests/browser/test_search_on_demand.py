"""A text page does not fetch the search index until search is used; then search works."""

import pytest

from tests.conftest import Tab

pytestmark = pytest.mark.browser


def index_requests(tab: Tab) -> int:
    return sum(url.endswith("search/search_index.json") for url in tab.requests)


def test_the_search_index_loads_on_first_use_only(tab: Tab):
    tab.open("grundlag/")
    tab.page.wait_for_load_state("networkidle")
    assert index_requests(tab) == 0
    tab.page.keyboard.press("/")  # Material's shortcut focuses the search field
    tab.page.keyboard.type("værgemålet")
    tab.page.wait_for_selector(".md-search-result__item", timeout=20_000)
    assert index_requests(tab) == 1
    assert tab.errors == []
