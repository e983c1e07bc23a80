"""Partner countries and blocs named in an article: names, demonyms, leaders and institutions.

Exact-case matching (``UK`` is a country, ``uk`` is not) over the same tokens as the geoparser;
the longest name wins, and an actor ("China Development Bank") takes its words from the
country names inside it. Kazakhstan is the subject and the Soviet Union is history: both are
found (``find_partner_mentions``) but never counted as partners (``count_partners``).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .gazetteer import HISTORICAL, Gazetteer
from .geoparse import FUNCTION, TITLES, Token, tokenize
from .records import Mention, Partner, PartnerMention

SUBJECT = "KZ"
MAX_ACTOR_TOKENS = 7


def _surface(tokens: list[Token], i: int, j: int) -> str:
    parts = []
    for k in range(i, j):
        parts.append(tokens[k].text)
        if k < j - 1:
            parts.append("-" if tokens[k].joiner == "-" else " ")
    return "".join(parts)


def _modified(tokens: list[Token], i: int, gaz: Gazetteer) -> bool:
    """True when a capitalised modifier precedes the name ("South China", "Latin America")."""
    if i == 0 or not tokens[i - 1].joiner:
        return False
    left = tokens[i - 1]
    return (left.cap and left.fold not in FUNCTION and left.fold not in TITLES
            and left.text not in gaz.demonyms and left.text not in gaz.country_names)


def find_partner_mentions(text: str, gaz: Gazetteer, mentions: Sequence[Mention] = (),
                          tokens: list[Token] | None = None) -> list[PartnerMention]:
    tokens = tokens if tokens is not None else tokenize(text)
    out: list[PartnerMention] = []
    i, n = 0, len(tokens)
    while i < n:
        t = tokens[i]
        if not t.cap:
            i += 1
            continue
        found = None
        j = i
        while j < n and j - i < MAX_ACTOR_TOKENS:
            j += 1
            s = _surface(tokens, i, j)
            if s in gaz.actors:
                found = (j, gaz.actors[s].code, "actor")
            elif s in gaz.country_names and not _modified(tokens, i, gaz):
                found = (j, gaz.country_names[s], "name")
            elif j == i + 1 and s in gaz.demonyms:
                found = (j, gaz.demonyms[s], "demonym")
            if not tokens[j - 1].joiner:
                break
        if found is None:
            i += 1
            continue
        end_tok, code, via = found
        if code:
            out.append(PartnerMention(code=code, surface=text[t.start:tokens[end_tok - 1].end],
                                      start=t.start, end=tokens[end_tok - 1].end, via=via))
        i = end_tok
    return out


def count_partners(mentions: Sequence[PartnerMention], gaz: Gazetteer) -> list[Partner]:
    counts = Counter(m.code for m in mentions if m.code != SUBJECT and m.code not in HISTORICAL)
    out = []
    for code, n in counts.items():
        c = gaz.countries.get(code)
        out.append(Partner(code=code, name=c.name if c else code, count=n))
    return sorted(out, key=lambda p: (-p.count, p.code))
