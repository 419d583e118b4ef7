"""Loading: read every data file (YAML, with line numbers), check it with its schema, cross-check.

The build, the tests and the CLI all call :func:`load_library`. Every problem is reported as
``file:line: plain Danish message`` so a content editor can fix it without reading Python.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .errors import DataError, DataErrors
from .library import Library, cross_references
from .loader import load_yaml
from .schema.case import check_case
from .schema.exercise import check_exercise
from .schema.glossary import check_glossary
from .schema.laws import check_laws
from .schema.sections import check_sections
from .schema.toolkit import Checker
from .schema.vocabulary import check_vocabulary


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
        library.sections = check_sections(c, data)
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
