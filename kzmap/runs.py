"""Runs of capitalised words: the only stretches of text where names can start.

One regex pass finds every run ("Strait of Malacca", "Kassym-Jomart Tokayev", "In Astana");
the geoparser and the partner finder both read these runs instead of every word, which keeps
extraction fast. Each word knows what joins it to the next (space, hyphen, or nothing). What
only a few runs need (the words around it, the line it sits in) is computed on demand by the
``Run`` methods, not for every run.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .lexicon import FUNCTION
from .text import fold, skeleton

_UPPER = "".join(c for c in map(chr, range(0x3000)) if c.isupper() and c.isalpha())
_UP = "[" + re.escape(_UPPER) + "]"
_W = r"(?:\w|['\u2019](?=\w))*"
_CONNECT = r"(?:of|the|de|del|da|di|du|al|el|la|le|on|upon|and|y|bin|ibn|for|van|von|der|den|ter|zu|dos|das)"
# The lookbehind (no letter or apostrophe before the capital) follows the first character, so the
# pattern starts with a character class and the regex engine skips lowercase text quickly.
# Between hyphens, the Persian and Pashto "i"/"e" joins a name too ("Mazar-i-Sharif", "Mazar-e-Sharif").
_SEP = r"(?:[ \t\u00a0]+|[-\u2010\u2011])"
RUN = re.compile(
    rf"{_UP}(?<![\w'\u2019].){_W}"
    rf"(?:{_SEP}(?:{_CONNECT}{_SEP}|[ie][-\u2010\u2011])*{_UP}{_W})*"
)
WORD = re.compile(rf"{_UP}{_W}|\w+")
POSSESSIVE = re.compile(r"['\u2019][sS]?$")
TRAIL = re.compile(
    r"[ \t\u00a0]+((?:dry |sea |river |deep-water |inland )?port|seaport|region|oblast|province|"
    r"border (?:crossing|checkpoint|point)|checkpoint|crossing|gateway|terminal|valley|river|lake|sea|"
    r"strait|pass|district|basin|field|deposit|mine|airport|station|special economic zone|free zone|reservoir|canyon|"
    r"peninsula|island|delta|plateau|mountains)\b")
PLURAL = re.compile(r"[ \t\u00a0]+(regions|oblasts|provinces)\b")
HONORIFIC = re.compile(r"(?<![\w.])(?:Mr|Mrs|Ms|Dr|Prof|Sir|Lord|Lady|Dame|Mme|Mlle|Herr|Gen|Col)\.?[ \t\u00a0]+$")
DIRECTIONS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                        "central", "northeastern", "northwestern", "southeastern", "southwestern"})
ACRONYM = re.compile(r"[A-Z](?<![\w.].)\.(?:[A-Z]\.){1,2}")  # the lookbehind after the first letter: a fast scan
HYPHENS = "-\u2010\u2011"
_OPENERS = " \t\u00a0\"'\u201c\u2018(*#-\u2013\u2014"


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
    source: str  # the whole text the run was found in
    plural: str = ""  # "region" when a plural feature follows ("Karaganda and Kostanay regions")

    @property
    def start(self) -> int:
        return self.words[0].start

    def direction(self) -> tuple[str, int]:
        """A lowercase direction word just before the run ("northern") and where it starts."""
        text, start = self.source, self.start
        if start > 1 and text[start - 1] == " " and text[start - 2].isalpha():
            before = text[max(0, start - 16):start - 1]
            word = before[before.rfind(" ") + 1:]
            key = word.lower().replace("-", "")
            if key in DIRECTIONS and not word[0].isupper():
                return key, start - 1 - len(word)
        return "", -1

    def sentence_start(self) -> bool:
        """The run's first word begins a sentence, a heading or a quotation."""
        text, k = self.source, self.start - 1
        while k >= 0 and text[k] in _OPENERS:
            k -= 1
        return (k < 0 or text[k] in ".!?\n:;\u2026") and not self.after_honorific()

    def after_honorific(self) -> bool:
        """"Mr. Lincoln": a person's name follows."""
        return bool(HONORIFIC.search(self.source, max(0, self.start - 8), self.start))

    def headline(self) -> bool:
        """The run sits in a Title Case line, where capitals tell little."""
        text, start = self.source, self.start
        a = text.rfind("\n", max(0, start - 201), start) + 1
        b = text.find("\n", start, start + 201)
        if (a == 0 and start > 200) or b < 0 and len(text) - start > 200:
            return False  # a line over 200 characters is prose, not a headline
        line = text[a:b if b >= 0 else len(text)]
        if len(line) > 200:
            return False
        stripped = line.strip()
        if stripped[:1] == "(" and stripped[-1:] == ")":
            return False  # "(Reporting by Dana Seitkali in Astana; Editing by ...)": a credit line of names
        if len(stripped) > 80 and stripped.rstrip("*_\"'\u201d\u2019").endswith("."):
            return False  # a long line ending in a full stop is a sentence, however many names it holds
        long_words = [w for w in line.split() if len(w) > 3 and w[0].isalpha()]
        return len(long_words) >= 5 and sum(w[0].isupper() for w in long_words) >= 0.8 * len(long_words)


