"""Hook: two checked edits so Material's instant navigation works for this site.

1. Material only navigates instantly to pages listed in sitemap.xml. It moves each sitemap URL
   (made from site_url) to the protocol and host name the site is served from, but keeps
   site_url's port, so on any other port (a test server, a kommune's server on :8080) every link
   falls back to a full page load and the Python engine starts again. The rebase takes the port too.
2. After swapping in a page, Material re-creates each <script> of the content so it runs, copying
   the attributes only of scripts with a src. An exercise's definition is a
   <script type="application/json" data-role="definition">: re-created, it lost both attributes and
   was run as JavaScript (a CSP violation). JSON scripts are left as they are.
The build fails loudly if Material's bundle no longer has the expected code;
tests/browser/test_one_engine_per_visit.py checks the behaviour.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

REBASE = re.compile(r"function (\w+)\(e,t\)\{return e\.protocol=t\.protocol,e\.hostname=t\.hostname,e\}")
RERUN_SCRIPTS = re.compile(r'(\w+)\("script",(\w+)\)\)\.pipe\(')


def _edit(bundle: str, pattern: re.Pattern[str], replace: str) -> str:
    matches = list(pattern.finditer(bundle))
    if len(matches) != 1:
        raise PluginError(
            f"Materials bundle har {len(matches)} steder, der passer til {pattern.pattern!r} (forventede ét) – "
            "tjek overrides/hooks/instant_navigation.py mod den nye version af mkdocs-material."
        )
    return bundle[: matches[0].start()] + matches[0].expand(replace) + bundle[matches[0].end() :]


def fix_instant_navigation(bundle: str) -> str:
    bundle = _edit(bundle, REBASE, r"function \1(e,t){return e.protocol=t.protocol,e.hostname=t.hostname,e.port=t.port,e}")
    return _edit(bundle, RERUN_SCRIPTS, r"""\1("script:not([type='application/json'])",\2)).pipe(""")


def on_post_build(config: MkDocsConfig) -> None:
    bundles = list((Path(config.site_dir) / "assets" / "javascripts").glob("bundle.*.min.js"))
    if len(bundles) != 1:
        raise PluginError(f"Fandt {len(bundles)} Material-bundles; forventede præcis én")
    bundles[0].write_text(fix_instant_navigation(bundles[0].read_text(encoding="utf-8")), encoding="utf-8")
