"""The Altair timeline of dated events (no Streamlit here; ``app.py`` shows the chart).

``build_timeline(events, colors=None, selection=True)`` takes the events frame built by
``kzmap.dataset`` (columns ``event_id, date, end, precision, kind, title, partners, place,
evidence, date_text, article, source, url, file``) and returns an ``alt.LayerChart``:

- **One row per partner.** An event with several partners (an EU-Italy-Uzbekistan visit)
  appears once in each partner's row, so reading a partner's row gives all its events and the
  rows agree with the partner filter of the map; the copies share one ``event_id``, so picking
  one highlights all. Events without a partner go to a row labelled "(none)". Row labels are
  drawn in the partner's colour (``kzmap.colors.partner_color``, shared with the map) unless
  ``colors`` (partner code -> colour) overrides it.
- **x at the event's own precision.** Every event is a span from the start of its period to
  the start of the next (``date_bounds``): a year-precision event covers the whole year, a
  month the month, a range ("from 2024 to 2029", "April 25-26") its whole range, so multi-year
  plans are range bars. A marker sits at the middle of the span, its shape telling the
  precision (circle = day, square = month, diamond = year); an event dated "2024" is never
  drawn on 1 January.
- **Colour by kind** (``records.EVENT_KINDS``, fixed palette so colours do not move when a
  filter removes a kind).
- **Tooltips** carry the title, the date as written, the normalised date, kind, partner, place,
  evidence sentence, article and source. They are passed as plain text: Vega-Lite's default
  tooltip handler (vega-tooltip, used by vega-embed and Streamlit) escapes values itself
  (its default ``sanitize`` option is ``escapeHTML``), so escaping here would show "&amp;".

Selection parameters (for ``st.altair_chart(chart, on_select="rerun")``):

- ``pick``: a point selection on ``event_id`` (click an event; shift-click adds). Streamlit
  returns ``state.selection.pick`` as a list of ``{"event_id": ...}``.
- ``brush``: an interval selection on x (drag across time). Streamlit returns
  ``state.selection.brush`` as ``{"x_mid": [t0, t1]}`` (the markers' x field) in milliseconds since the epoch (UTC).

Pass ``selection=False`` for a static chart (exports, tests of the bare encoding).
"""
from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from collections.abc import Mapping

import altair as alt
import pandas as pd

from .colors import partner_color
from .records import EVENT_KINDS

KIND_COLORS = {
    "agreement": "#1b9e77", "summit": "#d95f02", "visit": "#7570b3", "project": "#e7298a",
    "announcement": "#66a61e", "investment": "#e6ab02", "plan": "#a6761d", "other": "#666666",
}
PRECISION_SHAPES = {"day": "circle", "month": "square", "year": "diamond"}
NO_PARTNER = "(none)"
PICK = "pick"
BRUSH = "brush"
ROW_HEIGHT = 34
COLUMNS = ("event_id", "date", "end", "precision", "kind", "title", "partners", "place", "evidence", "date_text",
           "article", "source", "url", "file")
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _parse(date: str) -> tuple[int, int | None, int | None]:
    m = _DATE.fullmatch(str(date).strip()) if date is not None else None
    if not m:
        raise ValueError(f"date {date!r} is not YYYY, YYYY-MM or YYYY-MM-DD; fix the event's date")
    y, mo, d = (int(x) if x else None for x in m.groups())
    if mo is not None and not 1 <= mo <= 12 or (d is not None and not 1 <= d <= calendar.monthrange(y, mo)[1]):
        raise ValueError(f"date {date!r} has no such month or day; fix the event's date")
    return y, mo, d


def date_bounds(date: str, precision: str | None = None, end: str | None = None) -> tuple[str, str]:
    """The span an event covers, as ISO days: (first day, first day after the span).

    ``date_bounds("2024", "year")`` -> ``("2024-01-01", "2025-01-01")``;
    ``date_bounds("2025-04-25", "day", "2025-04-26")`` -> ``("2025-04-25", "2025-04-27")``.
    ``precision`` defaults to the date's own; ``end`` (any precision) extends the span to the
    end of that period. The end is exclusive, so spans of adjacent periods touch but never
    overlap; filters can test ``start <= t < end``.
    """
    y, mo, d = _parse(date)
    precision = precision or ("day" if d else "month" if mo else "year")
    if precision not in PRECISION_SHAPES:
        raise ValueError(f"precision {precision!r} is not one of day, month, year")
    if precision == "year" or mo is None:
        start, stop = dt.date(y, 1, 1), dt.date(y + 1, 1, 1)
    elif precision == "month" or d is None:
        start = dt.date(y, mo, 1)
        stop = dt.date(y + (mo == 12), mo % 12 + 1, 1)
    else:
        start = dt.date(y, mo, d)
        stop = start + dt.timedelta(days=1)
    if end:
        _, end_stop = date_bounds(end)
        stop = max(stop, dt.date.fromisoformat(end_stop))
    return start.isoformat(), stop.isoformat()


