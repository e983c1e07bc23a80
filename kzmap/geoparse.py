"""Place mentions by gazetteer lookup, each resolved to one gazetteer entry.

Steps, all pure functions over the article body:
1. ``runs.find_runs``: stretches of capitalised words (plus a trailing feature word such as
   "region" and a leading direction word such as "northern").
2. ``match_run``: the longest dictionary name at each word of a run ("Strait of Malacca" beats
   "Malacca"; "Nur-Sultan" and "Bakhty-Ayagoz" both work).
3. ``keep``: name-structure rules refuse matches that are part of a longer proper name
   ("South China Morning Post", "Vladimir Tretyakov", "Egemen Qazaqstan"), compound prefixes
   ("Trans-Caspian"), the gazetteer's stop list of names that are common English words, a sea's first word alone
   unless it stands for the sea ("across the Caspian", not "Caspian ports"), and an alternate name inside a
   lowercase compound ("Koryo-saram"); the end points of a route's name are no places ("the Baku-Tbilisi-Ceyhan
   pipeline", ``on_route``), nor is a name standing alone that the article first used to open a company's name
   ("Kimberley Copper ... Kimberley's managing director"), nor one standing alone without a locative word that it
   first used as a person's surname ("Sarah Lancaster ... Lancaster said", "Dieter Hamm ... Hamm retrained"), nor
   a known company's or person's name ("Orano", not Oran), nor a town before a water work or a landform in a story
   that names none of its country ("the Kirov reservoir", "the Kalba range"); a curated river's bare name after
   "the" is the river ("on the Chu", "the Ishim reached Petropavl").
4. ``resolve``: one place per name per article, scored by main vs alternate name, curated rows,
   the article's own countries, the region around Kazakhstan, and population; a country the text
   puts the name in decides first ("Varna in Bulgaria", "the Bulgarian port of Varna"); between namesakes in
   several countries, the one country with a namesake within 250 km of a place the article names without
   ambiguity scores higher ("Kurchatov" beside Semey), unless the best is a national capital; and when the
   text puts the name beside another place, only namesakes within 400 km of that place count, and without one
   the name has no place ("Korolyov, outside Moscow"; "Kena, east of Vilnius", when the gazetteer's only Kena
   is in Egypt).
"""
from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .gazetteer import NEIGHBOURHOOD, Gazetteer, haversine_km
from .lexicon import (
    COMPOUND_PREFIXES,
    CONNECTORS,
    FEATURES,
    FUNCTION,
    GOV_VERBS,
    LOCATIVE,
    NAME_HEADS,
    PARTICLES,
    TITLES,
)
from .records import Mention, PartnerMention, Place
from .runs import Run, Word, find_runs, joined

DIRECTION_VECTORS = {
    "northern": (0, 1), "southern": (0, -1), "eastern": (1, 0), "western": (-1, 0),
    "north": (0, 1), "south": (0, -1), "east": (1, 0), "west": (-1, 0), "central": (0, 0),
    "northeastern": (1, 1), "northwestern": (-1, 1), "southeastern": (1, -1), "southwestern": (-1, -1),
}
SURNAME = re.compile(r"(?:ov|ev|ova|eva|in|ina|yan|uly|kyzy|uli|vich|enko|shvili|dze)$")
_COORDINATED = re.compile(r"(\w+)\s[A-Z][\w'\u2019-]*\s+and\s+$")
_NEXT_WORD = re.compile(r"(?:['\u2019]s?)?\W{0,3}?([\w-]+)")


@dataclass(slots=True)
class Match:
    run: int  # index of the run
    i: int  # first word
    j: int  # one past the last word
    key: str
    part: str = ""  # direction of a country part ("northern Kazakhstan")


def _case_ok(words: Sequence[Word], i: int, j: int) -> bool:
    """Every word capitalised, except inner connectors ("of") and a trailing feature ("region")."""
    for k in range(i + 1, j):
        w = words[k]
        if not (w.cap or w.trail or (w.fold in CONNECTORS and k < j - 1)):
            return False
    return words[i].cap


