"""One validator for every data file: exercises, cases, legal points, glossary and vocabulary.

The validator's public face, so callers need not know how it is laid out:

* :mod:`exercises.schema.toolkit` – :class:`Checker` and the rules every schema shares;
* :mod:`exercises.schema` – one schema per kind of file (case, exercise, laws, glossary, vocabulary,
  sections); each exercise kind's own fields and checks live in its module in :mod:`exercises.kinds`;
* :mod:`exercises.library` – the loaded collection and the checks across files;
* :mod:`exercises.loading` – reading the files and running it all (:func:`load_library`).
"""

from __future__ import annotations

from .library import Library, cross_references
from .loading import load_library
from .schema.case import CASE_OPTIONAL, CASE_REQUIRED, PARTS, CasePart, check_case
from .schema.exercise import COMMON_OPTIONAL, COMMON_REQUIRED, check_exercise
from .schema.glossary import check_glossary
from .schema.laws import check_laws
from .schema.sections import check_sections
from .schema.toolkit import SECTION, Checker, slugify
from .schema.vocabulary import check_vocabulary

__all__ = [
    "CASE_OPTIONAL",
    "CASE_REQUIRED",
    "COMMON_OPTIONAL",
    "COMMON_REQUIRED",
    "PARTS",
    "SECTION",
    "CasePart",
    "Checker",
    "Library",
    "check_case",
    "check_exercise",
    "check_glossary",
    "check_laws",
    "check_sections",
    "check_vocabulary",
    "cross_references",
    "load_library",
    "slugify",
]
