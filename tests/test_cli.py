"""The CLI contract that the evaluation and the app rely on."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kzmap.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"


def run_cli(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "kzmap", *args], capture_output=True, text=True, cwd=cwd)


def test_extract_json_shape():
    res = run_cli("extract", str(SEEDS), "--format", "json")
    assert res.returncode == 0, res.stderr
    doc = json.loads(res.stdout)
    assert doc["problems"] == [] and len(doc["articles"]) == 5
    art = doc["articles"][0]
    assert {"file", "title", "source", "url", "published", "mentions", "partners", "events"} <= set(art)
    m = art["mentions"][0]
    assert {"surface", "start", "end", "sentence", "place"} <= set(m)
    assert {"id", "name", "kind", "country", "lat", "lon"} <= set(m["place"])
    assert all({"code", "name", "count"} <= set(p) for p in art["partners"])


def test_exit_status_one_when_a_file_fails(tmp_path, capsys):
    (tmp_path / "good.md").write_text("Title\nAstana and Beijing agreed.")
    (tmp_path / "bad.md").write_bytes(b"\xff\xfe\x00")
    assert main(["extract", str(tmp_path), "--format", "json"]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert [a["file"].rsplit("/", 1)[1] for a in doc["articles"]] == ["good.md"]
    assert doc["problems"][0]["file"].endswith("bad.md")


def test_usage_errors_exit_two(capsys):
    assert main(["extract"]) == 2
    assert main(["frobnicate"]) == 2
    assert main(["extract", "x", "--jobs", "0"]) == 2


def test_table_is_the_default(tmp_path, capsys):
    (tmp_path / "a.md").write_text("Title\nShips left Aktau for Baku.")
    assert main(["extract", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "Aktau" in out and "1 articles read, 0 problems" in out


def test_jobs_gives_identical_output(tmp_path, capsys):
    for i in range(12):
        (tmp_path / f"a{i:02}.md").write_text(f"Title {i}\nShips left Aktau for Baku in 20{10 + i}.")
    main(["extract", str(tmp_path), "--format", "json"])
    one = capsys.readouterr().out
    main(["extract", str(tmp_path), "--format", "json", "--jobs", "2"])
    assert capsys.readouterr().out == one


@pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(), reason="shared/eval/score.py not beside the project")
def test_eval_agrees_with_reference_scorer(tmp_path):
    pred = tmp_path / "pred.json"
    pred.write_text(run_cli("extract", str(SEEDS), "--format", "json").stdout)
    ref = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(pred), str(SHARED / "gold" / "seeds"),
                          "--json"], capture_output=True, text=True, check=True)
    ours = run_cli("eval", str(SHARED / "gold" / "seeds"), str(SEEDS), "--json")
    a, b = json.loads(ref.stdout), json.loads(ours.stdout)
    for k in ("places", "partners", "events"):
        for m in ("precision", "recall", "f1"):
            assert a[k][m] == pytest.approx(b[k][m]), (k, m)
    assert a["dates"]["exact"] == pytest.approx(b["dates"]["exact"])


def test_cli_path_imports_neither_streamlit_nor_geopandas(tmp_path):
    (tmp_path / "a.md").write_text("Title\nShips left Aktau for Baku in 2024.")
    code = ("import sys, io, contextlib; from kzmap.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()): main(['extract', sys.argv[1], '--format', 'json'])\n"
            "heavy = sorted(m for m in sys.modules\n"
            "               if m.split('.')[0] in ('streamlit', 'geopandas', 'folium', 'altair'))\n"
            "print(','.join(heavy))")
    res = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, cwd=ROOT)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == ""


def test_an_extractor_failure_on_one_article_is_a_problem(tmp_path, monkeypatch, capsys):
    from kzmap import geoparse

    real = geoparse.find_mentions

    def flaky(text, *args, **kwargs):
        if "BOOM" in text:
            raise ValueError("synthetic failure")
        return real(text, *args, **kwargs)

    monkeypatch.setattr(geoparse, "find_mentions", flaky)
    (tmp_path / "a.md").write_text("Title\nShips left Aktau for Baku.")
    (tmp_path / "b.md").write_text("Title\nBOOM in Astana.")
    assert main(["extract", str(tmp_path), "--format", "json"]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert [a["file"].rsplit("/", 1)[1] for a in doc["articles"]] == ["a.md"]
    assert doc["problems"][0]["file"].endswith("b.md")
    assert "extraction failed: ValueError: synthetic failure" in doc["problems"][0]["error"]


def test_fast_json_is_byte_identical_to_json_dumps(gaz):
    from kzmap.corpus import load_paths
    from kzmap.extract import extract
    from kzmap.records import extraction_json, extraction_to_dict

    for a in load_paths([SEEDS, DATA / "unseen"]).articles:
        x = extract(a, gaz)
        assert extraction_json(x) == json.dumps(extraction_to_dict(x), ensure_ascii=False)
