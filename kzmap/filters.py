"""One filter state applied to both tables, so the map and the timeline never disagree.

``FilterState`` holds plain values only (it lives in ``st.session_state`` and in the URL).
Empty tuples and None mean "no restriction".

How each filter reaches each table:

========== ================================================ ==========================================
filter     events (timeline, evidence table)                place mentions (map)
========== ================================================ ==========================================
partners   the event names one of them                      its sentence (else article) names one
kinds      the event is of one of these kinds               it lies in the evidence of such an event
dates      the event's span overlaps [from, to]             its date (event, else article) overlaps
articles   from one of these articles                       from one of these articles
places     the evidence mentions one of these places       unchanged (markers stay clickable)
           (the map click)
events     unchanged on the timeline, narrowed in the       only places in these events' evidence
           evidence table (the timeline selection)
========== ================================================ ==========================================
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property

import numpy as np
import pandas as pd

from .dataset import MentionIndex, date_bounds, partner_tally


@dataclass(frozen=True)
class FilterState:
    partners: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    date_from: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD; from its first day
    date_to: str | None = None  # to its last day
    articles: tuple[str, ...] = ()  # Article.path values
    places: tuple[str, ...] = ()  # selected place ids (a marker click)
    events: tuple[str, ...] = ()  # selected event ids (a timeline selection)

    @property
    def has_selection(self) -> bool:
        return bool(self.places or self.events)


@dataclass
class View:
    """Everything the app draws for one state."""
    markers: pd.DataFrame  # places to draw as markers (selected ones flagged)
    places: pd.DataFrame  # all places of the filtered mentions, countries included (downloads)
    timeline: pd.DataFrame  # events for the chart: every filter but the timeline's own selection
    table: pd.DataFrame  # events for the evidence table: every filter, both selections
    notes: list[str] = field(default_factory=list)
    index: MentionIndex | None = None  # the mention rows, and which of them pass (``rows``, ascending)
    rows: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.intp))

    @cached_property
    def mentions(self) -> pd.DataFrame:
        """The filtered mention rows (made on first use: taking rows out of a big frame is slow)."""
        return self.index.frame.iloc[self.rows]

    @property
    def n_articles(self) -> int:
        """Articles with at least one kept mention."""
        return len(np.unique(self.index.file[self.rows])) if len(self.rows) else 0

    @property
    def partner_codes(self) -> set[str]:
        """Every partner named by a kept mention."""
        sets = self.index.partner_sets
        return {p for code in np.unique(self.index.partners[self.rows]).tolist() if code >= 0 for p in sets[code]}

    def country_counts(self, measure: str = "mentions") -> dict[str, int]:
        """``dataset.country_counts(self.mentions, self.timeline, measure)``, from the codes."""
        if measure == "events":
            return partner_tally(self.timeline.get("partners", []))
        return dict(self.index.partner_counts(self.rows))


def date_window(state: FilterState) -> tuple[date | None, date | None]:
    lo = date_bounds(state.date_from)
    hi = date_bounds(state.date_to)
    return (lo[0] if lo else None), (hi[1] if hi else None)


def _overlaps(starts: pd.Series, stops: pd.Series, lo: date | None, hi: date | None) -> pd.Series:
    keep = pd.Series(True, index=starts.index)
    if lo is not None:
        keep &= stops.notna() & (stops >= pd.Timestamp(lo))
    if hi is not None:
        keep &= starts.notna() & (starts <= pd.Timestamp(hi))
    return keep


def _any_in(values: pd.Series, wanted: tuple[str, ...]) -> pd.Series:
    """Whether each value (a list of codes) shares one with ``wanted``; one explode, no Python per row."""
    flat = pd.Series(values.to_numpy(), copy=False).explode()
    keep = np.zeros(len(values), dtype=bool)
    keep[flat.index.to_numpy()[flat.isin(set(wanted)).to_numpy()]] = True
    return pd.Series(keep, index=values.index)


def _ids_in(ids: pd.Series, wanted: tuple[str, ...]) -> pd.Series:
    """``ids.isin(wanted)`` through a set: ``isin`` on a string column walks a big ``wanted`` slowly
    (0.1 s for the 20,000 events of a wide timeline brush)."""
    chosen = set(wanted)
    return pd.Series(np.fromiter((v in chosen for v in ids.tolist()), dtype=bool, count=len(ids)), index=ids.index)


def filter_events(events: pd.DataFrame, state: FilterState, *, selection: bool = True) -> pd.DataFrame:
    """Events passing ``state``; with ``selection`` False the map/timeline selections are ignored."""
    if events.empty:
        return events
    keep = pd.Series(True, index=events.index)
    if state.partners:
        keep &= _any_in(events["partners"], state.partners)
    if state.kinds:
        keep &= events["kind"].isin(state.kinds)
    lo, hi = date_window(state)
    if lo or hi:
        keep &= _overlaps(events["date_start"], events["date_stop"], lo, hi)
    if state.articles:
        keep &= events["file"].isin(state.articles)
    if selection and state.places:
        keep &= _any_in(events["places"], state.places)
    if selection and state.events:
        keep &= _ids_in(events["event_id"], state.events)
    return events if keep.all() else events[keep]  # no copy of a big table when nothing is filtered out


def mention_rows(index: MentionIndex, state: FilterState, events: pd.DataFrame | None = None) -> np.ndarray:
    """Positions of the mention rows passing ``state`` (the map click does not narrow the map itself)."""
    keep = np.ones(index.n, dtype=bool)
    if not index.n:
        return np.flatnonzero(keep)
    if state.partners:
        chosen = set(state.partners)
        keep &= index.lut(index.partner_sets, index.partners, lambda vs: chosen.intersection(vs or ()))
    if state.kinds:
        kinds = set(state.kinds)
        keep &= index.lut(index.kind_sets, index.kinds, lambda ks: set(ks or ()) & kinds)
    lo, hi = date_window(state)
    if lo or hi:
        frame = index.frame
        keep &= _overlaps(frame["date_start"], frame["date_stop"], lo, hi).to_numpy()
    if state.articles:
        articles = set(state.articles)
        keep &= index.lut(index.files, index.file, lambda f: f in articles)
    if state.events and events is not None:
        chosen_events = events[_ids_in(events["event_id"], state.events)]
        place_ids = {p for ps in chosen_events["places"] for p in ps}
        files = set(chosen_events["file"].tolist())
        keep &= index.lut(index.place_ids, index.place, lambda p: p in place_ids)
        keep &= index.lut(index.files, index.file, lambda f: f in files)
    return np.flatnonzero(keep)


def filter_mentions(mentions: pd.DataFrame, state: FilterState, events: pd.DataFrame | None = None) -> pd.DataFrame:
    """Mention rows passing ``state`` (the map click does not narrow the map itself)."""
    if mentions.empty:
        return mentions
    return mentions.iloc[mention_rows(MentionIndex(mentions), state, events)]


def apply(state: FilterState, mentions: pd.DataFrame, events: pd.DataFrame, index: MentionIndex | None = None) -> View:
    """The whole view for ``state``: markers, places, timeline events and evidence-table events.

    ``index`` is ``MentionIndex(mentions)``, made here when not given (the app keeps one per corpus)."""
    index = index if index is not None and index.frame is mentions else MentionIndex(mentions)
    rows = mention_rows(index, state, events)
    places = index.aggregate(rows, selected=state.places)
    markers = places[places["marker"]] if not places.empty else places
    timeline = filter_events(events, replace(state, events=()))
    # the table is the timeline narrowed by the timeline's own selection (same rows as filtering again)
    table = timeline[_ids_in(timeline["event_id"], state.events)] if state.events and not timeline.empty else timeline
    notes = []
    if state.places and not places.empty and not places["selected"].any():
        notes.append("The selected place is hidden by the other filters.")
    return View(markers=markers.reset_index(drop=True), places=places, timeline=timeline, table=table, notes=notes,
                index=index, rows=rows)


def events_in_range(events: pd.DataFrame, start: object, stop: object) -> tuple[str, ...]:
    """Ids of events overlapping [start, stop] (a brush on the timeline); bad bounds -> ()."""
    def stamp(v: object) -> pd.Timestamp:
        # Vega-Lite reports temporal brush bounds as epoch milliseconds
        if isinstance(v, int | float) and not isinstance(v, bool):
            return pd.Timestamp(v, unit="ms")
        return pd.Timestamp(v)

    try:
        lo, hi = stamp(start), stamp(stop)
    except (ValueError, TypeError, OverflowError):
        return ()
    if pd.isna(lo) or pd.isna(hi) or events.empty:
        return ()
    lo, hi = min(lo, hi), max(lo, hi)
    hit = events["date_stop"].notna() & (events["date_stop"] >= lo) & (events["date_start"] <= hi)
    return tuple(events.loc[hit, "event_id"].tolist())