def match_run(words: Sequence[Word], gaz: Gazetteer, r: int) -> list[Match]:
    out: list[Match] = []
    main, alias, first_words = gaz.main, gaz.alias, gaz.first_words
    i, n = 0, len(words)
    while i < n:
        w = words[i]
        best = 0
        if w.cap:
            f = w.fold
            if f in first_words:
                for j in range(min(n, i + gaz.first_max.get(f, gaz.max_tokens)), i, -1):  # none longer
                    key = joined(words, i, j, folded=True)
                    if (key in main or key in alias) and _case_ok(words, i, j):
                        best = j
                        break
                if not best and f in gaz.bare_rivers:
                    best = i + 1  # "the Chu": kept only as the river (``find_mentions`` drops it otherwise)
            elif f in main or f in alias or f in gaz.bare_rivers:
                best = i + 1
            if (not best and len(f) >= 5 and f not in gaz.common_words and not SURNAME.search(f)
                    and w.text not in gaz.demonyms and w.text not in gaz.actors):
                key = gaz.skeleton_key(f)  # "Moiynty" for GeoNames' "Moyynty"
                if key:
                    out.append(Match(r, i, i + 1, key))
                    i += 1
                    continue
        if best and w.fold == "the" and _longest_end(words, gaz, i + 1) > best:
            best = 0  # "The Caspian Sea": "Caspian Sea", not the alias "The Caspian" and a stray "Sea"
        if best:
            out.append(Match(r, i, best, w.fold if best == i + 1 else joined(words, i, best, folded=True)))
            i = best
        else:
            i += 1
    return out


def _longest_end(words: Sequence[Word], gaz: Gazetteer, i: int) -> int:
    """Where the longest dictionary name starting at word ``i`` ends (0: none starts there)."""
    n = len(words)
    if i >= n or not words[i].cap:
        return 0
    f = words[i].fold
    for j in range(min(n, i + gaz.first_max.get(f, gaz.max_tokens)), i, -1):
        key = joined(words, i, j, folded=True)
        if (key in gaz.main or key in gaz.alias) and _case_ok(words, i, j):
            return j
    return 0


def _name_like(w: Word, gaz: Gazetteer) -> bool:
    """A capitalised word that makes a neighbouring name part of a longer proper name."""
    return w.cap and not (w.fold in FUNCTION or w.fold in TITLES or w.fold in FEATURES
                          or w.text in gaz.demonyms or w.text in gaz.country_names)


def _neighbour_name(w: Word, covered: bool, gaz: Gazetteer) -> bool:
    """A neighbour that joins a name into a longer one: any name-like word, even one that is a
    place name itself ("Vladimir Ivanov"), but not a country name ("UK Prime Minister")."""
    return _name_like(w, gaz) and not (covered and w.fold in gaz.country_fold)


# A chain of names joined by dashes names a route when one of these words follows it ("the Baku-Tbilisi-Ceyhan
# pipeline", "the Turkestan\u2013Siberia Railway"): its end points are not place mentions
_NAME = r"[A-Z][\w'\u2019.]*(?:[ \t\u00a0]+[A-Z][\w'\u2019.]*){0,2}"
_DASH = r"[ \t\u00a0]?[-\u2010\u2011\u2013\u2014][ \t\u00a0]?"
_ROUTE_WORD = (r"(?i:pipelines?|railways?|railroad|line|road|highway|motorway|expressway|corridor|route|cable|link"
               r"|interconnector)\b")
_CHAIN_TAIL = re.compile(rf"(?P<more>(?:{_DASH}{_NAME})*)[ \t\u00a0]+{_ROUTE_WORD}")
_DASH_BEFORE = re.compile(_DASH + "$")
# with one or two lowercase words before the route word ("the Shymkent-Tashkent transmission line", "the Atasu-
# Alashankou oil pipeline", "the Caspian-Black Sea-Europe green energy corridor"), only names joined by a dash
# without spaces: "ALMATY — Kazakhstan's state railway" is a dateline
_TIGHT_DASHES = "-\u2010\u2011\u2013"
_TIGHT_DASH = f"[{_TIGHT_DASHES}]"
_TIGHT_NAME = r"[A-Z][\w.]*(?:[ \t\u00a0]+[A-Z][\w.]*){0,2}"
_CHAIN_TAIL_WORDS = re.compile(rf"(?P<more>(?:{_TIGHT_DASH}{_TIGHT_NAME})*)[ \t\u00a0]+"
                               rf"(?:[a-z0-9][\w-]*[ \t\u00a0]+){{1,2}}{_ROUTE_WORD}")
