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
