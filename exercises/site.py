"""The library as the site sees it: loaded once per change of the data, shared by hooks and macros.

MkDocs hooks and the macros module are loaded separately, but both need the same validated data.
Caching on the files' modification times gives each build one load and still picks up edits while
``mkdocs serve`` is running.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .learning_path import LearningPath, load_learning_path
from .validate import Library, load_library

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "exercises" / "data"


def docs_pages(docs_dir: Path) -> set[str] | None:
    """Markdown pages under docs/ that case links may point to (None outside a site checkout)."""
    if not docs_dir.is_dir():
        return None
    return {p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md")}


def _fingerprint(*dirs: Path) -> tuple[tuple[str, int], ...]:
    files = [p for d in dirs if d.is_dir() for p in d.rglob("*") if p.suffix in {".yml", ".md"}]
    return tuple(sorted((str(p), p.stat().st_mtime_ns) for p in files))


def site_library(docs_dir: Path = ROOT / "docs", data_dir: Path = DATA_DIR) -> Library:
    """Validated library for a build; raises DataErrors with file:line messages when data is broken."""
    return _load(docs_dir, data_dir, _fingerprint(docs_dir, data_dir))


@lru_cache(maxsize=4)
def _load(docs_dir: Path, data_dir: Path, fingerprint: tuple) -> Library:
    return load_library(data_dir, ROOT, docs_pages(docs_dir))


def site_learning_path(docs_dir: Path = ROOT / "docs", data_dir: Path = DATA_DIR) -> LearningPath:
    """The checked learning path for a build (same caching as the library)."""
    return _load_path(docs_dir, data_dir, _fingerprint(docs_dir, data_dir))


@lru_cache(maxsize=4)
def _load_path(docs_dir: Path, data_dir: Path, fingerprint: tuple) -> LearningPath:
    return load_learning_path(data_dir, ROOT, site_library(docs_dir, data_dir), docs_pages(docs_dir))
