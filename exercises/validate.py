"""One validator for every data file: exercises, cases, legal points, glossary and vocabulary.

The build, the tests and the CLI all call :func:`load_library`. Every problem is reported as
``file:line: plain Danish message`` so a content editor can fix it without reading Python.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .errors import DataError, DataErrors
from .facilitator import check_facilitator
from .loader import load_yaml
from .models import KINDS, LEANS, NODE_TYPES, RATINGS, SCALES, WARNING, ZONES, Case, Exercise, LawPoint, Term
from .trees import structure_problems

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SECTION = re.compile(r"^[AB]-\d+(?:\.\d+)*$")
INVENTORY_ID = re.compile(r"^(?:DEC|EX|CASE|MOD|MET|CHK|LAW|FACT|VIG)-[AB]?\d{2}$")
LAW_STATUSES = ("gaeldende", "aendret", "uafklaret", "historisk")
LAW_URL = re.compile(r"^https://www\.retsinformation\.dk/\S+$")
# An unresolved point says exactly this, followed by what to check; a resolved one never says it.
UNRESOLVED = "Tjek gældende regler:"
VOCABULARY_KEYS = ("handbooks", "phases", "maalgrupper", "henvisere", "themes", "audiences")
# Words an author leaves while drafting; none of them may reach a learner.
PLACEHOLDER = re.compile(r"\b(todo|xxx+|lorem)\b", re.IGNORECASE)


# ── Generic content rules, shared by every exercise kind ─────────────────────────────────
def placeholder_problem(text: str) -> str | None:
    """A problem when ``text`` still holds drafting placeholders such as TODO, xxx or lorem ipsum."""
    match = PLACEHOLDER.search(text)
    if match:
        return f"teksten indeholder pladsholderen '{match.group(0)}' – skriv den færdige tekst"
    return None


def placeholder_problems(node: Any, line: int = 1) -> list[tuple[int, str]]:
    """Every placeholder anywhere in a loaded YAML value, as (line, problem) pairs."""
    if isinstance(node, str):
        problem = placeholder_problem(node)
        return [(line, problem)] if problem else []
    if isinstance(node, dict):
        return [p for key, value in node.items() for p in placeholder_problems(value, Checker.line(node, key))]
    if isinstance(node, list):
        lines = getattr(node, "line_of", lambda _: line)
        return [p for index, value in enumerate(node) for p in placeholder_problems(value, lines(index))]
    return []


def duplicate_labels(labels: list[tuple[str, int]], what: str) -> list[tuple[int, str]]:
    """Answers in one question that read the same (case and spacing ignored), as (line, problem) pairs."""
    seen: set[str] = set()
    problems = []
    for label, line in labels:
        key = " ".join(label.lower().split())
        if key in seen:
            problems.append((line, f"svaret '{label}' står to gange i {what} – hvert svar skal have sin egen tekst"))
        seen.add(key)
    return problems


def slugify(title: str) -> str:
    """URL slug from a Danish title: æ/ø/å spelled out, everything else reduced to a-z0-9 and dashes."""
    text = title.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


@dataclass
class Library:
    """Everything the site is generated from, validated and cross-checked."""

    sections: dict[str, dict[str, str]] = field(default_factory=dict)
    vocabulary: dict[str, dict[str, str]] = field(default_factory=dict)
    laws: dict[str, LawPoint] = field(default_factory=dict)
    glossary: list[Term] = field(default_factory=list)
    cases: dict[str, Case] = field(default_factory=dict)
    exercises: dict[str, Exercise] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # id -> data file, for cross-reference errors
    pages: set[str] | None = None  # docs pages that data may link to (None: not checked)
    lines: dict[tuple[str, str], int] = field(default_factory=dict)  # (id, key) -> line of that key
    broken: set[str] = field(default_factory=set)  # exercise files with errors of their own (no follow-ons)


class Checker:
    """Collects problems for one file; helpers return the checked value or None."""

    def __init__(self, file: str):
        self.file = file
        self.errors: list[DataError] = []

    def add(self, line: int, message: str) -> None:
        self.errors.append(DataError(self.file, line, message))

    @staticmethod
    def line(node: Any, key: Any = None) -> int:
        if key is not None and hasattr(node, "line_of"):
            return node.line_of(key)
        return getattr(node, "line", 1)

    def mapping(self, node: Any, required: tuple[str, ...], optional: tuple[str, ...], what: str) -> bool:
        if not isinstance(node, dict):
            self.add(self.line(node), f"{what} skal være en samling af nøgler (nøgle: værdi)")
            return False
        missing = [key for key in required if key not in node or node[key] is None]
        for key in node:
            if key not in required and key not in optional:
                # A misspelt key is one mistake: say so once, at its line, instead of also "mangler".
                guess = difflib.get_close_matches(str(key), [k for k in missing if k not in node], n=1)
                if guess:
                    missing.remove(guess[0])
                    self.add(self.line(node, key), f"'{key}' i {what} er stavet forkert – ret den til '{guess[0]}'")
                    continue
                allowed = ", ".join(required + optional)
                self.add(self.line(node, key), f"ukendt nøgle '{key}' i {what} – tilladte nøgler er: {allowed}")
        for key in missing:
            self.add(self.line(node), f"{what} mangler '{key}'")
        return all(key in node and node[key] is not None for key in required)

    def text(self, node: dict, key: str, what: str, required: bool = True) -> str | None:
        value = node.get(key)
        if value is None:
            return None if required else ""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or not value.strip():
            self.add(self.line(node, key), f"'{key}' i {what} skal være en tekst, som ikke er tom")
            return None
        return value.strip()

    def slug(self, node: dict, key: str, what: str) -> str | None:
        value = self.text(node, key, what)
        if value is not None and not SLUG.match(value):
            self.add(self.line(node, key), f"'{key}' i {what} må kun indeholde a-z, 0-9 og bindestreg: '{value}'")
            return None
        return value

    def choice(self, node: dict, key: str, allowed: dict[str, str] | tuple[str, ...], what: str) -> str | None:
        value = self.text(node, key, what)
        if value is not None and value not in allowed:
            self.add(self.line(node, key), f"'{value}' er ikke en gyldig værdi for '{key}' i {what} – brug en af: {', '.join(allowed)}")
            return None
        return value

    def items(self, node: dict, key: str, what: str, minimum: int = 1, required: bool = True) -> list | None:
        value = node.get(key)
        if value is None:
            return None if required else []
        if not isinstance(value, list):
            self.add(self.line(node, key), f"'{key}' i {what} skal være en liste (linjer, der starter med '- ')")
            return None
        if len(value) < minimum:
            self.add(self.line(node, key), f"'{key}' i {what} skal have mindst {minimum} punkter, men har {len(value)}")
            return None
        return value

    def text_list(
        self,
        node: dict,
        key: str,
        what: str,
        minimum: int = 1,
        required: bool = True,
        check: Callable[[str], str | None] | None = None,
    ) -> tuple[str, ...] | None:
        """A list of strings; ``check`` returns a problem for one value, or None when it is fine."""
        values = self.items(node, key, what, minimum, required)
        if values is None:
            return None
        result = []
        for index, value in enumerate(values):
            line = values.line_of(index) if hasattr(values, "line_of") else self.line(node, key)
            if not isinstance(value, str) or not value.strip():
                self.add(line, f"punkt {index + 1} i '{key}' ({what}) skal være en tekst")
                continue
            problem = check(value.strip()) if check else None
            if problem:
                self.add(line, problem)
                continue
            result.append(value.strip())
        return tuple(result) if len(result) == len(values) else None

    def no_duplicates(self, values: list[tuple[str | None, int]], what: str) -> None:
        seen: set[str | None] = set()
        for value, line in values:
            if value in seen:
                self.add(line, f"id '{value}' bruges to gange i {what} – hvert id skal være unikt")
            seen.add(value)


def _section_check(sections: dict[str, dict[str, str]]) -> Callable[[str], str | None]:
    def check(value: str) -> str | None:
        if not SECTION.match(value):
            return f"'{value}' er ikke et afsnits-id som A-2.3 eller B-4.1.2"
        if value not in sections:
            return f"afsnittet '{value}' findes ikke i exercises/data/sections.yml"
        return None

    return check


def _inventory_check(value: str) -> str | None:
    if INVENTORY_ID.match(value) or SECTION.match(value):
        return None
    return f"'{value}' er ikke et id fra INVENTORY (fx DEC-01, CASE-07, MOD-39, A-5.3)"


def _vocab_check(vocabulary: dict[str, str], key: str) -> Callable[[str], str | None]:
    def check(value: str) -> str | None:
        if value not in vocabulary:
            return f"'{value}' er ikke en gyldig værdi for '{key}' – brug en af: {', '.join(vocabulary)}"
        return None

    return check


# Most characters a field may hold: generous for real content, small enough that one data file
# cannot blow a page up to megabytes.
FIELD_LIMITS = {"title": 120, "summary": 500, "intro": 4000, "story": 20000, "questions": 800}
# Link targets in text rendered as Markdown: the web, mail, phone, or a page or anchor of this site.
LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)|^\s*\[[^\]]+\]:\s*<?(\S+?)>?\s*$", re.M)
SAFE_LINK = re.compile(r"^(?:https?://|mailto:|tel:|[^:&]*$)", re.I)


def check_field_size(c: Checker, node: dict, key: str, what: str) -> None:
    """A too-long field is an error naming the limit, so an author knows how much to cut."""
    limit = FIELD_LIMITS[key]
    values = node.get(key)
    for value in values if isinstance(values, list) else [values]:
        if isinstance(value, str) and len(value) > limit:
            c.add(c.line(node, key), f"'{key}' i {what} er {len(value)} tegn – højst {limit} er tilladt; del teksten op eller forkort den")


def check_links(c: Checker, node: dict, key: str, what: str) -> None:
    """Links in Markdown text may only go to http(s), mailto, tel or the site's own pages (never javascript: and the like)."""
    values = node.get(key)
    for value in values if isinstance(values, list) else [values]:
        if not isinstance(value, str):
            continue
        for match in LINK_TARGET.finditer(value):
            target = match.group(1) or match.group(2) or ""
            if not SAFE_LINK.match(target):
                c.add(
                    c.line(node, key),
                    f"linket '{target}' i '{key}' i {what} er ikke tilladt – brug http(s)://, mailto:, tel: eller en side på sitet",
                )


