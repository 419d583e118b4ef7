"""What the service worker stores, how its version follows the build, and the web app manifest."""

from __future__ import annotations

import json
import re
from pathlib import Path

from offline_cache import build_version, precache_urls


def worker_files(site_dir: Path) -> tuple[str, list[str]]:
    source = (site_dir / "sw.js").read_text(encoding="utf-8")
    build = re.search(r'const BUILD = "([0-9a-f]{16})";', source)
    files = re.search(r"const FILES = (\[.*?\]);", source)
    assert build and files, "sw.js har ikke fået version og filliste af overrides/hooks/offline_cache.py"
    return build.group(1), json.loads(files.group(1))


def test_the_worker_stores_pages_search_pyodide_and_the_wheel(site_dir: Path):
    build, files = worker_files(site_dir)
    pages = {p.relative_to(site_dir).as_posix().removesuffix("index.html") or "./" for p in site_dir.rglob("index.html")}
    assert pages <= set(files)
    assert {"search/search_index.json", "pyodide/pyodide.asm.wasm", "pyodide/python_stdlib.zip", "404.html"} <= set(files)
    assert any(f.startswith("assets/wheels/") and f.endswith(".whl") for f in files)
    assert "sw.js" not in files and not any(f.endswith(".map") for f in files)
    assert all((site_dir / f).exists() for f in files)
    assert build == build_version(precache_urls(site_dir))


def test_the_version_changes_with_any_file_and_only_then(tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("en", encoding="utf-8")
    (tmp_path / "b.js.map").write_text("kort", encoding="utf-8")
    urls = precache_urls(tmp_path)
    assert list(urls) == ["a/"]
    before = build_version(urls)
    assert build_version(precache_urls(tmp_path)) == before
    (tmp_path / "a" / "index.html").write_text("to", encoding="utf-8")
    assert build_version(precache_urls(tmp_path)) != before


def test_the_manifest_is_danish_and_its_icons_exist(site_dir: Path):
    manifest = json.loads((site_dir / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["lang"] == "da" and manifest["name"] == "SKP-metodebanken"
    assert manifest["start_url"] == "./" and manifest["display"] == "standalone"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    assert all((site_dir / icon["src"]).is_file() for icon in manifest["icons"])
    assert '<link rel="manifest" href="manifest.webmanifest">' in (site_dir / "index.html").read_text(encoding="utf-8")
