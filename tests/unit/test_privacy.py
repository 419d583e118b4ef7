"""The CPR rule in Python, driven by the same table the browser test runs (tests/data/cpr_cases.json)."""

import json
import re
from pathlib import Path

import pytest

from exercises.privacy import CPR_PATTERN, looks_like_cpr

CASES = json.loads((Path(__file__).resolve().parents[1] / "data" / "cpr_cases.json").read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", CASES, ids=[c["text"] for c in CASES])
def test_cpr_table(case):
    assert looks_like_cpr(case["text"]) is case["warn"]


def test_pattern_uses_only_syntax_that_means_the_same_in_javascript():
    # \d and \s match more in Python's re than in JavaScript's RegExp; named groups are spelt differently.
    assert not re.search(r"\\[dDsSwW]|\(\?P", CPR_PATTERN)