_AFTER_ROUTE_NAME = frozenset(" \t\u00a0-\u2010\u2011\u2013\u2014")


def on_route(text: str, start: int, end: int) -> bool:
    """The name at ``start:end`` is one of the dash-joined names of a route's name ("Tbilisi" in "the Baku-Tbilisi-
    Ceyhan pipeline"); a name a route word follows without a dash ("the Baku pipeline") is not."""
    if text[end:end + 1] not in _AFTER_ROUTE_NAME:
        return False  # most names end at a comma, a full stop or an apostrophe
    tail = _CHAIN_TAIL.match(text, end)
    if tail is not None and bool(tail.group("more") or _DASH_BEFORE.search(text, max(0, start - 3), start)):
        return True
    tail = _CHAIN_TAIL_WORDS.match(text, end)
    return tail is not None and bool(tail.group("more") or (start > 0 and text[start - 1] in _TIGHT_DASHES))


_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)  # not "the northern Caspian": a part, far from the sea's point
_WORD_AFTER = re.compile(r"[ \t\u00a0]+([a-z]+)|[-\u2010\u2011]")
# a hyphen and a lowercase word, not one that places something ("Frankfurt-based", "Almaty-bound")
_LOWER_COMPOUND = re.compile(r"[-\u2010\u2011](?!(?:based|born|bound|made|registered|listed|headquartered|owned|area"
                             r"|region|style)\b)[a-z]")


def _bare_sea(text: str, start: int, end: int) -> bool:
    """A sea's first word alone names the sea right after "the" when no noun follows it ("across the Caspian to
    Baku"), not as an adjective ("the Caspian coast", "Caspian ports", "Trans-Caspian")."""
    if not _THE_BEFORE.search(text, max(0, start - 20), start):
        return False
    after = _WORD_AFTER.match(text, end)
    return after is None or (after.group(1) is not None and after.group(1) in FUNCTION)


def bare_river(text: str, start: int, end: int) -> bool:
    """A river's name without "River" names the river after "the" before no place noun ("on the Chu", "the Ishim
    reached Petropavl"; not "the Talas valley", "the Chu-Talas commission"), and before "rivers" ("the Chu and
    Talas rivers")."""
    after = _WORD_AFTER.match(text, end)
    if after is not None and after.group(1) == "rivers":
        return True
    if not _THE_BEFORE.search(text, max(0, start - 20), start):
        return False
    return after is None or (after.group(1) is not None and after.group(1) not in _PLACE_NOUNS)


_PLACE_NOUNS = FEATURES | frozenset("valleys regions districts basins town towns village villages akimat people "
                                    "residents farmers authorities road highway railway".split())


