"""Validation errors that point an author at the exact file and line to fix."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class DataError:
    """One problem in one data file, phrased for a content editor, not a programmer."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class DataErrors(Exception):
    """Raised when data files are invalid; carries every problem found, not just the first."""

    def __init__(self, errors: list[DataError]):
        self.errors = sorted(errors)
        super().__init__("\n".join(str(e) for e in self.errors))
