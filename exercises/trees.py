"""Decision trees: walking a path, listing every path, and the structural rules authors must meet."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from .models import Exercise


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
    """Follow 1-based option numbers from the start node."""
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
    """Every sequence of choices from the start to an outcome (trees are acyclic once validated)."""
    paths: list[list[int]] = []

    def visit(node_id: str, prefix: list[int]) -> None:
        node = tree.node(node_id)
        if node is None:
            paths.append(prefix)
            return
        for number, option in enumerate(node.options, start=1):
            visit(option.next, prefix + [number])

    visit(tree.start, [])
    return paths


def structure_problems(start: str, edges: dict[str, list[str]], outcomes: set[str]) -> list[tuple[str, str]]:
    """Check the rules a tree must meet; returns (node id, plain-language problem) pairs.

    ``edges`` maps each question node to the ids its options lead to. Works on raw ids so the
    validator can use it before any model exists. A ``next:`` that names nothing is reported under
    that unknown id (the validator knows which line names it), and alone: what it leaves unreachable
    follows from that one typo and is not reported again.
    """
    problems: list[tuple[str, str]] = []
    known = set(edges) | outcomes
    for node, targets in edges.items():
        for target in targets:
            if target not in known and target not in {where for where, _ in problems}:
                guess = difflib.get_close_matches(target, sorted(known), n=1)
                fix = f"mente du '{guess[0]}'?" if guess else f"skriv et af: {', '.join(sorted(known))}"
                problems.append((target, f"et svar fører til '{target}', som hverken er et spørgsmål eller et udfald – {fix}"))
    if problems:
        return problems
    if start not in edges:
        problems.append((start, f"start peger på '{start}', som ikke er et spørgsmål i nodes"))
        return problems
    # Depth-first search from start: finds cycles and what is reachable.
    state: dict[str, str] = {}
    reached: set[str] = set()

    def visit(node: str, trail: list[str]) -> None:
        reached.add(node)
        if node not in edges:
            return
        state[node] = "open"
        for target in edges[node]:
            if target not in known:
                continue
            if state.get(target) == "open":
                loop = " → ".join(trail + [node, target])
                problems.append((node, f"svarene danner en løkke ({loop}); et træ skal altid ende i et udfald"))
            elif target not in state:
                visit(target, trail + [node])
        state[node] = "done"

    visit(start, [])
    for node in edges:
        if node not in reached:
            problems.append((node, f"spørgsmålet '{node}' kan ikke nås fra start – intet svar fører hertil"))
    for outcome in sorted(outcomes - reached):
        problems.append((outcome, f"udfaldet '{outcome}' kan ikke nås – intet svar fører hertil"))
    return problems
