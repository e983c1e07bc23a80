"""Date expressions in English news text, normalised against the publication date.

``find_dates(text, published)`` returns every date expression in ``text`` as a ``DateExpr``
with character offsets, the date as written, an ISO date at its own precision
(``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``), an end date for ranges, and how it was resolved.

Forms understood (case-sensitive month and weekday names, so "may" and "march" are words):

- full dates: "April 21", "21 April 2025", "September 17, 2023", "Monday, April 21", "2025-04-21"
- day ranges: "April 25–26", "25-26 April 2025", "April 28 to May 2"
- months: "September 2013", "in April 2024", "in March last year", "June this year"; a month without a
  year only after a preposition or modifier ("in March", "since May", "last December", "early June");
  month ranges "from April to November 2026", "from November 2025 to March 2026", "between October and
  December"
- years: "in 2024", "by 2029", "through 2029", "until 2028", "since 2005", "2023's", and
  ranges "from 2024 to 2029", "2003 until 2028", "2024–2029", "between 2020 and 2025"; a year before 1900 only
  after "in" or "since" and not before a lowercase noun ("founded in 1882", not "in 1500 wells"); "the next year"
  and "the following year" after a year are the year after it ("In 1218 ..., and the next year ..."), "in
  December that year" the year just named
- relative: "last/this/next year", "this year's", "last/this/next month", "last week",
  "yesterday", "today" (not for nowadays: "perhaps 300,000 today", "Today the site is a field"), "tomorrow", "two
  years ago", "twenty years ago", "two weeks ago", "a decade ago", "in two years' time" (and "in two years" after a
  future verb; "within six months" and "in fifty years" are left undated), seasons ("in the spring", "over the summer",
  "autumn 2024", "the spring of next year"; "in winter" with no article is every winter, no date), weekdays ("on
  Monday"), "recent", "just days before", "a few days ago" ("two days earlier" is none), "earlier this
  week/month/year"; the publication's own year or
  month: "by the end of the year", "the rest of the month", "the second half of the year", "year-end"
  ("by the end of the decade" is its last year, 2030 in the 2020s); a quarter without a year ("in the
  third quarter") gives the year of its middle month nearest the publication date, as a month would

Choices (documented so the events and the tests agree):

- A year comes from the publication date when the text gives none, at the nearest sensible
  year: the candidate (previous, same, next year) closest to the publication date; with a
  future verb nearby ("will", "is set to", "scheduled", "to be held", and "would", "agreed to"
  after a past verb) a past candidate rolls forward a year. "in December" in an article of
  January 2024 is December 2023.
- "on Monday": the most recent Monday on or before the publication day; with a future verb
  nearby, the first Monday on or after it (the paper's own weekday is that day: wire copy names today by its
  weekday), and "next Monday" the first after it. "last November" in a November paper is a year back. A month or
  season without a year in a sentence that opens with "Next year's" or "Last year's" takes that year. Weekdays
  need a day-precise publication date, otherwise they resolve to the publication month.
- "recent" (an adjective: "the recent summit"), "just days before", "a few days ago", "last
  week" resolve to the publication month (precision "month"). The adverb "recently" and
  "in recent months/years/weeks" are too vague to date and are not returned.
- Without a publication date, relative expressions and dates without a year keep their own
  precision but have ``date=None`` and ``partial`` set ("--04-21", "--03"): they are reported,
  never guessed.
- Numbers that are not dates are skipped: amounts ("$2025 million"), numbers with units or
  counts after them ("2000 km", "2024 projects"), thousands ("2,025"), decades ("the 2020s"),
  durations ("20 years") and "Covid-19".
- ``anchor`` tells how the date relates to what it dates: "at" (in/on/plain), "by" (a target),
  "since" (a start of something continuing), "until" (through/until/till: an end bound),
  "before", "after", or "range" (an explicit range).
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import FUNCTION

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
                "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
                "thirty": 30, "forty": 40, "fifty": 50}
_NUM_WORD = "(?i:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"  # ("twenty years ago")


@dataclass(frozen=True)
class DateExpr:
    start: int  # character offsets of the expression in the text
    end: int
    text: str  # as written, including an anchoring preposition ("by 2029", "since 1992")
    date: str | None  # YYYY / YYYY-MM / YYYY-MM-DD; None when it needs an unknown publication date
    end_date: str | None  # end of a range, same format
    precision: str  # "year", "month" or "day"
    relative: bool  # resolved against the publication date ("last year", "on Monday", "recent")
    year_from_published: bool  # the year (or more) was taken from the publication date
    anchor: str = "at"  # at, by, since, until, before, after, range
    partial: str | None = None  # "--MM-DD" / "--MM" when the year is unknown


# ---------------------------------------------------------------- patterns (compiled once)
_MON = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
        r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?![\w])")
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d%])"
_YEAR = r"(?:19\d\d|20\d\d|2100)(?![\d])"
_DASH = r"\s*(?:[-\u2010-\u2015]|to|until|till|through|and)\s*"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PREP = (r"(?:(?P<prep>[Ii]n|[Oo]n|[Bb]y|[Ss]ince|[Tt]hrough|[Tt]hroughout|[Uu]ntil|[Tt]ill|[Bb]efore|[Aa]fter"
         r"|[Ff]rom|[Ff]or|[Dd]uring|[Oo]ver|[Bb]etween|[Ee]arly|[Ll]ate|[Mm]id|[Ll]ast|[Tt]his|[Nn]ext|[Oo]f|[Ss]tarting"
         r"|[Ee]nd of|[Tt]he end of|[Bb]eginning of)\s+|(?P<prep2>[Mm]id-|[Ee]arly-|[Ll]ate-)\s*)?")
_LEFT = r"(?<![\w$€£¥₸.,])(?<!\d[-\u2010-\u2015])(?<![A-Za-z]-)"
# Alternatives are tried in order at each position: longest forms first.
_DATE_RE = re.compile(
    _LEFT + _PREP + r"(?:"
    rf"(?P<md_md>(?P<m1>{_MON})\s+(?P<d1>{_DAY}){_DASH}(?P<m2>{_MON})\s+(?P<d2>{_DAY})(?:,?\s+(?P<y1>{_YEAR}))?)"
    rf"|(?P<dm_dm>(?P<d3>{_DAY})\s+(?P<m3>{_MON}){_DASH}(?P<d4>{_DAY})\s+(?P<m4>{_MON})(?:,?\s+(?P<y2>{_YEAR}))?)"
    rf"|(?P<md_d>(?:{_WD},?\s+)?(?P<m5>{_MON})\s+(?P<d5>{_DAY}){_DASH}(?P<d6>{_DAY})(?:,?\s+(?P<y3>{_YEAR}))?)"
    rf"|(?P<d_dm>(?P<d7>{_DAY}){_DASH}(?P<d8>{_DAY})\s+(?P<m7>{_MON})(?:,?\s+(?P<y4>{_YEAR}))?)"
    rf"|(?P<mdy>(?:{_WD},?\s+)?(?P<m9>{_MON})\s+(?P<d9>{_DAY})(?!\s*(?:million|billion|thousand|per|%))"
    rf"(?:,?\s+(?P<y5>{_YEAR}))?)"
    rf"|(?P<dmy>(?:{_WD},?\s+)?(?P<d10>{_DAY})\s+(?:of\s+)?(?P<m10>{_MON})(?:,?\s+(?P<y6>{_YEAR}))?)"
    rf"|(?P<iso>(?P<iy>{_YEAR})-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01]))"
    rf"|(?P<my>(?P<m11>{_MON}),?\s+(?:of\s+)?(?P<y7>{_YEAR}))"
    rf"|(?P<yy>(?P<ya>{_YEAR}){_DASH}(?P<yb>{_YEAR}|\d\d(?![\d\w])))"
    rf"|(?P<year>(?P<y8>{_YEAR})(?:['\u2019]s)?(?![\w]|-\w|,\d|\.\d))"
    # a year before 1900 only after "in" or "since" ("founded in 1882"): a bare number that size is more often a count
    r"|(?P<old>(?P<y9>1[0-8]\d\d)(?![\w]|-\w|,\d|\.\d|['\u2019]s))"
    rf"|(?P<mon>(?P<m12>{_MON}))"
    r"|(?P<rel>(?P<rq>(?i:last|this|next|coming|following))\s+(?P<ru>year|month|week)(?:['\u2019]s)?)"
    r"|(?P<soon>(?i:the\s+)?(?i:coming|next\s+few)\s+(?P<su>(?i:days|weeks)))"
    rf"|(?P<ago>(?P<an>\d+|{_NUM_WORD})\s+(?P<au>years?|months?|weeks?|decades?)\s+ago)"
    r"|(?P<early>(?i:earlier|later)\s+this\s+(?P<eu>year|month|week))"
    r"|(?P<day>(?i:yesterday|today|tomorrow))"
    rf"|(?P<season>(?:the\s+)?(?P<sn>spring|summer|autumn|fall|winter)"
    rf"(?:(?:\s+of)?\s+(?P<sy>{_YEAR})|(?:\s+of)?\s+(?P<sr>(?i:last|this|next))\s+year\b)?)"
    rf"|(?P<wd>(?P<wq>(?i:last|next|this)\s+)?(?P<wn>{_WD})(?:{_DASH}(?P<wn2>{_WD}))?)"
    # ("just days earlier" is a recent date; "two days earlier" is earlier than something the text tells: none)
    r"|(?P<recent>(?i:recent)|(?:(?i:just)\s+)?(?:(?i:a)\s+few\s+|(?i:several|two|three)\s+)?(?i:days)\s+(?:before|ago)"
    r"|(?i:just\s+)?(?<!two )(?<!three )(?<!several )(?<!few )(?i:days)\s+earlier)"
    r")(?![\w])"
)
# Rarer forms, in a pattern of their own: tried only where ``_DATE_RE`` fails and the hit is one of their words
# ("year", "month", "quarter", "end of the", "half of the"), so that they cost the common hits nothing.
_EXTRA_RE = re.compile(
    _LEFT + _PREP + r"(?:"
    # "in two years' time" (and "in two years" looking forward): counted from the publication; "within six months"
    # is left undated (a vague bound, often of something else than the clause's event)
    rf"(?P<ahead>(?P<hn>\d+|{_NUM_WORD})\s+(?P<hu>years?|months?)"
    r"(?P<ht>(?:['\u2019]s?)?\s+time)?)"
    # "by the end of the year", "the rest of the month", "year-end", "by the end of the decade"
    r"|(?P<cur>(?:(?i:the)\s+)?(?P<cp>(?i:end|close|rest|remainder|middle|start|beginning|(?:first|second)\s+half))"
    r"\s+of\s+(?i:the|this)\s+(?P<cu>(?i:year|month|decade))"
    r"|(?i:year[-\u2010\u2011 ]end)|(?i:the\s+year['\u2019]s\s+end))"
    # "in the third quarter" (a year written after it is read as that year: "the first quarter of 2027")
    r"|(?P<qtr>(?:(?i:the)\s+)?(?P<qn>(?i:first|second|third|fourth))\s+quarter(?![-\u2010\u2011]|\s+of\s+(?:19|20)\d\d))"
    r")(?![\w])"
)
_SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}  # first and last month
_EXTRA_HITS = ("year", "month", "quarter", "end of the", "half of the")
# Before a "year" or "month" hit, what one of those forms needs: "of the", "of this", or a count ("two years' time")
_EXTRA_BEFORE = re.compile(rf"(?:\b(?:of\s+(?:the|this)|\d+|{_NUM_WORD})"
                           r"\s+)$")
_EXTRA_AFTER = re.compile(r"year(?:[-\u2010\u2011 ]end|['\u2019]s\s+end)", re.I)


def _extra_cue(text: str, h: int) -> bool:
    """Whether ``_EXTRA_RE`` can match around the hit at ``h`` (checked once per hit, before trying it)."""
    if not text.startswith(_EXTRA_HITS, h):
        return False
    if text.startswith(("quarter", "end of the", "half of the"), h):
        return True
    return _EXTRA_BEFORE.search(text, max(0, h - 16), h) is not None or _EXTRA_AFTER.match(text, h) is not None
# A year followed by one of these is a count or a quantity, not a date.
_NOT_AFTER_YEAR = re.compile(
    r"\s*(?:%|per\s?cent|percent|km|kilomet|kms?\b|miles?|tons?|tonnes?|t\b|mw|gw|kw|people|persons|projects?"
    r"|companies|firms|units|jobs|workers|employees|vehicles|trucks|wagons|containers|teu|barrels|bcm|cubic"
    r"|square|sq|hectares?|metres?|meters?|feet|m\b|km2|troops|soldiers|students|tourists|times|deaths?"
    r"|cases|kg|mt\b|million|billion|thousand|trillion|bn\b|mln\b)", re.I)
# a present tense of going or meeting before a weekday: what is to come ("flies to Berlin on Wednesday")
_PRESENT_GOING = re.compile(r"\b(?:flies|travels|heads|arrives|leaves|departs|visits|meets|hosts|opens|signs|starts"
                            r"|begins|holds|returns|ends|goes|comes)\b(?![^.!?]*\b(?:ago|last|was|were|had)\b)", re.I)
_NEXT_WEEK = re.compile(r"\s+next\s+week\b", re.I)
# "would" and "agreed to" look forward from a past verb: "said it would offer licences in June", "agreed to meet
# again in the spring" (both after the publication day more often than not)
_FUTURE = re.compile(r"\b(?:will|shall|is set to|are set to|set to|scheduled|to be held|expected to|plans? to|"
                     r"is to|are to|due to|is due|are due|due in|upcoming|forthcoming|next|would|could|must|agreed to"
                     r"|decided to"
                     r"|(?<!\bas )promise[sd]?|pledge[sd]? to|vow(?:s|ed)? to|wants? to|hopes? to|intends? to|aims? to"
                     r"|offered to"
                     r"|proposed to|should|plans\s+(?:a|an|its|new)|plan\s+(?:a|an|their|new))\b", re.I)
_THE = re.compile(r"the\s", re.I)
_THAT_YEAR = re.compile(r"\s+(?:of\s+)?(?:that|the\s+same)\s+year\b", re.I)  # ("in late December that year")
_YEAR_NUMBER = re.compile(r"\b(?:1[0-9]|20)\d\d\b")
# "the" alone before "next year", no preposition of a span from now before it ("over the next year")
_THE_ONLY = re.compile(r"(?<!\bover )(?<!\bin )(?<!\bwithin )(?<!\bduring )(?<!\bfor )\b[Tt]he\s+$")
_REL_YEAR = re.compile(r",?\s+(last|this|next)\s+year\b", re.I)
_VAGUE_AFTER_RECENT = re.compile(r"\s+(?:months|years|weeks|decades|times|history|past|data|figures|trends?)\b", re.I)
_NOUN_AFTER = re.compile(r"[ \t\u00a0]+([a-z]+)")
_MODIFIERS_YEAR_ONLY = {"early", "late", "mid", "mid-", "end of", "the end of", "beginning of"}
_ANCHORS = {"by": "by", "since": "since", "through": "until", "until": "until", "till": "until",
            "before": "before", "after": "after", "starting": "since"}


def parse_published(published: str | None) -> tuple[int | None, int | None, int | None]:
    """"2025-04-22" -> (2025, 4, 22); "2024-01" -> (2024, 1, None); None -> (None, None, None)."""
    if not published:
        return None, None, None
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", published.strip())
    if not m:
        return None, None, None
    y, mo, d = m.groups()
    return int(y), int(mo) if mo else None, int(d) if d else None


def _month(word: str) -> int:
    return MONTHS[word.rstrip(".")[:3].lower()]


def _day(word: str) -> int:
    m = _DIGITS.match(word)
    assert m is not None, word  # the date pattern only gives day groups that start with digits
    return int(m.group())


_DIGITS = re.compile(r"\d+")


def _iso(y: int, m: int | None = None, d: int | None = None) -> str:
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def _valid_day(y: int, m: int, d: int) -> bool:
    return 1 <= d <= calendar.monthrange(y, m)[1]


# "today" for nowadays: after a number or a verb of being or having, or opening a sentence in the present tense
_NOWADAYS_BEFORE = re.compile(r"(?:\d|\b(?:is|are|has|have|remains?|lives?|stands?|exists?))\s+$", re.I)
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?\n\"\u201c]\s*)$")
_NOWADAYS_AFTER = re.compile(r",?\s+(?:\w+\s+){0,4}?(?:is|are|can|has|have|remains?|lives?|stands?)\b", re.I)
_SUBJECT_YEAR = re.compile(r"\b(next|last)\s+year['\u2019]s\b", re.I)


def _subject_year(text: str, start: int, py: int | None) -> int | None:
    """The year a possessive opening the sentence gives a month or season without one: "Next year's forum will be
    held in Aktobe in the autumn" (next year's autumn)."""
    if py is None:
        return None
    lo = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    m = _SUBJECT_YEAR.search(text, lo, start)
    if m is None or text[lo:m.start()].strip(" \t\"'\u201c*_"):
        return None  # only a possessive that opens the sentence, its subject ("Farmers sold last year's harvest in
        # March": this March)
    return py + (1 if m.group(1).lower() == "next" else -1)


