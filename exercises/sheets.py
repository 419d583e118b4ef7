"""Personal summary sheets for choice grids and checklists.

Both end in a sheet the learner can print or bring to supervision. Nothing is scored as right or
wrong, because the handbooks treat these as reflection tools; but the sheet must say something the
ticks and weights did not already say: which way a level leans, where a criterion fails, what has
changed since last time, and whether the weights back the decision.
"""

from __future__ import annotations

import re
from typing import Any

from .models import HORIZONS, LEANS, SIDES, WARNING, WEIGHTS, CheckGroup, Exercise

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# What the learner's ticks on one level can add up to, beyond the LEANS of the data.
MIXED, UNRATED = "modstridende", "ikke-vurderet"
LEAN_LABELS: dict[str, str] = {**LEANS, MIXED: "Modstridende", UNRATED: "Ikke vurderet"}
CRITERION_LABELS: dict[str, str] = {
    "holder": "Holder",
    "delvis": "Holder delvist",
    WARNING: "Faresignal",
    MIXED: "Modstridende",
    UNRATED: "Ikke vurderet",
}


def grid_cell_key(option_index: int, horizon: str, side: str) -> str:
    """The key of one grid cell, shared by the HTML form, saved progress and the summary."""
    return f"{option_index}.{horizon}.{side}"


def _weight(weights: dict[str, Any], key: str) -> int:
    """The learner's weight of one cell; anything but 1–3 counts as not weighted (0)."""
    try:
        value = int(weights.get(key, 0))
    except (TypeError, ValueError):
        return 0
    return value if value in WEIGHTS else 0


def summarise_grid(
    exercise: Exercise,
    cells: dict[str, str],
    answers: dict[str, str],
    decision: str = "",
    weights: dict[str, Any] | None = None,
) -> dict[str, object]:
    """The one-page decision sheet: arguments with weights, the decision, then the handbook's view.

    An argument without a weight counts as 1, so a half-weighted grid still gives a balance; the
    handbook's view is only handed out once the learner has decided, so it cannot replace thinking.
    """
    weights = weights or {}
    options: list[dict[str, Any]] = []
    arguments: list[dict[str, Any]] = []
    empty = unweighted = 0
    for index, label in enumerate(exercise.options):
        rows = []
        score = {side: 0 for side in SIDES}
        for horizon, horizon_label in HORIZONS.items():
            for side, side_label in SIDES.items():
                key = grid_cell_key(index, horizon, side)
                text = cells.get(key, "").strip()
                weight = _weight(weights, key) if text else 0
                empty += not text
                unweighted += bool(text) and not weight
                if text:
                    score[side] += weight or 1
                    arguments.append({"option": label, "side": side_label, "horizon": horizon_label, "text": text, "weight": weight or 1})
                rows.append({"key": key, "horizon": horizon_label, "side": side_label, "text": text, "weight": weight})
        options.append(
            {"label": label, "rows": rows, "for": score["fordele"], "against": score["ulemper"], "balance": score["fordele"] - score["ulemper"]}
        )
    chosen = int(decision) if str(decision).isdigit() and int(decision) < len(exercise.options) else None
    total = len(exercise.options) * len(HORIZONS) * len(SIDES)
    ranked = sorted(options, key=lambda o: o["balance"], reverse=True)
    leaning = ranked[0]["label"] if arguments and ranked[0]["balance"] != ranked[-1]["balance"] else None
    if empty == total:
        headline = "Skemaet er tomt. Skriv mindst én fordel eller ulempe, før du laver beslutningsarket."
    elif chosen is None:
        headline = "Vælg, hvad du beslutter, før beslutningsarket er færdigt. Håndbogens syn kommer bagefter."
    else:
        headline = f"Din beslutning: {exercise.options[chosen]}."
        if leaning is None:
            headline += " Dine vægte trækker lige meget begge veje – beslutningen hviler på noget, der ikke står i skemaet. Skriv det ned."
        elif leaning == exercise.options[chosen]:
            headline += " Dine vægte støtter beslutningen."
        else:
            headline += f" Men dine vægte peger mod «{leaning}». Hvad tæller for dig, som ikke står i skemaet?"
    if unweighted:
        headline += f" {unweighted} argument{'er' if unweighted > 1 else ''} har ingen vægt og tæller som 1."
    prompts = [{"question": q, "answer": answers.get(str(i), "").strip()} for i, q in enumerate(exercise.prompts)]
    view = exercise.handbook_view
    return {
        "headline": headline,
        "title": exercise.title,
        "options": options,
        "heaviest": sorted(arguments, key=lambda a: a["weight"], reverse=True)[:3],
        "decision": exercise.options[chosen] if chosen is not None else "",
        "leaning": leaning or "",
        "prompts": prompts,
        "empty": empty,
        "handbook_view": {"text": view.text, "source": list(view.source)} if view and chosen is not None else None,
        "complete": chosen is not None and empty < total,
    }


