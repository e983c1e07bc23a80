"""Typed records that flow through the pipeline (see ARCHITECTURE in README).

Every record is a frozen dataclass; coordinates are always named ``lat``/``lon``
(WGS84, EPSG:4326). ``to_dict`` functions give the JSON shape of the CLI contract.
"""
from __future__ import annotations

import json
import pickle
import zlib
from dataclasses import asdict, dataclass, field
from json.encoder import encode_basestring as _q  # C-accelerated JSON string quoting

PLACE_KINDS = (
    "city", "town", "village", "border_crossing", "port", "region", "country_part",
    "country", "sea", "strait", "deposit", "macro_region", "other",
)
def date_precision(value: str | None) -> str | None:
    """"2025" -> "year", "2025-04" -> "month", "2025-04-21" -> "day"; None when there is no date."""
    return {4: "year", 7: "month", 10: "day"}.get(len(value)) if value else None


EVENT_KINDS = ("agreement", "summit", "visit", "project", "announcement", "investment", "plan", "other")


@dataclass(frozen=True)
class Article:
    path: str
    title: str
    body: str
    source: str = ""
    url: str = ""
    author: str = ""
    published: str | None = None  # "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    warnings: tuple[str, ...] = ()  # non-fatal issues found while reading (e.g. a rejected url)

    @property
    def published_precision(self) -> str | None:
        return date_precision(self.published)


@dataclass(frozen=True)
class Problem:
    """A file that could not be read: kept and shown, never dropped."""
    path: str
    error: str


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    kind: str
    country: str  # ISO 3166-1 alpha-2, "" for seas and macro regions
    lat: float
    lon: float
    population: int = 0
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mention:
    surface: str
    start: int  # character offsets into Article.body
    end: int
    sentence: int  # index of the sentence in Article.body
    place: Place
    metonym: bool = False


@dataclass(frozen=True)
class PartnerMention:
    code: str  # ISO alpha-2 or "EU"
    surface: str
    start: int
    end: int
    via: str  # "name", "demonym", "actor"


@dataclass(frozen=True)
class Partner:
    code: str
    name: str
    count: int


@dataclass(frozen=True)
class Event:
    date: str  # YYYY, YYYY-MM or YYYY-MM-DD
    kind: str
    title: str
    evidence: str  # the sentence, verbatim
    evidence_start: int  # offsets of the evidence in Article.body
    evidence_end: int
    end: str | None = None  # end date of a range
    partners: tuple[str, ...] = ()
    place: str | None = None
    date_text: str = ""  # the date as written
    confidence: float = 0.5


@dataclass(frozen=True)
class Figure:
    surface: str
    amount: float | None  # None for vague amounts ("hundreds of millions of dollars")
    currency: str
    measure: str  # trade, investment, package, loan, gdp, other
    evidence: str
    start: int
    end: int
    partners: tuple[str, ...] = ()
    year: int | None = None
    vague: bool = False


@dataclass(frozen=True)
class Extraction:
    article: Article
    mentions: tuple[Mention, ...] = ()
    partner_mentions: tuple[PartnerMention, ...] = ()
    partners: tuple[Partner, ...] = ()
    events: tuple[Event, ...] = ()
    figures: tuple[Figure, ...] = ()
    sentences: tuple[tuple[int, int], ...] = field(default=(), repr=False)


@dataclass(frozen=True, slots=True)
class PackedExtraction:
    """One extraction as zlib-packed pickle bytes (about a tenth of its size in memory): made where it is
    extracted, sent as is by the extraction child (``kzmap.worker``) and kept as is by the app, so
    nobody pickles it twice (re-packing 10,000 extractions cost the app's server 4 s)."""
    blob: bytes

    @classmethod
    def of(cls, x: Extraction) -> PackedExtraction:
        return cls(zlib.compress(pickle.dumps(x, protocol=pickle.HIGHEST_PROTOCOL), 1))

    def unpack(self) -> Extraction:
        x = pickle.loads(zlib.decompress(self.blob))  # noqa: S301 - bytes this package packed itself
        if not isinstance(x, Extraction):
            raise TypeError(f"not a packed extraction but a {type(x).__name__}")
        return x


def place_to_dict(p: Place) -> dict:
    return {"id": p.id, "name": p.name, "kind": p.kind, "country": p.country,
            "lat": round(p.lat, 5), "lon": round(p.lon, 5)}


def mention_to_dict(m: Mention) -> dict:
    return {"surface": m.surface, "start": m.start, "end": m.end, "sentence": m.sentence,
            "metonym": m.metonym, "place": place_to_dict(m.place)}


def event_to_dict(e: Event) -> dict:
    return {"date": e.date, "end": e.end, "kind": e.kind, "title": e.title,
            "partners": list(e.partners), "place": e.place, "evidence": e.evidence,
            "start": e.evidence_start, "evidence_end": e.evidence_end, "date_text": e.date_text,
            "confidence": round(e.confidence, 2)}


def figure_to_dict(f: Figure) -> dict:
    d = asdict(f)
    d["partners"] = list(f.partners)
    return d


def extraction_to_dict(x: Extraction) -> dict:
    a = x.article
    return {
        "file": a.path, "title": a.title, "source": a.source, "author": a.author, "url": a.url,
        "published": a.published, "warnings": list(a.warnings),
        "mentions": [mention_to_dict(m) for m in x.mentions],
        "partners": [{"code": p.code, "name": p.name, "count": p.count} for p in x.partners],
        "events": [event_to_dict(e) for e in x.events],
        "figures": [figure_to_dict(f) for f in x.figures],
    }


def problem_to_dict(p: Problem) -> dict:
    return {"file": p.path, "error": p.error}


_PLACE_JSON: dict[int, tuple[Place, str]] = {}


def _place_json(p: Place) -> str:
    # Keyed by identity (hashing a frozen record hashes every field); the entry keeps the place alive,
    # so its id cannot be reused while it is cached.
    entry = _PLACE_JSON.get(id(p))
    if entry is None or entry[0] is not p:
        if len(_PLACE_JSON) > 50_000:
            _PLACE_JSON.clear()
        entry = _PLACE_JSON[id(p)] = (p, json.dumps(place_to_dict(p), ensure_ascii=False))
    return entry[1]


def extraction_json(x: Extraction) -> str:
    """``json.dumps(extraction_to_dict(x), ensure_ascii=False)``, byte for byte, but faster: the
    mentions (most of the output) are written directly, each place's JSON made once."""
    mentions = ", ".join(
        f'{{"surface": {_q(m.surface)}, "start": {m.start}, "end": {m.end}, "sentence": {m.sentence}, '
        f'"metonym": {"true" if m.metonym else "false"}, "place": {_place_json(m.place)}}}'
        for m in x.mentions)
    d = extraction_to_dict(x.__class__(article=x.article, partners=x.partners, events=x.events, figures=x.figures))
    head = json.dumps(d, ensure_ascii=False)
    marker = '"mentions": []'
    i = head.index(marker)
    return f"{head[:i]}\"mentions\": [{mentions}]{head[i + len(marker):]}"
