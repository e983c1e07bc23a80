"""Checks of the committed offline geographic data in geo/ (fast; never rebuilds it)."""
from __future__ import annotations

import csv
import json
from functools import cache
from pathlib import Path

import pytest

from kzmap.records import PLACE_KINDS

GEO = Path(__file__).parents[1] / "geo"

CURATED_KINDS = set(PLACE_KINDS) - {"country"}  # countries come from countries.csv
GAZ_KINDS = {"city", "town", "village"}
ROUTE_KINDS = {"rail", "road", "corridor", "pipeline", "sea_route"}
ACTOR_ROLES = {"leader", "official", "organisation", "company", "bank"}


@cache
def gazetteer() -> list[dict]:
    with open(GEO / "gazetteer.tsv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


@cache
def csv_rows(name: str) -> list[dict]:
    with open(GEO / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@cache
def geojson(name: str) -> dict:
    return json.loads((GEO / name).read_text(encoding="utf-8"))


@cache
def rows_by_id() -> dict[str, dict]:
    return {r["id"]: r for r in gazetteer() + csv_rows("curated.csv")}


@cache
def names_index() -> dict[str, set[str]]:
    """name or alias -> ids, over gazetteer.tsv and curated.csv."""
    idx: dict[str, set[str]] = {}
    for r in gazetteer() + csv_rows("curated.csv"):
        for n in [r["name"], *filter(None, r["aliases"].split("|"))]:
            idx.setdefault(n, set()).add(r["id"])
    return idx


def test_gazetteer_columns():
    with open(GEO / "gazetteer.tsv", encoding="utf-8") as fh:
        assert fh.readline().rstrip("\n").split("\t") == [
            "id", "name", "kind", "country", "lat", "lon", "population", "admin1", "aliases"]
    rows = gazetteer()
    assert len(rows) > 30000
    assert {r["kind"] for r in rows} <= GAZ_KINDS
    assert all(r["id"].startswith("gn:") for r in rows)


def test_ids_unique_across_gazetteer_and_curated():
    ids = [r["id"] for r in gazetteer()] + [r["id"] for r in csv_rows("curated.csv")]
    assert len(ids) == len(set(ids))
    assert all(r["id"].startswith("cur:") for r in csv_rows("curated.csv"))


@pytest.mark.parametrize("rows", ["gazetteer", "curated.csv", "countries.csv"])
def test_coordinates_in_range(rows):
    data = gazetteer() if rows == "gazetteer" else csv_rows(rows)
    for r in data:
        if rows == "countries.csv" and not r["lat"]:
            continue
        assert -90 <= float(r["lat"]) <= 90, r
        assert -180 <= float(r["lon"]) <= 180, r


def test_curated_rows():
    rows = csv_rows("curated.csv")
    assert list(rows[0]) == ["id", "name", "kind", "country", "lat", "lon", "population",
                             "aliases", "source", "note"]
    codes = {r["code"] for r in csv_rows("countries.csv")}
    for r in rows:
        assert r["source"].strip(), r["id"]
        assert r["kind"] in CURATED_KINDS, r
        assert r["country"] == "" or r["country"] in codes, r
        assert r["name"] not in r["aliases"].split("|"), r["id"]


def test_regions_do_not_take_bare_city_names():
    """"Karaganda" alone is the city; a bare name is a region's alias only when no GeoNames place carries it in any
    spelling the region uses ("Zhetysu", "Mangystau"), or it is a direction's ("East Kazakhstan")."""
    geonames = {n.lower() for r in gazetteer() for n in [r["name"], *filter(None, r["aliases"].split("|"))]}
    for r in csv_rows("curated.csv"):
        if r["kind"] == "region" and r["country"] == "KZ":
            base = r["name"].removesuffix(" Region")
            assert r["name"].endswith(" Region")
            aliases = r["aliases"].split("|")
            bare = [a for a in [base, *aliases] if a in aliases and " " not in a]
            for a in bare:
                assert a.startswith(("East", "North", "West")) or a.lower() not in geonames, (r["id"], a)


@cache
def regions() -> list[dict]:
    with open(GEO / "regions.tsv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_regions_tsv():
    """Natural Earth's states and provinces: gazetteer.tsv's columns, none of Kazakhstan (curated rows), no
    direction for a name, Crimea in Ukraine, and no name a big city of the same country keeps."""
    with open(GEO / "regions.tsv", encoding="utf-8") as fh:
        assert fh.readline().rstrip("\n").split("\t") == [
            "id", "name", "kind", "country", "lat", "lon", "population", "admin1", "aliases"]
    rows = regions()
    assert len(rows) > 1500
    codes = {r["code"] for r in csv_rows("countries.csv")}
    by_name = {}
    for r in rows:
        assert r["id"].startswith("ne1:") and r["kind"] == "region" and r["country"] in codes, r
        assert r["country"] != "KZ" and -90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180, r
        assert r["name"].lower() not in ("western", "south", "central", "capital"), r
        by_name.setdefault(r["name"], r)
    for name, country in [("Bavaria", "DE"), ("Styria", "AT"), ("Tamil Nadu", "IN"), ("Sichuan", "CN"),
                          ("Texas", "US"), ("Republic of Dagestan", "RU"), ("Helmand", "AF"), ("Bali", "ID"),
                          ("Autonomous Republic of Crimea", "UA")]:
        assert by_name[name]["country"] == country, name
    assert "Dagestan" in by_name["Republic of Dagestan"]["aliases"].split("|")
    assert not {"Tokyo", "Krasnodar", "Chuvash", "Ingush", "Jewish"} & {
        n for r in rows for n in (r["name"], *r["aliases"].split("|"))}
    ids = [r["id"] for r in rows] + [r["id"] for r in gazetteer()]
    assert len(ids) == len(set(ids))


def test_countries_csv():
    rows = csv_rows("countries.csv")
    codes = [r["code"] for r in rows]
    assert len(codes) == len(set(codes))
    assert {"KZ", "CN", "RU", "GB", "US", "EU", "SU"} <= set(codes)
    by = {r["code"]: r for r in rows}
    assert "Türkiye" in by["TR"]["aliases"].split("|")
    assert "Chinese" in by["CN"]["demonyms"].split("|")
    assert "Kazakhstani" in by["KZ"]["demonyms"].split("|")
    assert by["KZ"]["capital"] == "Astana"
    assert by["EU"]["demonyms"] == "European"


def test_every_geojson_country_has_a_row():
    codes = {r["code"] for r in csv_rows("countries.csv")}
    fc = geojson("countries.geojson")
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) > 150
    for f in fc["features"]:
        code = f["properties"]["code"]
        assert code == "" or code in codes, f["properties"]
        assert f["geometry"]["type"] in ("Polygon", "MultiPolygon")


def test_routes():
    fc = geojson("routes.geojson")
    ids = set()
    for f in fc["features"]:
        p = f["properties"]
        assert p["id"] not in ids
        ids.add(p["id"])
        assert p["source"].strip() and p["kind"] in ROUTE_KINDS and isinstance(p["aliases"], list)
        coords = f["geometry"]["coordinates"]
        assert f["geometry"]["type"] == "LineString" and len(coords) >= 2
        for lon, lat in coords:
            assert -180 <= lon <= 180 and -90 <= lat <= 90
    assert "route:middle-corridor" in ids


def test_actors():
    rows = csv_rows("actors.csv")
    codes = {r["code"] for r in csv_rows("countries.csv")}
    assert len(rows) >= 150
    surfaces = [r["surface"] for r in rows]
    assert len(surfaces) == len(set(surfaces))
    for r in rows:
        assert (r["code"] in codes or r["code"] == "") and r["role"] in ACTOR_ROLES and r["source"].strip(), r
    by = {r["surface"]: r for r in rows}
    assert by["Xi Jinping"]["code"] == "CN" and "Xi" in by["Xi Jinping"]["aliases"].split("|")
    assert by["Kassym-Jomart Tokayev"]["code"] == "KZ"


def test_stopnames():
    words = {line.strip() for line in (GEO / "stopnames.txt").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")}
    assert "Union" in words
    assert "Moscow" not in words and "London" not in words and "China" not in words
    assert not {"Geneva", "Boston", "Leeds", "Porto"} & words  # (build_geo.STOP_KEEP)


@pytest.mark.parametrize("alias, name, country", [
    ("Nur-Sultan", "Astana", "KZ"), ("Akmola", "Astana", "KZ"), ("Tselinograd", "Astana", "KZ"),
    ("Астана", "Astana", "KZ"),
    ("Karagandy", "Karagandy", "KZ"), ("Karaganda", "Karagandy", "KZ"), ("Qaraghandy", "Karagandy", "KZ"),
    ("Shevchenko", "Aktau", "KZ"), ("Dostyk", "Dostyk", "KZ"), ("Alataw Pass", "Alashankou", "CN"),
    ("Khorgas", "Khorgos", "KZ"), ("Horgos", "Khorgos", "KZ"), ("Khorgas", "Horgos", "CN"),
    ("Malacca Strait", "Strait of Malacca", ""), ("Port of Baku", "Alat", "AZ"),
    ("Karagandy region", "Karaganda Region", "KZ"), ("Mangistau Oblast", "Mangystau Region", "KZ"),
])
def test_alias_resolves(alias, name, country):
    idx = names_index()
    rows = rows_by_id()
    hits = [rows[i] for i in idx.get(alias, ())]
    assert any(r["name"] == name and r["country"] == country for r in hits), (alias, hits[:3])


@pytest.mark.parametrize("name", ["Almaty", "Shymkent", "Ayagoz", "Tashkent", "Samarkand", "Bishkek",
                                  "Baku", "Tbilisi", "Moscow", "Beijing", "Urumqi", "London", "Rome",
                                  "Brussels", "Berlin", "Ankara", "Istanbul", "Poti", "Batumi",
                                  "Constanta", "Kuryk", "Khorgos"])
def test_must_resolve(name):
    assert name in names_index()


def test_region_name_is_not_a_city_alias():
    idx = names_index()
    assert not any(i.startswith("cur:") and "region" in i for i in idx["Karaganda"])
