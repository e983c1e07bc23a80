"""Small hand-made extractions for the explorer's tests (no gazetteer, no extractor needed)."""
from __future__ import annotations

import re
from pathlib import Path

from kzmap.records import Article, Event, Extraction, Mention, Partner, PartnerMention, Place

XSS = "<img src=x onerror=alert(1)>"
XSS2 = "<script>alert('x')</script>`${alert(2)}`\\"

ALMATY = Place("gn:1526384", "Almaty", "city", "KZ", 43.25, 76.92)
KHORGOS = Place("cur:khorgos", "Khorgos", "border_crossing", "KZ", 44.21, 80.25)
AKTAU = Place("cur:aktau-port", "Aktau port", "port", "KZ", 43.60, 51.20)
MOSCOW = Place("gn:524901", "Moscow", "city", "RU", 55.75, 37.62)
CHINA = Place("country:CN", "China", "country", "CN", 35.0, 103.0)
CENTRAL_ASIA = Place("macro:central-asia", "Central Asia", "macro_region", "", 45.0, 65.0)
EVIL = Place("cur:evil", XSS, "city", "KZ", 47.0, 70.0)


def sentences(body: str) -> tuple[tuple[int, int], ...]:
    return tuple((m.start(), m.end()) for m in re.finditer(r"[^.!?]+[.!?]?", body) if m.group().strip())


def make(path, title, body, *, published=None, url="", source="Test", places=(), partners=(), events=()):
    spans = sentences(body)
    starts = [s for s, _ in spans]

    def sent(offset):
        return max(i for i, s in enumerate(starts) if s <= offset)

    mentions = []
    for surface, place in places:
        for m in re.finditer(re.escape(surface), body):
            mentions.append(Mention(surface, m.start(), m.end(), sent(m.start()), place))
    pms = []
    for surface, code in partners:
        for m in re.finditer(re.escape(surface), body):
            pms.append(PartnerMention(code, surface, m.start(), m.end(), "name"))
    counts = {}
    for p in pms:
        counts[p.code] = counts.get(p.code, 0) + 1
    evs = []
    for text, date, kind, codes, place, date_text in events:
        at = body.index(text)
        lo, hi = next((s, e) for s, e in spans if s <= at < e)
        evs.append(Event(date=date, kind=kind, title=text[:60], evidence=body[lo:hi], evidence_start=lo,
                         evidence_end=hi, partners=tuple(codes), place=place, date_text=date_text))
    names = {"CN": "China", "RU": "Russia", "KZ": "Kazakhstan", "EU": "European Union"}
    return Extraction(
        article=Article(path=path, title=title, body=body, source=source, url=url, published=published),
        mentions=tuple(sorted(mentions, key=lambda m: m.start)), partner_mentions=tuple(pms),
        partners=tuple(Partner(c, names.get(c, c), n) for c, n in sorted(counts.items())),
        events=tuple(evs), sentences=spans)


def extractions() -> list[Extraction]:
    a = make(
        "seeds/a-china.md", "Kazakhstan meets China",
        "China and Kazakhstan signed a deal in Almaty in September 2023. "
        "Trains from China cross at Khorgos every day. "
        "Almaty hosted a summit with China and Russia on 17 May 2024. "
        "Central Asia is changing.",
        published="2023-09-17", url="https://example.com/a",
        places=[("Almaty", ALMATY), ("Khorgos", KHORGOS), ("Central Asia", CENTRAL_ASIA)],
        partners=[("China", "CN"), ("Russia", "RU"), ("Kazakhstan", "KZ")],
        events=[("China and Kazakhstan signed", "2023-09", "agreement", ["CN"], "gn:1526384", "September 2023"),
                ("Almaty hosted a summit", "2024-05-17", "summit", ["CN", "RU"], "gn:1526384", "17 May 2024")])
    b = make(
        "seeds/b-russia.md", "Kazakhstan and Russia build together",
        "Russia will expand Aktau port by 2027. "
        "Officials met in Moscow in 2025. "
        "China was not mentioned here.",
        published="2025-04-22", url="https://example.com/b",
        places=[("Aktau port", AKTAU), ("Moscow", MOSCOW), ("China", CHINA)],
        partners=[("Russia", "RU"), ("China", "CN")],
        events=[("Russia will expand Aktau port", "2027", "plan", ["RU"], "cur:aktau-port", "by 2027"),
                ("Officials met in Moscow", "2025", "visit", ["RU"], "gn:524901", "in 2025")])
    return [a, b]


def hostile() -> Extraction:
    body = (f"Russia opened {XSS} near Almaty in 2024 with {XSS2}. "
            f"Nothing else {XSS2} happened.")
    return make("seeds/evil.md", XSS, body, published="2024", url="javascript:alert(1)", source=XSS2,
                places=[(XSS, EVIL), ("Almaty", ALMATY)], partners=[("Russia", "RU")],
                events=[("Russia opened", "2024", "project", ["RU"], "cur:evil", "in 2024")])


# --- shared by tests/app and tests/browser --------------------------------------------------------
APP_PATH = str(Path(__file__).resolve().parents[1] / "app.py")


def run_app(query=None, **state):
    """Run app.py once in Streamlit's AppTest with these query parameters and session state."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP_PATH, default_timeout=180)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    for k, v in state.items():
        at.session_state[k] = v
    return at.run()


def feature_group(at) -> str:
    """The JavaScript of the changing markers that app.py hands to st_folium."""
    import json

    return json.loads(at.get("component_instance")[0].proto.json_args)["feature_group"]


def marker_rows(script: str) -> list[list]:
    """The marker rows ([lat, lon, radius, colour index, tooltip html]) in a map's HTML or feature-group JS."""
    from kzmap.mapview import read_markers

    return read_markers(script)[0]


def marker_popups(script: str) -> list[str]:
    """The full popups (evidence included) in a map's marker script; the other markers get a short one."""
    from kzmap.mapview import read_markers

    return read_markers(script)[1]


def hostile_article(body_tail: str = "") -> str:
    """An article with script and HTML payloads in every field and a javascript: url."""
    return ("---\n"
            f'title: "{XSS} <script>alert(2)</script>"\n'
            f'source: "{XSS}"\n'
            "url: javascript:alert(1)\n"
            "published: 2024-05-01\n"
            "---\n"
            f"Kazakhstan and China signed a deal in Almaty {XSS} on 1 May 2024. "
            f"Russia opened `${{alert(3)}}` a port in Aktau in 2025 <script>alert(4)</script>.{body_tail}\n")
