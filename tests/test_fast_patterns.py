"""The speed-ups keep the output: fast regex forms match what their plain forms match, and the
gazetteer's prefilter tables never hide a name.

The plain forms below are the patterns as first written (a lookbehind first, which makes the regex
engine try every position); the fast forms in kzmap start with a character class instead.
"""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kzmap import runs, text
from kzmap.runs import _CONNECT, _UP, _W

PLAIN_RUN = re.compile(
    rf"(?<![\w'\u2019]){_UP}{_W}"
    rf"(?:(?:[ \t\u00a0]+|[-\u2010\u2011])(?:{_CONNECT}(?:[ \t\u00a0]+|[-\u2010\u2011]))*{_UP}{_W})*"
)
PLAIN_BOUNDARY = re.compile(r"[.!?…]+[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]*[A-Z0-9\u0400-\u04FF])|\n+")
PLAIN_ACRONYM = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,3}")

# Text made of the characters these patterns care about, so that edge cases come up often.
PIECES = ["A", "B", "Ж", "a", "b", "1", " ", "\n", "\t", "\u00a0", ".", "!", "?", "…", "'", "\u2019", "\"", "\u201d",
          "\u201c", ")", "(", "[", "]", "-", "\u2010", "of ", "the ", "U.S.", "St.", "Mr. ", "É", "é", "_"]
texts = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


def spans(pattern: re.Pattern, s: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(s)]


@settings(max_examples=400, deadline=None)
@given(texts)
def test_run_pattern_matches_its_plain_form(s):
    assert spans(runs.RUN, s) == spans(PLAIN_RUN, s)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_sentence_boundary_matches_its_plain_form(s):
    assert spans(text._BOUNDARY, s) == spans(PLAIN_BOUNDARY, s)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_acronym_pattern_matches_its_plain_form(s):
    assert spans(runs.ACRONYM, s) == spans(PLAIN_ACRONYM, s)


def test_fast_forms_on_known_cases():
    s = 'He said "Go!" Then... it ended.\n\nU.S. and U.K. talks. A.B.C.D. end'
    for fast, plain in ((runs.RUN, PLAIN_RUN), (text._BOUNDARY, PLAIN_BOUNDARY), (runs.ACRONYM, PLAIN_ACRONYM)):
        assert spans(fast, s) == spans(plain, s)
    assert [m.group() for m in runs.ACRONYM.finditer(s)] == ["U.S.", "U.K.", "A.B.C."]


def test_first_word_bounds_cover_every_key(gaz):
    """``first_max`` bounds the name length tried at each first word: no key may be longer."""
    for key in (*gaz.main, *gaz.alias):
        tokens = key.replace("-", " ").split()
        if tokens and tokens[0] in gaz.first_words:
            assert gaz.first_max[tokens[0]] >= min(8, len(tokens)), key
    assert set(gaz.first_max) == set(gaz.first_words) - {w for w in gaz.first_words if "-" in w}


def test_partner_words_hold_every_name_start(gaz):
    """The partner finder skips words outside ``partner_words``: every name, demonym and actor starts there."""
    for name in (*gaz.country_names, *gaz.actors, *gaz.demonyms):
        first = name.replace("-", " ").split()[0] if (" " in name or "-" in name) else name
        if name in gaz.demonyms and (" " in name or "-" in name):
            continue  # demonyms are looked up one word at a time: a two-word one can never match
        assert first in gaz.partner_words, name


def test_partner_name_bounds_cover_every_name(gaz):
    """``partner_max`` bounds the words tried for a partner name at its first word."""
    for name in (*gaz.country_names, *gaz.actors):
        tokens = name.replace("-", " ").split()
        if len(tokens) > 1:
            assert gaz.partner_max[tokens[0]] >= len(tokens), name
