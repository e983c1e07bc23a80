from __future__ import annotations

import pytest

from kzmap.text import fold, sentence_spans


@pytest.mark.parametrize("text, expected", [
    ("One. Two.", ["One.", "Two."]),
    ("Heading\nBody text here. More.", ["Heading", "Body text here.", "More."]),
    ("The U.S. and the U.K. agreed. Next one.", ["The U.S. and the U.K. agreed.", "Next one."]),
    ("Mr. Smith met Dr. Jones. Then left.", ["Mr. Smith met Dr. Jones.", "Then left."]),
    ("“Quote here.” He said so.", ["“Quote here.”", "He said so."]),
    ("It cost $32.7 billion. Good.", ["It cost $32.7 billion.", "Good."]),
    ("", []),
])
def test_sentence_spans(text, expected):
    assert [text[s:e] for s, e in sentence_spans(text)] == expected


def test_mentions_know_their_sentence(gaz):
    from kzmap.geoparse import find_mentions

    text = "Talks opened in Astana. Delegates then flew on.\nLater they met in Tashkent and Almaty."
    got = [(m.surface, m.sentence) for m in find_mentions(text, sentence_spans(text), gaz)]
    assert got == [("Astana", 0), ("Tashkent", 2), ("Almaty", 2)]


def test_initials_do_not_end_a_sentence():
    text = "Talks with J. Smith ended. Next."
    assert [text[s:e] for s, e in sentence_spans(text)] == ["Talks with J. Smith ended.", "Next."]



def test_fold():
    assert fold("Astana\u2019s") == "astana's"
    assert fold("Nur\u2013Sultan") == "nur-sultan"
    assert fold("ASTANA") == "astana"
