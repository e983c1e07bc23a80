"""Extractions -> the tables the map and the timeline read.

Three frames, all pure functions of a list of ``Extraction``:

- ``mentions_frame``: one row per place mention, with the partners named in its sentence, the
  events whose evidence contains it and its date. Filters work on this long table, so counts
  stay right when only some articles, partners or dates are chosen.
- ``places_frame``: one row per place (``aggregate_places`` of the mentions): mention count,
  partners with counts, leading partner, articles, evidence items. Countries and macro regions
  are rows too but ``marker`` is False: they are shaded on the map, not drawn as dots.
- ``events_frame``: one row per event, with the columns the timeline codes against.
"""
from __future__ import annotations

import hashlib
import json
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date

import numpy as np
import pandas as pd
from pandas.api.types import union_categoricals

from .colors import partner_color
from .gazetteer import HISTORICAL
from .records import Extraction, date_precision

NON_MARKER_KINDS = frozenset({"country", "macro_region"})
HOME = "KZ"  # the subject of every article, never counted as a partner (nor is a historical state)

EVENT_COLUMNS = ["event_id", "date", "end", "precision", "kind", "title", "partners", "place", "evidence",
                 "date_text", "article", "source", "url", "file", "published"]
# Extra event columns kzmap adds for filtering and plotting (after the contract's columns).
EVENT_EXTRA = ["places", "date_start", "date_stop", "confidence"]

MENTION_COLUMNS = ["place_id", "name", "kind", "country", "lat", "lon", "marker", "surface", "sentence",
                   "start", "end", "file", "title", "source", "url", "published", "partners",
                   "event_ids", "event_kinds", "date", "date_start", "date_stop"]

# text columns of the mentions table with few distinct values for their length (``MentionColumns.frame``)
COMPACT_COLUMNS = frozenset({"place_id", "name", "kind", "country", "surface", "sentence", "file", "title",
                             "source", "url", "published", "date"})

PLACE_COLUMNS = ["id", "name", "kind", "country", "lat", "lon", "marker", "mentions", "partners",
                 "leading_partner", "color", "articles", "n_articles", "evidence"]


# --- dates ------------------------------------------------------------------------------------

def date_bounds(value: str | None) -> tuple[date, date] | None:
    """First and last day covered by a ``YYYY``/``YYYY-MM``/``YYYY-MM-DD`` string; None if malformed."""
    if not value or not isinstance(value, str):
        return None
    try:
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 1:
            return date(parts[0], 1, 1), date(parts[0], 12, 31)
        if len(parts) == 2:
            first = date(parts[0], parts[1], 1)
            nxt = date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
            return first, date.fromordinal(nxt.toordinal() - 1)
        if len(parts) == 3:
            d = date(*parts)
            return d, d
    except (ValueError, OverflowError):
        return None
    return None


def _ts(d: date | None) -> pd.Timestamp:
    return pd.Timestamp(d) if d is not None else pd.NaT


# --- ids ----------------------------------------------------------------------------------------

def event_id(file: str, start: int, kind: str, when: str) -> str:
    """Stable short id of an event: same article, offset, kind and date -> same id on every run."""
    return "e" + hashlib.sha1(f"{file}\x00{start}\x00{kind}\x00{when}".encode()).hexdigest()[:10]


def article_key(file: str) -> str:
    """Short stable id of an article (for URLs and widget options)."""
    return "a" + hashlib.sha1(file.encode()).hexdigest()[:8]


# --- frames -------------------------------------------------------------------------------------

def _sentence_of(starts: Sequence[int], offset: int) -> int:
    return max(0, bisect_right(starts, offset) - 1)


def _sentence_text(x: Extraction, index: int) -> tuple[str, int]:
    """Sentence ``index`` of the article and its start offset in the body."""
    if 0 <= index < len(x.sentences):
        lo, hi = x.sentences[index]
        return x.article.body[lo:hi], lo
    return "", 0


def _nearby(by_sentence: dict[int, Counter], index: int, reach: int = 2) -> Counter | None:
    """Partners named in sentence ``index``, else in the nearest sentence before (then after) it."""
    for step in range(reach + 1):
        for i in (index - step, index + step):
            if by_sentence.get(i):
                return by_sentence[i]
    return None


