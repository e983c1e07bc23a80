"""Plain-text helpers shared by the extractors: sentence spans and small predicates.

Pure functions over ``str``; offsets are always character offsets into the text given.
"""
from __future__ import annotations

import re
from functools import lru_cache

APOSTROPHES = "'\u2019\u02bc"
# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "mt", "jr", "sr", "gen", "col", "lt", "sgt", "rep", "sen",
    "gov", "pres", "vs", "etc", "e.g", "i.e", "no", "nos", "approx", "est", "inc", "ltd", "co", "corp",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "fig", "ca",
    "u.s", "u.k", "u.n", "e.u", "u.s.a", "p.m", "a.m",
}
# A sentence ends at a run of line breaks, or at [.!?…] (and closing quotes) before a capital or a digit.
# Written to start with one character class, so the regex engine can skip plain text quickly.
_BOUNDARY = re.compile(r"[.!?…\n](?:(?<=\n)\n*|(?<=[.!?…])[.!?…]*[\"'\u201d\u2019)\]]*"
                       r"(?=\s+[\"'\u201c\u2018(\[]*[A-Z0-9\u0400-\u04FF]))")
_WORD_BEFORE = re.compile(r"[\w.]+$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentences; returns (start, end) spans with surrounding blanks trimmed.

    Line breaks always end a sentence (headings, list items, paragraphs); ``.``/``!``/``?``
    end one when the next word starts with a capital or digit and the word before is not a
    known abbreviation or a single initial ("J. Smith").
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        ms = m.start()
        if text[ms] == "." and "\n" not in m.group():
            before = _WORD_BEFORE.search(text, max(0, ms - 24), ms)
            word = before.group().lower().rstrip(".") if before else ""
            if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
        _add_span(text, start, m.end(), spans)
        start = m.end()
    _add_span(text, start, len(text), spans)
    return spans


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    seg = text[start:end]
    kept = seg.strip()
    if kept:
        a = start + len(seg) - len(seg.lstrip())
        spans.append((a, a + len(kept)))



def fold(s: str) -> str:
    """Case-insensitive lookup key: lower case, curly apostrophes and dashes made plain."""
    if s.isascii():
        return s.lower()
    return (s.replace("\u2019", "'").replace("\u02bc", "'").replace("\u2010", "-").replace("\u2011", "-")
            .replace("\u2013", "-").replace("\u2014", "-").casefold())


_SKELETON_RULES = (("dzh", "j"), ("kh", "h"), ("zh", "j"), ("dj", "j"), ("gh", "g"), ("ts", "c"), ("ch", "c"),
                   ("sh", "s"), ("q", "k"), ("y", "i"), ("w", "v"), ("ou", "u"), ("'", ""), ("-", ""), (" ", ""))


@lru_cache(maxsize=65536)
def skeleton(s: str) -> str:
    """A spelling-insensitive key for transliterated names: "Moiynty", "Moyynty" and "Mointy" all
    give "mointi"; "Qaraghandy" and "Karagandy" give "karagandi"."""
    import unicodedata

    s = "".join(c for c in unicodedata.normalize("NFKD", fold(s)) if not unicodedata.combining(c))
    for a, b in _SKELETON_RULES:
        s = s.replace(a, b)
    out: list[str] = []
    for c in s:
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)
