"""Runs of capitalised words: the only stretches of text where names can start.

One regex pass finds every run ("Strait of Malacca", "Kassym-Jomart Tokayev", "In Astana");
the geoparser and the partner finder both read these runs instead of every word, which keeps
extraction fast. Each word knows what joins it to the next (space, hyphen, or nothing).
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass

from .lexicon import FUNCTION
from .text import fold

_UPPER = "".join(sorted({c for c in map(chr, range(sys.maxunicode + 1)) if c.isupper() and c.isalpha()
                         and ord(c) < 0x3000}))
_UP = "[" + re.escape(_UPPER) + "]"
_W = r"(?:\w|['\u2019](?=\w))*"
_CONNECT = r"(?:of|the|de|del|da|di|du|al|el|la|le|on|upon|and|y|bin|ibn)"
RUN = re.compile(
    rf"(?<![\w'\u2019]){_UP}{_W}"
    rf"(?:(?:[ \t\u00a0]+|[-\u2010\u2011])(?:{_CONNECT}(?:[ \t\u00a0]+|[-\u2010\u2011]))*{_UP}{_W})*"
)
WORD = re.compile(rf"{_UP}{_W}|\w+")
POSSESSIVE = re.compile(r"['\u2019][sS]?$")
TRAIL = re.compile(
    r"[ \t\u00a0]+((?:dry |sea |river |deep-water |inland )?port|seaport|region|oblast|province|"
    r"border (?:crossing|checkpoint|point)|checkpoint|crossing|gateway|terminal|valley|river|lake|sea|"
    r"strait|pass|district|basin|field|deposit|mine|airport|station|special economic zone|free zone)\b")
HONORIFIC = re.compile(r"(?<![\w.])(?:Mr|Mrs|Ms|Dr|Prof|Sir|Lord|Lady|Dame|Mme|Mlle|Herr|Gen|Col)\.?[ \t\u00a0]+$")
PLURAL = re.compile(r"[ \t\u00a0]+(regions|oblasts|provinces)\b")
DIRECTIONS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                        "central", "northeastern", "northwestern", "southeastern", "southwestern"})
ACRONYM = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,3}")
HYPHENS = "-\u2010\u2011"


@dataclass(slots=True)
class Word:
    text: str  # without a possessive ending
    start: int
    end: int
    fold: str
    cap: bool
    joiner: str  # " " or "-" to the next word of the run, "" at its end
    trail: bool = False  # a lowercase feature word appended after the run ("region")


@dataclass(slots=True)
class Run:
    words: list[Word]
    direction: str = ""  # a lowercase direction word just before the run ("northern")
    direction_start: int = -1
    plural: str = ""  # "region" when a plural feature follows ("Karaganda and Kostanay regions")
    sentence_start: bool = False  # the run's first word begins a sentence, heading or quote
    after_honorific: bool = False  # "Mr. Lincoln": a person's name follows
    headline: bool = False  # the run sits in a Title Case line: neighbour rules are relaxed


def find_runs(text: str) -> list[Run]:
    out: list[Run] = []
    headlines: dict[int, bool] = {}
    for m in RUN.finditer(text):
        words: list[Word] = []
        base = m.start()
        chunk = m.group()
        if chunk.isalnum():
            f = fold(chunk)  # fast path: a single plain word
            if f in FUNCTION:
                continue
            out.extend(_finish(text, [Word(chunk, base, m.end(), f, True, "")], headlines))
            continue
        pieces = list(WORD.finditer(chunk))
        for k, w in enumerate(pieces):
            raw = w.group()
            end = base + w.end()
            possessive = POSSESSIVE.search(raw) if ("'" in raw or "\u2019" in raw) else None
            if possessive:
                raw = raw[:possessive.start()]
                end = base + w.start() + len(raw)
            if k + 1 < len(pieces):
                sep = chunk[w.end():pieces[k + 1].start()]
                joiner = "-" if sep and sep[0] in HYPHENS else " "
            else:
                joiner = ""
            if possessive:
                joiner = ""
            if raw:
                words.append(Word(raw, base + w.start(), end, fold(raw), raw[0].isupper(), joiner))
            if possessive and k + 1 < len(pieces):  # "Astana's Foreign Ministry": two runs
                out.extend(_finish(text, words, headlines))
                words = []
        out.extend(_finish(text, words, headlines))
    return out


def _finish(text: str, words: list[Word], headlines: dict[int, bool]) -> list[Run]:
    # a run never ends on a connector ("Kazakhstan and"); the regex guarantees that
    if not words:
        return []
    last = words[-1]
    plural = ""
    if text[last.end:last.end + 1] in (" ", "\t", "\u00a0"):
        t = TRAIL.match(text, last.end)
        p = PLURAL.match(text, last.end) if t is None else None
        if p:
            plural = "region"
        if t:
            last.joiner = " "
            words.append(Word(t.group(1), t.start(1), t.end(1), fold(t.group(1)), False, "", True))
    direction = ""
    direction_start = -1
    start = words[0].start
    if start > 1 and text[start - 1] == " " and text[start - 2].isalpha():
        before = text[max(0, start - 16):start - 1]
        word = before[before.rfind(" ") + 1:].lower().replace("-", "")
        if word in DIRECTIONS and before[-len(word) - 1:-len(word)] in ("", " ", "\n", "(", "\u201c", '"'):
            direction = word
            direction_start = start - 1 - len(before[before.rfind(" ") + 1:])
    a = text.rfind("\n", 0, start) + 1
    if a not in headlines:
        b = text.find("\n", start)
        headlines[a] = _headline(text[a:b if b >= 0 else len(text)])
    k = start - 1
    while k >= 0 and text[k] in " \t\u00a0\"'\u201c\u2018(*#-\u2013\u2014":
        k -= 1
    first = k < 0 or text[k] in ".!?\n:;\u2026"
    honorific = bool(HONORIFIC.search(text, max(0, start - 8), start))
    return [Run(words, direction=direction, direction_start=direction_start, headline=headlines[a], plural=plural,
                sentence_start=first and not honorific, after_honorific=honorific)]


def _headline(line: str) -> bool:
    """True when ``line`` is written in Title Case (most of its long words capitalised)."""
    if len(line) > 200:
        return False
    long_words = [w for w in line.split() if len(w) > 3 and w[0].isalpha()]
    return len(long_words) >= 5 and sum(w[0].isupper() for w in long_words) >= 0.8 * len(long_words)


def find_acronyms(text: str) -> list[tuple[str, int, int]]:
    """Dotted acronyms ("U.S.", "U.K.") that the word runs split apart."""
    return [(m.group(), m.start(), m.end()) for m in ACRONYM.finditer(text)]
