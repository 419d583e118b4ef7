"""What the exercises train, counted from the data: ``python -m exercises stats --json``.

The numbers back the promises the site makes about its trees (most questions are decisions, every
answer has feedback, every tree lets you recover from a mistake) so a test can hold them to it.
"""

from __future__ import annotations

from typing import Any

from .kinds import KINDS
from .library import Library
from .trees import tree_counts


def exercise_stats(library: Library) -> dict[str, Any]:
    """Per exercise its id, kind and the DEC ids it plays; tree counts; totals across all trees."""
    rows = []
    for exercise in library.exercises.values():
        row: dict[str, Any] = {
            "id": exercise.id,
            "kind": exercise.kind,
            "plays": [ref for ref in exercise.covers if ref.startswith("DEC-")],
        }
        if exercise.kind == "decision_tree":
            row.update(tree_counts(exercise))
        rows.append(row)
    trees = [r for r in rows if r["kind"] == "decision_tree"]
    questions = sum(r["decisions"] + r["situations"] for r in trees)
    decisions = sum(r["decisions"] for r in trees)
    played = {ref for r in rows if KINDS[r["kind"]].plays_decisions for ref in r["plays"]}
    totals = {
        "trees": len(trees),
        "questions": questions,
        "decisions": decisions,
        "decision_share": round(decisions / questions, 3) if questions else 0.0,
        "options": sum(r["options"] for r in trees),
        "options_with_feedback": sum(r["options_with_feedback"] for r in trees),
        "fewest_decisions_on_longest_path": min((r["most_decisions_on_a_path"] for r in trees), default=0),
        "fewest_recoveries": min((r["recoveries"] for r in trees), default=0),
        "decs_played": sorted(played),
    }
    return {"exercises": rows, "totals": totals}
