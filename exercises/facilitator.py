"""Facilitator material for a case: the optional ``temadag:`` block of a case file.

A team leader preparing a workshop day needs more than the story and the questions: what the
group should leave with (``goals``), what the handbooks would point to when the groups report back
(``debrief`` – questions and points, never a script to read out), which exercises fit the case
(``exercises``) and how long each part takes (``timing``). The block is checked here, by the same
:class:`~exercises.schema.toolkit.Checker` as the rest of the case, so a mistake is one Danish message
at its line; the case schema takes it in with one line (``schema.case.PARTS``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .kinds.base import BLOCK, LIST, ONE, Field, Part as TablePart
from .schema.toolkit import CasePart, Checker

if TYPE_CHECKING:
    from .library import Library

REQUIRED = ("goals", "debrief", "exercises", "timing")
PART_KEYS = ("part", "minutes")
WHAT = "'temadag'"
# A part shorter than five minutes is not a part of a workshop day; one longer than two hours
# is a whole session and should be split so the agenda shows what happens when.
MINUTES = range(5, 121)


@dataclass(frozen=True)
class Part:
    """One part of working with the case, e.g. reading it aloud, group work, the plenary debrief."""

    part: str
    minutes: int


@dataclass(frozen=True)
class Facilitator:
    goals: tuple[str, ...]
    debrief: tuple[str, ...]
    exercises: tuple[str, ...]
    timing: tuple[Part, ...]

    @property
    def minutes(self) -> int:
        """The whole session with this case, so an agenda can be planned around it."""
        return sum(p.minutes for p in self.timing)


def check_facilitator(c: Checker, case: dict, library: Library) -> Facilitator | None:
    """The case's ``temadag:`` block, or None when it is absent or has errors (each one reported)."""
    data: Any = case.get("temadag")
    if data is None:
        return None
    before = len(c.errors)
    if not c.mapping(data, REQUIRED, (), WHAT):
        return None
    goals = c.text_list(data, "goals", WHAT)
    debrief = c.text_list(data, "debrief", WHAT, minimum=2)
    exercises = c.text_list(data, "exercises", WHAT, check=lambda ex_id: _exercise_problem(ex_id, library))
    parts = c.items(data, "timing", WHAT, minimum=2)
    timing = []
    for index, item in enumerate(parts or []):
        what = f"del {index + 1} af 'timing'"
        if not c.mapping(item, PART_KEYS, (), what):
            continue
        label = c.text(item, "part", what)
        minutes = item["minutes"]
        if isinstance(minutes, bool) or not isinstance(minutes, int) or minutes not in MINUTES:
            c.add(c.line(item, "minutes"), f"'minutes' i {what} skal være et helt antal minutter fra {MINUTES.start} til {MINUTES.stop - 1} (står: '{minutes}')")
            continue
        if label:
            timing.append(Part(label, minutes))
    if len(c.errors) > before or goals is None or debrief is None or exercises is None or parts is None:
        return None
    return Facilitator(goals=goals, debrief=debrief, exercises=exercises, timing=tuple(timing))


def _exercise_problem(ex_id: str, library: Library) -> str | None:
    # An exercise whose own file has errors is reported there, once; naming it here is not a mistake.
    if ex_id in library.exercises or ex_id in library.broken:
        return None
    return f"øvelsen '{ex_id}' i 'exercises' under 'temadag' findes ikke i exercises/data/exercises/ – ret id'et (se listen med python -m exercises list)"


def _check(c: Checker, case: dict, key: str, library: Library) -> Facilitator | None:
    return check_facilitator(c, case, library)


PART = CasePart(
    Field(BLOCK, "Materiale til facilitatoren på en temadag: læringsmål, punkter til opsamlingen, foreslåede øvelser og tidsplan (se felterne nedenfor). Vises på casesiden i boksen «Til facilitatoren»."),
    _check,
    (
        TablePart("Facilitatormateriale under `temadag`", REQUIRED, (), {
            "goals": Field(LIST, "Læringsmål: hvad deltagerne skal kunne eller have forstået, når casen er drøftet."),
            "debrief": Field(LIST, "Mindst to punkter til opsamlingen: spørgsmål og pointer, håndbøgerne ville pege på – stikord til facilitatoren, ikke en tekst, der skal læses op."),
            "exercises": Field(LIST, "Id'er på øvelser, der passer til casen, fx `[dt-vaergemaal, zn-susanne]`. Hver øvelse skal findes i `exercises/data/exercises/`."),
            "timing": Field(BLOCK, "Mindst to dele af arbejdet med casen, hver med `part` og `minutes` (se nedenfor)."),
        }),
        TablePart("En del under `timing`", PART_KEYS, (), {
            "part": Field(ONE, "Hvad der sker i delen, fx «Gruppearbejde med spørgsmålene»."),
            "minutes": Field(ONE, "Hvor mange minutter delen tager: et helt tal fra 5 til 120."),
        }),
    ),
)
