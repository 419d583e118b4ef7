"""Issue 4: every inventory id is on a page of the built site, with its subject.

The ids come from tests/site/inventory_ids.txt, a copy of ../shared/INVENTORY.md's ids kept in the
repository (tests/site/inventory.py), so the suite passes in a clone with no shared/ beside it.

The mapping lives beside the text: each page's front matter ``covers`` names the ids it covers and a
phrase that must appear on the page; cases, exercises and {{ lov(...) }} boxes map their own ids.
"""

import html
import re
from pathlib import Path

import pytest
import yaml

from exercises.site import site_library
from tests.conftest import ROOT
from tests.site.inventory import SHARED_INVENTORY, parse_inventory, stored_ids

DOCS = ROOT / "docs"
LIB = site_library()
REQUIRED = ("A-", "B-", "MOD-", "MET-", "CHK-", "LAW-", "FACT-", "DEC-", "CASE-")


def front_matter(path: Path) -> dict:
    match = re.match(r"---\n(.*?)\n---\n", path.read_text(encoding="utf-8"), re.S)
    return yaml.safe_load(match.group(1)) if match else {}


def mapping() -> dict[str, list[tuple[str, str]]]:
    """id -> [(built page URL path, phrase that must appear)]."""
    found: dict[str, list[tuple[str, str]]] = {}

    def add(ref: str, md_path: str, phrase: str) -> None:
        url = md_path.removesuffix(".md").removesuffix("index").rstrip("/")
        found.setdefault(ref, []).append((url, phrase))

    for path in DOCS.rglob("*.md"):
        md = path.relative_to(DOCS).as_posix()
        for ref, phrase in (front_matter(path).get("covers") or {}).items():
            add(str(ref), md, str(phrase))
        for law_id in re.findall(r"""lov\(\s*["'](LAW-\d+)["']""", path.read_text(encoding="utf-8")):
            add(law_id, md, LIB.laws[law_id].title)
    for case in LIB.cases.values():
        for ref in (case.id, *case.source):
            add(ref, case.page, case.title)
    for exercise in LIB.exercises.values():
        for ref in exercise.covers:
            if ref.startswith("DEC-"):
                add(ref, f"ovelser/{exercise.id}.md", exercise.title)
    return found


def page_text(site_dir: Path, url: str) -> str:
    raw = (site_dir / url / "index.html").read_text(encoding="utf-8")
    raw = re.sub(r"<(script|style)\b.*?</\1>", " ", raw, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", raw)).split()).lower()


def test_stored_ids_match_the_shared_inventory():
    if not SHARED_INVENTORY.is_file():
        pytest.skip(f"{SHARED_INVENTORY} findes ikke her; testen bruger den gemte kopi af id'erne")
    shared = parse_inventory(SHARED_INVENTORY.read_text(encoding="utf-8"))
    assert stored_ids() == shared, "inventory_ids.txt er forældet: kør '.venv/bin/python -m tests.site.inventory'"


def test_every_inventory_id_is_mapped():
    required = {i for i in stored_ids() if i.startswith(REQUIRED)}
    unmapped = sorted(required - set(mapping()))
    assert not unmapped, f"{len(unmapped)} id'er har endnu ingen side: {unmapped}"


def test_every_mapping_points_at_a_built_page_that_shows_the_subject(site_dir: Path):
    problems = []
    texts: dict[str, str] = {}
    for ref, places in sorted(mapping().items()):
        for url, phrase in places:
            if not (site_dir / url / "index.html").is_file():
                problems.append(f"{ref}: siden '{url}' findes ikke i det byggede site")
                continue
            text = texts.setdefault(url, page_text(site_dir, url))
            if " ".join(phrase.split()).lower() not in text:
                problems.append(f"{ref}: '{phrase}' står ikke på siden '{url}'")
    assert not problems, "\n".join(problems)


def test_mapped_ids_exist_in_the_inventory():
    """Pages cite real inventory ids; a case the site adds itself (CASE-15 …) is valid beside them."""
    known = stored_ids() | {f"EX-{n:02d}" for n in range(1, 26)} | set(LIB.cases)
    unknown = sorted(set(mapping()) - known)
    assert not unknown, f"id'er, som ikke findes i INVENTORY: {unknown}"