def _evidence_end(e) -> int:
    return e.evidence_end if e.evidence_end > e.evidence_start else e.evidence_start + len(e.evidence)


def _within(e, offset: int) -> bool:
    """Whether body offset ``offset`` lies in the evidence sentence of event ``e``."""
    return e.evidence_start <= offset < _evidence_end(e)


class MentionColumns:
    """The mention rows of ``mentions_frame``, gathered column by column, one extraction at a time.

    A dict per row cost 1 KB for each of the 600,000 mentions of 10,000 articles (the server's
    peak memory); lists per column, with each article's sentences, partner lists and dates made
    once and shared by its mentions, cost a fraction of that. Equal texts of different articles
    are kept once too (each extraction brings its own copies). ``frame()`` gives the same table."""

    def __init__(self) -> None:
        self.cols: dict[str, list] = {c: [] for c in MENTION_COLUMNS}
        self._dates: dict[tuple, tuple] = {}  # (date, end) -> (date_start, date_stop): parsed once per corpus
        self._same: dict = {}  # text or tuple -> the one equal object the columns keep

    def _stamps(self, when: str | None, end: str | None) -> tuple:
        key = (when, end)
        got = self._dates.get(key)
        if got is None:
            bounds = date_bounds(when)
            if end and date_bounds(end):
                bounds = (bounds[0], date_bounds(end)[1])
            got = self._dates[key] = (_ts(bounds[0] if bounds else None), _ts(bounds[1] if bounds else None))
        return got

    def _event_fields(self, inside: list[tuple], published: str | None) -> tuple:
        """(date, date_start, date_stop, event ids, event kinds) of a mention inside the evidence of the
        events ``inside`` ((start, end, id, event) each): dated by the first with a date, else by the
        article's publication date."""
        dated = next((e for *_, e in inside if date_bounds(e.date)), None)
        when = dated.date if dated else published
        return (when, *self._stamps(when, dated.end if dated else None), tuple(eid for _, _, eid, _ in inside),
                tuple(e.kind for *_, e in inside))

    def add(self, x: Extraction) -> None:
        a = x.article
        starts = [lo for lo, _ in x.sentences]
        sentence_partners: dict[int, Counter] = {}
        for pm in x.partner_mentions:
            if pm.code == HOME or pm.code in HISTORICAL:
                continue
            sentence_partners.setdefault(_sentence_of(starts, pm.start), Counter())[pm.code] += 1
        foreign = [p for p in x.partners if p.code != HOME]
        top = max((p.count for p in foreign), default=0)
        article_partners = tuple(sorted(p.code for p in foreign if p.count == top))
        evs = [(e.evidence_start, _evidence_end(e), event_id(a.path, e.evidence_start, e.kind, e.date), e)
               for e in x.events]
        sentences: dict[int, tuple[str, int]] = {}
        partners_of: dict[int, tuple] = {}
        # what the events around a mention give it, per distinct set of events (most mentions share one: none)
        by_events: dict[tuple[int, ...], tuple] = {}
        c = self.cols
        same = self._same.setdefault
        for m in x.mentions:
            got = sentences.get(m.sentence)
            if got is None:
                got = sentences[m.sentence] = _sentence_text(x, m.sentence)
            sent, sent_start = got
            if not sent:  # no sentence table: fall back to the mention itself
                sent, sent_start = a.body[m.start:m.end], m.start
            partners = partners_of.get(m.sentence)
            if partners is None:
                counts = _nearby(sentence_partners, m.sentence)
                partners = tuple(sorted(counts, key=lambda k: (-counts[k], k))) if counts else article_partners  # noqa: B023
                partners_of[m.sentence] = partners
            key = tuple(k for k, (lo, hi, _, _) in enumerate(evs) if lo <= m.start < hi) if evs else ()
            got_events = by_events.get(key)
            if got_events is None:
                got_events = by_events[key] = self._event_fields([evs[k] for k in key], a.published)
            when, date_start, date_stop, eids, kinds = got_events
            p = m.place
            c["place_id"].append(same(p.id, p.id))
            c["name"].append(same(p.name, p.name))
            c["kind"].append(same(p.kind, p.kind))
            c["country"].append(same(p.country, p.country))
            c["lat"].append(float(p.lat))
            c["lon"].append(float(p.lon))
            c["marker"].append(p.kind not in NON_MARKER_KINDS)
            c["surface"].append(same(m.surface, m.surface))
            c["sentence"].append(same(sent, sent))
            c["start"].append(m.start - sent_start)  # offsets within the sentence
            c["end"].append(m.end - sent_start)
            c["file"].append(a.path)
            c["title"].append(a.title)
            c["source"].append(a.source)
            c["url"].append(a.url)
            c["published"].append(a.published)
            c["partners"].append(same(partners, partners))
            c["event_ids"].append(eids)
            c["event_kinds"].append(kinds)
            c["date"].append(when)
            c["date_start"].append(date_start)
            c["date_stop"].append(date_stop)

    def frame(self, compact: bool = False) -> pd.DataFrame:
        """The table; with ``compact`` its repeated text columns are categoricals (same values, a code per
        row: 10,000 articles' titles and sentences took 150 MB as plain strings)."""
        if not self.cols["place_id"]:
            return pd.DataFrame([], columns=MENTION_COLUMNS)
        if not compact:
            return pd.DataFrame(self.cols, columns=MENTION_COLUMNS)
        return pd.DataFrame({c: categorical(v) if c in COMPACT_COLUMNS else v for c, v in self.cols.items()},
                            columns=MENTION_COLUMNS)


