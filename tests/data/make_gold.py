"""Write gold JSON for hand-written unseen articles; counts follow the gold convention."""
import json, re, sys
from pathlib import Path
sys.path.insert(0, '/work/main')
from kzmap.corpus import load_paths

def count(body, s):
    return len(re.findall(r"(?<!\w)" + re.escape(s) + r"(?!\w)", body))

def P(surface, name, kind, cc, lat, lon, tol=None, metonym=False, minus=0):
    return dict(surface=surface, name=name, kind=kind, country_iso2=cc, lat=lat, lon=lon,
                tolerance_km=tol, metonym=metonym, minus=minus)

def build(path, places, countries, demonyms, actors, macro, events, not_places, routes=(), initiatives=()):
    art = load_paths([path]).articles[0]
    body = art.body
    out = {"meta": {"file": Path(path).name, "title": art.title, "source": art.source, "url": art.url,
                    "published": art.published, "date_basis": "front matter (hand-written test article)"}}
    pl = []
    for p in places:
        c = count(body, p["surface"]) - p.pop("minus")
        assert c > 0, p["surface"]
        p["count"] = c
        if p["tolerance_km"] is None:
            p.pop("tolerance_km")
        pl.append(p)
    out["places"] = pl
    def items(lst, key):
        res = []
        for s, code, *rest in lst:
            c = count(body, s)
            assert c > 0, s
            d = {"surface": s, key: code, "count": c}
            if rest:
                d["role"] = rest[0]
            res.append(d)
        return res
    out["countries"] = items(countries, "iso2")
    out["demonyms"] = items(demonyms, "iso2")
    out["actors"] = items(actors, "iso2")
    out["macro_regions"] = [{"surface": s, "name": s, "count": count(body, s)} for s in macro]
    out["routes"] = [{"surface": s, "count": count(body, s)} for s in routes]
    out["initiatives"] = [{"surface": s, "count": count(body, s)} for s in initiatives]
    evs = []
    for date, kind, partners, place, ev_start in events:
        sent = next(s for s in re.split(r"(?<=[.!?])\s+|\n+", body) if s.startswith(ev_start))
        evs.append({"date": date, "date_from_text": date, "kind": kind, "partners": partners, "place": place,
                    "evidence": sent.strip(), "date_basis": "explicit"})
    out["events"] = evs
    out["undated_events"] = []
    out["not_places"] = [{"surface": s, "why": w} for s, w in not_places]
    dst = Path('/work/main/tests/data/unseen_gold') / (Path(path).stem + ".json")
    dst.write_text(json.dumps(out, ensure_ascii=False, indent=1))
    print("wrote", dst.name, len(pl), "places", len(evs), "events")
