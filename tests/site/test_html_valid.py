"""The built site is valid HTML by the W3C validator (vnu, pinned in package.json), except for the
few theme-template errors listed with their reasons in tests/site/vnu_allowlist.json."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ALLOWED = json.loads((Path(__file__).with_name("vnu_allowlist.json")).read_text(encoding="utf-8"))["allowed"]


def allowed(error: dict) -> bool:
    return any(error["message"].startswith(a["message"]) and a["extract"] in error.get("extract", "") for a in ALLOWED)


def test_vnu_finds_no_errors_in_the_projects_own_html(site_dir: Path):
    if shutil.which("java") is None or not VNU.is_file():
        pytest.fail("vnu kræver java og node_modules/vnu-jar – kør 'make setup' (npm ci)")
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html", str(site_dir)],
        capture_output=True,
        text=True,
    )
    errors = [m for m in json.loads(result.stderr or result.stdout)["messages"] if m["type"] == "error"]
    assert errors, "vnu found nothing at all: the theme's known errors should at least be there"
    own = [f"{e['url'].split(str(site_dir))[-1]}:{e.get('lastLine')}: {e['message']}" for e in errors if not allowed(e)]
    assert own == [], "\n".join(own[:40])
