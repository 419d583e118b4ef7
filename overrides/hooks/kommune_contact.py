"""Hook: tell whoever builds the site that the municipality's SKP contact details are missing.

Partner pages show the block from ``extra.kommune`` in mkdocs.yml. A kommune publishing its own copy
fills it in; the shared copy leaves it empty, and then the pages show a neutral route to one's own
municipality's SKP instead of a note to the editor. The build says so in one line.

The line is logged at INFO, not WARNING: MkDocs counts every WARNING from the ``mkdocs`` loggers in
strict mode and aborts, and an empty block is a valid, intended state of the shared copy. An unknown
key (a misspelt ``svartid``) is a real mistake and stops the build.
"""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from macros.render import KOMMUNE_FIELDS

log = logging.getLogger("mkdocs.hooks.kommune_contact")


def on_config(config: MkDocsConfig) -> None:
    given = config.extra.get("kommune") or {}
    unknown = sorted(set(given) - set(KOMMUNE_FIELDS))
    if unknown:
        raise PluginError(
            f"mkdocs.yml: extra.kommune har ukendte felter {unknown}; tilladte felter er {list(KOMMUNE_FIELDS)}"
        )
    if not str(given.get("navn") or "").strip():
        log.info(
            "Kommunens SKP-kontakt er ikke udfyldt (extra.kommune i mkdocs.yml): "
            "partnersiderne viser en neutral vej til SKP i stedet for telefon og e-mail."
        )
