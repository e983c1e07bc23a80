"""Dated events from article text: one ``Event`` per thing that happened or is scheduled at a date.

The rules, per sentence (``extract_events``):

1. Dates come from ``kzmap.dates.find_dates`` over the whole body (resolved against the
   publication date). A sentence without a usable date gives no event: dating an undated
   statement with the publication date would be inventing a date. Usable dates are those
   anchored "at" (in/on/plain), "by" (targets), explicit ranges, "before", and "since" only
   for an ongoing presence ("active in the country since 1992"). "through/until 2029" alone
   is an end bound, used as the ``end`` of an event dated in the same clause. "recent" (the
   adjective) counts only when an event word follows it ("the recent summit").
2. A sentence is cut into clauses at "where", "during which", "followed by", ";", "after
   which", "at which". Each date is attached to the nearest trigger word of its clause
   (verbs and nouns per kind below); triggers inside a reference phrase ("days before the
   summit", "following the visit") lose to any other trigger. A clause with a trigger but no
   date of its own inherits the date of the sentence's first event ("the recent summit,
   where the EU unveiled a package": two events); across "followed by" only the month is
   inherited. Two events of one kind in one sentence are one event.
3. Statistics and forecasts are figures, not events: a clause with an amount or a
   percentage and a statistics verb (reached, totalled, received, grew, is expected to
   exceed...) and no strong trigger (signed, summit, visit, unveiled, approved...) gives none.
4. Anaphora: "The announcement/agreement/deal ... was made/signed ... on April 21" dates the
   previous sentence when that one has a trigger and no date of its own.
5. Repeats are dropped: an event with the same kind and date as an earlier one whose
   sentence shares most content words ("double GDP by 2029" said twice).

Partners come from the partner mentions of the sentence, else of its neighbours; when the
caller passes no partner mentions at all, from a small built-in list of country names and
demonyms. ``place`` is the name of a place mentioned in the clause (cities before countries).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from .dates import DateExpr, find_dates
from .records import Article, Event, Mention, PartnerMention

_I = re.I
# Trigger words per kind (word boundaries; case-insensitive).
TRIGGERS: dict[str, re.Pattern] = {
    "agreement": re.compile(r"\b(?:sign(?:ed|ing|s)?|agreements?|accords?|memorand(?:um|a)|MoUs?|treat(?:y|ies)"
                            r"|deals?|pacts?|ratifi\w*|contracts?|agreed|joined|accession)\b", _I),
    "summit": re.compile(r"\b(?:summits?|forums?|conferences?|congress|ministerial|COP\d+|round\s?tables?"
                         r"|(?:business|intergovernmental|cooperation)\s+council)\b", _I),
    "visit": re.compile(r"\b(?:visit(?:s|ed|ing)?|trips?|tour|talks|met|meets?|meetings?|hosted|arrived"
                        r"|travel(?:led|ed|s)?|state\s+visit|delegation)\b", _I),
    "project": re.compile(r"\b(?:construction|built|build(?:ing)?|began|begun|begin|start(?:ed|s)?|launch(?:ed|es|ing)?"
                          r"|complet(?:ed|ion|e)|commission(?:ed|ing)|open(?:ed|ing|s)?|inaugurat\w+"
                          r"|groundbreaking|broke\s+ground|operational|put\s+into\s+operation|c[ao]me\s+online"
                          r"|went\s+live|go\s+live|expan(?:d|ded|sion))\b", _I),
    "announcement": re.compile(r"\b(?:announc\w+|unveil\w*|declar\w+|reveal\w*|proclaim\w*|introduc(?:ed|es)"
                               r"|discover(?:ed|y))\b", _I),
    "investment": re.compile(r"\b(?:invest(?:ed|ing|s)?|investments?|pledg\w+|loans?|financ(?:ed|ing)|fund(?:ed|ing)"
                             r"|grants?|allocat\w+|packages?|committed)\b", _I),
    "plan": re.compile(r"\b(?:plans?|planned|programmes?|programs?|strateg(?:y|ies)|goals?|targets?|targeting"
                       r"|aim(?:s|ing|ed)?|roadmap|double|triple|approv\w+|adopt(?:ed|s)?|vision|intends?)\b", _I),
}
# Priority for clauses that inherit a date (and for ties).
PRIORITY = ("summit", "agreement", "investment", "announcement", "project", "plan", "visit", "other")
_PRESENCE = re.compile(r"\b(?:active|present|operat(?:ing|es|ed)|working|relations|ties|presence|cooperat\w+)\b", _I)
_STRONG = re.compile(r"\b(?:sign(?:ed|ing)|agreements?|memorand\w+|summits?|forums?|visit\w*|met|unveil\w*|announc\w+"
                     r"|pledg\w+|approv\w+|adopted|launch\w*|construction|complet\w+|inaugurat\w+|opened)\b", _I)
_STAT = re.compile(r"\b(?:reach(?:ed|es|ing)?|total(?:l?ed|ling|s)?|amount(?:ed|s)?|stood|grew|grow(?:s|n|th)?|rose|rise"
                   r"|increas\w+|fell|fall|declin\w+|surg\w+|approach\w+|exceed\w*|received|poured|accounted|topped"
                   r"|climb\w*|dropped|forecast\w*|estimat\w+|projected|expected\s+to\s+(?:reach|exceed|grow|hit|rise))\b",
                   _I)
_AMOUNT = re.compile(r"[$€£¥₸]\s?\d|\b\d[\d,.]*\s*(?:%|per\s?cent|percent|billion|million|trillion|bn\b|tenge|euros?"
                     r"|dollars|yuan|rubles?|roubles?)|\b(?:billions|millions|hundreds)\s+of\s+(?:dollars|euros)", _I)
_GOAL = re.compile(r"\b(?:aim\w*|goal|target\w*|plan\w*|strateg\w+|vision|double|triple|raise|boost|increase|reach"
                   r"|intend\w*|seek\w*|ambition\w*|commit\w*|pledg\w+)\b", _I)
_CLAUSE = re.compile(r",?\s+(?:where|during\s+which|at\s+which|after\s+which|followed\s+by)\s+|;\s+", _I)
_FOLLOWED = re.compile(r"followed\s+by", _I)
_REF_BEFORE = re.compile(r"\b(?:before|after|ahead\s+of|following|since|prior\s+to|days\s+before)\s+(?:the\s+|this\s+"
                         r"|last\s+|its\s+|his\s+|her\s+|their\s+)?(?:[\w’'\-–]+\s+){0,4}$", _I)
_ANAPHOR = re.compile(r"\W*(?:The|This|That)\s+(announcement|agreement|deal|decision|accord|memorandum|statement|pledge"
                      r"|signing|commitment|launch|contract)\s+(?:was|were|had\s+been|has\s+been)\s+(?:made|signed"
                      r"|reached|announced|concluded|sealed|struck|unveiled|adopted|approved|agreed)\b", _I)
_ANAPHOR_KIND = {"announcement": "announcement", "statement": "announcement", "decision": "announcement",
                 "launch": "project", "pledge": "investment", "commitment": "investment"}
_WORD = re.compile(r"[A-Za-z][\w’'\-]*")
_STOP = frozenset("""a an the of in on at to for and or but by with from as is are was were be been has have had
this that these those it its his her their our we he she they which who will would could should may might
also into over than more most such not no new last year years month said says""".split())
# Fallback partner names when the caller has no partner mentions (kept short on purpose).
_FALLBACK = [(re.compile(p), c) for p, c in (
    (r"\b(?:China|Chinese|Beijing)\b", "CN"), (r"\b(?:Russia|Russian|Russians|Moscow|Kremlin)\b", "RU"),
    (r"\b(?:European Union|EU|Brussels|European Commission)\b", "EU"),
    (r"\b(?:United Kingdom|UK|Britain|British)\b", "GB"), (r"\b(?:United States|US|U\.S\.|American|Washington)\b", "US"),
    (r"\b(?:Italy|Italian)\b", "IT"), (r"\b(?:Türkiye|Turkey|Turkish|Ankara)\b", "TR"),
    (r"\b(?:Uzbekistan|Uzbek)\b", "UZ"), (r"\b(?:Germany|German)\b", "DE"), (r"\b(?:Japan|Japanese)\b", "JP"),
    (r"\b(?:Azerbaijan|Azerbaijani|Azerbaijan's)\b", "AZ"), (r"\b(?:France|French)\b", "FR"),
    (r"\b(?:India|Indian)\b", "IN"), (r"\b(?:Iran|Iranian)\b", "IR"), (r"\b(?:Kyrgyzstan|Kyrgyz)\b", "KG"),
    (r"\b(?:Tajikistan|Tajik)\b", "TJ"), (r"\b(?:Turkmenistan|Turkmen)\b", "TM"),
    (r"\b(?:South Korea|Korean)\b", "KR"), (r"\b(?:Georgia|Georgian)\b(?!,? (?:USA|U\.S\.))", "GE"),
)]


def extract_events(article: Article, spans: Sequence[tuple[int, int]],
                   partner_mentions: Sequence[PartnerMention] = (), mentions: Sequence[Mention] = ()) -> list[Event]:
    """Dated events of ``article``; offsets are into ``article.body``; pure."""
    body = article.body
    dates = [d for d in find_dates(body, article.published)]
    starts = [d.start for d in dates]
    pm_sorted = sorted(partner_mentions, key=lambda p: p.start)
    pm_starts = [p.start for p in pm_sorted]
    m_sorted = sorted(mentions, key=lambda m: m.start)
    m_starts = [m.start for m in m_sorted]
    ctx = _Context(body, spans, pm_sorted, pm_starts, m_sorted, m_starts, not partner_mentions)
    events: list[tuple[int, Event]] = []  # (sentence index, event)
    pending: tuple[int, str] | None = None  # previous sentence: (index, kind) with a trigger and no date
    for i, (s, e) in enumerate(spans):
        sent_dates = dates[bisect_left(starts, s):bisect_left(starts, e)]
        sent_dates = [d for d in sent_dates if d.date and d.end <= e]
        found = _sentence_events(ctx, i, s, e, sent_dates) if sent_dates else []
        anaphor = _ANAPHOR.match(body, s, e)
        if anaphor and pending and pending[0] == i - 1 and found:
            kind = _ANAPHOR_KIND.get(anaphor.group(1).lower(), "agreement" if anaphor.group(1).lower() in (
                "agreement", "deal", "accord", "memorandum", "signing", "contract") else "announcement")
            d = found[0]
            ps, pe = spans[i - 1]
            events.append((i - 1, _make(ctx, i - 1, ps, pe, ps, pe, kind, d.date, d.end, d.date_text,
                                        max(0.3, d.confidence - 0.2))))
            found = [f for f in found if f.kind != kind] or found
        events.extend((i, f) for f in found)
        pending = None
        if not sent_dates:
            kind = _best_kind(body, s, e)
            if kind:
                pending = (i, kind)
    return _dedupe(body, events)


class _Context:
    __slots__ = ("body", "spans", "pms", "pm_starts", "mentions", "m_starts", "fallback")

    def __init__(self, body, spans, pms, pm_starts, mentions, m_starts, fallback):
        self.body, self.spans, self.pms, self.pm_starts = body, spans, pms, pm_starts
        self.mentions, self.m_starts, self.fallback = mentions, m_starts, fallback


def _triggers(body: str, s: int, e: int) -> list[tuple[int, int, str]]:
    out = []
    for kind, rx in TRIGGERS.items():
        for m in rx.finditer(body, s, e):
            out.append((m.start(), m.end(), kind))
    return out


def _best_kind(body: str, s: int, e: int) -> str | None:
    kinds = {k for _, _, k in _triggers(body, s, e)}
    return next((k for k in PRIORITY if k in kinds), None)


def _clauses(body: str, s: int, e: int) -> list[tuple[int, int, bool]]:
    """(start, end, after 'followed by') for each clause of the sentence."""
    out, cur, followed = [], s, False
    for m in _CLAUSE.finditer(body, s, e):
        out.append((cur, m.start(), followed))
        cur, followed = m.end(), bool(_FOLLOWED.search(m.group()))
    out.append((cur, e, followed))
    return out


def _usable(d: DateExpr, body: str, triggers, cs: int) -> bool:
    if d.anchor in ("until", "after"):
        return False
    if d.anchor == "since":
        return any(_PRESENCE.search(body, cs, d.start + 200) for _ in (0,)) and not _AMOUNT.search(body, cs, d.end + 120)
    if d.text.lower() == "recent":
        return any(0 <= ts - d.end <= 40 for ts, _, k in triggers if k in ("summit", "visit", "agreement"))
    return True


def _sentence_events(ctx: _Context, i: int, s: int, e: int, sent_dates: list[DateExpr]) -> list[Event]:
    body = ctx.body
    events: list[Event] = []
    first: tuple[str, str | None, str, float] | None = None
    inherit_later: list[tuple[int, int, bool]] = []
    for cs, ce, followed in _clauses(body, s, e):
        trig = _triggers(body, cs, ce)
        cdates = [d for d in sent_dates if cs <= d.start < ce]
        if _is_statistic(body, cs, ce):
            continue
        usable = [d for d in cdates if _usable(d, body, trig, cs)]
        if any(d.anchor == "since" for d in usable):
            trig = trig + [(m.start(), m.end(), "other") for m in _PRESENCE.finditer(body, cs, ce)]
        if not trig:
            continue
        if not usable:
            if first is None:
                inherit_later.append((cs, ce, followed))
                continue
            _inherit(ctx, i, s, e, cs, ce, followed, trig, first, events)
            continue
        taken: set[int] = set()
        for d in usable:
            best = None
            for ts, te, kind in trig:
                if d.anchor == "since" and kind != "other":
                    continue
                dist = ts - d.end if ts >= d.end else d.start - te
                ref = bool(_REF_BEFORE.search(body, max(cs, ts - 60), ts)) and d.text.lower() != "recent"
                if kind == "plan" and d.anchor != "by" and not re.search(r"approv|adopt|plans?\b|planned", body[ts:te], _I):
                    dist += 60  # a goal word without a target year is weak evidence of a plan
                score = (ref, max(dist, 0))
                if best is None or score < best[0]:
                    best = (score, ts, kind)
            if best is None or best[1] in taken:
                continue
            taken.add(best[1])
            kind = best[2]
            if d.anchor == "since":
                kind = "investment" if re.search(r"compan|firm|investor|business", body[cs:ce], _I) else "other"
            elif d.anchor == "by" and _GOAL.search(body, cs, ce) and kind not in ("project", "agreement", "summit"):
                kind = "plan"
            if kind == "investment" and _AMOUNT.search(body, cs, ce) is None and re.search(
                    r"pledg", body[best[1]:best[1] + 8], _I):
                kind = "announcement"
            end = d.end_date or _end_bound(sent_dates, d, cs, ce)
            conf = _confidence(d)
            ev = _make(ctx, i, s, e, cs, ce, kind, d.date, end, d.text, conf, best[1])
            if any(x.kind == ev.kind for x in events):
                continue
            events.append(ev)
            if first is None:
                first = (d.date, end, d.text, conf)
    if first is not None:
        for cs, ce, followed in inherit_later:
            _inherit(ctx, i, s, e, cs, ce, followed, _triggers(body, cs, ce), first, events)
    return events


def _inherit(ctx, i, s, e, cs, ce, followed, trig, first, events) -> None:
    body = ctx.body
    kinds = {k for _, _, k in trig}
    if "investment" in kinds and _AMOUNT.search(body, cs, ce):
        kind = "investment"
    else:
        kind = next(k for k in PRIORITY if k in kinds or k == "other")
    if kind == "other" or any(x.kind == kind for x in events):
        return
    date, end, text, conf = first
    if followed and len(date) == 10:
        date, end = date[:7], None
    pos = next((ts for ts, _, k in trig if k == kind), cs)
    events.append(_make(ctx, i, s, e, cs, ce, kind, date, end, text, conf - 0.15, pos))


def _is_statistic(body: str, cs: int, ce: int) -> bool:
    return bool(_AMOUNT.search(body, cs, ce) and _STAT.search(body, cs, ce) and not _STRONG.search(body, cs, ce))


def _end_bound(dates: list[DateExpr], d: DateExpr, cs: int, ce: int) -> str | None:
    for x in dates:
        if x.anchor == "until" and cs <= x.start < ce and x.date and x.date > d.date:
            return x.date
    return None


def _confidence(d: DateExpr) -> float:
    c = 0.75 if not d.relative else 0.55
    if d.precision == "day":
        c += 0.1
    if d.text.lower() == "recent" or "days" in d.text.lower():
        c -= 0.15
    return c


def _make(ctx: _Context, i: int, s: int, e: int, cs: int, ce: int, kind: str, date: str, end: str | None,
          date_text: str, conf: float, trigger: int | None = None) -> Event:
    partners = _partners(ctx, i, s, e)
    place = _place(ctx, s, e, cs, ce)
    if partners:
        conf += 0.05
    return Event(date=date, kind=kind, title=_title(ctx.body, cs, ce, date_text, kind, cs if trigger is None else trigger), evidence=ctx.body[s:e],
                 evidence_start=s, evidence_end=e, end=end, partners=partners, place=place, date_text=date_text,
                 confidence=round(min(0.95, max(0.1, conf)), 2))


def _partners(ctx: _Context, i: int, s: int, e: int) -> tuple[str, ...]:
    def codes(a: int, b: int) -> list[str]:
        if ctx.fallback:
            found = sorted((m.start(), c) for rx, c in _FALLBACK for m in rx.finditer(ctx.body, a, b))
            return [c for _, c in found]
        lo, hi = bisect_left(ctx.pm_starts, a), bisect_left(ctx.pm_starts, b)
        return [p.code for p in ctx.pms[lo:hi]]

    out = codes(s, e)
    if not [c for c in out if c != "KZ"]:
        for j in (i - 1, i + 1):
            if 0 <= j < len(ctx.spans):
                out += codes(*ctx.spans[j])
    seen: list[str] = []
    for c in out:
        if c != "KZ" and c not in seen:
            seen.append(c)
    return tuple(seen)


def _place(ctx: _Context, s: int, e: int, cs: int, ce: int) -> str | None:
    lo, hi = bisect_left(ctx.m_starts, s), bisect_right(ctx.m_starts, e - 1)
    cands = ctx.mentions[lo:hi]
    if not cands:
        return None

    def rank(m: Mention):
        kind = getattr(m.place, "kind", "")
        broad = kind in ("country", "macro_region", "continent", "sea")
        return (not (cs <= m.start < ce), broad, getattr(m.place, "country", "") == "KZ" and broad)

    best = min(cands, key=rank)
    if getattr(best.place, "kind", "") in ("macro_region", "continent"):
        return None
    return best.place.name


_SEGMENT = re.compile(r",\s+|\s*—\s*|\s+[–-]\s+|:\s+|\(|\)")
_LEAD = re.compile(r"^\W*(?:the\s+)?(?:following|meanwhile|however|nevertheless|furthermore|also|and|but|so|just|"
                   r"in\s+addition|as\s+a\s+result)\b,?\s*", _I)


def _title(body: str, cs: int, ce: int, date_text: str, kind: str, trigger: int) -> str:
    """A short title: the comma/dash segment of the clause holding the trigger, without the date."""
    cuts = [cs] + [m.end() for m in _SEGMENT.finditer(body, cs, ce)] + [ce]
    k = max(j for j, c in enumerate(cuts[:-1]) if c <= max(trigger, cs))
    a, b = cuts[k], cuts[k + 1]
    def words(x: str) -> int:
        return len(x.split()) - (len(date_text.split()) if date_text and date_text in x else 0)

    seg = body[a:b]
    if words(seg) < 5 and k + 2 < len(cuts):
        seg = body[a:cuts[k + 2]]
    if words(seg) < 4 and k > 0:
        seg = body[cuts[k - 1]:b]
    if date_text:
        seg = re.sub(r"(?:\b(?:in|on|during|of|since|by)\s+)?" + re.escape(date_text) + r"(?:['’]s)?,?", " ", seg,
                     count=1, flags=_I)
    seg = re.sub(r"[“”\"*]", "", seg)
    seg = _LEAD.sub("", seg.strip())
    words = seg.split()[:14]
    t = " ".join(words).strip(" ,;:—–-.")
    t = re.sub(r"\s+([,.;:])", r"\1", t)
    if not t:
        t = kind
    return t[0].upper() + t[1:]


def _content(text: str) -> set[str]:
    words = {re.sub(r"[’']s?$", "", w.lower()) for w in _WORD.findall(text)}
    return {w for w in words if w not in _STOP and len(w) > 2}


def _dedupe(body: str, events: list[tuple[int, Event]]) -> list[Event]:
    kept: list[tuple[int, Event, set[str]]] = []
    for i, ev in sorted(events, key=lambda t: (t[0], t[1].evidence_start)):
        words = _content(ev.evidence)
        dup = False
        for j, k, kw in kept:
            if k.kind == ev.kind and k.date == ev.date and j != i and words and kw:
                if len(words & kw) / min(len(words), len(kw)) >= 0.3:
                    dup = True
                    break
        if not dup:
            kept.append((i, ev, words))
    return [ev for _, ev, _ in kept]
