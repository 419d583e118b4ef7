"""ZNU comparison, summary sheets and the browser-facing JSON protocol."""

import json

import pytest

from exercises.models import Exercise
from exercises.runtime import handle
from exercises.sheets import grid_cell_key, summarise_checklist, summarise_grid
from exercises.zones import compare

BASE = {"title": "T", "audience": ["temadag"], "intro": "x", "source": ["B-3.2.2.1"]}
ZONES = Exercise.from_dict(
    {
        **BASE,
        "id": "z",
        "kind": "zones",
        "items": [
            {"id": "spise", "text": "Spise", "suggested": "kan-med-hjaelp", "reason": "Han spiser med støtte."},
            {"id": "ringe", "text": "Ringe", "suggested": "kan-selv", "reason": "Han ringer selv."},
        ],
        "next_step": "Hvad nu?",
    }
)
GRID = Exercise.from_dict({**BASE, "id": "g", "kind": "choice_grid", "scenario": "s", "options": ["Blive", "Gå"], "prompts": ["Hvad sker der?"]})
CHECKLIST = Exercise.from_dict(
    {
        **BASE,
        "id": "c",
        "kind": "checklist",
        "groups": [
            {"id": "tid", "title": "Tid", "items": [{"id": "tempo", "text": "Jeg lod tempoet styre"}, {"id": "pause", "text": "Jeg holdt pauser"}]},
            {"id": "rum", "title": "Rum", "items": [{"id": "plads", "text": "Jeg gav plads"}]},
        ],
        "reflection": [{"id": "laering", "question": "Hvad lærte du?"}],
    }
)


def test_zones_agreement_and_difference_are_explained_without_calling_it_wrong():
    result = compare(ZONES, {"spise": "kan-med-hjaelp", "ringe": "kan-endnu-ikke"})
    spise, ringe = result["items"]
    assert spise["agrees"] and "enig" in spise["message"]
    assert not ringe["agrees"] and "Han ringer selv." in ringe["message"]
    assert "forkert" not in ringe["message"].lower()
    assert result["agreed"] == 1 and result["placed"] == 2
    assert result["candidates"] == ["Spise"]


def test_zones_count_unplaced_and_ignore_unknown_zones():
    result = compare(ZONES, {"spise": "ukendt-zone"})
    assert result["placed"] == 0
    assert "Placér resten" in result["headline"]


def test_grid_summary_keeps_the_users_words_and_counts_empty_cells():
    cells = {grid_cell_key(0, "kort", "fordele"): "Ro", grid_cell_key(1, "lang", "ulemper"): "Ensomhed"}
    sheet = summarise_grid(GRID, cells, {"0": "Han bliver glad"})
    texts = [row["text"] for option in sheet["options"] for row in option["rows"]]
    assert "Ro" in texts and "Ensomhed" in texts
    assert sheet["empty"] == 6
    assert sheet["prompts"][0]["answer"] == "Han bliver glad"


def test_empty_grid_asks_for_at_least_one_entry():
    assert "tomt" in summarise_grid(GRID, {}, {})["headline"]


def test_checklist_summary_points_at_the_weakest_level():
    sheet = summarise_checklist(CHECKLIST, ["tempo", "pause"], {"laering": "  Mere ro  "})
    assert sheet["groups"][0]["count"] == 2 and sheet["groups"][1]["consider"] == ["Jeg gav plads"]
    assert "rum" in sheet["headline"]
    assert sheet["reflections"][0]["answer"] == "Mere ro"


def test_runtime_protocol_round_trip():
    request = {"action": "compare", "exercise": ZONES.to_dict(), "state": {"placements": {"ringe": "kan-selv"}}}
    response = json.loads(handle(json.dumps(request)))
    assert response["ok"] and response["result"]["agreed"] == 1


def test_runtime_reports_errors_as_json_not_exceptions():
    response = json.loads(handle(json.dumps({"action": "fly", "exercise": ZONES.to_dict()})))
    assert not response["ok"] and "fly" in response["error"]
    assert json.loads(handle("not json"))["ok"] is False


def test_to_dict_ships_only_the_fields_of_the_kind():
    data = GRID.to_dict()
    assert "nodes" not in data and "items" not in data and list(data["options"]) == ["Blive", "Gå"]
    assert Exercise.from_dict(data) == GRID
