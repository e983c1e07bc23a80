"""The place index: GeoNames extract, curated places, countries and actors from ``geo/``.

``load_gazetteer()`` reads the committed files once, builds lookup tables and keeps them in a
pickle cache keyed by the files' contents, so later loads take a few hundred milliseconds.
Imports neither Streamlit nor geopandas.
"""
from __future__ import annotations

import csv
import hashlib
import json
import math
import os
import pickle
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .records import Place
from .text import fold, skeleton

GEO_DIR = Path(__file__).resolve().parent.parent / "geo"
FILES = ("gazetteer.tsv", "regions.tsv", "curated.csv", "countries.csv", "actors.csv", "stopnames.txt",
         "common_words.txt", "countries.geojson")
CACHE_VERSION = "6"
TRANSLIT_COUNTRIES = frozenset({"KZ", "UZ", "KG", "TJ", "TM", "MN", "AZ"})
NEIGHBOURHOOD = frozenset({"KZ", "CN", "RU", "UZ", "KG", "TJ", "TM", "AZ", "GE", "MN", "AF", "IR", "TR", "AM"})
HISTORICAL = frozenset({"SU"})


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    lat: float
    lon: float
    capital: str = ""
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat


@dataclass(frozen=True)
class Actor:
    surface: str
    code: str
    role: str


@dataclass
class Gazetteer:
    places: dict[str, Place] = field(default_factory=dict)
    # folded name -> ids of places with that name; ``main`` ids are places whose own (or curated)
    # name it is, ``alias`` ids only list it among alternate names.
    main: dict[str, tuple[str, ...]] = field(default_factory=dict)
    alias: dict[str, tuple[str, ...]] = field(default_factory=dict)
    countries: dict[str, Country] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)  # exact surface -> code
    country_fold: dict[str, str] = field(default_factory=dict)  # folded name -> code
    demonyms: dict[str, str] = field(default_factory=dict)  # exact surface -> code
    actors: dict[str, Actor] = field(default_factory=dict)  # exact surface -> actor
    stopnames: frozenset[str] = frozenset()  # folded single words that are common English words
    common_words: frozenset[str] = frozenset()  # common lowercase English words (not name starts)
    first_words: frozenset[str] = frozenset()  # folded first tokens of every multi-token key
    max_tokens: int = 1
    # ``first_words`` entry -> the most tokens (split at spaces and hyphens) of a key starting with it
    first_max: dict[str, int] = field(default_factory=dict)
    trail_words: frozenset[str] = frozenset()  # folded words that precede another word in some name
    partner_starts: frozenset[str] = frozenset()  # first words of multi-word country and actor names
    # exact words that can start a partner mention: ``partner_starts`` and one-word names, demonyms, actors
    partner_words: frozenset[str] = frozenset()
    partner_max: dict[str, int] = field(default_factory=dict)  # first word -> most words of a name it starts
    # folded single words that can start a place or partner name (``runs`` skips all others alone)
    interest: frozenset[str] = frozenset()
    # transliteration skeleton (text.skeleton) of single-word names of places in Central Asia -> ids
    skeletons: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # a sea's first word alone, also an adjective ("the Caspian" is the sea, "Caspian ports" are not a place)
    bare_seas: frozenset[str] = frozenset()
    # a curated river's name without "River", where the bare word is a town or nothing ("the Chu", "the Ishim"):
    # folded word -> the river's id; the river only after "the" and before no noun
    bare_rivers: dict[str, str] = field(default_factory=dict)

    # The cache stores places as plain tuples (``rows``), which unpickle far faster than objects;
    # ``place`` makes the ``Place`` of an id on first use.
    rows: dict[str, tuple] = field(default_factory=dict)

    def place(self, pid: str) -> Place:
        p = self.places.get(pid)
        if p is None:
            p = self.places[pid] = Place(*self.rows[pid])
        return p

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        if self.places and not self.rows:
            state["rows"] = {pid: (p.id, p.name, p.kind, p.country, p.lat, p.lon, p.population, p.aliases)
                             for pid, p in self.places.items()}
        state["places"] = {}
        return state

    def candidates(self, key: str) -> list[tuple[Place, bool]]:
        """Places named ``key`` (folded), each with True when it is the place's main name.

        A key starting with "~" is a transliteration skeleton (``skeleton_key``)."""
        if key.startswith("~"):
            return [(self.place(i), False) for i in self.skeletons.get(key[1:], ())]
        out = [(self.place(i), True) for i in self.main.get(key, ())]
        seen = {p.id for p, _ in out}
        out += [(self.place(i), False) for i in self.alias.get(key, ()) if i not in seen]
        return out

    def has_key(self, key: str) -> bool:
        return key in self.main or key in self.alias

    def skeleton_key(self, word: str) -> str | None:
        """"~<skeleton>" when ``word`` is a spelling variant of a Central Asian place name."""
        sk = skeleton(word)
        return "~" + sk if sk in self.skeletons else None



def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two (lat, lon) points in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlmb / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()] if value else []


