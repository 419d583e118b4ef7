"""One test per shipped exercise and case, every decision-tree path walked, and the broken corpus.

Each broken fixture starts with ``# forventet linje N: <text>``: the validator must report that one
mistake as exactly one message, at that line, with that text (a text ending in " …" is the start of
a message that goes on to list the allowed values), through the same CLI authors use.
"""

import contextlib
import copy
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from exercises.__main__ import main as cli_main
from exercises.sheets import summarise_checklist
from exercises.errors import DataErrors
from exercises.site import ROOT, site_library
from exercises.stats import exercise_stats
from exercises.trees import all_paths, recommended_path, walk
from exercises.validate import load_library
from tests.site.inventory import stored_ids

LIB = site_library()
EXERCISE_FILES = sorted((ROOT / "exercises" / "data" / "exercises").glob("*.yml"))
CASE_FILES = sorted((ROOT / "exercises" / "data" / "cases").glob("*.yml"))
BROKEN = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "broken").glob("*.yml"))
TREES = sorted(e.id for e in LIB.exercises.values() if e.kind == "decision_tree")


def run_cli(*args: str) -> subprocess.CompletedProcess:
    """`python -m exercises …` as an author runs it, in its own process."""
    return subprocess.run([sys.executable, "-m", "exercises", *args], cwd=ROOT, capture_output=True, text=True)


def cli(*args: str) -> subprocess.CompletedProcess:
    """The same command line (exercises.__main__.main) in this process. The library is read once per
    test process instead of once per call: the broken corpus alone started Python 56 times."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli_main(list(args))
    return subprocess.CompletedProcess(["python", "-m", "exercises", *args], code, out.getvalue(), err.getvalue())


@pytest.mark.parametrize("path", EXERCISE_FILES, ids=lambda p: p.stem)
def test_shipped_exercise_is_valid_and_cites_a_source(path):
    exercise = LIB.exercises[path.stem]
    assert exercise.source and exercise.title and exercise.audience
    if exercise.kind == "decision_tree":
        for outcome in exercise.outcomes:
            assert outcome.source, outcome.id


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda p: p.stem)
def test_shipped_case_is_valid(path):
    case = next(c for c in LIB.cases.values() if LIB.files[c.id].endswith(path.name))
    assert len(case.questions) >= 2 and case.links and case.story


@pytest.mark.parametrize("tree_id", TREES)
def test_every_path_of_every_tree_ends_in_an_outcome(tree_id):
    tree = LIB.exercises[tree_id]
    paths = all_paths(tree)
    reached = set()
    for choices in paths:
        result = walk(tree, choices)
        assert result.finished, (choices, result.at)
        reached.add(result.at)
    assert reached == {o.id for o in tree.outcomes}


@pytest.mark.parametrize("tree_id", TREES)
def test_the_handbooks_path_ends_in_a_recommended_outcome_whatever_the_situation(tree_id):
    tree = LIB.exercises[tree_id]
    for choices in all_paths(tree):
        best = walk(tree, recommended_path(tree, choices))
        assert best.finished and tree.outcome(best.at).rating == "anbefalet", (choices, best.at)


def inventory_dec_ids() -> set[str]:
    """The inventory's decision points, from the ids kept in the repository (a clone has no ../shared)."""
    return {i for i in stored_ids() if i.startswith("DEC-")}


def test_stats_show_that_the_trees_train_decisions_with_feedback_and_recovery():
    """The promises of issue 9, computed from the data exactly as `python -m exercises stats` does."""
    report = exercise_stats(LIB)
    totals, trees = report["totals"], [r for r in report["exercises"] if r["kind"] == "decision_tree"]
    assert totals["decisions"] * 3 >= totals["questions"] * 2, totals
    assert totals["options_with_feedback"] == totals["options"], totals
    assert len(inventory_dec_ids()) == 24 and inventory_dec_ids() <= set(totals["decs_played"])
    for row in trees:
        assert row["most_decisions_on_a_path"] >= 3 and row["recoveries"] >= 1, row
    assert json.loads(run_cli("stats", "--json").stdout) == report


def test_one_broken_exercise_leaves_the_others_usable(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "exercises" / "data", data)
    broken = data / "exercises" / "dt-vaergemaal.yml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("type: beslutning", "type: valg", 1), encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_library(data, tmp_path)
    assert any("dt-vaergemaal.yml" in str(e) and "'valg'" in str(e) for e in caught.value.errors)
    usable = caught.value.library.exercises
    assert "dt-vaergemaal" not in usable and set(LIB.exercises) - {"dt-vaergemaal"} <= set(usable)


@pytest.mark.parametrize("fixture", BROKEN, ids=lambda p: p.stem)
def test_broken_fixture_fails_with_the_expected_message(fixture):
    header = fixture.read_text(encoding="utf-8").splitlines()[0]
    expected = re.match(r"# forventet linje (\d+): (.+)", header)
    assert expected, f"{fixture.name} mangler '# forventet linje N: tekst'"
    line, message = expected.groups()
    result = cli("check", str(fixture))
    assert result.returncode == 1
    reported = result.stderr.splitlines()
    assert len(reported) == 1, f"én fejl skal give én besked:\n{result.stderr}"
    expected_start = f"tests/fixtures/broken/{fixture.name}:{line}: {message.removesuffix(' …')}"
    if message.endswith(" …"):
        assert reported[0].startswith(expected_start), result.stderr
    else:
        assert reported[0] == expected_start, result.stderr