def _lean(group: CheckGroup, chosen: set[str]) -> tuple[str, str]:
    """Which way one nærhed/afstand level leans, and what to try about it."""
    ticked = {key: [i for i in group.items if i.tag == key and i.id in chosen] for key in LEANS}
    close, distant, balanced = ticked["for-taet"], ticked["for-fjern"], ticked["balance"]
    level = f"niveauet {group.title.lower()}"
    if close and distant:
        return MIXED, (
            f"På {level} har du sat kryds både ved tegn på for tæt og for fjern. Begge dele kan ske i et forløb, "
            "men sjældent på samme tid – læs udsagnene igen, og behold de kryds, der passede. "
            f"{group.advice_for('for-taet')} {group.advice_for('for-fjern')}"
        ).strip()
    if close:
        return "for-taet", f"På {level} trækker du mod for tæt. {group.advice_for('for-taet')}".strip()
    if distant:
        return "for-fjern", f"På {level} trækker du mod for fjern. {group.advice_for('for-fjern')}".strip()
    if balanced:
        return "balance", f"På {level} tyder dine kryds på balance. Læg mærke til, hvad du gjorde, så du kan gøre det igen."
    return UNRATED, f"Intet kryds ved {level}, så det er ikke vurderet."


def _criterion(group: CheckGroup, chosen: set[str]) -> tuple[str, str]:
    """Whether one criterion holds: all its statements ticked and none of its warning signs."""
    signs = [i for i in group.items if i.tag != WARNING]
    warnings = [i for i in group.items if i.tag == WARNING and i.id in chosen]
    held = [i for i in signs if i.id in chosen]
    name = group.title.lower()
    if warnings and len(held) == len(signs):
        return MIXED, (
            f"Du har sat kryds ved, at {name} holder, og samtidig ved et faresignal. Begge kan ikke passe – "
            f"kig på faresignalet først. {group.advice_for(WARNING)}"
        ).strip()
    if warnings:
        return WARNING, f"Faresignal ved {name}. {group.advice_for(WARNING)}".strip()
    if signs and len(held) == len(signs):
        return "holder", f"{group.title} holder."
    missing = "; ".join(i.text for i in signs if i.id not in chosen)
    state = "delvis" if held else UNRATED
    question = f" Spørg dig selv: {group.help}" if group.help else ""
    return state, f"{group.title} holder ikke helt endnu. Mangler: {missing}{question}"


def _history(exercise: Exercise, history: list[Any], ticked: list[str], today: str) -> list[dict[str, Any]]:
    """Dated entries, oldest first; today's summary replaces an earlier one from the same day."""
    known = {i.id for g in exercise.groups for i in g.items}
    entries = [
        {"date": e["date"], "ticked": sorted(t for t in e.get("ticked", []) if t in known)}
        for e in history
        if isinstance(e, dict) and DATE.match(str(e.get("date", ""))) and isinstance(e.get("ticked", []), list)
    ]
    if today:
        if not DATE.match(today):
            raise ValueError(f"datoen '{today}' skal skrives som ÅÅÅÅ-MM-DD")
        entries = [e for e in entries if e["date"] != today] + [{"date": today, "ticked": sorted(set(ticked) & known)}]
    return sorted(entries, key=lambda e: e["date"])


