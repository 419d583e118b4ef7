"""Issue 4: every id in ../shared/INVENTORY.md is on a page of the built site, with its subject.

The mapping lives beside the text: each page's front matter ``covers`` names the ids it covers and a
phrase that must appear on the page; cases, exercises and {{ lov(...) }} boxes map their own ids.
"""

import html
import re
from pathlib import Path

import yaml

from exercises.site import site_library
from tests.conftest import ROOT

INVENTORY = ROOT.parent / "shared" / "INVENTORY.md"
DOCS = ROOT / "docs"
LIB = site_library()
REQUIRED = ("A-", "B-", "MOD-", "MET-", "CHK-", "LAW-", "FACT-", "DEC-", "CASE-")


def inventory_ids() -> set[str]:
    assert INVENTORY.is_file(), f"{INVENTORY} mangler (CI har shared/ ved siden af repoet)"
    text = INVENTORY.read_text(encoding="utf-8")
    ids = set(re.findall(r"^\| ((?:A|B)-[0-9.]+) \|", text, re.M))
    ids |= set(re.findall(r"^(?:\*\*|- \*\*|\| )((?:MOD|MET|CHK|FACT|LAW|DEC)-[AB]?\d+)\b", text, re.M))
    ids |= set(re.findall(r"^### (CASE-\d+)", text, re.M))
    return ids


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


def test_every_inventory_id_is_mapped():
    required = {i for i in inventory_ids() if i.startswith(REQUIRED)}
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
    known = inventory_ids() | {f"EX-{n:02d}" for n in range(1, 26)} | set(LIB.cases)
    unknown = sorted(set(mapping()) - known)
    assert not unknown, f"id'er, som ikke findes i INVENTORY: {unknown}"
