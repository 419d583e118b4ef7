"""The QR library of presenter mode is self-hosted: pinned, copied into the site, stored offline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

import presenter_assets
from offline_cache import precache_urls


def test_the_qr_libraries_and_the_presenter_modules_are_in_the_site_and_the_offline_cache(site_dir: Path):
    stored = precache_urls(site_dir)
    for package, (source, target, commonjs) in presenter_assets.LIBRARIES.items():
        text = (presenter_assets.node_modules() / package / source).read_text(encoding="utf-8")
        assert (site_dir / target).read_text(encoding="utf-8") == presenter_assets.as_module(text, commonjs)
        assert target in stored
    for module in ("skp-presenter.mjs", "skp-presenter-qr.mjs", "skp-presenter-codes.mjs"):
        assert f"assets/javascripts/{module}" in stored
    page = (site_dir / "ovelser" / "zn-bo" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="modulepreload" href="../../assets/javascripts/skp-presenter.mjs" data-skp-module>' in page


def test_a_commonjs_bundle_becomes_a_module_with_a_default_export():
    wrapped = presenter_assets.as_module("module.exports = factory();", commonjs=True)
    assert wrapped.startswith("const module = { exports: {} };")
    assert wrapped.rstrip().endswith("export default module.exports.default || module.exports;")
    assert presenter_assets.as_module("export default x;", commonjs=False) == "export default x;"


def test_an_installed_copy_that_is_not_the_pinned_version_stops_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    pins = {}
    for package, (source, _, _) in presenter_assets.LIBRARIES.items():
        (tmp_path / "node_modules" / package / source).parent.mkdir(parents=True)
        (tmp_path / "node_modules" / package / source).write_text("", encoding="utf-8")
        (tmp_path / "node_modules" / package / "package.json").write_text(json.dumps({"version": "1.0.0"}), encoding="utf-8")
        pins[package] = "1.0.0"
    pins["jsqr"] = "9.9.9"
    (tmp_path / "package.json").write_text(json.dumps({"dependencies": pins}), encoding="utf-8")
    monkeypatch.setattr(presenter_assets, "ROOT", tmp_path)
    with pytest.raises(PluginError, match="jsqr 1.0.0, men package.json kræver 9.9.9"):
        presenter_assets.check_installed()
    (tmp_path / "node_modules" / "jsqr" / "package.json").unlink()
    with pytest.raises(PluginError, match="jsqr mangler"):
        presenter_assets.check_installed()
