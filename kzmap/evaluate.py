"""Precision and recall against gold annotations (the format of ``shared/gold``).

The rules are those of the reference scorer ``shared/eval/score.py`` and its figures agree
with it on the seeds (a test checks this): places by surface and distance within the gold
tolerance, partners as (article, code) pairs, events by overlapping evidence and agreeing dates.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from .gazetteer import haversine_km

NEUTRAL_KINDS = {"country", "macro_region", "continent"}
DEFAULT_TOLERANCE_KM = {"region": 400, "country_part": 400, "sea": 600, "strait": 600, "deposit": 150, "other": 150}
POINT_TOLERANCE_KM = 50
NOT_PARTNERS = {"KZ", "SU"}
NEUTRAL_KEYS = ("countries", "macro_regions", "demonyms", "actors", "routes", "initiatives", "not_places_neutral")
WORD = re.compile(r"\w+", re.UNICODE)
DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def norm(s: str) -> str:
    return " ".join(WORD.findall(s.replace("\u2019", "'").lower()))


def surfaces_match(gold: str, pred: str) -> bool:
    g, p = norm(gold), norm(pred)
    return bool(g) and bool(p) and (g == p or f" {g} " in f" {p} " or f" {p} " in f" {g} ")


def f1(p: float, r: float) -> float:
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def score_places(gold: dict, mentions: list[dict]) -> tuple[int, int, int]:
    """(true positives, false positives, gold mentions) of one article."""
    points = [m for m in mentions if (m.get("place") or {}).get("kind") not in NEUTRAL_KINDS]
    used = [False] * len(points)
    tp = total = 0
    gold_places = gold.get("places") or []
    for g in gold_places:
        count = int(g.get("count") or 0)
        total += count
        tol = g.get("tolerance_km") or DEFAULT_TOLERANCE_KM.get(g.get("kind"), POINT_TOLERANCE_KM)
        found = 0
        for i, m in enumerate(points):
            if used[i] or found >= count or not surfaces_match(g["surface"], m.get("surface", "")):
                continue
            place = m.get("place") or {}
            try:
                d = haversine_km(float(g["lat"]), float(g["lon"]), float(place["lat"]), float(place["lon"]))
            except (KeyError, TypeError, ValueError):
                continue
            if d <= tol:
                used[i] = True
                found += 1
        tp += found
    neutral = {norm(item["surface"]) for key in NEUTRAL_KEYS for item in gold.get(key) or []
               if isinstance(item, dict) and item.get("surface")}
    fp = 0
    for i, m in enumerate(points):
        if used[i]:
            continue
        s = m.get("surface", "")
        if not any(surfaces_match(g["surface"], s) for g in gold_places) and norm(s) in neutral:
            continue
        fp += 1
    return tp, fp, total


def gold_partners(gold: dict) -> set[str]:
    codes = set()
    for key in ("countries", "demonyms", "actors"):
        for item in gold.get(key) or []:
            if key == "actors" and item.get("role") == "media":
                continue
            if item.get("iso2"):
                codes.add(item["iso2"].upper())
    return codes - NOT_PARTNERS


def date_parts(s) -> tuple | None:
    m = DATE.fullmatch(s.strip()) if isinstance(s, str) else None
    return tuple(int(x) if x else None for x in m.groups()) if m else None


def dates_agree(pred: str, gold: str) -> bool:
    p, g = date_parts(pred), date_parts(gold)
    if not p or not g or p[0] != g[0]:
        return False
    if p[1] is not None and g[1] is not None and p[1] != g[1]:
        return False
    return None in (p[1], g[1], p[2], g[2]) or abs(p[2] - g[2]) <= 1


def evidence_overlap(a: str, b: str) -> bool:
    na, nb = norm(a), norm(b)
    if not na or not nb:
        return False
    if na in nb or nb in na:
        return True
    ta, tb = set(na.split()), set(nb.split())
    return len(ta & tb) / len(ta | tb) >= 0.5


def _outside_dated(g: dict) -> bool:
    return ("date_from_text" in g and g["date_from_text"] is None) or g.get("date_basis") == "external"


def score_events(gold: dict, events: list[dict]) -> tuple[int, int, int, int]:
    """(matched, predicted, gold, matched with the exact date) of one article."""
    dated = [g for g in gold.get("events") or [] if g.get("date")]
    golds = [g for g in dated if not _outside_dated(g)]
    unreachable = [g for g in dated if _outside_dated(g)]
    used = [False] * len(golds)
    matched = exact = neutral = 0
    for e in events:
        ev = e.get("evidence", "")
        if (any(evidence_overlap(ev, g.get("evidence", "")) for g in unreachable)
                and not any(evidence_overlap(ev, g.get("evidence", "")) for g in golds)):
            neutral += 1
            continue
        for j, g in enumerate(golds):
            if used[j] or not evidence_overlap(ev, g.get("evidence", "")):
                continue
            targets = [d for d in (g.get("date"), g.get("date_from_text")) if d]
            if any(dates_agree(e.get("date", ""), d) for d in targets):
                used[j] = True
                matched += 1
                exact += e.get("date") in targets
                break
    return matched, len(events) - neutral, len(golds), exact


def score_corpus(pred: dict, gold_dir: Path) -> dict:
    """Figures of ``kzmap extract --format json`` output against ``gold_dir/<stem>.json``."""
    t = dict(p_tp=0, p_fp=0, p_gold=0, c_tp=0, c_pred=0, c_gold=0, e_m=0, e_pred=0, e_gold=0, e_exact=0)
    rows = []
    for art in pred.get("articles", []):
        stem = Path(art.get("file", "")).stem
        path = Path(gold_dir) / f"{stem}.json"
        if not path.exists():
            continue
        gold = json.loads(path.read_text(encoding="utf-8"))
        tp, fp, total = score_places(gold, art.get("mentions") or [])
        gp = gold_partners(gold)
        pp = {str(p.get("code", "")).upper() for p in art.get("partners") or []} - NOT_PARTNERS
        m, npred, ngold, ex = score_events(gold, art.get("events") or [])
        for k, v in dict(p_tp=tp, p_fp=fp, p_gold=total, c_tp=len(gp & pp), c_pred=len(pp), c_gold=len(gp),
                         e_m=m, e_pred=npred, e_gold=ngold, e_exact=ex).items():
            t[k] += v
        rows.append({"article": stem, "places": [tp, fp, total], "partners_missed": sorted(gp - pp),
                     "partners_extra": sorted(pp - gp), "events": [m, npred, ngold]})
    res = {
        "articles": len(rows),
        "places": {"precision": ratio(t["p_tp"], t["p_tp"] + t["p_fp"]), "recall": ratio(t["p_tp"], t["p_gold"])},
        "partners": {"precision": ratio(t["c_tp"], t["c_pred"]), "recall": ratio(t["c_tp"], t["c_gold"])},
        "events": {"precision": ratio(t["e_m"], t["e_pred"]), "recall": ratio(t["e_m"], t["e_gold"])},
        "dates": {"exact": ratio(t["e_exact"], t["e_m"])},
        "rows": rows,
    }
    for k in ("places", "partners", "events"):
        res[k]["f1"] = f1(res[k]["precision"], res[k]["recall"])
    return res


def format_report(res: dict) -> str:
    lines = [f"{'article':55} places tp/fp/gold  partners missed | extra   events m/pred/gold"]
    for r in res["rows"]:
        tp, fp, tot = r["places"]
        m, npred, ngold = r["events"]
        lines.append(f"{r['article'][:55]:55} {tp:3}/{fp:3}/{tot:3}  {','.join(r['partners_missed']) or '-'} | "
                     f"{','.join(r['partners_extra']) or '-'}   {m}/{npred}/{ngold}")
    lines.append(f"articles paired: {res['articles']}")
    for k in ("places", "partners", "events"):
        r = res[k]
        lines.append(f"{k:9} precision {r['precision']:.3f} recall {r['recall']:.3f} F1 {r['f1']:.3f}")
    lines.append(f"dates     exact among matched events {res['dates']['exact']:.3f}")
    return "\n".join(lines)
