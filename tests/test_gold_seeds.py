"""The extractor against the seed gold, with the thresholds of the issues."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kzmap.evaluate import score_corpus
from kzmap.extract import extract_paths
from kzmap.records import extraction_to_dict

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"

GOLD = SHARED / "gold" / "seeds"


def figures(paths, gold_dir, gaz):
    extractions, problems = extract_paths(paths, gaz)
    assert problems == []
    return score_corpus({"articles": [extraction_to_dict(x) for x in extractions]}, gold_dir)


@pytest.mark.skipif(not GOLD.exists(), reason="shared/gold/seeds is not beside the project")
def test_seed_places_and_partners(gaz):
    res = figures([SEEDS], GOLD, gaz)
    assert res["articles"] == 5
    assert res["places"]["precision"] >= 0.95, json.dumps(res["rows"])
    assert res["places"]["recall"] >= 0.95, json.dumps(res["rows"])
    assert res["partners"]["f1"] >= 0.95, json.dumps(res["rows"])


@pytest.mark.parametrize("name", ["unseen", "unseen2"])
def test_unseen_places_and_partners(gaz, name):
    """Hand-written articles the rules were not written from (unseen2 by a separate author)."""
    res = figures([DATA / name], DATA / f"{name}_gold", gaz)
    assert res["articles"] >= 5
    assert res["places"]["precision"] >= 0.90, json.dumps(res["rows"])
    assert res["places"]["recall"] >= 0.85, json.dumps(res["rows"])
    assert res["partners"]["f1"] >= 0.90, json.dumps(res["rows"])
    assert res["events"]["precision"] >= 0.70 and res["events"]["recall"] >= 0.70, json.dumps(res["rows"])
    assert res["dates"]["exact"] >= 0.80
