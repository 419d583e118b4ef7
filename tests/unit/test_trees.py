"""Branching scenarios: walking, listing paths with recoveries, the debrief and the structural rules."""

import json

import pytest

from exercises.models import Exercise
from exercises.runtime import handle
from exercises.trees import WalkError, all_paths, debrief, recommended_path, structure_problems, tree_counts, walk


def option(label, next, recommended=False, recovery=False):
    return {"label": label, "next": next, "feedback": f"Feedback: {label}", "recommended": recommended, "recovery": recovery}


# q1 is a situation; q2 and q3 are decisions; "Gå ind" at q2 is a mistake that leads back to q2.
TREE = Exercise.from_dict(
    {
        "id": "t",
        "kind": "decision_tree",
        "title": "T",
        "audience": ["ny-medarbejder"],
        "intro": "x",
        "source": ["A-5.1"],
        "start": "q1",
        "nodes": [
            {"id": "q1", "type": "situation", "question": "Hvor er du?", "options": [option("Ude", "q2"), option("Inde", "q3")]},
            {
                "id": "q2",
                "type": "beslutning",
                "question": "Hvad gør du?",
                "options": [option("Gå ind", "q2", recovery=True), option("Vent", "q3", recommended=True), option("Ring", "slut-nej")],
            },
            {"id": "q3", "type": "beslutning", "question": "Og nu?", "options": [option("Spørg", "slut-a", recommended=True), option("Tag over", "slut-nej")]},
        ],
        "outcomes": [
            {"id": "slut-nej", "title": "Nej", "text": "fordi", "source": ["A-5.1"], "rating": "risikabelt", "law": ["LAW-11"], "next_page": "a.md", "supervision": "Hvorfor?"},
            {"id": "slut-a", "title": "A", "text": "fordi", "source": ["A-5.1"], "rating": "anbefalet", "next_page": "b.md", "supervision": "Hvordan?"},
        ],
    }
)


def test_walk_follows_options_to_an_outcome():
    result = walk(TREE, [1, 2, 1])
    assert result.finished and result.at == "slut-a"
    assert [(s.node, s.answer) for s in result.steps] == [("q1", "Ude"), ("q2", "Vent"), ("q3", "Spørg")]


def test_walk_goes_round_a_recovery_and_on():
    result = walk(TREE, [1, 1, 1, 2, 1])
    assert [s.node for s in result.steps] == ["q1", "q2", "q2", "q2", "q3"] and result.at == "slut-a"


def test_partial_walk_stops_at_the_next_question():
    result = walk(TREE, [1])
    assert not result.finished and result.at == "q2"


def test_walk_rejects_an_option_that_does_not_exist():
    with pytest.raises(WalkError, match="nr. 4"):
        walk(TREE, [1, 4])
    with pytest.raises(WalkError, match="ikke flere spørgsmål"):
        walk(TREE, [2, 1, 1])


def test_all_paths_takes_each_recovery_once_per_path():
    assert sorted(all_paths(TREE)) == sorted(
        [[1, 1, 2, 1], [1, 1, 2, 2], [1, 1, 3], [1, 2, 1], [1, 2, 2], [1, 3], [2, 1], [2, 2]]
    )


def test_recommended_path_keeps_the_learners_situation_and_takes_the_recommended_decisions():
    assert recommended_path(TREE, [2, 2]) == [2, 1]
    assert recommended_path(TREE, [1, 3]) == [1, 2, 1]


def test_debrief_compares_the_path_with_the_handbooks_and_names_the_rule():
    result = debrief(TREE, [1, 1, 3])
    assert result["finished"] and result["outcome"] == "slut-nej"
    assert result["rating"] == "risikabelt" and result["rating_label"] == "Risikabelt"
    assert [s["feedback"] for s in result["steps"]] == ["Feedback: Ude", "Feedback: Gå ind", "Feedback: Ring"]
    assert [s["answer"] for s in result["recommended"]] == ["Ude", "Vent", "Spørg"]
    assert result["recommended_outcome"] == "slut-a"
    assert [(d["answer"], d["recommended_answer"]) for d in result["differed"]] == [("Gå ind", "Vent"), ("Ring", "Vent")]
    assert result["law"] == ["LAW-11"] and result["next_page"] == "a.md" and result["supervision"] == "Hvorfor?"
    assert "som håndbøgerne i 0 af 2 beslutninger" in result["headline"]


def test_debrief_of_the_handbooks_own_path_has_no_differences():
    result = debrief(TREE, [2, 1])
    assert result["differed"] == [] and result["rating"] == "anbefalet"
    assert "1 af 1 beslutninger" in result["headline"]


def test_debrief_before_the_end_is_not_finished():
    assert debrief(TREE, [1]) == {"finished": False, "at": "q2"}


def test_tree_counts_are_computed_from_the_data():
    assert tree_counts(TREE) == {
        "decisions": 2,
        "situations": 1,
        "outcomes": 2,
        "options": 7,
        "options_with_feedback": 7,
        "recoveries": 1,
        "most_decisions_on_a_path": 2,
    }


def test_structure_accepts_a_good_tree_and_a_loop_through_a_recovery():
    assert structure_problems("a", {"a": ["b", "x"], "b": ["x", "y"]}, {"x", "y"}) == []
    assert structure_problems("a", {"a": ["b", "x"], "b": ["a", "y"]}, {"x", "y"}, {("b", 0)}) == []


@pytest.mark.parametrize(
    "start, edges, outcomes, recoveries, expected",
    [
        ("a", {"a": ["b"], "b": ["a"]}, {"x"}, set(), "løkke"),
        ("a", {"a": ["x", "nowhere"]}, {"x"}, set(), "hverken er et spørgsmål eller et udfald"),
        ("a", {"a": ["x", "x"], "lost": ["x", "x"]}, {"x"}, set(), "kan ikke nås fra start"),
        ("a", {"a": ["x", "x"]}, {"x", "never"}, set(), "udfaldet 'never' kan ikke nås"),
        ("missing", {"a": ["x", "x"]}, {"x"}, set(), "start peger på 'missing'"),
        ("a", {"a": ["b", "x"], "b": ["a", "a"]}, {"x"}, {("b", 0), ("b", 1)}, "mindst ét svar uden 'recovery: true'"),
        ("a", {"a": ["x", "y"]}, {"x", "y"}, {("a", 0)}, "ikke til udfaldet 'x'"),
        # a loop that is not marked as a recovery is still a trap, even next to one that is
        ("a", {"a": ["b", "x"], "b": ["c", "a"], "c": ["b", "x"]}, {"x"}, {("b", 1)}, "løkke (a → b → c → b)"),
    ],
)
def test_structure_problems_are_named_plainly(start, edges, outcomes, recoveries, expected):
    problems = structure_problems(start, edges, outcomes, recoveries)
    assert any(expected in message for _, message in problems), problems


def test_the_browser_engine_answers_a_debrief_request():
    answer = json.loads(handle(json.dumps({"action": "debrief", "exercise": TREE.to_dict(), "state": {"choices": [2, 1]}})))
    assert answer["ok"] and answer["result"]["outcome"] == "slut-a" and answer["result"]["rating_label"] == "Anbefalet"
