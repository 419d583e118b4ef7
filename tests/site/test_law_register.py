"""The legal layer as a reader meets it in the built site: register, law boxes and 'Tjek gældende regler'."""

import html
import re
from pathlib import Path

from exercises.site import site_library
from macros.render import LAW_STATUS_LABELS, danish_date

LIB = site_library()
# Text in the partner pages (docs/henvis/) belongs to another part of the site and is tested there.
PARTNER_PAGES = "henvis/"
CHECK_PHRASE = re.compile(r"tjek gældende regler", re.IGNORECASE)
# "Tjek gældende regler:" and then at least five words saying what to check.
SAYS_WHAT = re.compile(r"tjek gældende regler:\W*\w+(?:\W+\w+){4,}", re.IGNORECASE)


def visible_text(path: Path) -> str:
    raw = path.read_text(encoding="utf-8")
    raw = re.sub(r"<(script|style)\b.*?</\1>", " ", raw, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", raw)).split())


def test_the_register_lists_every_law_point_with_status_date_and_link(site_dir: Path):
    page = (site_dir / "dilemmaer" / "lovregister" / "index.html").read_text(encoding="utf-8")
    rows = dict(re.findall(r'<tr id="(law-\d\d)"[^>]*>(.*?)</tr>', page, flags=re.S))
    assert set(rows) == {law_id.lower() for law_id in LIB.laws}
    for law in LIB.laws.values():
        row = rows[law.id.lower()]
        assert f"<td>{law.id}</td>" in row
        assert html.escape(LAW_STATUS_LABELS[law.status]) in row, law.id
        assert f'<time datetime="{law.checked}">{law.checked}</time>' in row, law.id
        assert f'href="{law.url}"' in row, law.id


def test_the_register_is_in_the_navigation_under_the_legal_section(site_dir: Path):
    page = (site_dir / "index.html").read_text(encoding="utf-8")
    nav = page[page.index('<nav class="md-nav md-nav--primary"'):]
    assert nav.index('href="dilemmaer/magtanvendelse/"') < nav.index('href="dilemmaer/lovgivning/"') < nav.index('href="dilemmaer/lovregister/"')


def test_a_law_box_shows_the_checked_date_and_links_to_the_law_text(site_dir: Path):
    page = (site_dir / "dilemmaer" / "magtanvendelse" / "index.html").read_text(encoding="utf-8")
    law = LIB.laws["LAW-14"]
    box = re.search(r'<div class="skp-law[^"]*" data-law="LAW-14">(.*?)</div>', page, flags=re.S).group(1)
    assert f'<time datetime="{law.checked}">{danish_date(law.checked)}</time>' in box
    assert f'href="{law.url}"' in box and "retsinformation.dk" in box
    assert f"Håndbogen ({law.source_year})" in box
    assert "lovregister/#law-14" in box


def test_tjek_gaeldende_regler_is_rare_and_always_says_what_to_check(site_dir: Path):
    occurrences = []
    for path in sorted(site_dir.rglob("*.html")):
        url = path.relative_to(site_dir).as_posix()
        if url.startswith(PARTNER_PAGES):
            continue
        text = visible_text(path)
        for match in CHECK_PHRASE.finditer(text):
            occurrences.append((url, text[match.start():match.start() + 160]))
    vague = [o for o in occurrences if not SAYS_WHAT.match(o[1])]
    assert not vague, vague
    unresolved = sum(1 for law in LIB.laws.values() if law.status == "uafklaret")
    # Each unresolved point on its own page, in the overview table and in at most one exercise,
    # plus the register's own explanation of the rule.
    assert len(occurrences) <= 3 * unresolved + 1, occurrences
