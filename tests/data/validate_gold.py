#!/usr/bin/env python3
"""Checks the gold files of held-out sets: structure, counts, evidence strings, dates, and that they load in
the reference scorer (../shared/eval/score.py beside the project).

Run: ``python tests/data/validate_gold.py [SET ...] [--score path/to/score.py]`` (sets: folder names under
tests/data with a ``SET_gold`` beside them; default unseen3 to unseen26, written by annotators for this
check); ``tests/test_gold_seeds.py`` runs it too. Not a test of the extractor: it never runs it. It feeds
score.py (1) an empty prediction and (2) a prediction built from the gold itself, which must score 1.0
everywhere. Warnings (not errors) list place surfaces that also occur inside an actor, route or initiative
name, and bodies outside the 450-900 words the annotators were asked for.
"""
import importlib.util
import io
import json
import re
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
# ../shared beside the project (``.parent`` thrice, not ``parents[2]``: a copy of this file in a shallow folder
# such as /tmp/x must still import, and take --score)
SCORE = HERE.parent.parent.parent / 'shared' / 'eval' / 'score.py'
SETS = tuple(f'unseen{k}' for k in range(3, 33))

TOP = ['meta', 'places', 'macro_regions', 'countries', 'demonyms', 'actors', 'routes', 'initiatives', 'events',
       'figures', 'quantities', 'undated_events', 'not_places', '_conventions']
PLACE_KEYS = {'surface', 'name', 'kind', 'country_iso2', 'lat', 'lon', 'tolerance_km', 'count', 'metonym'}
PLACE_KINDS = {'city', 'town', 'border_crossing', 'port', 'region', 'country_part', 'sea', 'strait', 'deposit',
               'other'}
EVENT_KEYS = {'date', 'kind', 'title', 'partners', 'place', 'evidence', 'date_note', 'date_basis', 'date_from_text'}
EVENT_KINDS = {'agreement', 'summit', 'visit', 'project', 'announcement', 'investment', 'plan', 'other'}
DATE = re.compile(r'\d{4}(-\d{2}(-\d{2})?)?$')
CODE = re.compile(r'[A-Z]{2}$')


def body_of(md: str) -> str:
    assert md.startswith('---'), 'front matter missing'
    return md.split('---', 2)[2]


def front(md: str) -> dict:
    fm = md.split('---', 2)[1]
    out = {}
    for line in fm.strip().splitlines():
        k, _, v = line.partition(':')
        out[k.strip()] = v.strip().strip('"')
    return out


def cnt(body: str, s: str) -> int:
    return len(re.findall(r'(?<!\w)' + re.escape(s) + r'(?!\w)', body))


def whole_sentence(body: str, ev: str) -> bool:
    """Evidence starts where a sentence may start and ends with sentence punctuation."""
    i = body.find(ev)
    if i < 0:
        return False
    before = body[max(0, i - 2):i]
    starts = i == 0 or before[-1] in '\n *"“' or before.endswith(('. ', '? ', '! ', '." ', '.” '))
    return starts and ev.rstrip('"”*').endswith(('.', '?', '!'))


