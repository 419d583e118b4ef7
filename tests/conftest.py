"""Shared fixtures: the strictly built site, a local static server, and Debian's chromium.

The site is built once per test session into a temporary directory; browser tests serve it on
127.0.0.1 and drive /usr/bin/chromium through Playwright (never a downloaded browser build).
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import sys
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Iterator
from typing import Literal

import pytest
from playwright.sync_api import BrowserContext, Page

from tests.site_build import ROOT, build_once, build_site, start_in_background

# Pyodide and the exercises wheel: what starts the Python engine.
ENGINE_FILES = re.compile(r".*(/pyodide/.*|\.whl)$")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


COPIED = ("docs", "exercises", "macros", "overrides", "mkdocs.yml", "pyproject.toml", "package.json")


KOMMUNE = {"navn": "Testrup Kommune", "telefon": "70 10 20 30", "svartid": "inden for to hverdage", "efter_lukketid": "ring til lægevagten"}
MARKUP = '<img src=x onerror="alert(1)">'  # must come out as text wherever data is shown


def site_copy(tmp_path: Path) -> Path:
    """A copy of the site's sources whose own `exercises` package is imported (PYTHONPATH)."""
    copy = tmp_path / "repo"
    copy.mkdir()
    for name in COPIED:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, copy / name)
    (copy / "node_modules").symlink_to(ROOT / "node_modules")
    return copy


@dataclass
class VariantBuild:
    """A build of a site copy whose data and settings differ from the repository's (see variant_build)."""

    site: Path
    output: str


@pytest.fixture(scope="session")
def variant_build(tmp_path_factory: pytest.TempPathFactory) -> VariantBuild:
    """One strict build of a copy with a kommune's contact details filled in and markup in an exercise
    title and a case summary: the kommune test and the escaping test read it (one build, not two;
    the two changes touch different pages and settings)."""
    tmp = tmp_path_factory.mktemp("variant")
    copy = site_copy(tmp)
    config = (copy / "mkdocs.yml").read_text(encoding="utf-8")
    for key, value in KOMMUNE.items():
        config, count = re.subn(rf'    {key}: ""', f'    {key}: "{value}"', config)
        assert count == 1, key
    (copy / "mkdocs.yml").write_text(config, encoding="utf-8")
    exercise = copy / "exercises" / "data" / "exercises" / "dt-vaergemaal.yml"
    text = exercise.read_text(encoding="utf-8")
    exercise.write_text(text.replace("title: ", "title: '" + MARKUP + "' # ", 1), encoding="utf-8")
    case = copy / "exercises" / "data" / "cases" / "case-01.yml"
    text = case.read_text(encoding="utf-8")
    text = text.replace('summary: "En 62-årig', "summary: '" + MARKUP + " En 62-årig", 1).replace(
        'giver naboerne skylden."', "giver naboerne skylden.'", 1
    )
    case.write_text(text, encoding="utf-8")
    result = build_site(tmp / "site", cwd=copy, extra_env={"PYTHONPATH": str(copy)})
    assert result.returncode == 0, result.stdout + result.stderr
    return VariantBuild(site=tmp / "site", output=result.stdout + result.stderr)


def run_dir(factory: pytest.TempPathFactory) -> Path:
    """This run's temporary folder, which every pytest-xdist worker shares (each has its own below it)."""
    base = factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that need no built site first: they run while the site is built (tests/site_build.py)."""
    items.sort(key=lambda item: "site_dir" in getattr(item, "fixturenames", ()))


@pytest.fixture(scope="session", autouse=True)
def _start_site_build(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Before the first test: start the site's build in the background if any selected test needs it."""
    if any("site_dir" in getattr(item, "fixturenames", ()) for item in request.session.items):
        start_in_background(run_dir(tmp_path_factory))


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's site, strictly built once per test run (see tests/site_build.py)."""
    out, result = build_once(run_dir(tmp_path_factory))
    if result is not None:
        assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return out


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep test output readable
        pass


