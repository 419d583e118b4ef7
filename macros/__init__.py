"""mkdocs-macros entry point: a thin ``define_env`` that registers the site's page macros.

All work happens in :mod:`macros.render` (Jinja partials) over :mod:`exercises` (data, validation,
pure views), so the macros themselves stay one line each and the logic stays unit-testable.
"""

from __future__ import annotations

from pathlib import Path

from exercises.site import site_library

from .render import Renderer


def define_env(env) -> None:
    docs_dir = Path(env.conf["docs_dir"])
    renderer = Renderer(site_library(docs_dir), docs_dir, env.conf["extra"], current_page=lambda: env.page, nav=env.conf["nav"])

    env.macro(renderer.exercise)
    env.macro(renderer.exercise_page)
    env.macro(renderer.exercise_library)
    env.macro(renderer.case_page)
    env.macro(renderer.case_library)
    env.macro(renderer.lov)
    env.macro(renderer.lovoversigt)
    env.macro(renderer.lovregister)
    env.macro(renderer.ordliste)
    env.macro(renderer.kommune_kontakt)
    env.macro(renderer.andre_doere)
    env.macro(renderer.henvisningsskema)
    env.macro(renderer.laeringsforloeb)
    env.macro(renderer.min_mappe)
