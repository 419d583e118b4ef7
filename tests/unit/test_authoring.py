"""What a content editor uses: templates for new files, and the field reference in CONTRIBUTING.md."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from exercises import fields
from exercises.kinds import KINDS
from exercises.schema.case import PARTS
from exercises.loader import load_yaml
from exercises.scaffold import TEMPLATE_DIR, TEMPLATES, new_file
from exercises.site import DATA_DIR, ROOT, docs_pages
from exercises.syntax import indentation_problems
from exercises.validate import load_library


def test_the_guide_holds_the_field_reference_the_schema_produces():
    """Run `make docs-fields` when this fails after a field was added."""
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    start, end = guide.index(fields.BEGIN), guide.index(fields.END) + len(fields.END)
    assert guide[start:end] == fields.reference()


def test_the_reference_refuses_a_schema_field_without_a_description(monkeypatch):
    monkeypatch.setattr(fields, "CASE_REQUIRED", fields.CASE_REQUIRED + ("farve",))
    with pytest.raises(ValueError, match="farve"):
        fields.reference()


def _keys(node, found: set[str]) -> set[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            found.add(str(key))
            _keys(value, found)
    elif isinstance(node, list):
        for value in node:
            _keys(value, found)
    return found


def test_every_key_in_the_data_and_templates_is_described():
    described = set(fields.CASE) | set(PARTS) | set(fields.EXERCISE) | {k for kind in KINDS.values() for k in kind.fields}
    described |= {k for kind in KINDS.values() for part in kind.parts for k in part.fields}
    described |= {k for case_part in PARTS.values() for part in case_part.parts for k in part.fields}
    files = list((DATA_DIR / "cases").glob("*.yml")) + list((DATA_DIR / "exercises").glob("*.yml"))
    files += list(TEMPLATE_DIR.glob("*.yml"))
    for path in files:
        data, errors = load_yaml(path, path.name)
        assert not errors, errors
        ids = set(data.get("nodes") or {}) | set(data.get("outcomes") or {})  # ids, not field names
        undescribed = _keys(data, set()) - described - ids
        assert not undescribed, (path.name, undescribed)


@pytest.mark.parametrize("kind", sorted(TEMPLATES))
def test_each_template_makes_a_valid_file_named_from_the_title(tmp_path: Path, kind: str):
    data = tmp_path / "exercises" / "data"
    shutil.copytree(DATA_DIR, data)
    path = new_file(kind, "Naboen ringer: hvad nu?", data)
    expected = "case-15.yml" if kind == "case" else f"{TEMPLATES[kind][1]}naboen-ringer-hvad-nu.yml"
    assert path.name == expected and path.read_text(encoding="utf-8").startswith("#")
    assert indentation_problems(path.read_text(encoding="utf-8")) == []
    library = load_library(data, tmp_path, docs_pages(ROOT / "docs"))
    item = library.cases.get("CASE-15") or library.exercises.get(path.stem)
    assert item.title == "Naboen ringer: hvad nu?"
    if kind == "case":  # a case takes the next free number; an exercise name is never reused
        assert new_file(kind, "Endnu en", data).name == "case-16.yml"
    else:
        with pytest.raises(FileExistsError):
            new_file(kind, "Naboen ringer: hvad nu?", data)


def test_cli_new_writes_once_and_refuses_to_overwrite(tmp_path: Path):
    command = [sys.executable, "-m", "exercises", "new", "tree", "Dørene åbnes ikke", "--data", str(tmp_path)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "exercises" / "dt-doerene-aabnes-ikke.yml").is_file()
    again = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert again.returncode == 1 and "dt-doerene-aabnes-ikke.yml findes allerede" in again.stderr
