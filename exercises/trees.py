"""Branching scenarios: walking a path, listing every path, the debrief, and the structural rules.

A tree has questions (``nodes``) of two types: a *beslutning* asks "hvad gør du?" and has exactly one
option the handbooks recommend; a *situation* asks the learner to read what is going on. Every
option carries feedback. An option marked ``recovery`` shows its consequence and leads back to an
earlier question, so a learner can make a mistake and try again; those are the only loops allowed.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

from .models import Exercise, Node, Option


@dataclass(frozen=True)
class Step:
    node: str
    question: str
    choice: int  # 1-based option number
    answer: str


@dataclass(frozen=True)
class Walk:
    """Where a sequence of choices leads: the steps taken and either the next node or the outcome."""

    steps: tuple[Step, ...]
    at: str  # id of the current node, or of the outcome when finished
    finished: bool

    def to_dict(self) -> dict[str, object]:
        return {
            "steps": [s.__dict__ for s in self.steps],
            "at": self.at,
            "finished": self.finished,
        }


class WalkError(ValueError):
    """A choice that does not exist at this point (e.g. saved progress from an older version)."""


def walk(tree: Exercise, choices: list[int]) -> Walk:
    """Follow 1-based option numbers from the start node (loops through recoveries are fine)."""
    at = tree.start
    steps: list[Step] = []
    for number in choices:
        node = tree.node(at)
        if node is None:
            raise WalkError(f"der er ikke flere spørgsmål efter '{at}'")
        if not 1 <= number <= len(node.options):
            raise WalkError(f"spørgsmålet '{node.id}' har ingen svarmulighed nr. {number}")
        option = node.options[number - 1]
        steps.append(Step(node=node.id, question=node.question, choice=number, answer=option.label))
        at = option.next
    return Walk(steps=tuple(steps), at=at, finished=tree.outcome(at) is not None)


def all_paths(tree: Exercise) -> list[list[int]]:
    """Every sequence of choices from the start to an outcome; each recovery is taken at most once per path."""
    paths: list[list[int]] = []

    def visit(node_id: str, prefix: list[int], used: frozenset[tuple[str, int]]) -> None:
        node = tree.node(node_id)
        if node is None:
            paths.append(prefix)
            return
        for number, option in enumerate(node.options, start=1):
            if option.recovery:
                if (node.id, number) in used:
                    continue
                visit(option.next, prefix + [number], used | {(node.id, number)})
            else:
                visit(option.next, prefix + [number], used)

    visit(tree.start, [], frozenset())
    return paths


def recommended_option(node: Node) -> tuple[int, Option] | None:
    """The handbooks' choice at a decision (1-based number and option); None at a situation."""
    if not node.is_decision:
        return None
    return next(((n, o) for n, o in enumerate(node.options, start=1) if o.recommended), None)


def recommended_path(tree: Exercise, choices: list[int]) -> list[int]:
    """The handbooks' way through the same situations the learner met.

    At a decision it takes the recommended option; at a situation it keeps what the learner read
    the situation as (a fact of the scenario, not a choice), or the first option if they never got
    there. Recommended options are never recoveries, so the path always ends in an outcome.
    """
    seen: dict[str, int] = {}
    at = tree.start
    for number in choices:
        node = tree.node(at)
        if node is None:
            break
        seen.setdefault(node.id, number)
        at = node.options[number - 1].next if 1 <= number <= len(node.options) else at
    path: list[int] = []
    node = tree.node(tree.start)
    while node is not None:
        choice = recommended_option(node)
        number = choice[0] if choice else seen.get(node.id, 1)
        path.append(number)
        node = tree.node(node.options[number - 1].next)
    return path


def _described_steps(tree: Exercise, choices: list[int]) -> list[dict[str, Any]]:
    steps = []
    at = tree.start
    for number in choices:
        node = tree.node(at)
        assert node is not None  # walk() has already checked the choices
        option = node.options[number - 1]
        best = recommended_option(node)
        steps.append(
            {
                "node": node.id,
                "type": node.type,
                "question": node.question,
                "choice": number,
                "answer": option.label,
                "feedback": option.feedback,
                "see": option.see,
                "recovery": option.recovery,
                "as_recommended": None if best is None else best[0] == number,
                "recommended_answer": "" if best is None else best[1].label,
            }
        )
        at = option.next
    return steps


