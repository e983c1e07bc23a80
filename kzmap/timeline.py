"""The Altair timeline of dated events (no Streamlit here; ``app.py`` shows the chart).

``timeline_spec(events, colors=None, selection=True)`` takes the events frame built by
``kzmap.dataset`` (columns ``event_id, date, end, precision, kind, title, partners, place,
evidence, date_text, article, source, url, file``) and returns the Vega-Lite spec as a plain
dict, built without Altair objects so an app rerun pays no schema validation (the app draws
it with ``st.vega_lite_chart``; ``build_timeline`` wraps it as an ``alt.LayerChart`` for
exports and tests). Only the columns the chart uses go into its data.

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
- **Axis fitted to the data** (``time_axis``): several years -> whole-year domain and "%Y"
  labels; within about a year -> month labels; within two months -> day labels. One event
  never repeats "2025" along the axis.
- **Old outliers left off the axis** (``left_of_axis``): when a few events lie decades before the rest ("founded in
  1882" in a story of this year's plans), the axis starts at the main run of years, so the modern events are not
  squeezed into its last sliver; the app says how many events the axis leaves out, and narrowing the years to them
  draws them.
- **Many events** (more than ``MAX_MARKS`` rows): counts per partner, kind and month
  (``aggregate_rows``), marker size by count; brushable, not pickable.
- **Colour by kind** (``records.EVENT_KINDS``, fixed palette so colours do not move when a
  filter removes a kind).
- **Tooltips** carry the title, the date as written, the normalised date, kind, partner, place,
  evidence sentence, article and source. They are passed as plain text: Vega-Lite's default
  tooltip handler (vega-tooltip, used by vega-embed and Streamlit) escapes values itself
  (its default ``sanitize`` option is ``escapeHTML``), so escaping here would show "&amp;".

Selection parameters (for ``st.vega_lite_chart(spec, on_select="rerun",
selection_mode=selection_modes(spec))``):

- ``pick``: a point selection on ``event_id`` (click an event; shift-click adds). Streamlit
  returns ``state.selection.pick`` as a list of ``{"event_id": ...}``.
- ``brush``: an interval selection on x (drag across time). Streamlit returns
  ``state.selection.brush`` as ``{"x_mid": [t0, t1]}`` (the markers' x field) in milliseconds since the epoch (UTC).

Pass ``selection=False`` for a static chart (exports, tests of the bare encoding).
"""
from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import json
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import lru_cache
from itertools import accumulate

import altair as alt
import pandas as pd

from .colors import partner_color
from .records import EVENT_KINDS, date_precision

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
MAX_MARKS = 2000  # above this many (event, partner) rows the chart draws counts per month
_TEXT_COLUMNS = ("event_id", "kind", "title", "place", "evidence", "date_text", "article", "source")
ROW_COLUMNS = (*_TEXT_COLUMNS, "x_start", "x_end", "x_mid", "precision", "when", "all_partners", "partner")
_TOOLTIP = (("title", "Event"), ("date_text", "Date as written"), ("when", "Date"), ("kind", "Kind"),
            ("all_partners", "Partners"), ("place", "Place"), ("evidence", "Evidence"), ("article", "Article"),
            ("source", "Source"))
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


@lru_cache(maxsize=4096)
def _span(date: str, precision: str | None, end: str | None) -> tuple[str, str, str, str, str]:
    """(x_start, x_end, x_mid, precision, when) of one date; cached: a corpus has few distinct dates."""
    start, stop = date_bounds(date, precision, end)
    s, e = dt.date.fromisoformat(start), dt.date.fromisoformat(stop)
    mid = s + (e - s) / 2 if (e - s).days > 1 else s
    prec = precision or date_precision(date) or "year"
    return start, stop, mid.isoformat(), prec, date + (f" to {end}" if end else "")


def _text(v) -> str | None:
    if v is None or (isinstance(v, float) and pd.isna(v)):
        return None
    v = str(v).strip()
    return v or None


