"""The browser's entry point: one JSON request in, one JSON response out.

The page's worker calls :func:`handle` with the exercise definition (the same JSON the build
embedded in the page) and the learner's state. Keeping the protocol to strings makes the boundary
between JavaScript and Python explicit and testable on CPython.
"""

from __future__ import annotations

import json
from typing import Any

from . import __version__, sheets, trees, zones
from .models import Exercise


def _walk(exercise: Exercise, state: dict[str, Any]) -> dict[str, Any]:
    result = trees.walk(exercise, [int(c) for c in state.get("choices", [])])
    response: dict[str, Any] = result.to_dict()
    if result.finished:
        outcome = exercise.outcome(result.at)
        response["outcome"] = outcome.id if outcome else None
    return response


def _actions(kind: str) -> dict[str, Any]:
    return {
        "decision_tree": {"walk": _walk},
        "zones": {"compare": lambda ex, st: zones.compare(ex, st.get("placements", {}))},
        "choice_grid": {
            "summary": lambda ex, st: sheets.summarise_grid(
                ex, st.get("cells", {}), st.get("answers", {}), str(st.get("decision", "")), st.get("weights", {})
            )
        },
        "checklist": {
            "summary": lambda ex, st: sheets.summarise_checklist(
                ex, st.get("ticked", []), st.get("answers", {}), st.get("history", []), str(st.get("today", ""))
            )
        },
    }.get(kind, {})


def handle(request: str) -> str:
    """Answer ``{"action", "exercise", "state"}`` with ``{"ok": true, "result"}`` or ``{"ok": false, "error"}``."""
    try:
        data = json.loads(request)
        exercise = Exercise.from_dict(data["exercise"])
        action = _actions(exercise.kind).get(data["action"])
        if action is None:
            raise ValueError(f"handlingen '{data['action']}' findes ikke for {exercise.kind}")
        result = action(exercise, data.get("state") or {})
        return json.dumps({"ok": True, "result": result, "engine": __version__}, ensure_ascii=False)
    except (KeyError, TypeError, ValueError) as exc:
        return json.dumps({"ok": False, "error": str(exc)}, ensure_ascii=False)