def keep(m: Match, run: Run, gaz: Gazetteer, covered: set[int]) -> bool:
    """Name-structure rules; ``covered`` holds the indexes of the run's words inside any match."""
    words, i, j = run.words, m.i, m.j
    if j == i + 1 and (m.key in gaz.stopnames or m.key in FUNCTION):
        return False
    if j == i + 1 and m.key in gaz.bare_seas and not _bare_sea(run.source, words[i].start, words[i].end):
        return False
    if j == len(words) and m.key not in gaz.main and _LOWER_COMPOUND.match(run.source, words[j - 1].end):
        return False  # "Koryo-saram" (Koreans of the former USSR): an alternate name inside a common compound
    if j < len(words) and f"{words[j - 1].text} {words[j].text}" in gaz.actors:
        return False  # the first name of a known person ("Vladimir Putin")
    if joined(words, i, j) in gaz.actors and not any(pid.startswith("cur:") for pid in gaz.main.get(m.key, ())):
        return False  # a known company or person ("Orano", "COSCO", "Obama"), unless a curated place ("Kremlin")
    if i == 0 and m.key not in gaz.country_fold and run.after_honorific():
        return False  # "Mr. Lincoln", "Dr Florence"
    if (i > 0 or j < len(words)) and run.headline():  # Title Case: only neighbouring names count
        return not ((i > 0 and (i - 1) in covered and _neighbour_name(words[i - 1], True, gaz))
                    or (j < len(words) and j in covered and _neighbour_name(words[j], True, gaz)))
    k = i - 1
    while k > 0 and words[k].fold in CONNECTORS and words[k].fold not in ("and", "y") and not words[k].cap:
        k -= 1  # "Bank of China": look past "of" to "Bank"
    if k >= 0 and not words[k].cap:
        k = -1  # "Moscow and Beijing", "Xi for Beijing": a coordinator between two names joins nothing
    if k >= 0:
        left = words[k]
        # "Construction of the Kuryk hub": a common word opening the sentence is not part of the name
        opener = (k == 0 and left.fold in gaz.common_words and not (k == i - 1 and left.fold in NAME_HEADS)
                  and run.sentence_start())
        if left.joiner == "-" and k == i - 1:
            if left.fold in COMPOUND_PREFIXES or (left.cap and k not in covered):
                return False
        elif not opener and not (k < i - 1 and k in covered and left.fold not in gaz.stopnames) and _neighbour_name(
                left, k in covered, gaz):
            # a place across "on the"/"of" is a place of its own ("Novorossiysk on the Black Sea"); a name
            # that is not one makes a longer name ("Bank of China")
            return False
    if j < len(words):
        last, right = words[j - 1], words[j]
        if last.joiner == "-":
            if right.cap and j not in covered:
                return False
        elif not right.trail and _neighbour_name(right, j in covered, gaz):
            return False
        elif (right.fold in FEATURES and j + 1 < len(words) and words[j + 1].fold not in FEATURES
              and not words[j + 1].trail and _neighbour_name(words[j + 1], j + 1 in covered, gaz)):
            return False  # "Hamburg Port Consulting": a feature word inside a longer proper name
    return True


KIND_WEIGHT = {"macro_region": 3.0, "sea": 2.5, "strait": 2.5, "region": 2.0, "country_part": 2.0,
               "city": 0.5}


def score(place: Place, is_main: bool, ctx: Counter, capitals: dict[str, str]) -> float:
    """How likely ``place`` is the referent of a name in an article whose country counts are ``ctx``.

    A place's own name beats an alternate name; curated rows beat GeoNames rows of the same name;
    the article's countries, the region around Kazakhstan, importance of the kind and population
    break the remaining ties ("Moscow" is Russia's; "Khorgos" beside Kazakhstan is the Kazakh side).
    """
    s = 3.0 if is_main else 0.0
    if place.id.startswith("cur:"):
        s += 1.5
    n = ctx.get(place.country, 0)
    if n:
        s += min(2.5, 1.5 * math.log1p(n))
    if place.country in NEIGHBOURHOOD:
        s += 1.0
    if place.kind == "city" and is_main:
        country = capitals.get(place.country)
        if country == place.name:
            s += 1.5  # national capitals are what the news names ("Paris" is France's)
    return s + math.log10(place.population + 1) / 2 + KIND_WEIGHT.get(place.kind, 0.0)


_NOT_ANCHORS = frozenset({"country", "macro_region", "sea", "strait", "region", "country_part"})
NEAR_KM = 250  # a candidate this close to a place the article names unambiguously is likelier
NEAR_BONUS = 1.5


