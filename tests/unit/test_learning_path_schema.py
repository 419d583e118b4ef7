"""The learning path's data file: the shipped path is valid and complete, broken ones name file:line."""

import shutil
from pathlib import Path

import pytest

from exercises import fields
from exercises.errors import DataErrors
from exercises.learning_path import FILE_NAME, load_learning_path
from exercises.loader import load_yaml
from exercises.site import DATA_DIR, ROOT, docs_pages, site_learning_path, site_library

FIXTURES = ROOT / "tests" / "fixtures" / "learning_path"
PAGES = docs_pages(ROOT / "docs")


def _errors_for(tmp_path: Path, fixture: str) -> list[str]:
    shutil.copy(FIXTURES / fixture, tmp_path / FILE_NAME)
    with pytest.raises(DataErrors) as caught:
        load_learning_path(tmp_path, tmp_path, site_library(), PAGES)
    return [f"{e.line}: {e.message}" for e in caught.value.errors]


def test_the_shipped_path_has_twelve_steps_and_covers_the_issue_topics():
    path = site_learning_path()
    assert len(path.steps) == 12
    pages = [p for s in path.steps for p in s.pages]
    for page in ("sikkerhed/index.md", "faglighed/etik.md", "kontakt-og-relation/faser.md", "dilemmaer/underretningspligt.md",
                 "dilemmaer/magtanvendelse.md", "dilemmaer/anonymitet-og-notatpligt.md"):
        assert page in pages, page
    assert path.steps[0].pages[0] == "sikkerhed/index.md"
    assert path.steps[-1].pages == ("kom-i-gang/foer-foerste-besoeg-alene.md",)
    assert path.to_dict()["steps"][2]["number"] == 3


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("unknown-page.yml", "4: siden 'sikkerhed/findes-ikke.md' i trin 1 findes ikke under docs/"),
        ("unknown-exercise.yml", "5: øvelsen 'dt-findes-ikke' i trin 1 findes ikke i exercises/data/exercises/"),
        ("page-twice.yml", "8: siden 'grundlag/index.md' står allerede i trinnet 'en'"),
        ("misspelt-key.yml", "5: 'exercise' i trin 1 er stavet forkert – ret den til 'exercises'"),
        ("pages-not-a-list.yml", "4: 'pages' i trin 1 skal være en liste"),
        ("duplicate-id.yml", "6: id 'en' i trin 2 bruges også af trin 1"),
        ("bad-yaml.yml", "3: "),
    ],
)
def test_a_broken_path_names_the_line_and_the_fix(tmp_path: Path, fixture: str, expected: str):
    errors = _errors_for(tmp_path, fixture)
    assert any(e.startswith(expected) for e in errors), errors


def test_a_missing_path_file_is_reported(tmp_path: Path):
    with pytest.raises(DataErrors, match="mangler"):
        load_learning_path(tmp_path, tmp_path, site_library(), PAGES)


def test_every_key_of_the_path_file_is_described_in_the_field_reference():
    data, errors = load_yaml(DATA_DIR / FILE_NAME, FILE_NAME)
    assert not errors
    used = set(data) | {k for step in data["steps"] for k in step}
    assert used <= set(fields.LEARNING_PATH) | set(fields.LEARNING_STEP)
    assert "Læringsforløbet (`exercises/data/learning_path.yml`)" in fields.reference()
