"""Browser-test fixtures: built sites served on 127.0.0.1, and one Chromium for the whole session.

``mini_site``: tests/fixtures/html/mini.xml built with the project's real stylesheets and search
index (every kind of markup, small and fixed); ``edition_site``: the real edition's pages, from the
build of the whole run (conftest.py's ``built_edition``). ``mini_url``/``edition_url``: their addresses.
``screenshots``: a temporary folder for screenshots and PDFs (``$EDITION_SCREENSHOTS`` keeps them for review).
``browser``: Debian's /usr/bin/chromium driven by playwright (no browser download), one per session;
``new_page(js=True)``: a fresh context with clipboard permissions that records every request.
"""
from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from edition.build import write_outputs
from edition.project import Project
from edition.serve import make_server

CHROMIUM = Path("/usr/bin/chromium")
#: Debian's chromium, headless, with nothing that phones home (the machine's network is closed).
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-default-apps", "--disable-extensions", "--metrics-recording-only"]
@pytest.fixture(scope="session")
def screenshots(tmp_path_factory) -> Path:
    """Where screenshots go: ``$EDITION_SCREENSHOTS`` if set (outside the working tree), else a temporary folder."""
    if os.environ.get("EDITION_SCREENSHOTS"):
        folder = Path(os.environ["EDITION_SCREENSHOTS"])
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    return tmp_path_factory.mktemp("screenshots")


def build_site(project: Project, document_xml: bytes, out: Path) -> Path:
    """Every output of the project's stylesheets and steps for ``document_xml`` (search index included); returns html/."""
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    write_outputs(project, document_xml, out, {"ids": False, "base-url": ""})
    return out / "html"


@pytest.fixture(scope="session")
def mini_site(tmp_path_factory, repo_root) -> Path:
    fixture = repo_root / "tests" / "fixtures" / "html" / "mini.xml"
    return build_site(Project(repo_root), fixture.read_bytes(), tmp_path_factory.mktemp("mini"))


@pytest.fixture(scope="session")
def edition_site(built_edition) -> Path:
    """The real edition's pages and search index: the one build of the run (read only)."""
    return built_edition.build_dir / "html"


def _serve(folder: Path):
    server = make_server(folder, 0, quiet=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def _served(folder: Path):
    """Yield the URL of ``folder`` served on 127.0.0.1 until the session ends."""
    server, url = _serve(folder)
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def mini_url(mini_site: Path):
    yield from _served(mini_site)


@pytest.fixture(scope="session")
def edition_url(edition_site: Path):
    yield from _served(edition_site)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Recorder:
    """Every URL a page asked for."""

    def __init__(self) -> None:
        self.urls: list[str] = []

    def foreign(self) -> list[str]:
        """Requests to any host but 127.0.0.1 (data: and blob: URLs are not requests to a host)."""
        return [u for u in self.urls if urlsplit(u).scheme in {"http", "https", "ws", "wss"}
                and urlsplit(u).hostname != "127.0.0.1"]


@pytest.fixture
def new_page(browser):
    """``new_page(js=True, width=1280, height=900, touch=False)``: a page in a fresh context (a phone's touch screen
    with ``touch``); ``page.requests`` records requests."""
    contexts = []

    def make(js: bool = True, width: int = 1280, height: int = 900, touch: bool = False):
        context = browser.new_context(java_script_enabled=js, viewport={"width": width, "height": height},
                                      has_touch=touch, is_mobile=touch,
                                      permissions=["clipboard-read", "clipboard-write"] if js else [])
        contexts.append(context)
        page = context.new_page()
        recorder = Recorder()
        page.on("request", lambda request: recorder.urls.append(request.url))
        page.requests = recorder
        return page

    yield make
    for context in contexts:
        context.close()
