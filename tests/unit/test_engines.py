"""ZNU comparison, summary sheets, CPR detection and the browser-facing JSON protocol."""

import json

import pytest

from exercises.models import Exercise
from exercises.privacy import looks_like_cpr
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
GRID = Exercise.from_dict(
    {
        **BASE,
        "id": "g",
        "kind": "choice_grid",
        "scenario": "s",
        "options": ["Blive", "Gå"],
        "prompts": ["Hvad sker der?"],
        "handbook_view": {"text": "Håndbogen lader borgeren vælge.", "source": ["B-3.4.3"]},
    }
)
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
    assert "tomt" in summarise_grid(GRID, {}, {}, "0")["headline"]


def test_checklist_summary_says_what_is_missing_per_criterion():
    sheet = summarise_checklist(CHECKLIST, ["tempo", "pause"], {"laering": "  Mere ro  "})
    tid, rum = sheet["groups"]
    assert tid["state"] == "holder" and rum["state"] == "ikke-vurderet"
    assert "Jeg gav plads" in rum["message"]
    assert "1 af 2 holder" in sheet["headline"]
    assert sheet["reflections"][0]["answer"] == "Mere ro"


def _item(item_id: str, tag: str) -> dict[str, str]:
    return {"id": item_id, "text": item_id, "tag": tag}


NAERHED = Exercise.from_dict(
    {
        **BASE,
        "id": "cl-naerhed-x",
        "kind": "checklist",
        "scale": "naerhed-afstand",
        "groups": [
            {
                "id": "tid",
                "title": "Tid",
                "advice": {"for-taet": "Aftal længden.", "for-fjern": "Kom til tiden."},
                "items": [_item("tempo", "balance"), _item("for-laenge", "for-taet"), _item("for-sent", "for-fjern")],
            },
            {"id": "rum", "title": "Rum", "items": [_item("plads", "balance"), _item("ind-i-mit-liv", "for-taet"), _item("ved-doeren", "for-fjern")]},
        ],
    }
)


def test_naerhed_lean_per_level_with_the_level_advice():
    sheet = summarise_checklist(NAERHED, ["for-laenge", "plads"], {})
    tid, rum = sheet["groups"]
    assert (tid["state"], rum["state"]) == ("for-taet", "balance")
    assert "Aftal længden." in tid["message"] and "Kom til tiden." not in tid["message"]
    assert "for tæt: tid" in sheet["headline"] and "i balance: rum" in sheet["headline"]
    assert summarise_checklist(NAERHED, ["for-sent"], {})["groups"][0]["state"] == "for-fjern"


def test_ticking_everything_is_contradictory_not_a_win():
    everything = [i.id for g in NAERHED.groups for i in g.items]
    sheet = summarise_checklist(NAERHED, everything, {})
    assert {g["state"] for g in sheet["groups"]} == {"modstridende"}
    assert "kan ikke vindes" in sheet["headline"]


def test_a_ticked_warning_sign_beats_the_ticked_criterion():
    warned = Exercise.from_dict(
        {
            **CHECKLIST.to_dict(),
            "groups": [
                {"id": "tid", "title": "Tid", "advice": {"faresignal": "Gør opgaven mindre."}, "items": [{"id": "a", "text": "a"}, _item("b", "faresignal")]}
            ],
        }
    )
    assert summarise_checklist(warned, ["a", "b"], {})["groups"][0]["state"] == "modstridende"
    only_warning = summarise_checklist(warned, ["b"], {})
    assert only_warning["groups"][0]["state"] == "faresignal" and "Gør opgaven mindre." in only_warning["groups"][0]["message"]
    assert "Faresignal ved: tid" in only_warning["headline"]


DATED = Exercise.from_dict({**CHECKLIST.to_dict(), "dated": True})