def timeline_rows(events: pd.DataFrame, colors: Mapping[str, str] | None = None,
                  text_columns: tuple[str, ...] = _TEXT_COLUMNS) -> pd.DataFrame:
    """The frame the chart draws: one row per (event, partner), with span and marker dates.

    Only the columns the chart uses (``ROW_COLUMNS``; ``text_columns`` narrows the text ones);
    text is plain (never escaped here). Column-wise, so 40,000 events take a fraction of a second.
    """
    missing = [c for c in ("event_id", "date", "kind", "title") if c not in events.columns]
    if missing:
        raise ValueError(f"events frame lacks column(s) {', '.join(missing)}; build it with kzmap.dataset "
                         f"(expected columns: {', '.join(COLUMNS)})")
    n = len(events)

    def col(name):
        return events[name].tolist() if name in events.columns else [None] * n

    dates = [_text(d) for d in col("date")]
    keep = [i for i, d in enumerate(dates) if d is not None]  # undated rows cannot be placed on a time axis
    precs, ends, partners = col("precision"), col("end"), col("partners")
    spans = [_span(dates[i], _text(precs[i]), _text(ends[i])) for i in keep]
    plist = []
    for i in keep:
        ps = partners[i]
        if isinstance(ps, str):
            ps = [ps]
        elif ps is None or isinstance(ps, float):
            ps = []
        plist.append(list(dict.fromkeys(p for p in ps if p)) or [NO_PARTNER])
    sub = events.iloc[keep] if len(keep) != n else events
    out = {}
    for c in text_columns:
        if c in sub.columns:
            v = sub[c]
            out[c] = v.where(v.notna(), "").astype(str).tolist() if v.dtype == object or str(v.dtype) == "str" \
                else [_plain(x) for x in v.tolist()]
        else:
            out[c] = [""] * len(keep)
    for j, name in enumerate(("x_start", "x_end", "x_mid", "precision", "when")):
        out[name] = [sp[j] for sp in spans]
    out["all_partners"] = [", ".join(p for p in ps if p != NO_PARTNER) for ps in plist]
    out["partner"] = plist
    columns = [c for c in ROW_COLUMNS if c in out]
    frame = pd.DataFrame(out, columns=columns)
    return frame.explode("partner", ignore_index=True) if len(frame) else frame


def _plain(v):
    if v is None or (isinstance(v, float) and pd.isna(v)):
        return ""
    return v if isinstance(v, (str, int, float, bool)) else str(v)


def aggregate_rows(rows: pd.DataFrame) -> pd.DataFrame:
    """Counts per (partner, kind, month of the marker): what is drawn when there are too many events."""
    month = rows["x_mid"].str.slice(0, 7)
    g = rows.assign(month=month).groupby(["partner", "kind", "month"], sort=True)
    agg = g.agg(events=("event_id", "nunique"), title=("title", "first")).reset_index()
    starts = agg["month"] + "-01"
    nxt = pd.to_datetime(starts) + pd.offsets.MonthBegin(1)
    agg["x_start"] = starts
    agg["x_end"] = nxt.dt.strftime("%Y-%m-%d")
    agg["x_mid"] = (pd.to_datetime(starts) + (nxt - pd.to_datetime(starts)) / 2).dt.strftime("%Y-%m-%d")
    agg["title"] = [f"{n} events, e.g. {t}" if n > 1 else t for n, t in zip(agg["events"], agg["title"], strict=True)]
    return agg[["partner", "kind", "month", "events", "title", "x_start", "x_end", "x_mid"]]


OUTLIER_GAP_YEARS = 20  # a gap of more years between event years cuts the main run of years off from older ones
OUTLIER_SHARE = 0.25  # the older events are left off the axis only when they are at most this share of all


def left_of_axis(starts: Sequence[str]) -> tuple[int, int, int, int] | None:
    """(how many, first year, last year, the axis's first year) of the events the axis leaves out, or None.

    ``starts`` are the events' ISO dates. While the years drawn span over 60 years, the axis is cut at the widest
    gap between the years of events, if it is over ``OUTLIER_GAP_YEARS`` and the events before it are a small
    minority (``OUTLIER_SHARE``): "founded in 1882" beside 1992 and 2013 to 2030 leaves out 1882 only."""
    counts = Counter(s[:4] for s in starts if isinstance(s, str))  # (by distinct year: 40,000 events in 5 ms)
    years = sorted((int(y), c) for y, c in counts.items() if y.isdigit() and len(y) == 4)
    before = list(accumulate((c for _, c in years), initial=0))  # before[i]: the events before years[i]
    n, lo = before[-1], 0
    while n >= 4 and years[-1][0] - years[lo][0] > 60:
        k = max(range(lo + 1, len(years)), key=lambda i: years[i][0] - years[i - 1][0])  # the widest gap (first)
        if years[k][0] - years[k - 1][0] <= OUTLIER_GAP_YEARS or before[k] > OUTLIER_SHARE * n:
            break
        lo = k
    return (before[lo], years[0][0], years[lo - 1][0], years[lo][0]) if lo else None