COMMON_REQUIRED = ("id", "kind", "title", "audience", "intro", "source")
KIND_KEYS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "decision_tree": (("start", "nodes", "outcomes"), ()),
    "zones": (("items",), ("next_step",)),
    "choice_grid": (("scenario", "options", "prompts", "handbook_view"), ()),
    "checklist": (("groups",), ("reflection", "scale", "dated")),
}


def check_exercise(c: Checker, data: Any, file_id: str, library: Library) -> Exercise | None:
    """Schema of one exercise file; returns the model when the file is valid."""
    if not isinstance(data, dict):
        c.add(1, "filen skal starte med nøgler som id:, kind: og title:")
        return None
    kind = data.get("kind")
    if kind not in KINDS:
        c.add(c.line(data, "kind"), f"'kind' skal være en af: {', '.join(KINDS)} (står: '{kind}')")
        return None
    required, optional = KIND_KEYS[kind]
    ok = c.mapping(data, COMMON_REQUIRED + required, ("covers",) + optional, "øvelsen")
    ex_id = c.slug(data, "id", "øvelsen")
    if ex_id and ex_id != file_id:
        c.add(c.line(data, "id"), f"id '{ex_id}' skal være det samme som filnavnet ('{file_id}')")
    c.text(data, "title", "øvelsen")
    c.text(data, "intro", "øvelsen")
    for key in ("title", "intro"):
        check_field_size(c, data, key, "øvelsen")
    c.text_list(data, "audience", "øvelsen", check=_vocab_check(library.vocabulary.get("audiences", {}), "audience"))
    c.text_list(data, "source", "øvelsen", check=_section_check(library.sections))
    c.text_list(data, "covers", "øvelsen", required=False, check=_inventory_check)
    for line, problem in placeholder_problems(data):
        c.add(line, problem)
    if not ok:
        return None
    {"decision_tree": _check_tree, "zones": _check_zones, "choice_grid": _check_grid, "checklist": _check_checklist}[kind](
        c, data, library
    )
    if c.errors:
        return None
    return Exercise.from_dict(_plain(data, kind))


