"""Data is text, not markup: titles and summaries from data files and front matter never become HTML."""

from pathlib import Path

from tests.conftest import build_site
from tests.site.test_build import site_copy

PAYLOAD = '<img src=x onerror="alert(1)">'
ESCAPED = "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"


def test_markup_in_an_exercise_title_and_a_case_summary_is_shown_as_text_everywhere(tmp_path: Path):
    copy = site_copy(tmp_path)
    exercise = copy / "exercises" / "data" / "exercises" / "dt-vaergemaal.yml"
    text = exercise.read_text(encoding="utf-8")
    exercise.write_text(text.replace("title: ", "title: '" + PAYLOAD + "' # ", 1), encoding="utf-8")
    case = copy / "exercises" / "data" / "cases" / "case-01.yml"
    text = case.read_text(encoding="utf-8")
    text = text.replace('summary: "En 62-årig', "summary: '" + PAYLOAD + ' En 62-årig', 1).replace(
        'giver naboerne skylden."', "giver naboerne skylden.'", 1
    )
    case.write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    result = build_site(site, cwd=copy, extra_env={"PYTHONPATH": str(copy)})
    assert result.returncode == 0, result.stdout + result.stderr
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
