#!/usr/bin/env python3
"""Small helper used while writing the unseen4 gold by hand.

It does not decide anything: the annotator lists every item (surface, kind, coordinates, event, ...) by hand.
The helper only computes `count` (and `count_standalone` where `embedded_in` is given) with the seed
convention, regex (?<!\\w)S(?!\\w) on the article body (front matter excluded), writes the JSON in the seed
key order, and prints the counts for a manual check.
"""
import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARTICLES = HERE.parent / 'unseen4'
CONVENTIONS = (
    "count = case-sensitive occurrences of surface not adjacent to a word character (regex (?<!\\w)S(?!\\w)); "
    "count_standalone = count minus occurrences inside one of embedded_in; evidence = verbatim sentence; "
    "date = best known date (may use outside knowledge, see date_basis; for planned events the planned date as "
    "reported, with date_actual if it changed); date_from_text = what the text plus the publication date alone "
    "support; partners = non-KZ parties (ISO 3166-1 alpha-2, 'EU' for the Union); lat/lon rounded to 2 decimals, "
    "tolerance_km says how exact a match must be; place.metonym = true (every use stands for a government), "
    "'mixed' (some), false (none), metonym_count = number of metonymic uses.")


def body_of(stem: str) -> str:
    return (ARTICLES / f'{stem}.md').read_text().split('---', 2)[2]


def cnt(body: str, s: str) -> int:
    return len(re.findall(r'(?<!\w)' + re.escape(s) + r'(?!\w)', body))


def P(surface, name, kind, iso, lat, lon, tol, metonym=False, metonym_count=None, note=None, **extra):
    d = {'surface': surface, 'name': name, 'kind': kind, 'country_iso2': iso, 'lat': lat, 'lon': lon,
         'tolerance_km': tol, 'count': None, 'metonym': metonym}
    if metonym_count is not None:
        d['metonym_count'] = metonym_count
    if note:
        d['note'] = note
    d.update(extra)
    return d


def M(surface, name, note=None, embedded_in=None):
    d = {'surface': surface, 'name': name, 'geocode': False, 'count': None}
    if embedded_in:
        d['embedded_in'] = embedded_in
        d['count_standalone'] = None
    if note:
        d['note'] = note
    return d


def C(surface, iso, note=None, embedded_in=None, **extra):
    d = {'surface': surface, 'iso2': iso, 'count': None}
    if embedded_in:
        d['embedded_in'] = embedded_in
        d['count_standalone'] = None
    if note:
        d['note'] = note
    d.update(extra)
    return d


def A(surface, iso, role, note=None, embedded_in=None):
    d = {'surface': surface, 'iso2': iso, 'role': role, 'count': None}
    if embedded_in:
        d['embedded_in'] = embedded_in
        d['count_standalone'] = None
    if note:
        d['note'] = note
    return d


def item(surface, name, typ, owner, note=None, embedded_in=None):
    d = {'surface': surface, 'name': name, 'type': typ, 'owner': owner, 'count': None}
    if embedded_in:
        d['embedded_in'] = embedded_in
        d['count_standalone'] = None
    if note:
        d['note'] = note
    return d


def R(surface, name, mode, connects, evidence, note=None, embedded_in=None):
    d = {'surface': surface, 'name': name, 'mode': mode, 'connects': connects, 'count': None}
    if embedded_in:
        d['embedded_in'] = embedded_in
        d['count_standalone'] = None
    d['evidence'] = evidence
    if note:
        d['note'] = note
    return d


def E(date, kind, title, partners, place, evidence, date_note, date_basis, date_from_text, end=None, **extra):
    d = {'date': date}
    if end:
        d['end'] = end
    d.update({'kind': kind, 'title': title, 'partners': partners, 'place': place, 'evidence': evidence,
              'date_note': date_note, 'date_basis': date_basis, 'date_from_text': date_from_text})
    d.update(extra)
    return d


def U(what, partners, evidence, why):
    return {'what': what, 'partners': partners, 'evidence': evidence, 'why_excluded': why}


def F(surface, amount, currency, what, partners, year, evidence, **extra):
    d = {'surface': surface, 'amount': amount, 'currency': currency, 'what': what, 'partners': partners,
         'year': year, 'evidence': evidence}
    d.update(extra)
    return d


def Q(surface, value, unit, what, partners, year, evidence, **extra):
    d = {'surface': surface, 'value': value, 'unit': unit, 'what': what, 'partners': partners, 'year': year,
         'evidence': evidence}
    d.update(extra)
    return d


def N(surface, why, embedded_in=None):
    d = {'surface': surface, 'why': why, 'count': None}
    if embedded_in:
        d['embedded_in'] = embedded_in
        d['count_standalone'] = None
    return d


KEYS = ['places', 'macro_regions', 'countries', 'demonyms', 'actors', 'routes', 'initiatives', 'not_places']


def write(stem: str, gold: dict) -> None:
    body = body_of(stem)
    for key in KEYS:
        for it in gold[key]:
            it['count'] = cnt(body, it['surface'])
            if 'embedded_in' in it:
                inside = sum(cnt(body, x) * cnt(x, it['surface']) for x in it['embedded_in'])
                it['count_standalone'] = it['count'] - inside
            print(f'{key:13} {it["count"]:3} {it.get("count_standalone", ""):>3} {it["surface"]}')
    gold['_conventions'] = CONVENTIONS
    order = ['meta', 'places', 'macro_regions', 'countries', 'demonyms', 'actors', 'routes', 'initiatives',
             'events', 'figures', 'quantities', 'undated_events', 'not_places', '_conventions']
    out = {k: gold[k] for k in order}
    (HERE / f'{stem}.json').write_text(json.dumps(out, indent=1, ensure_ascii=False) + '\n')