def find_runs(text: str, trail_words: frozenset[str] = frozenset(), interest: frozenset[str] | None = None,
              skeletons: Mapping[str, object] | None = None) -> list[Run]:
    """Every run of capitalised words; a lowercase feature word after a run ("region") is added
    to it when the run's last word is in ``trail_words`` (words that precede a feature word in
    some gazetteer name). With ``interest`` (and ``skeletons``), a run of one plain word is kept
    only when it can start a name: it is in ``interest``, or its transliteration skeleton is."""
    out: list[Run] = []
    append = out.append
    for m in RUN.finditer(text):
        chunk = m.group()
        if chunk.isalnum():  # fast path: one plain word
            f = chunk.lower() if chunk.isascii() else fold(chunk)
            if f in FUNCTION and not (len(chunk) > 1 and chunk.isupper()):  # "US sanctions": not the word "us"
                continue
            if text.startswith("$", m.end()):
                continue  # "US$ 98.6 million", "HK$": a currency
            if interest is not None and f not in interest and not (
                    skeletons is not None and len(f) >= 5 and skeleton(f) in skeletons):
                continue
            word = Word(chunk, m.start(), m.end(), f, True, "")
            append(_finish(text, [word], trail_words) if f in trail_words else Run([word], text))
            continue
        words = []
        base = m.start()
        pieces = list(WORD.finditer(chunk))
        last = len(pieces) - 1
        for k, w in enumerate(pieces):
            raw = w.group()
            ws = base + w.start()
            end = base + w.end()
            possessive = POSSESSIVE.search(raw) if ("'" in raw or "\u2019" in raw) else None
            if possessive:
                raw = raw[:possessive.start()]
                end = ws + len(raw)
            if possessive or k == last:
                joiner = ""
            else:
                joiner = "-" if chunk[w.end()] in HYPHENS else " "
            if raw:
                words.append(Word(raw, ws, end, raw.lower() if raw.isascii() else fold(raw), raw[0].isupper(),
                                  joiner))
            if possessive and k < last and words:  # "Astana's Foreign Ministry": two runs
                append(_finish(text, words, trail_words))
                words = []
        if words:
            append(_finish(text, words, trail_words))
    return out


def _finish(text: str, words: list[Word], trail_words: frozenset[str]) -> Run:
    last = words[-1]
    plural = ""
    if last.fold in trail_words and not last.joiner and text[last.end:last.end + 1] in (" ", "\t", "\u00a0"):
        t = TRAIL.match(text, last.end)
        if t:
            last.joiner = " "
            words.append(Word(t.group(1), t.start(1), t.end(1), fold(t.group(1)), False, "", True))
        elif PLURAL.match(text, last.end):
            plural = "region"
    return Run(words, text, plural)


def joined(words: Sequence[Word], i: int, j: int, folded: bool = False) -> str:
    """Words ``i`` to ``j`` (exclusive) as written, or folded, joined by their spaces or hyphens."""
    if j == i + 1:
        return words[i].fold if folded else words[i].text
    parts = []
    for k in range(i, j):
        parts.append(words[k].fold if folded else words[k].text)
        if k < j - 1:
            parts.append("-" if words[k].joiner == "-" else " ")
    return "".join(parts)


def find_acronyms(text: str) -> list[tuple[str, int, int]]:
    """Dotted acronyms ("U.S.", "U.K.") that the word runs split apart."""
    if "." not in text:
        return []
    return [(m.group(), m.start(), m.end()) for m in ACRONYM.finditer(text)]