def _year_for(month: int, day: int | None, pub: tuple, future: bool, direction: str = "",
              past: bool = False) -> int | None:
    """The year of a month (and day) written without one, nearest the publication date."""
    py, pm, pd = pub
    if py is None:
        return None
    if pm is None:
        return py
    pub_ord = py * 12 + pm - 1 + ((pd or 15) - 1) / 31
    best = None
    for y in (py - 1, py, py + 1):
        ord_ = y * 12 + month - 1 + ((day or 15) - 1) / 31
        diff = ord_ - pub_ord
        if direction == "last" and diff > -1:  # ("last November" in a November paper: a year before)
            continue
        if direction == "next" and diff < 1:
            continue
        if future and diff < -0.5 and direction != "last":
            continue
        if past and diff > 0.5 and direction != "next":
            continue
        if best is None or abs(diff) < best[0] or (abs(diff) == best[0] and y == py):
            best = (abs(diff), y)
    return best[1] if best else py


def _shift_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def find_dates(text: str, published: str | None) -> list[DateExpr]:
    """Every date expression in ``text``, in order, resolved against ``published``.

    Results for the last few texts are cached (events and figures both ask for one article's dates).
    """
    return list(_find_dates(text, published))


@lru_cache(maxsize=16)
def _find_dates(text: str, published: str | None) -> tuple[DateExpr, ...]:
    pub = parse_published(published)
    out: list[DateExpr] = []
    done = 0  # end of the last expression found: later hits inside it are skipped
    for h in _hits(text):
        if h < done:
            continue
        extra = None
        for st in _starts_before(text, h, done):
            m = _DATE_RE.match(text, st)
            if m is None:
                if extra is None:
                    extra = _extra_cue(text, h)
                if extra:
                    m = _EXTRA_RE.match(text, st)
            if m is None or m.end() <= h:
                continue
            expr = _resolve(m, text, pub)
            if expr is not None:
                out.append(expr)
            done = max(m.end(), expr.end if expr is not None else 0)  # "October 6 last year" is one date
            break
    return tuple(d for d in _month_ranges(out, text) if not _in_dateline(text, d))