def resolve(key: str, gaz: Gazetteer, ctx: Counter, country: str | None = None,
            anchors: Sequence[Place] = (), next_to: Place | None = None) -> Place | None:
    """The place ``key`` names; ``country``: the country the text puts it in ("Varna in Bulgaria"), which
    decides when the name has a place there; ``anchors``: places the article names that have no namesake,
    near which a candidate scores higher ("Kurchatov" beside Semey is Kazakhstan's, not Russia's); ``next_to``:
    the place the text puts the name beside ("Korolyov, outside Moscow"): only namesakes within ``BESIDE_KM``
    of it count, and without one the name has no place ("Kena, east of Vilnius", when the only Kena is Egypt's)."""
    cands = gaz.candidates(key)
    if next_to is not None:  # (a region, a sea or a river is no point: "Xinjiang region, 300 km from Almaty")
        cands = [c for c in cands if c[0].kind in _WIDE
                 or haversine_km(c[0].lat, c[0].lon, next_to.lat, next_to.lon) <= BESIDE_KM]
    if country is not None:
        cands = [c for c in cands if c[0].country == country] or cands
    if not cands:
        return None
    if len(cands) == 1:
        return cands[0][0]
    capitals = {p.country: gaz.countries[p.country].capital for p, _ in cands if p.country in gaz.countries}

    def rank(c: tuple[Place, bool], bonus: float = 0.0) -> tuple:
        return score(c[0], c[1], ctx, capitals) + bonus, c[0].population, c[0].id

    best = max(cands, key=rank)[0]
    if not anchors or best.kind in _NOT_ANCHORS or capitals.get(best.country) == best.name:
        return best  # a national capital stays what the news names ("Madrid" beside a Colombian town)
    # Namesakes in several countries: the one country with a namesake near a place the article names is likelier
    # ("Kurchatov" beside Semey). Only between points named by their main name; same-country namesakes are left to
    # the score, where population decides (a village beside an anchor does not beat the city).
    points = [c for c in cands if c[1] and c[0].kind not in _NOT_ANCHORS]
    near = {p.country for p, _ in points if any(a.id != p.id and haversine_km(a.lat, a.lon, p.lat, p.lon) <= NEAR_KM
                                               for a in anchors)}
    if len(near) != 1 or len({p.country for p, _ in points}) == 1:
        return best
    return max(cands, key=lambda c: rank(c, NEAR_BONUS if c in points and c[0].country in near else 0.0))[0]


def country_part(code: str, direction: str, gaz: Gazetteer) -> Place | None:
    c = gaz.countries.get(code)
    if c is None or c.bbox is None:
        return None
    min_lon, min_lat, max_lon, max_lat = c.bbox  # a (lon, lat) box of the country's main polygon
    dx, dy = DIRECTION_VECTORS[direction]
    lon = (min_lon + max_lon) / 2 + dx * (max_lon - min_lon) / 3
    lat = (min_lat + max_lat) / 2 + dy * (max_lat - min_lat) / 3
    return Place(id=f"part:{direction}:{code}", name=f"{direction.capitalize()} {c.name}", kind="country_part",
                 country=code, lat=round(lat, 3), lon=round(lon, 3))


def is_metonym(text: str, start: int, end: int, place: Place, gaz: Gazetteer) -> bool:
    """A capital (or a country) standing for its government: "Astana's policy", "Moscow considers"."""
    if place.kind != "city":
        return False
    country = gaz.countries.get(place.country)
    if country is None or country.capital != place.name:
        return False
    prev = _previous_word(text, start)
    after = text[end:end + 40]
    possessive = after[:2] in ("'s", "\u2019s")
    nxt = _NEXT_WORD.match(after)
    nxt_word = nxt.group(1).lower() if nxt else ""
    if possessive:
        return True  # "Astana's partners", "Moscow's policy"
    if prev == "and":  # "between Brussels and Tashkent", "in Bishkek and Dushanbe": as the first name goes
        first = _COORDINATED.search(text, max(0, start - 60), start)
        prev = _previous_word(text, first.start(1) + len(first.group(1)) + 1) if first else ""
    if prev in LOCATIVE:
        return False
    if nxt_word in GOV_VERBS:
        return True
    return prev in ("between", "substituting", "with", "influence")


def _previous_word(text: str, start: int) -> str:
    """The word before ``start`` in the same sentence ("" at a sentence start)."""
    base = max(0, start - 30)
    before = text[base:start].rstrip(" \t\u00a0\"'\u201c\u2018(")
    if not before or before[-1] in ".!?\n:;":
        return ""
    k = len(before)
    while k > 0 and (before[k - 1].isalnum() or before[k - 1] == "-"):
        k -= 1
    word = before[k:].lower()
    if word == "of" and _previous_word(text, base + k) in ("influence", "interests", "pressure"):
        return "influence"  # "the influence of Moscow"
    return word


def _as_region(m: Match, gaz: Gazetteer) -> Match:
    key = f"{m.key} region"
    return Match(m.run, m.i, m.j, key) if gaz.has_key(key) else m


