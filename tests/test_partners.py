from __future__ import annotations

import pytest

from kzmap.partners import count_partners, find_partner_mentions


def codes(gaz, text):
    return [p.code for p in count_partners(find_partner_mentions(text, gaz), gaz)]


@pytest.mark.parametrize("text, code", [
    ("Talks with the United Kingdom resumed.", "GB"),
    ("Britain signed the memorandum.", "GB"),
    ("The UK offered finance.", "GB"),
    ("The U.K. offered finance.", "GB"),
    ("British engineers arrived.", "GB"),
    ("Chinese lenders agreed.", "CN"),
    ("Russian investors poured money in.", "RU"),
    ("Italian companies are active.", "IT"),
    ("European interest is growing.", "EU"),
    ("The European Union unveiled a package.", "EU"),
    ("The EU unveiled a package.", "EU"),
    ("Xi Jinping arrived on Monday.", "CN"),
    ("Keir Starmer met the president.", "GB"),
    ("Mishustin hosted the talks.", "RU"),
    ("Meloni will attend the summit.", "IT"),
    ("The China Development Bank lent the money.", "CN"),
    ("Türkiye and Azerbaijan signed a deal.", "TR"),
])
def test_partner_found(gaz, text, code):
    assert code in codes(gaz, text)


@pytest.mark.parametrize("text", [
    "Kazakhstan grew fast.",  # the subject is never a partner
    "Kazakh officials agreed.",
    "The Soviet Union collapsed.",  # history, not a partner
    "Soviet-era pipes burst.",
    "us and them",  # lower-case 'us' is not the United States
    "He joined the Eurasian Economic Union talks.",  # a bloc without a country code
])
def test_not_a_partner(gaz, text):
    assert codes(gaz, text) == []


def test_media_name_does_not_make_a_partner(gaz):
    assert "CN" not in codes(gaz, "The South China Morning Post reported it first.")


def test_counts_per_article(gaz):
    text = "China and Russia met. China agreed. Chinese banks pay. Russia waits."
    got = {p.code: p.count for p in count_partners(find_partner_mentions(text, gaz), gaz)}
    assert got == {"CN": 3, "RU": 2}


def test_offsets(gaz):
    text = "Keir Starmer met Xi Jinping in Beijing; the UK and the U.S. watched."
    for p in find_partner_mentions(text, gaz):
        assert text[p.start:p.end] == p.surface


@pytest.mark.parametrize("text", [
    "The European Bank for Reconstruction and Development lent the money.",
    "The Asian Development Bank and the World Bank agreed.",
    "Kazakhstan hosted the Shanghai Cooperation Organisation summit.",
    "The Eurasian Economic Union sets the tariffs.",
])
def test_multilateral_bodies_name_no_partner(gaz, text):
    assert codes(gaz, text) == []


def test_eu_institutions_are_the_eu(gaz):
    assert codes(gaz, "The European Investment Bank signed the loan.") == ["EU"]


@pytest.mark.parametrize("text, absent", [
    ("Ships reach Chabahar on the Gulf of Oman.", "OM"),
    ("Koreans were deported from the Russian Far East in 1937.", "RU"),
])
def test_country_words_inside_place_names_are_not_partners(gaz, text, absent):
    assert absent not in codes(gaz, text)


@pytest.mark.parametrize("text, codes", [
    ("Payments remain difficult because of US sanctions on Iranian banks.", ["US", "IR"]),
    ("For now, the US is leading the way.", ["US"]),
    ("Let us go, said the minister.", []),  # the word "us"
    ("In 2023, bilateral trade amounted to US$ 98.6 million.", []),  # a currency
])
def test_us_in_capitals_is_the_country(gaz, text, codes):
    assert [p.code for p in find_partner_mentions(text, gaz)] == codes


@pytest.mark.parametrize("text, expected", [
    ("\"Copper is next,\" said Jordan Whitaker, the partner who led the deal.", []),
    ("Georgia Whitlock, an analyst, was not convinced.", []),
    ("Jordan signed the memorandum; China Daily reported it.", ["CN", "JO"]),
    ("Iran Air will fly to Almaty.", ["IR"]),
])
def test_a_country_name_as_a_first_name_is_no_partner(gaz, text, expected):
    assert sorted(codes(gaz, text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("A listing would bring in North American funds.", []),
    ("Latin American and South American buyers came.", []),
    ("American and South Korean buyers came.", ["KR", "US"]),
])
def test_a_continents_adjective_is_no_demonym(gaz, text, expected):
    assert sorted(codes(gaz, text)) == expected
