"""The case library as built: every case in the library, on its own page with its questions, and
linked both ways with the pages it is about. These are facts of the static HTML (the pages work
without JavaScript), so they are read from the built files; filters and print are browser tests
(tests/browser/test_cases.py)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from exercises.site import site_library
from tests.conftest import ROOT

LIB = site_library()


def built(site_dir: Path, source: str) -> str:
    """The built HTML of a page given by its Markdown path (``dilemmaer/vaergemaal.md``)."""
    path = source.removesuffix(".md").removesuffix("index").strip("/")
    return (site_dir / path / "index.html").read_text(encoding="utf-8")


def text_of(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def test_every_case_file_is_a_card_in_the_library(site_dir: Path):
    case_files = sorted((ROOT / "exercises" / "data" / "cases").glob("*.yml"))
    assert len(LIB.cases) == len(case_files)
    library = built(site_dir, "cases/index.md")
    assert library.count('class="skp-card"') == len(LIB.cases)


@pytest.mark.parametrize("case_id", sorted(LIB.cases))
def test_the_case_page_has_its_title_and_questions_and_is_linked_from_its_pages(site_dir: Path, case_id: str):
    case = LIB.cases[case_id]
    page = built(site_dir, case.page)
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)
    assert heading and text_of(heading.group(1)).removesuffix("¶") == case.title
    questions = re.search(r'<h2 id="sporgsmaal">.*?</h2>\s*<ol>(.*?)</ol>', page, re.S)
    assert questions, f"{case_id}: ingen spørgsmålsliste efter «Spørgsmål til drøftelse»"
    assert questions.group(1).count("<li>") == len(case.questions)
    slug = case.page.removesuffix(".md").split("/")[-1]
    for link in case.links:
        related = re.search(r'<aside class="skp-related".*?</aside>', built(site_dir, link), re.S)
        assert related, (case_id, link, "ingen «Cases om dette emne»")
        assert f'cases/{slug}/">{html.escape(case.title, quote=False)}</a>' in related.group(0), (case_id, link)
