"""The schema of a case file (exercises/data/cases/case-NN.yml)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..models import Case
from .. import facilitator
from .toolkit import CasePart, Checker, check_field_size, check_links, section_check, slugify, vocab_check

if TYPE_CHECKING:
    from ..library import Library

CASE_REQUIRED = ("id", "title", "source", "maalgrupper", "henviser", "phases", "themes", "summary", "story", "questions", "links")
CASE_OPTIONAL = ("exercises",)


# Optional parts with a module of their own, one line each: "key": module.PART.
PARTS: dict[str, CasePart] = {"temadag": facilitator.PART}


def check_case(c: Checker, data: Any, library: Library, pages: set[str] | None) -> Case | None:
    if not c.mapping(data, CASE_REQUIRED, CASE_OPTIONAL + tuple(PARTS), "casen"):
        return None
    vocab = library.vocabulary
    case_id = c.text(data, "id", "casen")
    if case_id and not re.match(r"^CASE-\d{2}$", case_id):
        c.add(c.line(data, "id"), f"en case skal have et id som CASE-07 (står: '{case_id}')")
    title = c.text(data, "title", "casen")
    c.text(data, "summary", "casen")
    c.text(data, "story", "casen")
    for key in ("title", "summary", "story", "questions"):
        check_field_size(c, data, key, "casen")
        check_links(c, data, key, "casen")
    c.text_list(data, "source", "casen", check=section_check(library.sections))
    c.text_list(data, "maalgrupper", "casen", check=vocab_check(vocab.get("maalgrupper", {}), "maalgrupper"))
    c.choice(data, "henviser", vocab.get("henvisere", {}), "casen")
    c.text_list(data, "phases", "casen", check=vocab_check(vocab.get("phases", {}), "phases"))
    c.text_list(data, "themes", "casen", check=vocab_check(vocab.get("themes", {}), "themes"))
    c.text_list(data, "questions", "casen", minimum=2)

    def page_check(value: str) -> str | None:
        if pages is not None and value not in pages:
            return f"siden '{value}' findes ikke under docs/ (skriv stien fra docs/, fx grundlag/index.md)"
        return None

    c.text_list(data, "links", "casen", check=page_check)
    c.text_list(data, "exercises", "casen", required=False)
    parts = tuple((key, part.check(c, data, key, library)) for key, part in PARTS.items() if key in data)
    if c.errors or not title:
        return None
    return Case(
        id=data["id"],
        title=title,
        slug=slugify(title),
        source=tuple(data["source"]),
        maalgrupper=tuple(data["maalgrupper"]),
        henviser=data["henviser"],
        phases=tuple(data["phases"]),
        themes=tuple(data["themes"]),
        summary=data["summary"].strip(),
        story=data["story"].strip(),
        questions=tuple(q.strip() for q in data["questions"]),
        links=tuple(data["links"]),
        exercises=tuple(data.get("exercises") or ()),
        parts=parts,
    )
