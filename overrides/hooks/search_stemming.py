"""Hook: make Material's search actually use the Danish stemmer for queries.

``pipeline: [stemmer, …]`` in mkdocs.yml stems the *index* with lunr's Danish stemmer
("tavshedspligten" and "tavshedspligt" are both indexed as "tavshedsp"). But Material's worker
turns every query term into a prefix query ("tavshedspligten*"), and lunr never runs wildcard
terms through the pipeline, so an inflected query never meets its stem. Material also scores a
hit by whether a matched token starts with the typed term, which a (shorter) stem never does.

Two small, checked edits to the built worker fix that:
1. each plain term is searched both as a prefix (search as you type) and as a whole word,
   which lunr stems: "tavshedspligten" → "tavshedspligten* tavshedspligten";
2. a matched token counts as found when the typed term starts with it (it is the term's stem).

The build fails loudly if Material's worker no longer contains the expected code, so an upgrade
cannot silently switch Danish word forms off; tests/browser/test_search.py checks the behaviour.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

EDITS = (
    ("?r:`${r}*`)", "?r:`${r}* ${r}`)"),
    ("e[s].startsWith(o.term)&&", "(e[s].startsWith(o.term)||o.term.toLowerCase().startsWith(e[s]))&&"),
)


def on_post_build(config: MkDocsConfig) -> None:
    workers = list((Path(config.site_dir) / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    if len(workers) != 1:
        raise PluginError(f"Fandt {len(workers)} søge-workers; forventede præcis én (Material er ændret?)")
    source = workers[0].read_text(encoding="utf-8")
    for original, patched in EDITS:
        if source.count(original) != 1:
            raise PluginError(
                f"Materials søge-worker indeholder ikke længere '{original}' præcis én gang – "
                "tjek overrides/hooks/search_stemming.py mod den nye version af mkdocs-material."
            )
        source = source.replace(original, patched)
    workers[0].write_text(source, encoding="utf-8")