# A dateline opens a story: the filing city in capitals (a region or country may follow), the day, then the agency in
# brackets, a wire's name between slashes or a dash: "CAIRO, March 12 (Reuters) -", "ASTANA, Feb 13 -", "TARAZ,
# Kazakhstan, March 10, 2026 /AsiaBiz Newswire/ --"
_DATELINE_HEAD = re.compile(r"[*_]*[A-Z][A-Z.'\u2019 -]*[A-Z][*_]*(?:,[ \t]+[A-Z][\w.' -]{0,30})?,[ \t]+")
_DATELINE_TAIL = re.compile(r"[ \t]*(?:\(|/|[-\u2013\u2014]\s)")  # "(Reuters) -", "/PRNewswire/ --", "-"


def _in_dateline(text: str, d: DateExpr) -> bool:
    """``d`` is a dateline's day: the day the story was filed, not a day anything in it happened."""
    line = text.rfind("\n", 0, d.start) + 1
    return (d.start - line <= 60 and _DATELINE_HEAD.fullmatch(text, line, d.start) is not None
            and _DATELINE_TAIL.match(text, d.end) is not None)


_OF_AFTER = re.compile(r"\s+of\b")
_ANCHOR_BEFORE = re.compile(r"\b(since|until|till|through)\s+$", re.I)
_RANGE_OPEN = re.compile(r"(?:\b[Ff]rom|\b[Bb]etween)\s+$")
_RANGE_TAIL = re.compile(r"\s*(?P<join>to|until|till|through|and|[-\u2010-\u2015])\s*"
                         r"(?P<mon>" + _MON + r")(?:,?\s+(?P<year>" + _YEAR + r"))?")


