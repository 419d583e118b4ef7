"""Hook: let a search for an exercise kind ("ZNU", "beslutningstræ", "tjekliste") find the exercises.

Exercise pages are generated from data, and their titles name the person, not the kind ("Bos
zoner – …"); the kind label appears once in their text. A content page with a "ZNU" heading then
always wins, because Material weighs titles a thousand times above text. Material also indexes
a page's ``tags`` (weighted above titles) even without its tags plugin, so each exercise page is
tagged with its kind's label here, the same label the page shows. Other ranking choices live in
front matter (``search: boost:`` in docs/kilder.md keeps the bibliography below content).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from exercises.site import site_library
from macros.render import KIND_LABELS


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    src = page.file.src_uri
    if src.startswith("ovelser/") and src != "ovelser/index.md":
        exercise = site_library(Path(config.docs_dir)).exercises.get(Path(src).stem)
        if exercise is not None:
            page.meta["tags"] = [KIND_LABELS[exercise.kind]]
    return markdown
