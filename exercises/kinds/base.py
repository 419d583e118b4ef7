"""What a kind module declares, and the readers its engine actions use for the learner's state.

A kind (decision tree, ZNU sorting, …) is one module in this package that builds one :class:`Kind`:
its top-level fields and what they mean (the schema and the field reference in CONTRIBUTING.md),
the check of one file, the engine actions the browser may call, and its labels. The validator,
the runtime and the renderer read kinds only from :data:`exercises.kinds.KINDS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..library import Library
    from ..models import Exercise
    from ..schema.toolkit import Checker

ONE, LIST, BLOCK = "én værdi", "liste", "samling"


@dataclass(frozen=True)
class Field:
    shape: str  # ONE, LIST or BLOCK (keys with their own fields under them)
    meaning: str


@dataclass(frozen=True)
class Part:
    """A nested part of a file (a question, an option, an item …) for the field reference."""

    title: str
    required: tuple[str, ...]
    optional: tuple[str, ...]
    fields: dict[str, Field]


Action = Callable[["Exercise", dict[str, Any]], Any]
Check = Callable[["Checker", dict, "Library"], None]


def _same(data: dict[str, Any]) -> dict[str, Any]:
    return data


@dataclass(frozen=True)
class Kind:
    """One exercise kind, as everything else in the package sees it."""

    name: str  # `kind:` in the data file, data-exercise-kind in the page, the ES module's KIND
    label: str  # singular, e.g. "Tjekliste"
    plural: str  # e.g. "Tjeklister" (headings on the exercise overview)
    prefix: str  # file names start with it, e.g. "cl-"
    template: str  # `python -m exercises new <template> "Titel"` copies exercises/templates/<template>.yml
    required: tuple[str, ...]  # top-level keys besides those every exercise has
    optional: tuple[str, ...]
    fields: dict[str, Field]  # what each of those keys means (the field reference)
    check: Check  # the rest of the file's schema, after the keys themselves are checked
    actions: dict[str, Action]  # what the browser's engine may be asked for this kind
    parts: tuple[Part, ...] = ()
    facilitator_note: str = ""  # what the facilitator worksheet adds to the participant sheet
    folder_view: Callable[[Any], dict[str, Any]] = field(default=lambda ex: {})  # the texts Min mappe shows a saved state with
    plays_decisions: bool = False  # the learner makes the decision a DEC id names (stats)
    # The validated YAML shape → the model's shape (e.g. mappings keyed by id → lists).
    to_model: Callable[[dict[str, Any]], dict[str, Any]] = field(default=_same)

    @property
    def keys(self) -> frozenset[str]:
        """The kind's own top-level keys: what its model uses and its JSON in the page carries."""
        return frozenset(self.required + self.optional)


class BadRequest(ValueError):
    """The request's JSON does not have the shape the protocol documents."""


def text_map(state: dict[str, Any], key: str) -> dict[str, str]:
    value = state.get(key, {})
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise BadRequest(f"'{key}' skal være en tabel fra nøgle til tekst")
    return value


def text_list(state: dict[str, Any], key: str) -> list[str]:
    value = state.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise BadRequest(f"'{key}' skal være en liste af tekster")
    return value


def text(state: dict[str, Any], key: str) -> str:
    value = state.get(key, "")
    if not isinstance(value, str):
        raise BadRequest(f"'{key}' skal være en tekst")
    return value


def json_object(state: dict[str, Any], key: str) -> dict[str, Any]:
    """A JSON object whose values the engine reads defensively itself (e.g. grid weights)."""
    value = state.get(key, {})
    if not isinstance(value, dict):
        raise BadRequest(f"'{key}' skal være et JSON-objekt")
    return value


def object_list(state: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = state.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise BadRequest(f"'{key}' skal være en liste af JSON-objekter")
    return value


def choices(state: dict[str, Any]) -> list[int]:
    """Option numbers as real non-negative integers: 1.9, true and "12" are refused, not coerced."""
    value = state.get("choices", [])
    if not isinstance(value, list) or not all(type(c) is int and c >= 0 for c in value):
        raise BadRequest("'choices' skal være en liste af hele tal fra 0 og op")
    return value