def categorical(values: list) -> pd.Categorical:
    """``pd.Categorical(values)`` (same categories, dtype and codes), made from the distinct values: the
    constructor first converts every value to pandas' string dtype: about 300 MB more at the peak for the
    600,000 mentions of 10,000 articles."""
    codes, distinct = pd.factorize(np.array(values, dtype=object))
    missing = [None] if (codes < 0).any() else []  # kept among the distinct values: it shapes the dtype
    cat = pd.Categorical([*distinct, *missing])
    return pd.Categorical.from_codes(np.asarray(cat.codes)[codes], dtype=cat.dtype)


def concat_tables(first: pd.DataFrame, then: pd.DataFrame) -> pd.DataFrame:
    """``first``'s rows then ``then``'s (same columns), each column typed as if the table had been made of
    both's rows at once. ``pd.concat`` differs from that twice: a categorical column whose categories
    differ becomes plain strings (here it gets the sorted union of both's categories, as ``categorical``
    makes them), and a column typed differently on each side (say strings, and only Nones) becomes
    ``object`` (here its type, or its categories', is inferred again from both's values)."""
    if first.empty or then.empty:
        return (then if first.empty else first).copy()
    cols = {}
    for c in first.columns:
        a, b = first[c], then[c]
        if isinstance(a.dtype, pd.CategoricalDtype) and isinstance(b.dtype, pd.CategoricalDtype):
            same = a.cat.categories.dtype == b.cat.categories.dtype  # not so when one side has only missing values
            cols[c] = (union_categoricals([a.array, b.array], sort_categories=True) if same
                       else categorical(a.tolist() + b.tolist()))
        elif a.dtype == b.dtype:
            cols[c] = pd.concat([a, b], ignore_index=True)
        else:
            cols[c] = pd.Series(a.tolist() + b.tolist())
    return pd.DataFrame(cols, columns=first.columns)


def mentions_frame(extractions: Iterable[Extraction]) -> pd.DataFrame:
    cols = MentionColumns()
    for x in extractions:
        cols.add(x)
    return cols.frame()


