"""One module per exercise kind: the registry is the only place the validator, the runtime, the
renderer and the field reference learn which kinds exist, what they are called and what they do."""

from __future__ import annotations

import dataclasses
import json
import re
from types import SimpleNamespace

import pytest

from exercises import fields, runtime
from exercises.kinds import KINDS
from exercises.kinds.base import ONE, Field, Kind
from exercises.loader import load_yaml
from exercises.schema.case import PARTS, CasePart, check_case
from exercises.schema.toolkit import Checker
from exercises.site import ROOT, site_library
from exercises.validate import check_exercise
from macros.render import Renderer

SCRIPTS = ROOT / "overrides" / "assets" / "javascripts"
PARTIALS = ROOT / "overrides" / "partials" / "skp"


def test_every_kind_has_a_label_a_plural_a_partial_and_an_es_module():
    assert list(KINDS) == ["decision_tree", "zones", "choice_grid", "checklist"]
    assert {k.name: k.plural for k in KINDS.values()} == {
        "decision_tree": "Beslutningstræer",
        "zones": "ZNU-sorteringer",
        "choice_grid": "Valgskemaer",
        "checklist": "Tjeklister",
    }
    entry = (SCRIPTS / "skp-exercises.mjs").read_text(encoding="utf-8")
    for kind in KINDS.values():
        assert (PARTIALS / f"exercise-{kind.name}.html").is_file()
        module = f"exercise-{kind.name.replace('_', '-')}.mjs"
        assert f'export const KIND = "{kind.name}";' in (SCRIPTS / module).read_text(encoding="utf-8")
        assert f'from "./{module}";' in entry
        assert kind.actions and kind.keys == set(kind.fields)


def test_the_overview_headings_are_the_kinds_plurals():
    page = SimpleNamespace(url="ovelser/", file=SimpleNamespace(src_uri="ovelser/index.md"))
    overview = Renderer(site_library(), ROOT / "docs", {}, current_page=lambda: page).exercise_library()
    assert re.findall(r"^## (.+?) \{", overview, re.M) == ["Beslutningstræer", "ZNU-sorteringer", "Valgskemaer", "Tjeklister"]
    assert "Tjeklisteer" not in overview


def test_the_validator_and_runtime_read_kinds_only_from_the_registry():
    """No kind name is written into the validator, the runtime, the renderer or the field reference."""
    places = [ROOT / "exercises" / name for name in ("runtime.py", "fields.py", "library.py", "loading.py", "validate.py")]
    places += list((ROOT / "exercises" / "schema").glob("*.py")) + [ROOT / "macros" / "render.py"]
    for path in places:
        source = path.read_text(encoding="utf-8")
        named = [k for k in KINDS if f'"{k}"' in source or f"'{k}'" in source]
        assert not named, f"{path.relative_to(ROOT)} names the kinds {named} itself"


def _check_demo(c: Checker, data: dict, library: object) -> None:
    c.text(data, "scenario", "øvelsen")


def _demo_kind() -> Kind:
    return Kind(
        name="demo",
        label="Demo",
        plural="Demoer",
        prefix="de-",
        template="demo",
        required=("scenario",),
        optional=(),
        fields={"scenario": Field(ONE, "Situationen.")},
        check=_check_demo,
        actions={"echo": lambda exercise, state: {"scenario": exercise.scenario}},
    )


def test_a_new_kind_is_one_registry_entry_for_validator_runtime_renderer_and_reference(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setitem(KINDS, "demo", _demo_kind())
    library = site_library()
    data = {"id": "de-prove", "kind": "demo", "title": "Prøve", "audience": ["ny-medarbejder"], "intro": "Indledning.",
            "source": [next(iter(library.sections))], "scenario": "Der sker noget."}
    checker = Checker("de-prove.yml")
    exercise = check_exercise(checker, data, "de-prove", library)
    assert not checker.errors and exercise is not None and exercise.kind == "demo"
    assert exercise.to_dict()["scenario"] == "Der sker noget."

    answer = json.loads(runtime.handle(json.dumps({"action": "echo", "exercise": exercise.to_dict(), "state": {}})))
    assert answer == {"ok": True, "result": {"scenario": "Der sker noget."}, "engine": answer["engine"]}

    checker = Checker("x.yml")
    check_exercise(checker, {**data, "kind": "quiz"}, "de-prove", library)
    assert "'kind' skal være en af: decision_tree, zones, choice_grid, checklist, demo (står: 'quiz')" in str(checker.errors[0])

    page = SimpleNamespace(url="ovelser/", file=SimpleNamespace(src_uri="ovelser/index.md"))
    with_demo = dataclasses.replace(library, exercises={**library.exercises, "de-prove": exercise})
    overview = Renderer(with_demo, ROOT / "docs", {}, current_page=lambda: page).exercise_library()
    assert "## Demoer {" in overview and "Prøve" in overview
    assert "### Demo (`kind: demo`, filnavn `de-…`)" in fields.reference()


def test_an_optional_case_part_is_one_entry_in_the_case_schema(monkeypatch: pytest.MonkeyPatch):
    """How exercises/facilitator.py (or any part with its own module) joins the case schema: one line."""

    def check_note(c: Checker, data: dict, key: str, library: object) -> str | None:
        return c.text(data, key, "casen")

    path = sorted((ROOT / "exercises" / "data" / "cases").glob("case-*.yml"))[0]
    data, errors = load_yaml(path, path.name)
    assert not errors
    library = site_library()
    checker = Checker(path.name)
    check_case(checker, {**data, "note": "Til underviseren."}, library, None)
    assert "ukendt nøgle 'note' i casen" in str(checker.errors[0])

    monkeypatch.setitem(PARTS, "note", CasePart(Field(ONE, "En note til underviseren."), check_note))
    checker = Checker(path.name)
    case = check_case(checker, {**data, "note": "Til underviseren."}, library, None)
    assert not checker.errors and case is not None and case.part("note") == "Til underviseren."
    assert check_case(Checker(path.name), data, library, None).part("note") is None
    assert "| `note` | nej | én værdi | En note til underviseren. |" in fields.reference()
