"""The search index holds what people search for, once: no definition JSON, embedded exercises only
on their own pages, and the bundle waits for first use before fetching it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError
from search_on_demand import EVENT, load_index_on_demand

from exercises.site import site_library

LIB = site_library()


def index_docs(site_dir: Path) -> list[dict]:
    return json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def test_no_exercise_definition_json_is_indexed(site_dir: Path):
    leaked = [d["location"] for d in index_docs(site_dir) if '{"' in d["text"] or '"nodes"' in d["text"]]
    assert not leaked


def test_an_embedded_exercise_is_indexed_only_on_its_own_page(site_dir: Path):
    exercise = LIB.exercises["dt-vaergemaal"]
    first_question = exercise.nodes[0].question
    holders = {d["location"].split("#")[0] for d in index_docs(site_dir) if first_question in d["text"]}
    assert holders == {f"ovelser/{exercise.id}/"}
    assert "data-search-exclude" in (site_dir / "dilemmaer" / "vaergemaal" / "index.html").read_text(encoding="utf-8")


def test_the_built_bundle_fetches_the_index_only_after_the_event(site_dir: Path):
    bundle = next((site_dir / "assets" / "javascripts").glob("bundle.*.min.js")).read_text(encoding="utf-8")
    assert f'(document,"{EVENT}")' in bundle
    with pytest.raises(PluginError, match="search_on_demand.py"):
        load_index_on_demand("a changed Material bundle")


def test_the_printed_worksheets_are_not_indexed(site_dir: Path):
    """A worksheet repeats its exercise for paper (the facilitator sheet with every feedback text):
    indexed, each exercise page would count its words twice more and outrank the pages people look
    for (the vicevært search in tests/browser/test_search.py), and a search would show the key."""
    exercise = LIB.exercises["dt-hvor-skal-henvendelsen-hen"]
    texts = [d["text"] for d in index_docs(site_dir) if d["location"].startswith(f"ovelser/{exercise.id}/")]
    assert texts
    for sheet_only in ("Deltagerark", "Facilitatorark", "Til facilitatoren"):
        assert not any(sheet_only in t for t in texts), sheet_only
