"""Hook: one page per case and per exercise, plus their index pages, generated in memory.

Adding a case or an exercise means adding one data file; nothing is written into docs/ and there
is no hand-kept index. Each stub only calls a macro, so the HTML comes from the Jinja partials.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from exercises.site import site_library


def _stub(title: str, call: str, description: str = "") -> str:
    meta = f"title: {json.dumps(title, ensure_ascii=False)}\n"
    if description:
        meta += f"description: {json.dumps(description, ensure_ascii=False)}\n"
    return f"---\n{meta}---\n\n{{{{ {call} }}}}\n"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    library = site_library(Path(config.docs_dir))
    pages = {
        "cases/index.md": _stub("Cases", "case_library()", "Alle cases fra de to metodehåndbøger."),
        "ovelser/index.md": _stub("Øvelser", "exercise_library()", "Alle øvelser: beslutningstræer, ZNU, valgskemaer og tjeklister."),
    }
    for case in library.cases.values():
        pages[case.page] = _stub(case.title, f"case_page({case.id!r})", case.summary)
    for exercise in library.exercises.values():
        pages[f"ovelser/{exercise.id}.md"] = _stub(exercise.title, f"exercise_page({exercise.id!r})")
    for path, content in pages.items():
        files.append(File.generated(config, path, content=content))
    return files