def _page_check(library: Library) -> Callable[[str], str | None]:
    def check(value: str) -> str | None:
        if library.pages is not None and value not in library.pages:
            return f"siden '{value}' findes ikke under docs/ (skriv stien fra docs/, fx dilemmaer/omsorgspligt.md)"
        return None

    return check


def _flag(c: Checker, node: dict, key: str, what: str) -> bool:
    value = node.get(key, False)
    if not isinstance(value, bool):
        c.add(c.line(node, key), f"'{key}' i {what} skal være true eller false")
        return False
    return value


def _check_tree(c: Checker, data: dict, library: Library) -> None:
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
    pages = _page_check(library)
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
        if not c.mapping(node, ("type", "question", "options"), ("help",), what):
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
            if not c.mapping(option, ("label", "next", "feedback"), ("see", "recommended", "recovery"), owhat):
                continue
            label = c.text(option, "label", owhat)
            if label:
                labels.append((label, c.line(option, "label")))
            c.text(option, "feedback", owhat)
            see = c.text(option, "see", owhat, required=False)
            problem = pages(see) if see else None
            if problem:
                c.add(c.line(option, "see"), problem)
            is_recommended = _flag(c, option, "recommended", owhat)
            is_recovery = _flag(c, option, "recovery", owhat)
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
    sections = _section_check(library.sections)
    for outcome_id, outcome in outcomes.items():
        what = f"udfaldet '{outcome_id}'"
        if not SLUG.match(str(outcome_id)):
            c.add(c.line(outcomes, outcome_id), f"id '{outcome_id}' må kun indeholde a-z, 0-9 og bindestreg")
        if not c.mapping(outcome, ("title", "text", "source", "rating", "next_page", "supervision"), ("law", "positions"), what):
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




