"""Hook: what every page gets without its author writing it.

* glossary terms become tooltips (abbreviation definitions appended to the Markdown);
* a "Kilde" box naming the handbook sections the page covers (from front matter ``covers``);
* a "Cases om dette emne" box listing the cases that link to the page;
* the page's ``title`` and ``description`` front matter are HTML-escaped once, here: the theme's
  templates print them unescaped (header, ``<title>``, ``<meta name=description>``, navigation), and
  titles of generated pages come from data files, which hold text, never markup.

The boxes are rendered by ``overrides/partials/skp/page-footer.html`` from the context set here.
A content page that cites no handbook section fails the build: every page must name its source.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from exercises.catalogue import cases_for_page, source_refs
from exercises.site import site_library


# Per-build state: the library and the glossary's abbreviation lines are the same for every page.
_build: dict = {}


def on_files(files: Files, config: MkDocsConfig) -> Files:
    library = site_library(Path(config.docs_dir))
    _build["library"] = library
    _build["abbreviations"] = "\n".join(f"*[{t.term}]: {t.definition}" for t in library.glossary)
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Runs for every page before any template is rendered, so the navigation sees escaped titles too.
    for key in ("title", "description"):
        if isinstance(page.meta.get(key), str):
            page.meta[key] = escape(page.meta[key], quote=True)
    abbreviations = _build["abbreviations"]
    return f"{markdown}\n\n{abbreviations}\n" if abbreviations else markdown


def _cited_ids(page: Page, library) -> list[str]:
    """Section ids the page retells: from its data (generated pages) or its front matter ``covers``."""
    path = page.file.src_uri
    if page.file.generated_by:
        for case in library.cases.values():
            if case.page == path:
                return list(case.source)
        exercise = library.exercises.get(Path(path).stem)
        if path.startswith("ovelser/") and exercise:
            return list(exercise.source)
        return []  # generated index pages cite through their cards
    return [str(k) for k in page.meta.get("covers") or {}]


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    library = _build["library"]
    sources = source_refs(_cited_ids(page, library), library)
    if not sources and not page.file.generated_by:
        raise PluginError(
            f"{page.file.src_uri}: siden nævner ingen kilde – tilføj mindst ét afsnits-id (fx A-2.3) under 'covers:'"
        )
    cases = [
        {"title": c.title, "url": c.page.removesuffix(".md") + "/", "summary": c.summary}
        for c in cases_for_page(page.file.src_uri, library)
    ]
    context["skp_sources"] = sources
    context["skp_cases"] = cases
    return context