def _read_rows(path: Path, delimiter: str) -> list[dict[str, str]]:
    if not path.exists():
        raise FileNotFoundError(f"gazetteer file {path} is missing: rebuild it with scripts/build_geo.py")
    with open(path, encoding="utf-8", newline="") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter=delimiter,
                              quoting=csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL)
        return list(rows)


def _bboxes(path: Path) -> dict[str, tuple[float, float, float, float]]:
    """Bounding box of each country's largest polygon (so overseas parts don't stretch it)."""
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    out: dict[str, tuple[float, float, float, float]] = {}
    for feat in data.get("features", []):
        code = (feat.get("properties") or {}).get("code")
        geom = feat.get("geometry") or {}
        if not code or not geom:
            continue
        polys = geom["coordinates"] if geom.get("type") == "MultiPolygon" else [geom.get("coordinates", [])]
        best = max(polys, key=lambda p: len(p[0]) if p else 0)
        ring = best[0]
        lons = [pt[0] for pt in ring]  # GeoJSON points are (lon, lat)
        lats = [pt[1] for pt in ring]
        out[code] = (min(lons), min(lats), max(lons), max(lats))
    return out


def build(geo_dir: Path = GEO_DIR) -> Gazetteer:
    """Read the files of ``geo_dir`` and build the index (slow path; see ``load_gazetteer``)."""
    gaz = Gazetteer()
    main: dict[str, list[str]] = {}
    alias: dict[str, list[str]] = {}

    def add(name: str, pid: str, is_main: bool) -> None:
        key = fold(name)
        if not key:
            return
        (main if is_main else alias).setdefault(key, [])
        bucket = (main if is_main else alias)[key]
        if pid not in bucket:
            bucket.append(pid)

    bbox = _bboxes(geo_dir / "countries.geojson")
    for row in _read_rows(geo_dir / "countries.csv", ","):
        code = row["code"].strip()
        c = Country(code=code, name=row["name"].strip(), aliases=tuple(_split(row.get("aliases", ""))),
                    demonyms=tuple(_split(row.get("demonyms", ""))), lat=float(row["lat"] or 0),
                    lon=float(row["lon"] or 0), capital=row.get("capital", "").strip(), bbox=bbox.get(code))
        gaz.countries[code] = c
        pid = f"ne:{code}"
        gaz.places[pid] = Place(id=pid, name=c.name, kind="country", country=code, lat=c.lat, lon=c.lon,
                                aliases=c.aliases)
        for name in (c.name, *c.aliases):
            if name.lower().startswith("the "):
                name = name[4:]
            gaz.country_names.setdefault(name, code)
        for d in c.demonyms:
            gaz.demonyms.setdefault(d, code)
    demonym_keys = {fold(d) for d in gaz.demonyms}
    country_keys = {fold(n) for n in gaz.country_names}

    common = frozenset(_word_list(geo_dir / "common_words.txt"))
    bare: set[str] = set()
    # GeoNames places, then Natural Earth's states and provinces (their local names as alternate names)
    for row in [*_read_rows(geo_dir / "gazetteer.tsv", "\t"), *_read_rows(geo_dir / "regions.tsv", "\t")]:
        pid = row["id"]
        gaz.places[pid] = Place(id=pid, name=row["name"], kind=row["kind"], country=row["country"],
                                lat=float(row["lat"]), lon=float(row["lon"]),
                                population=int(row["population"] or 0))
        add(row["name"], pid, True)
        main_skeleton = skeleton(row["name"])
        for a in _split(row.get("aliases", "")):
            if _phrase_of_common_words(a, common) or len(fold(a)) <= 3:
                # "White House" (Casablanca), "Smart City": read as phrases, not towns; a three-letter alternate
                # name ("Kul" for Kula, "Sam", "Ana") is a syllable or a first name far more often than a town
                continue
            # a mere spelling variant of the name ("Aksay" for "Aqsay") counts as the name itself
            add(a, pid, skeleton(a) == main_skeleton)
    for row in _read_rows(geo_dir / "curated.csv", ","):
        pid = row["id"]
        aliases = tuple(_split(row.get("aliases", "")))
        gaz.places[pid] = Place(id=pid, name=row["name"], kind=row["kind"], country=row.get("country", ""),
                                lat=float(row["lat"]), lon=float(row["lon"]),
                                population=int(float(row.get("population") or 0)), aliases=aliases)
        for a in (row["name"], *aliases):  # curated names are all authoritative
            add(a, pid, True)
        if row["kind"] == "other" and row["name"].endswith(" River") and " " not in row["name"][:-6]:
            gaz.bare_rivers[fold(row["name"][:-6])] = pid
        if row["kind"] == "sea":
            first = fold(row["name"]).split()[0]
            if first in {fold(a) for a in aliases} and first != fold(row["name"]):
                bare.add(first)
    # Demonyms and country names are never looked up as towns ("Kazakh" is also an alternate
    # name of Petropavl); country names resolve to the country itself.
    for key in demonym_keys | country_keys:
        for table in (main, alias):
            if key in table:
                table[key] = [i for i in table[key] if i.startswith("ne:")]
    for name, code in gaz.country_names.items():
        add(name, f"ne:{code}", True)
        gaz.country_fold.setdefault(fold(name), code)
    gaz.main = {k: tuple(v) for k, v in main.items() if v}
    gaz.alias = {k: tuple(v) for k, v in alias.items() if v}
    keys = list(gaz.main) + list(gaz.alias)
    gaz.max_tokens = max((len(k.replace("-", " ").split()) for k in keys), default=1)
    gaz.max_tokens = min(gaz.max_tokens, 8)
    # first tokens of every multi-token key, hyphenated ones included ("Cholpon-Ata", "Yoshkar-Ola")
    gaz.first_words = frozenset(k.replace("-", " ").split()[0] for k in keys if " " in k or "-" in k)
    for k in keys:
        tokens = k.replace("-", " ").split()
        if tokens and tokens[0] in gaz.first_words:  # (kept small: the index loads on every CLI start)
            gaz.first_max[tokens[0]] = min(8, max(len(tokens), gaz.first_max.get(tokens[0], 0)))
    gaz.trail_words = frozenset(w for k in keys if " " in k for w in k.split()[:-1])
    sk: dict[str, list[str]] = {}
    for key, ids in list(main.items()) + list(alias.items()):
        if " " in key or len(key) < 5 or key in demonym_keys or key in country_keys:
            continue
        for pid in ids:
            if gaz.places[pid].country in TRANSLIT_COUNTRIES and pid not in sk.setdefault(skeleton(key), []):
                sk[skeleton(key)].append(pid)
    taken = {skeleton(k) for k in demonym_keys | country_keys}  # "Kazakh" is never a spelling of a town
    gaz.skeletons = {k: tuple(v) for k, v in sk.items() if k not in taken}

    for row in _read_rows(geo_dir / "actors.csv", ","):
        code = row["code"].strip()
        for s in (row["surface"], *_split(row.get("aliases", ""))):
            gaz.actors.setdefault(s.strip(), Actor(surface=row["surface"].strip(), code=code, role=row["role"]))
    gaz.partner_starts = frozenset(n.replace("-", " ").split()[0] for n in (*gaz.country_names, *gaz.actors)
                                   if " " in n or "-" in n)
    for n in (*gaz.country_names, *gaz.actors):
        tokens = n.replace("-", " ").split()
        if len(tokens) > 1:
            gaz.partner_max[tokens[0]] = max(len(tokens), gaz.partner_max.get(tokens[0], 0))
    gaz.partner_words = gaz.partner_starts | frozenset(
        n for n in (*gaz.country_names, *gaz.actors, *gaz.demonyms) if " " not in n and "-" not in n)
    gaz.interest = frozenset(
        {k for k in keys if " " not in k and "-" not in k} | gaz.trail_words
        | {fold(w) for w in (*gaz.country_names, *gaz.demonyms) if " " not in w}
        | {fold(w.split()[0]) for w in gaz.actors})
    gaz.bare_seas = frozenset(bare)
    gaz.stopnames = frozenset(fold(w) for w in _word_list(geo_dir / "stopnames.txt"))
    gaz.common_words = common
    return gaz