def _no_identical_texts(c: Checker, values: list[tuple[str, int]], what: str) -> None:
    """Two statements with the same words cannot be told apart by the learner (or a screen reader)."""
    seen: set[str] = set()
    for value, line in values:
        norm = " ".join(value.lower().split())
        if norm in seen:
            c.add(line, f"teksten «{value}» står to gange i {what} – hver tekst skal være forskellig")
        seen.add(norm)


def _check_zones(c: Checker, data: dict, library: Library) -> None:
    c.text(data, "next_step", "øvelsen", required=False)
    items = c.items(data, "items", "øvelsen", minimum=4) or []
    ids, texts, zones = [], [], []
    for index, item in enumerate(items):
        what = f"punkt {index + 1} i items"
        if c.mapping(item, ("id", "text", "suggested", "reason"), (), what):
            item_id = c.slug(item, "id", what)
            ids.append((item_id, c.line(item, "id")))
            text = c.text(item, "text", what)
            if text:
                texts.append((text, c.line(item, "text")))
            zones.append(c.choice(item, "suggested", tuple(ZONES), what))
            c.text(item, "reason", what)
    c.no_duplicates(ids, "items")
    _no_identical_texts(c, texts, "items")
    if zones and None not in zones and len(set(zones)) < 2:
        c.add(
            c.line(data, "items"),
            f"alle punkter i 'items' har forslaget '{zones[0]}' – en ZNU-sortering skal bruge mindst to zoner, ellers er der intet at sortere",
        )


def _check_grid(c: Checker, data: dict, library: Library) -> None:
    c.text(data, "scenario", "øvelsen")
    options = c.text_list(data, "options", "øvelsen", minimum=2)
    if options is not None and len(options) != 2:
        c.add(c.line(data, "options"), f"et valgskema har præcis 2 muligheder i 'options', men har {len(options)}")
    if options:
        _no_identical_texts(c, [(o, c.line(data, "options")) for o in options], "'options'")
    c.text_list(data, "prompts", "øvelsen")
    view = data["handbook_view"]
    if c.mapping(view, ("text", "source"), (), "'handbook_view'"):
        c.text(view, "text", "'handbook_view'")
        c.text_list(view, "source", "'handbook_view'", check=_section_check(library.sections))


