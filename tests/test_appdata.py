"""appdata: the corpus folder setting, its fingerprint and the values Data computes once."""
from __future__ import annotations

from pathlib import Path

from kzmap import appdata


def test_corpus_folder_from_kzmap_seeds(monkeypatch, tmp_path):
    monkeypatch.delenv("KZMAP_SEEDS", raising=False)
    assert appdata.seeds_dir(tmp_path) == tmp_path / "seeds"
    monkeypatch.setenv("KZMAP_SEEDS", str(tmp_path / "corpus"))
    assert appdata.seeds_dir("/elsewhere") == tmp_path / "corpus"
    monkeypatch.setenv("KZMAP_SEEDS", "more/articles")  # relative: beside app.py
    assert appdata.seeds_dir(tmp_path) == tmp_path / "more" / "articles"


def rglob_fingerprint(folder: Path) -> tuple:
    """The first implementation, kept as the reference."""
    return tuple(sorted((str(p.relative_to(folder)), p.stat().st_mtime_ns, p.stat().st_size)
                        for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in appdata.UPLOAD_SUFFIXES))


def test_fingerprint_sees_articles_in_subfolders_and_changes_on_edit(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.md").write_text("one", encoding="utf-8")
    (tmp_path / "sub" / "b.TXT").write_text("two", encoding="utf-8")
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    (tmp_path / ".md").write_text("no suffix", encoding="utf-8")
    first = appdata.folder_fingerprint(tmp_path)
    assert first == rglob_fingerprint(tmp_path)
    assert [name for name, *_ in first] == ["a.md", "sub/b.TXT"]
    (tmp_path / "a.md").write_text("one, edited", encoding="utf-8")
    assert appdata.fingerprint_key(appdata.folder_fingerprint(tmp_path)) != appdata.fingerprint_key(first)
    assert appdata.folder_fingerprint(tmp_path / "missing") == ()


def test_derived_values_match_the_tables(app_extractions):
    data = appdata.build_data(app_extractions)
    years = [d.year for frame in (data.events, data.mentions) for c in ("date_start", "date_stop")
             for d in frame[c].dropna()]
    assert data.year_range() == (min(years), max(years))
    assert data.place_names == dict(zip(data.mentions["place_id"], data.mentions["name"], strict=False))
    assert data.known().places == frozenset(data.mentions["place_id"])
    assert data.mention_index is data.mention_index  # made once
    assert appdata.build_data([]).year_range() is None


def test_evidence_table_rows(app_extractions):
    data = appdata.build_data(app_extractions)
    table = appdata.evidence_table(data.events, data.place_names, {"CN": "China"})
    assert len(table) == len(data.events)
    for row, (_, ev) in zip(table.itertuples(), data.events.iterrows(), strict=True):
        assert row.partners == ", ".join({"CN": "China"}.get(p, p) for p in ev["partners"])
        assert row.date.startswith(ev["date"])


def test_build_data_keeps_the_extractions_packed_and_reads_each_back(app_extractions):
    data = appdata.build_data(iter(app_extractions))  # any iterable, read once
    assert isinstance(data.extractions, appdata.PackedExtractions)
    assert len(data.extractions) == len(app_extractions)
    assert list(data.extractions) == list(app_extractions)
    assert data.extractions[1:] == list(app_extractions)[1:]
    for x in app_extractions:
        assert data.extraction(x.article.path) == x
    assert data.extraction("no/such/file.md") is None


def test_packed_extractions_are_kept_as_they_come_and_give_the_same_data(app_extractions):
    from kzmap.records import PackedExtraction

    packed = [PackedExtraction.of(x) for x in app_extractions]
    assert [p.unpack() for p in packed] == list(app_extractions)
    data = appdata.build_data(iter(packed))
    assert list(data.extractions.packed()) == packed
    assert all(a is b for a, b in zip(data.extractions.packed(), packed, strict=True))  # not packed again
    plain = appdata.build_data(app_extractions)
    for name in ("mentions", "events", "partners", "articles"):
        assert getattr(data, name).equals(getattr(plain, name)), name


def real_extractions(gaz) -> list:
    """The seeds' and the held-out sets' extractions (some with no event or no place), and two uploads
    with no front matter (no date, no source, no link)."""
    from kzmap.corpus import load_paths
    from kzmap.extract import extract

    root = Path(__file__).resolve().parent
    held_out = sorted(p for p in (root / "data").glob("unseen*") if not p.name.endswith("_gold"))
    folders = [root.parent / "seeds", *held_out]
    pasted = [appdata.read_upload(f"pasted{i}.txt", text.encode(), gaz)[0] for i, text in enumerate((
        "Officials met in Almaty on 3 May 2025 with Chinese partners.", "No place is named here at all."))]
    return [extract(a, gaz) for a in load_paths(folders).articles] + pasted


def assert_same_data(got: appdata.Data, want: appdata.Data) -> None:
    import pandas as pd

    for name in ("mentions", "events", "partners", "articles"):
        pd.testing.assert_frame_equal(getattr(got, name), getattr(want, name), check_exact=True, obj=name)
    assert list(got.extractions) == list(want.extractions)
    for x in want.extractions:
        assert got.extraction(x.article.path) == want.extraction(x.article.path)
    assert (got.problems, got.country_names) == (want.problems, want.country_names)


def test_articles_added_to_a_corpus_give_the_data_of_both(gaz):
    import random

    xs = real_extractions(gaz)
    assert len(xs) > 30
    names = appdata.country_names()
    rng = random.Random(7)
    splits = [(xs[:-2], xs[-2:]), (xs[-2:], xs[:-2])]  # the uploads with no date on one side only
    for cut in (0, 1, 2, 5, len(xs) // 2, len(xs) - 1, len(xs)):
        for _ in range(2):
            order = rng.sample(xs, len(xs)) + rng.sample(xs, 2)  # an article twice: its events once, as before
            splits.append((order[:cut], order[cut:]))
    for first, then in splits:
        shared = appdata.build_data(first, [], names)
        before = {n: getattr(shared, n).copy() for n in ("mentions", "events", "partners", "articles")}
        assert_same_data(appdata.with_articles(shared, then), appdata.build_data(first + then, [], names))
        for n, frame in before.items():  # the shared corpus is read, never changed
            assert getattr(shared, n).equals(frame), n


def test_added_articles_keep_the_corpus_packed_as_it_is(app_extractions):
    *corpus, upload = app_extractions
    shared = appdata.build_data(corpus)
    merged = appdata.with_articles(shared, [upload])
    assert all(a is b for a, b in zip(merged.extractions.packed(), shared.extractions.packed(), strict=False))
    assert len(shared.extractions) == len(corpus)  # not appended to
    assert_same_data(merged, appdata.build_data(app_extractions))


def test_a_packed_extraction_that_holds_something_else_is_refused():
    import pickle
    import zlib

    import pytest

    from kzmap.records import PackedExtraction

    with pytest.raises(TypeError, match="not a packed extraction but a dict"):
        PackedExtraction(zlib.compress(pickle.dumps({"a": 1}))).unpack()


def test_compact_mentions_hold_the_same_values(app_extractions):
    from kzmap import dataset

    plain = dataset.mentions_frame(app_extractions)
    compact = appdata.build_data(app_extractions).mentions
    assert list(compact.columns) == list(plain.columns)
    assert {c for c in compact.columns if str(compact[c].dtype) == "category"} == set(dataset.COMPACT_COLUMNS)
    for c in plain.columns:
        assert repr(compact[c].tolist()) == repr(plain[c].tolist()), c


def test_load_seeds_streams_and_fills_problems(tmp_path):
    (tmp_path / "a.md").write_text("# Astana\n\nKazakhstan and China met in Astana on 3 May 2024.\n", encoding="utf-8")
    (tmp_path / "b.md").write_bytes(b"\x00\x01 binary")
    exts, problems = appdata.load_seeds(tmp_path)
    assert not isinstance(exts, list)  # streamed: one extraction in memory at a time
    data = appdata.build_data(exts, problems)
    assert [x.article.path for x in data.extractions] == [str(tmp_path / "a.md")]
    assert [p.path for p in data.problems] == [str(tmp_path / "b.md")]
    exts, problems = appdata.load_seeds(tmp_path / "missing")
    assert list(exts) == [] and "not found" in problems[0].error


def test_evidence_cap_note():
    note = appdata.evidence_cap_note(1000, 38313)
    assert "1,000" in note and "38,313" in note


def test_article_options_search_cap_and_kept_selection(app_extractions):
    data = appdata.build_data(app_extractions)
    files = list(data.articles["file"])  # in the table's order: a-china, b-russia
    assert data.article_options() == (files, 2)
    assert data.article_options(limit=1) == (files[:1], 2)
    # every word must match, in the title or the file name (not its folder), in any case
    assert data.article_options("RUSSIA build") == ([files[1]], 1)
    assert data.article_options("a-china.md") == ([files[0]], 1)
    assert data.article_options("seeds") == ([], 0)
    assert data.article_options("russia china") == ([], 0)
    # the current selection stays offered, first, even when the search or the cap leaves it out
    assert data.article_options("russia", keep=[files[0]]) == ([files[0], files[1]], 1)
    assert data.article_options(limit=1, keep=[files[1], files[1], "gone.md"]) == ([files[1], files[0]], 2)
    assert data.article_options(limit=1, keep=[files[0]]) == ([files[0]], 2)
    assert data.article_titles == dict(zip(files, data.articles["title"], strict=True))


def test_article_list_note():
    assert appdata.article_list_note(200, 200) == ""
    assert appdata.article_list_note(0, 0) == ""
    assert appdata.article_list_note(0, 0, "zz") == "No article title or file name contains those words."
    assert appdata.article_list_note(200, 10_000) == ("Listing 200 of 10,000 articles: type words of a title "
                                                     "to find others.")
    assert "of 250 articles match" in appdata.article_list_note(200, 250, "china")


def test_a_selected_place_lists_its_sentences_escaped_and_capped(app_extractions, app_hostile):
    from kzmap.dataset import places_frame

    places = places_frame([*app_extractions, app_hostile])
    khorgos = appdata.place_sentences(places, "cur:khorgos")
    assert khorgos.total == len(places.set_index("id").loc["cur:khorgos", "evidence"]) >= 1
    assert khorgos.html.count("<li>") == khorgos.total and '<mark class="kz-place">Khorgos</mark>' in khorgos.html
    assert khorgos.note.startswith(f"{khorgos.total} sentence") and khorgos.note.endswith("Khorgos.")
    capped = appdata.place_sentences(places, "cur:khorgos", limit=0)
    assert capped.html.count("<li>") == 0 and capped.total == khorgos.total
    assert capped.note.endswith("; the first 0 are listed.") and khorgos.shown == khorgos.total
    evil = appdata.place_sentences(places, "cur:evil")
    assert evil and "<img" not in evil.html and "&lt;img src=x" in evil.html
    assert evil.note == r"1 sentence mentions \<img src\=x onerror\=alert\(1\)\>."  # Markdown shows it as typed
    assert appdata.place_sentences(places, "country:CN") is None  # countries keep no sentences
    assert appdata.place_sentences(places, "gn:nowhere") is None
    assert appdata.place_sentences(places.iloc[0:0], "cur:khorgos") is None


# --- the shared corpus's loader -------------------------------------------------------------------------

class SlowLoad:
    """A stand-in for ``_load_corpus``: reads ``n`` articles, ``pause`` s each, after ``gate`` opens."""

    def __init__(self, n: int = 5, pause: float = 0.02, fail_first: bool = False):
        import threading

        self.n, self.pause, self.fail_first = n, pause, fail_first
        self.calls = 0
        self.gate = threading.Event()
        self.gate.set()

    def __call__(self, folder, on_item):
        import time

        self.calls += 1
        self.gate.wait(10)
        for _ in range(self.n):
            time.sleep(self.pause)
            on_item()
        if self.fail_first and self.calls == 1:
            raise OSError("disk on fire")
        return appdata.build_data([])


def test_the_loader_reports_progress_and_loads_once():
    load = SlowLoad(n=5)
    loader = appdata.CorpusLoader("corpus", 5, load=load)
    assert not loader.ready
    seen: list = []
    data = loader.data(lambda done, total: seen.append((done, total)), every=0.01)
    assert loader.ready and loader.data() is data and load.calls == 1
    assert seen and all(total == 5 for _, total in seen)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen) and seen[-1][0] <= 5
    assert loader.done == 5


def test_sessions_waiting_at_the_same_time_share_one_load():
    from concurrent.futures import ThreadPoolExecutor

    load = SlowLoad(n=3)
    load.gate.clear()
    loader = appdata.CorpusLoader("corpus", 3, load=load)
    with ThreadPoolExecutor(4) as pool:
        futures = [pool.submit(loader.data, None, 0.01) for _ in range(4)]
        load.gate.set()
        got = [f.result(timeout=10) for f in futures]
    assert load.calls == 1 and all(d is got[0] for d in got)


def test_a_session_that_stops_waiting_leaves_the_load_going():
    """Streamlit stops a script at its next st call when the visitor reruns it: here the progress callback."""
    import pytest

    class Rerun(Exception):
        pass

    def stop(done, total):
        raise Rerun

    load = SlowLoad(n=5, pause=0.05)
    loader = appdata.CorpusLoader("corpus", 5, load=load)
    with pytest.raises(Rerun):
        loader.data(stop, every=0.01)
    data = loader.data(every=0.01)  # the next run picks the same load up
    assert load.calls == 1 and loader.data() is data


def test_a_failed_load_names_the_folder_and_the_next_call_loads_again():
    import pytest

    load = SlowLoad(n=2, fail_first=True)
    loader = appdata.CorpusLoader("/corpus/here", 2, load=load)
    with pytest.raises(RuntimeError, match=r"reading the corpus folder /corpus/here failed: OSError: disk on fire"):
        loader.data(every=0.01)
    assert not loader.ready
    assert loader.data(every=0.01) is not None and load.calls == 2 and loader.ready


def test_the_loader_reads_a_real_folder_like_build_data():
    root = Path(__file__).resolve().parent.parent
    loader = appdata.CorpusLoader(root / "seeds", len(appdata.folder_fingerprint(root / "seeds")))
    data = loader.data(every=0.05)
    exts, problems = appdata.load_seeds(root / "seeds")
    plain = appdata.build_data(exts, problems, appdata.country_names())
    assert loader.total == loader.done == 5
    for name in ("mentions", "events", "partners", "articles"):
        assert getattr(data, name).equals(getattr(plain, name)), name


def test_progress_text():
    assert appdata.progress_text(3200, 10000) == "Extracting the articles: 3,200 of 10,000 files read…"
    assert appdata.progress_text(12, 10) == "Extracting the articles: 10 of 10 files read…"
    assert appdata.progress_text(0, 0) == "Reading and extracting the articles…"


def test_the_selection_bar_names_the_drawn_places_first_in_the_maps_order():
    names = {"a": "Astana", "b": "Almaty", "c": "Aktau", "d": "Atyrau", "e": "Aral", "f": "Arys"}
    assert appdata.selected_places_text(["a"], ["a"], names) == "place **Astana**"
    assert appdata.selected_places_text(["zz"], [], names) == "place **zz**"  # not on the map, not named
    # the map shows the first drawn one's popup (the most mentioned): it leads here too
    assert appdata.selected_places_text(["a", "b"], ["b", "a"], names) == "places **Almaty** and **Astana**"
    assert (appdata.selected_places_text(["c", "a", "b", "c"], ["b", "a"], names)
            == "places **Almaty**, **Astana** and **Aktau**")
    assert (appdata.selected_places_text(list("fedcba"), ["b"], names)
            == "places **Almaty**, **Arys**, **Aral**, **Atyrau** and 2 more")


def test_counts_are_singular_for_one():
    assert appdata.count_of(1, "event") == "1 event"
    assert appdata.count_of(0, "event") == "0 events"
    assert appdata.count_of(1_200, "place mention") == "1,200 place mentions"


def test_partner_names_are_made_once_per_data(app_extractions):
    """The marker payload cache compares them by identity: a new dict per run rebuilt the payload each time."""
    from kzmap import mapview
    from kzmap.filters import FilterState, apply

    data = appdata.build_data(app_extractions)
    assert data.partner_names is data.partner_names
    assert data.partner_names == dict(zip(data.partners["code"], data.partners["name"], strict=True))
    markers = apply(FilterState(), data.mentions, data.events, index=data.mention_index).markers
    first = mapview.marker_payload(markers, data.country_names, data.partner_names)
    assert mapview.marker_payload(markers, data.country_names, data.partner_names) is first
