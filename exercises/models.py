"""Typed models of the four exercise kinds and of a case.

The models are built from validated data (see :mod:`exercises.validate`) at build time and from
JSON in the browser; ``to_dict``/``from_dict`` are the one format between the two.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from .facilitator import Facilitator

# ZNU (zonen for nærmeste udvikling): the three zones are fixed by the model itself.
ZONES: dict[str, str] = {
    "kan-endnu-ikke": "Kan endnu ikke",
    "kan-med-hjaelp": "Kan med hjælp",
    "kan-selv": "Kan selv",
}
KINDS = ("decision_tree", "zones", "choice_grid", "checklist")
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
        used = _KIND_FIELDS[self.kind] | _COMMON_FIELDS
        data = {k: v for k, v in asdict(self).items() if k in used}
        return json.loads(json.dumps(data))  # tuples → lists: exactly what the browser receives

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Exercise:
        return cls(
            id=data["id"],
            kind=data["kind"],
            title=data["title"],
            audience=tuple(data["audience"]),
            intro=data.get("intro", ""),
            source=tuple(data["source"]),
            covers=tuple(data.get("covers", ())),
            start=data.get("start", ""),
            nodes=tuple(
                Node(
                    id=n["id"],
                    question=n["question"],
                    help=n.get("help", ""),
                    type=n.get("type", "beslutning"),
                    options=tuple(
                        Option(
                            label=o["label"],
                            next=o["next"],
                            feedback=o.get("feedback", ""),
                            see=o.get("see", ""),
                            recommended=bool(o.get("recommended", False)),
                            recovery=bool(o.get("recovery", False)),
                        )
                        for o in n["options"]
                    ),
                )
                for n in data.get("nodes", ())
            ),
            outcomes=tuple(
                Outcome(
                    id=o["id"],
                    title=o["title"],
                    text=o["text"],
                    source=tuple(o["source"]),
                    law=tuple(o.get("law", ())),
                    positions=tuple(Position(**p) for p in o.get("positions", ())),
                    rating=o.get("rating", ""),
                    next_page=o.get("next_page", ""),
                    supervision=o.get("supervision", ""),
                )
                for o in data.get("outcomes", ())
            ),
            items=tuple(ZoneItem(**i) for i in data.get("items", ())),
            next_step=data.get("next_step", ""),
            scenario=data.get("scenario", ""),
            options=tuple(data.get("options", ())),
            prompts=tuple(data.get("prompts", ())),
            handbook_view=_handbook_view(data.get("handbook_view")),
            groups=tuple(
                CheckGroup(
                    id=g["id"],
                    title=g["title"],
                    help=g.get("help", ""),
                    items=tuple(CheckItem(**i) for i in g["items"]),
                    advice=tuple((str(k), str(v)) for k, v in dict(g.get("advice") or {}).items()),
                )
                for g in data.get("groups", ())
            ),
            reflection=tuple(Reflection(**r) for r in data.get("reflection", ())),
            scale=data.get("scale", "kriterier"),
            dated=bool(data.get("dated", False)),
        )


def _handbook_view(data: dict[str, Any] | None) -> HandbookView | None:
    if not data:
        return None
    return HandbookView(text=data["text"].strip(), source=tuple(data["source"]))


_COMMON_FIELDS = {"id", "kind", "title", "audience", "intro", "source", "covers"}
_KIND_FIELDS = {
    "decision_tree": {"start", "nodes", "outcomes"},
    "zones": {"items", "next_step"},
    "choice_grid": {"scenario", "options", "prompts", "handbook_view"},
    "checklist": {"groups", "reflection", "scale", "dated"},
}


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
    temadag: Facilitator | None = None  # facilitator material (exercises/facilitator.py)

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
