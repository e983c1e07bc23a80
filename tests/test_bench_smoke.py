"""Smoke test of the benchmark code (bench/): it runs on a handful of articles. No timing assertions."""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
SCORE = ROOT.parent / "shared" / "eval" / "score.py"
GOLD = ROOT.parent / "shared" / "gold" / "seeds"
sys.path.insert(0, str(BENCH))

import corpus as gen  # noqa: E402
import peers  # noqa: E402


def test_corpus_is_deterministic_and_parsable(tmp_path):
    a, b = gen.generate(6, seed=7), gen.generate(6, seed=7)
    assert a == b and gen.digest(a) == gen.digest(b)
    assert gen.digest(gen.generate(6, seed=8)) != gen.digest(a)
    gen.write(a, tmp_path)
    from kzmap.corpus import load_paths

    loaded = load_paths([tmp_path])
    assert not loaded.problems
    assert len(loaded.articles) == 6
    assert all(x.title and x.published for x in loaded.articles)


@pytest.mark.parametrize("mode", ["geocode", "bare"])
def test_peer_output_has_kzmap_shape(tmp_path, mode):
    gen.write(gen.generate(4, seed=1), tmp_path)
    doc = peers.run(mode, [str(tmp_path)], out=None)
    assert len(doc["articles"]) == 4
    for art in doc["articles"]:
        assert set(art) >= {"file", "mentions", "partners", "events"}
        for m in art["mentions"]:
            assert {"surface", "start", "end", "sentence", "place"} <= set(m)
            if mode == "geocode":
                assert set(m["place"]) == {"id", "name", "kind", "country", "lat", "lon"}
            else:
                assert m["place"] is None


@pytest.mark.skipif(not SCORE.exists() or not GOLD.is_dir(), reason="reference scorer ../shared/eval not present")
@pytest.mark.parametrize("mode", ["geocode", "bare"])
def test_reference_scorer_accepts_peer_output(tmp_path, mode, capsys):
    pred = tmp_path / "pred.json"
    pred.write_text(json.dumps(peers.run(mode, [str(ROOT / "seeds")], out=None)))
    spec = importlib.util.spec_from_file_location("reference_score", SCORE)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    capsys.readouterr()
    assert score.main([str(pred), str(GOLD), "--json"]) == 0
    res = json.loads(capsys.readouterr().out)
    assert res["articles"] == 5


def test_stage_profile_runs(tmp_path):
    import stages

    gen.write(gen.generate(3, seed=2), tmp_path)
    times, n, size = stages.stage_times(tmp_path)
    assert n == 3 and size > 0
    assert set(times) == set(stages.STAGES)
    assert "total" in stages.format_stages(times, n, 0.1)


def test_process_timer_reports_usage():
    import run

    r = run.time_process([sys.executable, "-c", "pass"], timeout=60)
    assert r.status == 0 and r.wall > 0 and r.rss_mb > 0


def test_corpus_with_places_names_distinct_towns_deterministically():
    base = gen.generate(30, seed=3)
    a, b = gen.with_places(base, seed=3), gen.with_places(base, seed=3)
    assert a == b and [n for n, _ in a] == [n for n, _ in base]
    assert all(t.startswith(o) and len(t) > len(o) for (_, t), (_, o) in zip(a, base, strict=True))
    towns = set(gen.towns())
    named = [w.strip(".,") for _, t in a for w in t.rsplit("\n", 2)[-2].split() if w.strip(".,") in towns]
    assert len(named) >= 4 * 30 * 0.9 and len(set(named)) > 100  # thousands of towns to draw from
