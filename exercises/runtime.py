"""The browser's entry point: one JSON request in, one JSON response out.

The page's worker calls :func:`handle` with the exercise definition (the same JSON the build
embedded in the page) and the learner's state. Keeping the protocol to strings makes the boundary
between JavaScript and Python explicit and testable on CPython.

:func:`handle` never raises. Every failure is ``{"ok": false, "code": …, "error": …}`` so the page
can tell them apart:

* ``bad_request`` – the request does not have the documented shape (a bug in the page);
* ``stale_state`` – the learner's saved answers no longer fit the exercise (e.g. a tree changed);
  only this code may make the page discard saved progress;
* ``engine`` – anything else that went wrong inside Python; saved progress must be left alone.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from . import __version__, answer_codes, sheets, trees, zones
from .models import Exercise


class BadRequest(ValueError):
    """The request's JSON does not have the shape the protocol documents."""


def _reject_constant(name: str) -> None:
    raise BadRequest(f"{name} er ikke et gyldigt tal i en forespørgsel")


def _text_map(state: dict[str, Any], key: str) -> dict[str, str]:
    value = state.get(key, {})
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise BadRequest(f"'{key}' skal være en tabel fra nøgle til tekst")
    return value


def _text_list(state: dict[str, Any], key: str) -> list[str]:
    value = state.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise BadRequest(f"'{key}' skal være en liste af tekster")
    return value


def _text(state: dict[str, Any], key: str) -> str:
    value = state.get(key, "")
    if not isinstance(value, str):
        raise BadRequest(f"'{key}' skal være en tekst")
    return value


def _object(state: dict[str, Any], key: str) -> dict[str, Any]:
    """A JSON object whose values the engine reads defensively itself (e.g. grid weights)."""
    value = state.get(key, {})
    if not isinstance(value, dict):
        raise BadRequest(f"'{key}' skal være et JSON-objekt")
    return value


def _object_list(state: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = state.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise BadRequest(f"'{key}' skal være en liste af JSON-objekter")
    return value


def _choices(state: dict[str, Any]) -> list[int]:
    """Option numbers as real non-negative integers: 1.9, true and "12" are refused, not coerced."""
    value = state.get("choices", [])
    if not isinstance(value, list) or not all(type(c) is int and c >= 0 for c in value):
        raise BadRequest("'choices' skal være en liste af hele tal fra 0 og op")
    return value


def _walk(exercise: Exercise, state: dict[str, Any]) -> dict[str, Any]:
    result = trees.walk(exercise, _choices(state))
    response: dict[str, Any] = result.to_dict()
    if result.finished:
        outcome = exercise.outcome(result.at)
        response["outcome"] = outcome.id if outcome else None
    return response


Action = Callable[[Exercise, dict[str, Any]], Any]
ACTIONS: dict[str, dict[str, Action]] = {
    "decision_tree": {
        "walk": _walk,
        "debrief": lambda ex, st: trees.debrief(ex, _choices(st)),
    },
    "zones": {"compare": lambda ex, st: zones.compare(ex, _text_map(st, "placements"))},
    "choice_grid": {
        "summary": lambda ex, st: sheets.summarise_grid(
            ex, _text_map(st, "cells"), _text_map(st, "answers"), _text(st, "decision"), _object(st, "weights")
        )
    },
    "checklist": {
        "summary": lambda ex, st: sheets.summarise_checklist(
            ex, _text_list(st, "ticked"), _text_map(st, "answers"), _object_list(st, "history"), _text(st, "today")
        )
    },
}


def _code_state(state: dict[str, Any]) -> dict[str, Any]:
    """Only the choices of any kind reach an answer code, checked like the kind's own actions."""
    return {
        "choices": _choices(state),
        "placements": _text_map(state, "placements"),
        "decision": _text(state, "decision"),
        "weights": _object(state, "weights"),
        "ticked": _text_list(state, "ticked"),
    }


# Answer codes for the presenter screen (exercises/answer_codes.py): the same two actions in every kind.
for _actions in ACTIONS.values():
    _actions["answer_code"] = lambda ex, st: answer_codes.make(ex, _code_state(st))
    _actions["read_code"] = lambda ex, st: answer_codes.read(ex, _text(st, "code"))


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
    handler = ACTIONS.get(definition["kind"], {}).get(action)
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
