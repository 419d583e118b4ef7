"""Pure views over the library: who links to what, what a page cites, how cases group.

Used by the build (hooks and macros) and unit-tested directly; nothing here touches files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .models import Case
from .validate import SECTION, Library


@dataclass(frozen=True)
class SourceRef:
    id: str
    handbook: str  # "A" or "B"
    handbook_title: str
    heading: str


def source_refs(ids: list[str] | tuple[str, ...], library: Library) -> list[SourceRef]:
    """The handbook sections among ``ids`` (other inventory ids are skipped), in handbook order."""
    seen: list[str] = []
    for ref in ids:
        if SECTION.match(ref) and ref in library.sections and ref not in seen:
            seen.append(ref)
    seen.sort(key=_section_sort_key)
    handbooks = library.vocabulary.get("handbooks", {})
    return [
        SourceRef(id=s, handbook=s[0], handbook_title=handbooks.get(s[0], s[0]), heading=library.sections[s]["heading"])
        for s in seen
    ]


def _section_sort_key(section: str) -> tuple:
    return (section[0], *[int(n) for n in re.findall(r"\d+", section)])


def cases_for_page(page: str, library: Library) -> list[Case]:
    """Cases whose ``links`` name this page (a docs-relative path such as dilemmaer/omsorgspligt.md)."""
    return [c for c in library.cases.values() if page in c.links]


def exercises_for_case(case: Case, library: Library) -> list[str]:
    """Exercise ids that use a case: named by the case, or naming the case in their ``covers``."""
    ids = list(case.exercises)
    ids += [e.id for e in library.exercises.values() if case.id in e.covers and e.id not in ids]
    return ids


FACETS = ("phases", "maalgrupper", "themes", "henviser")
FACET_VOCABULARY = {"phases": "phases", "maalgrupper": "maalgrupper", "themes": "themes", "henviser": "henvisere"}
FACET_TITLES = {"phases": "SKP-fase", "maalgrupper": "Målgruppe", "themes": "Tema", "henviser": "Henviser"}


def case_values(case: Case, facet: str) -> tuple[str, ...]:
    value = getattr(case, facet)
    return (value,) if isinstance(value, str) else tuple(value)


def group_cases(library: Library, facet: str) -> list[tuple[str, str, list[Case]]]:
    """(key, label, cases) per vocabulary value that has cases, in vocabulary order — the no-JS filter."""
    vocabulary = library.vocabulary[FACET_VOCABULARY[facet]]
    groups = []
    for key, label in vocabulary.items():
        members = [c for c in sorted(library.cases.values(), key=lambda c: c.id) if key in case_values(c, facet)]
        if members:
            groups.append((key, label, members))
    return groups


def label(library: Library, facet: str, key: str) -> str:
    return library.vocabulary[FACET_VOCABULARY[facet]].get(key, key)
