"""Hook: make Material's search actually use the Danish stemmer for queries, and split compounds.

``pipeline: [stemmer, …]`` in mkdocs.yml stems the *index* with lunr's Danish stemmer
("tavshedspligten" and "tavshedspligt" are both indexed as "tavshedsp"). But Material's worker
turns every query term into a prefix query ("tavshedspligten*"), and lunr never runs wildcard
terms through the pipeline, so an inflected query never meets its stem. Material also scores a
hit by whether a matched token starts with the typed term, which a (shorter) stem never does.

Danish also glues words together: nobody on the site writes "samtykkeerklæring", but the consent
page says "samtykke" on every line. lunr has no decompounder, and a full Danish one is far more
than this site needs. So the worker gets a short list of the site's own key words (COMPOUND_PARTS):
a query term that is one of them followed by another (with or without the linking "s") is also
searched as its two parts, "samtykkeerklæring" → "… samtykke erklæring". Terms stay optional in
lunr, so the parts only add hits; the whole word still ranks first where it occurs.

Three small, checked edits to the built worker:
1. each plain term is searched as a prefix (search as you type), as a whole word, which lunr
   stems, and as its compound parts: "tavshedspligten" → "tavshedspligten* tavshedspligten";
2. a matched token counts as found when the typed term starts with it (it is the term's stem);
3. the compound splitter and its word list are put in front of the worker.

The build fails loudly if Material's worker no longer contains the expected code, so an upgrade
cannot silently switch Danish word forms off; tests/browser/test_search.py checks the behaviour.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

# Words the site's pages and glossary are built from; a query compound of two of them is split.
COMPOUND_PARTS = (
    "samtykke", "erklæring", "tavshed", "pligt", "underretning", "henvisning", "skema", "omsorg",
    "magt", "anvendelse", "værge", "notat", "borger", "bolig", "misbrug", "hjemløs", "kontakt",
    "støtte", "person", "samarbejde", "partner", "sikkerhed", "udsættelse", "selvmord", "risiko",
    "alene", "arbejde", "relation", "netværk", "myndighed", "handleplan", "overdosis",
)

SPLITTER = """var skpCompoundParts=%s;
function skpParts(term){
  var t=term.toLowerCase();
  for(var i=3;i<=t.length-3;i++){
    var head=t.slice(0,i),tail=t.slice(i);
    if(skpCompoundParts.indexOf(head)<0){
      if(head.slice(-1)!=="s"||skpCompoundParts.indexOf(head.slice(0,-1))<0)continue;
      head=head.slice(0,-1);
    }
    if(skpCompoundParts.some(function(p){return tail.indexOf(p)===0;}))return " "+head+" "+tail;
  }
  return "";
}
"""

EDITS = (
    ("?r:`${r}*`)", "?r:`${r}* ${r}${skpParts(r)}`)"),
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
    splitter = SPLITTER % json.dumps(COMPOUND_PARTS, ensure_ascii=False)
    workers[0].write_text(splitter + source, encoding="utf-8")
