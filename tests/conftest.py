"""Shared fixtures: the gazetteer index (built once per session) and paths."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def gaz():
    from kzmap.gazetteer import load_gazetteer

    return load_gazetteer()


@pytest.fixture(scope="session")
def places_of(gaz):
    """Text -> [(surface, place name, kind, country)] of the non-country mentions."""
    from kzmap.geoparse import find_mentions
    from kzmap.text import sentence_spans

    def run(text: str, countries: bool = False):
        return [(m.surface, m.place.name, m.place.kind, m.place.country)
                for m in find_mentions(text, sentence_spans(text), gaz) if countries or m.place.kind != "country"]

    return run


# --- the explorer's fixtures (app_*): hand-made extractions, no gazetteer needed ----------------------

@pytest.fixture
def app_extractions():
    import app_fixtures

    return app_fixtures.extractions()


@pytest.fixture
def app_hostile():
    import app_fixtures

    return app_fixtures.hostile()