def _month_ranges(found: list[DateExpr], text: str) -> list[DateExpr]:
    """"from April to November 2026", "between November 2025 and March 2026", "from November to March": two
    months, one range. A month without a year takes it from the other one (the end's year follows the start),
    else from the publication date as found."""
    out: list[DateExpr] = []
    k = 0
    while k < len(found):
        a = found[k]
        k += 1
        opened = (_RANGE_OPEN.search(text, max(0, a.start - 10), a.start) if a.precision == "month"
                  and (a.date or a.partial) and a.anchor == "at" else None)
        m = _RANGE_TAIL.match(text, a.end) if opened else None
        if m is None or (m.group("join") == "and") != (opened.group()[0] in "Bb"):  # "between ... and"
            out.append(a)
            continue
        ya, ma = (int(a.date[:4]), int(a.date[5:7])) if a.date else (None, int(a.partial[2:4]))
        mb = _month(m.group("mon"))
        if m.group("year"):
            yb = int(m.group("year"))
            if a.year_from_published or ya is None:
                ya = yb if ma <= mb else yb - 1
        elif ya is None:  # no year anywhere, and no publication date to take one from
            out.append(a)
            continue
        else:
            yb = ya if mb >= ma else ya + 1
        if (ya, ma) >= (yb, mb):
            out.append(a)
            continue
        out.append(DateExpr(a.start, m.end(), text[a.start:m.end()], f"{ya:04d}-{ma:02d}", f"{yb:04d}-{mb:02d}",
                            "month", a.relative, a.year_from_published and not m.group("year"), anchor="range"))
        while k < len(found) and found[k].start < m.end():  # the end month, found on its own
            k += 1
    return out


def _starts_before(text: str, h: int, floor: int) -> list[int]:
    """Where an expression covering offset ``h`` may start: the starts of up to three words
    before it (room for "the end of", "earlier this"), the start of its own word, and ``h``."""
    starts = [h]
    i = h
    for _ in range(4):
        j = max(text.rfind(" ", floor, i), text.rfind("\n", floor, i))
        if j < 0:
            if floor < i:
                starts.append(floor)
            break
        if j + 1 < i:
            starts.append(j + 1)
        i = j
        while i > floor and text[i - 1] == " ":
            i -= 1
    return sorted(set(starts))


# Cheap scan for the words every date expression contains; the full pattern runs only around them.
# A leading character class lets the regex engine skip text fast; the words are checked in Python.
_HOT = re.compile(r"[0-9JFMASONDTW][0-9a-z]*")
_HOT_PREFIXES = frozenset(("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
                           "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"))
