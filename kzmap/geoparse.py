"""Place mentions by gazetteer lookup, resolved to one gazetteer entry each.

Pipeline (pure functions over the article body):
1. ``tokenize``: words with their offsets and what joins them (space, hyphen, other).
2. ``candidate_spans``: longest dictionary match at every capitalised word; multi-word names,
   hyphenated names, possessives and trailing feature words ("Karaganda region") included.
3. ``keep``: name-structure rules refuse matches that are part of a longer proper name
   ("South China Morning Post", "Vladimir Tretyakov"), common English words that are also
   town names (the gazetteer's stop list), compound prefixes ("Trans-Caspian").
4. ``resolve``: one place per name per article, scored by main name vs alternate name,
   curated rows, the article's own countries, the region, and population.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from .gazetteer import NEIGHBOURHOOD, Gazetteer
from .records import Mention, Place
from .text import SentenceIndex, fold

TOKEN = re.compile(r"[^\W_](?:[\w]|['\u2019](?=\w))*")
POSSESSIVE = re.compile(r"['\u2019][sS]$")
HYPHENS = ("-", "\u2010", "\u2011")
CONNECTORS = frozenset({"of", "the", "de", "del", "da", "di", "du", "al", "el", "la", "le", "on", "upon", "and", "y"})
FUNCTION = frozenset("""
the a an in on at from to for with by of and or but as while after before during since until between
among across over under via through both this that these those its his her their our we it he she they
i if when where although though despite however meanwhile yet so then also unlike like about according
amid near into onto upon within without along around beyond toward towards per each every all some many
most more other such no not there here what which who why how last next further still even only just
today yesterday tomorrow nevertheless moreover furthermore consequently presently currently notably
indeed thus hence instead rather whether once now earlier later often meanwhile following
""".split())
TITLES = frozenset("""
president prime minister foreign deputy vice mayor governor ambassador secretary chairman chairwoman
general premier king queen emperor chancellor senator mr mrs ms dr sir ceo head chief leader envoy
official officials spokesperson spokesman commissioner director minister's president's
""".split())
FEATURES = frozenset("""
region oblast province city port seaport airport station checkpoint border crossing gateway terminal
valley river lake sea bay gulf strait pass district county basin field deposit mine zone area
""".split())
DIRECTIONS = {
    "northern": (0.0, 1), "southern": (0.0, -1), "eastern": (1, 0.0), "western": (-1, 0.0),
    "north": (0.0, 1), "south": (0.0, -1), "east": (1, 0.0), "west": (-1, 0.0),
    "central": (0.0, 0.0), "northeastern": (1, 1), "northwestern": (-1, 1),
    "southeastern": (1, -1), "southwestern": (-1, -1),
}
COMPOUND_PREFIXES = frozenset({"trans", "sino", "pan", "euro", "indo", "anti", "pro", "post", "pre", "non",
                               "afro", "russo", "anglo", "franco", "greater", "inner", "outer"})
LOCATIVE = frozenset({"in", "at", "to", "from", "near", "outside", "inside", "via", "through", "around",
                      "across", "into", "toward", "towards", "within", "of", "visit", "visited", "visiting",
                      "between", "and", "on", "reach", "reached", "reaching", "leave", "left", "arrive",
                      "arrived", "arriving", "trip"})
GOV_NOUNS = frozenset("""
policy policies foreign position stance approach government leadership ties relations interest interests
decision decisions strategy influence diplomacy response efforts ambitions engagement role support plans
vision multi-vector attempts attempt stance agenda officials authorities priorities reforms pivot
""".split())
GOV_VERBS = frozenset("""
says said considers considered believes believed wants wanted insists insisted announced announces agreed
agrees signed signs rejected rejects accused accuses urged urges warned warns hopes hoped seeks sought
sees saw views pushes pushed plans planned continues continued has have had is was will would must
may might could should remains remained aims aimed intends intended responded responds refused refuses
welcomed welcomes condemned condemns demanded demands denied denies
""".split())


@dataclass(frozen=True)
class Token:
    text: str  # the word without a possessive ending
    start: int
    end: int  # end of ``text`` (a possessive is left outside)
    cap: bool
    upper: bool
    joiner: str  # what links it to the next token: " ", "-", or "" (anything else: a break)
    fold: str


@dataclass(frozen=True)
class Match:
    start_tok: int
    end_tok: int  # exclusive
    start: int
    end: int
    key: str
    kind: str = "name"  # "name" or "part" (a direction + country)


def tokenize(text: str) -> list[Token]:
    out: list[Token] = []
    raw = list(TOKEN.finditer(text))
    for i, m in enumerate(raw):
        word = m.group()
        end = m.end()
        if POSSESSIVE.search(word):
            word, end = word[:-2], end - 2
        nxt = raw[i + 1].start() if i + 1 < len(raw) else len(text)
        sep = text[m.end():nxt]
        if m.end() != end:  # a possessive ends a name
            joiner = ""
        elif sep in HYPHENS:
            joiner = "-"
        elif sep and sep.strip(" \t\u00a0") == "":
            joiner = " "
        else:
            joiner = ""
        first = word[:1]
        out.append(Token(word, m.start(), end, first.isupper(), word.isupper() and len(word) > 1,
                         joiner, fold(word)))
    return out


def _key(tokens: list[Token], i: int, j: int) -> str:
    parts = []
    for k in range(i, j):
        parts.append(tokens[k].fold)
        if k < j - 1:
            parts.append("-" if tokens[k].joiner == "-" else " ")
    return "".join(parts)


def _case_ok(tokens: list[Token], i: int, j: int) -> bool:
    for k in range(i, j):
        t = tokens[k]
        if t.cap:
            continue
        inner_connector = t.fold in CONNECTORS and i < k < j - 1
        trailing_feature = k > i and t.fold in FEATURES
        if not (inner_connector or trailing_feature):
            return False
    return True


def candidate_spans(tokens: list[Token], gaz: Gazetteer) -> list[Match]:
    """Longest dictionary matches, left to right, each starting at a capitalised word."""
    out: list[Match] = []
    i, n = 0, len(tokens)
    while i < n:
        t = tokens[i]
        if not t.cap:
            part = _direction_part(tokens, i, gaz)
            if part:
                out.append(part)
                i = part.end_tok
                continue
            i += 1
            continue
        best = None
        j = i
        while j < n and j - i < gaz.max_tokens:
            j += 1
            key = _key(tokens, i, j)
            if gaz.has_key(key) and _case_ok(tokens, i, j):
                best = j
            if not tokens[j - 1].joiner:
                break
        if best is None:
            part = _direction_part(tokens, i, gaz)
            if part:
                out.append(part)
                i = part.end_tok
                continue
            i += 1
            continue
        out.append(Match(i, best, tokens[i].start, tokens[best - 1].end, _key(tokens, i, best)))
        i = best
    return out


def _direction_part(tokens: list[Token], i: int, gaz: Gazetteer) -> Match | None:
    """"northern Kazakhstan": a direction word then a country name."""
    t = tokens[i]
    if t.fold not in DIRECTIONS or t.joiner != " " or i + 1 >= len(tokens):
        return None
    nxt = tokens[i + 1]
    code = gaz.country_names.get(nxt.text)
    if not code or code not in gaz.countries or not gaz.countries[code].bbox:
        return None
    return Match(i, i + 2, t.start, nxt.end, nxt.fold, kind="part")


def _name_like(tok: Token, gaz: Gazetteer) -> bool:
    """A capitalised word that makes a neighbouring place name part of a longer proper name."""
    if not tok.cap:
        return False
    f = tok.fold
    return not (f in FUNCTION or f in TITLES or f in FEATURES or tok.text in gaz.demonyms
                or tok.text in gaz.country_names)


def keep(match: Match, tokens: list[Token], gaz: Gazetteer, matched: set[int]) -> bool:
    """Name-structure rules; ``matched`` holds indexes of tokens covered by any match."""
    i, j = match.start_tok, match.end_tok
    if match.kind == "part":  # "northern Kazakhstan"; not "South China Morning Post"
        last = tokens[j - 1]
        return not (tokens[i].cap and last.joiner and j < len(tokens) and _name_like(tokens[j], gaz))
    single = j - i == 1
    if single and match.key in gaz.stopnames:
        return False
    if single and tokens[i].fold in FUNCTION:
        return False
    # Left neighbour in the same run: a name-like word there means a longer name.
    if i > 0 and tokens[i - 1].joiner:
        k = i - 1
        while k > 0 and tokens[k].fold in CONNECTORS and not tokens[k].cap and tokens[k - 1].joiner:
            k -= 1
        left = tokens[k]
        if left.joiner == "-" and k == i - 1:
            if left.fold in COMPOUND_PREFIXES or (left.cap and k not in matched):
                return False
        elif k not in matched and _name_like(left, gaz):
            return False
    # Right neighbour in the same run.
    last = tokens[j - 1]
    if last.joiner and j < len(tokens):
        right = tokens[j]
        if last.joiner == "-":
            if right.cap and j not in matched:
                return False
        elif j not in matched and _name_like(right, gaz) and right.fold not in CONNECTORS:
            return False
    return True


def _country_context(text: str, tokens: list[Token], gaz: Gazetteer) -> Counter:
    ctx: Counter = Counter()
    for t in tokens:
        code = gaz.country_names.get(t.text) or gaz.demonyms.get(t.text)
        if code:
            ctx[code] += 1
    return ctx


def score(place: Place, is_main: bool, ctx: Counter) -> float:
    s = 3.0 if is_main else 0.0
    if place.id.startswith("cur:"):
        s += 1.5
    if ctx.get(place.country):
        s += min(2.5, math.log1p(ctx[place.country]))
    if place.country in NEIGHBOURHOOD:
        s += 1.0
    s += math.log10(place.population + 1) / 2
    if place.kind == "city":
        s += 0.5
    return s


def resolve(key: str, gaz: Gazetteer, ctx: Counter) -> Place | None:
    cands = gaz.candidates(key)
    if not cands:
        return None
    best = max(cands, key=lambda c: (score(c[0], c[1], ctx), c[0].population, c[0].id))
    return best[0]


def country_part(code: str, direction: str, gaz: Gazetteer) -> Place:
    c = gaz.countries[code]
    min_lon, min_lat, max_lon, max_lat = c.bbox  # (lon, lat) box of the main polygon
    dx, dy = DIRECTIONS[direction]
    lon = (min_lon + max_lon) / 2 + dx * (max_lon - min_lon) / 3
    lat = (min_lat + max_lat) / 2 + dy * (max_lat - min_lat) / 3
    name = f"{direction.capitalize()} {c.name}"
    return Place(id=f"part:{direction}:{code}", name=name, kind="country_part", country=code,
                 lat=round(lat, 3), lon=round(lon, 3))


def is_metonym(text: str, tokens: list[Token], match: Match, place: Place, gaz: Gazetteer) -> bool:
    """A capital (or country) standing for its government: "Astana's policy", "Moscow considers"."""
    i, j = match.start_tok, match.end_tok
    country = gaz.countries.get(place.country)
    is_capital = place.kind == "country" or (country is not None and country.capital == place.name)
    if not is_capital:
        return False
    end = tokens[j - 1].end
    possessive = text[end:end + 2] in ("'s", "\u2019s")
    nxt = tokens[j].fold if j < len(tokens) else ""
    if possessive and nxt in GOV_NOUNS:
        return True
    if nxt in GOV_VERBS and not possessive:
        prev = tokens[i - 1].fold if i > 0 else ""
        return prev not in LOCATIVE
    prev = tokens[i - 1].fold if i > 0 else ""
    if prev in ("of", "and", "with") and i > 1 and tokens[i - 2].fold in ("influence", "substituting", "between"):
        return True
    if prev == "and" and i > 1:
        # "Moscow and Beijing": both stand for governments when the first one does
        return False
    return possessive and place.kind != "country"


def find_mentions(text: str, spans: list[tuple[int, int]], gaz: Gazetteer) -> list[Mention]:
    tokens = tokenize(text)
    matches = candidate_spans(tokens, gaz)
    matched = {k for m in matches for k in range(m.start_tok, m.end_tok)}
    kept = [m for m in matches if keep(m, tokens, gaz, matched)]
    ctx = _country_context(text, tokens, gaz)
    for m in kept:  # unambiguous places lend their country to the context
        cands = gaz.candidates(m.key) if m.kind == "name" else []
        if len({p.country for p, _ in cands}) == 1:
            ctx[cands[0][0].country] += 1
    sentences = SentenceIndex(spans)
    resolved: dict[str, Place | None] = {}
    out: list[Mention] = []
    for m in kept:
        if m.kind == "part":
            code = gaz.country_names.get(tokens[m.start_tok + 1].text)
            place = country_part(code, tokens[m.start_tok].fold, gaz)
        else:
            if m.key not in resolved:
                resolved[m.key] = resolve(m.key, gaz, ctx)
            place = resolved[m.key]
        if place is None:
            continue
        out.append(Mention(surface=text[m.start:m.end], start=m.start, end=m.end,
                           sentence=sentences.index(m.start), place=place,
                           metonym=is_metonym(text, tokens, m, place, gaz)))
    return out