def _check_checklist(c: Checker, data: dict, library: Library) -> None:
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
        if not c.mapping(group, ("id", "title", "items"), ("help", "advice"), what):
            continue
        group_ids.append((c.slug(group, "id", what), c.line(group, "id")))
        c.text(group, "title", what)
        c.text(group, "help", what, required=False)
        if "advice" in group and c.mapping(group["advice"], (), advice_keys, f"'advice' i {what}"):
            for key in group["advice"]:
                c.text(group["advice"], key, f"'advice' i {what}")
        for ii, item in enumerate(c.items(group, "items", what) or []):
            iwhat = f"udsagn {ii + 1} i {what}"
            if c.mapping(item, ("id", "text"), ("tag",), iwhat):
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
        if c.mapping(reflection, ("id", "question"), (), what):
            item_ids.append((c.slug(reflection, "id", what), c.line(reflection, "id")))
            c.text(reflection, "question", what)
    c.no_duplicates(group_ids, "groups")
    c.no_duplicates(item_ids, "udsagn og refleksionsspørgsmål")
    _no_identical_texts(c, texts, "tjeklisten")


def _plain(data: dict, kind: str) -> dict[str, Any]:
    """Turn the validated YAML shape (mappings keyed by id) into the models' list shape."""
    plain = {k: v for k, v in data.items()}
    plain["intro"] = data["intro"].strip()
    if kind == "decision_tree":
        plain["nodes"] = [{"id": k, **v} for k, v in data["nodes"].items()]
        plain["outcomes"] = [{"id": k, **v} for k, v in data["outcomes"].items()]
    return plain


CASE_REQUIRED = ("id", "title", "source", "maalgrupper", "henviser", "phases", "themes", "summary", "story", "questions", "links")
CASE_OPTIONAL = ("exercises", "temadag")


def check_case(c: Checker, data: Any, library: Library, pages: set[str] | None) -> Case | None:
    if not c.mapping(data, CASE_REQUIRED, CASE_OPTIONAL, "casen"):
        return None
    vocab = library.vocabulary
    case_id = c.text(data, "id", "casen")
    if case_id and not re.match(r"^CASE-\d{2}$", case_id):
        c.add(c.line(data, "id"), f"en case skal have et id som CASE-07 (står: '{case_id}')")
    title = c.text(data, "title", "casen")
    c.text(data, "summary", "casen")
    c.text(data, "story", "casen")
    for key in ("title", "summary", "story", "questions"):
        check_field_size(c, data, key, "casen")
        check_links(c, data, key, "casen")
    c.text_list(data, "source", "casen", check=_section_check(library.sections))
    c.text_list(data, "maalgrupper", "casen", check=_vocab_check(vocab.get("maalgrupper", {}), "maalgrupper"))
    c.choice(data, "henviser", vocab.get("henvisere", {}), "casen")
    c.text_list(data, "phases", "casen", check=_vocab_check(vocab.get("phases", {}), "phases"))
    c.text_list(data, "themes", "casen", check=_vocab_check(vocab.get("themes", {}), "themes"))
    c.text_list(data, "questions", "casen", minimum=2)

    def page_check(value: str) -> str | None:
        if pages is not None and value not in pages:
            return f"siden '{value}' findes ikke under docs/ (skriv stien fra docs/, fx grundlag/index.md)"
        return None

    c.text_list(data, "links", "casen", check=page_check)
    c.text_list(data, "exercises", "casen", required=False)
    temadag = check_facilitator(c, data, library)
    if c.errors or not title:
        return None
    return Case(
        id=data["id"],
        title=title,
        slug=slugify(title),
        source=tuple(data["source"]),
        maalgrupper=tuple(data["maalgrupper"]),
        henviser=data["henviser"],
        phases=tuple(data["phases"]),
        themes=tuple(data["themes"]),
        summary=data["summary"].strip(),
        story=data["story"].strip(),
        questions=tuple(q.strip() for q in data["questions"]),
        links=tuple(data["links"]),
        exercises=tuple(data.get("exercises") or ()),
        temadag=temadag,
    )


