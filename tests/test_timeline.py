"""The Altair timeline, checked through ``chart.to_dict()``; and the date spans it draws."""
from __future__ import annotations

import pandas as pd
import pytest

from kzmap.colors import partner_color
from kzmap.timeline import BRUSH, NO_PARTNER, PICK, build_timeline, date_bounds, timeline_rows


@pytest.mark.parametrize("date, precision, end, expected", [
    ("2024", "year", None, ("2024-01-01", "2025-01-01")),
    ("2024", None, "2029", ("2024-01-01", "2030-01-01")),
    ("2025-04", "month", None, ("2025-04-01", "2025-05-01")),
    ("2025-12", None, None, ("2025-12-01", "2026-01-01")),
    ("2025-04-25", "day", "2025-04-26", ("2025-04-25", "2025-04-27")),
    ("2024-02-29", "day", None, ("2024-02-29", "2024-03-01")),
    ("2025-04-21", "month", None, ("2025-04-01", "2025-05-01")),
])
def test_date_bounds(date, precision, end, expected):
    assert date_bounds(date, precision, end) == expected


@pytest.mark.parametrize("bad", ["2025-13", "2025-02-30", "April 2025", ""])
def test_date_bounds_rejects_bad_dates(bad):
    with pytest.raises(ValueError, match="date"):
        date_bounds(bad)


def frame():
    base = dict(place=None, evidence="e", article="A & <b>B</b>", source="S", url="", file="f.md")
    return pd.DataFrame([
        dict(base, event_id="e1", date="2024", end="2029", precision="year", kind="plan", title="Plan approved",
             partners=[], date_text="In 2024"),
        dict(base, event_id="e2", date="2025-04-25", end="2025-04-26", precision="day", kind="visit",
             title="Meloni visit", partners=["IT", "UZ"], place="Uzbekistan", date_text="April 25–26"),
        dict(base, event_id="e3", date="2025-04", end=None, precision="month", kind="summit", title="EU summit",
             partners=["EU"], place="Samarkand", date_text="recent"),
    ])


def test_rows_one_per_partner_and_year_spans():
    rows = timeline_rows(frame())
    assert sorted(rows["partner"]) == sorted(["EU", "IT", "UZ", NO_PARTNER])
    plan = rows[rows.event_id == "e1"].iloc[0]
    assert (plan.x_start, plan.x_end) == ("2024-01-01", "2030-01-01")
    assert plan.x_mid not in ("2024-01-01",)  # a year is never drawn on 1 January
    assert set(rows[rows.event_id == "e2"]["partner"]) == {"IT", "UZ"}


def test_chart_layers_encodings_and_params():
    spec = build_timeline(frame()).to_dict()
    marks = [layer["mark"]["type"] for layer in spec["layer"]]
    assert marks == ["bar", "point"]
    bar, point = spec["layer"]
    assert bar["encoding"]["x"]["field"] == "x_start" and bar["encoding"]["x2"]["field"] == "x_end"
    assert point["encoding"]["color"]["field"] == "kind" and point["encoding"]["shape"]["field"] == "precision"
    assert {t["field"] for t in point["encoding"]["tooltip"]} >= {"title", "date_text", "place", "evidence", "source"}
    names = {p["name"] for p in spec.get("params", [])}
    assert {PICK, BRUSH} <= names
    pick = next(p for p in spec["params"] if p["name"] == PICK)
    assert pick["select"]["fields"] == ["event_id"]
    label = point["encoding"]["y"]["axis"]["labelColor"]["expr"]
    assert partner_color("IT") in label and partner_color("EU") in label


def test_text_is_passed_raw_for_the_tooltip_to_escape():
    spec = build_timeline(frame()).to_dict()
    values = next(iter(spec["datasets"].values()))
    assert values[0]["article"] == "A & <b>B</b>"


def test_static_chart_and_empty_frame():
    assert "params" not in build_timeline(frame(), selection=False).to_dict()
    spec = build_timeline(frame().iloc[0:0]).to_dict()
    assert spec["layer"] and next(iter(spec["datasets"].values())) == []