def time_axis(x_start: pd.Series, x_end: pd.Series, from_year: int | None = None) -> tuple[list[dict], dict]:
    """(scale domain, axis properties) fitted to the span of the data.

    Several years: whole-year domain, "%Y" labels, one tick per year (or per few years). Within
    about a year: whole-month domain, month labels ("Apr 2025"). Within two months: day ticks
    ("25 Apr"). The domain is padded to whole periods, so one event never fills the axis with
    the same repeated label. ``from_year`` starts the axis later (``left_of_axis``).
    """
    lo = dt.date.fromisoformat(min(x_start)) if len(x_start) else dt.date(dt.date.today().year, 1, 1)
    if from_year is not None:
        lo = max(lo, dt.date(from_year, 1, 1))
    hi = dt.date.fromisoformat(max(x_end)) if len(x_end) else dt.date(lo.year + 1, 1, 1)
    hi = hi - dt.timedelta(days=1)  # the last day covered (x_end is exclusive)
    months = (hi.year - lo.year) * 12 + hi.month - lo.month + 1
    if months > 24:
        a, b = dt.date(lo.year, 1, 1), dt.date(hi.year + 1, 1, 1)
        years = b.year - a.year
        step = max(1, -(-years // 8))
        axis = {"format": "%Y", "tickCount": {"interval": "year", "step": step}}
    elif months > 2:
        a = dt.date(lo.year, lo.month, 1)
        b = dt.date(hi.year + (hi.month == 12), hi.month % 12 + 1, 1)
        step = max(1, -(-months // 6))
        axis = {"format": "%b %Y", "tickCount": {"interval": "month", "step": step}}
    else:
        a = dt.date(lo.year, lo.month, 1)
        b = dt.date(hi.year + (hi.month == 12), hi.month % 12 + 1, 1)
        axis = {"format": "%-d %b %Y", "tickCount": {"interval": "week", "step": 1}}
    domain = [{"year": x.year, "month": x.month, "date": x.day, "utc": True} for x in (a, b)]
    return domain, axis


def timeline_spec(events: pd.DataFrame, colors: Mapping[str, str] | None = None, selection: bool = True,
                  records: bool = False, max_marks: int = MAX_MARKS) -> dict:
    """The Vega-Lite spec of the timeline as a plain dict (see the module docstring).

    Built directly, without Altair objects: no schema validation on every rerun (the tests
    validate the spec once with Altair). ``datasets`` holds a DataFrame, which
    ``st.vega_lite_chart`` turns into Arrow; ``records=True`` gives JSON-ready rows instead.
    Above ``max_marks`` rows the chart draws counts per partner, kind and month (see
    ``aggregate_rows``): brushing still works, picking single events does not.
    """
    aggregated = len(events) > max_marks  # at least as many rows as events: counts for sure
    rows = timeline_rows(events, colors, text_columns=("event_id", "kind", "title") if aggregated else _TEXT_COLUMNS)
    aggregated = aggregated or len(rows) > max_marks
    data = aggregate_rows(rows) if aggregated else rows
    partners = sorted(p for p in data["partner"].unique() if p != NO_PARTNER)
    if (data["partner"] == NO_PARTNER).any():
        partners.append(NO_PARTNER)
    color_of = {p: (colors or {}).get(p) or partner_color(None if p == NO_PARTNER else p) for p in partners}
    left_out = left_of_axis(events["date"].tolist())
    domain, axis = time_axis(data["x_start"], data["x_end"], left_out[3] if left_out else None)
    x_scale = {"type": "utc", "domain": domain, "nice": False}
    x_axis = {"title": None, "grid": True, "labelOverlap": True, **axis}
    y = {"field": "partner", "type": "nominal", "sort": partners, "title": None,
         "axis": {"labelColor": {"expr": f"{json.dumps(color_of)}[datum.value] || '#999999'"},
                  "labelFontWeight": "bold", "labelFontSize": 12, "ticks": False, "domain": False}}
    kinds_here = [k for k in EVENT_KINDS if k in set(data["kind"])]
    kind = {"field": "kind", "type": "nominal", "title": "Kind", "legend": {"values": kinds_here},
            "scale": {"domain": list(EVENT_KINDS), "range": [KIND_COLORS[k] for k in EVENT_KINDS]}}
    if aggregated:
        tooltip = [{"field": "title", "type": "nominal", "title": "Events"},
                   {"field": "month", "type": "nominal", "title": "Month"},
                   {"field": "kind", "type": "nominal", "title": "Kind"},
                   {"field": "partner", "type": "nominal", "title": "Partner"},
                   {"field": "events", "type": "quantitative", "title": "Count"}]
    else:
        tooltip = [{"field": f, "type": "nominal", "title": t} for f, t in _TOOLTIP]
    name = "timeline-" + _digest(data)
    spans = {"mark": {"type": "bar", "height": 10, "opacity": 0.35, "cornerRadius": 2, "clip": True},
             "encoding": {"x": {"field": "x_start", "type": "temporal"},
                          "x2": {"field": "x_end"}, "y": y, "color": kind, "tooltip": tooltip}}
    # The x scale and axis are given once, on the layer that holds the brush: given on the bars too, the brush's
    # shared scale saw the domain twice (once as Vega signals) and the browser's console warned of a conflict.
    point_enc = {"x": {"field": "x_mid", "type": "temporal", "scale": x_scale, "axis": x_axis}, "y": y,
                 "color": kind, "tooltip": tooltip}
    if aggregated:
        point_enc["size"] = {"field": "events", "type": "quantitative", "title": "Events",
                             "scale": {"range": [40, 400]}}
    else:
        point_enc["shape"] = {"field": "precision", "type": "nominal", "title": "Date precision",
                              "legend": {"values": [p for p in PRECISION_SHAPES if p in set(data["precision"])]},
                              "scale": {"domain": list(PRECISION_SHAPES), "range": list(PRECISION_SHAPES.values())}}
    points = {"mark": {"type": "point", "filled": True, "size": 110, "opacity": 0.95, "stroke": "white", "clip": True,
                       "strokeWidth": 1}, "encoding": point_enc}
    if selection:
        brush = {"name": BRUSH, "select": {"type": "interval", "encodings": ["x"]}}
        if aggregated:
            points["params"] = [brush]
        else:
            points["params"] = [{"name": PICK, "select": {"type": "point", "fields": ["event_id"], "on": "click",
                                                          "clear": "dblclick"}}, brush]
            point_enc["opacity"] = {"condition": {"param": PICK, "value": 0.95}, "value": 0.25}
            point_enc["size"] = {"condition": {"param": PICK, "value": 110}, "value": 70}
            spans["encoding"]["opacity"] = {"condition": {"param": PICK, "value": 0.4}, "value": 0.12}
    # Streamlit fits legends inside the height: leave room for the two legends' entries
    legend_rows = len(kinds_here) + (0 if aggregated else len(set(data["precision"])))
    height = max(60, ROW_HEIGHT * max(1, len(partners)), 80 + 22 * legend_rows)
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "data": {"name": name},
        "datasets": {name: data.to_dict("records") if records else data},
        "layer": [spans, points],
        "height": height, "width": "container",
        "resolve": {"scale": {"x": "shared"}},
        # (how many events the axis leaves out, their first and last year, the axis's first year: the app's caption)
        "usermeta": {"aggregated": aggregated, "rows": int(len(rows)), "left_of_axis": left_out},
    }


def selection_modes(spec: Mapping) -> list[str]:
    """The selection parameters of ``spec`` (what ``st.vega_lite_chart(selection_mode=...)`` takes)."""
    return [p["name"] for layer in spec.get("layer", []) for p in layer.get("params", [])]


def _digest(data: pd.DataFrame) -> str:
    if data.empty:
        return "empty"
    h = pd.util.hash_pandas_object(data[[c for c in ("event_id", "partner", "x_start", "kind", "events")
                                         if c in data.columns]], index=False)
    return hashlib.sha1(h.to_numpy().tobytes()).hexdigest()[:16]


def build_timeline(events: pd.DataFrame, colors: Mapping[str, str] | None = None,
                   selection: bool = True) -> alt.LayerChart:
    """The timeline as an Altair chart (for exports and tests; the app draws ``timeline_spec``)."""
    return alt.LayerChart.from_dict(timeline_spec(events, colors, selection, records=True), validate=False)
