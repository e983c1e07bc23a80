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


# Lower bounds per held-out set: places P, places R, partners F1, events P, events R, exact dates. unseen3's gold
# counts more happenings as events ("lost part of their harvest last summer"), hence its event recall bound;
# tests/data/README.md gives each set's figures, unseen3's first ones measured blind.
UNSEEN = {"unseen": (0.90, 0.85, 0.90, 0.70, 0.70, 0.80), "unseen2": (0.90, 0.85, 0.90, 0.70, 0.70, 0.80),
          "unseen3": (0.92, 0.85, 0.93, 0.80, 0.52, 0.85), "unseen4": (0.93, 0.82, 0.95, 0.80, 0.55, 0.90),
          "unseen5": (0.94, 0.86, 0.95, 0.88, 0.72, 0.95), "unseen6": (0.95, 0.87, 0.95, 0.80, 0.65, 0.93),
          "unseen7": (0.92, 0.82, 0.95, 0.85, 0.64, 0.92), "unseen8": (0.96, 0.94, 0.95, 0.85, 0.76, 0.95),
          "unseen9": (0.93, 0.94, 0.95, 0.82, 0.62, 0.95), "unseen10": (0.93, 0.82, 0.95, 0.88, 0.68, 0.95),
          "unseen11": (0.95, 0.82, 0.93, 0.88, 0.62, 0.93), "unseen12": (0.90, 0.87, 0.95, 0.88, 0.68, 0.92),
          "unseen13": (0.93, 0.80, 0.92, 0.88, 0.58, 0.93), "unseen14": (0.88, 0.74, 0.95, 0.87, 0.52, 0.93),
          "unseen15": (0.92, 0.82, 0.95, 0.82, 0.57, 0.95), "unseen16": (0.94, 0.86, 0.94, 0.85, 0.60, 0.95)}


@pytest.mark.parametrize("name", sorted(UNSEEN))
def test_unseen_places_and_partners(gaz, name):
    """Hand-written articles the rules were not written from (unseen2 to unseen16 by separate authors who had
    not read the code)."""
    places_p, places_r, partners_f1, events_p, events_r, exact = UNSEEN[name]
    res = figures([DATA / name], DATA / f"{name}_gold", gaz)
    assert res["articles"] >= 5
    assert res["places"]["precision"] >= places_p, json.dumps(res["rows"])
    assert res["places"]["recall"] >= places_r, json.dumps(res["rows"])
    assert res["partners"]["f1"] >= partners_f1, json.dumps(res["rows"])
    assert res["events"]["precision"] >= events_p and res["events"]["recall"] >= events_r, json.dumps(res["rows"])
    assert res["dates"]["exact"] >= exact


@pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(), reason="shared/eval is not beside the project")
@pytest.mark.parametrize("name", ["unseen3", "unseen4", "unseen5", "unseen6", "unseen7", "unseen8", "unseen9",
                                  "unseen10", "unseen11", "unseen12", "unseen13", "unseen14", "unseen15", "unseen16"])
def test_held_out_gold_is_consistent(name):
    """Counts, verbatim evidence, dates, and a perfect score for a prediction rebuilt from the gold itself
    (``tests/data/validate_gold.py``; it never runs the extractor)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("validate_gold", DATA / "validate_gold.py")
    validate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(validate)
    errors, _ = validate.check_set(name, validate.load_scorer(SHARED / "eval" / "score.py"), quiet=True)
    assert errors == []