def check_article(g: Path, articles: Path, score, errors: list, warnings: list) -> dict:
    md = (articles / f'{g.stem}.md').read_text()
    body, fm = body_of(md), front(md)

    def e(msg: str) -> None:
        errors.append(f'{g.stem}: {msg}')

    words = len(body.split())
    if not 450 <= words <= 900:
        warnings.append(f'{g.stem}: body has {words} words')
    d = json.loads(g.read_text())
    if list(d) != TOP:
        e(f'top-level keys {list(d)}')
    m = d['meta']
    for k in ('title', 'source', 'author', 'url', 'published'):
        if str(m.get(k)) != fm.get(k):
            e(f'meta.{k} {m.get(k)!r} != front matter {fm.get(k)!r}')
    if m.get('file') != f'{g.stem}.md' or not g.stem.startswith(m['published']):
        e('meta.file / published do not match the stem')
    for key in ('places', 'macro_regions', 'countries', 'demonyms', 'actors', 'routes', 'initiatives', 'not_places'):
        for it in d[key]:
            n = cnt(body, it['surface'])
            if n != it['count'] or n == 0:
                e(f'{key} {it["surface"]!r}: count {it["count"]} but body has {n}')
            if 'embedded_in' in it:
                inside = sum(cnt(body, x) * cnt(x, it['surface']) for x in it['embedded_in'])
                if it.get('count_standalone') != it['count'] - inside:
                    e(f'{key} {it["surface"]!r}: count_standalone wrong')
            code = it.get('iso2', it.get('country_iso2'))
            if code is not None and not CODE.match(code):
                e(f'{key} {it["surface"]!r}: bad code {code!r}')
    names = [it['surface'] for k in ('actors', 'routes', 'initiatives') for it in d[k]]
    for p in d['places']:
        if not PLACE_KEYS <= set(p):
            e(f'place {p["surface"]!r} lacks {PLACE_KEYS - set(p)}')
        if p['kind'] not in PLACE_KINDS:
            e(f'place {p["surface"]!r} kind {p["kind"]}')
        if not (-90 <= p['lat'] <= 90 and -180 <= p['lon'] <= 180 and p['tolerance_km'] > 0):
            e(f'place {p["surface"]!r} bad coordinates/tolerance')
        if p['metonym'] not in (True, False, 'mixed'):
            e(f'place {p["surface"]!r} metonym {p["metonym"]!r}')
        if p['metonym'] in (True, 'mixed') and not p.get('metonym_count'):
            e(f'place {p["surface"]!r} metonym_count missing')
        if p.get('metonym_count', 0) > p['count']:
            e(f'place {p["surface"]!r} metonym_count > count')
        for nm in names:
            if nm != p['surface'] and cnt(nm, p['surface']) and cnt(body, nm):
                warnings.append(f'{g.stem}: place {p["surface"]!r} also occurs inside {nm!r}')
    surfaces = [p['surface'] for p in d['places']]
    for npl in d['not_places']:
        if npl['surface'] in surfaces:
            e(f'{npl["surface"]!r} is both a place and a not_place')
    for ev in d['events']:
        if not EVENT_KEYS <= set(ev):
            e(f'event lacks {EVENT_KEYS - set(ev)}: {ev.get("title")}')
        if ev['kind'] not in EVENT_KINDS:
            e(f'event kind {ev["kind"]}')
        for k in ('date', 'date_from_text', 'end'):
            if ev.get(k) is not None and not DATE.match(ev[k]):
                e(f'event {k} {ev[k]!r}')
        if ev.get('date_from_text') and not score.dates_agree(ev['date_from_text'], ev['date']):
            e(f'date_from_text {ev["date_from_text"]} disagrees with date {ev["date"]}')
        future = (ev.get('date_from_text') or '')[:7] > m['published'][:7]
        if future and ev['kind'] != 'plan' and 'planned' not in ev.get('status', ''):
            warnings.append(f'{g.stem}: event dated after publication but not marked as planned: {ev["title"]}')
        if 'KZ' in ev['partners'] or not all(CODE.match(c) for c in ev['partners']):
            e(f'bad partners {ev["partners"]}')
        if ev['place'] is not None and ev['place'] not in surfaces:
            e(f'event place {ev["place"]!r} is not a gold place surface')
    for key in ('events', 'undated_events', 'figures', 'quantities', 'routes'):
        for it in d[key]:
            ev = it['evidence']
            if ev not in body:
                e(f'{key}: evidence not verbatim: {ev[:70]!r}')
            elif not whole_sentence(body, ev):
                e(f'{key}: evidence is not a whole sentence: {ev[:70]!r}')
            for a in it.get('evidence_also', []):
                if a not in body:
                    e(f'{key}: evidence_also not verbatim: {a[:70]!r}')
    for key in ('figures', 'quantities'):
        for it in d[key]:
            if it['surface'] not in it['evidence']:
                e(f'{key} {it["surface"]!r} not in its evidence')
    # a prediction that reproduces the gold must score perfectly
    mentions = [{'surface': p['surface'], 'place': {'lat': p['lat'], 'lon': p['lon'], 'kind': p['kind']}}
                for p in d['places'] for _ in range(p['count'])]
    partners = [{'code': c} for c in sorted(score.gold_partners(d))]
    events = [{'date': ev['date_from_text'], 'evidence': ev['evidence']}
              for ev in d['events'] if ev.get('date_from_text')]
    tp, fp, tot = score.score_places(d, mentions)
    mt, npred, ngold, ex = score.score_events(d, events)
    if (tp, fp) != (tot, 0) or mt != ngold or ex != ngold:
        e(f'self-score not perfect: places {tp}/{fp}/{tot} events {mt}/{npred}/{ngold} exact {ex}')
    return {'file': f'{g.stem}.md', 'mentions': mentions, 'partners': partners, 'events': events}


