"""Hook: the learning path («Trin for trin») on every page and exercise page that belongs to it.

It checks ``exercises/data/learning_path.yml`` before the build (a broken path stops it with
``file:line: message``), and gives each page in the path the context that
``overrides/partials/skp/learning-path-page.html`` renders: «Trin 3 af 12 · Trin for trin» at the
top, and at the bottom «Jeg har læst siden», the step's pages and exercises, and «Næste trin».
Progress itself lives in the browser (skp-learning-path.mjs); the build only says what the step holds.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from exercises.errors import DataErrors
from exercises.learning_path import LearningPath, Step
from exercises.site import site_learning_path

PATH_PAGE = "kom-i-gang/ny-medarbejder.md"
_build: dict = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        site_learning_path(Path(config.docs_dir))
    except DataErrors as exc:
        raise PluginError(exc.report("læringsforløbet")) from None
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    _build["path"] = site_learning_path(Path(config.docs_dir))
    _build["files"] = files
    return files


def _link(target: str, page: Page) -> dict[str, str]:
    """Title and URL (relative to the page) of a docs page; every page is populated before any context."""
    file = _build["files"].get_file_from_path(target)
    title = file.page.title if file is not None and file.page is not None and file.page.title else target
    return {"title": str(title), "url": get_relative_url(file.url if file else target, page.url)}


def _items(step: Step, page: Page) -> list[dict[str, str]]:
    items = [dict(_link(p, page), kind="page", id=p) for p in step.pages]
    items += [dict(_link(f"ovelser/{e}.md", page), kind="exercise", id=e) for e in step.exercises]
    return items


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    path: LearningPath = _build["path"]
    src = page.file.src_uri
    exercise_id = Path(src).stem if src.startswith("ovelser/") else None
    step = path.step_of_exercise(exercise_id) if exercise_id else path.step_of_page(src)
    context["skp_path"] = None
    if step is None:
        return context
    number = path.number(step)
    following = path.steps[number] if number < len(path.steps) else None
    context["skp_path"] = {
        "number": number,
        "total": len(path.steps),
        "step": step,
        "page": None if exercise_id else src,
        "items": _items(step, page),
        "overview": _link(PATH_PAGE, page)["url"] + "#trin",
        "next": dict(_link(following.pages[0], page), title=following.title) if following else None,
    }
    return context