def test_cli_check_passes_on_all_shipped_files():
    result = run_cli("check")
    assert result.returncode == 0, result.stderr
    assert f"{len(LIB.exercises)} øvelser og {len(LIB.cases)} cases" in result.stdout


def test_cli_list_json_describes_every_exercise():
    rows = json.loads(cli("list", "--json").stdout)
    assert {r["id"] for r in rows} == set(LIB.exercises)
    assert all(r["kind"] and r["title"] and r["source"] and r["audience"] for r in rows)


def test_cli_walk_prints_visited_nodes_and_outcome():
    tree = LIB.exercises[TREES[0]]
    choices = all_paths(tree)[0]
    data = json.loads(cli("walk", tree.id, *map(str, choices)).stdout)
    assert data["finished"] and data["outcome"]["id"] == data["at"]
    assert data["visited"][0] == tree.start and len(data["visited"]) == len(choices) + 1
    bad = cli("walk", tree.id, "9")
    assert bad.returncode == 2 and "svarmulighed nr. 9" in bad.stderr


def test_legal_outcomes_never_present_old_law_without_its_status():
    """Every legal point an outcome cites exists and says what applies now."""
    for exercise in LIB.exercises.values():
        for outcome in exercise.outcomes:
            for law_id in outcome.law:
                assert LIB.laws[law_id].now, (exercise.id, law_id)


def test_every_exercise_names_the_inventory_ids_it_builds_on():
    for exercise in LIB.exercises.values():
        assert any(ref.startswith(("DEC-", "EX-", "CASE-", "CHK-", "MOD-")) for ref in exercise.covers), exercise.id


def test_where_the_handbooks_disagree_the_tree_shows_both_positions():
    """Care after a 'no': handbook A's care duty against handbook B's 'a no is a no'."""
    tree = LIB.exercises["dt-omsorg-uden-samtykke"]
    handbooks = [{p.source[0] for p in o.positions} for o in tree.outcomes if o.positions]
    assert any(h == {"A", "B"} for h in handbooks), handbooks


def test_at_least_three_naerhed_afstand_checklists_use_the_four_levels():
    four_levels = [
        e.id for e in LIB.exercises.values()
        if e.kind == "checklist" and [g.id for g in e.groups] == ["tid", "rum", "klima", "indhold"]
    ]
    assert len(four_levels) >= 3, four_levels


def test_minimum_numbers_of_each_exercise_kind():
    kinds = [e.kind for e in LIB.exercises.values()]
    assert kinds.count("decision_tree") >= 8 and kinds.count("zones") >= 4
    assert kinds.count("choice_grid") >= 4 and kinds.count("checklist") >= 6


CHECKLISTS = sorted(e.id for e in LIB.exercises.values() if e.kind == "checklist")


@pytest.mark.parametrize("checklist_id", CHECKLISTS)
def test_no_shipped_checklist_is_won_by_ticking_everything(checklist_id):
    """Every group holds a statement that contradicts the others, so 'all ticked' reads as a contradiction."""
    checklist = LIB.exercises[checklist_id]
    everything = [i.id for g in checklist.groups for i in g.items]
    sheet = summarise_checklist(checklist, everything, {})
    assert {g["state"] for g in sheet["groups"]} == {"modstridende"}, checklist_id


def test_naerhed_checklists_tag_both_ways_of_going_wrong_on_every_level():
    naerhed = [e for e in LIB.exercises.values() if e.id.startswith("cl-naerhed-")]
    assert len(naerhed) >= 4
    for checklist in naerhed:
        assert checklist.scale == "naerhed-afstand"
        for group in checklist.groups:
            tags = {i.tag for i in group.items}
            assert {"for-taet", "for-fjern", "balance"} <= tags, (checklist.id, group.id)
            assert group.advice_for("for-taet") and group.advice_for("for-fjern"), (checklist.id, group.id)


def test_every_zones_key_spreads_over_at_least_two_zones():
    for exercise in LIB.exercises.values():
        if exercise.kind == "zones":
            assert len({i.suggested for i in exercise.items}) >= 2, exercise.id
def test_cli_list_and_walk_go_on_when_one_file_is_broken(monkeypatch, capsys):
    import exercises.__main__ as cli
    from exercises.errors import DataError

    partial = copy.copy(LIB)
    partial.exercises = {k: v for k, v in LIB.exercises.items() if k != "dt-vaergemaal"}

    def broken_library():
        raise DataErrors([DataError("exercises/data/exercises/dt-vaergemaal.yml", 3, "en fejl")], partial)

    monkeypatch.setattr(cli, "site_library", broken_library)
    assert cli.main(["check"]) == 1
    assert cli.main(["list", "--json"]) == 0
    out, err = capsys.readouterr()
    assert "dt-vaergemaal.yml:3: en fejl" in err
    assert {r["id"] for r in json.loads(out[out.index("["):])} == set(partial.exercises)
    tree = LIB.exercises["dt-vidne-til-kriminalitet"]
    assert cli.main(["walk", tree.id, *map(str, all_paths(tree)[0])]) == 0
    assert json.loads(capsys.readouterr().out)["finished"]