_HOT_WORDS = ("year", "month", "week", "yesterday", "Yesterday", "today", "Today", "tomorrow", "Tomorrow", "recent",
              "Recent", "days", "Days", "spring", "summer", "autumn", "fall", "winter", "quarter", "decade",
              "end of the", "half of the")
# "end of the", "half of the": "by the end of the year" and "the second half of the year" start too many words
# before their "year" for ``_starts_before``


def _hits(text: str) -> list[int]:
    """Offsets of the words every date expression contains (numbers, month and weekday names,
    "year", "recent"...), sorted."""
    hits = [m.start() for m in _HOT.finditer(text) if m.group()[0].isdigit() or m.group()[:3] in _HOT_PREFIXES]
    for w in _HOT_WORDS:
        i = text.find(w)
        while i >= 0:
            hits.append(i)
            i = text.find(w, i + 1)
    hits.sort()
    return hits


_PAST = re.compile(r"\b(?:\w+ed|was|were|had|did|met|held|began|begun|took|made|paid|came|went|said|told|saw|won|"
                   r"left|set\s+up|built|ago|last|gave|got|fell|broke|struck|sank|flew|drove|ran|brought|bought|sold"
                   r"|sent|spent|lost|kept|grew|chose|wrote|spoke|stood|swept|tore|shook|froze|drew|threw|taught"
                   r"|caught|fought|became|knew|sought|withdrew|overtook|undertook|arose)\b", re.I)


_PASSIVE = re.compile(r"\b(?:be|been|being)\s+$", re.I)  # "will be held": a participle, not a past tense
# "has announced a cap for June to August": a present perfect says what holds now, not that its dates are past
_PERFECT_BEFORE = re.compile(r"\b(?:has|have)\s+$", re.I)
# "for loaded trucks", "the revised plan": after a determiner or a preposition an -ed word is an adjective
_ATTRIBUTIVE = re.compile(r"\b(?:the|a|an|for|of|with|its|their|his|her|our|this|that|these|those|every|each)\s+"
                          r"(?:(?:first|second|third|last|next|new|newly|only)\s+)?$", re.I)  # ("the first dredged")


def _tense(text: str, start: int, reach: int = 80) -> str | None:
    """"future", "past" or None: the nearest tense marker in the ``reach`` characters before ``start``
    (within the sentence), so "will be built under an agreement signed in May" reads as past."""
    lo = max(0, start - reach)
    cut = max(text.rfind(". ", lo, start), text.rfind("\n", lo, start))
    lo = cut + 1 if cut >= 0 else lo
    fut = [m.end() for m in _FUTURE.finditer(text, lo, start)]
    past = [m.end() for m in _PAST.finditer(text, lo, start) if _past_marker(text, lo, m)]
    if not fut and not past:
        return None
    return "future" if (fut[-1] if fut else -1) > (past[-1] if past else -1) else "past"


def _past_marker(text: str, lo: int, m: re.Match) -> bool:
    """A ``_PAST`` match that marks a past tense: not "expected", not a participle after "be" or "has", not an
    adjective after a determiner or a preposition."""
    return (m.group().lower() not in _NOT_PAST and text[m.start() - 1:m.start()] not in _HYPHENS  # "court-appointed"
            and not _PASSIVE.search(text, lo, m.start())
            and not _ATTRIBUTIVE.search(text, lo, m.start()) and not _PERFECT_BEFORE.search(text, lo, m.start()))


# After a date, the verb's own tense: "agreed to" is past there ("In January, the two companies agreed to keep ...")
_MODAL = re.compile(r"\b(?:will|shall|is set to|are set to|is to|are to|is due|are due|expected to|plans? to|"
                    r"scheduled to|wants? to|hopes? to|intends? to|aims? to)\b", re.I)
_FRONTED = re.compile(r"\s*,\s+")
_PREP_AFTER = re.compile(r"[ \t\u00a0]+(?:on|in|by|with|at|for|from|under|near|into)\b")
# -ed words that say nothing of the tense: "is expected", "scheduled", "followed by a tour in November"
_NOT_PAST = frozenset({"expected", "scheduled", "planned", "followed"})
_HYPHENS = ("-", "\u2010", "\u2011")
_CLAUSE_HEAD = re.compile(r"[^\s,.;:]+(?:[ \t\u00a0]+[^\s,.;:]+){0,5}")


def _tense_after(text: str, start: int, end: int) -> str | None:
    """The tense of a date that closes a sentence's opening phrase, from the first marker of the clause after its
    comma: "After the attack on Crocus City Hall near Moscow in March, Russian police began mass checks" (past)."""
    comma = _FRONTED.match(text, end)
    lo = max(0, start - 121) if comma else max(0, start - 14)  # (most dates stop here, unread)
    line = max(text.rfind(". ", lo, start), text.rfind("\n", lo, start), text.rfind(": ", lo, start)) + 1
    if line == 0 and lo > 0:
        return None  # not in the sentence's opening phrase
    line += len(text[line:start]) - len(text[line:start].lstrip())
    if comma is None and not (start - line <= 12 and text[end:end + 1] == " "):
        return None  # without a comma, only a date that opens the sentence: "In August the crew moved to ..."
    if "," in text[line:start] or start - line > 120:
        return None  # not in the opening phrase
    if text.startswith(("By ", "Until ", "Before ", "Since ", "by ", "until ", "before ", "since "), line):
        return None  # "By the end of June, Kazakhstan wants ...": a deadline's phrase
    lo = comma.end() if comma else end + 1
    head = _CLAUSE_HEAD.match(text, lo)  # the subject and its verb: the clause's first six words
    hi = head.end() if head else lo
    fut = _MODAL.search(text, lo, hi)
    past = [m for m in _PAST.finditer(text, lo, fut.start() if fut else hi) if _past_marker(text, lo, m)]
    if past and fut is None and all(_PREP_AFTER.match(text, m.end()) for m in past):
        # "From October, a mobile clinic built on a lorry chassis will visit villages": a participle before a
        # preposition in the subject, and the clause's verb, further on, a modal
        stop = text.find(". ", hi)
        fut = _MODAL.search(text, hi, min(hi + 80, stop if stop >= 0 else len(text)))
        if fut is not None:
            return "future"
    if past:
        return "past"
    if fut is None and head is not None and text.startswith(",", hi):
        # "In May, the science minister, Sayasat Nurbek, said ...": the head ends at an apposition; the verb after it
        stop = text.find(". ", hi)
        tail = text[hi:min(hi + 100, stop if stop >= 0 else len(text))]
        found = [v for v in (_PAST.search(tail), _MODAL.search(tail)) if v is not None]
        verb = min(found, key=lambda v: v.start()) if found else None
        if verb is not None and (_MODAL.fullmatch(verb.group()) or _past_marker(tail, 0, verb)):
            return "future" if _MODAL.fullmatch(verb.group()) else "past"
    return "future" if fut else None


