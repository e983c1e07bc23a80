"""Properties of the whole extractor and of the file decoder on arbitrary input (issue 5).

``extract(article, gaz)`` on any text never raises; every offset slices back to its surface;
every event date is a real calendar date in YYYY, YYYY-MM or YYYY-MM-DD; every coordinate is in
range. ``parse_bytes`` on any bytes never raises and returns an article or a problem naming the
file. Bounded (200 examples each, no deadline) so the file runs in seconds.
"""
from __future__ import annotations

import calendar
import codecs
import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kzmap.corpus import parse_bytes
from kzmap.extract import extract
from kzmap.records import Article

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

PLACES = ["Astana", "Nur-Sultan", "Akmola", "Almaty", "Khorgos", "Khorgas", "Horgos", "Aktau", "Kuryk", "Baku",
          "Alat", "Karaganda", "Karagandy region", "Qaraghandy", "Strait of Malacca", "Malacca", "Caspian Sea",
          "Nur Zholy", "Nurly Zhol", "Dostyk", "Alashankou", "Bakhty", "Ayagoz", "Tashkent", "Samarkand",
          "Brussels", "Rome", "Moscow", "Georgia", "Türkiye", "China", "South China Morning Post",
          "China Development Bank", "Eurasian Economic Union", "the United Kingdom", "Britain", "UK", "U.S.",
          "EU", "European", "Chinese", "Russian", "Kazakh", "Kazakhstan", "Xi Jinping", "Keir Starmer",
          "Mishustin", "Meloni", "Kassym-Jomart Tokayev", "Asia", "Central", "Union", "Summit", "Vladimir",
          "Астана", "Хоргос", "Алматы", "Mr.", "Dr.", "St."]
PUNCT = [".", ",", ";", ":", "!", "?", "…", "(", ")", "[", "]", "\"", "“", "”", "«", "»", "/", "&", "%", "#", "*"]
DASHES = ["-", "\u2010", "\u2011", "\u2013", "\u2014", " - ", " – "]
APOSTROPHES = ["'", "'s", "\u2019", "\u2019s", "\u02bc", "s'", "'S"]
SPACES = [" ", " ", " ", "\n", "\n\n", "\t", "\u00a0", "\r\n", "\u2028"]
DATES = ["2025", "2025-04", "2025-04-01", "12 April 2025", "April 12, 2025", "April 2025", "in 2024", "by 2030",
         "since 1992", "until 2029", "2024\u20132025", "2024-2025", "from March to May 2025", "Q3 2025",
         "the 1990s", "31 February 2025", "29 February 2024", "2025-13-45", "30 Feb", "last year", "next month",
         "yesterday", "on Monday", "early 2026", "mid-2025", "the end of 2027", "0000", "9999", "2100", "1900",
         "in 1613", "since 1840 to", "in 1500 wells",
         "December 31", "January 1st", "on 31 September", "in May", "May", "recent summit"]
MONEY = ["$1.5bn", "USD 4 billion", "US $4bn", "€300m", "£2 million", "1,000,000 tenge", "$", "€", "bn", "billion",
         "hundreds of millions of dollars", "$0", "$9999999999999999999999 trillion", "1.2.3 million", "15%",
         "trade reached", "investment of", "loan", "signed", "agreement", "visited", "summit", "will open"]
WORDS = ["the", "and", "of", "in", "on", "by", "with", "between", "from", "to", "said", "ports", "railway",
         "region", "oblast", "border crossing", "port", "dry port", "northern", "Western", "A", "I", "a"]
DIGITS = st.integers(min_value=-10, max_value=10**12).map(str)

FRAGMENT = st.one_of(
    st.sampled_from(PLACES), st.sampled_from(PUNCT), st.sampled_from(DASHES), st.sampled_from(APOSTROPHES),
    st.sampled_from(SPACES), st.sampled_from(DATES), st.sampled_from(MONEY), st.sampled_from(WORDS), DIGITS,
    st.text(max_size=4),
)
NEWSY = st.lists(FRAGMENT, max_size=60).map("".join)
ANY_TEXT = st.text(max_size=400)
PUBLISHED = st.one_of(st.none(), st.sampled_from(["2025", "2025-04", "2025-04-15", "2024-02-29", "1999-12-31"]))

ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def is_date(s: str) -> bool:
    m = ISO.fullmatch(s)
    if not m:
        return False
    y, mo, d = m.groups()
    if mo is not None and not 1 <= int(mo) <= 12:
        return False
    return d is None or 1 <= int(d) <= calendar.monthrange(int(y), int(mo))[1]


def check(x, body: str) -> None:
    for m in x.mentions:
        assert body[m.start:m.end] == m.surface, m
        assert 0 <= m.sentence < max(1, len(x.sentences)), m
        assert -90 <= m.place.lat <= 90 and -180 <= m.place.lon <= 180, m.place
    for p in x.partner_mentions:
        assert body[p.start:p.end] == p.surface, p
    for e in x.events:
        assert is_date(e.date), e
        assert e.end is None or is_date(e.end), e
        assert body[e.evidence_start:e.evidence_end] == e.evidence, e
    for f in x.figures:
        assert body[f.start:f.end] == f.surface, f
    for s, e in x.sentences:
        assert 0 <= s < e <= len(body)


@SETTINGS
@given(body=ANY_TEXT, published=PUBLISHED)
def test_extract_on_arbitrary_text(gaz, body, published):
    check(extract(Article(path="p.md", title="t", body=body, published=published), gaz), body)


@SETTINGS
@given(body=NEWSY, published=PUBLISHED)
def test_extract_on_newsy_fragments(gaz, body, published):
    check(extract(Article(path="p.md", title="t", body=body, published=published), gaz), body)


# --- decoding -----------------------------------------------------------------------------------

def _encoded(text: str, codec: str, bom: bytes) -> bytes:
    try:
        return bom + text.encode(codec)
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass")


BYTES = st.one_of(
    st.binary(max_size=2000),
    st.builds(_encoded, st.one_of(ANY_TEXT, NEWSY),
              st.sampled_from(["utf-8", "utf-16-le", "utf-16-be", "utf-32", "cp1251", "cp1252", "latin-1"]),
              st.sampled_from([b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE])),
    st.lists(st.sampled_from([b"---\n", b"title: x\n", b"published: 2025-13-45\n", b"url: javascript:alert(1)\n",
                              b"\r\n", b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b": [", b"{{", b"Astana ", b"\xd5\xee"]),
             max_size=12).map(b"".join),
)


@SETTINGS
@given(data=BYTES)
def test_parse_bytes_never_raises(data):
    article, problems = parse_bytes("dir/file.md", data)
    assert article is not None or problems
    assert all(p.path == "dir/file.md" and p.error for p in problems)
    # whatever comes out can be printed as the CLI's JSON (no lone surrogates)
    json.dumps({"problems": [p.error for p in problems]}, ensure_ascii=False).encode("utf-8")
    if article is not None:
        assert article.path == "dir/file.md" and article.body.strip()
        for s in (article.body, article.title, article.source, article.url, article.author):
            s.encode("utf-8")
        assert article.url == "" or article.url.lower().startswith(("http://", "https://"))
        assert article.published is None or is_date(article.published)
