"""Dated events from article text: one ``Event`` per thing that happened or is scheduled at a date.

The rules, per sentence (``extract_events``):

1. Dates come from ``kzmap.dates.find_dates`` over the whole body (resolved against the
   publication date). A sentence without a usable date gives no event, nor does a Markdown
   heading ("## A visit in the spring": its section tells what happened): dating an undated
   statement with the publication date would be inventing a date. Usable dates are those
   anchored "at" (in/on/plain), "by" (targets), explicit ranges, "before", and "since" only
   for an ongoing presence ("active in the country since 1992") or work going on, a present perfect
   ("has run trams since 1959"; not a statistic's "has grown since 2020"). "through/until 2029" alone
   is an end bound, used as the ``end`` of an event dated in the same clause. "recent" (the
   adjective) counts only when an event word follows it ("the recent summit").
2. A sentence is cut into clauses at "where", "during which", "followed by", ";", "after
   which", "at which", ", although". Each date is attached to the nearest trigger word of its
   clause (verbs and nouns per kind below); triggers inside a reference phrase ("days before the
   summit", "following the visit") lose to any other trigger, and a goal word ("raise", "aim")
   goes to the clause's deadline ("by 2030") when it has one. The day a statement was made
   ("said on Monday that it will start flights on 15 December", "On Monday the ministry said") is
   attached last, and dates an announcement when no trigger is left for it or the clause has none
   ("said in May that it would deepen the channel"). A clause with a trigger but no
   date of its own inherits the date of the sentence's first event ("the recent summit,
   where the EU unveiled a package": two events); across "followed by" only the month is
   inherited. Two events of one kind in one sentence are one event.
3. Statistics and forecasts are figures, not events: a clause with an amount or a
   percentage and a statistics verb (reached, totalled, received, grew, is expected to
   exceed...) and no strong trigger (signed, summit, visit, unveiled, approved...) gives none,
   but for a goal's deadline ("set a goal of 15% by 2030, up from 6% last year": a plan for
   2030). A deadline is a forecast, not a plan, after "estimates", "could", "expects" (but not "expects to":
   the speaker's own target)... ("the World Bank estimates volumes could triple by 2030"). A count of visits
   ("about 880,000 visits") is a statistic too.
4. A line of a timeline or a schedule that opens with its date ("- Friday 8 May: team presentation in Aktau",
   "1992: diplomatic relations"; a comma after the date only in a bulleted list) is an event even without an
   event word: a plan when the date is after the publication, else of kind "other".
5. Anaphora: "The announcement/agreement/deal ... was made/signed ... on April 21" dates the
   previous sentence when that one has a trigger and no date of its own.
6. Repeats are dropped: an event with the same kind and date as an earlier one whose
   sentence shares most content words ("double GDP by 2029" said twice).

Partners come from the partner mentions of the sentence, else of its neighbours
(``partners.SentencePartners``; never Kazakhstan or a historical state). ``place`` is the name
of a place mentioned in the clause (cities before countries).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Sequence
from functools import lru_cache

from .dates import DateExpr, find_dates
from .partners import SentencePartners
from .records import Article, Event, Mention, PartnerMention
from .titles import headline

_I = re.I
# Trigger words per kind, looked up word by word (lower case); a dict lookup per word keeps
# the scan fast. Stems that take many endings are matched as prefixes.
_TRIGGER_WORDS = {
    "agreement": "sign signed signing signs agreement agreements accord accords memorandum memoranda mou mous "
                 "treaty treaties deal deals pact pacts contract contracts agreed joined accession venture ventures "
                 "lease agree agrees",
    "summit": "summit summits forum forums conference conferences congress ministerial roundtable hosted hosts",
    "visit": "visit visits visited visiting trip trips tour talks met meet meets meeting meetings arrived "
             "travelled traveled travels delegation delegations mission toured tours flew",
    "project": "construction built build building began begun begin start started starts launch launched launches "
               "launching complete completed completing completion commissioned commissioning open opened opening "
               "opens modernisation modernization modernising modernizing upgrade upgraded upgrading upgrades "
               "groundbreaking operational expand expanded expansion ready finish finished delivery deliveries "
               "maiden flight delivered arrive arrives arrival resume resumes resumed",
    "announcement": "announce announced announces announcing unveil unveiled unveils unveiling declared declares "
                    "declaration reveal revealed reveals proclaimed introduced introduces discovered discovery warned "
                    "extended",
    "investment": "invest invested investing invests investment investments pledge pledged pledges pledging loan "
                  "loans financed financing fund funded funding grant grants package packages committed allocated lent "
                  "lend",
    "plan": "plan plans planned programme programmes program programs strategy strategies goal goals target targets "
            "targeting aim aims aiming aimed roadmap double triple approve approved approves approval adopt adopted "
            "adopts vision intend intends raise increase boost due expected scheduled",
    "other": "established establish recognised recognized recognise recognize recognition referendum closed shut "
             "founded protests exercise exercises drill drills renamed festival strike strikes stopped halted "
             "suspended cancelled canceled banned earthquake earthquakes flood floods drought crash explosion accident "
             "fire storm mudflow flooding burst anniversary",
}
TRIGGERS: dict[str, str] = {w: k for k, ws in _TRIGGER_WORDS.items() for w in ws.split()}
_TRIGGER_PREFIXES = (("ratifi", "agreement"), ("inaugurat", "project"), ("announc", "announcement"))
# Priority for clauses that inherit a date (and for ties).
PRIORITY = ("summit", "agreement", "investment", "announcement", "project", "plan", "visit", "other")
_PRESENCE = frozenset("active present operating operates operated operator operators working relations ties presence"
                      .split())
_STRONG = frozenset("""signed signing agreement agreements memorandum summit summits forum forums visit visits visited
visiting met unveiled unveils announced announces pledged pledges approved adopted launched launches construction
completed completion inaugurated opened""".split())
_STAT = frozenset("""reach reached reaches reaching total totaled totalled totalling totals amount amounted amounts
stood
grew grow grows grown growth rose rise rising increase increased increases increasing fell fall falling decline declined
declining surge surged surging approach approached approaches approaching exceed exceeded exceeds exceeding received
poured accounted topped climbed dropped forecast forecasts forecasted estimate estimated estimates projected""".split())
_GOAL = frozenset("""aim aims aiming aimed goal goals target targets targeting plan plans planned planning strategy
want wants strategic vision double triple raise boost increase reach intend intends intended seek seeks seeking ambition
ambitious commit commits committed commitment pledge pledged pledges""".split())
_GOAL_ONLY = _GOAL - _STAT - {"increase", "raise", "boost"}  # words of a goal, never of a statistic
_TOKEN = re.compile(r"[A-Za-z]+")
_FORECAST = frozenset("estimate estimates estimated forecast forecasts forecasted projected projects predicts expects "
                      "predicted "
                      "could might".split())
_FORECAST_VERBS = (_FORECAST - {"could", "might"}) | {"expect", "expected", "predict"}  # (what might be is no forecast)
_EXPECT = frozenset({"expect", "expects"})
_PLAN_NOUNS_VERBS = frozenset("plan plans planned approve approved approves approval adopt adopted adopts".split())
_BUSINESS = frozenset("companies company firms firm investors investor businesses business".split())
_AMOUNT = re.compile(r"[$€£¥₸]\s?\d|\b\d[\d,.]*\s*(?:%|per\s?cent|percent|billion|million|trillion|bn\b|tenge|euros?"
                     r"|dollars|yuan|rubles?|roubles?)|\b(?:billions|millions|hundreds)\s+of\s+(?:dollars|euros)", _I)
_CLAUSE = re.compile(r",?\s+(?:where|during\s+which|at\s+which|after\s+which|followed\s+by)\s+|,\s+when\s+|;\s+"
                     r"|,\s+(?:although|though)\s+"
                     # ", and the two leaders set...": a new subject (a determiner or pronoun, not a list item)
                     r"|,\s+and\s+(?=(?:the|both|they|their|it|its|this|these|those|he|she|we)\s"
                     # ", and more than 450 followed": a count as the new subject
                     r"|(?:more\s+than|about|some|nearly|another|at\s+least)\s+\d)", _I)
# Across these the subject usually changes: triggers beyond them are farther from a date.
_SOFT_BARRIER = re.compile(r",\s+(?:and|but|while|whereas)\s+", _I)
# "during his state visit", "during a meeting of the council": an event of its own, dated like the sentence.
_DURING = re.compile(r"\bduring\s+(?:(?:a|an|the|his|her|their|its)\s+)?(?:[\w’'\-–]+\s+){0,5}?"
                     r"(?P<w>visit|trip|talks|meeting|summit|forum|conference|tour)\b", _I)
# Money given or promised: "pledged €10 billion", "unveiled a €12 billion package".
_MONEY_VERB = re.compile(r"\b(?:pledged|committed|unveiled|allocated|invested|announced|provided|approved|promised)\s+"
                         r"(?:(?:a|an|about|around|nearly|almost|over|more\s+than|some|up\s+to)\s+)*[$€£¥₸]?\s?\d", _I)
# A trigger that names the audience or a plan that was dropped is not an event.
_NOT_EVENT_BEFORE = re.compile(r"\b(?:told|addressed|addressing|telling)\s+(?:the\s+|a\s+)?$|"
                               r"\b(?:originally|initially|previously)\s+$", _I)
# "first planned for 2024" is a plan that changed; "the first summit ... was held in July 2023" is an event
_FIRST_PLANNED = re.compile(r"\bfirst\s+$", _I)
_FOLLOWED = re.compile(r"followed\s+by", _I)
_WHEN = re.compile(r",\s+when\s+", _I)  # the separator of a clause that tells what happened at the date before it
_MEETING_KINDS = frozenset({"agreement", "visit", "summit"})
_DONE = re.compile(r"[a-z]+ed|met|held|signed", _I)  # a past tense: "when they signed", not "called off a trip"
# "about 880,000 visits", "52,000 Indian citizens visited": a count of visits is a statistic, not a visit
_COUNTED = re.compile(r"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?\s+(?:thousand|million))\s+"
                      r"(?:[A-Za-z]+\s+){0,2}$", _I)
# "meet 85 per cent of its own demand", "meets EU standards": meeting a need, not people
_MET_NEED = re.compile(r"(?:\s+(?!(?:with|in|at|to|on|for|and|over|about)\b)[\w%'\u2019-]+){1,7}?\s+(?:demand|needs"
                       r"|requirements|standards|criteria|targets?|goals?|deadlines?|expectations|obligations|conditions"
                       r"|quotas?)\b", _I)
_MEET = frozenset({"meet", "meets", "met"})
# a regular past tense ("police raided a dormitory"; a passive one too: "was widened last autumn"), but not an
# adjective after a determiner, a present or perfect auxiliary or a linking verb ("the revised plan", "is needed",
# "need guaranteed water"), nor these words
_ED = re.compile(r"(?<![\w-])[a-z]{3,}ed\b")
_ADJECTIVE_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her|our|this|that|these|those|of|for|with|on|in|at|by"
                               r"|from|to|into|under|over|about|been"
                               r"|be|is|are|has|have|had|need|needs|get|gets|got|remain|remains|seem|seems)\s+$", _I)
_NOT_VERB_ED = frozenset("based owned led need speed seed feed bed hundred indeed united limited related used called "
                         "named expected scheduled planned proposed".split())
# what will happen: "will", "would" (reported: "said it would buy 12,000 tonnes next year"), "should", a wish or an aim
_WILL_VERB = re.compile(r"\b(?:will|would|should|is to|are to|is due to|are due to"
                        r"|(?:hopes?|wants?|intends?|aims?|plans?|expects?) to)\s+(?:also\s+)?[a-z]+", _I)
_CREDIT = re.compile(r"\s*[*_(]*(?:First|Originally)\s+published\b")
_YOU = re.compile(r"\byou\b", _I)
_BY_BEFORE = re.compile(r"\bby\s+(?:the\s+end\s+of\s+)?$", _I)  # ("by the end of next year": 'next year')
_GOAL_VERB = re.compile(r"\b(?:wants?|aims?|hopes?|intends?|would|will|must|promise[sd]?|pledge[sd]?|vow(?:s|ed)?)\b",
                        _I)  # ("must transfer its share by the end of June": an obligation's deadline)
_NAMING_YEAR = re.compile(r" (?!and\b|to\b|or\b|in\b|on\b|at\b|as\b)([a-z]+)")
_DETERMINER_BEFORE = re.compile(r"\b(?:the|its|their|this|that)\s+$", _I)  # ("under a 2010 agreement": its date)
_TO_BEFORE = re.compile(r"\bto\s+$", re.I)
# What happened to people and bodies, when no event word says more: "was born in 1940", "moved to Almaty in 2019",
# "went back in 1996", "police raided a dormitory on 28 October"
_PAST_VERB = re.compile(r"(?<![\w-])(?:born|married|moved|went|came|left|died|graduated|retired|joined|became|"
                        r"fled|settled|returned|began|started|stopped|ended|reached|crossed|raided|detained|arrested|"
                        r"cut|added|declared|applied|received|appeared|replaced|introduced|terminated|banned|filed|granted|"
                        r"allowed|spent|issued|elected|appointed|resigned|won|lost|paused|suspended|lifted|built|sent|sold|bought"
                        r"|ran|flew|struck|fought|sank|broke|gave|beat(?!\s+(?:expectations|forecasts|estimates)\b)"
                        # (not a statistic: "made up a fifth", "took more than half", "held less than half its volume")
                        r"|made(?!\s+up\b)|took\s+(?:effect|place|office|part|over)"
                        r"|held(?!\s+(?:less|more|about|around|roughly|nearly|almost|only|just|over|under|some|\d)\b))\b",
                        re.I)
# the day a statement was made: "said on Monday", "told reporters on Tuesday", "announced Thursday"
_REPORTED = re.compile(r"\b(?:said|says|told(?:\s+\w+)?|announced|stated|confirmed|reported)\s+(?:on\s+|in\s+)?$", _I)
# "On Monday the industry ministry said it would ...": the statement's day before its subject and verb
_REPORTED_AFTER = re.compile(r",?\s+(?:[\w'\u2019-]+\s+){0,4}?"
                             r"(?P<v>said|says|announced|told|stated|confirmed|reported)\b", _I)
# "due to sanctions", "due to the war": a cause, not a schedule ("is due to open in 2027", "is due in 2028")
_CAUSAL_DUE = re.compile(r"\s+to\s+(?!(?:be|open|start|begin|visit|arrive|launch|sign|complete|hold|take|enter|resume"
                         r"|come|go|meet|travel|finish|reach|leave|depart|sail|fly|run|report|deliver|close|expire"
                         r"|publish|decide|vote|return)\b)", _I)
_DROPPED = re.compile(r"\b(?:originally|initially|previously|first)\s+(?:planned|scheduled|expected|due|set)\s+"
                      r"(?:for\s+|in\s+)?$", _I)
_REF_BEFORE = re.compile(r"\b(?:before|after|ahead\s+of|following|since|prior\s+to|days\s+before)\s+(?:the\s+|this\s+"
                         r"|last\s+|its\s+|his\s+|her\s+|their\s+)?(?:[\w’'\-–]+\s+){0,4}$", _I)
_ANAPHOR = re.compile(r"\W*(?:The|This|That)\s+(announcement|agreement|deal|decision|accord|memorandum|statement|pledge"
                      r"|signing|commitment|launch|contract)\s+(?:was|were|had\s+been|has\s+been)\s+(?:made|signed"
                      r"|reached|announced|concluded|sealed|struck|unveiled|adopted|approved|agreed)\b", _I)
_VISIT_SUMMIT = {"visit": "visit", "trip": "visit", "talks": "visit", "meeting": "visit", "tour": "visit",
                 "summit": "summit", "forum": "summit", "conference": "summit"}
_ANAPHOR_KIND = {"announcement": "announcement", "statement": "announcement", "decision": "announcement",
                 "launch": "project", "pledge": "investment", "commitment": "investment"}
_STOP = frozenset("""a an the of in on at to for and or but by with from as is are was were be been has have had
this that these those it its his her their our we he she they which who will would could should may might
also into over than more most such not no new last year years month said says""".split())


def extract_events(article: Article, spans: Sequence[tuple[int, int]],
                   partner_mentions: Sequence[PartnerMention] = (), mentions: Sequence[Mention] = (),
                   dates: Sequence[DateExpr] | None = None) -> list[Event]:
    """Dated events of ``article``; offsets are into ``article.body``; pure. ``dates`` are
    ``find_dates(article.body, article.published)`` when the caller has them already."""
    body = article.body
    dates = list(find_dates(body, article.published) if dates is None else dates)
    starts = [d.start for d in dates]
    m_sorted = sorted(mentions, key=lambda m: m.start)
    m_starts = [m.start for m in m_sorted]
    ctx = _Context(body, spans, m_sorted, m_starts, SentencePartners(partner_mentions, spans), article.published)
    events: list[tuple[int, Event]] = []  # (sentence index, event)
    prev_dated = True
    day = _day_headings(body, dates) if "#" in body else []
    entries: set[int] = set()  # the events of a day's entries: each is its own happening
    day_starts = [h for h, _ in day]
    for i, (s, e) in enumerate(spans):
        sent_dates = dates[bisect_left(starts, s):bisect_left(starts, e)]
        sent_dates = [d for d in sent_dates if d.date and d.end <= e]
        if body.startswith("#", s):
            sent_dates = []  # a Markdown heading ("## A visit in the spring") names what its section tells
            if day and s in day_starts:
                continue
        found = _sentence_events(ctx, i, s, e, sent_dates) if sent_dates else []
        if not sent_dates and day and s > day[0][0] and not body.startswith(("#", "**"), s):
            heading = day[bisect_right(day_starts, s) - 1][1]
            if heading is not None:  # a live blog's entry under "## Wednesday, 10 June"
                found = _under_day(ctx, i, s, e, heading)
                entries.update(id(f) for f in found)
        if not found and sent_dates and sent_dates[0].start - s <= 40:  # a date opening the line, or after a lead
            found = _timeline_entry(ctx, i, s, e, sent_dates[0], article.published)
        anaphor = _ANAPHOR.match(body, s, e) if found and not prev_dated else None
        if anaphor and _best_kind(body, *spans[i - 1]):
            kind = _ANAPHOR_KIND.get(anaphor.group(1).lower(), "agreement" if anaphor.group(1).lower() in (
                "agreement", "deal", "accord", "memorandum", "signing", "contract") else "announcement")
            d = found[0]
            ps, pe = spans[i - 1]
            events.append((i - 1, _make(ctx, i - 1, ps, pe, ps, pe, kind, d.date, d.end, d.date_text,
                                        max(0.3, d.confidence - 0.2), _first_trigger(body, ps, pe, kind))))
            found = [f for f in found if f.kind != kind] or found
        events.extend((i, f) for f in found)
        prev_dated = bool(sent_dates)
    return _dedupe(body, events, article.published, entries)


_HEADING = re.compile(r"^#{1,6}[ \t]+(.*)$", re.M)
_DONE = re.compile(r"\b(?:\w+ed|met|held|took|made|began|went|left|flew|signed|gave|saw|won|spoke|laid|came)\b", _I)
_TOLD_OR_AHEAD = re.compile(r"\b(?:said|says|told|will|would|expects?|plans?)\b", _I)


def _day_headings(body: str, dates: Sequence[DateExpr]) -> list[tuple[int, DateExpr | None]]:
    """Where each Markdown heading starts, with its date when the heading is a date and nothing more ("## Wednesday,
    10 June", a live blog's or a diary's day): the sentences below it, until the next heading, happened that day."""
    out: list[tuple[int, DateExpr | None]] = []
    for m in _HEADING.finditer(body):
        inside = [d for d in dates if m.start(1) <= d.start and d.end <= m.end(1) and d.date and d.precision == "day"]
        rest = body[m.start(1):m.end(1)]
        for d in inside:
            rest = rest.replace(body[d.start:d.end], "")
        plain = len(re.sub(r"[\W\d_]+", "", rest)) <= 3  # nothing but the date, its weekday and punctuation
        out.append((m.start(), inside[0] if len(inside) == 1 and plain else None))
    return out


def _under_day(ctx: _Context, i: int, s: int, e: int, d: DateExpr) -> list[Event]:
    """The event of an undated sentence of a day's section, dated by the day's heading."""
    body = ctx.body
    if body.startswith(("- ", "* "), s) or _TOLD_OR_AHEAD.search(body, s, e) or not _DONE.search(body, s, e):
        return []  # a list's item, a statement or a plan: only what was done that day
    trig = [t for t in _triggers(body, s, e) if t[2] != "plan"]
    if not trig:
        return []
    at, _, kind = trig[0]  # the sentence's first event word: "companies signed 31 agreements at a business forum"
    return [_make(ctx, i, s, e, s, e, kind, d.date, None, d.text, _confidence(d) - 0.1, at)]


# A line of a timeline or a schedule opens with its date: "- Friday 8 May: team presentation in Aktau", "March 2025:
# Kazakhstan and Brazil agree veterinary certificates", "Wednesday, May 13, stage 4: time trial in Aktau"
_ENTRY_HEAD = re.compile(r"(?P<bullet>[-*\u2022]\s*)?(?P<lead>(?i:from|in|early|late|mid-?|(?:the\s+)?end\s+of"
                         r"|(?:first|second|third|fourth)\s+quarter\s+of|(?:first|second)\s+half\s+of)\s*)?$")
_ENTRY_TAIL = re.compile(r"\s*(?P<sep>[:,])\s+\S")


def _after(date: str, published: str | None) -> bool:
    """``date`` is later than the publication at the precision both give ("2026-05" after "2026-04-30")."""
    return published is not None and date[:len(published)] > published[:len(date)]


def _timeline_entry(ctx: _Context, i: int, s: int, e: int, d: DateExpr, published: str | None) -> list[Event]:
    """The entry of a timeline line that has no event word: planned when its date is after the publication, else a
    happening of kind "other"."""
    body = ctx.body
    head, tail = _ENTRY_HEAD.match(body, s, d.start), _ENTRY_TAIL.match(body, d.end, e)
    if head is None or tail is None or d.date is None or (tail.group("sep") == "," and not head.group("bullet")) or (
            head.group("lead") and tail.group("sep") != ":"):  # "From 2028: exports ...", "First quarter of 2026: ..."
        return []  # "Last year, cargo grew 30 percent": a comma after the date makes an entry only in a list
    after = _after(d.date, published)
    return [_make(ctx, i, s, e, s, e, "plan" if after else "other", d.date, d.end_date, d.text, _confidence(d), d.end,
                  (d.start, d.end))]


class _Context:
    __slots__ = ("body", "spans", "mentions", "m_starts", "partners", "published")

    def __init__(self, body, spans, mentions, m_starts, partners, published=None):
        self.body, self.spans = body, spans
        self.mentions, self.m_starts, self.partners = mentions, m_starts, partners
        self.published = published


def _words(body: str, s: int, e: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group().lower()) for m in _TOKEN.finditer(body, s, e)]


