"""Partner countries and blocs named in an article: names, demonyms, leaders and institutions.

Exact-case matching over the runs of capitalised words (``UK`` is a country, ``uk`` is not);
the longest name wins, so an actor ("China Development Bank") takes the country name inside it.
A country name with a capitalised modifier before it ("South China Morning Post", "Latin
America") is not the country. Kazakhstan is the subject and the Soviet Union is history: both
are found (``find_partner_mentions``) but never counted as partners (``count_partners``).
"""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence

from .gazetteer import HISTORICAL, Gazetteer
from .lexicon import FEATURES, FUNCTION, TITLES
from .records import Partner, PartnerMention
from .runs import Run, Word, find_acronyms, find_runs, joined

SUBJECT = "KZ"
MAX_NAME_WORDS = 7
# "North American funds", "Latin American buyers": the continent's adjective, not the United States' demonym
# ("South Korean" stays Korean)
CONTINENT_PARTS = frozenset({"north", "south", "latin", "central"})


def _modified(words: Sequence[Word], i: int, gaz: Gazetteer) -> bool:
    if i == 0:
        return False
    if i >= 2 and words[i - 1].fold == "of" and words[i - 2].fold in FEATURES:
        return True  # "Gulf of Oman", "Sea of Japan": a sea or a gulf, not the country
    left = words[i - 1]
    return (left.cap and left.fold not in FUNCTION and left.fold not in TITLES
            and left.text not in gaz.demonyms and left.text not in gaz.country_names
            and left.text not in gaz.actors)


def _match(words: Sequence[Word], i: int, gaz: Gazetteer) -> tuple[int, str, str] | None:
    n = len(words)
    longest = min(n, i + min(MAX_NAME_WORDS, gaz.partner_max.get(words[i].text, 1)))  # no longer name starts here
    for j in range(longest, i, -1):
        if not words[j - 1].cap:
            continue
        s = joined(words, i, j)
        actor = gaz.actors.get(s)
        if actor is not None and (j > i + 1 or not _modified(words, i, gaz)):  # not "Matteo Meloni"
            return j, actor.code, "actor"
        code = gaz.country_names.get(s)
        if code and not _modified(words, i, gaz) and not (j == i + 1 and _first_name(words, i, gaz)):
            return j, code, "name"
    code = gaz.demonyms.get(words[i].text)
    if code and not _starts_place_name(words, i, gaz) and not (
            code == "US" and i > 0 and words[i - 1].fold in CONTINENT_PARTS):
        return i + 1, code, "demonym"
    return None


def _first_name(words: Sequence[Word], i: int, gaz: Gazetteer) -> bool:
    """"Jordan Whitaker", "Georgia Whitlock": a one-word country name that a surname follows is a person's first name.
    The next word is capitalised, neither a dictionary word ("China Daily", "Iran Air") nor a name of anything the
    gazetteer knows (a place, a country, a demonym, an actor)."""
    if i + 1 >= len(words) or words[i].joiner != " ":
        return False
    right = words[i + 1]
    return (right.cap and not right.trail and len(right.text) > 2 and right.fold not in gaz.common_words
            and right.fold not in FUNCTION and right.fold not in TITLES and right.fold not in FEATURES
            and not gaz.has_key(right.fold) and right.text not in gaz.demonyms
            and right.text not in gaz.country_names and right.text not in gaz.partner_words)


def _starts_place_name(words: Sequence[Word], i: int, gaz: Gazetteer) -> bool:
    """"Russian Far East": the demonym opens a longer place name, which is not the country."""
    return any(gaz.has_key(joined(words, i, j, folded=True)) for j in range(i + 2, min(len(words), i + 5) + 1))


def find_partner_mentions(text: str, gaz: Gazetteer, mentions: Sequence = (),
                          runs: list[Run] | None = None) -> list[PartnerMention]:
    runs = runs if runs is not None else find_runs(text, gaz.trail_words, gaz.interest, gaz.skeletons)
    out: list[PartnerMention] = []
    starts = gaz.partner_words
    for run in runs:
        words = run.words
        i = 0
        while i < len(words):
            if not words[i].cap or words[i].text not in starts:  # no name, demonym or actor starts here
                i += 1
                continue
            found = _match(words, i, gaz)
            if found is None:
                i += 1
                continue
            j, code, via = found
            if code:
                start, end = words[i].start, words[j - 1].end
                out.append(PartnerMention(code, text[start:end], start, end, via))
            i = j
    for surface, start, end in find_acronyms(text):
        acronym = gaz.country_names.get(surface)
        if acronym:
            out.append(PartnerMention(acronym, surface, start, end, "name"))
    out.sort(key=lambda p: p.start)
    return out


def count_partners(mentions: Sequence[PartnerMention], gaz: Gazetteer) -> list[Partner]:
    counts = Counter(m.code for m in mentions if m.code != SUBJECT and m.code not in HISTORICAL)
    out = []
    for code, n in counts.items():
        c = gaz.countries.get(code)
        out.append(Partner(code=code, name=c.name if c else code, count=n))
    return sorted(out, key=lambda p: (-p.count, p.code))


class SentencePartners:
    """Partner codes by sentence, for events and figures: those of the sentence itself, else
    those of its neighbours (``before`` only: the sentence before; otherwise before and after).
    Kazakhstan (the subject) and historical states are never partners."""

    def __init__(self, mentions: Sequence[PartnerMention], spans: Sequence[tuple[int, int]]):
        self.mentions = sorted((m for m in mentions if m.code != SUBJECT and m.code not in HISTORICAL),
                               key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self.spans = spans

    def within(self, a: int, b: int) -> list[str]:
        return [m.code for m in self.mentions[bisect_left(self.starts, a):bisect_left(self.starts, b)]]

    def near(self, i: int, before_only: bool = False) -> tuple[str, ...]:
        if not self.spans:
            return ()
        out = self.within(*self.spans[i])
        if not out:
            for j in ((i - 1,) if before_only else (i - 1, i + 1)):
                if 0 <= j < len(self.spans):
                    out += self.within(*self.spans[j])
        return tuple(dict.fromkeys(out))
