"""The library: every data file, validated and cross-checked, as the site is generated from it."""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import DataError
from .models import Case, Exercise, LawPoint, Term


@dataclass
class Library:
    """Everything the site is generated from, validated and cross-checked."""

    sections: dict[str, dict[str, str]] = field(default_factory=dict)
    vocabulary: dict[str, dict[str, str]] = field(default_factory=dict)
    laws: dict[str, LawPoint] = field(default_factory=dict)
    glossary: list[Term] = field(default_factory=list)
    cases: dict[str, Case] = field(default_factory=dict)
    exercises: dict[str, Exercise] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # id -> data file, for cross-reference errors
    pages: set[str] | None = None  # docs pages that data may link to (None: not checked)
    lines: dict[tuple[str, str], int] = field(default_factory=dict)  # (id, key) -> line of that key
    broken: set[str] = field(default_factory=set)  # exercise files with errors of their own (no follow-ons)


def cross_references(library: Library, unreadable: dict[str, str] | None = None, invalid: set[str] | frozenset[str] = frozenset()) -> list[DataError]:
    """Links between files: exercises named by cases and cases named by exercises must exist.

    A name whose file exists but has errors of its own is not "missing": an unreadable exercise
    file is named as broken, and a file that was read but is invalid already has its one message.
    Case files are found by the ``case-07.yml`` ↔ ``CASE-07`` naming rule.
    """
    unreadable = unreadable or {}
    errors = []
    for case in library.cases.values():
        line = library.lines[(case.id, "exercises")]
        for ex_id in case.exercises:
            if ex_id in unreadable:
                errors.append(DataError(library.files[case.id], line, (
                    f"øvelsen '{ex_id}' kan ikke bruges, fordi filen {unreadable[ex_id]} ikke kan læses – "
                    "ret fejlen i den fil; her skal du ikke ændre noget"
                )))
            elif ex_id not in library.exercises and ex_id not in invalid:
                errors.append(DataError(library.files[case.id], line, f"øvelsen '{ex_id}' i 'exercises' findes ikke i exercises/data/exercises/"))
    for exercise in library.exercises.values():
        for ref in exercise.covers:
            broken = ref.lower() in invalid or ref.lower() in unreadable
            if ref.startswith("CASE-") and ref not in library.cases and library.cases and not broken:
                line = library.lines[(exercise.id, "covers")]
                errors.append(DataError(library.files[exercise.id], line, f"casen '{ref}' i 'covers' findes ikke i exercises/data/cases/"))
    return errors
