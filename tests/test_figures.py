"""Money figures: currency, scale, vague amounts, what they measure, year and partners."""
from __future__ import annotations

import pytest

from kzmap.figures import extract_figures
from kzmap.records import Article, PartnerMention
from kzmap.text import sentence_spans


def figures(body: str, published: str | None = "2025-04-22", pms=()):
    art = Article(path="t.md", title="t", body=body, published=published)
    return extract_figures(art, sentence_spans(body), list(pms))


@pytest.mark.parametrize("text, surface, amount, currency, vague", [
    ("trade of $32.7 billion", "$32.7 billion", 32.7e9, "USD", False),
    ("a €12 billion package", "€12 billion", 12e9, "EUR", False),
    ("the $4 billion in investment", "$4 billion", 4e9, "USD", False),
    ("hundreds of millions of dollars disappeared", "hundreds of millions of dollars", None, "USD", True),
    ("billions of dollars into the BRI", "billions of dollars", None, "USD", True),
    ("a loan of USD 1.5bn", "USD 1.5bn", 1.5e9, "USD", False),
    ("worth 1.2 trillion tenge", "1.2 trillion tenge", 1.2e12, "KZT", False),
    ("US$4bn of deals", "US$4bn", 4e9, "USD", False),
    ("a £300m fund", "£300m", 300e6, "GBP", False),
    ("500 million euros for ports", "500 million euros", 500e6, "EUR", False),
    ("GDP per capita of $13,000", "$13,000", 13000, "USD", False),
    ("3 billion yuan in loans", "3 billion yuan", 3e9, "CNY", False),
])
def test_amounts(text, surface, amount, currency, vague):
    (f,) = figures(text)
    assert (f.surface, f.amount, f.currency, f.vague) == (surface, amount, currency, vague)
    assert text[f.start:f.end] == f.surface


@pytest.mark.parametrize("text", ["28 to 48 million tons", "a 1300 km line", "55 projects", "a 32% increase",
                                  "7,800 kilometers", "in 2024"])
def test_non_money(text):
    assert figures(text) == []


@pytest.mark.parametrize("text, measure, year", [
    ("Bilateral trade reached $27.8 billion in 2024.", "trade", 2024),
    ("Kazakhstan received $4 billion in Russian investment in 2024.", "investment", 2024),
    ("The EU unveiled a €12 billion package for the region.", "package", None),
    ("The hub is financed by a $300 million loan from the bank.", "loan", None),
    ("Kazakhstan's 2023 GDP is expected to exceed $259 billion.", "gdp", 2023),
    ("FDI of at least $150 billion by 2029.", "investment", 2029),
    ("Cumulative investments since 2005 reached $24 billion.", "investment", None),
    ("It cost $5 million.", "other", None),
])
def test_measure_and_year(text, measure, year):
    (f,) = figures(text)
    assert (f.measure, f.year) == (measure, year)


def test_partners_from_mentions_else_previous_sentence():
    body = "Italy is a top partner.\n\nIn 2024 alone, bilateral trade has approached $20 billion."
    (f,) = figures(body, pms=[PartnerMention("IT", "Italy", 0, 5, "name")])
    assert f.partners == ("IT",)
    (g,) = figures("Russian investors have poured $26 billion into Kazakhstan.",
                   pms=[PartnerMention("RU", "Russian", 0, 7, "demonym"),
                        PartnerMention("KZ", "Kazakhstan", 47, 57, "name")])
    assert g.partners == ("RU",)