def run_scorer(score, pred: dict, gold: Path) -> tuple:
    with tempfile.TemporaryDirectory() as tmp:
        pf = Path(tmp) / 'pred.json'
        pf.write_text(json.dumps(pred))
        old, sys.stdout = sys.stdout, io.StringIO()
        try:
            rc = score.main([str(pf), str(gold), '--json'])
            out = sys.stdout.getvalue()
        finally:
            sys.stdout = old
    return rc, json.loads(out)


def load_scorer(path: Path = SCORE):
    spec = importlib.util.spec_from_file_location('score', path)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    return score


def check_set(name: str, score, quiet: bool = False) -> tuple[list[str], list[str]]:
    """(errors, warnings) of the gold set ``name`` (articles in HERE/name, gold in HERE/name_gold)."""
    articles, gold = HERE / name, HERE / f'{name}_gold'
    errors, warnings = [], []
    golds = sorted(gold.glob('*.json'))
    mds = sorted(articles.glob('*.md'))
    if not golds or {g.stem for g in golds} != {m.stem for m in mds}:
        errors.append(f'{name}: stems differ: {sorted({g.stem for g in golds} ^ {m.stem for m in mds})}')
        return errors, warnings
    perfect = {'articles': [check_article(g, articles, score, errors, warnings) for g in golds]}
    empty = {'articles': [{'file': f'{g.stem}.md', 'mentions': [], 'partners': [], 'events': []} for g in golds]}
    for kind, pred in (('empty', empty), ('perfect', perfect)):
        rc, res = run_scorer(score, pred, gold)
        if not quiet:
            print(name, kind, json.dumps(res))
        if rc != 0 or res['articles'] != len(golds):
            errors.append(f'{name} {kind}: scorer rc {rc}, articles {res["articles"]}')
        if kind == 'perfect' and any(res[k]['f1'] != 1.0 for k in ('places', 'partners', 'events')):
            errors.append(f'{name}: a perfect prediction does not score 1.0: {res}')
    return errors, warnings


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    path = SCORE
    if '--score' in args:
        i = args.index('--score')
        path = Path(args[i + 1])
        del args[i:i + 2]
    score = load_scorer(path)
    failed = 0
    for name in args or SETS:
        errors, warnings = check_set(name, score)
        for g in sorted((HERE / f'{name}_gold').glob('*.json')):
            d = json.loads(g.read_text())
            scored = [ev for ev in d['events'] if ev.get('date_from_text')]
            print(f'{g.stem}: {len(d["places"])} place entries / {sum(p["count"] for p in d["places"])} mentions, '
                  f'{len(d["events"])} events ({len(scored)} scorable), {len(d["undated_events"])} undated, '
                  f'{len(d["not_places"])} not_places')
        for w in warnings:
            print('WARNING', w)
        for err in errors:
            print('ERROR', err)
        print(f'{name}: ' + ('OK' if not errors else f'{len(errors)} error(s)'))
        failed += bool(errors)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
