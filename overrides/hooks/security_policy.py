"""Hook: the site's Content-Security-Policy, written once and given to the templates.

Everything the site needs comes from its own origin: scripts (Material's inline scripts are moved
to files, overrides/partials/javascripts/), Pyodide's WebAssembly ('wasm-unsafe-eval' allows
compiling it, not JavaScript eval), the search and engine workers, and the data: icons in
Material's CSS. overrides/main.html puts META_POLICY in a <meta http-equiv> tag, so a plain static
host is covered; deploy/nginx.conf sends HEADER_POLICY, and tests/site/test_security.py keeps the
two in step. frame-ancestors only works as a header (browsers ignore it in <meta> and say so).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

DIRECTIVES = (
    ("default-src", "'self'"),
    ("script-src", "'self' 'wasm-unsafe-eval'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("manifest-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)
META_POLICY = "; ".join(f"{name} {value}" for name, value in DIRECTIVES)
HEADER_POLICY = f"{META_POLICY}; frame-ancestors 'none'"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.extra["skp_csp"] = META_POLICY
    return config
