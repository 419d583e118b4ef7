"""Issue 10: every case carries facilitator material that a team leader can plan a temadag with."""

import shutil
from pathlib import Path

import pytest

from exercises.errors import DataErrors
from exercises.site import ROOT, site_library
from exercises.validate import load_library

LIB = site_library()
CASES = sorted(LIB.cases)


@pytest.mark.parametrize("case_id", CASES)
def test_every_case_has_goals_debrief_exercises_and_timing(case_id):
    material = LIB.cases[case_id].temadag
    assert material is not None, f"{case_id} mangler 'temadag:'"
    assert material.goals and len(material.debrief) >= 2
    assert set(material.exercises) <= set(LIB.exercises), material.exercises
    assert len(material.timing) >= 2 and all(5 <= p.minutes <= 120 for p in material.timing)
    # A case fills one session of an agenda: an hour or less, so the 80-minute agenda can hold one.
    assert 30 <= material.minutes <= 60, (case_id, material.minutes)


def test_debrief_notes_are_questions_and_points_not_a_script():
    """Stikord: short points, and every case asks the room at least one question."""
    for case in LIB.cases.values():
        assert case.temadag is not None
        assert any(point.rstrip().endswith("?") or "?" in point for point in case.temadag.debrief), case.id
        assert all(len(point) <= 300 for point in case.temadag.debrief), case.id


def _copy(tmp_path: Path) -> Path:
    data = tmp_path / "exercises" / "data"
    shutil.copytree(ROOT / "exercises" / "data", data)
    return data


def test_a_suggested_exercise_that_does_not_exist_is_named_at_its_line(tmp_path):
    data = _copy(tmp_path)
    case = data / "cases" / "case-03.yml"
    lines = case.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(n for n, row in enumerate(lines, 1) if row.startswith("  exercises:"))
    lines[number - 1] = "  exercises: [dt-hvor-skal-henvendelsen-hen, dt-tavshed]\n"
    case.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_library(data, tmp_path, None)
    messages = [str(e) for e in caught.value.errors]
    assert len(messages) == 1 and messages[0].startswith(f"exercises/data/cases/case-03.yml:{number}: øvelsen 'dt-tavshed'"), messages


def test_a_case_without_facilitator_material_is_still_valid(tmp_path):
    """The block is optional for authors: a new case can be published before its temadag notes."""
    data = _copy(tmp_path)
    case = data / "cases" / "case-03.yml"
    text = case.read_text(encoding="utf-8")
    case.write_text(text[: text.index("temadag:")], encoding="utf-8")
    library = load_library(data, tmp_path, None)
    assert library.cases["CASE-03"].temadag is None and library.cases["CASE-01"].temadag is not None


def test_a_suggested_exercise_with_errors_of_its_own_is_reported_once_in_its_own_file(tmp_path):
    """No follow-on in the cases that suggest it (case-03 and case-06 name this tree under temadag)."""
    data = _copy(tmp_path)
    tree = data / "exercises" / "dt-hvor-skal-henvendelsen-hen.yml"
    tree.write_text(tree.read_text(encoding="utf-8").replace("type: beslutning", "type: valg", 1), encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_library(data, tmp_path, None)
    messages = [str(e) for e in caught.value.errors]
    assert len(messages) == 1 and messages[0].startswith("exercises/data/exercises/dt-hvor-skal-henvendelsen-hen.yml:"), messages
