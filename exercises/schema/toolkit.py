"""The schema toolkit: what every file's schema is written with.

:class:`Checker` collects ``file:line: message`` problems for one file, and its helpers return the
checked value or None; the rules below (ids, section references, placeholders, sizes, links) are
shared by every schema, so each message is phrased once.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import DataError

if TYPE_CHECKING:
    from ..kinds.base import Field, Part
    from ..library import Library

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SECTION = re.compile(r"^[AB]-\d+(?:\.\d+)*$")
INVENTORY_ID = re.compile(r"^(?:DEC|EX|CASE|MOD|MET|CHK|LAW|FACT|VIG)-[AB]?\d{2}$")
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


def section_check(sections: dict[str, dict[str, str]]) -> Callable[[str], str | None]:
    def check(value: str) -> str | None:
        if not SECTION.match(value):
            return f"'{value}' er ikke et afsnits-id som A-2.3 eller B-4.1.2"
        if value not in sections:
            return f"afsnittet '{value}' findes ikke i exercises/data/sections.yml"
        return None

    return check


def inventory_check(value: str) -> str | None:
    if INVENTORY_ID.match(value) or SECTION.match(value):
        return None
    return f"'{value}' er ikke et id fra INVENTORY (fx DEC-01, CASE-07, MOD-39, A-5.3)"


def vocab_check(vocabulary: dict[str, str], key: str) -> Callable[[str], str | None]:
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


def page_check(library: Library) -> Callable[[str], str | None]:
    def check(value: str) -> str | None:
        if library.pages is not None and value not in library.pages:
            return f"siden '{value}' findes ikke under docs/ (skriv stien fra docs/, fx dilemmaer/omsorgspligt.md)"
        return None

    return check


def flag(c: Checker, node: dict, key: str, what: str) -> bool:
    value = node.get(key, False)
    if not isinstance(value, bool):
        c.add(c.line(node, key), f"'{key}' i {what} skal være true eller false")
        return False
    return value


def no_identical_texts(c: Checker, values: list[tuple[str, int]], what: str) -> None:
    """Two statements with the same words cannot be told apart by the learner (or a screen reader)."""
    seen: set[str] = set()
    for value, line in values:
        norm = " ".join(value.lower().split())
        if norm in seen:
            c.add(line, f"teksten «{value}» står to gange i {what} – hver tekst skal være forskellig")
        seen.add(norm)


@dataclass(frozen=True)
class CasePart:
    """An optional part of a case that has its own module (e.g. exercises/facilitator.py).

    ``check`` gets the checker, the case's data, the key and the library (for ids in other files); it reports problems with ``c.add`` and
    returns what the case carries (``Case.part(key)``), or None when the key is absent or invalid.
    """

    field: Field  # the field reference's row for the key
    check: Callable[[Checker, dict, str, Library], Any]
    parts: tuple[Part, ...] = ()  # nested tables in the field reference
