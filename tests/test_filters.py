import pytest

from kzmap.dataset import events_frame, mentions_frame
from kzmap.filters import FilterState, apply, events_in_range, filter_events


@pytest.fixture
def frames(app_extractions):
    return mentions_frame(app_extractions), events_frame(app_extractions)


def ids(view):
    return set(view.markers["id"])


def test_default_state_shows_every_marker_place(frames):
    view = apply(FilterState(), *frames)
    assert ids(view) == {"gn:1526384", "cur:khorgos", "cur:aktau-port", "gn:524901"}
    assert len(view.timeline) == len(view.table) == 4


@pytest.mark.parametrize("state,places,events", [
    (FilterState(partners=("RU",)), {"gn:1526384", "cur:aktau-port", "gn:524901"}, {"summit", "plan", "visit"}),
    (FilterState(partners=("CN",)), {"gn:1526384", "cur:khorgos"}, {"agreement", "summit"}),
    (FilterState(kinds=("plan",)), {"cur:aktau-port"}, {"plan"}),
    (FilterState(date_from="2025"), {"cur:aktau-port", "gn:524901"}, {"plan", "visit"}),
    (FilterState(date_to="2023-12-31"), {"gn:1526384", "cur:khorgos"}, {"agreement"}),
    (FilterState(articles=("seeds/b-russia.md",)), {"cur:aktau-port", "gn:524901"}, {"plan", "visit"}),
    (FilterState(partners=("XX",)), set(), set()),
])
def test_map_and_timeline_agree(frames, state, places, events):
    view = apply(state, *frames)
    assert ids(view) == places
    assert set(view.table["kind"]) == events
    assert set(view.timeline["kind"]) == events


def test_map_click_narrows_events_but_not_markers(frames):
    view = apply(FilterState(places=("gn:1526384",)), *frames)
    assert len(view.markers) == 4
    assert view.markers.set_index("id").loc["gn:1526384", "selected"]
    assert set(view.table["kind"]) == {"agreement", "summit"}
    assert set(view.timeline["kind"]) == {"agreement", "summit"}


def test_timeline_selection_narrows_map_and_table_not_timeline(frames):
    mentions, events = frames
    plan = events[events.kind == "plan"].event_id.iloc[0]
    view = apply(FilterState(events=(plan,)), mentions, events)
    assert ids(view) == {"cur:aktau-port"}
    assert list(view.table.event_id) == [plan]
    assert len(view.timeline) == 4


def test_brush_range_in_epoch_ms_and_iso(frames):
    _, events = frames
    ms = [1704067200000, 1735603200000]  # 2024-01-01 .. 2024-12-31
    assert len(events_in_range(events, *ms)) == 1
    assert len(events_in_range(events, "2025-01-01", "2027-12-31")) == 2
    assert events_in_range(events, "junk", None) == ()


def test_filter_events_on_empty_frame():
    assert filter_events(events_frame([]), FilterState(partners=("CN",))).empty


@pytest.mark.parametrize("state", [FilterState(), FilterState(partners=("RU",)), FilterState(kinds=("plan",)),
                                   FilterState(partners=("XX",)), FilterState(date_from="2025")])
def test_view_counts_from_codes_match_the_filtered_rows(frames, state):
    from kzmap.dataset import country_counts

    view = apply(state, *frames)
    kept = view.mentions
    assert view.n_articles == (kept["file"].nunique() if not kept.empty else 0)
    assert view.partner_codes == {p for ps in kept["partners"] for p in ps}
    for measure in ("mentions", "events"):
        assert view.country_counts(measure) == country_counts(kept, view.timeline, measure)


def test_a_kept_index_gives_the_same_view(frames):
    from kzmap.dataset import MentionIndex

    mentions, events = frames
    index = MentionIndex(mentions)
    for state in (FilterState(), FilterState(partners=("CN",)), FilterState(places=("gn:1526384",))):
        a, b = apply(state, mentions, events), apply(state, mentions, events, index=index)
        assert a.markers.drop(columns="evidence").equals(b.markers.drop(columns="evidence"))
        assert [list(e) for e in a.markers["evidence"]] == [list(e) for e in b.markers["evidence"]]
        assert a.table.equals(b.table) and a.timeline.equals(b.timeline)