def _direction(m: Match, run: Run, gaz: Gazetteer) -> str:
    """"northern Kazakhstan" / "Northern Kazakhstan": the direction of a country part, or ""."""
    if m.key not in gaz.country_fold:
        return ""
    words = run.words
    before = run.direction()[0] if m.i == 0 else ""
    if before:
        direction = before
    elif m.i == 1 and words[0].fold in DIRECTION_VECTORS and words[0].joiner == " ":
        direction = words[0].fold
    else:
        return ""
    if m.j < len(words) and not words[m.j].trail and _name_like(words[m.j], gaz):
        return ""  # "South China Morning Post"
    return direction


# "the Georgian port of Poti", "the Bulgarian city of Varna": a demonym, a kind of place, "of", the name
_KIND_OF = re.compile(r"\s+(?:(?:port|border|capital|industrial|river|coastal|mining)\s+)?(?:port|city|town|village"
                      r"|capital|region|province|district|oblast|county|state|crossing)\s+of\s+$")
_IN_COUNTRY = re.compile(r",\s*|\s+in\s+")  # "Varna in Bulgaria", "Poti, Georgia"


def _just_after(pattern: re.Pattern, text: str, end: int, at: dict[int, str]) -> str | None:
    """What ``at`` holds for the offset where ``pattern``, matched at ``end``, stops: the name that follows a
    place's "in", ", " or "outside" ("Varna in Bulgaria", "Korolyov, outside Moscow"); None without one."""
    m = pattern.match(text, end)
    return at.get(m.end()) if m else None


def qualified_countries(text: str, places: Sequence[tuple[str, int, int]],
                        partner_mentions: Sequence[PartnerMention]) -> dict[str, str]:
    """Names the text puts in a country, key -> country code (the first such mention of each name): "Varna in
    Bulgaria", "Poti, Georgia", "the Georgian port of Poti". ``places``: (key, start, end) of each mention."""
    names = {p.start: p.code for p in partner_mentions if p.via == "name" and p.code != "EU"}
    demonyms = sorted((p.end, p.code) for p in partner_mentions if p.via == "demonym" and p.code != "EU")
    ends = [e for e, _ in demonyms]
    out: dict[str, str] = {}
    for key, start, end in places:
        if key in out:
            continue
        code = _just_after(_IN_COUNTRY, text, end, names)
        if code is None:
            k = bisect_right(ends, start) - 1  # the last demonym before the name, if it is "the Georgian port of"
            if k >= 0 and start - ends[k] <= 40 and _KIND_OF.fullmatch(text, ends[k], start):
                code = demonyms[k][1]
        if code is not None:
            out[key] = code
    return out


# "Korolyov, outside Moscow", "Kena, east of Vilnius", "Aksai near Uralsk": a place the text puts beside another
_BESIDE = re.compile(r",?\s+(?:(?:just|about|some|roughly|around)\s+)?"
                     r"(?:\d[\d,.]*\s*(?:km|kilometres|kilometers|miles)\s+)?"
                     r"(?:(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west"
                     r"|south-east|south-west)\s+of|near|outside|close\s+to|not\s+far\s+from)\s+", re.I)
_WIDE = frozenset({"region", "country_part", "sea", "strait", "macro_region", "other"})
BESIDE_KM = 400  # how far from the place beside it a name may lie ("150 kilometres east of Aktau" and some)


def beside(text: str, places: Sequence[tuple[str, int, int]]) -> dict[str, str]:
    """Names the text puts beside another name, key -> that name's key (the first such mention of each name):
    "Korolyov, outside Moscow", "Kena, east of Vilnius". ``places``: (key, start, end) of each mention, in order."""
    by_start = {start: key for key, start, _ in places}
    out: dict[str, str] = {}
    for key, _, end in places:
        if key in out:
            continue
        other = _just_after(_BESIDE, text, end, by_start)
        if other is not None and other != key:
            out[key] = other
    return out


