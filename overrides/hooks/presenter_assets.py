"""Hook: self-host the QR library of presenter mode (answer codes), as pyodide_runtime.py does Pyodide.

qrcode-generator is pinned in package.json (+ package-lock.json); the build checks that the
installed copy is that version and copies its ES module into the site, so the QR code of an answer
code is drawn from the site's own files (and the offline cache, which lists every built file,
holds it too). Nothing is fetched from a CDN.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "qrcode-generator"
SOURCE = ROOT / "node_modules" / PACKAGE / "dist" / "qrcode.mjs"
TARGET = Path("assets") / "vendor" / PACKAGE / "qrcode.mjs"  # skp-presenter-qr.mjs imports this path


def check_installed() -> None:
    """The installed library must be the pinned one: a stale node_modules fails with what to run."""
    pinned = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"][PACKAGE]
    manifest = ROOT / "node_modules" / PACKAGE / "package.json"
    if not manifest.is_file() or not SOURCE.is_file():
        raise PluginError(f"{PACKAGE} mangler i node_modules/ – kør 'make build' (eller 'npm ci') først.")
    installed = json.loads(manifest.read_text(encoding="utf-8"))["version"]
    if installed != pinned:
        raise PluginError(f"node_modules har {PACKAGE} {installed}, men package.json kræver {pinned} – kør 'npm ci'.")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    check_installed()
    return config


def on_post_build(config: MkDocsConfig) -> None:
    target = Path(config.site_dir) / TARGET
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(SOURCE, target)