@lru_cache(maxsize=1 << 17)  # articles repeat their words
def _kind_of(w: str) -> str | None:
    """The event kind a lower-case word triggers, or None."""
    k = TRIGGERS.get(w)
    if k is None:
        for p, kind in _TRIGGER_PREFIXES:
            if w.startswith(p):
                return kind
        if w.startswith("cop") and w[3:].isdigit():
            return "summit"
    return k


# "the first train of the new service left", "our first container reached Almaty": a route's first run is a
# project's milestone
_FIRST_RUN = frozenset("train trains container containers shipment shipments cargo cargoes consignment convoy "
                       "vessel ship ferry voyage batch truck trucks lorry lorries".split())
_BREAK = frozenset("break breaks broke breaking".split())  # "broke ground on a second site": a groundbreaking
_WILL = frozenset("will would shall to".split())
_TO_COME = frozenset("is are due set".split())  # "to follow" looks forward after these only ("is to follow in May")


def _triggers(body: str, s: int, e: int, words=None) -> list[tuple[int, int, str]]:
    out = []
    words = words if words is not None else _words(body, s, e)
    for n, (a, b, w) in enumerate(words):
        k = _kind_of(w)
        if k:
            out.append((a, b, k))
        elif w == "first" and any(x[2] in _FIRST_RUN for x in words[n + 1:n + 3]):  # "first (direct) cargo"
            out.append((a, b, "project"))
        elif w == "ground" and n > 0 and words[n - 1][2] in _BREAK:
            out.append((words[n - 1][0], b, "project"))
        elif w in ("follow", "follows") and n > 0 and words[n - 1][2] in _WILL and (
                words[n - 1][2] != "to" or (n > 1 and words[n - 2][2] in _TO_COME)):  # "deliveries will follow in May"
            out.append((a, b, "plan"))  # (not "an analyst who follows the market", "were obliged to follow the law")
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


