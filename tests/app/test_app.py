"""App wiring through Streamlit's AppTest: every control changes what is built.

st_folium is an opaque component here: its arguments (the feature-group JavaScript with one
``kzmap-place`` per marker) are what the map receives. Runs on the real seeds and gazetteer.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow as pa
import pytest
from app_fixtures import feature_group, hostile_article, marker_rows, run_app
from streamlit.testing.v1 import AppTest

from kzmap.mapview import read_selected

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
XSS = "<img src=x onerror=alert(1)>"


run = run_app


def markers(at: AppTest) -> int:
    return len(marker_rows(feature_group(at)))


def chart_rows(at: AppTest) -> int:
    charts = at.get("vega_lite_chart")
    if not charts:
        return 0
    ds = charts[0].proto.datasets
    return sum(pa.ipc.open_stream(d.data.data).read_all().num_rows for d in ds)


def evidence_rows(at: AppTest) -> int:
    return len(at.dataframe[0].value)


def qp(at: AppTest, key: str) -> list[str]:
    v = at.query_params.get(key, [])
    return [v] if isinstance(v, str) else list(v)


def notices(at: AppTest) -> str:
    return " ".join(c.value for c in at.caption)


@pytest.fixture(scope="module")
def base() -> AppTest:
    at = run()
    assert not at.exception
    return at


def test_runs_and_builds_map_timeline_and_table(base):
    assert markers(base) > 3
    assert chart_rows(base) > 3
    assert evidence_rows(base) > 3
    args = json.loads(base.get("component_instance")[0].proto.json_args)
    assert all(u.startswith("/app/static/") for u in args["js_links"] + args["css_links"])
    assert set(args["returned_objects"]) == {"last_object_clicked", "last_object_clicked_tooltip",
                                             "last_object_clicked_count"}


def test_partner_filter_narrows_everything_and_goes_to_the_url(base):
    at = run()
    at.multiselect(key="w_partners").set_value(["RU"]).run()
    assert not at.exception
    assert 0 < markers(at) < markers(base)
    assert 0 < evidence_rows(at) < evidence_rows(base)
    assert chart_rows(at) < chart_rows(base)
    assert qp(at, "partner") == ["RU"]


def test_kind_filter_narrows_events(base):
    at = run()
    kind = at.multiselect(key="w_kinds").options[0]
    at.multiselect(key="w_kinds").set_value([kind]).run()
    assert not at.exception
    assert evidence_rows(at) < evidence_rows(base)
    assert markers(at) < markers(base)


def test_year_slider_narrows(base):
    at = run()
    lo, hi = at.slider(key="w_years").value
    at.slider(key="w_years").set_value((hi - 1, hi)).run()
    assert not at.exception
    assert evidence_rows(at) < evidence_rows(base)
    assert qp(at, "from") == [str(hi - 1)]


def test_article_filter_narrows(base):
    at = run()
    first = at.multiselect(key="w_articles").options[0]
    at.multiselect(key="w_articles").set_value([first]).run()
    assert not at.exception
    assert markers(at) < markers(base)


def test_reset_restores_everything(base):
    at = run({"partner": ["RU"]})
    assert markers(at) < markers(base)
    next(b for b in at.button if b.label == "Reset all filters").click().run()
    assert markers(at) == markers(base) and evidence_rows(at) == evidence_rows(base)


def test_query_params_restore_filters(base):
    at = run({"partner": ["RU"], "from": ["2013"], "to": ["2029"]})
    assert not at.exception
    assert at.multiselect(key="w_partners").value == ["RU"]
    assert at.slider(key="w_years").value[0] == 2013
    assert 0 < markers(at) < markers(base)


def test_a_place_in_the_link_is_the_map_selection(base):
    """A shared ``place=`` link reaches the map as its selection (outlined and shown in the browser)."""
    pid = base.session_state["click_index"][-1][0]
    at = run({"place": [pid]})
    assert not at.exception
    assert at.session_state["sel_places"] == (pid,)
    assert read_selected(feature_group(at))["ids"] == [pid]
    assert markers(at) == markers(base)


def test_a_place_link_outlives_the_empty_selection_the_timeline_reports_when_drawn(base):
    """The chart reports an empty selection when the browser first draws it: that must not clear the place
    of a shared link (it did, two seconds after the page opened); an empty selection after picked events
    still clears them."""
    pid = base.session_state["click_index"][0][0]
    at = run({"place": [pid]})
    at.session_state[f"timeline_{at.session_state['chart_n']}"] = {"selection": {"brush": {}}}
    at.run()
    assert not at.exception
    assert at.session_state["sel_places"] == (pid,) and qp(at, "place") == [pid]
    assert read_selected(feature_group(at))["ids"] == [pid]


def test_a_link_to_several_places_names_first_the_one_the_map_shows(base):
    """The map opens the popup of the first selected place it draws (the most mentioned); the selection bar
    names that one first too, whatever the link's order."""
    index = base.session_state["click_index"]  # most mentioned first
    (most, most_tip, *_), (least, least_tip, *_) = index[0], index[-1]
    at = run({"place": [least, most]})
    assert not at.exception
    assert read_selected(feature_group(at))["ids"] == [most, least]
    bar = next(i.value for i in at.info if i.value.startswith("Showing"))
    assert bar == f"Showing places **{most_tip.split(' (')[0]}** and **{least_tip.split(' (')[0]}**."


