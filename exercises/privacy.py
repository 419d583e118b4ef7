"""Spotting text that looks like a Danish CPR number, so free-text fields can warn the user.

The rule lives here once. The build exports :data:`CPR_PATTERN` and :data:`CPR_NORMALIZATION` into
every page (``skp-runtime-config``), and ``skp-privacy.js`` applies exactly the same two steps, so the
browser warns instantly, before (or without) Python. The pattern therefore uses only regex syntax
that means the same in Python's ``re`` and JavaScript's ``RegExp``: explicit ``[0-9]`` classes,
``\\uXXXX`` escapes and lookarounds, no ``\\d`` or ``\\s`` (whose Unicode meaning differs).

The rule: a valid day (01-31) and month (01-12), two year digits and four more digits, with any
usual separator between the groups (space, dot, slash, hyphen or dash, also " - "). When in doubt
it warns; a phone number (8 digits) or a plain date has too few digits to match.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

# Full-width and other compatibility digits (０１０１９０) become ASCII before matching.
CPR_NORMALIZATION: Final = "NFKC"

_DASH = "\\-\\u2010\\u2011\\u2012\\u2013\\u2014\\u2212"  # hyphen, non-breaking hyphen, dashes, minus
_SPACE = " \\t\\u00a0\\u202f"  # space, tab, no-break spaces
_GROUP_SEP = f"[{_SPACE}.{_DASH}/]?"  # between day, month and year: at most one character
_SERIAL_SEP = f"[{_SPACE}]*[.{_DASH}/]?[{_SPACE}]*"  # before the last four digits: "-", " - ", "/", " "

CPR_PATTERN = (
    "(?<![0-9])"
    "(?:0[1-9]|[12][0-9]|3[01])" + _GROUP_SEP + "(?:0[1-9]|1[0-2])" + _GROUP_SEP + "[0-9]{2}"
    + _SERIAL_SEP + "[0-9]{4}(?![0-9])"
)
_CPR = re.compile(CPR_PATTERN)


def looks_like_cpr(text: str) -> bool:
    """True when the text holds something shaped like a CPR number (see the module docstring)."""
    return _CPR.search(unicodedata.normalize(CPR_NORMALIZATION, text)) is not None
