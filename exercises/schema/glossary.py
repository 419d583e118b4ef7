"""The schema of the glossary (exercises/data/ordliste.yml)."""

from __future__ import annotations

from typing import Any

from ..models import Term
from .toolkit import Checker


def check_glossary(c: Checker, data: Any) -> list[Term]:
    if not isinstance(data, list):
        c.add(1, "filen skal være en liste af begreber (linjer, der starter med '- term:')")
        return []
    terms = []
    for index, entry in enumerate(data):
        what = f"begreb {index + 1}"
        if c.mapping(entry, ("term", "definition"), (), what):
            term, definition = c.text(entry, "term", what), c.text(entry, "definition", what)
            if term and definition:
                terms.append(Term(term=term, definition=definition))
    return terms
