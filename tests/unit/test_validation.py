"""Line-aware loading and the validator's plain-language messages."""

import shutil
from pathlib import Path

import pytest

from exercises.errors import DataErrors
from exercises.loader import load_yaml
from exercises.site import DATA_DIR, ROOT, site_library
from exercises.validate import Checker, check_exercise, check_laws, load_library, slugify


def _check(tmp_path: Path, text: str, name: str = "demo.yml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    data, errors = load_yaml(path, name)
    checker = Checker(name)
    checker.errors += errors
    if not errors:
        check_exercise(checker, data, path.stem, site_library())
    return [str(e) for e in checker.errors]


def test_yaml_syntax_error_names_the_line(tmp_path):
    errors = _check(tmp_path, "id: demo\nkind: zones\ntitle: [oops\n")
    assert errors == [
        (
            "demo.yml:3: listen i [ ] på denne linje kan ikke læses – luk den med ], og sæt tekst med ?, : eller komma "
            "i anførselstegn (eller skriv listen med '- ' på hver sin linje)"
        )
    ]


def test_unknown_key_is_reported_on_its_own_line(tmp_path):
    text = (
        "id: demo\nkind: choice_grid\ntitle: T\naudience: [temadag]\nintro: x\nsource: [B-3.4.3]\n"
        "scenario: s\noptions: [A, B]\nprompts:\n  - Hvad sker der?\nhandbook_view: {text: t, source: [B-3.4.3]}\nfarve: blå\n"
    )
    assert _check(tmp_path, text) == [
        "demo.yml:12: ukendt nøgle 'farve' i øvelsen – tilladte nøgler er: id, kind, title, audience, intro, source, scenario, options, prompts, handbook_view, covers"
    ]


def test_duplicate_keys_are_an_error(tmp_path):
    errors = _check(tmp_path, "id: demo\nid: igen\n")
    assert "står to gange" in errors[0] and errors[0].startswith("demo.yml:2:")


def test_missing_field_and_wrong_file_name(tmp_path):
    text = "id: andet\nkind: choice_grid\ntitle: T\naudience: [temadag]\nsource: [B-3.4.3]\nscenario: s\noptions: [A, B]\nprompts: [P]\n"
    errors = _check(tmp_path, text)
    assert "demo.yml:1: øvelsen mangler 'intro'" in errors
    assert any("skal være det samme som filnavnet" in e for e in errors)


def _law_errors(tmp_path, status="måske", year="tolv", checked="2026-12-02") -> list[str]:
    path = tmp_path / "love.yml"
    path.write_text(
        f"- id: LAW-01\n  title: T\n  reference: SEL § 99\n  source: [A-0]\n  source_year: {year}\n"
        f"  handbook: h\n  law: Serviceloven\n  paragraph: § 99\n  status: {status}\n  checked: {checked}\n"
        "  url: https://www.retsinformation.dk/eli/lta/2025/1129\n  now: n\n",
        encoding="utf-8",
    )
    data, _ = load_yaml(path, "love.yml")
    checker = Checker("love.yml")
    check_laws(checker, data, site_library())
    return [str(e) for e in checker.errors]


def test_laws_need_a_known_status_and_a_year(tmp_path):
    messages = _law_errors(tmp_path)
    assert any(m.startswith("love.yml:9:") and "'måske' er ikke en gyldig værdi" in m for m in messages)
    assert any(m.startswith("love.yml:5:") and "årstal" in m for m in messages)


def test_a_law_checked_in_the_future_or_on_an_impossible_date_is_rejected(tmp_path):
    future = _law_errors(tmp_path, status="gaeldende", year="2012", checked="2999-01-01")
    assert any(m.startswith("love.yml:10:") and "ligger i fremtiden" in m for m in future), future
    impossible = _law_errors(tmp_path, status="gaeldende", year="2012", checked="'2026-02-30'")
    assert any(m.startswith("love.yml:10:") and "skrevet som 2026-12-02" in m for m in impossible), impossible
    assert _law_errors(tmp_path, status="gaeldende", year="2012") == []


def test_slugify_spells_out_danish_letters():
    assert slugify("Små skridt i den rigtige retning") == "smaa-skridt-i-den-rigtige-retning"
    assert slugify("Målet helliger midlet?") == "maalet-helliger-midlet"
    assert slugify("Frosne vandrør") == "frosne-vandroer"


def test_site_library_is_cached_until_a_file_changes():
    assert site_library() is site_library()
    assert DATA_DIR.is_relative_to(ROOT)


def test_yaml_hint_for_question_marks_in_flow_lists(tmp_path):
    errors = _check(tmp_path, "id: demo\nprompts: [Hvad sker der?]\n")
    assert "anførselstegn" in errors[0] and "'- '" in errors[0]


def test_cross_file_references_name_the_line_of_the_key(tmp_path):
    """A case that names a missing exercise is reported on its 'exercises:' line."""
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    case = data / "cases" / "case-01.yml"
    text = case.read_text(encoding="utf-8")
    assert "exercises:" in text
    case.write_text(text.replace("\nexercises: [", "\nexercises: [findes-ikke, "), encoding="utf-8")
    line = next(n for n, row in enumerate(case.read_text(encoding="utf-8").splitlines(), 1) if row.startswith("exercises:"))
    with pytest.raises(DataErrors, match=f"case-01.yml:{line}: øvelsen 'findes-ikke'"):
        load_library(data, tmp_path, None)


@pytest.mark.parametrize(
    "text, found",
    [("TODO: skriv", True), ("Lorem ipsum", True), ("Se xxx", True), ("Todorov mødte ham", False), ("Han ringer xx gange", False)],
)
def test_sheet_placeholder_check_finds_words_not_parts_of_words(tmp_path, text, found):
    yaml_text = (
        "id: demo\nkind: checklist\ntitle: T\naudience: [temadag]\nintro: x\nsource: [B-3.2.1]\n"
        f"groups:\n  - id: tid\n    title: Tid\n    items:\n      - {{id: a, text: '{text}'}}\n"
    )
    errors = _check(tmp_path, yaml_text)
    assert any("pladsholderen" in e and e.startswith("demo.yml:11:") for e in errors) is found, errors
def _data_copy(tmp_path: Path) -> Path:
    data = tmp_path / "exercises" / "data"
    shutil.copytree(DATA_DIR, data)
    return data


def _errors(data: Path, root: Path) -> list[str]:
    with pytest.raises(DataErrors) as caught:
        load_library(data, root, None)
    return [str(e) for e in caught.value.errors]


def test_a_mistyped_next_gives_one_message_at_the_next_line(tmp_path):
    """No 'kan ikke nås' follow-ons in the tree, and no false 'findes ikke' in the case that uses it."""
    data = _data_copy(tmp_path)
    tree = data / "exercises" / "dt-vaergemaal.yml"
    lines = tree.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(n for n, line in enumerate(lines, 1) if line.strip() == "next: medicinsk")
    lines[number - 1] = lines[number - 1].replace("medicinsk", "medicinks")
    tree.write_text("".join(lines), encoding="utf-8")
    assert _errors(data, tmp_path) == [
        (
            f"exercises/data/exercises/dt-vaergemaal.yml:{number}: et svar fører til 'medicinks', "
            "som hverken er et spørgsmål eller et udfald – mente du 'medicinsk'?"
        )
    ]


def test_a_case_naming_an_unreadable_exercise_says_that_file_is_broken(tmp_path):
    """One wrong indentation: the YAML message in Danish at the line to change, and the case says 'ikke kan læses'."""
    data = _data_copy(tmp_path)
    tree = data / "exercises" / "dt-vaergemaal.yml"
    lines = tree.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(n for n, line in enumerate(lines, 1) if line.strip() == "next: medicinsk")
    lines[number - 1] = " " + lines[number - 1]
    tree.write_text("".join(lines), encoding="utf-8")
    case_line = next(n for n, row in enumerate((data / "cases" / "case-01.yml").read_text(encoding="utf-8").splitlines(), 1) if row.startswith("exercises:"))
    errors = _errors(data, tmp_path)
    assert errors[0] == (
        f"exercises/data/cases/case-01.yml:{case_line}: øvelsen 'dt-vaergemaal' kan ikke bruges, fordi filen "
        "exercises/data/exercises/dt-vaergemaal.yml ikke kan læses – ret fejlen i den fil; her skal du ikke ændre noget"
    )
    assert errors[-1] == (
        f"exercises/data/exercises/dt-vaergemaal.yml:{number}: linje {number} er rykket én plads for langt ind – "
        f"ret den, så den står under linje {number - 1}"
    )
    assert not any("findes ikke" in e or "expected" in e for e in errors), errors


def test_a_broken_vocabulary_stops_before_every_case_reports_a_follow_on(tmp_path):
    data = _data_copy(tmp_path)
    vocabulary = data / "vocabulary.yml"
    vocabulary.write_text(vocabulary.read_text(encoding="utf-8") + "\tfejl: ja\n", encoding="utf-8")
    errors = _errors(data, tmp_path)
    assert len(errors) == 1 and errors[0].startswith("exercises/data/vocabulary.yml:"), errors


def test_the_indentation_reader_finds_nothing_wrong_in_the_shipped_files():
    """It must never blame a line in a file the YAML parser accepts (it only speaks up near a parser error)."""
    from exercises.syntax import indentation_problems

    for path in sorted(DATA_DIR.rglob("*.yml")):
        assert indentation_problems(path.read_text(encoding="utf-8")) == [], path.name


def test_mkdocs_serve_watches_the_data_folder():
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    assert DATA_DIR in {Path(p).resolve() for p in config.watch}


@pytest.mark.parametrize("shift", [1, -1, 2])
@pytest.mark.parametrize("name", ["dt-anonymitet", "zn-bo", "cg-blive-eller-gaa", "cl-naerhed-mit-besoeg", "../cases/case-07"])
def test_every_misindented_line_is_named_with_what_to_do(tmp_path, shift, name):
    """Shift each line of a shipped file: either YAML still reads it (the schema then speaks), or the one
    message names exactly that line and says which way to move it."""
    lines = (DATA_DIR / "exercises" / f"{name}.yml").read_text(encoding="utf-8").splitlines(keepends=True)
    wrong = []
    for number, line in enumerate(lines, 1):
        if not line.startswith(" ") or (shift < 0 and not line.startswith("  ")) or line.strip() == "":
            continue
        changed = lines[: number - 1] + [(" " * shift + line) if shift > 0 else line[-shift:]] + lines[number:]
        path = tmp_path / "file.yml"
        path.write_text("".join(changed), encoding="utf-8")
        _, errors = load_yaml(path, path.name)
        if errors and not (errors[0].line == number and errors[0].message.startswith(f"linje {number} er rykket")):
            wrong.append(str(errors[0]))
    assert not wrong, wrong
