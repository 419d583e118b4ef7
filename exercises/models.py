"""Typed models of the exercise kinds and of a case.

The models are built from validated data (see :mod:`exercises.validate`) at build time and from
JSON in the browser; ``to_dict``/``from_dict`` are the one format between the two.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from typing import Any, TypeVar

# ZNU (zonen for nærmeste udvikling): the three zones are fixed by the model itself.
ZONES: dict[str, str] = {
    "kan-endnu-ikke": "Kan endnu ikke",
    "kan-med-hjaelp": "Kan med hjælp",
    "kan-selv": "Kan selv",
}
# The choice grid's fixed frame: each option is weighed short and long term, for and against.
HORIZONS: dict[str, str] = {"kort": "På kort sigt", "lang": "På lang sigt"}
SIDES: dict[str, str] = {"fordele": "Fordele", "ulemper": "Ulemper"}
# How much the learner lets one written argument count in the decision sheet.
WEIGHTS: dict[int, str] = {1: "Vejer lidt", 2: "Vejer noget", 3: "Vejer tungt"}
# Checklist scales. A nærhed/afstand checklist tags every statement with the way it leans, so a
# learner who ticks everything sees a contradiction instead of a perfect score (B-3.2.1, B-4.6.3).
LEANS: dict[str, str] = {"for-taet": "For tæt", "for-fjern": "For fjern", "balance": "I balance"}
# Any other checklist may mark statements as warning signs: ticking one means the thing does not hold.
WARNING = "faresignal"
SCALES = ("naerhed-afstand", "kriterier")


# Decision trees: a node either asks the learner to act or to read the situation.
NODE_TYPES: dict[str, str] = {"beslutning": "Hvad gør du?", "situation": "Hvad er situationen?"}
# One named scale for every outcome, explained on kom-i-gang/sadan-virker-ovelserne.md.
RATINGS: dict[str, str] = {
    "anbefalet": "Anbefalet",
    "forsvarligt": "Forsvarligt",
    "risikabelt": "Risikabelt",
    "i-strid-med-reglerne": "I strid med reglerne",
}


@dataclass(frozen=True)
class Option:
    """One answer. ``feedback`` tells the consequence first and then the rule; ``see`` is a docs page.

    ``recommended`` marks the handbooks' choice at a decision; ``recovery`` marks an answer that
    shows its consequence and leads back to an earlier question (the only way a loop is allowed).
    """

    label: str
    next: str
    feedback: str = ""
    see: str = ""
    recommended: bool = False
    recovery: bool = False


@dataclass(frozen=True)
class Node:
    id: str
    question: str
    options: tuple[Option, ...]
    help: str = ""
    type: str = "beslutning"

    @property
    def is_decision(self) -> bool:
        return self.type == "beslutning"


@dataclass(frozen=True)
class Position:
    source: str
    text: str


@dataclass(frozen=True)
class Outcome:
    id: str
    title: str
    text: str
    source: tuple[str, ...]
    law: tuple[str, ...] = ()
    positions: tuple[Position, ...] = ()
    rating: str = ""
    next_page: str = ""  # docs page to read next, e.g. dilemmaer/omsorgspligt.md
    supervision: str = ""  # one question to take to supervision

    @property
    def rating_label(self) -> str:
        return RATINGS.get(self.rating, self.rating)


@dataclass(frozen=True)
class ZoneItem:
    id: str
    text: str
    suggested: str
    reason: str


@dataclass(frozen=True)
class CheckItem:
    id: str
    text: str
    tag: str = ""  # a LEANS key on the nærhed/afstand scale; "" or WARNING on the kriterier scale


@dataclass(frozen=True)
class CheckGroup:
    id: str
    title: str
    items: tuple[CheckItem, ...]
    help: str = ""
    # What to try when the ticks lean one way, keyed by LEANS key (nærhed/afstand) or WARNING.
    advice: tuple[tuple[str, str], ...] = ()

    def advice_for(self, key: str) -> str:
        return dict(self.advice).get(key, "")


@dataclass(frozen=True)
class HandbookView:
    """What the handbooks say about a choice grid's dilemma, shown after the learner has decided."""

    text: str
    source: tuple[str, ...]


@dataclass(frozen=True)
class Reflection:
    id: str
    question: str


