"""Wording the language review found, gone from the pages and the data files for good."""

from tests.conftest import ROOT

PHRASES = (
    "stokkede pletter",  # case-03: the source says jordslåede
    "kørt ind i et",
    "Stil ingen krav om konsekvens",
    "Motivation er en pædagogisk metode",  # it is motivationsarbejde that is the method
    "henvenderen",
    "Over for en hjemmepleje",
    "gemytterne",
)


def test_reviewed_phrases_are_rewritten():
    files = [*(ROOT / "docs").rglob("*.md"), *(ROOT / "exercises" / "data").rglob("*.yml")]
    found = [
        f"{path.relative_to(ROOT)}: {phrase}"
        for path in files
        for phrase in PHRASES
        if phrase.lower() in path.read_text(encoding="utf-8").lower()
    ]
    assert not found, found
