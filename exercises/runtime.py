"""The browser's entry point: one JSON request in, one JSON response out.

The page's worker calls :func:`handle` with the exercise definition (the same JSON the build
embedded in the page) and the learner's state. Keeping the protocol to strings makes the boundary
between JavaScript and Python explicit and testable on CPython. Each kind's actions come from its
module in :mod:`exercises.kinds`.

:func:`handle` never raises. Every failure is ``{"ok": false, "code": …, "error": …}`` so the page
can tell them apart:

* ``bad_request`` – the request does not have the documented shape (a bug in the page);
* ``stale_state`` – the learner's saved answers no longer fit the exercise (e.g. a tree changed);
  only this code may make the page discard saved progress;
* ``engine`` – anything else that went wrong inside Python; saved progress must be left alone.
"""

from __future__ import annotations

import json
from typing import Any

from . import __version__, answer_codes, trees
from .kinds import KINDS
from .kinds.base import Action, BadRequest, choices, json_object, text, text_list, text_map
from .models import Exercise


def _reject_constant(name: str) -> None:
    raise BadRequest(f"{name} er ikke et gyldigt tal i en forespørgsel")


def _code_state(state: dict[str, Any]) -> dict[str, Any]:
    """Only the choices of any kind reach an answer code, checked like the kind's own actions."""
    return {
        "choices": choices(state),
        "placements": text_map(state, "placements"),
        "decision": text(state, "decision"),
        "weights": json_object(state, "weights"),
        "ticked": text_list(state, "ticked"),
    }


# Answer codes for the presenter screen (exercises/answer_codes.py): the same two actions in every kind.
COMMON_ACTIONS: dict[str, Action] = {
    "answer_code": lambda ex, st: answer_codes.make(ex, _code_state(st)),
    "read_code": lambda ex, st: answer_codes.read(ex, text(st, "code")),
}


def _parse(request: str) -> tuple[Action, Exercise, dict[str, Any]]:
    """Check the envelope before any engine code sees it."""
    if not isinstance(request, str):
        raise BadRequest("forespørgslen skal være en JSON-tekst")
    try:
        data = json.loads(request, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise BadRequest(f"forespørgslen er ikke gyldig JSON ({exc.msg})") from exc
    if not isinstance(data, dict):
        raise BadRequest("forespørgslen skal være et JSON-objekt")
    action, definition, state = data.get("action"), data.get("exercise"), data.get("state")
    if not isinstance(action, str):
        raise BadRequest("'action' skal være en tekst")
    if not isinstance(definition, dict) or not isinstance(definition.get("kind"), str):
        raise BadRequest("'exercise' skal være en øvelse med en 'kind'")
    if state is None:
        state = {}
    if not isinstance(state, dict):
        raise BadRequest("'state' skal være et JSON-objekt")
    kind = KINDS.get(definition["kind"])
    handler = (kind.actions.get(action) or COMMON_ACTIONS.get(action)) if kind else None
    if handler is None:
        raise BadRequest(f"handlingen '{action}' findes ikke for {definition['kind']}")
    try:
        exercise = Exercise.from_dict(definition)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise BadRequest(f"øvelsen i forespørgslen mangler eller har forkerte felter ({exc!r})") from exc
    return handler, exercise, state


def _failure(code: str, error: str) -> str:
    return json.dumps({"ok": False, "code": code, "error": error}, ensure_ascii=False)


def handle(request: str) -> str:
    """Answer ``{"action", "exercise", "state"}`` with ``{"ok": true, "result"}`` or ``{"ok": false, "code", "error"}``."""
    try:
        handler, exercise, state = _parse(request)
        result = handler(exercise, state)
        return json.dumps({"ok": True, "result": result, "engine": __version__}, ensure_ascii=False, allow_nan=False)
    except BadRequest as exc:
        return _failure("bad_request", str(exc))
    except trees.WalkError as exc:
        return _failure("stale_state", str(exc))
    except RecursionError:
        return _failure("bad_request", "forespørgslen er for dybt indlejret")
    except Exception as exc:  # noqa: BLE001 – the page must always get an answer it can show
        return _failure("engine", f"{type(exc).__name__}: {exc}")
