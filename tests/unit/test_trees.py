"""Decision-tree engine: walking, listing paths and the structural rules."""

import pytest

from exercises.models import Exercise
from exercises.trees import WalkError, all_paths, structure_problems, walk

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
            {"id": "q1", "question": "Første?", "options": [{"label": "Ja", "next": "q2"}, {"label": "Nej", "next": "slut-nej"}]},
            {"id": "q2", "question": "Anden?", "options": [{"label": "A", "next": "slut-a"}, {"label": "B", "next": "slut-nej"}]},
        ],
        "outcomes": [
            {"id": "slut-nej", "title": "Nej", "text": "fordi", "source": ["A-5.1"]},
            {"id": "slut-a", "title": "A", "text": "fordi", "source": ["A-5.1"]},
        ],
    }
)


def test_walk_follows_options_to_an_outcome():
    result = walk(TREE, [1, 1])
    assert result.finished and result.at == "slut-a"
    assert [(s.node, s.answer) for s in result.steps] == [("q1", "Ja"), ("q2", "A")]


def test_partial_walk_stops_at_the_next_question():
    result = walk(TREE, [1])
    assert not result.finished and result.at == "q2"


def test_walk_rejects_an_option_that_does_not_exist():
    with pytest.raises(WalkError, match="nr. 3"):
        walk(TREE, [3])
    with pytest.raises(WalkError, match="ikke flere spørgsmål"):
        walk(TREE, [2, 1])


def test_all_paths_lists_every_route():
    assert sorted(all_paths(TREE)) == [[1, 1], [1, 2], [2]]


def test_structure_accepts_a_good_tree():
    assert structure_problems("a", {"a": ["b", "x"], "b": ["x", "y"]}, {"x", "y"}) == []


@pytest.mark.parametrize(
    "start, edges, outcomes, expected",
    [
        ("a", {"a": ["b"], "b": ["a"]}, {"x"}, "løkke"),
        ("a", {"a": ["x", "nowhere"]}, {"x"}, "hverken er et spørgsmål eller et udfald"),
        ("a", {"a": ["x", "x"], "lost": ["x", "x"]}, {"x"}, "kan ikke nås fra start"),
        ("a", {"a": ["x", "x"]}, {"x", "never"}, "udfaldet 'never' kan ikke nås"),
        ("missing", {"a": ["x", "x"]}, {"x"}, "start peger på 'missing'"),
    ],
)
def test_structure_problems_are_named_plainly(start, edges, outcomes, expected):
    problems = structure_problems(start, edges, outcomes)
    assert any(expected in message for _, message in problems), problems
