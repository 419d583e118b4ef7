"""The browser-facing protocol never raises: every input gets ``ok: false`` with a code the page can route."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exercises.runtime import handle
from exercises.site import site_library

LIBRARY = site_library()
TREE = next(e for e in LIBRARY.exercises.values() if e.kind == "decision_tree").to_dict()
CHECKLIST = next(e for e in LIBRARY.exercises.values() if e.kind == "checklist").to_dict()
EXAMPLES = {e.kind: e.to_dict() for e in LIBRARY.exercises.values()}
ACTION = {"decision_tree": "walk", "zones": "compare", "choice_grid": "summary", "checklist": "summary"}


def answer(request) -> dict:
    return json.loads(handle(request if isinstance(request, str) else json.dumps(request)))


@pytest.mark.parametrize("choice", [1.9, True, "12", -1, None, [1]])
def test_choices_must_be_non_negative_integers(choice):
    response = answer({"action": "walk", "exercise": TREE, "state": {"choices": [choice]}})
    assert response == {"ok": False, "code": "bad_request", "error": response["error"]}


def test_a_choice_that_does_not_exist_is_stale_state_not_an_engine_error():
    response = answer({"action": "walk", "exercise": TREE, "state": {"choices": [99]}})
    assert response["ok"] is False and response["code"] == "stale_state"


@pytest.mark.parametrize(
    "request_text",
    [
        '{"action": "walk", "exercise": ' + json.dumps(TREE) + ', "state": {"choices": [Infinity]}}',
        '{"action": "walk", "exercise": ' + json.dumps(TREE) + ', "state": {"choices": [1e400]}}',
        "[" * 100_000 + "]" * 100_000,
        '{"action": "walk", "exercise": {"kind": "decision_tree", "nodes": [1]}}',
        '{"action": "walk", "exercise": "x"}',
        '{"action": ["walk"], "exercise": {}}',
        "null",
        "",
    ],
)
def test_odd_requests_are_answered_not_raised(request_text):
    assert answer(request_text)["ok"] is False


def test_an_empty_checklist_group_is_an_answer_not_a_crash():
    broken = {**CHECKLIST, "groups": [{**CHECKLIST["groups"][0], "items": []}]}
    response = answer({"action": "summary", "exercise": broken, "state": {}})
    assert response["ok"] is False or "headline" in response["result"]


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=20,
)


def mutated(request: dict, key_path: list[str], value) -> dict:
    """A copy of the request with one field (top level or one level down) replaced by arbitrary JSON."""
    data = json.loads(json.dumps(request))
    parent = data if len(key_path) == 1 else data.setdefault(key_path[0], {})
    parent[key_path[-1]] = value
    return data


@st.composite
def requests(draw) -> dict:
    kind = draw(st.sampled_from(sorted(EXAMPLES)))
    request = {"action": ACTION[kind], "exercise": EXAMPLES[kind], "state": {}}
    field = draw(
        st.sampled_from(
            [["action"], ["state"], ["state", "choices"], ["state", "placements"], ["state", "cells"],
             ["state", "answers"], ["state", "ticked"], ["exercise", "kind"], ["exercise", "nodes"],
             ["exercise", "items"], ["exercise", "groups"], ["exercise", "options"], ["exercise", "start"],
             ["exercise", "outcomes"], ["exercise", "prompts"], ["exercise", "title"]]
        )
    )
    return mutated(request, field, draw(JSON))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(requests())
def test_fuzzed_requests_always_get_a_json_answer(request):
    response = answer(request)
    assert response["ok"] in (True, False)
    if not response["ok"]:
        assert response["code"] in {"bad_request", "stale_state", "engine"} and response["error"]
