"""Checklists: statements to tick, summed up per group; nærhed/afstand lists show which way you lean.

One module per kind: fields, checks, engine actions and labels (see :mod:`exercises.kinds.base`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import sheets
from ..models import LEANS, SCALES, WARNING
from ..schema.toolkit import Checker, no_identical_texts
from .base import BLOCK, ONE, Field, Kind, Part, object_list, text, text_list, text_map

if TYPE_CHECKING:
    from ..library import Library
    from ..models import Exercise


def check(c: Checker, data: dict, library: Library) -> None:
    scale = c.choice(data, "scale", SCALES, "øvelsen") if "scale" in data else "kriterier"
    if data.get("id", "").startswith("cl-naerhed-") and scale != "naerhed-afstand":
        c.add(c.line(data, "id"), "en tjekliste, hvis id starter med 'cl-naerhed-', skal have 'scale: naerhed-afstand'")
    if "dated" in data and not isinstance(data["dated"], bool):
        c.add(c.line(data, "dated"), "'dated' skal være true eller false")
    tags = tuple(LEANS) if scale == "naerhed-afstand" else (WARNING,)
    advice_keys = ("for-taet", "for-fjern") if scale == "naerhed-afstand" else (WARNING,)
    groups = c.items(data, "groups", "øvelsen") or []
    group_ids, item_ids, texts, used = [], [], [], set()
    for gi, group in enumerate(groups):
        what = f"gruppe {gi + 1} i groups"
        if not c.mapping(group, GROUP.required, GROUP.optional, what):
            continue
        group_ids.append((c.slug(group, "id", what), c.line(group, "id")))
        c.text(group, "title", what)
        c.text(group, "help", what, required=False)
        if "advice" in group and c.mapping(group["advice"], (), advice_keys, f"'advice' i {what}"):
            for key in group["advice"]:
                c.text(group["advice"], key, f"'advice' i {what}")
        for ii, item in enumerate(c.items(group, "items", what) or []):
            iwhat = f"udsagn {ii + 1} i {what}"
            if c.mapping(item, STATEMENT.required, STATEMENT.optional, iwhat):
                item_ids.append((c.slug(item, "id", iwhat), c.line(item, "id")))
                text = c.text(item, "text", iwhat)
                if text:
                    texts.append((text, c.line(item, "text")))
                if scale == "naerhed-afstand" and "tag" not in item:
                    c.add(c.line(item), f"{iwhat} mangler 'tag' – skriv hvilken vej udsagnet trækker: {', '.join(LEANS)}")
                elif "tag" in item:
                    used.add(c.choice(item, "tag", tags, iwhat))
    if scale == "naerhed-afstand" and groups and not {"for-taet", "for-fjern"} <= used:
        missing = " og ".join(f"'{t}'" for t in ("for-taet", "for-fjern") if t not in used)
        c.add(
            c.line(data, "groups"),
            f"en nærhed/afstand-tjekliste skal have udsagn for begge måder at fejle på – der mangler {missing}",
        )
    reflections = c.items(data, "reflection", "øvelsen", required=False) or []
    for ri, reflection in enumerate(reflections):
        what = f"spørgsmål {ri + 1} i reflection"
        if c.mapping(reflection, REFLECTION.required, REFLECTION.optional, what):
            item_ids.append((c.slug(reflection, "id", what), c.line(reflection, "id")))
            c.text(reflection, "question", what)
    c.no_duplicates(group_ids, "groups")
    c.no_duplicates(item_ids, "udsagn og refleksionsspørgsmål")
    no_identical_texts(c, texts, "tjeklisten")


GROUP = Part("En gruppe under `groups`", ("id", "title", "items"), ("help", "advice"), {
    "id": Field(ONE, "Kort id med små bogstaver og bindestreg."),
    "title": Field(ONE, "Gruppens overskrift."),
    "items": Field(BLOCK, "Udsagnene; hvert starter med `- id:` og har `text`."),
    "help": Field(ONE, "En forklaring under overskriften."),
    "advice": Field(BLOCK, "Hvad man kan prøve: i en nærhed/afstand-liste `for-taet` og `for-fjern`, ellers `faresignal`."),
})

ADVICE = Part("Råd under `advice`", (), ("for-taet", "for-fjern", "faresignal"), {
    "for-taet": Field(ONE, "Hvad man kan prøve, når man trækker for tæt på (nærhed/afstand-lister)."),
    "for-fjern": Field(ONE, "Hvad man kan prøve, når man trækker for langt væk (nærhed/afstand-lister)."),
    "faresignal": Field(ONE, "Hvad man gør, når et faresignal er sat (andre tjeklister)."),
})

STATEMENT = Part("Et udsagn under `items`", ("id", "text"), ("tag",), {
    "id": Field(ONE, "Kort id, forskelligt fra alle andre i filen."),
    "text": Field(ONE, "Udsagnet, man sætter flueben ved."),
    "tag": Field(ONE, "Hvilken vej udsagnet peger: `balance`, `for-taet` eller `for-fjern` (nærhed/afstand), eller `faresignal`."),
})

REFLECTION = Part("Et spørgsmål under `reflection`", ("id", "question"), (), {
    "id": Field(ONE, "Kort id, forskelligt fra alle andre i filen."),
    "question": Field(ONE, "Refleksionsspørgsmålet."),
})


def folder_view(ex: Exercise) -> dict[str, Any]:
    """What Min mappe needs to show ticks and reflections: the statements and questions by id."""
    d = ex.to_dict()
    return {
        "groups": [{"title": g["title"], "items": [[i["id"], i["text"]] for i in g["items"]]} for g in d["groups"]],
        "reflection": [[q["id"], q["question"]] for q in d["reflection"]],
    }


KIND = Kind(
    name="checklist",
    label="Tjekliste",
    plural="Tjeklister",
    facilitator_note="hvilken vej hvert udsagn trækker, og hvad man kan prøve, når krydsene hælder",
    folder_view=folder_view,
    prefix="cl-",
    template="checklist",
    required=("groups",),
    optional=("reflection", "scale", "dated"),
    fields={
        "groups": Field(BLOCK, "Grupper af udsagn, fx tid, rum, klima og indhold (se felterne nedenfor)."),
        "reflection": Field(BLOCK, "Refleksionsspørgsmål efter tjeklisten."),
        "scale": Field(ONE, "`naerhed-afstand` for en nærhed/afstand-liste: så skal hvert udsagn have et `tag`, og hver gruppe råd for begge retninger. Filnavnet starter da med `cl-naerhed-`."),
        "dated": Field(ONE, "`true`, hvis hver opsummering skal gemmes med dato, så man kan se udviklingen over tid (fx relationstjekket)."),
    },
    parts=(GROUP, ADVICE, STATEMENT, REFLECTION),
    check=check,
    actions={
        "summary": lambda ex, st: sheets.summarise_checklist(
            ex, text_list(st, "ticked"), text_map(st, "answers"), object_list(st, "history"), text(st, "today")
        )
    },
    plays_decisions=False,
)
