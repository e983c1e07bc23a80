"""Money figures in article text: amount, currency, what they measure, partner and year.

``extract_figures(article, spans, partner_mentions)`` returns one ``Figure`` per money amount:

- amounts with a currency sign or code before ("$32.7 billion", "€12 billion", "US$4bn",
  "USD 1.5bn", "£300m") or a currency word after ("1.2 trillion tenge", "500 million euros");
- vague amounts ("hundreds of millions of dollars", "billions of dollars") with ``amount=None``
  and ``vague=True``.

``measure`` is the nearest of trade / investment / package / loan / gdp in the sentence
(words after the amount count a little less), else "other". ``year`` is the nearest year of a
date anchored "in"/"by"/plain in the sentence ("$27.8 billion in 2024", "$150 billion by 2029");
"since 2005" or "over the past 20 years" give none. Partners come from the sentence, else the
sentence before (``partners.SentencePartners``).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from .dates import DateExpr, find_dates
from .partners import SentencePartners
from .records import Article, Figure, PartnerMention

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"trillion|billion|million|thousand|tn|bn|mn|mln|m|k"
_CUR_WORD = (r"(?:US\s+|U\.S\.\s+)?dollars?|euros?|pounds?(?:\s+sterling)?|yuan|renminbi|tenge|rubles?|roubles?"
             r"|USD|EUR|GBP|CNY|RMB|KZT|RUB")
_MONEY = re.compile(
    rf"(?P<pre>US\$|U\.S\.\s?\$|\$|€|£|¥|₸|\b(?:USD|EUR|GBP|CNY|RMB|KZT|RUB)\s?)(?P<n1>{_NUM})"
    rf"(?:\s*(?P<s1>{_SCALE})\b)?"
    rf"|\b(?P<n2>{_NUM})\s*(?P<s2>trillion|billion|million|thousand|bn|mn|mln)?\s+(?P<cur>{_CUR_WORD})\b"
    rf"|\b(?P<vague>(?:hundreds|tens|billions|millions|trillions|thousands)\s+of\s+"
    rf"(?:(?:millions|billions|thousands)\s+of\s+)?(?P<vcur>dollars|euros|yuan|tenge|rubles|roubles|pounds))\b",
    re.I)
_SCALES = {"trillion": 1e12, "tn": 1e12, "billion": 1e9, "bn": 1e9, "million": 1e6, "mn": 1e6, "mln": 1e6,
           "m": 1e6, "thousand": 1e3, "k": 1e3}
_CURRENCIES = {"$": "USD", "us$": "USD", "u.s.$": "USD", "€": "EUR", "£": "GBP", "¥": "CNY", "₸": "KZT",
               "dollar": "USD", "euro": "EUR", "pound": "GBP", "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY",
               "tenge": "KZT", "ruble": "RUB", "rouble": "RUB"}
_MEASURES = re.compile(r"\b(?:(?P<trade>trade|turnover|exports?|imports?)|(?P<package>package)"
                       r"|(?P<loan>loans?|credit|financing|lending)|(?P<investment>invest\w*|FDI)|(?P<gdp>GDP))\b",
                       re.I)


def _currency(raw: str) -> str:
    key = re.sub(r"\s+", "", raw.lower()).rstrip("s")
    key = key.replace("us", "") if key.startswith("us") and key.endswith("dollar") else key
    key = key.replace("u.s.", "") if key.endswith("dollar") else key
    if key.startswith("poundsterling") or key.startswith("pound"):
        return "GBP"
    return _CURRENCIES.get(key, key.upper())


def parse_money(m: re.Match) -> tuple[float | None, str, bool]:
    """(amount, ISO currency, vague) of one ``_MONEY`` match."""
    g = m.groupdict()
    if g["vague"]:
        return None, _currency(g["vcur"]), True
    num, scale, cur = (g["n1"], g["s1"], g["pre"]) if g["n1"] else (g["n2"], g["s2"], g["cur"])
    amount = float(num.replace(",", "")) * _SCALES.get((scale or "").lower(), 1.0)
    return round(amount, 2), _currency(cur.strip()), False


def extract_figures(article: Article, spans: Sequence[tuple[int, int]],
                    partner_mentions: Sequence[PartnerMention] = (),
                    dates: Sequence[DateExpr] | None = None) -> list[Figure]:
    """Money figures of ``article``; offsets are into ``article.body``; pure. ``dates`` are
    ``find_dates(article.body, article.published)`` when the caller has them already."""
    body = article.body
    found = _find_money(body)
    if not found:
        return []
    starts = [s for s, _ in spans]
    dates = find_dates(body, article.published) if dates is None else dates
    date_starts = [d.start for d in dates]
    by_sentence = SentencePartners(partner_mentions, spans)
    out: list[Figure] = []
    for m in found:
        i = max(0, bisect_left(starts, m.start() + 1) - 1)
        s, e = spans[i] if spans else (0, len(body))
        if not s <= m.start() < e:
            continue
        amount, currency, vague = parse_money(m)
        partners = by_sentence.near(i, before_only=True)
        out.append(Figure(surface=m.group().strip(), amount=amount, currency=currency,
                          measure=_measure(body, s, e, m.start(), m.end()), evidence=body[s:e],
                          start=m.start(), end=m.end(), partners=partners,
                          year=_year(dates, date_starts, s, e, m.start()), vague=vague))
    return out


# Every amount holds a digit or a currency sign, or (vague ones) a currency word: the full pattern
# is only tried at the starts of the words around those, which keeps the scan fast.
_MONEY_HOT = re.compile(r"[0-9$€£¥₸]")
_VAGUE_HOT = ("dollars", "euros", "yuan", "tenge", "rubles", "roubles", "pounds")


def _word_start(body: str, i: int) -> int:
    """Start of the word that ends at ``i`` (looking back at most 64 characters, so that text
    without spaces or line breaks stays linear)."""
    lo = max(0, i - 64)
    k = max(body.rfind(" ", lo, i), body.rfind("\n", lo, i))
    return k + 1 if k >= 0 else lo


def _find_money(body: str) -> list[re.Match]:
    cands: set[int] = set()
    for h in _MONEY_HOT.finditer(body):
        i = h.start()
        tok = _word_start(body, i)
        cands.add(tok)
        prev = _word_start(body, max(tok - 1, 0))
        if tok - prev <= 5:  # "USD 1.5bn", "US $4bn"
            cands.add(prev)
    for w in _VAGUE_HOT:
        i = body.find(w)
        while i >= 0:
            j = i
            for _ in range(5):  # "hundreds of millions of dollars": five words back
                j = _word_start(body, max(j - 1, 0))
                cands.add(j)
            i = body.find(w, i + 1)
    out: list[re.Match] = []
    done = 0
    for c in sorted(cands):
        if c < done:
            continue
        m = _MONEY.search(body, c, min(len(body), c + 60))
        if m and m.start() < c + 8:
            if m.start() >= done:
                out.append(m)
                done = m.end()
    return out


def _measure(body: str, s: int, e: int, a: int, b: int) -> str:
    best: tuple[int, str | None] | None = None
    for k in _MEASURES.finditer(body, s, e):
        dist = a - k.end() if k.end() <= a else (k.start() - b) + 5
        if best is None or dist < best[0]:
            best = (dist, k.lastgroup)
    return (best[1] or "other") if best else "other"


def _year(dates, date_starts: list[int], s: int, e: int, a: int) -> int | None:
    """The year of the date nearest to offset ``a`` in the sentence [s, e) ("in 2024", "by 2029")."""
    best = None
    for d in dates[bisect_left(date_starts, s):bisect_left(date_starts, e)]:
        if d.date and d.anchor in ("at", "by", "range"):
            dist = abs(d.start - a)
            if best is None or dist < best[0]:
                best = (dist, int(d.date[:4]))
    return best[1] if best else None