class NoEngineHandler(QuietHandler):
    """The site without Pyodide and the wheel (404), as when the engine cannot be fetched."""

    def send_head(self):
        if ENGINE_FILES.match(self.path.split("?")[0]):
            self.send_error(404)
            return None
        return super().send_head()


class QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        """A browser that drops a download it no longer needs (a closed tab) is no error worth a traceback."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(directory: Path, handler: type[QuietHandler] = QuietHandler) -> Iterator[str]:
    """Serve a folder on a free loopback port; yield its base URL."""
    server = QuietServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> Iterator[str]:
    with serve(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def no_engine_url(site_dir: Path) -> Iterator[str]:
    """The same site from a second server that answers 404 for the engine's files."""
    with serve(site_dir, NoEngineHandler) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium mangler: kør 'make test', som installerer den (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Tab:
    """A page plus what it did: every request URL and every uncaught error."""

    page: Page
    base_url: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def open(self, path: str, wait_until: Literal["commit", "domcontentloaded", "load", "networkidle"] = "load") -> None:
        self.page.goto(self.base_url + path.lstrip("/"), wait_until=wait_until)

    def foreign_requests(self) -> list[str]:
        return [url for url in self.requests if not (url.startswith(self.base_url) or url.startswith(("data:", "blob:")))]


# What a test leaves in the browser that the next one must not see (the HTTP cache is kept).
STORAGE = "cookies,local_storage,indexeddb,cache_storage,service_workers,file_systems,websql,storage_buckets"


@pytest.fixture(scope="session")
def shared_context(browser) -> Iterator[BrowserContext]:
    """One browser context per test process, so the theme's and Pyodide's files come from the HTTP
    cache, compiled code included, after the first test: in a fresh context per test every test's
    first page load took some 0.8 s more. Each test gets its own page and empty storage (tab)."""
    # The service worker would precache the whole site (~23 MB); only the offline tests
    # (tests/browser/test_offline.py, own contexts) exercise it.
    context = browser.new_context(locale="da-DK", viewport={"width": 1280, "height": 900}, service_workers="block")
    yield context
    context.close()


@pytest.fixture
def tab(shared_context: BrowserContext, base_url: str, no_engine_url: str, request: pytest.FixtureRequest) -> Iterator[Tab]:
    # Every exercise page starts Pyodide when the browser is idle: some 5 s of a core for each test
    # that opens one. Only tests marked @pytest.mark.engine get it; the others use the server
    # without the engine's files and see the exercises as a user does when the engine cannot load.
    # (A blocking route would do it too, but routing sends every request through Playwright and
    # made each page load some 0.2 s slower.)
    url = no_engine_url if request.node.get_closest_marker("engine") is None else base_url
    page = shared_context.new_page()
    session = shared_context.new_cdp_session(page)
    for origin in (base_url, no_engine_url):
        session.send("Storage.clearDataForOrigin", {"origin": origin.rstrip("/"), "storageTypes": STORAGE})
    session.detach()
    tab = Tab(page=page, base_url=url)
    page.on("request", lambda request: tab.requests.append(request.url))
    page.on("pageerror", lambda error: tab.errors.append(str(error)))
    yield tab
    for opened in list(shared_context.pages):  # the test's page and any it opened
        opened.close()
    shared_context.clear_permissions()


def wait_ready(tab: Tab, exercise_id: str, timeout: float = 120_000) -> None:
    """Wait until the Python engine reports ready for this exercise (Pyodide loads in a worker)."""
    root = f'[data-exercise-id="{exercise_id}"]'
    tab.page.wait_for_selector(f'{root}[data-runtime="ready"], {root}[data-runtime="unavailable"]', timeout=timeout)
    state = tab.page.get_attribute(root, "data-runtime")
    assert state == "ready", f"{exercise_id}: the engine is {state!r}; a test that needs it is marked @pytest.mark.engine"