def test_dated_checklist_records_one_entry_per_day_and_shows_the_change():
    first = summarise_checklist(DATED, ["tempo"], {}, [], "2026-11-01")
    assert first["history"] == [{"date": "2026-11-01", "ticked": ["tempo"]}] and first["change"] is None
    second = summarise_checklist(DATED, ["tempo", "pause", "plads"], {}, first["history"], "2026-12-02")
    assert [e["date"] for e in second["history"]] == ["2026-11-01", "2026-12-02"]
    change = second["change"]
    assert change["since"] == "2026-11-01" and "Siden 1.11.2026" in change["text"]
    assert change["groups"][0]["gained"] == ["Jeg holdt pauser"] and "Tid: 1 → 2 kryds" in change["text"]
    again = summarise_checklist(DATED, ["tempo"], {}, second["history"], "2026-12-02")
    assert len(again["history"]) == 2 and again["history"][-1]["ticked"] == ["tempo"]


def test_reading_a_dated_checklist_without_a_date_adds_no_entry():
    history = [{"date": "2026-11-01", "ticked": ["tempo"]}, {"date": "2026-12-02", "ticked": []}, {"date": "i går"}]
    sheet = summarise_checklist(DATED, [], {}, history)
    assert len(sheet["history"]) == 2 and sheet["change"]["groups"][0]["lost"] == ["Jeg lod tempoet styre"]
    with pytest.raises(ValueError):
        summarise_checklist(DATED, [], {}, [], "2. december")


def test_grid_decision_sheet_weighs_arguments_and_gives_the_view_after_the_decision():
    cells = {grid_cell_key(0, "kort", "fordele"): "Ro", grid_cell_key(1, "lang", "fordele"): "Familien", grid_cell_key(1, "kort", "ulemper"): "Alkohol"}
    undecided = summarise_grid(GRID, cells, {}, "", {grid_cell_key(1, "lang", "fordele"): 3})
    assert undecided["handbook_view"] is None and not undecided["complete"] and "Vælg" in undecided["headline"]
    sheet = summarise_grid(GRID, cells, {}, "0", {grid_cell_key(1, "lang", "fordele"): 3, grid_cell_key(1, "kort", "ulemper"): "9"})
    assert sheet["decision"] == "Blive" and sheet["leaning"] == "Gå" and "peger mod «Gå»" in sheet["headline"]
    assert sheet["options"][1]["for"] == 3 and sheet["options"][1]["against"] == 1  # 9 is no weight: counts as 1
    assert sheet["heaviest"][0]["text"] == "Familien"
    assert sheet["handbook_view"]["source"] == ["B-3.4.3"] and sheet["complete"]
    assert "støtter beslutningen" in summarise_grid(GRID, cells, {}, "1", {grid_cell_key(1, "lang", "fordele"): 3})["headline"]


def test_zones_difference_names_the_risk_of_each_direction():
    higher = compare(ZONES, {"spise": "kan-selv"})["items"][0]["message"]
    lower = compare(ZONES, {"ringe": "kan-med-hjaelp"})["items"][1]["message"]
    assert "mere over på borgeren" in higher and "mindre over på borgeren" in lower
    assert compare(ZONES, {"spise": "kan-selv", "ringe": "kan-selv"})["complete"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Borgeren har cpr 010203-1234", True),
        ("0102031234", True),
        ("010203 1234", True),
        ("Mødet er 12.03.2024 kl. 10", False),
        ("Telefon 12345678", False),
        ("320199-1234", False),  # day 32 does not exist
        ("011399-1234", False),  # month 13 does not exist
    ],
)
def test_cpr_detection(text, expected):
    assert looks_like_cpr(text) is expected


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


def test_runtime_passes_decision_weights_and_dated_history_to_the_engines():
    state = {"cells": {grid_cell_key(0, "kort", "fordele"): "Ro"}, "answers": {}, "decision": "0", "weights": {grid_cell_key(0, "kort", "fordele"): 2}}
    grid = json.loads(handle(json.dumps({"action": "summary", "exercise": GRID.to_dict(), "state": state})))["result"]
    assert grid["decision"] == "Blive" and grid["options"][0]["for"] == 2 and grid["handbook_view"]
    request = {"action": "summary", "exercise": DATED.to_dict(), "state": {"ticked": ["tempo"], "history": [], "today": "2026-12-02"}}
    sheet = json.loads(handle(json.dumps(request)))["result"]
    assert sheet["history"] == [{"date": "2026-12-02", "ticked": ["tempo"]}]
