"""HTML for popups, tooltips, the evidence table and the article reader; every data string escaped.

Folium pastes popup and tooltip HTML raw into JavaScript template literals
(``$(`...`)[0]`` and ``bindTooltip(`...`)``), so ``esc`` escapes not only ``<>&"'`` but also the
three characters that would end or evaluate inside a template literal: backtick, ``$`` and
backslash. Everything that came from an article (title, source, surface, sentence, url) goes
through ``esc``; links are made only for http(s) URLs (``safe_url``).
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

_TEMPLATE_LITERAL = str.maketrans({"`": "&#96;", "$": "&#36;", "\\": "&#92;"})
_URL_RE = re.compile(r"https?://[^\s<>\"'`\\]+", re.IGNORECASE)


def esc(value: object) -> str:
    """Escape any value for HTML text or a quoted attribute, safe inside a JS template literal too."""
    if value is None:
        return ""
    return html.escape(str(value), quote=True).translate(_TEMPLATE_LITERAL)


def safe_url(url: object) -> str | None:
    """``url`` if it is a plain http(s) address, else None (``javascript:``, ``data:``, blanks...)."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    if len(url) > 2000 or not _URL_RE.fullmatch(url):
        return None
    return url


def link(url: object, text: object, *, fallback: str | None = None) -> str:
    """``<a>`` to ``url`` showing ``text`` (escaped); plain escaped text when the URL is not http(s)."""
    good = safe_url(url)
    label = esc(text if text not in (None, "") else (fallback or url or ""))
    if good is None:
        return label
    return f'<a href="{esc(good)}" target="_blank" rel="noopener noreferrer">{label}</a>'


@dataclass(frozen=True)
class Span:
    """A stretch of text to highlight: offsets into the text, a CSS class and a hover title."""
    start: int
    end: int
    cls: str = "place"
    title: str = ""


def highlight(text: str, spans: Iterable[Span], *, tag: str = "mark") -> str:
    """``text`` escaped, with each span wrapped in ``<mark class=...>``.

    Spans that fall outside the text or overlap an earlier (longer-first) span are skipped, so
    offsets from any source can be passed safely.
    """
    chosen: list[Span] = []
    for s in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if not (0 <= s.start < s.end <= len(text)):
            continue
        if chosen and s.start < chosen[-1].end:
            continue
        chosen.append(s)
    out: list[str] = []
    pos = 0
    for s in chosen:
        out.append(esc(text[pos:s.start]))
        title = f' title="{esc(s.title)}"' if s.title else ""
        out.append(f'<{tag} class="kz-{esc(s.cls)}"{title}>{esc(text[s.start:s.end])}</{tag}>')
        pos = s.end
    out.append(esc(text[pos:]))
    return "".join(out)


def sentence_html(sentence: str, start: int, end: int, *, limit: int = 400) -> str:
    """One evidence sentence with ``sentence[start:end]`` highlighted, shortened around it if long."""
    if len(sentence) > limit and 0 <= start < end <= len(sentence):
        half = max(40, (limit - (end - start)) // 2)
        lo, hi = max(0, start - half), min(len(sentence), end + half)
        prefix, suffix = ("… " if lo > 0 else ""), (" …" if hi < len(sentence) else "")
        return esc(prefix) + highlight(sentence[lo:hi], [Span(start - lo, end - lo)]) + esc(suffix)
    if len(sentence) > limit:
        return esc(sentence[:limit]) + " …"
    return highlight(sentence, [Span(start, end)])


READER_CSS = """
<style>
.kz-reader { line-height: 1.6; max-height: 32rem; overflow-y: auto; padding-right: .5rem; }
.kz-reader p { margin: 0 0 .8em 0; }
.kz-reader mark { padding: 0 .15em; border-radius: .2em; color: inherit; }
.kz-reader mark.kz-place { background: rgba(255, 196, 0, .35); }
.kz-reader mark.kz-partner { background: rgba(31, 119, 180, .25); }
.kz-reader mark.kz-date { background: rgba(44, 160, 44, .28); }
.kz-reader mark.kz-figure { background: rgba(148, 103, 189, .28); }
.kz-legend mark { padding: 0 .3em; border-radius: .2em; color: inherit; }
.kz-legend mark.kz-place { background: rgba(255, 196, 0, .35); }
.kz-legend mark.kz-partner { background: rgba(31, 119, 180, .25); }
.kz-legend mark.kz-date { background: rgba(44, 160, 44, .28); }
.kz-legend mark.kz-figure { background: rgba(148, 103, 189, .28); }
.kz-sentences { max-height: 22rem; overflow-y: auto; padding-left: 1.6rem; margin: 0 0 1rem 0; }
.kz-sentences li { margin-bottom: .45rem; }
.kz-sentences q { quotes: none; }
.kz-sentences mark { padding: 0 .15em; border-radius: .2em; color: inherit; background: rgba(255, 196, 0, .35); }
.kz-sentences .kz-src { color: #666; font-size: .85rem; }
</style>
"""


def reader_spans(extraction) -> list[Span]:
    """Highlights for the article reader: places, partners, event dates and money figures."""
    body = extraction.article.body
    spans: list[Span] = []
    for m in extraction.mentions:
        spans.append(Span(m.start, m.end, "place", f"{m.place.name} ({m.place.kind}, {m.place.country or '-'})"))
    for p in extraction.partner_mentions:
        spans.append(Span(p.start, p.end, "partner", f"partner {p.code}"))
    for e in extraction.events:
        if e.date_text:
            at = body.find(e.date_text, e.evidence_start, max(e.evidence_end, e.evidence_start))
            if at >= 0:
                spans.append(Span(at, at + len(e.date_text), "date", f"{e.kind}: {e.date}"))
    for f in extraction.figures:
        spans.append(Span(f.start, f.end, "figure", f"{f.measure}"))
    return spans


def reader_html(extraction, *, max_chars: int = 200_000) -> str:
    """The article body as escaped paragraphs with its places, partners and dates highlighted."""
    body = extraction.article.body[:max_chars]
    spans = [s for s in reader_spans(extraction) if s.end <= len(body)]
    paragraphs: list[str] = []
    for block in re.finditer(r"\S(?:.*?)(?=\n\s*\n|\Z)", body, re.DOTALL):
        lo, hi = block.start(), block.end()
        local = [Span(s.start - lo, s.end - lo, s.cls, s.title) for s in spans if lo <= s.start and s.end <= hi]
        paragraphs.append("<p>" + highlight(body[lo:hi], local).replace("\n", "<br>") + "</p>")
    return READER_CSS + '<div class="kz-reader">' + "".join(paragraphs) + "</div>"


def legend_html() -> str:
    return (READER_CSS + '<div class="kz-legend"><mark class="kz-place">place</mark> '
            '<mark class="kz-partner">partner</mark> <mark class="kz-date">event date</mark> '
            '<mark class="kz-figure">figure</mark></div>')


def swatch(color: str) -> str:
    """A small coloured square; ``color`` must be a #rrggbb value (checked, else grey)."""
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", color or ""):
        color = "#999999"
    return (f'<span style="display:inline-block;width:.8em;height:.8em;border-radius:50%;'
            f'background:{color};margin-right:.35em;vertical-align:-.05em"></span>')



