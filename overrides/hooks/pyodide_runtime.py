"""Hook: self-host the Pyodide runtime and ship the ``exercises`` package as a wheel.

* The Pyodide version is pinned once, in package.json (+ package-lock.json). The build checks that
  the installed npm package is that version and injects it into the templates.
* Only the runtime files are copied into the site; no file is ever fetched from a CDN.
* The exercises package ships as a ``py3-none-any`` wheel (pure Python, stdlib only), which Pyodide
  unpacks with ``pyodide.unpackArchive(buffer, "wheel")``. It holds only what the browser runs:
  ``exercises.runtime`` and the modules it imports, found by reading their imports; the YAML
  loader, the CLI, the scaffold and the build's schemas and catalogue stay out.
"""

from __future__ import annotations

import ast
import base64
import hashlib
import json
import shutil
import zipfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

import exercises
from exercises.privacy import CPR_NORMALIZATION, CPR_PATTERN

ROOT = Path(__file__).resolve().parents[2]
PYODIDE_DIR = ROOT / "node_modules" / "pyodide"
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
PACKAGE = "exercises"
# The version is set once, in exercises/__init__.py: pyproject.toml reads it from there, the
# worker asks the package for it, and the wheel's name and metadata are made from it here.
WHEEL_NAME = f"skp_exercises-{exercises.__version__}-py3-none-any.whl"


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


def _module_file(module: str) -> Path:
    path = ROOT.joinpath(*module.split("."))
    return path / "__init__.py" if path.is_dir() else path.with_suffix(".py")


def _is_module(module: str) -> bool:
    return _module_file(module).is_file()


def _imports(module: str) -> set[str]:
    """The package's modules that ``module`` imports when it runs (``if TYPE_CHECKING:`` blocks never run)."""
    tree = ast.parse(_module_file(module).read_text(encoding="utf-8"))
    package = module if _module_file(module).name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            return
        if isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            target = ".".join(p for p in (base, node.module or "") if p)
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return {m for m in found if m.split(".")[0] == PACKAGE and _is_module(m)}


def runtime_modules() -> list[str]:
    """exercises.runtime and every module of the package it imports, with their packages: what the browser runs."""
    seen: set[str] = set()
    todo = [PACKAGE, f"{PACKAGE}.runtime"]
    while todo:
        module = todo.pop()
        if module in seen:
            continue
        seen.add(module)
        parents = [module.rsplit(".", n)[0] for n in range(1, module.count(".") + 1)]
        todo += [*_imports(module), *parents]
    return sorted(seen)


def build_wheel(target: Path) -> Path:
    """Write the wheel the worker unpacks: only :func:`runtime_modules`, never the build's loader, CLI or schemas.

    A wheel is a zip with a dist-info; writing it here (fixed dates, sorted names) makes the same
    source give the same bytes, so an unchanged rebuild keeps the service worker's cache.
    """
    files = {_module_file(m).relative_to(ROOT).as_posix(): _module_file(m).read_bytes() for m in runtime_modules()}
    info = f"skp_exercises-{exercises.__version__}.dist-info"
    files[f"{info}/METADATA"] = f"Metadata-Version: 2.1\nName: skp-exercises\nVersion: {exercises.__version__}\n".encode()
    files[f"{info}/WHEEL"] = b"Wheel-Version: 1.0\nGenerator: overrides/hooks/pyodide_runtime.py\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    record = [f"{name},sha256={_digest(data)},{len(data)}" for name, data in sorted(files.items())]
    files[f"{info}/RECORD"] = ("\n".join([*record, f"{info}/RECORD,,"]) + "\n").encode()
    wheel = target / WHEEL_NAME
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in sorted(files.items()):
            archive.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data)
    return wheel


def _digest(data: bytes) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    runtime = site / "pyodide"
    runtime.mkdir(parents=True, exist_ok=True)
    for name in RUNTIME_FILES:
        shutil.copy2(PYODIDE_DIR / name, runtime / name)
    wheels = site / "assets" / "wheels"
    wheels.mkdir(parents=True, exist_ok=True)
    build_wheel(wheels)