def check_laws(c: Checker, data: Any, library: Library) -> dict[str, LawPoint]:
    laws: dict[str, LawPoint] = {}
    if not isinstance(data, list):
        c.add(1, "filen skal være en liste af lovpunkter (linjer, der starter med '- id:')")
        return laws
    for index, entry in enumerate(data):
        law_id = entry.get("id") if isinstance(entry, dict) else None
        what = f"lovpunkt {law_id}" if isinstance(law_id, str) else f"lovpunkt {index + 1}"
        keys = ("id", "title", "reference", "source", "source_year", "handbook", "law", "paragraph", "status", "checked", "url", "now")
        if not c.mapping(entry, keys, (), what):
            continue
        law_id = c.text(entry, "id", what)
        if law_id and not re.match(r"^LAW-\d{2}$", law_id):
            c.add(c.line(entry, "id"), f"et lovpunkt skal have et id som LAW-07 (står: '{law_id}')")
        for key in ("title", "reference", "handbook", "law", "paragraph", "now"):
            c.text(entry, key, what)
        status = c.choice(entry, "status", LAW_STATUSES, what)
        c.text_list(entry, "source", what, check=_section_check(library.sections))
        year = entry.get("source_year")
        if not isinstance(year, int) or not 1900 <= year <= 2030:
            c.add(c.line(entry, "source_year"), f"'source_year' i {what} skal være et årstal som 2006")
        checked = _checked_date(c, entry, what)
        url = c.text(entry, "url", what)
        if url and not LAW_URL.match(url):
            c.add(c.line(entry, "url"), f"'url' i {what} skal være et link til lovteksten på retsinformation.dk, som begynder med https://www.retsinformation.dk/ (står: '{url}')")
        _check_unresolved(c, entry, status, what)
        if law_id in laws:
            c.add(c.line(entry, "id"), f"lovpunktet '{law_id}' står to gange")
        if law_id and not c.errors:
            values = {k: (tuple(v) if k == "source" else v) for k, v in entry.items()}
            laws[law_id] = LawPoint(**{**values, "checked": checked, "url": url, "now": entry["now"].strip()})
    return laws


def _checked_date(c: Checker, entry: dict, what: str) -> str | None:
    """'checked' as YYYY-MM-DD; YAML reads an unquoted date as a date, a quoted one as text."""
    value = entry.get("checked")
    line = c.line(entry, "checked")
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            value = date.fromisoformat(value.strip())
        except ValueError:
            pass
    if not isinstance(value, date):
        c.add(line, f"'checked' i {what} skal være den dato, punktet sidst blev tjekket, skrevet som 2026-12-02 (står: '{value}')")
        return None
    if value > date.today():
        c.add(line, f"'checked' i {what} ligger i fremtiden ({value.isoformat()}) – skriv den dato, du faktisk tjekkede punktet")
        return None
    return value.isoformat()


def _check_unresolved(c: Checker, entry: dict, status: str | None, what: str) -> None:
    """'Tjek gældende regler' belongs only to unresolved points, and must say what to check."""
    now = entry.get("now")
    if not isinstance(now, str) or status is None:
        return
    line = c.line(entry, "now")
    says_check = "tjek gældende regler" in now.lower()
    if status != "uafklaret" and says_check:
        c.add(line, f"{what} har status '{status}', men 'now' siger 'Tjek gældende regler' – skriv, hvad der gælder, eller sæt status til uafklaret")
    elif status == "uafklaret":
        match = re.search(re.escape(UNRESOLVED) + r"\s+(\S+(?:\s+\S+){4,})", now)
        if not match:
            c.add(line, f"{what} er uafklaret, så 'now' skal indeholde '{UNRESOLVED}' efterfulgt af, hvad der konkret skal tjekkes")


def check_glossary(c: Checker, data: Any) -> list[Term]:
    if not isinstance(data, list):
        c.add(1, "filen skal være en liste af begreber (linjer, der starter med '- term:')")
        return []
    terms = []
    for index, entry in enumerate(data):
        what = f"begreb {index + 1}"
        if c.mapping(entry, ("term", "definition"), (), what):
            term, definition = c.text(entry, "term", what), c.text(entry, "definition", what)
            if term and definition:
                terms.append(Term(term=term, definition=definition))
    return terms


def check_vocabulary(c: Checker, data: Any) -> dict[str, dict[str, str]]:
    if not c.mapping(data, VOCABULARY_KEYS, (), "ordforrådet"):
        return {}
    result = {}
    for key in VOCABULARY_KEYS:
        entries = data[key]
        if not isinstance(entries, dict) or not all(isinstance(v, str) for v in entries.values()):
            c.add(c.line(data, key), f"'{key}' skal være en samling af nøgle: Dansk betegnelse")
            continue
        result[key] = dict(entries)
    return result


