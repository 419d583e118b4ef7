"""Validation errors that point an author at the exact file and line to fix."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, order=True)
class DataError:
    """One problem in one data file, phrased for a content editor, not a programmer."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class DataErrors(Exception):
    """Raised when data files are invalid; carries every problem found, not just the first.

    ``library`` holds what did validate, so a command such as ``walk`` can still serve the other
    exercises while one file is broken (the build never uses it: any error fails the build).
    """

    def __init__(self, errors: list[DataError], library: Any = None):
        self.errors = sorted(errors)
        self.library = library
        super().__init__("\n".join(str(e) for e in self.errors))

    def report(self, what: str) -> str:
        """The build's stop message: how many problems there are in ``what``, then each at its line."""
        lines = "\n".join(f"  {e}" for e in self.errors)
        return f"{len(self.errors)} fejl i {what} – ret dem og byg igen:\n{lines}"
