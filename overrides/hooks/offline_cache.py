"""Hook: give the service worker (overrides/sw.js → site/sw.js) this build's file list and version.

The worker precaches every file of the built site so the whole site works offline after one
visit. Its cache is named after a hash of the files' contents: an unchanged rebuild keeps the same
worker (no needless "Ny version" notice), any changed file makes a new one. Source maps and the
compressed sitemap are left out; nothing in the site needs them offline.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

WORKER = "sw.js"
SKIPPED_SUFFIXES = (".map", ".gz")
PLACEHOLDERS = ("__SKP_BUILD__", "__SKP_FILES__")


def precache_urls(site: Path) -> dict[str, Path]:
    """URL (relative to the site root, as pages link to it) -> built file, for every file to store."""
    urls: dict[str, Path] = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        relative = path.relative_to(site).as_posix()
        if relative == WORKER or relative.endswith(SKIPPED_SUFFIXES):
            continue
        if relative.endswith("index.html"):
            relative = relative.removesuffix("index.html") or "./"
        urls[relative] = path
    return urls


def build_version(urls: dict[str, Path]) -> str:
    digest = hashlib.sha256()
    for url, path in urls.items():
        digest.update(url.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    worker = site / WORKER
    source = worker.read_text(encoding="utf-8") if worker.is_file() else ""
    if any(source.count(p) != 1 for p in PLACEHOLDERS):
        raise PluginError(f"{WORKER} mangler eller har ikke pladsholderne {PLACEHOLDERS} præcis én gang (overrides/sw.js)")
    urls = precache_urls(site)
    source = source.replace("__SKP_BUILD__", build_version(urls)).replace("__SKP_FILES__", json.dumps(list(urls)))
    worker.write_text(source, encoding="utf-8")
