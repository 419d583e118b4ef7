"""The wheel Pyodide loads holds only what the browser runs, works without PyYAML, and carries the
one version the package sets."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

import exercises
from exercises.site import ROOT, site_library
from pyodide_runtime import WHEEL_NAME, build_wheel

# Modules only the build, the tests or an author's command line use.
BUILD_ONLY = {
    "exercises/__main__.py", "exercises/loader.py", "exercises/syntax.py", "exercises/scaffold.py",
    "exercises/catalogue.py", "exercises/site.py", "exercises/stats.py", "exercises/fields.py", "exercises/privacy.py",
    "exercises/validate.py", "exercises/library.py", "exercises/loading.py", "exercises/facilitator.py", "exercises/learning_path.py",
    "exercises/schema/case.py", "exercises/schema/exercise.py", "exercises/schema/laws.py",
    "exercises/schema/glossary.py", "exercises/schema/vocabulary.py", "exercises/schema/sections.py",
}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_wheel(tmp_path_factory.mktemp("wheel"))


def test_the_wheel_holds_the_runtime_and_no_build_only_module(wheel: Path):
    names = set(zipfile.ZipFile(wheel).namelist())
    modules = {n for n in names if n.endswith(".py")}
    assert {"exercises/__init__.py", "exercises/runtime.py", "exercises/kinds/__init__.py", "exercises/trees.py"} <= modules
    assert {f"exercises/kinds/{kind}.py" for kind in ("decision_tree", "zones", "choice_grid", "checklist")} <= modules
    assert not modules & BUILD_ONLY, f"byggekode i hjulet: {sorted(modules & BUILD_ONLY)}"
    # Every module is either shipped or known to be build-only: a new module has to be placed.
    assert modules | BUILD_ONLY == {p.relative_to(ROOT).as_posix() for p in (ROOT / "exercises").rglob("*.py")}
    archive = zipfile.ZipFile(wheel)
    assert not [n for n in modules if re.search(r"^\s*(import|from) yaml\b", archive.read(n).decode(), re.M)]
    assert not [n for n in names if not n.endswith(".py") and ".dist-info/" not in n]


def test_the_wheel_is_the_same_bytes_for_the_same_source(wheel: Path, tmp_path: Path):
    assert build_wheel(tmp_path).read_bytes() == wheel.read_bytes()


RUN_EACH_KIND = """
import json, sys
sys.path.insert(0, sys.argv[1])
sys.modules["yaml"] = None  # PyYAML is unavailable: importing it would raise ImportError
import exercises
assert exercises.__file__.startswith(sys.argv[1]), exercises.__file__
from exercises.runtime import handle
for request in json.load(sys.stdin):
    print(handle(json.dumps(request)))
"""


def test_the_runtime_runs_one_action_of_each_kind_from_the_wheel_without_yaml(wheel: Path, tmp_path: Path):
    zipfile.ZipFile(wheel).extractall(tmp_path)
    library = site_library()
    first = {kind: next(e for e in library.exercises.values() if e.kind == kind) for kind in ("decision_tree", "zones", "choice_grid", "checklist")}
    requests = [
        {"action": "walk", "exercise": first["decision_tree"].to_dict(), "state": {"choices": [1]}},
        {"action": "compare", "exercise": first["zones"].to_dict(), "state": {"placements": {}}},
        {"action": "summary", "exercise": first["choice_grid"].to_dict(), "state": {}},
        {"action": "summary", "exercise": first["checklist"].to_dict(), "state": {"ticked": []}},
    ]
    # -I -S: no site-packages, no PYTHONPATH, not the checkout: only the unpacked wheel and the stdlib.
    result = subprocess.run([sys.executable, "-I", "-S", "-c", RUN_EACH_KIND, str(tmp_path)], input=json.dumps(requests), capture_output=True,
                            text=True, cwd=tmp_path, check=False)
    assert result.returncode == 0, result.stderr
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert [a["ok"] for a in answers] == [True] * 4, answers
    assert all(a["engine"] == exercises.__version__ for a in answers)


def test_the_version_is_set_once():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "version" not in project and project["dynamic"] == ["version"]
    assert WHEEL_NAME == f"skp_exercises-{exercises.__version__}-py3-none-any.whl"
    worker = (ROOT / "overrides" / "assets" / "javascripts" / "skp-worker.mjs").read_text(encoding="utf-8")
    assert exercises.__version__ not in worker and 'pyimport("exercises").__version__' in worker
