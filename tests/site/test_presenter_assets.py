"""The QR library of presenter mode is self-hosted: pinned, copied into the site, stored offline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

import presenter_assets
from offline_cache import precache_urls


def test_the_qr_library_and_the_presenter_modules_are_in_the_site_and_the_offline_cache(site_dir: Path):
    library = site_dir / presenter_assets.TARGET
    assert library.read_bytes() == presenter_assets.SOURCE.read_bytes()
    stored = precache_urls(site_dir)
    assert presenter_assets.TARGET.as_posix() in stored
    for module in ("skp-presenter.mjs", "skp-presenter-qr.mjs", "skp-presenter-codes.mjs"):
        assert f"assets/javascripts/{module}" in stored
    page = (site_dir / "ovelser" / "zn-bo" / "index.html").read_text(encoding="utf-8")
    assert 'src="../../assets/javascripts/skp-presenter.mjs" type="module"' in page


def test_an_installed_copy_that_is_not_the_pinned_version_stops_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    package = tmp_path / "node_modules" / presenter_assets.PACKAGE
    (package / "dist").mkdir(parents=True)
    (package / "dist" / "qrcode.mjs").write_text("export default null;", encoding="utf-8")
    (package / "package.json").write_text(json.dumps({"version": "1.0.0"}), encoding="utf-8")
    (tmp_path / "package.json").write_text(json.dumps({"dependencies": {presenter_assets.PACKAGE: "2.0.4"}}), encoding="utf-8")
    monkeypatch.setattr(presenter_assets, "ROOT", tmp_path)
    monkeypatch.setattr(presenter_assets, "SOURCE", package / "dist" / "qrcode.mjs")
    with pytest.raises(PluginError, match="kræver 2.0.4"):
        presenter_assets.check_installed()
    (package / "package.json").unlink()
    with pytest.raises(PluginError, match="mangler"):
        presenter_assets.check_installed()