_SETTLEMENTS = frozenset({"city", "town", "village"})
# a water work or a landform after a town's name: named after the town, or after someone ("the Kirov dam"), or a
# namesake far from it ("the Kalba range" of East Kazakhstan, not Kalba in the Emirates)
_WATER_WORK_AFTER = re.compile(r"[ \t\u00a0]+(?:reservoirs?|dams?|canals?|hydropower|hydroelectric|range|ridge"
                               r"|mountains|hills|glacier|gorge|canyon|plateau|lake|river)\b")


def country_context(partner_mentions: Sequence[PartnerMention]) -> Counter:
    return Counter(p.code for p in partner_mentions)


def _opens_org_name(m: Match, run: Run, gaz: Gazetteer) -> bool:
    """The match opens a longer proper name that a name-like word continues: "Kimberley Copper", "Santa Clara
    Alimentos" (not "Astana region", "Moscow on the Volga")."""
    right = run.words[m.j]
    return run.words[m.j - 1].joiner == " " and not right.trail and _name_like(right, gaz) and not gaz.has_key(
        right.fold)


def _without_short_names(text: str, runs: list[Run], kept: list[Match], orgs: dict[str, int]) -> list[Match]:
    """Drop the short form of an organisation named after a place: once "Kimberley Copper" is the article's
    first use of "Kimberley", a "Kimberley" standing alone later ("Kimberley's managing director") is the company,
    unless a locative word puts it somewhere ("in Kimberley")."""
    first: dict[str, int] = {}
    for m in kept:
        if m.key in orgs and m.key not in first:
            first[m.key] = runs[m.run].words[m.i].start
    if not any(orgs[k] < at for k, at in first.items()):
        return kept  # every such name was a place before it opened a company's name
    out = []
    for m in kept:
        words = runs[m.run].words
        at = words[m.i].start
        if (m.key in first and orgs[m.key] < first[m.key] <= at and m.i == 0 and m.j == len(words)
                and _previous_word(text, at) not in LOCATIVE):
            continue
        out.append(m)
    return out


def _closes_person_name(m: Match, run: Run, gaz: Gazetteer) -> bool:
    """The match ends a run that one or two given names open ("Sarah Lancaster", "Jörg Wittenberg"): a name-like
    word that is no common word ("Air Astana" is no person), after any titles ("Deputy Minister Oleg Orlov")."""
    words = run.words
    if m.j != len(words) or m.i == 0 or words[m.i - 1].joiner != " ":
        return False
    k = 0
    while k < m.i and words[k].fold in TITLES:
        k += 1
    given = [w for w in words[k:m.i] if w.cap or w.fold not in PARTICLES]  # "Pieter van Breda"
    return 1 <= len(given) <= 2 and m.i - k - len(given) <= 2 and all(
        w.joiner == " " for w in words[k:m.i]) and all(
        _name_like(w, gaz) and w.fold not in gaz.common_words and w.fold not in CONNECTORS for w in given)


def _without_surnames(text: str, runs: list[Run], kept: list[Match], surnames: dict[str, int]) -> list[Match]:
    """Drop a name standing alone once the article has used it as a person's surname, unless a locative word puts it
    somewhere: "Sarah Lancaster, the fund's managing partner ... Lancaster said", "Dieter Hamm ... Hamm retrained" (not
    "Lancaster said" before her, nor "a plant in Hamm")."""
    out = []
    for m in kept:
        words = runs[m.run].words
        at = words[m.i].start
        if (m.key in surnames and surnames[m.key] < at and m.i == 0 and m.j == len(words)
                and _previous_word(text, at) not in LOCATIVE):
            continue  # ("Lancaster said", "said Lancaster", "By 2028, Hamm wants": not "in Hamm")
        out.append(m)
    return out


