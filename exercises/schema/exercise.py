"""The schema every exercise file shares; the kind's own fields are checked by its module."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..kinds import KINDS
from ..models import Exercise
from .toolkit import Checker, check_field_size, inventory_check, placeholder_problems, section_check, vocab_check

if TYPE_CHECKING:
    from ..library import Library

COMMON_REQUIRED = ("id", "kind", "title", "audience", "intro", "source")
COMMON_OPTIONAL = ("covers",)


def check_exercise(c: Checker, data: Any, file_id: str, library: Library) -> Exercise | None:
    """Schema of one exercise file; returns the model when the file is valid."""
    if not isinstance(data, dict):
        c.add(1, "filen skal starte med nøgler som id:, kind: og title:")
        return None
    kind = KINDS.get(data["kind"]) if isinstance(data.get("kind"), str) else None
    if kind is None:
        c.add(c.line(data, "kind"), f"'kind' skal være en af: {', '.join(KINDS)} (står: '{data.get('kind')}')")
        return None
    ok = c.mapping(data, COMMON_REQUIRED + kind.required, COMMON_OPTIONAL + kind.optional, "øvelsen")
    ex_id = c.slug(data, "id", "øvelsen")
    if ex_id and ex_id != file_id:
        c.add(c.line(data, "id"), f"id '{ex_id}' skal være det samme som filnavnet ('{file_id}')")
    c.text(data, "title", "øvelsen")
    c.text(data, "intro", "øvelsen")
    for key in ("title", "intro"):
        check_field_size(c, data, key, "øvelsen")
    c.text_list(data, "audience", "øvelsen", check=vocab_check(library.vocabulary.get("audiences", {}), "audience"))
    c.text_list(data, "source", "øvelsen", check=section_check(library.sections))
    c.text_list(data, "covers", "øvelsen", required=False, check=inventory_check)
    for line, problem in placeholder_problems(data):
        c.add(line, problem)
    if not ok:
        return None
    kind.check(c, data, library)
    if c.errors:
        return None
    return Exercise.from_dict(kind.to_model({**data, "intro": data["intro"].strip()}))