@pytest.mark.parametrize("query", [
    {"partner": ["XX", "<script>"], "kind": ["party"], "from": ["2025-13-45"], "to": ["tomorrow"]},
    {"partner": ["CN"] * 900},  # (Streamlit itself drops query strings of over 1000 parameters)
    {"partner": ["C" * 50_000]},
    {"junk": ["1"], "from": ["2029"], "to": ["1990"]},
])
def test_bad_query_params_are_ignored_with_a_notice(query):
    at = run(query)
    assert not at.exception
    assert "link" in notices(at) or "swapped" in notices(at)
    assert markers(at) > 0


def test_map_click_narrows_timeline_and_evidence_then_show_everything(base):
    at = run()
    index = at.session_state["click_index"]
    pid, tooltip, lat, lon = index[0]
    at.session_state["map"] = {"last_object_clicked": {"lat": lat, "lng": lon},
                               "last_object_clicked_tooltip": tooltip, "last_object_clicked_count": 1}
    at.run()
    assert not at.exception
    assert at.session_state["sel_places"] == (pid,)
    assert evidence_rows(at) < evidence_rows(base)
    assert markers(at) == markers(base)  # the map keeps every marker, the chosen one outlined
    assert read_selected(feature_group(at))["ids"] == [pid]
    assert qp(at, "place") == [pid]
    show_all = next(b for b in at.button if b.label == "Show everything")
    show_all.click().run()
    assert evidence_rows(at) == evidence_rows(base)
    assert read_selected(feature_group(at))["ids"] == []


def test_timeline_pick_narrows_the_map(base):
    at = run()
    spec_ds = at.get("vega_lite_chart")[0].proto.datasets[0]
    ids = pa.ipc.open_stream(spec_ds.data.data).read_all().column("event_id").to_pylist()
    at.session_state["timeline_0"] = {"selection": {"pick": [{"event_id": ids[0]}]}}
    at.run()
    assert not at.exception
    assert evidence_rows(at) == 1
    assert markers(at) < markers(base)
    assert any(i.value == "Showing **1** event picked on the timeline." for i in at.info)
    at.session_state["timeline_0"] = {"selection": {"pick": []}}  # the pick cleared on the chart
    at.run()
    assert at.session_state["sel_events"] == () and evidence_rows(at) == evidence_rows(base)


def test_pasted_article_joins_this_session_only(base):
    at = run()
    at.text_input(key="w_paste_title").set_value("Pasted test")
    at.text_area(key="w_paste_text").set_value("Kazakhstan and China opened a new terminal in Aktau in March 2024. "
                                               "The port of Aktau will grow.")
    at.text_input(key="w_paste_date").set_value("2024-03")
    next(b for b in at.button if b.label == "Add to the map").click().run()
    assert not at.exception
    assert any("Added" in s.value for s in at.success)
    assert len(at.session_state["uploads"]) == 1
    assert "uploads" not in run().session_state  # a new session starts without it


def test_bad_paste_shows_an_error_not_an_exception():
    at = run()
    next(b for b in at.button if b.label == "Add to the map").click().run()
    assert not at.exception
    assert any("empty" in e.value for e in at.error)


def test_hostile_article_is_escaped_everywhere(tmp_path, monkeypatch):
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    (seeds / "evil.md").write_text(
        hostile_article(),
        encoding="utf-8")
    (seeds / "binary.md").write_bytes(b"\x00\x01\x02garbage")
    monkeypatch.setenv("KZMAP_SEEDS", str(seeds))
    at = run()
    assert not at.exception
    args = json.loads(at.get("component_instance")[0].proto.json_args)
    assert "<img src=x" not in args["feature_group"] and "<script>alert" not in args["feature_group"]
    assert "javascript:alert" not in args["feature_group"]
    html_bodies = " ".join(h.proto.body for h in at.get("html"))
    assert "<img src=x" not in html_bodies and "<script>alert" not in html_bodies
    assert any("binary" in str(r) for r in at.dataframe[-1].value.to_dict("records"))


def test_evidence_table_is_capped_with_a_note_and_a_download_of_all(base, monkeypatch):
    from kzmap import appdata

    total = evidence_rows(base)
    assert total > 5 and "Showing the first" not in notices(base)
    monkeypatch.setattr(appdata, "EVIDENCE_ROWS", 5)
    at = run()
    assert not at.exception
    assert evidence_rows(at) == 5
    assert list(at.dataframe[0].value["title"]) == list(base.dataframe[0].value["title"][:5])
    assert appdata.evidence_cap_note(5, total) in notices(at)
    buttons = [b for b in at.get("download_button") if b.proto.label == f"All {total} events (CSV)"]
    assert len(buttons) == 1


