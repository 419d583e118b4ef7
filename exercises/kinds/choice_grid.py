"""Choice grids: two options weighed short and long term, a decision, then the handbook's view.

One module per kind: fields, checks, engine actions and labels (see :mod:`exercises.kinds.base`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import sheets
from ..models import HORIZONS, SIDES, WEIGHTS
from ..schema.toolkit import Checker, no_identical_texts, section_check
from .base import BLOCK, LIST, ONE, Field, Kind, Part, json_object, text, text_map

if TYPE_CHECKING:
    from ..library import Library
    from ..models import Exercise


def check(c: Checker, data: dict, library: Library) -> None:
    c.text(data, "scenario", "øvelsen")
    options = c.text_list(data, "options", "øvelsen", minimum=2)
    if options is not None and len(options) != 2:
        c.add(c.line(data, "options"), f"et valgskema har præcis 2 muligheder i 'options', men har {len(options)}")
    if options:
        no_identical_texts(c, [(o, c.line(data, "options")) for o in options], "'options'")
    c.text_list(data, "prompts", "øvelsen")
    view = data["handbook_view"]
    if c.mapping(view, HANDBOOK_VIEW.required, HANDBOOK_VIEW.optional, "'handbook_view'"):
        c.text(view, "text", "'handbook_view'")
        c.text_list(view, "source", "'handbook_view'", check=section_check(library.sections))


HANDBOOK_VIEW = Part("Håndbogens syn under `handbook_view`", ("text", "source"), (), {
    "text": Field(ONE, "Håndbogens syn på valget, med dine egne ord."),
    "source": Field(LIST, "Håndbogsafsnit, synet bygger på, fx `[B-4.6.1]`."),
})


def folder_view(ex: Exercise) -> dict[str, Any]:
    """What Min mappe needs to show a decision sheet: the options, prompts and the grid's axes."""
    d = ex.to_dict()
    return {"options": d["options"], "prompts": d["prompts"], "horizons": HORIZONS, "sides": SIDES, "weights": WEIGHTS}


KIND = Kind(
    name="choice_grid",
    label="Valgskema",
    plural="Valgskemaer",
    facilitator_note="håndbogens syn på valget",
    folder_view=folder_view,
    prefix="cg-",
    template="grid",
    required=("scenario", "options", "prompts", "handbook_view"),
    optional=(),
    fields={
        "scenario": Field(ONE, "Situationen, der skal vælges i."),
        "options": Field(LIST, "Præcis to muligheder, som vejes på kort og lang sigt."),
        "prompts": Field(LIST, "Spørgsmål, der hjælper med at udfylde skemaet."),
        "handbook_view": Field(BLOCK, "Håndbogens syn på valget, som vises, når man har truffet sin beslutning: `text` og `source` (se nedenfor)."),
    },
    parts=(HANDBOOK_VIEW,),
    check=check,
    actions={
        "summary": lambda ex, st: sheets.summarise_grid(
            ex, text_map(st, "cells"), text_map(st, "answers"), text(st, "decision"), json_object(st, "weights")
        )
    },
    plays_decisions=True,
)