class Evidence(Sequence):
    """The evidence items of one place (dicts: sentence, start, end, surface, title, published, url,
    file, date), read from its mention rows only when asked for.

    A list of dicts per place would cost one dict per mention on every filter change (600,000 of
    them for 10,000 articles); the map's popups read only the first few of each place.
    """
    FIELDS = ("sentence", "start", "end", "surface", "title", "published", "url", "file", "date")
    __slots__ = ("_frame", "_rows")
    __hash__ = None  # a sequence, compared by value

    def __init__(self, frame: pd.DataFrame, rows: np.ndarray):
        self._frame, self._rows = frame, rows

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self._items(self._rows[i])
        return self._items(self._rows[[i]])[0]

    def __iter__(self):
        return iter(self._items(self._rows))

    def __eq__(self, other) -> bool:
        return list(self) == list(other) if isinstance(other, Sequence) else NotImplemented

    def __repr__(self) -> str:
        return f"Evidence({len(self)} items)"

    @staticmethod
    def heads(evidences: Sequence, k: int) -> list[list[dict]]:
        """``[list(e[:k]) for e in evidences]``, reading each column once for all the ``Evidence`` that
        share one frame (the map's popups: 300 places read one by one took 0.8 s)."""
        shared = [e for e in evidences if isinstance(e, Evidence)]
        if not shared or any(e._frame is not shared[0]._frame for e in shared):
            return [list(e[:k]) for e in evidences]
        parts = [e._rows[:k] for e in shared]
        items = iter(shared[0]._items(np.concatenate(parts)))
        heads = iter([[next(items) for _ in range(len(part))] for part in parts])
        return [next(heads) if isinstance(e, Evidence) else list(e[:k]) for e in evidences]

    def _items(self, rows: np.ndarray) -> list[dict]:
        if not len(rows):
            return []
        cols = [self._frame[c].take(rows).tolist() for c in self.FIELDS]
        return [{"sentence": s, "start": int(a), "end": int(b), "surface": su, "title": t, "published": p, "url": u,
                 "file": f, "date": d} for s, a, b, su, t, p, u, f, d in zip(*cols, strict=True)]


def value_codes(values: pd.Series) -> tuple[np.ndarray, list]:
    """(code of each row, distinct values) of a column; lists count as tuples; a missing value gets code -1."""
    try:
        codes, uniques = pd.factorize(values)
    except TypeError:  # unhashable values (lists)
        codes, uniques = pd.factorize(values.map(lambda v: tuple(v) if isinstance(v, list) else v))
    return np.asarray(codes), list(uniques)


