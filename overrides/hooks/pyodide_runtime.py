"""Hook: self-host the Pyodide runtime and ship the ``exercises`` package as a wheel.

* The Pyodide version is pinned once, in package.json (+ package-lock.json). The build checks that
  the installed npm package is that version and injects it into the templates.
* Only the runtime files are copied into the site; no file is ever fetched from a CDN.
* The exercises package is built as a standard ``py3-none-any`` wheel (pure Python, stdlib only),
  which Pyodide unpacks with ``pyodide.unpackArchive(buffer, "wheel")``.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

import exercises
from exercises.privacy import CPR_NORMALIZATION, CPR_PATTERN

ROOT = Path(__file__).resolve().parents[2]
PYODIDE_DIR = ROOT / "node_modules" / "pyodide"
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
WHEEL_NAME = f"skp_exercises-{exercises.__version__}-py3-none-any.whl"
WHEEL_CACHE = ROOT / "build" / "wheel-cache"


def pinned_pyodide_version() -> str:
    return json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"]["pyodide"]


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    pinned = pinned_pyodide_version()
    installed_manifest = PYODIDE_DIR / "package.json"
    if not installed_manifest.is_file():
        raise PluginError("Pyodide mangler i node_modules/ – kør 'make build' (eller 'npm ci') først.")
    installed = json.loads(installed_manifest.read_text(encoding="utf-8"))["version"]
    if installed != pinned:
        raise PluginError(f"node_modules har Pyodide {installed}, men package.json kræver {pinned} – kør 'npm ci'.")
    config.extra["skp_runtime"] = {
        "pyodide_version": pinned,
        "pyodide_dir": "pyodide/",
        "wheel": f"assets/wheels/{WHEEL_NAME}",
        "cpr_pattern": CPR_PATTERN,
        "cpr_normalization": CPR_NORMALIZATION,
    }
    return config


def _source_fingerprint() -> str:
    digest = hashlib.sha256()
    for path in sorted((ROOT / "exercises").glob("*.py")) + [ROOT / "pyproject.toml"]:
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def build_wheel() -> Path:
    """Build (or reuse) the wheel for the current source; pip builds it offline with pinned setuptools."""
    target = WHEEL_CACHE / _source_fingerprint()
    wheel = target / WHEEL_NAME
    if not wheel.is_file():
        target.mkdir(parents=True, exist_ok=True)
        result = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q", "-w", str(target), str(ROOT)],
            capture_output=True,
            text=True,
        )
        if result.returncode != 0 or not wheel.is_file():
            raise PluginError(f"Kunne ikke bygge exercises-hjulet:\n{result.stdout}\n{result.stderr}")
    return wheel


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    runtime = site / "pyodide"
    runtime.mkdir(parents=True, exist_ok=True)
    for name in RUNTIME_FILES:
        shutil.copy2(PYODIDE_DIR / name, runtime / name)
    wheels = site / "assets" / "wheels"
    wheels.mkdir(parents=True, exist_ok=True)
    shutil.copy2(build_wheel(), wheels / WHEEL_NAME)