def _phrase_of_common_words(name: str, common: frozenset[str]) -> bool:
    """A GeoNames alternate name of two or more common English words of four letters or more: an English
    translation or a nickname ("White House" for Casablanca, "Motor City"), which news text uses as a
    phrase. The place keeps its own name and its other alternate names."""
    words = fold(name).replace("-", " ").split()
    return len(words) >= 2 and all(len(w) >= 4 and w in common for w in words)


def _word_list(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [w.strip() for w in lines if w.strip() and not w.startswith("#")]


def _fingerprint(geo_dir: Path) -> str:
    h = hashlib.sha1(CACHE_VERSION.encode())
    h.update(sys.version.encode())
    here = Path(__file__).resolve().parent
    for code in ("gazetteer.py", "text.py", "records.py"):  # the index's shape comes from this code
        h.update((here / code).read_bytes())
    for name in FILES:
        p = geo_dir / name
        if p.exists():
            st = p.stat()
            h.update(f"{name}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()[:16]


def cache_dir() -> Path:
    return Path(os.environ.get("KZMAP_CACHE") or Path.home() / ".cache" / "kzmap")


def load_gazetteer(geo_dir: Path = GEO_DIR, use_cache: bool = True) -> Gazetteer:
    """The index, from the pickle cache when the geo files have not changed since it was built."""
    geo_dir = Path(geo_dir)
    path = cache_dir() / f"gazetteer-{_fingerprint(geo_dir)}.pickle"
    if use_cache and path.exists():
        import gc

        gc.disable()  # unpickling makes many objects at once: pausing the collector halves the time
        try:
            with open(path, "rb") as fh:
                return pickle.load(fh)
        except Exception:  # a stale or truncated cache is rebuilt, never fatal
            pass
        finally:
            gc.enable()
    gaz = build(geo_dir)
    if use_cache:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            with open(tmp, "wb") as fh:
                pickle.dump(gaz, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError:
            pass  # read-only home: work without a cache
    return gaz
