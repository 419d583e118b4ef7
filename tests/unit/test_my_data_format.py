"""The "Gem mine data som fil" file format (skp-my-data-format.mjs): validation, migration and merge.

The functions are pure ES module code, the same file the browser imports (so an import works even
when Python cannot load); node runs them here, one JSON answer per call.
"""

import json
import shutil
import subprocess

import pytest

from exercises.site import ROOT

MODULE = ROOT / "overrides" / "assets" / "javascripts" / "skp-my-data-format.mjs"
NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed (it comes with npm, used by make setup)")


def js(body: str):
    """Run `body` (which ends in a value expression `result`) with the module imported as F."""
    script = f"import * as F from {json.dumps(MODULE.as_uri())};\n{body}\nprocess.stdout.write(JSON.stringify(result));"
    assert NODE is not None
    done = subprocess.run([NODE, "--input-type=module", "-e", script], capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def parse(text: str, storage_version: int = 1):
    return js(f"const result = F.parseFile({json.dumps(text)}, {storage_version});")


def good_file(**changes) -> dict:
    file = {
        "format": "skp-metodebanken/mine-data",
        "version": 1,
        "exported": "2026-12-02T10:00:00.000Z",
        "storage_version": 1,
        "entries": {
            "ovelse:zn-bo": {"saved": "2026-12-01T09:00:00.000Z", "state": {"placements": {"spise": "kan-selv"}, "done": True}},
            "forloeb": {"saved": "2026-12-01T09:00:00.000Z", "state": {"read": {"sikkerhed/index.md": "2026-12-01"}}},
        },
    }
    file.update(changes)
    return file


def test_a_file_made_by_the_module_reads_back_unchanged():
    entries = good_file()["entries"]
    made = js(f"const result = F.makeFile({json.dumps(entries)}, 1, '2026-12-02T10:00:00.000Z');")
    answer = parse(json.dumps(made))
    assert answer["ok"] is True
    assert answer["file"]["entries"] == entries


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("{not json", "broken"),
        ('{"format": "skp-metodebanken/mine-data", "version": 1', "broken"),  # cut off
        ("", "broken"),
        ('{"name": "my-package", "version": "1.0.0"}', "foreign"),  # someone's package.json
        ("[1, 2, 3]", "foreign"),
        ('"just a string"', "foreign"),
        (json.dumps(good_file(version=2)), "newer"),
        (json.dumps(good_file(storage_version=2)), "newer"),
        (json.dumps(good_file(version=0)), "damaged"),
        (json.dumps(good_file(version="1")), "damaged"),
        (json.dumps(good_file(entries=[])), "damaged"),
        (json.dumps(good_file(entries={"ovelse:zn-bo": {"state": [1]}})), "damaged"),
        (json.dumps(good_file(entries={"<script>": {"state": {}}})), "damaged"),
        (json.dumps(good_file(entries={"ovelse:x": {"saved": 5, "state": {}}})), "damaged"),
    ],
)
def test_broken_foreign_and_newer_files_are_refused_with_their_message(text: str, problem: str):
    answer = parse(text)
    assert answer["ok"] is False and answer["problem"] == problem
    assert answer["message"].endswith("Intet er ændret.")


def test_an_oversized_file_is_refused_before_it_is_parsed():
    answer = js("const result = F.parseFile('x'.repeat(F.MAX_BYTES + 1), 1);")
    assert answer["problem"] == "large"


def test_an_older_file_version_is_lifted_through_the_migrations_and_refused_without_one():
    # Version 1 is the first real one, so a made-up step from "version 0" shows how an older file
    # would be lifted; with no step for its version, migrate gives up (parseFile then refuses it).
    lifted = js(
        "const steps = {0: (f) => Object.assign({}, f, {version: 1, entries: {henvisning: {saved: '', state: f.referral}}})};\n"
        "const result = F.migrate({version: 0, referral: {'henvisning-hvad': 'Tekst'}}, steps);"
    )
    assert lifted == {"version": 1, "referral": {"henvisning-hvad": "Tekst"}, "entries": {"henvisning": {"saved": "", "state": {"henvisning-hvad": "Tekst"}}}}
    assert js("const result = F.migrate({version: 0}, {});") is None
    assert js("const result = F.migrate({version: 1, entries: {}}, {});") == {"version": 1, "entries": {}}


def test_merge_keeps_both_sides():
    here = {
        "ovelse:zn-bo": {"saved": "2026-12-01T09:00:00Z", "state": {"placements": {"spise": "kan-selv"}, "done": True}},
        "ovelse:cl-ramian-relationstjek": {"saved": "2026-12-03T09:00:00Z", "state": {"ticked": ["a"], "history": [{"date": "2026-12-03", "ticked": ["a"]}], "done": True}},
        "forloeb": {"saved": "2026-12-03T09:00:00Z", "state": {"read": {"sikkerhed/index.md": "2026-12-03", "grundlag/index.md": "2026-12-03"}}},
    }
    there = {
        "ovelse:dt-underretning": {"saved": "2026-11-20T09:00:00Z", "state": {"choices": [1], "done": False}},
        "ovelse:zn-bo": {"saved": "2026-12-02T09:00:00Z", "state": {"placements": {"spise": "kan-med-hjaelp"}, "done": False}},
        "ovelse:cl-ramian-relationstjek": {"saved": "2026-11-01T09:00:00Z", "state": {"ticked": [], "history": [{"date": "2026-11-01", "ticked": []}], "done": True}},
        "forloeb": {"saved": "2026-11-20T09:00:00Z", "state": {"read": {"sikkerhed/index.md": "2026-11-20", "faglighed/etik.md": "2026-11-21"}}},
    }
    merged = js(f"const result = F.merge({json.dumps(here)}, {json.dumps(there)});")
    assert set(merged) == set(here) | set(there)
    assert merged["ovelse:dt-underretning"] == there["ovelse:dt-underretning"]  # only on the file's side
    assert merged["ovelse:zn-bo"] == there["ovelse:zn-bo"]  # on both: the newer save wins
    assert merged["forloeb"]["state"]["read"] == {"sikkerhed/index.md": "2026-11-20", "grundlag/index.md": "2026-12-03", "faglighed/etik.md": "2026-11-21"}
    ramian = merged["ovelse:cl-ramian-relationstjek"]["state"]
    assert ramian["ticked"] == ["a"] and [h["date"] for h in ramian["history"]] == ["2026-11-01", "2026-12-03"]


def test_describe_counts_what_a_file_holds_and_texts_finds_every_saved_text():
    entries = good_file()["entries"] | {"henvisning": {"saved": "", "state": {"henvisning-hvad": "Ring 010203-1234"}}}
    assert js(f"const result = F.describe({json.dumps(entries)});") == {"exercises": 1, "done": 1, "pagesRead": 1, "referral": True, "other": 0}
    found = js(f"const result = F.texts({json.dumps(entries)});")
    assert {"name": "henvisning", "text": "Ring 010203-1234"} in found