class MentionIndex:
    """The mention rows as integer codes, made once per mentions frame (``Data.mention_index``).

    Filtering and aggregating then work on numpy arrays: taking the kept rows out of a
    600,000-row frame (10,000 articles) alone costs half a second, these codes milliseconds.
    ``lut`` and ``codes`` give a boolean per row from a test on each distinct value.
    """

    def __init__(self, mentions: pd.DataFrame):
        self.frame = mentions
        self.n = len(mentions)
        self.place, self.place_ids = value_codes(mentions["place_id"])
        self.file, self.files = value_codes(mentions["file"])
        self.partners, self.partner_sets = value_codes(mentions["partners"])
        self.kinds, self.kind_sets = value_codes(mentions["event_kinds"])

    @staticmethod
    def lut(uniques: Sequence, codes: np.ndarray, test) -> np.ndarray:
        """``test(value)`` of each row's value, computed once per distinct value (missing: ``test(None)``)."""
        table = np.array([bool(test(v)) for v in uniques] + [bool(test(None))], dtype=bool)
        return table[codes]  # code -1 (missing) reads the last entry

    def partner_counts(self, rows: np.ndarray) -> Counter:
        """How many of ``rows`` name each partner (each distinct code once per row, never ``HOME``)."""
        counts: Counter = Counter()
        if not len(rows):
            return counts
        per_set = np.bincount(self.partners[rows] + 1, minlength=len(self.partner_sets) + 1)
        for code in np.flatnonzero(per_set[1:]).tolist():
            for p in set(self.partner_sets[code] or ()) - {HOME}:
                counts[p] += int(per_set[code + 1])
        return counts

    def aggregate(self, rows: np.ndarray, selected: Iterable[str] = ()) -> pd.DataFrame:
        """``aggregate_places`` of the mention rows at positions ``rows`` (ascending)."""
        if not len(rows):
            return pd.DataFrame(columns=PLACE_COLUMNS + ["selected"])
        chosen = set(selected)
        frame = self.frame
        pc = self.place[rows]
        # places in order of their first kept row, with that row's attributes
        present, first = np.unique(pc, return_index=True)
        order = np.argsort(first, kind="stable")
        present, first = present[order], first[order]
        attrs = {c: frame[c].take(rows[first]).tolist() for c in ("name", "kind", "country", "lat", "lon", "marker")}
        counts = np.bincount(pc, minlength=len(self.place_ids))
        # each mention votes for its leading partner and counts for all it names
        n_sets = len(self.partner_sets) + 1
        pairs, pair_n = np.unique(pc.astype(np.int64) * n_sets + self.partners[rows] + 1, return_counts=True)
        votes: dict[int, dict] = {}
        totals: dict[int, dict] = {}
        for key, n in zip(pairs.tolist(), pair_n.tolist(), strict=True):
            place, s = divmod(key, n_sets)
            ps = self.partner_sets[s - 1] if s else None
            if ps is not None and len(ps):
                v = votes.setdefault(place, {})
                v[ps[0]] = v.get(ps[0], 0) + n
                t = totals.setdefault(place, {})
                for c in ps:
                    t[c] = t.get(c, 0) + n
        # articles of each place in order of their first kept mention
        n_files = len(self.files) + 1
        fpairs, ffirst = np.unique(pc.astype(np.int64) * n_files + self.file[rows] + 1, return_index=True)
        forder = np.lexsort((ffirst, fpairs // n_files))
        fpairs = fpairs[forder]
        fplace = fpairs // n_files
        fcuts = np.flatnonzero(np.diff(fplace)) + 1
        files_of = {int(g[0] // n_files): [self.files[f - 1] if f else None for f in (g % n_files).tolist()]
                    for g in np.split(fpairs, fcuts)}
        # evidence: each marker place's rows in their order
        by_place = rows[np.argsort(pc, kind="stable")]
        n_of = counts.tolist()
        end_of = np.cumsum(counts).tolist()
        places = present.tolist()
        cols: dict[str, list] = {c: [] for c in ("id", "marker", "mentions", "evidence", "partners",
                                                 "leading_partner", "color", "articles", "n_articles", "selected")}
        colors: dict = {}
        no_votes: dict = {}
        for place, marker in zip(places, attrs["marker"], strict=True):
            v, t = votes.get(place, no_votes), totals.get(place, no_votes)
            ranked = sorted(t, key=lambda c: (-v.get(c, 0), -t[c], c))  # noqa: B023 - used at once
            leading = ranked[0] if ranked else None
            articles = files_of[place]
            pid = self.place_ids[place]
            cols["id"].append(pid)
            cols["marker"].append(bool(marker))
            cols["mentions"].append(n_of[place])
            cols["evidence"].append(Evidence(frame, by_place[end_of[place] - n_of[place]:end_of[place]])
                                    if marker else [])
            cols["partners"].append({c: t[c] for c in ranked})
            cols["leading_partner"].append(leading)
            color = colors.get(leading)
            if color is None:
                color = colors[leading] = partner_color(leading)
            cols["color"].append(color)
            cols["articles"].append(articles)
            cols["n_articles"].append(len(articles))
            cols["selected"].append(pid in chosen)
        df = pd.DataFrame({"id": cols["id"], "name": attrs["name"], "kind": attrs["kind"], "country": attrs["country"],
                           "lat": attrs["lat"], "lon": attrs["lon"], **{c: cols[c] for c in cols if c != "id"}})
        return df.sort_values(["mentions", "name", "id"], ascending=[False, True, True], ignore_index=True)


def each_value(values: pd.Series, f) -> list:
    """``[f(v) for v in values]``, calling ``f`` once per distinct value (lists are passed as tuples)."""
    codes, uniques = value_codes(values)
    out = [f(v) for v in uniques]
    if len(codes) and codes.min() < 0:
        out.append(f(None))  # missing values (code -1) read the last entry
    return [out[c] for c in codes.tolist()]


def aggregate_places(mentions: pd.DataFrame, selected: Iterable[str] = (),
                     index: MentionIndex | None = None) -> pd.DataFrame:
    """One row per place from (possibly filtered) mention rows, most mentioned first.

    Countries and macro regions (not markers) get counts and partners but no evidence list.
    Works on integer codes (``MentionIndex``): this runs on every filter change."""
    if mentions.empty:
        return pd.DataFrame(columns=PLACE_COLUMNS + ["selected"])
    index = index if index is not None and index.frame is mentions else MentionIndex(mentions)
    return index.aggregate(np.arange(index.n), selected)


def places_frame(extractions: Iterable[Extraction]) -> pd.DataFrame:
    """One row per place mentioned anywhere in ``extractions`` (``marker`` False for countries)."""
    return aggregate_places(mentions_frame(extractions))


def event_rows(x: Extraction) -> list[dict]:
    """The ``events_frame`` rows of one extraction."""
    rows = []
    a = x.article
    for e in x.events:
        eid = event_id(a.path, e.evidence_start, e.kind, e.date)
        places = [m.place.id for m in x.mentions if _within(e, m.start)]
        if e.place and e.place not in places:
            places.insert(0, e.place)
        lo = date_bounds(e.date)
        hi = date_bounds(e.end) if e.end else lo
        rows.append({
            "event_id": eid, "date": e.date, "end": e.end, "precision": date_precision(e.date), "kind": e.kind,
            "title": e.title, "partners": [p for p in e.partners], "place": e.place,
            "evidence": e.evidence, "date_text": e.date_text, "article": a.title, "source": a.source,
            "url": a.url, "file": a.path, "published": a.published,
            "places": list(dict.fromkeys(places)),
            "date_start": _ts(lo[0] if lo else None), "date_stop": _ts((hi or lo)[1] if (hi or lo) else None),
            "confidence": float(e.confidence),
        })
    return rows


def events_table(rows: list[dict]) -> pd.DataFrame:
    """``events_frame`` from the ``event_rows`` of its extractions, in order."""
    df = pd.DataFrame(rows, columns=EVENT_COLUMNS + EVENT_EXTRA)
    if not df.empty:
        df = df.drop_duplicates("event_id", ignore_index=True)
        df = df.sort_values(["date_start", "event_id"], na_position="last", ignore_index=True)
    return df


def concat_events(first: pd.DataFrame, then: pd.DataFrame) -> pd.DataFrame:
    """The events table of two corpora (``events_table`` of both's rows, ``first``'s first)."""
    df = concat_tables(first, then).drop_duplicates("event_id", ignore_index=True)
    return df.sort_values(["date_start", "event_id"], na_position="last", ignore_index=True)


def events_frame(extractions: Iterable[Extraction]) -> pd.DataFrame:
    return events_table([row for x in extractions for row in event_rows(x)])


class PartnerCounts:
    """What ``partners_table`` counts, one extraction at a time."""

    def __init__(self, names: dict[str, str] | None = None) -> None:
        self.names = dict(names or {})
        self.mentions: Counter = Counter()
        self.articles: Counter = Counter()
        self.events: Counter = Counter()

    def add_table(self, table: pd.DataFrame) -> None:
        """Count what another ``table()`` counted (its names unless this one names the code already)."""
        for code, name, mentions, articles, events in zip(table["code"], table["name"], table["mentions"],
                                                         table["articles"], table["events"], strict=True):
            self.names.setdefault(code, name)
            self.mentions[code] += int(mentions)
            self.articles[code] += int(articles)
            self.events[code] += int(events)

    def add(self, x: Extraction) -> None:
        for p in x.partners:
            if p.code == HOME:
                continue
            self.mentions[p.code] += p.count
            self.articles[p.code] += 1
            self.names.setdefault(p.code, p.name or p.code)
        for e in x.events:
            for code in set(e.partners) - {HOME}:
                self.events[code] += 1
                self.names.setdefault(code, code)

    def table(self) -> pd.DataFrame:
        names, mentions, articles, events = self.names, self.mentions, self.articles, self.events
        codes = sorted(set(mentions) | set(events), key=lambda c: (-mentions[c], -events[c], c))
        return pd.DataFrame(
            [{"code": c, "name": names.get(c, c), "mentions": mentions[c], "articles": articles[c],
              "events": events[c], "color": partner_color(c)} for c in codes],
            columns=["code", "name", "mentions", "articles", "events", "color"],
        )


def partners_table(extractions: Iterable[Extraction], names: dict[str, str] | None = None) -> pd.DataFrame:
    """Partners found in the corpus: code, name, mentions, articles, events, colour (most mentioned first)."""
    counts = PartnerCounts(names)
    for x in extractions:
        counts.add(x)
    return counts.table()


def article_row(x: Extraction) -> dict:
    """The ``articles_table`` row of one extraction."""
    return {"key": article_key(x.article.path), "file": x.article.path, "title": x.article.title,
            "source": x.article.source, "url": x.article.url, "published": x.article.published,
            "mentions": len(x.mentions), "events": len(x.events)}


def articles_from_rows(rows: list[dict]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=["key", "file", "title", "source", "url", "published", "mentions", "events"])
    return df.sort_values(["published", "title"], na_position="last", ignore_index=True)


def concat_articles(first: pd.DataFrame, then: pd.DataFrame) -> pd.DataFrame:
    """The articles table of two corpora (``articles_from_rows`` of both's rows, ``first``'s first)."""
    return concat_tables(first, then).sort_values(["published", "title"], na_position="last", ignore_index=True)


def articles_table(extractions: Iterable[Extraction]) -> pd.DataFrame:
    return articles_from_rows([article_row(x) for x in extractions])


def country_counts(mentions: pd.DataFrame, events: pd.DataFrame, measure: str = "mentions") -> dict[str, int]:
    """Per partner country code: how many (filtered) place mentions or events name it.

    Mentions count each partner named in a mention's sentence (or its article's partners);
    events count each partner the event names.
    """
    return partner_tally((events if measure == "events" else mentions).get("partners", []))


def partner_tally(partner_lists: Iterable[Sequence[str]]) -> dict[str, int]:
    """How many of the lists name each partner (``HOME`` never counts)."""
    counts: Counter = Counter()
    for ps in partner_lists:
        counts.update(set(ps) - {HOME})
    return dict(counts)


# --- downloads ----------------------------------------------------------------------------------

def places_geojson(places: pd.DataFrame) -> dict:
    """GeoJSON FeatureCollection of places (Point geometries are [lon, lat], per RFC 7946)."""
    features = []
    for r in places.itertuples(index=False):
        features.append({
            "type": "Feature",
            # GeoJSON wants (lon, lat); our columns are named lat and lon
            "geometry": {"type": "Point", "coordinates": [round(float(r.lon), 5), round(float(r.lat), 5)]},
            "properties": {"id": r.id, "name": r.name, "kind": r.kind, "country": r.country,
                           "mentions": int(r.mentions), "leading_partner": r.leading_partner,
                           "partners": dict(r.partners), "articles": list(r.articles)},
        })
    return {"type": "FeatureCollection", "features": features}


def places_geojson_text(places: pd.DataFrame) -> str:
    """``places_geojson`` as the text of a .geojson file."""
    return json.dumps(places_geojson(places), ensure_ascii=False)


def places_csv(places: pd.DataFrame) -> str:
    flat = places.assign(
        partners=[";".join(f"{c}:{n}" for c, n in p.items()) for p in places["partners"]],
        articles=[";".join(a) for a in places["articles"]],
    )
    cols = ["id", "name", "kind", "country", "lat", "lon", "mentions", "leading_partner", "partners", "articles"]
    return flat[cols].to_csv(index=False)


def events_csv(events: pd.DataFrame) -> str:
    flat = events.assign(partners=[";".join(p) for p in events["partners"]],
                         places=[";".join(p) for p in events["places"]])
    cols = ["event_id", "date", "end", "precision", "kind", "title", "partners", "place", "places", "evidence",
            "date_text", "article", "source", "url", "file", "published"]
    return flat[cols].to_csv(index=False)
