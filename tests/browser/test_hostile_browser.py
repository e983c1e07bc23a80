"""Uploads and pasted text in the real browser (issue 5): markup shows as typed and never runs;
wrong types and binary are refused with a message, not a traceback."""
from __future__ import annotations

from test_explorer import open_app, settle

XSS = "<img src=x onerror=alert(1)>"
TITLE = f"{XSS} [click](javascript:alert(1)) **bold** :red[x]"


def add_tab(page):
    page.get_by_role("tab", name="Add an article").click()
    page.get_by_role("button", name="Add to the map").wait_for(timeout=15_000)


def assert_inert(page):
    assert page.dialogs == []
    assert page.locator('img[src="x"]').count() == 0
    assert page.locator('a[href^="javascript:" i]').count() == 0
    assert page.locator("script", has_text="alert(").count() == 0
    assert page.locator('[data-testid="stException"]').count() == 0


def test_pasted_markup_is_shown_as_typed(app_server, app_page):
    page = app_page
    open_app(page, app_server.url)
    settle(page)
    add_tab(page)
    page.get_by_label("…or paste one: title").fill(TITLE)
    page.get_by_label("Text").fill(f"Kazakhstan and China met in Aktau in 2024. <script>alert(5)</script> {XSS}")
    page.get_by_role("button", name="Add to the map").click()
    ok = page.locator('[data-testid="stAlertContentSuccess"]')
    ok.wait_for(timeout=30_000)
    settle(page)
    assert TITLE[:70] in ok.inner_text()  # the message quotes the first 80 characters, as typed
    assert_inert(page)


def test_wrong_type_and_binary_uploads_show_a_message(app_server, app_page):
    page = app_page
    open_app(page, app_server.url)
    settle(page)
    add_tab(page)
    upload = page.locator('[data-testid="stFileUploader"] input[type="file"]')
    for name, data, message in [
        ("setup.exe", b"MZ\x90\x00" + bytes(range(256)), "only .md, .txt, .markdown files can be added"),
        (f"{XSS}.html", b"<p>Almaty</p>", "only .md, .txt, .markdown files can be added"),
    ]:
        upload.set_input_files(files=[{"name": name, "mimeType": "application/octet-stream", "buffer": data}])
        page.locator('[data-testid="stAlertContentError"]', has_text=message).wait_for(timeout=30_000)
        settle(page)
        assert_inert(page)
    upload.set_input_files(files=[{"name": "data.md", "mimeType": "text/markdown",
                                   "buffer": bytes(range(256)) * 8}])
    settle(page)
    page.get_by_role("button", name="Add to the map").click()
    page.locator('[data-testid="stAlertContentError"]', has_text="binary file").wait_for(timeout=30_000)
    assert_inert(page)
