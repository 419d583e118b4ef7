"""Hook: load and validate every data file before anything is built.

A broken case or exercise stops the build with ``file:line: message`` lines instead of producing a
page that half works.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from exercises.errors import DataErrors
from exercises.site import site_library


# Runs before every plugin (the macros module loads the same data in its own on_config).
@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        site_library(Path(config.docs_dir))
    except DataErrors as exc:
        raise PluginError(exc.report("datafilerne")) from None
    return config
