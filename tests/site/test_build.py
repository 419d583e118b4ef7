"""Whole-site builds: strict build, a broken data file stops it, and per-kommune contact details."""

import re
import shutil
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT, build_site

COPIED = ("docs", "exercises", "macros", "overrides", "mkdocs.yml", "pyproject.toml", "package.json")


def site_copy(tmp_path: Path) -> Path:
    """A copy of the site's sources whose own `exercises` package is imported (PYTHONPATH)."""
    copy = tmp_path / "repo"
    copy.mkdir()
    for name in COPIED:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, copy / name)
    (copy / "node_modules").symlink_to(ROOT / "node_modules")
    return copy


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


def test_kommune_contact_block_renders_from_extra(tmp_path: Path):
    copy = site_copy(tmp_path)
    config = (copy / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r'    navn: ""', '    navn: "Testrup Kommune"', config)
    config = re.sub(r'    telefon: ""', '    telefon: "70 10 20 30"', config)
    config = re.sub(r'    svartid: ""', '    svartid: "inden for to hverdage"', config)
    config = re.sub(r'    efter_lukketid: ""', '    efter_lukketid: "ring til lægevagten"', config)
    (copy / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = build_site(tmp_path / "site", cwd=copy, extra_env={"PYTHONPATH": str(copy)})
    assert result.returncode == 0, result.stdout + result.stderr
    html = (tmp_path / "site" / "henvis" / "index.html").read_text(encoding="utf-8")
    assert "Kontakt SKP i Testrup Kommune" in html and 'href="tel:70102030"' in html
    assert "Du kan forvente svar: inden for to hverdage" in html and "Uden for åbningstiden: ring til lægevagten" in html
    assert "Kommunens SKP-kontakt er ikke udfyldt" not in result.stdout + result.stderr


def test_default_build_shows_a_neutral_route_to_skp(site_dir: Path):
    html = (site_dir / "henvis" / "index.html").read_text(encoding="utf-8")
    assert 'data-configured="nej"' in html and "kommunens hjemmeside" in html


@pytest.mark.parametrize("link", ["../findes-ikke.md", "omsorgspligt.md#intet-anker"])
def test_a_broken_link_or_anchor_stops_the_build(tmp_path: Path, link: str):
    copy = site_copy(tmp_path)
    page = copy / "docs" / "dilemmaer" / "vaergemaal.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n\nSe [her]({link}).\n", encoding="utf-8")
    result = build_site(tmp_path / "site", cwd=copy, extra_env={"PYTHONPATH": str(copy)})
    assert result.returncode != 0
    assert "dilemmaer/vaergemaal.md" in result.stdout + result.stderr