def debrief(tree: Exercise, choices: list[int]) -> dict[str, Any]:
    """The end screen: your path with feedback, the handbooks' path, where you differed, and the outcome.

    Law boxes are named by id (``law``); the page has already rendered them from love.yml.
    """
    result = walk(tree, choices)
    if not result.finished:
        return {"finished": False, "at": result.at}
    outcome = tree.outcome(result.at)
    assert outcome is not None
    yours = _described_steps(tree, choices)
    best_choices = recommended_path(tree, choices)
    best = _described_steps(tree, best_choices)
    differed = [s for s in yours if s["as_recommended"] is False]
    decisions = [s for s in yours if s["as_recommended"] is not None]
    rating = outcome.rating_label
    return {
        "finished": True,
        "headline": (
            f"Du endte ved «{outcome.title}» – {rating}. "
            f"Du valgte som håndbøgerne i {len(decisions) - len(differed)} af {len(decisions)} beslutninger."
        ),
        "steps": yours,
        "recommended": best,
        "recommended_outcome": walk(tree, best_choices).at,
        "differed": differed,
        "outcome": outcome.id,
        "title": outcome.title,
        "rating": outcome.rating,
        "rating_label": rating,
        "law": list(outcome.law),
        "next_page": outcome.next_page,
        "supervision": outcome.supervision,
    }


def tree_counts(tree: Exercise) -> dict[str, int]:
    """What a tree trains, counted from the data (used by ``python -m exercises stats``)."""
    options = [o for n in tree.nodes for o in n.options]
    decisions = {n.id for n in tree.nodes if n.is_decision}

    def decisions_on(path: list[int]) -> int:
        visited = {s.node for s in walk(tree, path).steps}
        return len(visited & decisions)

    return {
        "decisions": len(decisions),
        "situations": len(tree.nodes) - len(decisions),
        "outcomes": len(tree.outcomes),
        "options": len(options),
        "options_with_feedback": sum(1 for o in options if o.feedback.strip()),
        "recoveries": sum(1 for o in options if o.recovery),
        "most_decisions_on_a_path": max((decisions_on(p) for p in all_paths(tree)), default=0),
    }


def structure_problems(
    start: str,
    edges: dict[str, list[str]],
    outcomes: set[str],
    recoveries: set[tuple[str, int]] | frozenset[tuple[str, int]] = frozenset(),
) -> list[tuple[str, str]]:
    """Check the rules a tree must meet; returns (node id, plain-language problem) pairs.

    ``edges`` maps each question node to the ids its options lead to; ``recoveries`` holds the
    (node, 0-based option index) pairs whose option is marked ``recovery``. Without the recovery edges the tree
    must be acyclic, and every question must keep one ordinary answer: together that proves every
    question reaches an outcome, so nobody can be trapped in a loop. Works on raw ids so the
    validator can use it before any model exists. A ``next:`` that names nothing is reported under
    that unknown id (the validator knows which line names it), and alone: what it leaves unreachable
    follows from that one typo and is not reported again.
    """
    problems: list[tuple[str, str]] = []
    known = set(edges) | outcomes
    for node, targets in edges.items():
        for index, target in enumerate(targets):
            if target not in known:
                if target not in {where for where, _ in problems}:
                    guess = difflib.get_close_matches(target, sorted(known), n=1)
                    fix = f"mente du '{guess[0]}'?" if guess else f"skriv et af: {', '.join(sorted(known))}"
                    problems.append((target, f"et svar fører til '{target}', som hverken er et spørgsmål eller et udfald – {fix}"))
            elif (node, index) in recoveries and target in outcomes:
                problems.append((node, f"et svar med 'recovery: true' skal føre tilbage til et spørgsmål, ikke til udfaldet '{target}'"))
        if targets and all((node, i) in recoveries for i in range(len(targets))):
            problems.append((node, f"spørgsmålet '{node}' skal have mindst ét svar uden 'recovery: true', ellers kan man ikke komme videre"))
    if any(target not in known for targets in edges.values() for target in targets):
        return problems
    if start not in edges:
        problems.append((start, f"start peger på '{start}', som ikke er et spørgsmål i nodes"))
        return problems
    # Reach counts every answer; cycles are searched for among the ordinary answers only.
    reached: set[str] = set()
    queue = [start]
    while queue:
        node = queue.pop()
        if node in reached:
            continue
        reached.add(node)
        queue += [t for t in edges.get(node, []) if t in known]
    state: dict[str, str] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = "open"
        for index, target in enumerate(edges.get(node, [])):
            if target not in edges or (node, index) in recoveries:
                continue
            if state.get(target) == "open":
                loop = " → ".join(trail + [node, target])
                problems.append(
                    (node, f"svarene danner en løkke ({loop}); en vej tilbage skal markeres med 'recovery: true' på svaret")
                )
            elif target not in state:
                visit(target, trail + [node])
        state[node] = "done"

    for node in [start, *edges]:
        if node not in state:
            visit(node, [])
    for node in edges:
        if node not in reached:
            problems.append((node, f"spørgsmålet '{node}' kan ikke nås fra start – intet svar fører hertil"))
    for outcome in sorted(outcomes - reached):
        problems.append((outcome, f"udfaldet '{outcome}' kan ikke nås – intet svar fører hertil"))
    return problems