def _resolve(m: re.Match, text: str, pub: tuple) -> DateExpr | None:  # noqa: C901 - one branch per form
    g = m.groupdict()
    prep = (g["prep"] or g["prep2"] or "").lower().rstrip("-")
    start, end = m.start(), m.end()
    kind = next(k for k in ("md_md", "dm_dm", "md_d", "d_dm", "mdy", "dmy", "iso", "my", "yy", "year", "old", "mon",
                            "rel", "soon", "ago", "ahead", "early", "cur", "qtr", "day", "season", "wd", "recent")
                if g.get(k))
    if kind == "season" and not (g["sy"] or g["sr"]) and prep not in (
            "in", "during", "over", "by", "until", "since", "this", "last", "next", "early", "late", "throughout"):
        return None  # "spring" alone is a word ("a spring in its step"); "in the spring" is a date
    if kind == "season" and prep in ("in", "during", "over") and not (g["sy"] or g["sr"]) and not _THE.match(
            m.group("season")):
        return None  # "will store more water in winter": a habit of every winter, not one winter
    # Keep anchoring prepositions in the text; drop plain ones (in, on, of, during...).
    anchor = _ANCHORS.get(prep, "at")
    if prep in ("end of", "the end of", "beginning of"):
        before = _ANCHOR_BEFORE.search(text, max(0, m.start() - 8), m.start())
        if before:  # "has flooded villages since the end of March", "four times a week until the end of October"
            anchor = _ANCHORS[before.group(1).lower()]
    if prep in ("in", "on", "of", "for", "during", "from", "between", "throughout", "this", "last", "next") or (
            prep and kind in ("rel", "soon", "wd", "ago", "ahead", "early", "cur", "qtr", "day", "recent", "season")):
        if kind not in ("yy",) and not (kind in ("mon", "wd") and prep in ("last", "next", "this")):
            start = m.start(kind)
    if kind in ("rel", "soon", "wd", "ago", "ahead", "early", "cur", "qtr", "day", "recent") and prep in _ANCHORS:
        start = m.start()
    tense = _tense(text, start)
    if tense is None and kind == "wd":  # a weekday goes back a week without a tense: look to the sentence's verb
        tense = _tense(text, start, 200)  # ("will sign a contract with KTZ Express, the freight arm ..., on Thursday")
    if tense is None and kind == "wd" and _PRESENT_GOING.search(
            text, max(0, start - 60, text.rfind(". ", 0, start) + 1, text.rfind("\n", 0, start) + 1), start):
        tense = "future"  # "Tokayev flies to Berlin on Wednesday": a present tense of going dates what is to come
    if tense is None and anchor == "at":
        tense = _tense_after(text, m.start(), end)
    future = tense == "future"
    py, pm, pd = pub

    def mk(date, end_date, precision, relative=False, from_pub=False, partial=None, anchor_=anchor, s=start):
        return DateExpr(s, end, text[s:end], date, end_date, precision, relative, from_pub, anchor_, partial)

    if kind in ("md_md", "dm_dm", "md_d", "d_dm", "mdy", "dmy"):
        m2: int | None
        d2: int | None
        year: int | None
        if kind == "md_md":
            m1, d1, m2, d2, y = _month(g["m1"]), _day(g["d1"]), _month(g["m2"]), _day(g["d2"]), g["y1"]
        elif kind == "dm_dm":
            m1, d1, m2, d2, y = _month(g["m3"]), _day(g["d3"]), _month(g["m4"]), _day(g["d4"]), g["y2"]
        elif kind == "md_d":
            m1, d1, d2, y = _month(g["m5"]), _day(g["d5"]), _day(g["d6"]), g["y3"]
            m2 = m1
        elif kind == "d_dm":
            m1, d1, d2, y = _month(g["m7"]), _day(g["d7"]), _day(g["d8"]), g["y4"]
            m2 = m1
        elif kind == "mdy":
            m1, d1, y = _month(g["m9"]), _day(g["d9"]), g["y5"]
            m2 = d2 = None
        else:
            m1, d1, y = _month(g["m10"]), _day(g["d10"]), g["y6"]
            m2 = d2 = None
        is_range = d2 is not None
        if is_range and (m2, d2) <= (m1, d1) and m2 == m1:
            return None  # "April 26-25": not a range we understand
        rel_year = _REL_YEAR.match(text, end)
        if y:
            year, from_pub = int(y), False
        elif rel_year and py:  # "October 6 last year", "on March 3 next year"
            year, from_pub = py + {"last": -1, "this": 0, "next": 1}[rel_year.group(1).lower()], True
            end = rel_year.end()
        else:
            year, from_pub = _year_for(m1, d1, pub, future, past=tense == "past"), True
        if year is None:
            part = f"--{m1:02d}-{d1:02d}"
            return mk(None, None, "day", True, False, partial=part,
                      anchor_="range" if is_range else anchor)
        if not _valid_day(year, m1, d1):
            return None
        end_date = None
        if is_range:
            assert m2 is not None and d2 is not None
            y2 = year + (1 if m2 < m1 else 0)
            if not _valid_day(y2, m2, d2):
                return None
            end_date = _iso(y2, m2, d2)
        return mk(_iso(year, m1, d1), end_date, "day", from_pub, from_pub,
                  anchor_="range" if is_range else anchor)
    if kind == "iso":
        y, mo, d = int(g["iy"]), int(g["im"]), int(g["id"])
        return mk(_iso(y, mo, d), None, "day") if _valid_day(y, mo, d) else None
    if kind == "my":
        if prep in _MODIFIERS_YEAR_ONLY:
            start = m.start()
        return mk(_iso(int(g["y7"]), _month(g["m11"])), None, "month", s=start)
    if kind == "yy":
        a, b = g["ya"], g["yb"]
        ya, yb = int(a), int(b) if len(b) == 4 else int(a[:2] + b)
        if yb <= ya or _NOT_AFTER_YEAR.match(text, end):
            return None
        return mk(_iso(ya), _iso(yb), "year", anchor_="range", s=m.start() if prep in ("from", "between") else start)
    if kind == "year":
        if _NOT_AFTER_YEAR.match(text, end) or text[end:end + 1] == "s":
            return None
        if prep in _MODIFIERS_YEAR_ONLY:
            start = m.start()
        return mk(_iso(int(g["y8"])), None, "year", s=start)
    if kind == "old":
        noun = _NOUN_AFTER.match(text, end)
        if prep not in ("in", "since") or _NOT_AFTER_YEAR.match(text, end) or (noun and noun.group(1) not in FUNCTION):
            return None  # "in 1500 wells": a count
        return mk(g["y9"], None, "year", s=start)
    if kind == "mon":
        mo = _month(g["m12"])
        rel_year = _REL_YEAR.match(text, end)
        if rel_year and py is not None:  # "in March last year", "June this year"
            end = rel_year.end()
            year = py + {"last": -1, "this": 0, "next": 1}[rel_year.group(1).lower()]
            return mk(_iso(year, mo), None, "month", True, True, s=m.start() if prep in _MODIFIERS_YEAR_ONLY else start)
        that_year = _THAT_YEAR.match(text, end)
        if that_year and prep:  # "signed in March 2022, and builders broke ground in September of that year"
            years = _YEAR_NUMBER.findall(text, max(0, start - 300), start)
            if years:
                end = that_year.end()
                return mk(_iso(int(years[-1]), mo), None, "month", False, False, s=start)
        if not prep:
            return None  # a bare month name without day or year ("May", "March") is too ambiguous
        direction = prep if prep in ("last", "next") else ""
        subject_year = _subject_year(text, start, py) if not direction else None
        if prep == "this":
            year = py
        elif subject_year is not None:
            year = subject_year
        else:
            year = _year_for(mo, None, pub, future or direction == "next", direction, past=tense == "past")
        if prep in ("last", "next", "this") or prep in _MODIFIERS_YEAR_ONLY:
            start = m.start()
        if year is None:
            return mk(None, None, "month", True, False, partial=f"--{mo:02d}", s=start)
        return mk(_iso(year, mo), None, "month", True, True, s=start)
    if kind in ("rel", "early"):
        if kind == "rel" and _OF_AFTER.match(text, end):
            return None  # "in the last week of April", "the last year of the plan": part of what follows
        unit = (g["ru"] or g["eu"]).lower()
        q = (g["rq"] or "this").lower()
        the = _THE_ONLY.search(text, max(0, start - 24), start) if kind == "rel" and q in ("next", "following") \
            else None
        if the is not None:
            # "In 1218 its governor seized a caravan, and the next year the khan's armies laid siege": the year
            # after the one just named (not "over the next year": from now; not "the following month": unknown)
            years = _YEAR_NUMBER.findall(text, max(0, start - 300), start) if unit == "year" else []
            return mk(_iso(int(years[-1]) + 1), None, "year", False, False, s=the.start()) if years else None
        if q == "following":
            return None  # "following year" without "the"
        k = {"last": -1, "this": 0, "next": 1, "coming": 1}[q]
        if py is None:
            return mk(None, None, "year" if unit == "year" else "month", True, False)
        if unit == "year":
            return mk(_iso(py + k), None, "year", True, True)
        if pm is None:
            return mk(_iso(py), None, "year", True, True)
        if unit == "month":
            y2, m2 = _shift_months(py, pm, k)
            return mk(_iso(y2, m2), None, "month", True, True)
        if pd is None:  # a week relative to a month-precise date
            return mk(_iso(py, pm), None, "month", True, True)
        d0 = dt.date(py, pm, pd) + dt.timedelta(days=7 * k)
        d0 -= dt.timedelta(days=d0.weekday())  # the week starts on Monday: "this week" of Thu 1 Feb is from 29 Jan
        return mk(_iso(d0.year, d0.month), None, "month", True, True)
    if kind == "cur":  # the publication's year or month: "by the end of the year", "year-end"
        unit = (g["cu"] or "year").lower()
        if unit == "decade":  # "by the end of the decade": its last year, as plans write it (2030)
            if g["cp"].lower() not in ("end", "close") or py is None:
                return None
            return mk(_iso(py // 10 * 10 + 10), None, "year", True, True)
        if py is None:
            return mk(None, None, unit, True, False)
        if unit == "month" and pm is not None:
            return mk(_iso(py, pm), None, "month", True, True)
        return mk(_iso(py), None, "year", True, True)
    if kind == "qtr":  # a quarter without a year: the year of its middle month nearest the publication
        mo = {"first": 2, "second": 5, "third": 8, "fourth": 11}[g["qn"].lower()]
        year = _year_for(mo, None, pub, future, past=tense == "past")
        if year is None:
            return mk(None, None, "year", True, False)
        return mk(_iso(year), None, "year", True, True)
    if kind == "soon":  # "in the coming weeks": only the year is safe to give (three weeks on, or five days)
        if py is None:
            return mk(None, None, "year", True, False)
        if pm is None or pd is None:
            return mk(_iso(py), None, "year", True, True)
        d0 = dt.date(py, pm, pd) + dt.timedelta(days=21 if g["su"].lower() == "weeks" else 5)
        return mk(_iso(d0.year), None, "year", True, True)
    if kind == "ago":
        n = g["an"].lower()
        n = NUMBER_WORDS.get(n) or int(n)
        if py is None:
            return mk(None, None, "year", True, False)
        if g["au"].startswith("year"):
            return mk(_iso(py - n), None, "year", True, True)
        if g["au"].startswith("decade"):  # "a decade ago": ten years before the publication's
            return mk(_iso(py - 10 * n), None, "year", True, True)
        if pm is None:
            return mk(_iso(py), None, "year", True, True)
        if g["au"].startswith("week"):  # "two weeks ago": the month of that day
            if pd is None:
                return mk(_iso(py, pm), None, "month", True, True)
            d0 = dt.date(py, pm, pd) - dt.timedelta(days=7 * n)
            return mk(_iso(d0.year, d0.month), None, "month", True, True)
        y2, m2 = _shift_months(py, pm, -n)
        return mk(_iso(y2, m2), None, "month", True, True)
    if kind == "ahead":  # "in two years' time"; "in two years" only looking forward
        if not (prep == "in" and (g["ht"] or future)):
            return None  # "over two years", "doubled in two years": a duration
        n = g["hn"].lower()
        n = NUMBER_WORDS.get(n) or int(n)
        if n > 10 and g["hu"].startswith("year"):
            return None  # "counting the cost in fifty years": a far horizon, no date
        if py is None:
            return mk(None, None, "year", True, False)
        if g["hu"].startswith("year") or pm is None:
            return mk(_iso(py + (n if g["hu"].startswith("year") else 0)), None, "year", True, True)
        y2, m2 = _shift_months(py, pm, n)
        return mk(_iso(y2, m2), None, "month", True, True)
    if kind == "day" and g["day"].lower() == "today" and (
            _NOWADAYS_BEFORE.search(text, max(0, m.start() - 24), m.start()) or (
                _SENTENCE_OPENING.search(text, max(0, m.start() - 4), m.start()) and _NOWADAYS_AFTER.match(text, end))):
        return None  # "perhaps 300,000 today", "the terminal we have today", "Today the site is a field": nowadays
    if kind == "day":
        if pd is None:
            return mk(_iso(py, pm) if pm else (_iso(py) if py else None), None,
                      "month" if pm else "year", True, py is not None)
        k = {"yesterday": -1, "today": 0, "tomorrow": 1}[g["day"].lower()]
        d0 = dt.date(py, pm, pd) + dt.timedelta(days=k)
        return mk(d0.isoformat(), None, "day", True, True)
    if kind == "season":
        if g["sy"]:
            return mk(g["sy"], None, "year")
        if g["sr"]:  # "in the spring of next year", "autumn last year"
            if py is None:
                return mk(None, None, "year", True, False)
            return mk(_iso(py + {"last": -1, "this": 0, "next": 1}[g["sr"].lower()]), None, "year", True, True)
        season = g["sn"].lower()
        mo = {"spring": 4, "summer": 7, "autumn": 10, "fall": 10, "winter": 1}[season]
        direction = prep if prep in ("last", "next") else ""
        day = None
        if direction and season != "winter":
            # "next spring" in April is next year's: the next season starts after the publication day, and the
            # last one ends before it ("last summer" in July is last year's)
            first, last = _SEASON_MONTHS[season]
            mo, day = (first, 1) if direction == "next" else (last, 28)
        subject_year = _subject_year(text, start, py) if not direction else None
        year = py if prep == "this" else subject_year if subject_year is not None else _year_for(
            mo, day, pub, future, direction, past=tense == "past")
        if year is None:
            return mk(None, None, "year", True, False)
        return mk(_iso(year), None, "year", True, True, s=m.start(kind) if prep in ("in", "during") else m.start())
    if kind == "wd":
        q = (g["wq"] or "").strip().lower() or (prep if prep in ("last", "next", "this") else "")
        if q and prep in ("last", "next", "this"):
            start = m.start()
        if pd is None:
            if py is None:
                return mk(None, None, "day", True, False)
            return mk(_iso(py, pm) if pm else _iso(py), None, "month" if pm else "year", True, True, s=start)
        p = dt.date(py, pm, pd)
        want = WEEKDAYS[g["wn"].lower()]
        if q == "next" or (q != "last" and future):
            # the publication's own weekday is that day ("was due to fly back on Wednesday" in a Wednesday paper:
            # wire copy names today by its weekday), unless "next Wednesday"
            delta = (want - p.weekday()) % 7 or (7 if q == "next" else 0)
        else:
            delta = -((p.weekday() - want) % 7)
            if q == "last" and delta == 0:
                delta = -7
        next_week = _NEXT_WEEK.match(text, end)
        if next_week and not q:  # "on Friday next week": that weekday of the week after this one
            delta = want - p.weekday() + 7
            end = next_week.end()
        d0 = p + dt.timedelta(days=delta)
        # "on Friday and Saturday": two days, the second after the first
        d1 = d0 + dt.timedelta(days=(WEEKDAYS[g["wn2"].lower()] - want) % 7) if g["wn2"] else None
        return mk(d0.isoformat(), d1.isoformat() if d1 and d1 > d0 else None, "day", True, True, s=start)
    if kind == "recent":
        if _VAGUE_AFTER_RECENT.match(text, end):
            return None  # "in recent months", "recent years": a period, not a date
        if py is None:
            return mk(None, None, "month", True, False)
        if pm is None:
            return mk(_iso(py), None, "year", True, True)
        return mk(_iso(py, pm), None, "month", True, True)
    return None

