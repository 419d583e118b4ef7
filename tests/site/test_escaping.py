"""Data is text, not markup: titles and summaries from data files and front matter never become HTML.

The markup (tests/conftest.py MARKUP) is put into a copy's data by the variant_build fixture."""

from pathlib import Path

import pytest

from tests.conftest import VariantBuild

ESCAPED = "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"


@pytest.mark.xdist_group("variant_build")  # one worker builds the variant, both tests read it
def test_markup_in_an_exercise_title_and_a_case_summary_is_shown_as_text_everywhere(variant_build: VariantBuild):
    site = variant_build.site
    pages = [p for p in site.rglob("*.html") if "onerror" in p.read_text(encoding="utf-8")]
    assert len(pages) >= 5  # exercise and case pages, their indexes, pages with "Cases om dette emne"
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "<img src=x" not in html, page.relative_to(site)
    html = (site / "ovelser" / "dt-vaergemaal" / "index.html").read_text(encoding="utf-8")
    assert f"<title>{ESCAPED} - " in html  # <title>, and the theme's header
    html = (site / "cases" / "frosne-vandroer" / "index.html").read_text(encoding="utf-8")
    assert f'<meta name="description" content="{ESCAPED} En 62-årig' in html


def test_quotes_in_a_page_description_stay_inside_the_meta_tag(site_dir: Path):
    html = (site_dir / "faglighed" / "omsorg" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="description" content="Omsorg der styrker brugerens &quot;jeg&quot; – det' in html