def timeline_rows(events: pd.DataFrame, colors: Mapping[str, str] | None = None) -> pd.DataFrame:
    """The frame the chart draws: one row per (event, partner), with span and marker dates."""
    missing = [c for c in ("event_id", "date", "kind", "title") if c not in events.columns]
    if missing:
        raise ValueError(f"events frame lacks column(s) {', '.join(missing)}; build it with kzmap.dataset "
                         f"(expected columns: {', '.join(COLUMNS)})")
    rows = []
    for rec in events.to_dict("records"):
        date = rec.get("date")
        if date is None or (isinstance(date, float) and pd.isna(date)) or str(date).strip() == "":
            continue  # an undated row cannot be placed on a time axis (the dataset should not send it)
        precision = rec.get("precision") or None
        end = rec.get("end")
        end = None if end is None or (isinstance(end, float) and pd.isna(end)) or end == "" else str(end)
        start, stop = date_bounds(str(date), precision, end)
        s, e = dt.date.fromisoformat(start), dt.date.fromisoformat(stop)
        mid = s + (e - s) / 2 if (e - s).days > 1 else s
        partners = rec.get("partners")
        if isinstance(partners, str):
            partners = [partners]
        partners = [p for p in (list(partners) if partners is not None else []) if p] or [NO_PARTNER]
        base = {k: _plain(rec.get(k)) for k in COLUMNS if k not in ("partners",)}
        base.update(x_start=start, x_end=stop, x_mid=mid.isoformat(),
                    precision=precision or ("day" if len(str(date)) == 10 else "month" if len(str(date)) == 7
                                            else "year"),
                    when=str(date) + (f" to {end}" if end else ""), all_partners=", ".join(
                        p for p in partners if p != NO_PARTNER))
        for p in dict.fromkeys(partners):
            rows.append({**base, "partner": p})
    return pd.DataFrame(rows, columns=[*(c for c in COLUMNS if c != "partners"), "x_start", "x_end", "x_mid", "when",
                                       "all_partners", "partner"])


def _plain(v):
    if v is None or (isinstance(v, float) and pd.isna(v)):
        return ""
    return v if isinstance(v, (str, int, float, bool)) else str(v)


def build_timeline(events: pd.DataFrame, colors: Mapping[str, str] | None = None,
                   selection: bool = True) -> alt.LayerChart:
    """The timeline chart of ``events`` (see the module docstring for encodings and params)."""
    data = timeline_rows(events, colors)
    partners = sorted(p for p in data["partner"].unique() if p != NO_PARTNER)
    if (data["partner"] == NO_PARTNER).any():
        partners.append(NO_PARTNER)
    color_of = {p: (colors or {}).get(p) or partner_color(None if p == NO_PARTNER else p) for p in partners}
    label_color = alt.expr(f"{json.dumps(color_of)}[datum.value] || '#999999'")
    y = alt.Y("partner:N", sort=partners, title=None,
              axis=alt.Axis(labelColor=label_color, labelFontWeight="bold", labelFontSize=12, ticks=False,
                            domain=False))
    kind = alt.Color("kind:N", title="Kind", scale=alt.Scale(domain=list(EVENT_KINDS),
                                                             range=[KIND_COLORS[k] for k in EVENT_KINDS]))
    tooltip = [
        alt.Tooltip("title:N", title="Event"), alt.Tooltip("date_text:N", title="Date as written"),
        alt.Tooltip("when:N", title="Date"), alt.Tooltip("kind:N", title="Kind"),
        alt.Tooltip("all_partners:N", title="Partners"), alt.Tooltip("place:N", title="Place"),
        alt.Tooltip("evidence:N", title="Evidence"), alt.Tooltip("article:N", title="Article"),
        alt.Tooltip("source:N", title="Source"),
    ]
    x_scale = alt.Scale(type="utc")
    x_axis = alt.Axis(title=None, format="%Y", grid=True, labelOverlap=True)
    base = alt.Chart(data)
    spans = base.mark_bar(height=10, opacity=0.35, cornerRadius=2).encode(
        x=alt.X("x_start:T", scale=x_scale, axis=x_axis), x2="x_end:T", y=y, color=kind, tooltip=tooltip)
    points = base.mark_point(filled=True, size=110, opacity=0.95, stroke="white", strokeWidth=1).encode(
        x=alt.X("x_mid:T", scale=x_scale, axis=x_axis), y=y, color=kind,
        shape=alt.Shape("precision:N", title="Date precision",
                        scale=alt.Scale(domain=list(PRECISION_SHAPES), range=list(PRECISION_SHAPES.values()))),
        tooltip=tooltip)
    if selection:
        pick = alt.selection_point(name=PICK, fields=["event_id"], on="click", clear="dblclick")
        brush = alt.selection_interval(name=BRUSH, encodings=["x"])
        points = points.add_params(pick, brush).encode(
            opacity=alt.condition(pick, alt.value(0.95), alt.value(0.25)),
            size=alt.condition(pick, alt.value(110), alt.value(70)))
        spans = spans.encode(opacity=alt.condition(pick, alt.value(0.4), alt.value(0.12)))
    height = max(60, ROW_HEIGHT * max(1, len(partners)))
    return alt.layer(spans, points).properties(height=height, width="container").resolve_scale(x="shared")
