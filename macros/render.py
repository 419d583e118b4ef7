"""Render the site's generated parts from Jinja partials in ``overrides/partials/skp``.

Every macro returns Markdown or HTML made by a template; Python only prepares the data. Exercise
HTML embeds the exercise's JSON (the same model the Pyodide worker receives) and works as plain
HTML before, and without, Python.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any
from collections.abc import Callable

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from exercises.catalogue import FACET_TITLES, FACETS, exercises_for_case, group_cases, label, source_refs
from exercises.kinds import KINDS
from exercises.models import HORIZONS, SIDES, WEIGHTS, ZONES, Exercise, Node, Outcome
from exercises.sheets import CRITERION_LABELS, LEAN_LABELS, grid_cell_key
from exercises.site import site_learning_path
from exercises.validate import Library, slugify

PARTIALS = Path(__file__).resolve().parent.parent / "overrides" / "partials" / "skp"
# For templates and hooks that only need the singular label; the registry itself is `kinds`.
KIND_LABELS = {name: kind.label for name, kind in KINDS.items()}
LAW_STATUS_LABELS = {
    "gaeldende": "Gælder stadig",
    "aendret": "Ændret siden",
    "uafklaret": "Uafklaret – se, hvad der skal tjekkes",
    "historisk": "Historisk – ikke gældende ret",
}
KOMMUNE_FIELDS = ("navn", "telefon", "email", "aabningstider", "svartid", "efter_lukketid", "adresse")
# Worksheets: how a checklist tag reads on paper (what a facilitator sheet adds is in each kind).
TAG_LABELS = {**LEAN_LABELS, **CRITERION_LABELS}
ADVICE_LABELS = {"for-taet": "Hælder mod for tæt", "for-fjern": "Hælder mod for fjern", "faresignal": "Ved et faresignal"}
EXERCISE_CALL = re.compile(r"""\{\{\s*exercise\(\s*["']([a-z0-9-]+)["']""")


def paragraphs(text: str) -> Markup:
    """Plain text with blank-line paragraphs → escaped <p> elements (data files hold no markup)."""
    parts = [p.strip() for p in re.split(r"\n\s*\n", text or "") if p.strip()]
    return Markup("".join(f"<p>{escape(' '.join(p.split()))}</p>" for p in parts))


DANISH_MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december")


def danish_date(iso: str) -> str:
    """2026-12-02 → '2. december 2026': the way a Danish reader expects a date in running text."""
    year, month, day = (int(part) for part in iso.split("-"))
    return f"{day}. {DANISH_MONTHS[month - 1]} {year}"


def embed_json(value: Any) -> Markup:
    """JSON for a <script type="application/json"> block: "<" as \\u003c, so it stays valid JSON
    and no data text can close or open a tag in the page."""
    return Markup(json.dumps(value, ensure_ascii=False).replace("<", "\\u003c"))


def one_block(html: str) -> str:
    """Drop blank lines so Markdown keeps the HTML as one raw block."""
    return "\n".join(line for line in html.splitlines() if line.strip())


@dataclass(frozen=True)
class TreeSheet:
    """A decision tree laid out for paper: questions numbered, outcomes lettered, every target named."""

    nodes: list[Node]
    outcomes: list[Outcome]
    numbers: dict[str, int]
    letters: dict[str, str]
    targets: dict[str, str]


def tree_sheet(tree: Exercise) -> TreeSheet:
    """Number the questions in the order a reader meets them (breadth first from the start).

    On paper a reader follows arrows, so the numbers must grow roughly along the way; the order in
    the data file is an author's order. Nodes or outcomes no path reaches (the validator forbids
    them) would still be listed last rather than silently dropped.
    """
    nodes = {node.id: node for node in tree.nodes}
    order: list[str] = []
    outcome_order: list[str] = []
    queue = [tree.start]
    while queue:
        at = queue.pop(0)
        if at in nodes and at not in order:
            order.append(at)
            queue.extend(option.next for option in nodes[at].options)
        elif at not in nodes and at not in outcome_order:
            outcome_order.append(at)
    order += [n.id for n in tree.nodes if n.id not in order]
    outcome_order = [o for o in outcome_order if tree.outcome(o)] + [o.id for o in tree.outcomes if o.id not in outcome_order]
    numbers = {node_id: i for i, node_id in enumerate(order, start=1)}
    letters = {outcome_id: chr(ord("A") + i) for i, outcome_id in enumerate(outcome_order)}
    targets = {**{k: f"spørgsmål {v}" for k, v in numbers.items()}, **{k: f"udfald {v}" for k, v in letters.items()}}
    return TreeSheet(
        nodes=[nodes[n] for n in order],
        outcomes=[o for o in (tree.outcome(i) for i in outcome_order) if o is not None],
        numbers=numbers,
        letters=letters,
        targets=targets,
    )


def section_titles(nav: list[Any]) -> dict[str, str]:
    """Docs folder → its section title in the navigation (``dilemmaer`` → «Dilemmaer og jura»)."""
    titles: dict[str, str] = {}
    for entry in nav:
        if not isinstance(entry, dict):
            continue
        for title, items in entry.items():
            for item in items if isinstance(items, list) else []:
                target = next(iter(item.values())) if isinstance(item, dict) else item
                if isinstance(target, str) and "/" in target:
                    titles.setdefault(target.split("/")[0], str(title))
    return titles


class Renderer:
    def __init__(
        self,
        library: Library,
        docs_dir: Path,
        extra: dict[str, Any],
        current_page: Callable[[], Any],
        nav: list[Any] | None = None,
    ):
        self.library = library
        self.sections = section_titles(nav or [])
        self.current_page = current_page
        self.docs_dir = docs_dir
        self.extra = extra
        self.env = Environment(
            loader=FileSystemLoader(PARTIALS),
            autoescape=select_autoescape(default=True, default_for_string=True),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters["paragraphs"] = paragraphs
        self.env.filters["danish_date"] = danish_date
        self.env.globals.update(
            zones=ZONES,
            horizons=HORIZONS,
            weights=WEIGHTS,
            sides=SIDES,
            kind_labels=KIND_LABELS,
            kinds=KINDS,
            law_status_labels=LAW_STATUS_LABELS,
            cell_key=grid_cell_key,
            sources=lambda ids: source_refs(ids, library),
            laws=library.laws,
            library=library,
            url=self.url,
            link=self.link,
            page_title=lambda path: self.page_titles.get(path, path),
            # worksheets (sheets)
            tree_sheet=tree_sheet,
            facilitator_notes={name: kind.facilitator_note for name, kind in KINDS.items()},
            tag_labels=TAG_LABELS,
            advice_labels=ADVICE_LABELS,
        )

    def _render(self, template: str, **context: Any) -> str:
        return self.env.get_template(template).render(**context)

    # ── exercises ──────────────────────────────────────────────────────────────────────
    def exercise(self, exercise_id: str, level: int = 3) -> str:
        """The exercise as accessible HTML inside the runtime-contract element."""
        exercise = self.library.exercises.get(exercise_id)
        if exercise is None:
            raise KeyError(f"øvelsen '{exercise_id}' findes ikke i exercises/data/exercises/")
        data = embed_json(exercise.to_dict())
        html = self._render(
            "exercise.html",
            ex=exercise,
            level=level,
            data=data,
            cases=[self.library.cases[c] for c in exercise.covers if c in self.library.cases],
        )
        return one_block(html)

    @cached_property
    def exercise_usage(self) -> dict[str, list[str]]:
        """Content pages that embed each exercise, found by reading the Markdown sources."""
        usage: dict[str, list[str]] = {}
        for path in sorted(self.docs_dir.rglob("*.md")):
            for exercise_id in EXERCISE_CALL.findall(path.read_text(encoding="utf-8")):
                usage.setdefault(exercise_id, []).append(path.relative_to(self.docs_dir).as_posix())
        return usage

    def exercise_page(self, exercise_id: str) -> str:
        exercise = self.library.exercises[exercise_id]
        return self._render(
            "exercise-page.md",
            ex=exercise,
            body=Markup(self.exercise(exercise_id, level=2)),
            used_on=self.exercise_usage.get(exercise_id, []),
            page_titles=self.page_titles,
        )

    def folder_view(self, exercise_id: str) -> Markup:
        """What Min mappe needs to show a saved state in words: the exercise's own texts, trimmed.

        Taken from the same definition the exercise renders, so the folder never holds a copy of
        a question or an answer that could drift from the exercise.
        """
        ex = self.library.exercises[exercise_id]
        view: dict[str, Any] = {"id": ex.id, "kind": ex.kind, "title": ex.title, **KINDS[ex.kind].folder_view(ex)}
        return embed_json(view)

    def min_mappe(self) -> str:
        """Min mappe: every step with its exercises; skp-min-mappe.mjs fills in what was saved."""
        steps = site_learning_path(self.docs_dir).steps
        in_path = {e for step in steps for e in step.exercises}
        others = sorted((e for e in self.library.exercises if e not in in_path), key=lambda e: self.library.exercises[e].title)
        return one_block(self._render("min-mappe.html", steps=steps, others=others, view=self.folder_view))

    def exercise_themes(self) -> dict[str, str]:
        """Each exercise's theme: the navigation section of the first page that embeds it."""
        return {
            exercise_id: self.sections.get(pages[0].split("/")[0], "Andet")
            for exercise_id, pages in self.exercise_usage.items()
            if pages and exercise_id in self.library.exercises
        }

    def exercise_library(self) -> str:
        by_kind = {kind: [e for e in self.library.exercises.values() if e.kind == kind] for kind in KINDS}
        themes = self.exercise_themes()
        theme_of = {e: themes.get(e, "Andet") for e in self.library.exercises}
        theme_names = sorted(set(theme_of.values()), key=lambda t: (t == "Andet", t))
        theme_keys = {name: slugify(name) for name in theme_names}
        return self._render("exercise-library.md", by_kind=by_kind, theme_of=theme_of, theme_keys=theme_keys)

    # ── cases ──────────────────────────────────────────────────────────────────────────
    def case_page(self, case_id: str) -> str:
        case = self.library.cases[case_id]
        exercises = [self.library.exercises[e] for e in exercises_for_case(case, self.library) if e in self.library.exercises]
        return self._render(
            "case-page.md",
            case=case,
            exercises=exercises,
            page_titles=self.page_titles,
            facet_label=lambda facet, key: label(self.library, facet, key),
        )

    def case_library(self) -> str:
        cases = sorted(self.library.cases.values(), key=lambda c: c.id)
        facets = [(f, FACET_TITLES[f], group_cases(self.library, f)) for f in FACETS]
        body = one_block(
            self._render(
                "case-library.html",
                cases=cases,
                facets=facets,
                facet_label=lambda facet, key: label(self.library, facet, key),
            )
        )
        return self._render("case-library.md", count=len(cases), body=Markup(body))

    # ── law, glossary, partners ────────────────────────────────────────────────────────
    def lov(self, law_id: str) -> str:
        law = self.library.laws.get(law_id)
        if law is None:
            raise KeyError(f"lovpunktet '{law_id}' findes ikke i exercises/data/love.yml")
        return one_block(self._render("law.html", law=law))

    def lovoversigt(self) -> str:
        return one_block(self._render("law-table.html", laws=sorted(self.library.laws.values(), key=lambda law: law.id)))

    def lovregister(self) -> str:
        """The reviewer's list: every point with where the rule is today, status, date checked and link."""
        return one_block(self._render("law-register.html", laws=sorted(self.library.laws.values(), key=lambda law: law.id)))

    def ordliste(self) -> str:
        return self._render("glossary.md", terms=sorted(self.library.glossary, key=lambda t: t.term.lower()))

    def kommune_kontakt(self) -> str:
        """The municipality's SKP contact block from ``extra.kommune`` in mkdocs.yml, or a neutral route to it."""
        given = self.extra.get("kommune") or {}
        kommune = {k: (given.get(k) or "").strip() for k in KOMMUNE_FIELDS}
        return one_block(self._render("kommune.html", kommune=kommune, configured=bool(kommune.get("navn"))))

    def andre_doere(self) -> str:
        """Where a partner goes instead when SKP is the wrong door: one block shared by every partner page."""
        return one_block(self._render("wrong-door.html"))

    def henvisningsskema(self) -> str:
        """The partners' referral checklist; skp-referral.js builds the summary in the browser."""
        return one_block(self._render("referral-form.html"))

    def laeringsforloeb(self) -> str:
        """The learning path's steps (exercises/data/learning_path.yml); the browser fills in progress."""
        steps = site_learning_path(self.docs_dir).steps
        return one_block(self._render("learning-path.html", steps=steps))

    # ── helpers ────────────────────────────────────────────────────────────────────────
    def url(self, target: str) -> str:
        """URL of a docs page (``cases/eva.md``) relative to the page being rendered, for raw HTML."""
        page = self.current_page()
        depth = page.url.count("/") if page is not None else 0
        path = target.removesuffix(".md").removesuffix("index")
        return "../" * depth + (path + "/" if path and not path.endswith("/") else path)

    def link(self, target: str) -> str:
        """Markdown link target (``../cases/eva.md``) relative to the current page, checked by MkDocs."""
        page = self.current_page()
        start = posixpath.dirname(page.file.src_uri) if page is not None else ""
        return posixpath.relpath(target, start or ".")

    @cached_property
    def page_titles(self) -> dict[str, str]:
        """Title of each Markdown page (front matter or first heading), for link texts."""
        titles = {}
        for path in self.docs_dir.rglob("*.md"):
            text = path.read_text(encoding="utf-8")
            match = re.search(r"^title:\s*(.+)$", text, re.M) or re.search(r"^#\s+(.+)$", text, re.M)
            titles[path.relative_to(self.docs_dir).as_posix()] = match.group(1).strip().strip("\"'") if match else path.stem
        return titles
