"""Whole-site builds: strict build, a broken data file stops it, and per-kommune contact details."""

import re
import shutil
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT, VariantBuild, build_site, site_copy

__all__ = ["site_copy"]  # tests/browser/test_offline.py imports it from here


def test_strict_build_has_pages_runtime_and_wheel(site_dir: Path):
    assert (site_dir / "index.html").is_file()
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"):
        assert (site_dir / "pyodide" / name).is_file(), name
    wheel = next((site_dir / "assets" / "wheels").glob("skp_exercises-*-py3-none-any.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "exercises/runtime.py" in names and not any(n.endswith(".yml") for n in names)


def test_no_google_fonts_cdn_or_generator_in_the_html(site_dir: Path):
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    assert 'lang="da"' in html
    assert "fonts.googleapis" not in html and "cdn.jsdelivr" not in html and "unpkg" not in html
    assert "Made with" not in html
    search_config = (site_dir / "search" / "search_index.json").read_text(encoding="utf-8")[:400]
    assert '"lang":["da"]' in search_config.replace(" ", "") and "stemmer" in search_config


def test_broken_data_file_fails_the_build_with_file_and_line(tmp_path: Path):
    copy = site_copy(tmp_path)
    broken = ROOT / "tests" / "fixtures" / "broken" / "zones-bad-zone.yml"
    shutil.copy2(broken, copy / "exercises" / "data" / "exercises" / broken.name)
    result = build_site(tmp_path / "site", cwd=copy, extra_env={"PYTHONPATH": str(copy)})
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "exercises/data/exercises/zones-bad-zone.yml:10: 'kan-maaske' er ikke en gyldig værdi" in output
    assert "Traceback" not in output
    assert not (tmp_path / "site" / "index.html").exists()


@pytest.mark.xdist_group("variant_build")  # one worker builds the variant, both tests read it
def test_kommune_contact_block_renders_from_extra(variant_build: VariantBuild):
    html = (variant_build.site / "henvis" / "index.html").read_text(encoding="utf-8")
    assert "Kontakt SKP i Testrup Kommune" in html and 'href="tel:70102030"' in html
    assert "Du kan forvente svar: inden for to hverdage" in html and "Uden for åbningstiden: ring til lægevagten" in html
    assert "Kommunens SKP-kontakt er ikke udfyldt" not in variant_build.output


def test_default_build_shows_a_neutral_route_to_skp(site_dir: Path):
    html = (site_dir / "henvis" / "index.html").read_text(encoding="utf-8")
    assert 'data-configured="nej"' in html and "kommunens hjemmeside" in html


# Both kinds of broken link in one build: strict mode reports every warning before it stops.
BROKEN_LINKS = {"dilemmaer/vaergemaal.md": "../findes-ikke.md", "dilemmaer/magtanvendelse.md": "omsorgspligt.md#intet-anker"}


def test_a_broken_link_or_anchor_stops_the_build(tmp_path: Path):
    copy = site_copy(tmp_path)
    for source, link in BROKEN_LINKS.items():
        page = copy / "docs" / source
        page.write_text(page.read_text(encoding="utf-8") + f"\n\nSe [her]({link}).\n", encoding="utf-8")
    result = build_site(tmp_path / "site", cwd=copy, extra_env={"PYTHONPATH": str(copy)})
    output = result.stdout + result.stderr
    assert result.returncode != 0
    for source, link in BROKEN_LINKS.items():
        assert re.search(rf"{re.escape(source)}.*{re.escape(link)}", output), (source, link, output[-3000:])
