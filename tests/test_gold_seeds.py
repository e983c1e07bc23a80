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


@pytest.mark.skipif(not (DATA / "unseen_gold").exists(), reason="no hand-written unseen articles")
def test_unseen_places_and_partners(gaz):
    res = figures([DATA / "unseen"], DATA / "unseen_gold", gaz)
    assert res["articles"] >= 3
    assert res["places"]["precision"] >= 0.90, json.dumps(res["rows"])
    assert res["places"]["recall"] >= 0.85, json.dumps(res["rows"])
    assert res["partners"]["f1"] >= 0.90, json.dumps(res["rows"])
