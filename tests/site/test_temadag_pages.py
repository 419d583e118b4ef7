"""Issue 10: the built case pages carry the facilitator block, and the Temadag section its agendas."""

import html
import re
from pathlib import Path

import pytest

from exercises.site import site_library

LIB = site_library()
AGENDAS = ("dagsorden-80-minutter", "dagsorden-halv-dag", "dagsorden-hel-dag", "tvaersektoriel-dagsorden", "evaluering")


def text_of(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


@pytest.mark.parametrize("case_id", sorted(LIB.cases))
def test_the_case_page_has_a_folded_facilitator_block_with_its_material(site_dir: Path, case_id: str):
    case = LIB.cases[case_id]
    assert case.temadag is not None
    page = (site_dir / case.page.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
    block = re.search(r'<details class="skp-facilitator"[^>]*>(.*?)</details>', page, re.S)
    assert block, f"{case_id}: ingen <details class=\"skp-facilitator\">"
    body = block.group(1)
    assert "open" not in block.group(0)[:60], "blokken skal være foldet sammen, så casen ikke afsløres"
    assert text_of(re.search(r"<summary>(.*?)</summary>", body, re.S).group(1)) == "Til facilitatoren"
    text = text_of(body)
    for point in case.temadag.goals + case.temadag.debrief:
        assert text_of(point)[:50] in text, (case_id, point)
    for ex_id in case.temadag.exercises:
        assert f'href="../../ovelser/{ex_id}/"' in body, (case_id, ex_id)
    assert f"Tidsplan ({case.temadag.minutes} minutter)" in text


def test_the_temadag_section_has_every_agenda_in_the_nav_and_each_cites_its_source(site_dir: Path):
    start = (site_dir / "kom-i-gang" / "temadag" / "index.html").read_text(encoding="utf-8")
    for slug in AGENDAS:
        assert f'href="{slug}/"' in start, slug
        page = (site_dir / "kom-i-gang" / "temadag" / slug / "index.html").read_text(encoding="utf-8")
        assert "A-4.4" in text_of(re.search(r'class="skp-source".*?</(?:aside|section|div)>', page, re.S).group(0)), slug


def test_the_temadag_page_names_the_print_buttons_not_a_bare_print_command(site_dir: Path):
    text = text_of((site_dir / "kom-i-gang" / "temadag" / "index.html").read_text(encoding="utf-8"))
    assert "vælg Udskriv" not in text
    assert "«Udskriv deltagerark»" in text and "«Udskriv facilitatorark»" in text
    for tool in ("Storskærm", "?visning=storskaerm", "svarkode", "«Ny runde»", "«Ryd alle mine data»", "tavshedspligt"):
        assert tool in text, tool
