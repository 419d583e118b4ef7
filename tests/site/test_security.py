"""The Content-Security-Policy holds on every page: no inline scripts, one policy in meta and nginx."""

from __future__ import annotations

import re
from pathlib import Path

import material
from security_policy import HEADER_POLICY, META_POLICY

from tests.conftest import ROOT

MATERIAL_PARTIALS = Path(material.__file__).parent / "templates" / "partials" / "javascripts"
MOVED = ROOT / "overrides" / "assets" / "javascripts"
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>", re.I)


def test_no_built_page_has_an_inline_script_or_handler(site_dir: Path):
    offenders = []
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if INLINE_SCRIPT.search(html) or re.search(r"<[^>]+\son[a-z]+=", html):
            offenders.append(page.relative_to(site_dir).as_posix())
    assert not offenders, f"inline scripts break the CSP on: {offenders}"


def test_every_page_carries_the_policy_in_a_meta_tag(site_dir: Path):
    tag = f'<meta http-equiv="Content-Security-Policy" content="{META_POLICY}">'
    without = [p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html") if tag not in p.read_text("utf-8")]
    assert not without
    assert "frame-ancestors" not in META_POLICY  # ignored in <meta>, with a console error


def test_nginx_sends_the_same_policy_as_a_header():
    conf = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    assert f'add_header Content-Security-Policy "{HEADER_POLICY}" always;' in conf
    assert HEADER_POLICY.startswith(META_POLICY + ";")
    assert "'unsafe-inline'" not in HEADER_POLICY and "'unsafe-eval'" not in HEADER_POLICY


def test_moved_theme_scripts_are_still_materials_code():
    """Upgrade guard: our files must hold the code of the inline scripts they replace."""
    stock_head = re.search(r"<script>(.*?)</script>", (MATERIAL_PARTIALS / "base.html").read_text("utf-8"), re.S)
    stock_content = (MATERIAL_PARTIALS / "content.html").read_text("utf-8").strip().splitlines()[-1]
    assert stock_head and stock_content.startswith("<script>var target=")
    ours_head = (MOVED / "md-scope.js").read_text("utf-8").splitlines()[-1]
    expected_head = stock_head.group(1).replace(
        'new URL("{{ config.extra.scope | d(base_url) }}",location)', "new URL(document.currentScript.dataset.scope,location)"
    )
    assert ours_head == expected_head
    assert (MOVED / "md-tab-from-hash.js").read_text("utf-8").splitlines()[-1] == stock_content.removeprefix(
        "<script>"
    ).removesuffix("</script>")
