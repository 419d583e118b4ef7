"""Personal summary sheets for choice grids and checklists.

Both end in a sheet the learner can print or bring to supervision; nothing is scored, because the
handbooks treat these as reflection tools.
"""

from __future__ import annotations

from typing import Any

from .models import HORIZONS, SIDES, Exercise


def grid_cell_key(option_index: int, horizon: str, side: str) -> str:
    """The key of one grid cell, shared by the HTML form, saved progress and the summary."""
    return f"{option_index}.{horizon}.{side}"


def summarise_grid(exercise: Exercise, cells: dict[str, str], answers: dict[str, str]) -> dict[str, object]:
    options = []
    empty = 0
    for index, label in enumerate(exercise.options):
        rows = []
        for horizon, horizon_label in HORIZONS.items():
            for side, side_label in SIDES.items():
                text = cells.get(grid_cell_key(index, horizon, side), "").strip()
                empty += not text
                rows.append({"horizon": horizon_label, "side": side_label, "text": text})
        options.append({"label": label, "rows": rows})
    prompts = [
        {"question": q, "answer": answers.get(str(i), "").strip()} for i, q in enumerate(exercise.prompts)
    ]
    total = len(exercise.options) * len(HORIZONS) * len(SIDES)
    if empty == total:
        headline = "Skemaet er tomt. Skriv mindst én fordel eller ulempe, før du laver opsummeringen."
    elif empty:
        headline = f"{total - empty} af {total} felter er udfyldt. Tomme felter er ofte dem, det er svært at tænke på."
    else:
        headline = "Alle felter er udfyldt. Læg mærke til, hvad der vejer tungest på lang sigt."
    return {"headline": headline, "title": exercise.title, "options": options, "prompts": prompts, "empty": empty}


def summarise_checklist(exercise: Exercise, ticked: list[str], answers: dict[str, str]) -> dict[str, object]:
    chosen = set(ticked)
    groups: list[dict[str, Any]] = []
    for group in exercise.groups:
        done = [i.text for i in group.items if i.id in chosen]
        todo = [i.text for i in group.items if i.id not in chosen]
        groups.append({"title": group.title, "ticked": done, "consider": todo, "count": len(done), "total": len(group.items)})
    reflections = [
        {"question": r.question, "answer": answers.get(r.id, "").strip()} for r in exercise.reflection
    ]
    total = sum(len(g.items) for g in exercise.groups)
    count = sum(g["count"] for g in groups)
    weakest = min(groups, key=lambda g: g["count"] / g["total"]) if groups else None
    headline = f"Du har sat kryds ved {count} af {total} udsagn."
    if weakest and weakest["consider"]:
        headline += f" Mest at arbejde med: {weakest['title'].lower()}."
    return {"headline": headline, "title": exercise.title, "groups": groups, "reflections": reflections}
