"""Hook: text pages stay light. The search index loads when search is first used, and holds each
exercise once.

1. Material's bundle fetches ``search/search_index.json`` on every page load, before anyone
   searches: most of a text page's weight on a first visit. One checked edit makes the bundle wait
   for the ``skp:search-wanted`` event, which assets/javascripts/skp-search-on-demand.js sends on the
   first focus of the search field (click, or Material's shortcuts "/", "s", "f", which focus it).
   The build fails loudly if Material's bundle no longer has the expected code.
2. An exercise embedded in a content page is marked ``data-search-exclude``: it is indexed on its
   own page (ovelser/<id>/), and its widget text (every question and answer of a tree) would
   otherwise sit in the index once more for each page that embeds it. Exercise definition JSON is
   never indexed (it is a <script>, which the search plugin skips); tests/site check both.

This file stays apart from search_stemming.py, which patches the search worker, not the bundle.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

EVENT = "skp:search-wanted"
INDEX_AT_LOAD = re.compile(r'(\w+)=document\.forms\.namedItem\("search"\)\?(\w+)\(\):(\w+)')
# Material's requestJSON and its form-reset handler name the bundle's switchMap, shareReplay and fromEvent.
REQUEST_JSON = re.compile(r"function \w+\(e,t\)\{return \w+\(e,t\)\.pipe\((\w+)\(r=>r\.text\(\)\),\w+\(r=>JSON\.parse\(r\)\),(\w+)\(1\)\)\}")
FROM_EVENT = re.compile(r'(\w+)\(e\.form,"reset"\)')
EMBEDDED_EXERCISE = '<section class="skp-exercise '


def _one(pattern: re.Pattern[str], source: str) -> re.Match[str]:
    matches = list(pattern.finditer(source))
    if len(matches) != 1:
        raise PluginError(
            f"Materials bundle har {len(matches)} steder, der passer til {pattern.pattern!r} (forventede ét) – "
            "tjek overrides/hooks/search_on_demand.py mod den nye version af mkdocs-material."
        )
    return matches[0]


def load_index_on_demand(bundle: str) -> str:
    """Rewrite "index$ = fetch at load" into "index$ = fetch after the first skp:search-wanted event"."""
    at_load = _one(INDEX_AT_LOAD, bundle)
    switch_map, share_replay = _one(REQUEST_JSON, bundle).groups()
    from_event = _one(FROM_EVENT, bundle).group(1)
    name, request_index, never = at_load.groups()
    on_demand = (
        f'{name}=document.forms.namedItem("search")?'
        f'{from_event}(document,"{EVENT}").pipe({switch_map}(()=>{request_index}()),{share_replay}(1)):{never}'
    )
    return bundle[: at_load.start()] + on_demand + bundle[at_load.end() :]


def on_page_content(html: str, page: Page, **_: object) -> str:
    if page.file.src_uri.startswith("ovelser/"):
        return html
    return html.replace(EMBEDDED_EXERCISE, '<section data-search-exclude class="skp-exercise ')


def on_post_build(config: MkDocsConfig) -> None:
    bundles = list((Path(config.site_dir) / "assets" / "javascripts").glob("bundle.*.min.js"))
    if len(bundles) != 1:
        raise PluginError(f"Fandt {len(bundles)} Material-bundles; forventede præcis én")
    bundles[0].write_text(load_index_on_demand(bundles[0].read_text(encoding="utf-8")), encoding="utf-8")
