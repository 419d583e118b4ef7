"""The omsorg tree must never let a learner conclude that force is lawful in SKP work.

Serviceloven § 124 a limits the rules on magtanvendelse to help under §§ 83–87, 101–102, 103–104
(and ældreloven); § 99 (SKP) is not among them. Every path is walked, and each outcome that talks
about force must say so. The tree as it stood before the fix is kept as a fixture, so the check is
shown to fail on the text that taught the opposite.
"""

import re
from pathlib import Path

import pytest

from exercises.loader import load_yaml
from exercises.models import Exercise, Outcome
from exercises.site import ROOT, site_library
from exercises.trees import all_paths, walk
from exercises.validate import Checker, check_exercise

LIB = site_library()
TREE_ID = "dt-omsorg-uden-samtykke"
OLD_TREE = Path(__file__).resolve().parents[1] / "fixtures" / "unsafe" / "dt-omsorg-uden-samtykke-foer-rettelsen.yml"
# The law points on magtanvendelse (the rules, the principles, registration, handleplan, guidance, order).
FORCE_LAWS = {f"LAW-{n}" for n in range(14, 20)}
MENTIONS_FORCE = re.compile(r"magt|tvang", re.IGNORECASE)
MENTIONS_FORCE_RULES = re.compile(r"magtanvendelse|magtregl", re.IGNORECASE)
NO_BASIS = re.compile(r"§ 99[^.]*\b(?:ingen hjemmel|giver ikke hjemmel)|ingen hjemmel[^.]*§ 99")
SCOPE = re.compile(r"§ 124 a[^.]*§§ 83.87[^.]*101.102[^.]*103.104[^.]*ældreloven")


def force_problems(tree: Exercise) -> list[str]:
    """What is wrong with each outcome a learner can reach, as '<path> → <outcome>: <problem>'."""
    problems = []
    for choices in all_paths(tree):
        result = walk(tree, choices)
        outcome = tree.outcome(result.at)
        assert isinstance(outcome, Outcome), (choices, result.at)
        where = f"{choices} → {outcome.id}"
        text = f"{outcome.title}\n{outcome.text}"
        cites_force_law = bool(FORCE_LAWS & set(outcome.law))
        believes_basis = any("hjemlen er på plads" in step.answer for step in result.steps)
        if (cites_force_law or MENTIONS_FORCE.search(text) or believes_basis) and not NO_BASIS.search(text):
            problems.append(f"{where}: siger ikke, at SKP (§ 99) ikke giver hjemmel til magt")
        if (cites_force_law or MENTIONS_FORCE_RULES.search(text) or believes_basis) and not SCOPE.search(text):
            problems.append(f"{where}: siger ikke, hvilken hjælp magtreglerne gælder for (§ 124 a)")
    return problems


def test_no_path_of_the_omsorg_tree_ends_with_force_lawful_under_skp():
    assert force_problems(LIB.exercises[TREE_ID]) == []


def test_the_believed_basis_path_ends_in_the_outcome_that_explains_there_is_none():
    tree = LIB.exercises[TREE_ID]
    ends = {
        walk(tree, choices).at
        for choices in all_paths(tree)
        if any("hjemlen er på plads" in s.answer for s in walk(tree, choices).steps)
    }
    assert ends == {"ingen-hjemmel-i-skp"}
    text = tree.outcome("ingen-hjemmel-i-skp").text
    for what_skp_does in ("leder", "myndighedsrådgiveren", "sundhedsvæsenet", "112"):
        assert what_skp_does in text


@pytest.fixture(scope="module")
def old_tree() -> Exercise:
    data, errors = load_yaml(OLD_TREE, OLD_TREE.name)
    assert not errors
    checker = Checker(OLD_TREE.name)
    tree = check_exercise(checker, data, TREE_ID, LIB)
    assert tree is not None and not checker.errors, checker.errors
    return tree


def test_the_check_fails_on_the_tree_as_it_was_before_the_fix(old_tree):
    problems = force_problems(old_tree)
    assert any("kun-efter-magtreglerne" in p and "§ 99" in p for p in problems), problems
    assert any("ingen-tvang" in p for p in problems), problems


@pytest.mark.parametrize("page", ["omsorgspligt.md", "magtanvendelse.md"])
def test_the_pages_on_care_and_force_say_skp_gives_no_basis_for_force(page):
    text = " ".join((ROOT / "docs" / "dilemmaer" / page).read_text(encoding="utf-8").split())
    assert NO_BASIS.search(text) or "SKP giver ingen hjemmel til magt" in text, page
    assert SCOPE.search(text), page


def test_the_force_law_point_states_the_scope_of_124_a():
    now = LIB.laws["LAW-14"].now
    assert NO_BASIS.search(now) and SCOPE.search(now), now