@dataclass(frozen=True)
class Exercise:
    """Fields every kind shares; ``kind`` picks which of the kind-specific fields are used."""

    id: str
    kind: str
    title: str
    audience: tuple[str, ...]
    intro: str
    source: tuple[str, ...]
    covers: tuple[str, ...] = ()
    # decision_tree
    start: str = ""
    nodes: tuple[Node, ...] = ()
    outcomes: tuple[Outcome, ...] = ()
    # zones
    items: tuple[ZoneItem, ...] = ()
    next_step: str = ""
    # choice_grid
    scenario: str = ""
    options: tuple[str, ...] = ()
    prompts: tuple[str, ...] = ()
    handbook_view: HandbookView | None = None
    # checklist
    groups: tuple[CheckGroup, ...] = ()
    reflection: tuple[Reflection, ...] = ()
    scale: str = "kriterier"
    dated: bool = False  # keep each summary with its date and show the change (Ramian's check)

    def node(self, node_id: str) -> Node | None:
        return next((n for n in self.nodes if n.id == node_id), None)

    def outcome(self, outcome_id: str) -> Outcome | None:
        return next((o for o in self.outcomes if o.id == outcome_id), None)

    def to_dict(self) -> dict[str, Any]:
        """Only the fields this kind uses, so the JSON shipped to the browser stays small."""
        from .kinds import KINDS  # here, not at the top: each kind module imports these models

        used = KINDS[self.kind].keys | _COMMON_FIELDS
        data = {k: v for k, v in asdict(self).items() if k in used}
        return json.loads(json.dumps(data))  # tuples → lists: exactly what the browser receives

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Exercise:
        return _build(
            cls,
            {"intro": "", **data},
            nodes=_many(Node, options=_many(Option)),
            outcomes=_many(Outcome, positions=_many(Position)),
            items=_many(ZoneItem),
            handbook_view=_handbook_view,
            groups=_many(CheckGroup, items=_many(CheckItem), advice=_advice),
            reflection=_many(Reflection),
        )


Model = TypeVar("Model")


def _build(cls: type[Model], data: dict[str, Any], **nested: Callable[[Any], Any]) -> Model:
    """One model from its JSON object, the one rule for every model: a missing key keeps the field's
    default, a list becomes a tuple, and ``nested`` builds the fields that hold other models."""
    values: dict[str, Any] = {}
    for f in fields(cls):  # type: ignore[arg-type]  # every Model here is a dataclass
        if f.name in data:
            value = data[f.name]
            values[f.name] = nested[f.name](value) if f.name in nested else tuple(value) if isinstance(value, list) else value
    return cls(**values)


def _many(cls: type[Model], **nested: Callable[[Any], Any]) -> Callable[[Any], tuple[Model, ...]]:
    return lambda items: tuple(_build(cls, item, **nested) for item in items)


def _advice(data: dict[str, Any] | None) -> tuple[tuple[str, str], ...]:
    return tuple((str(k), str(v)) for k, v in dict(data or {}).items())


def _handbook_view(data: dict[str, Any] | None) -> HandbookView | None:
    if not data:
        return None
    return HandbookView(text=data["text"].strip(), source=tuple(data["source"]))


_COMMON_FIELDS = {"id", "kind", "title", "audience", "intro", "source", "covers"}


@dataclass(frozen=True)
class Case:
    id: str
    title: str
    slug: str
    source: tuple[str, ...]
    maalgrupper: tuple[str, ...]
    henviser: str
    phases: tuple[str, ...]
    themes: tuple[str, ...]
    summary: str
    story: str
    questions: tuple[str, ...]
    links: tuple[str, ...]
    exercises: tuple[str, ...] = field(default=())
    parts: tuple[tuple[str, Any], ...] = ()  # (key, value) of the optional parts in schema.case.PARTS

    def part(self, key: str) -> Any:
        """An optional part's value (None when the case has none), e.g. ``case.part("facilitator")``."""
        return dict(self.parts).get(key)

    @property
    def temadag(self) -> Any:
        """The facilitator material (exercises/facilitator.py), or None: what templates and tests read."""
        return self.part("temadag")

    @property
    def page(self) -> str:
        """The case's page in the built site (generated in memory, never written to docs/)."""
        return f"cases/{self.slug}.md"


@dataclass(frozen=True)
class LawPoint:
    """A legal point as the handbook cited it, and as it stands on the date it was last checked.

    ``reference`` is the handbook's own citation; ``law`` and ``paragraph`` say where the rule is
    today, so a reader can look it up through ``url`` (a plain link, never fetched by the site).
    """

    id: str
    title: str
    reference: str
    source: tuple[str, ...]
    source_year: int
    handbook: str
    law: str
    paragraph: str
    status: str
    checked: str  # YYYY-MM-DD
    url: str
    now: str


@dataclass(frozen=True)
class Term:
    term: str
    definition: str