def load_library(data_dir: Path, root: Path, pages: set[str] | None = None) -> Library:
    """Load and cross-check every data file; raises DataErrors listing all problems.

    ``pages`` is the set of Markdown paths under docs/ that links may point to (None skips that check,
    e.g. for the CLI run outside a site checkout).
    """
    library = Library(pages=pages)
    errors: list[DataError] = []

    def read(path: Path) -> tuple[Any, Checker]:
        display = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        checker = Checker(display)
        data, problems = load_yaml(path, display)
        checker.errors.extend(problems)
        return data, checker

    data, c = read(data_dir / "sections.yml")
    if not c.errors:
        if isinstance(data, dict):
            library.sections = {str(k): dict(v) for k, v in data.items()}
        else:
            c.add(1, "sections.yml skal være en samling af afsnit (A-2.3: …)")
    errors += c.errors
    data, c = read(data_dir / "vocabulary.yml")
    if not c.errors:
        library.vocabulary = check_vocabulary(c, data)
    errors += c.errors
    data, c = read(data_dir / "love.yml")
    if not c.errors:
        library.laws = check_laws(c, data, library)
    errors += c.errors
    data, c = read(data_dir / "ordliste.yml")
    if not c.errors:
        library.glossary = check_glossary(c, data)
    errors += c.errors
    if errors:
        # Every case and exercise is checked against these files; with one of them broken, each
        # would report a false follow-on error. Fix these first.
        raise DataErrors(errors)

    unreadable: dict[str, str] = {}  # file stem -> file, for files that are not valid YAML
    invalid: set[str] = set()  # file stems of files that were read but have errors
    for path in sorted((data_dir / "exercises").glob("*.yml")):
        data, c = read(path)
        if c.errors:
            unreadable[path.stem] = c.file
        else:
            exercise = check_exercise(c, data, path.stem, library)
            if exercise:
                library.exercises[exercise.id] = exercise
                library.files[exercise.id] = c.file
                library.lines[(exercise.id, "covers")] = c.line(data, "covers")
            else:
                invalid.add(path.stem)
        errors += c.errors
    library.broken = invalid | set(unreadable)
    for path in sorted((data_dir / "cases").glob("*.yml")):
        data, c = read(path)
        if c.errors or not isinstance(data, dict):
            invalid.add(path.stem)
        if not c.errors:
            case = check_case(c, data, library, pages)
            if case:
                if case.id in library.cases:
                    c.add(c.line(data, "id"), f"{case.id} findes allerede i {library.files[case.id]}")
                else:
                    library.cases[case.id] = case
                    library.files[case.id] = c.file
                    library.lines[(case.id, "exercises")] = c.line(data, "exercises")
            else:
                invalid.add(path.stem)
        errors += c.errors
    errors += cross_references(library, unreadable, invalid)
    if errors:
        raise DataErrors(errors, library)
    return library


def cross_references(library: Library, unreadable: dict[str, str] | None = None, invalid: set[str] | frozenset[str] = frozenset()) -> list[DataError]:
    """Links between files: exercises named by cases and cases named by exercises must exist.

    A name whose file exists but has errors of its own is not "missing": an unreadable exercise
    file is named as broken, and a file that was read but is invalid already has its one message.
    Case files are found by the ``case-07.yml`` ↔ ``CASE-07`` naming rule.
    """
    unreadable = unreadable or {}
    errors = []
    for case in library.cases.values():
        line = library.lines[(case.id, "exercises")]
        for ex_id in case.exercises:
            if ex_id in unreadable:
                errors.append(DataError(library.files[case.id], line, (
                    f"øvelsen '{ex_id}' kan ikke bruges, fordi filen {unreadable[ex_id]} ikke kan læses – "
                    "ret fejlen i den fil; her skal du ikke ændre noget"
                )))
            elif ex_id not in library.exercises and ex_id not in invalid:
                errors.append(DataError(library.files[case.id], line, f"øvelsen '{ex_id}' i 'exercises' findes ikke i exercises/data/exercises/"))
    for exercise in library.exercises.values():
        for ref in exercise.covers:
            broken = ref.lower() in invalid or ref.lower() in unreadable
            if ref.startswith("CASE-") and ref not in library.cases and library.cases and not broken:
                line = library.lines[(exercise.id, "covers")]
                errors.append(DataError(library.files[exercise.id], line, f"casen '{ref}' i 'covers' findes ikke i exercises/data/cases/"))
    return errors
