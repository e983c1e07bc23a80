import pytest

from kzmap.html import Span, esc, highlight, link, reader_html, safe_url, sentence_html

XSS = "<img src=x onerror=alert(1)>"


@pytest.mark.parametrize("raw,bad", [
    (XSS, "<img"), ("<script>alert(1)</script>", "<script"), ("`${alert(1)}`", "`"),
    ("a\\u{", "\\"), ('" onmouseover="x', '"'), ("' onmouseover='x", "'"),
])
def test_esc_leaves_no_markup_or_template_literal_breakers(raw, bad):
    out = esc(raw)
    assert bad not in out and "${" not in out


@pytest.mark.parametrize("url,ok", [
    ("https://example.com/a?b=1", True), ("http://example.com", True), ("HTTPS://EXAMPLE.COM", True),
    ("javascript:alert(1)", False), ("data:text/html,<b>", False), (" ", False), ("", False), (None, False),
    ("https://ex ample.com", False), ('https://e.com/"onclick=1', False), ("//evil.com", False),
    ("ftp://example.com", False), ("https://" + "a" * 3000, False),
])
def test_safe_url(url, ok):
    assert (safe_url(url) is not None) == ok


def test_link_only_for_http():
    assert link("javascript:alert(1)", "t") == "t"
    assert link("https://e.com", XSS).startswith('<a href="https://e.com"')
    assert "<img" not in link("https://e.com", XSS)


def test_highlight_escapes_and_marks():
    out = highlight(f"In {XSS} today", [Span(3, 3 + len(XSS))])
    assert out.startswith("In <mark class=\"kz-place\">&lt;img") and "<img" not in out


def test_highlight_skips_bad_and_overlapping_spans():
    out = highlight("Almaty and Astana", [Span(0, 6), Span(2, 8), Span(-1, 3), Span(5, 999)])
    assert out.count("<mark") == 1


def test_long_sentence_is_shortened_around_the_surface():
    s = "x" * 1000 + " Almaty " + "y" * 1000
    out = sentence_html(s, 1001, 1007, limit=200)
    assert "<mark class=\"kz-place\">Almaty</mark>" in out and len(out) < 400


def test_reader_escapes_and_highlights(app_hostile):
    out = reader_html(app_hostile)
    assert "<img" not in out and "<script" not in out and "`" not in out
    assert 'class="kz-place"' in out and 'class="kz-partner"' in out and 'class="kz-date"' in out
