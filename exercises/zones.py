"""ZNU sorting: compare the learner's placement with the handbook-based suggestion.

A different placement is a reflection, not an error: the feedback explains the handbook's reasoning
and invites the learner to weigh it against what they know about the person.
"""

from __future__ import annotations

from .models import ZONES, Exercise

_ORDER = list(ZONES)  # from least to most the person can do alone


def _difference(chosen: str, suggested: str) -> str:
    """What a placement above or below the suggestion risks, in ZNU's own terms."""
    if _ORDER.index(chosen) > _ORDER.index(suggested):
        return (
            "Du lægger mere over på borgeren, end forslaget gør. Risikoen er, at borgeren står alene med en opgave, "
            "der er for svær, og oplever endnu et nederlag."
        )
    return (
        "Du lægger mindre over på borgeren, end forslaget gør. Risikoen er, at du overtager noget, borgeren kan "
        "klare, og svækker troen på egne kræfter."
    )


def compare(exercise: Exercise, placements: dict[str, str]) -> dict[str, object]:
    """Feedback per item plus totals; items not yet placed are listed so the learner can finish."""
    items = []
    for item in exercise.items:
        chosen = placements.get(item.id, "")
        if chosen not in ZONES:
            chosen = ""
        agrees = chosen == item.suggested
        if not chosen:
            message = "Du har ikke placeret denne endnu."
        elif agrees:
            message = f"Du er enig med forslaget: {ZONES[item.suggested].lower()}. {item.reason}"
        else:
            message = (
                f"Du placerede den i «{ZONES[chosen].lower()}», forslaget er «{ZONES[item.suggested].lower()}». "
                f"{_difference(chosen, item.suggested)} {item.reason} Hvad ved du om personen, der taler for din placering?"
            )
        items.append(
            {
                "id": item.id,
                "text": item.text,
                "chosen": chosen,
                "suggested": item.suggested,
                "agrees": agrees,
                "message": message,
            }
        )
    placed = sum(1 for i in items if i["chosen"])
    agreed = sum(1 for i in items if i["agrees"])
    per_zone = {zone: [i["text"] for i in items if i["chosen"] == zone] for zone in ZONES}
    if placed < len(items):
        headline = f"Du har placeret {placed} af {len(items)}. Placér resten for at se hele sammenligningen."
    else:
        headline = f"Du placerede {agreed} af {len(items)} som forslaget. Forskellene er gode at drøfte."
    return {
        "headline": headline,
        "placed": placed,
        "agreed": agreed,
        "total": len(items),
        "items": items,
        "per_zone": per_zone,
        # The next sub-goal is picked from what can be done with help: ZNU's working zone.
        "candidates": per_zone["kan-med-hjaelp"],
        "next_step": exercise.next_step,
        "complete": placed == len(items),
    }
