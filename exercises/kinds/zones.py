"""ZNU sortings: tasks placed in the zones of nærmeste udvikling and compared with an answer key.

One module per kind: fields, checks, engine actions and labels (see :mod:`exercises.kinds.base`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import zones
from ..models import ZONES
from ..schema.toolkit import Checker, no_identical_texts
from .base import BLOCK, ONE, Field, Kind, Part, text_map

if TYPE_CHECKING:
    from ..library import Library
    from ..models import Exercise


def check(c: Checker, data: dict, library: Library) -> None:
    c.text(data, "next_step", "øvelsen", required=False)
    items = c.items(data, "items", "øvelsen", minimum=4) or []
    ids, texts, suggestions = [], [], []
    for index, item in enumerate(items):
        what = f"punkt {index + 1} i items"
        if c.mapping(item, ITEM.required, ITEM.optional, what):
            item_id = c.slug(item, "id", what)
            ids.append((item_id, c.line(item, "id")))
            text = c.text(item, "text", what)
            if text:
                texts.append((text, c.line(item, "text")))
            suggestions.append(c.choice(item, "suggested", tuple(ZONES), what))
            c.text(item, "reason", what)
    c.no_duplicates(ids, "items")
    no_identical_texts(c, texts, "items")
    if suggestions and None not in suggestions and len(set(suggestions)) < 2:
        c.add(
            c.line(data, "items"),
            f"alle punkter i 'items' har forslaget '{suggestions[0]}' – en ZNU-sortering skal bruge mindst to zoner, ellers er der intet at sortere",
        )


ITEM = Part("En opgave under `items`", ("id", "text", "suggested", "reason"), (), {
    "id": Field(ONE, "Kort id med små bogstaver og bindestreg."),
    "text": Field(ONE, "Opgaven, fx «Få vasket sit tøj»."),
    "suggested": Field(ONE, "Forslaget: `kan-endnu-ikke`, `kan-med-hjaelp` eller `kan-selv`."),
    "reason": Field(ONE, "Hvorfor forslaget er sådan."),
})


def folder_view(ex: Exercise) -> dict[str, Any]:
    """What Min mappe needs to show a sorting: the tasks with the handbook's zone, and the next step."""
    d = ex.to_dict()
    items = [{"id": i["id"], "text": i["text"], "suggested": ZONES[i["suggested"]]} for i in d["items"]]
    return {"items": items, "zones": ZONES, "next_step": d["next_step"]}


KIND = Kind(
    name="zones",
    label="ZNU-sortering",
    plural="ZNU-sorteringer",
    facilitator_note="håndbogens forslag til hver opgave med begrundelsen",
    folder_view=folder_view,
    prefix="zn-",
    template="zones",
    required=("items",),
    optional=("next_step",),
    fields={
        "items": Field(BLOCK, "Mindst fire opgaver, der skal placeres i en zone (se felterne nedenfor)."),
        "next_step": Field(ONE, "Tekst efter sorteringen: hvad er det næste skridt?"),
    },
    parts=(ITEM,),
    check=check,
    actions={"compare": lambda ex, st: zones.compare(ex, text_map(st, "placements"))},
    plays_decisions=False,
)
