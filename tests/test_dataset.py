import json

import pandas as pd
import pytest

from kzmap import dataset
from kzmap.dataset import EVENT_COLUMNS, date_bounds, events_frame, mentions_frame, places_frame


def test_places_one_row_per_place_with_counts(app_extractions):
    places = places_frame(app_extractions).set_index("id")
    assert places.loc["gn:1526384", "mentions"] == 2
    assert places.loc["gn:1526384", "n_articles"] == 1
    assert places.index.is_unique


def test_countries_and_macro_regions_counted_but_not_markers(app_extractions):
    places = places_frame(app_extractions).set_index("id")
    assert not places.loc["country:CN", "marker"]
    assert not places.loc["macro:central-asia", "marker"]
    assert places.loc["country:CN", "mentions"] == 1
    assert places.loc["cur:khorgos", "marker"]


def test_leading_partner_from_the_sentence_and_kz_never_a_partner(app_extractions):
    places = places_frame(app_extractions).set_index("id")
    assert places.loc["cur:khorgos", "leading_partner"] == "CN"
    assert places.loc["cur:aktau-port", "leading_partner"] == "RU"
    assert all("KZ" not in p for p in places["partners"])
    assert places.loc["cur:khorgos", "color"] == "#d62728"


def test_evidence_offsets_slice_the_surface(app_extractions):
    for row in places_frame(app_extractions).itertuples():
        for ev in row.evidence:
            assert ev["sentence"][ev["start"]:ev["end"]] == ev["surface"]
            assert ev["title"] and ev["file"]


def test_events_frame_has_the_contract_columns(app_extractions):
    ev = events_frame(app_extractions)
    assert list(ev.columns[: len(EVENT_COLUMNS)]) == EVENT_COLUMNS
    assert len(ev) == 4 and ev["event_id"].is_unique
    summit = ev[ev.kind == "summit"].iloc[0]
    assert summit.partners == ["CN", "RU"] and summit.precision == "day"
    assert "gn:1526384" in summit.places
    assert ev["date_start"].is_monotonic_increasing


def test_event_ids_are_stable(app_extractions):
    assert list(events_frame(app_extractions).event_id) == list(events_frame(app_extractions).event_id)


@pytest.mark.parametrize("value,expected", [
    ("2024", ("2024-01-01", "2024-12-31")),
    ("2024-02", ("2024-02-01", "2024-02-29")),
    ("2023-12", ("2023-12-01", "2023-12-31")),
    ("2024-05-17", ("2024-05-17", "2024-05-17")),
    ("2025-13-45", None), ("", None), (None, None), ("abc", None), ("2024-1-1-1", None),
])
def test_date_bounds(value, expected):
    got = date_bounds(value)
    assert (tuple(str(d) for d in got) if got else None) == expected


def test_partners_table_counts_and_colours(app_extractions):
    t = dataset.partners_table(app_extractions).set_index("code")
    assert "KZ" not in t.index
    assert t.loc["CN", "name"] == "China" and t.loc["CN", "mentions"] == 4
    assert t.loc["RU", "events"] == 3


def test_empty_input_gives_empty_frames_with_columns():
    assert places_frame([]).empty and events_frame([]).empty
    assert "event_id" in events_frame([]).columns


def test_downloads_geojson_is_lon_lat_and_csv_has_rows(app_extractions):
    places = places_frame(app_extractions)
    gj = dataset.places_geojson(places)
    almaty = next(f for f in gj["features"] if f["properties"]["id"] == "gn:1526384")
    assert almaty["geometry"]["coordinates"] == [76.92, 43.25]
    json.dumps(gj)
    assert len(pd.read_csv(__import__("io").StringIO(dataset.places_csv(places)))) == len(places)
    assert "event_id" in dataset.events_csv(events_frame(app_extractions)).splitlines()[0]


def test_historical_states_are_not_partners_of_mentions(gaz):
    from kzmap.corpus import parse_text
    from kzmap.extract import extract

    article, _ = parse_text("x.md", "Title\nSoviet planners built the line to Aktau, and Chinese money now extends it.")
    frame = mentions_frame([extract(article, gaz)])
    assert {p for ps in frame["partners"] for p in ps} == {"CN"}


def test_evidence_reads_like_a_list(app_extractions):
    places = places_frame(app_extractions).set_index("id")
    ev = places.loc["gn:1526384", "evidence"]
    items = list(ev)
    assert len(ev) == len(items) == 2
    assert ev[:1] == items[:1] and ev[-1] == items[-1] and ev == items
    assert set(items[0]) == {"sentence", "start", "end", "surface", "title", "published", "url", "file", "date"}
    assert places.loc["country:CN", "evidence"] == []  # countries are shaded, no evidence list


def test_each_value_calls_once_per_distinct_value():
    calls = []

    def f(v):
        calls.append(v)
        return len(v)

    assert dataset.each_value(pd.Series([["a"], ["a", "b"], ["a"], ("a", "b")]), f) == [1, 2, 1, 2]
    assert len(calls) == 2


def test_evidence_heads_read_together_equal_each_read_alone(app_extractions):
    places = places_frame(app_extractions)
    evidences = list(places["evidence"])  # Evidence for markers, [] for countries and regions
    assert any(isinstance(e, dataset.Evidence) for e in evidences) and any(e == [] for e in evidences)
    for k in (1, 2, 50):
        assert dataset.Evidence.heads(evidences, k) == [list(e[:k]) for e in evidences]
    assert dataset.Evidence.heads([], 3) == []


@pytest.mark.parametrize("values", [
    ["b", "a", None, "b", "é", "Zürich", "a"],
    [None, None],
    ["only"],
    [],
    ["2024-05", "2024", None, "2024-05-17"],
])
def test_categorical_is_pd_categorical_from_the_distinct_values(values):
    pd.testing.assert_extension_array_equal(dataset.categorical(values), pd.Categorical(values))


def test_mention_columns_keep_one_object_per_distinct_text(app_extractions):
    """Each extraction brings its own copies of texts; the columns keep one of each."""
    import pickle

    copies = [pickle.loads(pickle.dumps(x)) for x in app_extractions * 2]  # as they arrive from the child
    cols = dataset.MentionColumns()
    for x in copies:
        cols.add(x)
    for c in ("place_id", "name", "sentence", "surface", "partners"):
        values = cols.cols[c]
        assert len({id(v) for v in values}) == len(set(values)), c
    pd.testing.assert_frame_equal(cols.frame(), mentions_frame(app_extractions * 2))