def test_custom_partner_colours():
    spec = build_timeline(frame(), colors={"IT": "#000001"}).to_dict()
    assert "#000001" in spec["layer"][1]["encoding"]["y"]["axis"]["labelColor"]["expr"]


# --- the spec the app draws: a plain dict, valid Vega-Lite, axis fitted to the data --------------
def test_spec_is_valid_vega_lite_and_keeps_the_selections():
    import altair as alt

    from kzmap.timeline import selection_modes, timeline_spec

    spec = timeline_spec(frame(), records=True)
    alt.LayerChart.from_dict(spec, validate=True)  # the schema check the app no longer pays on each rerun
    assert selection_modes(spec) == [PICK, BRUSH]
    assert selection_modes(timeline_spec(frame(), selection=False)) == []
    data = next(iter(timeline_spec(frame())["datasets"].values()))
    assert isinstance(data, pd.DataFrame) and "url" not in data.columns and "file" not in data.columns


@pytest.mark.parametrize("dates, fmt, interval, domain", [
    # one event: the domain is its month, labelled by day, never "2025 2025 2025"
    (["2025-04-21"], "%-d %b %Y", "week", ((2025, 4, 1), (2025, 5, 1))),
    # a few events in one year: months
    (["2025-02", "2025-04-21", "2025-09-03"], "%b %Y", "month", ((2025, 2, 1), (2025, 10, 1))),
    # a year-precision event covers its year: months of that year
    (["2025"], "%b %Y", "month", ((2025, 1, 1), (2026, 1, 1))),
    # several years: whole years, "%Y"
    (["1992", "2025-04-21"], "%Y", "year", ((1992, 1, 1), (2026, 1, 1))),
    # a few events long before the rest stay off the axis, which starts at the main run of years
    (["1882", "2024", "2025-04-21", "2025-06", "2026"], "%Y", "year", ((2024, 1, 1), (2027, 1, 1))),
])
def test_axis_fits_the_span_of_the_data(dates, fmt, interval, domain):
    from kzmap.timeline import timeline_spec

    f = pd.DataFrame([dict(event_id=f"e{i}", date=d, end=None, precision=None, kind="visit", title="t",
                           partners=["RU"]) for i, d in enumerate(dates)])
    x = timeline_spec(f)["layer"][1]["encoding"]["x"]
    assert x["axis"]["format"] == fmt and x["axis"]["tickCount"]["interval"] == interval
    assert [(d["year"], d["month"], d["date"]) for d in x["scale"]["domain"]] == list(domain)


def test_many_events_are_drawn_as_monthly_counts_still_brushable():
    from kzmap.timeline import selection_modes, timeline_spec

    f = pd.concat([frame()] * 1000, ignore_index=True)
    f["event_id"] = [f"e{i}" for i in range(len(f))]
    spec = timeline_spec(f, max_marks=2000)
    data = next(iter(spec["datasets"].values()))
    assert spec["usermeta"]["aggregated"] and len(data) < 20 and data["events"].sum() == 4000
    assert selection_modes(spec) == [BRUSH]
    assert spec["layer"][1]["encoding"]["x"]["field"] == "x_mid"  # the brush reports x_mid, as before


@pytest.mark.parametrize("dates, expected", [
    (["1166", "1218", "1389", "1405"] + [str(y) for y in range(1995, 2031)] * 2, (4, 1166, 1405, 1995)),
    (["1940", "2025", "2025-04", "2026-01-02"], (1, 1940, 1940, 2025)),
    (["1166", "1218", "1389", "1405"], None),  # the years narrowed to the old events: all drawn
    (["1991", "2025", "2026", "2027"], None),  # a span of 60 years or less: all drawn
    (["1940", "1945", "2025", "2026"], None),  # half the events are old: all drawn
    ([None, "1882", "2024", "2025", "2025", "2026"], (1, 1882, 1882, 2024)),  # undated events are ignored
])
def test_old_outliers_are_left_off_the_axis(dates, expected):
    from kzmap.timeline import left_of_axis

    assert left_of_axis(dates) == expected