def find_mentions(text: str, spans: list[tuple[int, int]], gaz: Gazetteer,
                  runs: list[Run] | None = None,
                  partner_mentions: Sequence[PartnerMention] | None = None) -> list[Mention]:
    """Every place mention of ``text`` (countries included, as kind "country")."""
    runs = runs if runs is not None else find_runs(text, gaz.trail_words, gaz.interest, gaz.skeletons)
    kept: list[Match] = []
    orgs: dict[str, int] = {}  # a name that opens an organisation's name -> where it first does
    surnames: dict[str, int] = {}  # a name that ends a person's name -> where it first does
    for r, run in enumerate(runs):
        matches = [m for m in match_run(run.words, gaz, r) if not (  # "Volga-Don Canal": no bare "Don" river
            m.key in gaz.bare_rivers and m.j == m.i + 1 and not gaz.has_key(m.key)
            and not bare_river(text, run.words[m.i].start, run.words[m.i].end))]
        if not matches:
            continue
        covered = {k for m in matches for k in range(m.i, m.j)}
        if run.plural:  # "the Karaganda and Kostanay regions": each name is a region
            matches = [_as_region(m, gaz) for m in matches]
        for m in matches:
            part = _direction(m, run, gaz)
            if part:
                kept.append(Match(r, m.i, m.j, m.key, part=part))
            elif keep(m, run, gaz, covered):
                kept.append(m)
            elif (m.i == 0 and m.j < len(run.words) and m.key not in orgs and m.key not in gaz.country_fold
                  and _opens_org_name(m, run, gaz)):
                orgs[m.key] = run.words[0].start
            elif m.key not in surnames and m.key not in gaz.country_fold and _closes_person_name(m, run, gaz):
                surnames[m.key] = run.words[m.i].start
    if orgs:
        kept = _without_short_names(text, runs, kept, orgs)
    if surnames:
        kept = _without_surnames(text, runs, kept, surnames)
    kept = [m for m in kept if m.key in gaz.country_fold or not on_route(  # a country stays one
        text, runs[m.run].words[m.i].start, runs[m.run].words[m.j - 1].end)]
    if partner_mentions is None:
        from .partners import find_partner_mentions
        partner_mentions = find_partner_mentions(text, gaz, runs=runs)
    ctx = country_context(partner_mentions)
    named = frozenset(ctx)  # the countries the article names
    single: dict[str, str | None] = {}  # key -> its one possible country, if it has just one
    anchors: dict[str, Place] = {}  # places named that have no namesake (points: no countries, seas or regions)
    for m in kept:  # places with one possible country lend it to the context
        if m.key not in single:
            cands = gaz.candidates(m.key)
            countries = {p.country for p, _ in cands}
            single[m.key] = countries.pop() if len(countries) == 1 else None
            if len(cands) == 1 and not m.part and cands[0][0].kind not in _NOT_ANCHORS:
                anchors[m.key] = cands[0][0]
        if single[m.key]:
            ctx[single[m.key]] += 1
    sentence_starts = [s for s, _ in spans]
    spans_of = [(m.key, runs[m.run].words[m.i].start, runs[m.run].words[m.j - 1].end) for m in kept if not m.part]
    where = qualified_countries(text, spans_of, partner_mentions)
    near = beside(text, spans_of)
    resolved: dict[str, Place | None] = {}

    def place_of(key: str) -> Place | None:
        if key not in resolved:
            other = place_of(near[key]) if key in near and near[key] not in near else None  # "X, outside Y"
            if other is not None and other.kind in ("country", "macro_region", "sea", "strait"):
                other = None
            resolved[key] = resolve(key, gaz, ctx, where.get(key), list(anchors.values()), other)
        return resolved[key]

    out: list[Mention] = []
    for m in kept:
        words = runs[m.run].words
        start, end = words[m.i].start, words[m.j - 1].end
        if m.part:
            place = country_part(gaz.country_fold[m.key], m.part, gaz)
            start = runs[m.run].direction()[1] if m.i == 0 else words[m.i - 1].start
        elif m.j == m.i + 1 and m.key in gaz.bare_rivers and bare_river(text, start, end):
            place = gaz.place(gaz.bare_rivers[m.key])  # "on the Ishim": the river, not Russia's town
        else:
            place = resolved[m.key] if m.key in resolved else place_of(m.key)
        if place is None or (place.kind in _SETTLEMENTS and place.country not in named
                             and _WATER_WORK_AFTER.match(text, end)):
            continue  # "the Kirov reservoir" in a story of Kyrgyzstan: a work named after someone, not Russia's Kirov
        out.append(Mention(surface=text[start:end], start=start, end=end,
                           sentence=max(bisect_right(sentence_starts, start) - 1, 0),  # the sentence holding it
                           place=place, metonym=place.kind == "city" and is_metonym(text, start, end, place, gaz)))
    return out
