"""The exercise scripts are ES modules: every module the pages load (and everything they import) is
built and stored by the service worker, and they share no window globals beyond the engine and store."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from tests.conftest import ROOT
from tests.site.test_offline_files import worker_files
from page_modules import NEEDS


SCRIPTS = ROOT / "overrides" / "assets" / "javascripts"
IMPORT = re.compile(r'^import .*? from "\./([\w.-]+\.mjs)";$', re.M)


def page_modules() -> list[str]:
    """Every module a page can load: those of every page (mkdocs.yml) and those a page lists."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    every_page = [s["path"] for s in config["extra_javascript"] if isinstance(s, dict) and s.get("type") == "module"]
    return every_page + [f"assets/javascripts/{name}" for _, names in NEEDS for name in names]


def listed(page: Path) -> list[str]:
    """The feature modules a built page lists for skp-page-modules.mjs, in order."""
    return [Path(href).name for href in re.findall(r'<link rel="modulepreload" href="([^"]+)" data-skp-module>', page.read_text(encoding="utf-8"))]


def imported(name: str, seen: set[str]) -> set[str]:
    if name not in seen:
        seen.add(name)
        for child in IMPORT.findall((SCRIPTS / name).read_text(encoding="utf-8")):
            imported(child, seen)
    return seen


def test_the_pages_load_the_exercise_modules_and_the_worker_stores_them(site_dir: Path):
    modules = page_modules()
    assert {"assets/javascripts/skp-exercises.mjs", "assets/javascripts/skp-learning-path.mjs", "assets/javascripts/skp-case-filters.mjs"} <= set(modules)
    every = set().union(*(imported(Path(m).name, set()) for m in modules))
    assert {"skp-exercise-core.mjs", "exercise-decision-tree.mjs", "exercise-zones.mjs", "exercise-choice-grid.mjs", "exercise-checklist.mjs"} <= every
    _, files = worker_files(site_dir)
    assert {f"assets/javascripts/{name}" for name in every} <= set(files)
    page = (site_dir / "index.html").read_text(encoding="utf-8")
    assert '<script src="assets/javascripts/skp-page-modules.mjs" type="module">' in page
    assert not (site_dir / "assets" / "javascripts" / "skp-exercises.js").exists()


def test_each_page_lists_only_the_feature_modules_it_uses(site_dir: Path):
    """A text page loads no exercise, presenter or Min mappe code; the pages that use them list them."""
    assert listed(site_dir / "grundlag" / "index.html") == []
    assert listed(site_dir / "ovelser" / "dt-doeren-aabnes-ikke" / "index.html") == ["skp-exercises.mjs", "skp-presenter.mjs"]
    assert listed(site_dir / "haandvaerket" / "utryghed" / "index.html") == ["skp-exercises.mjs", "skp-presenter.mjs"]
    assert listed(site_dir / "cases" / "alfred" / "index.html") == ["skp-presenter.mjs"]
    assert listed(site_dir / "cases" / "index.html") == ["skp-case-filters.mjs"]
    assert listed(site_dir / "kom-i-gang" / "min-mappe" / "index.html") == ["skp-my-data.mjs", "skp-min-mappe.mjs"]


def test_the_modules_read_engine_and_store_once_and_set_no_globals():
    sources = {p.name: p.read_text(encoding="utf-8") for p in SCRIPTS.glob("*.mjs") if p.name != "skp-worker.mjs"}
    exercise_modules = {n: s for n, s in sources.items() if n.startswith(("skp-exercise", "exercise-"))}
    joined = "\n".join(exercise_modules.values())
    assert joined.count("window.SKPEngine") == 1 and joined.count("window.SKPStore") == 1
    for name, source in sources.items():
        assert not re.search(r"window\.\w+\s*=(?!=)", source), f"{name} sets a window global"


def test_no_user_facing_text_speaks_of_python(site_dir: Path):
    """Learners read about feedback, not about the language that computes it (the old line said "(Python 3.x)")."""
    strings = re.compile(r'"(?:[^"\\\n]|\\.)*"')
    for path in SCRIPTS.glob("*.*js"):
        said = [s for s in strings.findall(path.read_text(encoding="utf-8")) if "Python" in s]
        assert not said, f"{path.name}: {said}"
    for page in site_dir.rglob("*.html"):
        html = re.sub(r"<script\b.*?</script>|<!--.*?-->", "", page.read_text(encoding="utf-8"), flags=re.S)
        assert "Python" not in re.sub(r"<[^>]+>", " ", html), page.relative_to(site_dir).as_posix()
