"""Render the app icon (overrides/assets/images/icon.svg) to the PNG sizes the web app manifest lists.

Run after changing the SVG: `.venv/bin/python deploy/make_icons.py`. It uses Debian's chromium
through Playwright, as the tests do, so no image library is needed.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

IMAGES = ROOT / "overrides" / "assets" / "images"
SIZES = (192, 512)


def main() -> None:
    from playwright.sync_api import sync_playwright

    svg = (IMAGES / "icon.svg").read_text(encoding="utf-8")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for size in SIZES:
            page = browser.new_page(viewport={"width": size, "height": size})
            page.set_content(f'<body style="margin:0">{svg.replace("<svg ", f"<svg width={size} height={size} ", 1)}</body>')
            page.screenshot(path=str(IMAGES / f"icon-{size}.png"), omit_background=True)
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
