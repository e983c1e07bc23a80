"""Real-browser tier: `streamlit run app.py` on a free loopback port, driven by Playwright + Debian Chromium."""
from __future__ import annotations

from pathlib import Path

import pytest
from appserver import CHROMIUM, CHROMIUM_ARGS, Server


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            if not Path(CHROMIUM).exists():
                item.add_marker(pytest.mark.skip(reason=f"{CHROMIUM} not installed (apt-get install chromium)"))


@pytest.fixture(scope="session")
def app_server():
    server = Server()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def app_browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def app_page(app_browser):
    context = app_browser.new_context(viewport={"width": 1440, "height": 1100})
    page = context.new_page()
    page.requests = []  # (resource type, url) of every request, iframes included
    page.dialogs = []
    page.console = []  # (type, text) of every console message
    page.on("request", lambda r: page.requests.append((r.resource_type, r.url)))
    page.on("console", lambda m: page.console.append((m.type, m.text)))
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    yield page
    context.close()
