"""Hook: which feature modules a page needs, so that a text page downloads none of them.

The exercises, presenter mode, Min mappe and the case filters are ES modules that only some pages
use (about 40 KB compressed together, a quarter of a text page). Each page lists the ones it needs
as `<link rel="modulepreload" data-skp-module>` in its content (main.html): on a first visit the
browser fetches them while it reads the page, and skp-page-modules.mjs imports them, also after an
instant navigation (Material swaps the content, so the list is always the new page's). What every
page needs stays in mkdocs.yml's extra_javascript. The need is read from the page's own HTML, so an
exercise or a case added anywhere brings its modules along without anyone listing the page.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

SCRIPTS = Path(__file__).resolve().parents[1] / "assets" / "javascripts"
# What in a page's HTML calls for which modules, in the order they are imported (the presenter
# reads exercises the exercise module has bound, so it comes after it).
NEEDS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (re.compile(r'\sdata-exercise-id="'), ("skp-exercises.mjs", "skp-presenter.mjs")),
    (re.compile(r'<h2 id="casen"'), ("skp-presenter.mjs",)),  # a case page: presenter mode shows the case
    (re.compile(r'\sdata-role="my-data"'), ("skp-my-data.mjs",)),
    (re.compile(r'\sdata-role="min-mappe"'), ("skp-min-mappe.mjs",)),
    (re.compile(r'\sdata-role="case-filters"'), ("skp-case-filters.mjs",)),
)


def modules_for(html: str) -> list[str]:
    """The modules a page with this HTML needs, each once, in import order."""
    needed: list[str] = []
    for marker, modules in NEEDS:
        if marker.search(html):
            needed += [name for name in modules if name not in needed]
    return needed


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    missing = sorted({name for _, modules in NEEDS for name in modules if not (SCRIPTS / name).is_file()})
    if missing:
        raise PluginError(f"overrides/hooks/page_modules.py nævner moduler, der ikke findes i {SCRIPTS}: {', '.join(missing)}")
    return config


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    context["skp_modules"] = [f"assets/javascripts/{name}" for name in modules_for(page.content or "")]
    return context