def danish_date(iso: str) -> str:
    """2026-12-02 → 2.12.2026, the way dates are written in Danish."""
    year, month, day = iso.split("-")
    return f"{int(day)}.{int(month)}.{year}"


def _change(exercise: Exercise, before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    was, now = set(before["ticked"]), set(after["ticked"])
    groups = [
        {
            "title": g.title,
            "before": sum(i.id in was for i in g.items),
            "after": sum(i.id in now for i in g.items),
            "gained": [i.text for i in g.items if i.id in now - was],
            "lost": [i.text for i in g.items if i.id in was - now],
        }
        for g in exercise.groups
    ]
    moves = [f"{g['title']}: {g['before']} → {g['after']} kryds" for g in groups if g["before"] != g["after"]]
    text = f"Siden {danish_date(before['date'])}: " + ("; ".join(moves) + "." if moves else "ingen ændring i antallet af kryds.")
    return {"since": before["date"], "groups": groups, "text": text}


def summarise_checklist(
    exercise: Exercise,
    ticked: list[str],
    answers: dict[str, str],
    history: list[Any] | None = None,
    today: str = "",
) -> dict[str, object]:
    """Per group what the ticks mean; for a dated checklist also the entries and the latest change.

    ``today`` (ÅÅÅÅ-MM-DD, from the browser) records this summary in the history; without it the
    history is only read, which is how a reload shows the sheet again without adding an entry.
    """
    chosen = set(ticked)
    naerhed = exercise.scale == "naerhed-afstand"
    groups: list[dict[str, Any]] = []
    for group in exercise.groups:
        state, message = (_lean if naerhed else _criterion)(group, chosen)
        groups.append(
            {
                "id": group.id,
                "title": group.title,
                "ticked": [i.text for i in group.items if i.id in chosen],
                "count": sum(i.id in chosen for i in group.items),
                "total": len(group.items),
                "state": state,
                "label": (LEAN_LABELS if naerhed else CRITERION_LABELS)[state],
                "message": message,
            }
        )
    total = sum(len(g.items) for g in exercise.groups)
    count = sum(g["count"] for g in groups)
    by_state: dict[str, list[str]] = {}
    for g in groups:
        by_state.setdefault(g["state"], []).append(g["title"].lower())
    headline = f"Du har sat kryds ved {count} af {total} udsagn. "
    if count == total:
        headline += "Det er alle – også dem, der modsiger hinanden. Listen kan ikke vindes; sæt kun kryds ved det, der passede."
    elif naerhed:
        parts = [f"{LEAN_LABELS[k].lower()}: {', '.join(v)}" for k, v in by_state.items() if k != UNRATED]
        headline += ("Sådan fordeler niveauerne sig – " + "; ".join(parts) + ".") if parts else "Sæt kryds for at se, hvilken vej du trækker."
    else:
        held = by_state.get("holder", [])
        headline += f"{len(held)} af {len(groups)} holder (alle udsagn passer, og intet faresignal er krydset)."
        worries = by_state.get(WARNING, []) + by_state.get(MIXED, [])
        if worries:
            headline += f" Faresignal ved: {', '.join(worries)} – start der."
        elif len(held) < len(groups):
            headline += " Det, der ikke holder, er det, du skal ændre eller tale om først."
    reflections = [{"question": r.question, "answer": answers.get(r.id, "").strip()} for r in exercise.reflection]
    sheet: dict[str, object] = {
        "headline": headline.strip(),
        "title": exercise.title,
        "scale": exercise.scale,
        "groups": groups,
        "reflections": reflections,
    }
    if exercise.dated:
        entries = _history(exercise, history or [], ticked, today)
        sheet["history"] = entries
        sheet["change"] = _change(exercise, entries[-2], entries[-1]) if len(entries) > 1 else None
    return sheet
