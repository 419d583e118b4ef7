"""The learning path («Trin for trin»): steps of pages to read and exercises to play.

The path lives in one data file, ``exercises/data/learning_path.yml``, checked here with the same
``file:line: message`` style as the cases and exercises, so an author who misspells a page or an
exercise id learns where and what to fix. The browser never reads YAML: the build turns the checked
path into JSON (:meth:`LearningPath.to_dict`) for the progress shown on each page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import DataError, DataErrors
from .loader import load_yaml
from .validate import Checker, Library

FILE_NAME = "learning_path.yml"
TOP_KEYS = ("steps",)
STEP_REQUIRED = ("id", "title", "pages", "exercises")
STEP_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Step:
    id: str
    title: str
    pages: tuple[str, ...]
    exercises: tuple[str, ...]


@dataclass(frozen=True)
class LearningPath:
    steps: tuple[Step, ...]

    def to_dict(self) -> dict[str, Any]:
        """The JSON the pages embed: numbered steps with their pages and exercises."""
        return {
            "steps": [
                {"id": s.id, "number": n, "title": s.title, "pages": list(s.pages), "exercises": list(s.exercises)}
                for n, s in enumerate(self.steps, start=1)
            ]
        }

    def step_of_page(self, page: str) -> Step | None:
        """The step a docs page belongs to (``faglighed/etik.md``), or None when it is not in the path."""
        return next((s for s in self.steps if page in s.pages), None)

    def step_of_exercise(self, exercise_id: str) -> Step | None:
        return next((s for s in self.steps if exercise_id in s.exercises), None)

    def number(self, step: Step) -> int:
        return self.steps.index(step) + 1


def _names(c: Checker, step: dict, key: str, what: str) -> list[tuple[str, int]]:
    """A list of plain texts with the line of each, or [] after reporting why it is not one."""
    value = step.get(key)
    if not isinstance(value, list):
        c.add(c.line(step, key), f"'{key}' i {what} skal være en liste, fx [{'sikkerhed/index.md' if key == 'pages' else 'dt-underretning'}] (eller [] for ingen)")
        return []
    found = []
    for index, item in enumerate(value):
        line = value.line_of(index) if hasattr(value, "line_of") else c.line(step, key)
        if not isinstance(item, str) or not item.strip():
            c.add(line, f"punkt nr. {index + 1} i '{key}' i {what} skal være en tekst")
            continue
        found.append((item.strip(), line))
    return found


def check_learning_path(c: Checker, data: Any, library: Library, pages: set[str] | None) -> LearningPath | None:
    """Check the path's shape and every reference; None when anything is wrong (errors are in ``c``)."""
    if not c.mapping(data, TOP_KEYS, (), "læringsforløbet"):
        return None
    raw_steps = data["steps"]
    if not isinstance(raw_steps, list) or not raw_steps:
        c.add(c.line(data, "steps"), "'steps' skal være en liste med mindst ét trin; hvert trin starter med '- id:'")
        return None
    steps: list[Step] = []
    seen_ids: dict[str, int] = {}
    placed: dict[str, str] = {}  # page or exercise -> the step that already has it
    for number, raw in enumerate(raw_steps, start=1):
        what = f"trin {number}"
        if not c.mapping(raw, STEP_REQUIRED, (), what):
            continue
        step_id, title = c.text(raw, "id", what), c.text(raw, "title", what)
        if step_id and not STEP_ID.match(step_id):
            c.add(c.line(raw, "id"), f"id '{step_id}' i {what} må kun have små bogstaver, tal og bindestreger, fx 'underretning'")
        elif step_id in seen_ids:
            c.add(c.line(raw, "id"), f"id '{step_id}' i {what} bruges også af trin {seen_ids[step_id]} – giv trinnet sit eget id")
        elif step_id:
            seen_ids[step_id] = number
        page_names = _names(c, raw, "pages", what)
        exercise_names = _names(c, raw, "exercises", what)
        if not page_names and isinstance(raw.get("pages"), list):
            c.add(c.line(raw, "pages"), f"{what} skal have mindst én side at læse under 'pages'")
        for page, line in page_names:
            if pages is not None and page not in pages:
                c.add(line, f"siden '{page}' i {what} findes ikke under docs/ – skriv stien som fx 'dilemmaer/underretningspligt.md'")
            elif page in placed:
                c.add(line, f"siden '{page}' står allerede i trinnet '{placed[page]}' – en side hører til ét trin")
            else:
                placed[page] = step_id or what
        for exercise, line in exercise_names:
            if exercise not in library.exercises:
                c.add(line, f"øvelsen '{exercise}' i {what} findes ikke i exercises/data/exercises/")
            elif exercise in placed:
                c.add(line, f"øvelsen '{exercise}' står allerede i trinnet '{placed[exercise]}' – en øvelse hører til ét trin")
            else:
                placed[exercise] = step_id or what
        if step_id and title:
            steps.append(Step(step_id, title, tuple(p for p, _ in page_names), tuple(e for e, _ in exercise_names)))
    return None if c.errors else LearningPath(tuple(steps))


def load_learning_path(data_dir: Path, root: Path, library: Library, pages: set[str] | None) -> LearningPath:
    """Read and check ``learning_path.yml``; raises DataErrors with file:line messages when it is broken."""
    path = data_dir / FILE_NAME
    display = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    if not path.is_file():
        raise DataErrors([DataError(display, 1, "filen med læringsforløbet mangler")])
    c = Checker(display)
    data, problems = load_yaml(path, display)
    c.errors.extend(problems)
    result = None if problems else check_learning_path(c, data, library, pages)
    if result is None:
        raise DataErrors(c.errors)
    return result
