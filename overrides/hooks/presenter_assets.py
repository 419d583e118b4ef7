"""Hook: self-host the QR libraries of presenter mode (answer codes), as pyodide_runtime.py does Pyodide.

Both are pinned in package.json (+ package-lock.json): qrcode-generator draws a group's code,
jsQR reads one from the facilitator's camera. The build checks that each installed copy is the
pinned version and copies it into assets/vendor/, so everything comes from the site's own files
(and the offline cache, which lists every built file, holds them too). Nothing is fetched from a
CDN. jsQR ships only a CommonJS/UMD bundle: it is wrapped as an ES module while copied, so it
loads with import() like the rest and leaves no global behind.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
# package -> (file in the package, file in the site as skp-presenter-qr.mjs imports it, wrap CommonJS?)
LIBRARIES: dict[str, tuple[str, str, bool]] = {
    "qrcode-generator": ("dist/qrcode.mjs", "assets/vendor/qrcode-generator/qrcode.mjs", False),
    "jsqr": ("dist/jsQR.js", "assets/vendor/jsqr/jsQR.mjs", True),
}
COMMONJS_HEAD = "const module = { exports: {} };\nconst exports = module.exports;\n"
COMMONJS_TAIL = "\nexport default module.exports.default || module.exports;\n"


def node_modules() -> Path:
    return ROOT / "node_modules"


def check_installed() -> None:
    """Each installed library must be the pinned one: a stale node_modules fails with what to run."""
    pinned = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"]
    for package, (source, _, _) in LIBRARIES.items():
        manifest = node_modules() / package / "package.json"
        if not manifest.is_file() or not (node_modules() / package / source).is_file():
            raise PluginError(f"{package} mangler i node_modules/ – kør 'make build' (eller 'npm ci') først.")
        installed = json.loads(manifest.read_text(encoding="utf-8"))["version"]
        if installed != pinned.get(package):
            raise PluginError(f"node_modules har {package} {installed}, men package.json kræver {pinned.get(package)} – kør 'npm ci'.")


def as_module(text: str, commonjs: bool) -> str:
    """The library as an ES module: a CommonJS bundle gets a local module object and a default export."""
    return COMMONJS_HEAD + text + COMMONJS_TAIL if commonjs else text


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    check_installed()
    return config


def on_post_build(config: MkDocsConfig) -> None:
    for package, (source, target, commonjs) in LIBRARIES.items():
        path = Path(config.site_dir) / target
        path.parent.mkdir(parents=True, exist_ok=True)
        text = (node_modules() / package / source).read_text(encoding="utf-8")
        path.write_text(as_module(text, commonjs), encoding="utf-8")