# "has run trams since 1959", "has pumped oil since 2016": a project's work going on since a date
_PERFECT = frozenset({"has", "have", "had"})
_IRREGULAR = frozenset("run sent built made shipped supplied held".split())
_NOT_ONGOING = _STAT | frozenset("grown fallen risen decreased doubled tripled halved changed slowed improved".split())


def _ongoing(words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The verb of a present perfect ("has pumped", "has been trucked"; not "has been producing", nor a statistic's
    "has grown"), as a trigger of its own kind, else of a project."""
    out = []
    for n in range(1, len(words)):
        w = words[n][2]
        perfect = words[n - 1][2] in _PERFECT or (n > 1 and words[n - 1][2] == "been" and words[n - 2][2] in _PERFECT)
        if (perfect and (w in _IRREGULAR or w.endswith("ed")) and w not in _NOT_ONGOING
                and w not in _PRESENCE):  # "have operated in Aktobe since 2005": a presence, as before
            out.append((words[n][0], words[n][1], _kind_of(w) or "project"))  # "have invested since": an investment
    return out


def _names_a_thing(body: str, d: DateExpr) -> bool:
    """A year that names a thing: "the 2022 partnership", "the 2028 freight target" ("the 2024 visit" is dated)."""
    if d.end - d.start != 4 or not _DETERMINER_BEFORE.search(body, max(0, d.start - 6), d.start):
        return False
    noun = _NAMING_YEAR.match(body, d.end)
    return noun is not None and _kind_of(noun.group(1).lower()) not in ("visit", "summit")


_NUMBER = re.compile(r"\d[\d,.]*")
_MEASURE_WORD = re.compile(r"[-\u2010\u2011][a-z]")  # "two 500-kilovolt lines", "the 12-hectare site": no count
_SCORE = re.compile(r"[-\u2013]\d")  # a match's score ("beat Karaganda 3-2 on Thursday"): no count
_SCORE_END = re.compile(r"\d[-\u2013]$")
_IN_PHRASE = re.compile(r"\b(?:the|of|carrying|with|first)\s+"
                        r"(?:(?:about|some|around|nearly|roughly|almost|over|more\s+than)\s+)?$", _I)


def _counted(body: str, lo: int, hi: int, dates: Sequence[DateExpr]) -> bool:
    """A number between ``lo`` and ``hi`` that counts what the clause tells of ("received 78,000 visitors",
    "About 60,000 tonnes left"): a statistic; not one inside a phrase ("A block train of 60 wagons left on
    Friday", "carrying the first 24 kits", "tested the route with a pilot group of 14 travellers in October"), nor a
    match's score ("beat Karaganda 3-2 on Thursday")."""
    for m in _NUMBER.finditer(body, lo, hi):
        if not any(x.start <= m.start() < x.end for x in dates) and not _IN_PHRASE.search(
                body, max(lo, m.start() - 30), m.start()) and not _MEASURE_WORD.match(body, m.end()) and not (
                _SCORE.match(body, m.end()) or _SCORE_END.search(body, max(lo, m.start() - 8), m.start())):
            return True
    return False


def _possessive(body: str, d: DateExpr, cs: int | None = None) -> bool:
    """A date in the possessive: "next winter's power deliveries", "Last year's harvest"; with ``cs``, not one that
    opens its clause ("Next year's forum will be held in Aktobe in the autumn": the subject's date)."""
    if cs is not None and len(body[cs:d.start].split()) < 2:
        return False
    return d.text.endswith(("'s", "\u2019s")) or body.startswith(("'s", "\u2019s"), d.end)


def _usable(d: DateExpr, words: list[tuple[int, int, str]], wordset: set[str], triggers, has_amount: bool,
            body: str = "") -> bool:
    if d.anchor in ("until", "after"):
        return False
    if body and _names_a_thing(body, d):
        return False
    if d.anchor == "since":  # "active in the country since 1992"; "investments since 2005 reached $24bn" is a figure
        return bool(wordset & _PRESENCE or _ongoing(words)) and not has_amount
    if d.text.lower() == "recent":  # only "the recent summit/visit/talks/agreement"
        return any(0 <= ts - d.end <= 40 for ts, _, k in triggers if k in ("summit", "visit", "agreement"))
    return True


def _sentence_events(ctx: _Context, i: int, s: int, e: int, sent_dates: list[DateExpr]) -> list[Event]:
    body = ctx.body
    events: list[Event] = []
    first: tuple[str | None, str | None, str, float] | None = None
    inherit_later: list[tuple[int, int, bool]] = []
    last_end = s
    for cs, ce, followed in _clauses(body, s, e):
        words = _words(body, cs, ce)
        wordset = {w for _, _, w in words}
        trig = _triggers(body, cs, ce, words)
        has_amount = _AMOUNT.search(body, cs, ce) is not None
        usable = [d for d in sent_dates if cs <= d.start < ce and _usable(d, words, wordset, trig, has_amount, body)]
        # "December 2021, when they signed", "since 2018, when it became the regional capital": a when-clause
        # takes the date just before it, for a meeting in the past tense or a happening with no event word, unless
        # the sentence has an event of that date already ("made headlines last November, when lorries waited")
        if not usable and _WHEN.fullmatch(body, last_end, cs) and (not trig or any(
                k in _MEETING_KINDS and ts - cs <= 80 and "," not in body[cs:ts]
                and (_DONE.fullmatch(body, ts, te) or _DONE.search(body, cs, ts))  # ("when Japan began meetings")
                for ts, te, k in trig)):
            anchors = ("at",) if trig else ("at", "since")
            usable = [d for d in sent_dates if d.end == last_end and d.anchor in anchors
                      and not any(x.date == d.date for x in events)]
        last_end = ce
        if len(usable) > 1 and any(_possessive(body, d, cs) for d in usable):
            # "next winter's power deliveries in October": a possessive date names a thing beside the clause's date
            usable = [d for d in usable if not _possessive(body, d, cs)] or usable
        if has_amount and wordset & _STAT and not wordset & _STRONG:
            # a statistic or a forecast: a figure, not an event; but a goal keeps its deadline ("set a goal of
            # 15% by 2030, up from 6% last year": a plan for 2030, and last year's share a figure)
            usable = [d for d in usable if d.anchor == "by"] if wordset & _GOAL_ONLY else []
            if not usable:
                continue
        ongoing: set[int] = set()  # where the verb of a present perfect starts ("has pumped oil since 2016")
        if any(d.anchor == "since" for d in usable):
            more = _ongoing(words)
            ongoing = {a for a, _, _ in more}
            trig = trig + [(a, b, "other") for a, b, w in words if w in _PRESENCE] + more
        if not trig:
            said = next(((d, x) for d in usable if (x := _said(body, cs, ce, d)) is not None), None)
            if said is None:
                happening = _happening(ctx, cs, ce, usable, sent_dates, has_amount) if usable else None
                if happening is not None:
                    d, at, kind = happening
                    events.append(_make(ctx, i, s, e, cs, ce, kind, d.date, d.end_date, d.text, _confidence(d),
                                        at, (d.start, d.end)))
                continue
            if said is None or any(x.kind == "announcement" for x in events):
                continue
            d, at = said
            events.append(_make(ctx, i, s, e, cs, ce, "announcement", d.date, d.end_date, d.text, _confidence(d), at,
                                (d.start, d.end)))
            continue
        if not usable:
            if first is None:
                inherit_later.append((cs, ce, followed))
                continue
            _inherit(ctx, i, s, e, cs, ce, followed, trig, first, events, has_amount)
            continue
        if len(usable) > 1:  # "said on Monday that it will start flights on 15 December": the statement's day last
            usable.sort(key=lambda d: _said(body, cs, ce, d) is not None)
        taken: set[int] = set()
        # "raise trade from $4 billion last year to $10 billion by 2030": a goal word goes to the deadline
        deadline = any(d.anchor == "by" for d in usable)
        barriers = [m.start() for m in _SOFT_BARRIER.finditer(body, cs, ce)]
        during = [m.start("w") for m in _DURING.finditer(body, cs, ce)]
        trig = [t for t in trig if not _NOT_EVENT_BEFORE.search(body, max(cs, t[0] - 25), t[0])
                and not (t[2] == "plan" and _FIRST_PLANNED.search(body, max(cs, t[0] - 8), t[0]))
                and not (t[1] - t[0] == 3 and body[t[0]:t[1]].lower() == "due" and _CAUSAL_DUE.match(body, t[1]))
                and not (t[2] == "visit" and _COUNTED.search(body, max(cs, t[0] - 40), t[0]))
                and not (t[2] == "visit" and body[t[0]:t[1]].lower() in _MEET and _MET_NEED.match(body, t[1], ce))]
        for d in usable:
            best = None
            for ts, te, kind in trig:
                if ts in taken:
                    continue
                if d.anchor == "since" and kind != "other" and ts not in ongoing:
                    continue
                if d.anchor == "by" and kind in ("visit", "summit"):
                    continue  # "by 2030" is a deadline: plans and projects have them, visits do not
                dist = ts - d.end if ts >= d.end else d.start - te
                lo, hi = min(ts, d.start), max(ts, d.start)
                if any(lo < x < hi for x in barriers):
                    dist += 50
                if ts in during:
                    dist += 40  # "signed ... on Tuesday during a meeting": the signing is the main event
                ref = d.text.lower() != "recent" and bool(_REF_BEFORE.search(body, max(cs, ts - 60), ts))
                if kind == "plan" and d.anchor != "by" and body[ts:te].lower() not in _PLAN_NOUNS_VERBS:
                    if deadline:
                        continue
                    dist += 60  # a goal word without a target year is weak evidence of a plan
                score = (ref, max(dist, 0))
                if best is None or score < best[0]:
                    best = (score, ts, kind)
            if best is None:
                said = _said(body, cs, ce, d)
                if said is None or any(x.kind == "announcement" for x in events):
                    continue
                best = ((False, 0), said, "announcement")  # "said on Monday that ...": a statement
            if _NOT_EVENT_BEFORE.search(body, max(cs, d.start - 40), d.start) or _DROPPED.search(
                    body[max(cs, d.start - 45):d.start]):
                continue  # "originally planned for 2024": a plan that was dropped
            taken.add(best[1])
            kind = best[2]
            if d.anchor == "since":
                kind = best[2] if best[1] in ongoing else "investment" if wordset & _BUSINESS else "other"
            elif d.anchor == "by" and wordset & _GOAL and (
                    kind not in ("agreement", "summit", "project") or body[best[1]:best[1] + 6].lower() == "agreed"
                    or (kind == "project" and wordset & _PLAN_NOUNS_VERBS)):
                kind = "plan"
            if kind == "investment" and not has_amount and body[best[1]:best[1] + 5].lower() == "pledg":
                if during:
                    continue  # "during his visit, Xi pledged support": the visit is the event
                kind = "announcement"  # "pledged support": a statement, not money
            if d.anchor == "by" and _forecast(words, d.start):
                continue  # "the World Bank estimates volumes could triple by 2030": a forecast, not a plan
            if _predicted(words, best[1]):
                continue  # "Forecasters expect a smaller flood this year": what others foresee
            end = d.end_date or _end_bound(sent_dates, d, cs, ce)
            conf = _confidence(d)
            if any(x.kind == kind and x.date == d.date for x in events):
                continue
            events.append(_make(ctx, i, s, e, cs, ce, kind, d.date, end, d.text, conf, best[1], (d.start, d.end)))
            if first is None and d.anchor not in ("since", "by"):
                first = (d.date, end, d.text, conf)
        _extra_events(ctx, i, s, e, cs, ce, usable, events)
    if first is not None:
        for cs, ce, followed in inherit_later:
            _inherit(ctx, i, s, e, cs, ce, followed, _triggers(body, cs, ce), first, events,
                     _AMOUNT.search(body, cs, ce) is not None)
    if events:
        _leftover_dates(ctx, i, s, e, sent_dates, events)
    return events


def _leftover_dates(ctx: _Context, i: int, s: int, e: int, sent_dates: list[DateExpr], events: list[Event]) -> None:
    """A sentence that tells of an event tells of one at each of its other plain dates: "In 1975 he went to New
    Delhi, and in 1983 he was sent to Mongolia". Each such date makes an event of the kind of the event word nearest
    it (else "other"), unless its month or year is that of an event already made, a statistic's figures stand near
    it, or it ends a span ("extended to 2050")."""
    body = ctx.body
    clauses = trig = None
    for d in sent_dates:
        if d.anchor != "at" or d.date is None or d.text.lower() in ("today", "now", "recent"):
            continue
        if any(x.date.startswith(d.date) or d.date.startswith(x.date) for x in events) or _names_a_thing(
                body, d) or _possessive(body, d):  # ("next winter's deliveries": a thing's date)
            continue
        clauses = clauses or _clauses(body, s, e)
        cs, ce = next(((a, b) for a, b, _ in clauses if a <= d.start < b), (s, e))
        lo, hi = max(cs, d.start - 60), min(ce, d.end + 60)
        if _AMOUNT.search(body, lo, hi) or {w for _, _, w in _words(body, lo, hi)} & _STAT or _counted(
                body, lo, hi, sent_dates):
            continue  # "reached $4.4 billion last year, up from ... in 2021": a statistic's dates
        if _NOT_EVENT_BEFORE.search(body, max(s, d.start - 40), d.start) or _DROPPED.search(
                body[max(s, d.start - 45):d.start]) or _TO_BEFORE.search(body, max(s, d.start - 6), d.start):
            continue  # "extended to 2050": an end, not a happening
        trig = _triggers(body, s, e) if trig is None else trig
        kind = min(trig, key=lambda t: abs(t[0] - d.start))[2] if trig else "other"
        events.append(_make(ctx, i, s, e, cs, ce, kind, d.date, d.end_date, d.text, _confidence(d) - 0.1, None,
                            (d.start, d.end)))


_PREDICT = frozenset("expect expects predict predicts forecast forecasts".split())


def _predicted(words: list[tuple[int, int, str]], before: int) -> bool:
    """A present-tense verb of foreseeing before offset ``before`` with no "to" after it: "Forecasters expect a
    smaller flood this year"; not "expects to" (the subject's own plan) or "expect the first phase to be ready in
    2026" (what officials schedule)."""
    for k, (a, _, w) in enumerate(words):
        if a >= before:
            break
        if w in _PREDICT and all(x[2] != "to" for x in words[k + 1:k + 9]):
            return True
    return False


def _forecast(words: list[tuple[int, int, str]], before: int) -> bool:
    """A forecast word before offset ``before``: "the IEA expects demand to triple by 2040", but not "expects to"
    ("which it expects to reach by 2028": the speaker's own target)."""
    for k, (a, _, w) in enumerate(words):
        if a >= before:
            break
        if w in _FORECAST and not (w == "expects" and k + 1 < len(words) and words[k + 1][2] == "to"):
            return True
    return False


def _happening(ctx: _Context, cs: int, ce: int, usable: list[DateExpr], sent_dates: list[DateExpr],
               has_amount: bool = False) -> tuple[DateExpr, int, str] | None:
    """A dated clause with no event word that tells of a happening: its date nearest the verb, where the verb
    starts, and the kind. What happened ("other"): a verb of ``_PAST_VERB``, else a past tense in -ed that no
    determiner, auxiliary or linking verb makes an adjective ("police raided a dormitory", not "need guaranteed
    water"); what will happen ("plan"): a wish, an aim, a promise or "will" before a deadline ("wants to have 600
    students by 2028"), else "will", "would", "should", "is to", a wish or an aim ("hopes to") and a verb, none of
    the clause's dates before the publication ("Kansai will install sensors in the second quarter"), numbers or not
    ("60 engineers will train in Korea from January"). A number that counts what happened makes it a statistic
    ("received 78,000 visitors last year", "About 60,000 tonnes left in November"; not "A block train of 60 wagons
    left"); a credit line ("First published in ...") and a reader addressed ("you will see") make none."""
    body = ctx.body
    words = _words(body, cs, ce)
    if _CREDIT.match(body, cs) or _YOU.search(body, cs, ce) or any(
            w in _FORECAST_VERBS and not (w in _EXPECT and k + 1 < len(words) and words[k + 1][2] == "to")
            for k, (_, _, w) in enumerate(words)):
        return None  # (nor a forecast: "analysts expect volumes to double this year"; "expects to ship" is a plan)
    kind = "other"
    verb = _PAST_VERB.search(body, cs, ce) or next(
        (m for m in _ED.finditer(body, cs, ce) if m.group().lower() not in _NOT_VERB_ED
         and not _ADJECTIVE_BEFORE.search(body, max(cs, m.start() - 12), m.start())), None)
    if verb is not None and _WILL_VERB.search(body, cs, verb.start()) and not any(
            _after(ctx.published or "", d.date or "") for d in usable):
        verb = None  # "will be held", "will install sensors linked to ..." (not "would draw water under a permit
        # issued in February", a date before the publication): what will happen
    deadline = next((d for d in usable if d.anchor == "by" or _BY_BEFORE.search(body, max(cs, d.start - 18), d.start)),
                    None)  # ("by 2028", "by the end of 2028")
    goal = _GOAL_VERB.search(body, cs, ce) if deadline is not None else None
    if goal is not None and verb is not None and goal.start() > verb.start():
        goal = None  # (a past verb before the wish: what happened)
    if goal is not None:  # "The institute wants to have 600 students by 2028": a goal, its figure no statistic
        return deadline, goal.start(), "plan"
    if has_amount:
        return None  # money or a share: a figure
    if verb is None:
        verb, kind = _WILL_VERB.search(body, cs, ce), "plan"
        if verb is None or any(_after(ctx.published or "", d.date or "") for d in usable):  # none before it
            return None
    if kind == "other" and _counted(body, cs, ce, sent_dates):
        return None
    return min(usable, key=lambda x: abs(x.start - verb.start())), verb.start(), kind


def _said(body: str, cs: int, ce: int, d: DateExpr) -> int | None:
    """Where the reporting verb of a statement dated by ``d`` starts ("said on Monday that", "On Monday the
    ministry said"), or None when ``d`` does not date a statement."""
    m = _REPORTED.search(body, max(cs, d.start - 30), d.start)
    if m is not None:
        return m.start()
    if len(body[cs:d.start].split()) > 1:
        return None  # only a date opening the clause ("On Monday it said"), not "... on Monday, officials said"
    m = _REPORTED_AFTER.match(body, d.end, ce)
    return m.start("v") if m is not None else None


def _extra_events(ctx: _Context, i: int, s: int, e: int, cs: int, ce: int, usable: list[DateExpr],
                  events: list[Event]) -> None:
    """Second events a dated clause states outright: "during his state visit" (a visit) and
    "pledged €10 billion" (an investment), dated by the nearest date of the clause that is not a
    deadline ("by 2030") or a start ("since 1992")."""
    body = ctx.body
    dates = [d for d in usable if d.anchor not in ("since", "by")]
    if not dates:
        return
    found = [(m.start("w"), _VISIT_SUMMIT[m.group("w").lower()]) for m in _DURING.finditer(body, cs, ce)]
    m = _MONEY_VERB.search(body, cs, ce)
    if m:
        found.append((m.start(), "investment"))
    for pos, kind in found:
        d = min(dates, key=lambda x: abs(x.start - pos))
        if not any(x.kind == kind and x.date == d.date for x in events):
            events.append(_make(ctx, i, s, e, cs, ce, kind, d.date, d.end_date, d.text, _confidence(d) - 0.1, pos,
                                (d.start, d.end)))


def _inherit(ctx, i, s, e, cs, ce, followed, trig, first, events, has_amount) -> None:
    kinds = {k for _, _, k in trig}
    if "investment" in kinds and has_amount:
        kind = "investment"
    else:
        kind = next(k for k in PRIORITY if k in kinds or k == "other")
    if kind == "other" or any(x.kind == kind and x.date == first[0] for x in events):
        return
    date, end, text, conf = first
    if followed and len(date) == 10:
        date, end = date[:7], None
    pos = next((ts for ts, _, k in trig if k == kind), cs)
    events.append(_make(ctx, i, s, e, cs, ce, kind, date, end, text, conf - 0.15, pos))


def _end_bound(dates: list[DateExpr], d: DateExpr, cs: int, ce: int) -> str | None:
    for x in dates:
        if x.anchor == "until" and cs <= x.start < ce and x.date and x.date > (d.date or ""):
            return x.date
    return None


def _confidence(d: DateExpr) -> float:
    c = 0.75 if not d.relative else 0.55
    if d.precision == "day":
        c += 0.1
    if d.text.lower() == "recent" or "days" in d.text.lower():
        c -= 0.15
    return c


def _make(ctx: _Context, i: int, s: int, e: int, cs: int, ce: int, kind: str, date: str | None, end: str | None,
          date_text: str, conf: float, trigger: int | None = None,
          date_span: tuple[int, int] | None = None) -> Event:
    assert date is not None  # only dates that resolved to a calendar date make events
    partners = ctx.partners.near(i)
    place = _place(ctx, s, e, cs, ce, cs if trigger is None else trigger)
    if partners:
        conf += 0.05
    title = _title(ctx.body, cs, ce, kind, cs if trigger is None else trigger, date_span)
    return Event(date=date, kind=kind, title=title, evidence=ctx.body[s:e],
                 evidence_start=s, evidence_end=e, end=end, partners=partners, place=place, date_text=date_text,
                 confidence=round(min(0.95, max(0.1, conf)), 2))


def _place(ctx: _Context, s: int, e: int, cs: int, ce: int, trigger: int) -> str | None:
    """The place of the event: a place of its clause (points before countries), nearest the trigger."""
    lo, hi = bisect_left(ctx.m_starts, s), bisect_right(ctx.m_starts, e - 1)
    cands = ctx.mentions[lo:hi]
    if not cands:
        return None

    def rank(m: Mention):
        kind = getattr(m.place, "kind", "")
        broad = kind in ("country", "macro_region", "continent", "sea")
        return (not (cs <= m.start < ce), broad, getattr(m.place, "country", "") == "KZ" and broad,
                abs(m.start - trigger))

    best = min(cands, key=rank)
    if getattr(best.place, "kind", "") in ("macro_region", "continent"):
        return None
    return best.place.name


def _title(body: str, cs: int, ce: int, kind: str, trigger: int, date_span: tuple[int, int] | None) -> str:
    """A short headline from the clause (``kzmap.titles.headline``), without the event's date."""
    date = (date_span[0] - cs, date_span[1] - cs) if date_span and cs <= date_span[0] < ce else None
    triggers = [(a - cs, b - cs, k) for a, b, k in _triggers(body, cs, ce)]
    return headline(body[cs:ce], date, max(0, trigger - cs), triggers, kind)


def _first_trigger(body: str, s: int, e: int, kind: str) -> int:
    return next((a for a, _, k in _triggers(body, s, e) if k == kind), s)


def _content(text: str) -> set[str]:
    return {w for w in (m.group().lower() for m in _TOKEN.finditer(text)) if len(w) > 2 and w not in _STOP}


def _dedupe(body: str, events: list[tuple[int, Event]], published: str | None = None,
            entries: Collection[int] = ()) -> list[Event]:
    """One event per happening: a sentence's plan is one event, whatever its words ("Xi is expected in Astana next
    month for the summit, where officials hope to sign ..."), while a past meeting and the deal made at it are two;
    and a later sentence retelling an event of the same kind and date adds none (but each entry of a live blog's day,
    ``entries``, is its own)."""
    kept: list[tuple[int, Event, set[str]]] = []
    for i, ev in sorted(events, key=lambda t: (t[0], t[1].evidence_start)):
        words = _content(ev.evidence)
        dup = False
        for j, k, kw in kept:
            if j == i and k.date == ev.date and k.evidence_start == ev.evidence_start and (
                    _after(ev.date, published)
                    or ("plan" in (k.kind, ev.kind) and not _after(published or "", ev.date))):  # plan: "this year"
                dup = True
                break
            if k.kind == ev.kind and k.date == ev.date and j != i and words and kw and id(ev) not in entries:
                if len(words & kw) / min(len(words), len(kw)) >= 0.3:
                    dup = True
                    break
        if not dup:
            kept.append((i, ev, words))
    return [ev for _, ev, _ in kept]
