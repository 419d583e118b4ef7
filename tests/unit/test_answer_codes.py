"""Answer codes: every kind round-trips, and every wrong code is refused with its own Danish message."""

import dataclasses
import json

import pytest

from exercises import answer_codes, trees
from exercises.answer_codes import ALPHABET, MAX_LENGTH, CodeError, decode, encode, exercise_check
from exercises.models import Exercise
from exercises.runtime import handle
from exercises.site import site_library

LIBRARY = site_library()
EXERCISES = sorted(LIBRARY.exercises.values(), key=lambda e: e.id)
TREES = [e for e in EXERCISES if e.kind == "decision_tree"]
BY_KIND = {e.kind: e for e in EXERCISES}


def _full_state(exercise) -> dict:
    """A state with an answer in every place a code can hold one (and free text it must drop)."""
    if exercise.kind == "decision_tree":
        return {"choices": trees.recommended_path(exercise, [])}
    if exercise.kind == "zones":
        zones = list(answer_codes.ZONE_KEYS)
        return {"placements": {item.id: zones[i % 3] for i, item in enumerate(exercise.items)}, "answers": {"next_step": "tekst"}}
    if exercise.kind == "choice_grid":
        keys = answer_codes._grid_keys(exercise)
        return {"decision": "1", "weights": {k: 1 + i % 3 for i, k in enumerate(keys)}, "cells": {keys[0]: "hemmeligt"}}
    items = answer_codes._check_items(exercise)
    return {"ticked": items[::2], "answers": {"r1": "hemmeligt"}}


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_every_exercise_round_trips_a_full_answer_within_twelve_characters(exercise):
    state = _full_state(exercise)
    code = encode(exercise, state)
    assert len(code) <= MAX_LENGTH and set(code) <= set(ALPHABET)
    decoded = decode(exercise, code)
    for key, value in decoded.items():
        assert value == state[key]
    assert "hemmeligt" not in json.dumps(decoded) and "tekst" not in json.dumps(decoded)


@pytest.mark.parametrize("exercise", TREES, ids=lambda e: e.id)
def test_every_path_through_every_tree_fits_in_a_code(exercise):
    for path in trees.all_paths(exercise):
        for length in (len(path), len(path) // 2):
            assert decode(exercise, encode(exercise, {"choices": path[:length]})) == {"choices": path[:length]}


@pytest.mark.parametrize("kind", sorted(BY_KIND))
def test_an_empty_answer_is_a_code_too(kind):
    exercise = BY_KIND[kind]
    decoded = decode(exercise, encode(exercise, {}))
    assert not any(decoded.values()) or decoded == {"decision": "", "weights": {}}


def test_no_two_shipped_exercises_share_a_check_value():
    checks = [exercise_check(e) for e in EXERCISES]
    assert len(set(checks)) == len(checks)


def test_a_code_from_another_exercise_is_refused_as_foreign():
    zones = [e for e in EXERCISES if e.kind == "zones"]
    code = encode(zones[0], _full_state(zones[0]))
    for other in EXERCISES:
        if other.id != zones[0].id and exercise_check(other)[0] != exercise_check(zones[0])[0]:
            with pytest.raises(CodeError, match="anden øvelse"):
                decode(other, code)


def test_a_code_from_another_version_of_the_same_exercise_is_refused():
    tree = TREES[0]
    code = encode(tree, {"choices": [1]})
    changed = dataclasses.replace(tree, title=tree.title + " (ny udgave)")
    with pytest.raises(CodeError, match="anden udgave"):
        decode(changed, code)


@pytest.mark.parametrize("position", range(12))
def test_a_mistyped_character_is_caught_by_the_check_symbol(position):
    exercise = BY_KIND["checklist"]
    code = encode(exercise, _full_state(exercise))
    if position >= len(code):
        return
    caught = 0
    for replacement in ALPHABET:
        if replacement == code[position]:
            continue
        typo = code[:position] + replacement + code[position + 1 :]
        try:
            decode(exercise, typo)
        except CodeError:
            caught += 1
    assert caught >= len(ALPHABET) - 3  # the 5-bit check lets at most ~1 in 32 typos through


def test_swapped_neighbours_are_caught():
    exercise = BY_KIND["zones"]
    code = encode(exercise, _full_state(exercise))
    swaps = [code[:i] + code[i + 1] + code[i] + code[i + 2 :] for i in range(len(code) - 1) if code[i] != code[i + 1]]
    refused = 0
    for swapped in swaps:
        try:
            decode(exercise, swapped)
        except CodeError:
            refused += 1
    assert refused >= len(swaps) - 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Skriv gruppens svarkode"),
        ("   ", "Skriv gruppens svarkode"),
        ("ABCU7", "Tegnet «U» findes ikke"),
        ("AB#C7", "Tegnet «#» findes ikke"),
        ("1234567890ABC", "for lang: en svarkode har højst 12 tegn, denne har 13"),
        ("12A", "for kort"),
    ],
)
def test_malformed_codes_get_a_plain_message(text, message):
    with pytest.raises(CodeError, match=message):
        decode(BY_KIND["decision_tree"], text)


def test_spaces_dashes_lower_case_and_look_alike_letters_are_accepted():
    exercise = BY_KIND["zones"]
    code = encode(exercise, _full_state(exercise))
    sloppy = "-".join(code[i : i + 4] for i in range(0, len(code), 4)).lower().replace("0", "o").replace("1", "l")
    assert decode(exercise, sloppy) == decode(exercise, code)


def test_a_path_too_long_for_a_code_is_refused_when_made():
    # A learner who keeps taking a recovery back to the same question makes a path with no end.
    looping = Exercise.from_dict(
        {
            "id": "dt-loop",
            "kind": "decision_tree",
            "title": "Loop",
            "audience": [],
            "source": [],
            "start": "a",
            "nodes": [{"id": "a", "question": "?", "options": [{"label": "igen", "next": "a", "recovery": True}, {"label": "slut", "next": "u"}]}],
            "outcomes": [{"id": "u", "title": "Slut", "text": "", "source": []}],
        }
    )
    assert decode(looping, encode(looping, {"choices": [1] * 20 + [2]})) == {"choices": [1] * 20 + [2]}
    with pytest.raises(CodeError, match="for mange svar"):
        encode(looping, {"choices": [1] * 40 + [2]})


def test_engine_actions_make_and_read_codes_for_every_kind():
    for kind, exercise in BY_KIND.items():
        definition = exercise.to_dict()
        made = json.loads(handle(json.dumps({"action": "answer_code", "exercise": definition, "state": _full_state(exercise)})))
        assert made["ok"], made
        code = made["result"]["code"]
        read = json.loads(handle(json.dumps({"action": "read_code", "exercise": definition, "state": {"code": code}})))
        assert read["ok"] and read["result"]["valid"] and read["result"]["code"] == code, kind


def test_a_refused_code_is_an_answer_with_a_message_not_an_engine_failure():
    definition = BY_KIND["checklist"].to_dict()
    read = json.loads(handle(json.dumps({"action": "read_code", "exercise": definition, "state": {"code": "XXXXX"}})))
    assert read["ok"] is True and read["result"]["valid"] is False and "ikke skrevet rigtigt" in read["result"]["message"]


def test_the_code_action_rejects_a_malformed_state():
    definition = BY_KIND["decision_tree"].to_dict()
    response = json.loads(handle(json.dumps({"action": "answer_code", "exercise": definition, "state": {"choices": ["1"]}})))
    assert response["code"] == "bad_request"
