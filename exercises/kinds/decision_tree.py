"""Decision trees as branching scenarios (the rules are in :mod:`exercises.trees` and CONTRIBUTING.md).

One module per kind: fields, checks, engine actions and labels (see :mod:`exercises.kinds.base`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import trees
from ..models import NODE_TYPES, RATINGS, Exercise
from ..schema.toolkit import SLUG, Checker, duplicate_labels, flag, page_check, section_check
from ..trees import structure_problems
from .base import BLOCK, LIST, ONE, Field, Kind, Part, choices

if TYPE_CHECKING:
    from ..library import Library


def check(c: Checker, data: dict, library: Library) -> None:
    """A branching scenario; the rules are documented in :mod:`exercises.trees` and CONTRIBUTING.md.

    A decision has exactly one recommended answer; with at least two answers that also gives it at
    least one the handbooks advise against. Recoveries belong to decisions and are never the
    recommended answer, so the handbooks' path always runs straight to an outcome.
    """
    nodes, outcomes = data["nodes"], data["outcomes"]
    if not isinstance(nodes, dict) or not nodes:
        c.add(c.line(data, "nodes"), "'nodes' skal være en samling af spørgsmål (id: …)")
        return
    if not isinstance(outcomes, dict) or not outcomes:
        c.add(c.line(data, "outcomes"), "'outcomes' skal være en samling af udfald (id: …)")
        return
    pages = page_check(library)
    edges: dict[str, list[str]] = {}
    recoveries: set[tuple[str, int]] = set()
    next_lines: dict[str, int] = {}  # target id -> first 'next:' line naming it
    errors_before = len(c.errors)
    for node_id, node in nodes.items():
        what = f"spørgsmålet '{node_id}'"
        if not SLUG.match(str(node_id)):
            c.add(c.line(nodes, node_id), f"id '{node_id}' må kun indeholde a-z, 0-9 og bindestreg")
        if node_id in outcomes:
            c.add(c.line(nodes, node_id), f"'{node_id}' er både et spørgsmål og et udfald – giv dem forskellige id'er")
        if not c.mapping(node, QUESTION.required, QUESTION.optional, what):
            continue
        node_type = c.choice(node, "type", tuple(NODE_TYPES), what)
        c.text(node, "question", what)
        c.text(node, "help", what, required=False)
        options = c.items(node, "options", what, minimum=2)
        edges[node_id] = []
        labels: list[tuple[str, int]] = []
        recommended = 0
        for index, option in enumerate(options or []):
            owhat = f"svar {index + 1} i {what}"
            if not c.mapping(option, OPTION.required, OPTION.optional, owhat):
                continue
            label = c.text(option, "label", owhat)
            if label:
                labels.append((label, c.line(option, "label")))
            c.text(option, "feedback", owhat)
            see = c.text(option, "see", owhat, required=False)
            problem = pages(see) if see else None
            if problem:
                c.add(c.line(option, "see"), problem)
            is_recommended = flag(c, option, "recommended", owhat)
            is_recovery = flag(c, option, "recovery", owhat)
            recommended += is_recommended
            if node_type == "situation" and (is_recommended or is_recovery):
                key = "recommended" if is_recommended else "recovery"
                c.add(c.line(option, key), f"'{key}' hører til en beslutning – {what} er en situation, hvor intet svar er forkert")
            if is_recommended and is_recovery:
                c.add(c.line(option, "recovery"), f"håndbøgernes anbefalede svar kan ikke være en vej tilbage ('recovery') i {what}")
            target = c.text(option, "next", owhat)
            if target:
                if is_recovery:
                    recoveries.add((node_id, len(edges[node_id])))
                edges[node_id].append(target)
                next_lines.setdefault(target, c.line(option, "next"))
        if node_type == "beslutning" and options is not None and recommended != 1:
            c.add(
                c.line(node, "options"),
                f"beslutningen '{node_id}' skal have præcis ét svar med 'recommended: true' (håndbøgernes valg), men har {recommended}",
            )
        for line, problem in duplicate_labels(labels, what):
            c.add(line, problem)
    node_errors = len(c.errors) > errors_before  # a broken question would make its targets look unreachable
    sections = section_check(library.sections)
    for outcome_id, outcome in outcomes.items():
        what = f"udfaldet '{outcome_id}'"
        if not SLUG.match(str(outcome_id)):
            c.add(c.line(outcomes, outcome_id), f"id '{outcome_id}' må kun indeholde a-z, 0-9 og bindestreg")
        if not c.mapping(outcome, OUTCOME.required, OUTCOME.optional, what):
            continue
        c.text(outcome, "title", what)
        text = c.text(outcome, "text", what)
        c.choice(outcome, "rating", tuple(RATINGS), what)
        c.text(outcome, "supervision", what)
        next_page = c.text(outcome, "next_page", what)
        problem = pages(next_page) if next_page else None
        if problem:
            c.add(c.line(outcome, "next_page"), problem)
        c.text_list(outcome, "source", what, check=sections)
        c.text_list(outcome, "law", what, required=False, check=lambda v: None if v in library.laws else f"lovpunktet '{v}' findes ikke i exercises/data/love.yml")
        if text and "§" in text and not outcome.get("law"):
            c.add(c.line(outcome, "text"), f"{what} nævner en lovparagraf (§) – skriv lovpunktet i 'law:', så lovboksen med dagens regel vises")
        for index, position in enumerate(c.items(outcome, "positions", what, minimum=2, required=False) or []):
            pwhat = f"synspunkt {index + 1} i {what}"
            if c.mapping(position, ("source", "text"), (), pwhat):
                c.text(position, "text", pwhat)
                source = c.text(position, "source", pwhat)
                problem = sections(source) if source else None
                if problem:
                    c.add(c.line(position, "source"), problem)
    start = c.text(data, "start", "øvelsen")
    if start and edges and not node_errors:
        for where, problem in structure_problems(start, edges, set(outcomes), recoveries):
            container = nodes if where in nodes else outcomes if where in outcomes else data
            line = c.line(container, where) if where in container else next_lines.get(where, c.line(data, "start"))
            c.add(line, problem)


def _walk(exercise: Exercise, state: dict[str, Any]) -> dict[str, Any]:
    result = trees.walk(exercise, choices(state))
    response: dict[str, Any] = result.to_dict()
    if result.finished:
        outcome = exercise.outcome(result.at)
        response["outcome"] = outcome.id if outcome else None
    return response


def _to_model(data: dict[str, Any]) -> dict[str, Any]:
    """Questions and outcomes are mappings keyed by id in the file and lists of models in the page."""
    return {
        **data,
        "nodes": [{"id": k, **v} for k, v in data["nodes"].items()],
        "outcomes": [{"id": k, **v} for k, v in data["outcomes"].items()],
    }


QUESTION = Part("Et spørgsmål under `nodes`", ("type", "question", "options"), ("help",), {
    "type": Field(ONE, "`beslutning` («Hvad gør du?» – ét svar er håndbøgernes, mindst ét er fristende, men forkert) eller `situation` («Hvad sker der?» – intet svar er forkert)."),
    "question": Field(ONE, "Spørgsmålet, som det står på skærmen."),
    "options": Field(BLOCK, "Mindst to svar; hvert svar starter med `- label:`."),
    "help": Field(ONE, "Et hint, man kan folde ud under spørgsmålet."),
})

OPTION = Part("Et svar under `options`", ("label", "next", "feedback"), ("see", "recommended", "recovery"), {
    "label": Field(ONE, "Svarets tekst."),
    "next": Field(ONE, "Id'et på det spørgsmål eller udfald, svaret fører til."),
    "feedback": Field(ONE, "Det, der sker bagefter: først konsekvensen i scenariet, så reglen eller håndbogens begrundelse."),
    "see": Field(ONE, "En side under `docs/`, der forklarer metoden, fx `dilemmaer/omsorgspligt.md`."),
    "recommended": Field(ONE, "`true` på præcis ét svar i hver beslutning: det svar, håndbøgerne anbefaler."),
    "recovery": Field(ONE, "`true`, når svaret fører tilbage til et tidligere spørgsmål, så man kan prøve igen (en vej tilbage)."),
})

OUTCOME = Part("Et udfald under `outcomes`", ("title", "text", "source", "rating", "next_page", "supervision"), ("law", "positions"), {
    "title": Field(ONE, "Udfaldets overskrift."),
    "text": Field(ONE, "Hvorfor – forklaringen, man får til sidst."),
    "source": Field(LIST, "Håndbogsafsnit, forklaringen bygger på."),
    "rating": Field(ONE, "Vurderingen: `anbefalet`, `forsvarligt`, `risikabelt` eller `i-strid-med-reglerne`."),
    "next_page": Field(ONE, "Siden under `docs/`, man bør læse bagefter."),
    "supervision": Field(ONE, "Ét spørgsmål at tage med til supervision."),
    "law": Field(LIST, "Lovpunkter fra `exercises/data/love.yml`, fx `[LAW-26]`; vises med årstal og hvad der gælder nu."),
    "positions": Field(BLOCK, "Når håndbøgerne er uenige: mindst to synspunkter, hver med `source` og `text`."),
})


def folder_view(ex: Exercise) -> dict[str, Any]:
    """What Min mappe needs to put a saved path into words: questions, where each answer leads, outcomes."""
    d = ex.to_dict()
    return {
        "start": d["start"],
        "nodes": {n["id"]: {"question": n["question"], "options": [[o["label"], o["next"]] for o in n["options"]]} for n in d["nodes"]},
        "outcomes": {o.id: {"title": o.title, "rating": o.rating_label, "supervision": o.supervision} for o in ex.outcomes},
    }


KIND = Kind(
    name="decision_tree",
    label="Beslutningstræ",
    plural="Beslutningstræer",
    facilitator_note="feedbacken på hvert svar, håndbøgernes valg ved hver beslutning og vurderingen af hvert udfald",
    folder_view=folder_view,
    prefix="dt-",
    template="tree",
    required=("start", "nodes", "outcomes"),
    optional=(),
    fields={
        "start": Field(ONE, "Id'et på det første spørgsmål under `nodes`."),
        "nodes": Field(BLOCK, "Spørgsmålene. Hvert spørgsmål har sit eget id (små bogstaver og bindestreg) med felterne nedenfor."),
        "outcomes": Field(BLOCK, "Udfaldene, som svarene ender i. Hvert udfald har sit eget id med felterne nedenfor."),
    },
    parts=(QUESTION, OPTION, OUTCOME),
    check=check,
    actions={
        "walk": _walk,
        "debrief": lambda ex, st: trees.debrief(ex, choices(st)),
    },
    plays_decisions=True,
    to_model=_to_model,
)
