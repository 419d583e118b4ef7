"""Content rules every page must meet: own words, a 'Kort fortalt' box, sources, glossary tooltips."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

OVERLAP_TOOL = ROOT.parent / "shared" / "tools" / "source_overlap.py"
DOCS = ROOT / "docs"


def test_no_handbook_passage_is_copied_word_for_word():
    if not OVERLAP_TOOL.is_file():
        pytest.skip(f"{OVERLAP_TOOL} findes ikke her (kun projektets maskiner har shared/ ved siden af repoet)")
    result = subprocess.run(
        [sys.executable, str(OVERLAP_TOOL), "docs", "exercises", "macros"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0 and "0 copied passages" in result.stdout, result.stdout[-3000:]


def test_every_content_page_opens_with_kort_fortalt():
    missing = [
        p.relative_to(DOCS).as_posix()
        for p in DOCS.rglob("*.md")
        if not re.search(r'^!!! abstract "Kort fortalt"', p.read_text(encoding="utf-8"), re.M)
    ]
    assert not missing, f"sider uden «Kort fortalt»: {missing}"


def test_every_built_page_names_its_source(site_dir: Path):
    without = [
        p.relative_to(site_dir).as_posix()
        for p in site_dir.rglob("index.html")
        if p.parent != site_dir / "cases" and p.parent != site_dir / "ovelser"
        and p.parent.name not in {"search"}
        and 'class="skp-source"' not in p.read_text(encoding="utf-8")
    ]
    assert not without, without


def test_glossary_terms_become_tooltips(site_dir: Path):
    html = (site_dir / "grundlag" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<abbr title="[^"]+">SKP</abbr>', html)
