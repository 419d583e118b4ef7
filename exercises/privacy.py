"""Spotting text that looks like a Danish CPR number, so free-text fields can warn the user.

The pattern lives here once; the build hands it to the page so the browser warns instantly, even
before (or without) Python.
"""

from __future__ import annotations

import re

# ddmmyy, optional dash or space, four digits; day 01-31 and month 01-12 to limit false alarms.
CPR_PATTERN = r"(?<!\d)(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])\d{2}[-\s]?\d{4}(?!\d)"
_CPR = re.compile(CPR_PATTERN)


def looks_like_cpr(text: str) -> bool:
    return _CPR.search(text) is not None