def test_long_article_list_is_capped_and_searchable(base, monkeypatch):
    from kzmap import appdata

    titles = list(base.multiselect(key="w_articles").options)  # the seeds list every article, no search box
    assert len(titles) == 5 and not [t for t in at_text_inputs(base) if t == "w_article_q"]
    monkeypatch.setattr(appdata, "ARTICLE_OPTIONS", 2)
    at = run()
    assert not at.exception
    assert list(at.multiselect(key="w_articles").options) == titles[:2]
    assert appdata.article_list_note(2, 5) in notices(at)
    at.text_input(key="w_article_q").set_value("RUSSIA joint").run()  # words of a title, any case
    assert not at.exception
    [label] = at.multiselect(key="w_articles").options
    assert "Russia" in label and label in titles[2:]
    at.multiselect(key="w_articles").set_value([label]).run()
    picked = list(at.multiselect(key="w_articles").value)
    assert len(picked) == 1 and markers(at) < markers(base) and len(qp(at, "article")) == 1
    at.text_input(key="w_article_q").set_value("").run()  # the pick stays listed (and picked) without a search
    assert not at.exception
    assert list(at.multiselect(key="w_articles").options) == [label, *titles[:2]]
    assert list(at.multiselect(key="w_articles").value) == picked
    at.text_input(key="w_article_q").set_value("no such words").run()
    assert list(at.multiselect(key="w_articles").options) == [label]
    assert "No article title or file name contains those words." in notices(at)


def at_text_inputs(at: AppTest) -> list[str]:
    return [t.key for t in at.text_input]


def test_shared_article_link_beyond_the_list_is_kept(base, monkeypatch):
    from kzmap import appdata

    monkeypatch.setattr(appdata, "ARTICLE_OPTIONS", 1)
    last = base.multiselect(key="w_articles").options[-1]
    at = run()
    at.text_input(key="w_article_q").set_value(" ".join(last.split()[-3:])).run()
    at.multiselect(key="w_articles").set_value([last]).run()
    link, picked = qp(at, "article"), list(at.multiselect(key="w_articles").value)
    shared = run({"article": link})  # a new visitor opening the shared link
    assert not shared.exception and len(link) == 1
    assert list(shared.multiselect(key="w_articles").value) == picked
    assert shared.multiselect(key="w_articles").options[0] == last
    assert markers(shared) == markers(at) < markers(base)


def test_reader_search_narrows_its_list(base, monkeypatch):
    from kzmap import appdata

    assert len(base.selectbox(key="w_reader").options) == 5
    monkeypatch.setattr(appdata, "ARTICLE_OPTIONS", 2)
    at = run()
    first = at.selectbox(key="w_reader").value
    assert len(at.selectbox(key="w_reader").options) == 2
    at.text_input(key="w_reader_q").set_value("united kingdom").run()
    assert not at.exception
    [label] = at.selectbox(key="w_reader").options
    assert "United Kingdom" in label and at.selectbox(key="w_reader").value != first
    assert "United Kingdom" in " ".join(h.proto.body for h in at.get("html"))
    at.text_input(key="w_reader_q").set_value("").run()  # the article read stays offered and open
    assert at.selectbox(key="w_reader").options[0] == label
    at.text_input(key="w_reader_q").set_value("no such words").run()  # nothing matches: keep reading it
    assert not at.exception and list(at.selectbox(key="w_reader").options) == [label]


def test_timeline_is_shared_by_new_sessions(monkeypatch):
    from kzmap import appdata

    built = []
    real = appdata.timeline_chart
    monkeypatch.setattr(appdata, "timeline_chart", lambda *a, **k: built.append(1) or real(*a, **k))
    query = {"kind": ["agreement", "plan"], "from": ["2020"]}  # a filter state no other test uses
    first = run(query)
    assert not first.exception and len(built) == 1 and chart_rows(first) > 0
    second = run(query)
    assert not second.exception and len(built) == 1  # a new session reuses the chart
    assert second.get("vega_lite_chart")[0].proto.spec == first.get("vega_lite_chart")[0].proto.spec
    assert chart_rows(second) == chart_rows(first)


def test_old_events_off_the_timelines_axis_are_counted_in_a_caption(tmp_path, monkeypatch):
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    (seeds / "history.md").write_text(
        "---\ntitle: An old school\npublished: 2025-05-01\n---\n"
        "The mining school in Karaganda was founded in 1882 by Russian engineers.\n", encoding="utf-8")
    monkeypatch.setenv("KZMAP_SEEDS", str(seeds))
    at = run()
    assert not at.exception
    assert "1 earlier event (1882) is left off the timeline's axis" in notices(at)
    at = run({"from": "1800", "to": "1900"})  # the years narrowed to it: drawn, no caption
    assert chart_rows(at) >= 1 and "left off the timeline" not in notices(at)
