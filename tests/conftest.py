"""Shared test helpers: the sample edition, a converter, the validator."""

from __future__ import annotations

import http.server
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_EDITION = ROOT / "editions" / "korean-1956"
SAMPLE = SAMPLE_EDITION / "transcripts" / "korean-delegation-1956-09-16.txt"
TRANSCRIPTS = ROOT / "tests" / "fixtures" / "transcripts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright, one for the session: Playwright's sync
    API runs one instance per process, so every browser test shares it."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def validator():
    """One Validator (profile compiled once, jing in one JVM per batch) for the session."""
    from tei_edition.validate import Validator

    return Validator()


@pytest.fixture
def network_recorder():
    """A local HTTP server that records every request: (its URL, the paths asked
    for). Whatever it serves says FETCHED-FROM-NETWORK, should it ever be read."""
    requests: list[str] = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the http.server API)
            requests.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b'<!ENTITY leaked "FETCHED-FROM-NETWORK">')

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", requests
    finally:
        server.shutdown()
