"""Glue between the pipeline and the app: corpus loading, uploads, timeline selection. No Streamlit.

``app.py`` keeps the corpus's ``Data`` and the gazetteer in ``st.cache_resource``; everything here is
a plain function, so AppTest and unit tests drive it directly.
"""
from __future__ import annotations

import hashlib
import os
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from pathlib import Path

import altair as alt
import numpy as np
import pandas as pd

from . import dataset, querystate
from .colors import partner_color
from .records import EVENT_KINDS, Extraction, PackedExtraction, Problem

ROOT = Path(__file__).resolve().parent.parent
UPLOAD_MAX_BYTES = 1_000_000  # default cap per upload; KZMAP_UPLOAD_MAX_BYTES overrides it
UPLOAD_SUFFIXES = (".md", ".txt", ".markdown")
PASTE_MAX_CHARS = 500_000
MAX_SESSION_UPLOADS = 20


def seeds_dir(app_dir: Path | str = ROOT) -> Path:
    """The corpus folder: ``$KZMAP_SEEDS`` if set, else ``seeds/`` beside app.py."""
    env = os.environ.get("KZMAP_SEEDS", "").strip()
    if env:
        p = Path(env)
        return p if p.is_absolute() else Path(app_dir) / p
    return Path(app_dir) / "seeds"


def folder_fingerprint(folder: Path) -> tuple:
    """Changes when an article file is added, removed or edited (part of the cache key).

    Runs on every rerun: one ``scandir`` walk (a stat per file), not ``rglob`` and ``stat`` twice.
    Like ``rglob``, it does not enter symlinked folders; symlinked files count."""
    found: list[tuple[str, int, int]] = []

    def walk(path: str, rel: str) -> None:
        with os.scandir(path) as it:
            for e in it:
                if e.is_dir(follow_symlinks=False):
                    walk(e.path, rel + e.name + "/")
                elif os.path.splitext(e.name)[1].lower() in UPLOAD_SUFFIXES and e.is_file():
                    st = e.stat()
                    found.append((rel + e.name, st.st_mtime_ns, st.st_size))

    try:
        walk(str(folder), "")
    except OSError:
        return ()
    return tuple(sorted(found))


def fingerprint_key(fingerprint: tuple) -> str:
    """A short digest of ``folder_fingerprint`` (a cache key Streamlit hashes quickly on every rerun)."""
    return hashlib.sha1(repr(fingerprint).encode()).hexdigest()


def load_seeds(folder: Path | str) -> tuple[Iterator[PackedExtraction], list[Problem]]:
    """The corpus folder's extractions, packed and streamed (read them once, e.g. with ``build_data``), and
    its problems.

    The problems list fills as the extractions are read (a list of 10,000 extractions took about
    1 GB). They are made in a child process (``kzmap.worker``, with its own place index): this process
    holds one article's full extraction at a time, and neither the place index nor the extraction's
    working memory."""
    from .worker import stream

    folder = Path(folder)
    if os.environ.get("KZMAP_EXTRACT_LOG"):  # test hook, off by default: one line per real extraction
        with open(os.environ["KZMAP_EXTRACT_LOG"], "a", encoding="utf-8") as fh:
            fh.write(f"{os.getpid()} {folder}\n")
    if not folder.exists():
        return iter(()), [Problem(str(folder), "corpus folder not found (set KZMAP_SEEDS to a folder of .md articles)")]
    problems: list[Problem] = []
    return stream(folder, problems), problems


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Country code -> name, from ``geo/countries.csv`` (what the place index holds, without loading it)."""
    from .gazetteer import GEO_DIR, _read_rows

    return {row["code"].strip(): row["name"].strip() for row in _read_rows(GEO_DIR / "countries.csv", ",")}


class PackedExtractions(Sequence):
    """Extractions kept packed (``PackedExtraction``: about a tenth of their size in memory), unpacked
    one at a time when read: the reader shows one article, and only an upload reads them all."""

    def __init__(self) -> None:
        self._packed: list[PackedExtraction] = []
        self._where: dict[str, int] = {}

    def append(self, x: Extraction, packed: PackedExtraction | None = None) -> None:
        """Keep ``x``; ``packed``, when given, is ``x`` packed already (it is kept instead of packing again)."""
        self._where.setdefault(x.article.path, len(self._packed))
        self._packed.append(packed or PackedExtraction.of(x))

    def __len__(self) -> int:
        return len(self._packed)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        return self._packed[i].unpack()

    def packed(self) -> Iterator[PackedExtraction]:
        """Every extraction as it is kept, without unpacking (``build_data`` reads these as they are)."""
        return iter(self._packed)

    def get(self, path: str) -> Extraction | None:
        """The first extraction of the article at ``path``, or None."""
        i = self._where.get(path)
        return None if i is None else self[i]

    def __add__(self, other: PackedExtractions) -> PackedExtractions:
        """Both's extractions, this one's first (kept as they are, not copied)."""
        both = PackedExtractions()
        both._packed = self._packed + other._packed
        both._where = {path: i + len(self._packed) for path, i in other._where.items()} | self._where
        return both

    @property
    def nbytes(self) -> int:
        return sum(len(p.blob) for p in self._packed)


@dataclass
class Data:
    """The tables every view is built from."""
    extractions: PackedExtractions
    problems: list[Problem]
    mentions: pd.DataFrame
    events: pd.DataFrame
    partners: pd.DataFrame
    articles: pd.DataFrame
    country_names: dict[str, str] = field(default_factory=dict)

    # Derived values are computed once per Data (app.py keeps one Data per corpus across reruns and sessions).

    @cached_property
    def partner_names(self) -> dict[str, str]:
        """Code -> name; one dict per Data, read-only (the marker payload cache compares it by identity: a new
        dict per run made every run build the payload again, 0.1 s at 9,069 places)."""
        return dict(zip(self.partners["code"], self.partners["name"], strict=False))

    @cached_property
    def article_keys(self) -> dict[str, str]:
        return dict(zip(self.articles["file"], self.articles["key"], strict=False))

    @cached_property
    def mention_index(self) -> dataset.MentionIndex:
        """What ``filters.apply`` works on (see ``dataset.MentionIndex``)."""
        return dataset.MentionIndex(self.mentions)

    @cached_property
    def place_names(self) -> dict[str, str]:
        return place_names(self.mentions)

    @cached_property
    def article_titles(self) -> dict[str, str]:
        return dict(zip(self.articles["file"], self.articles["title"], strict=False))

    @cached_property
    def _article_set(self) -> frozenset[str]:
        return frozenset(self.articles["file"])

    @cached_property
    def _article_haystack(self) -> pd.Series:
        """Each article's title and file name (not its folder), case-folded: what the article search looks in."""
        return pd.Series([f"{t}\n{os.path.basename(f)}".casefold()
                          for t, f in zip(self.articles["title"].fillna(""), self.articles["file"], strict=False)],
                         dtype=object)

    def article_options(self, query: str = "", keep: Iterable[str] = (),
                        limit: int | None = None) -> tuple[list[str], int]:
        """The article files a picker offers, and how many articles match ``query``.

        Matches are the articles whose title or file name contains every word of ``query`` (any case),
        in the table's order, at most ``limit`` (``ARTICLE_OPTIONS``) of them. Files in ``keep`` (the
        picker's current selection) are always offered, first, so a selection never drops out of its
        widget. A corpus of 10,000 articles sent every title to every visitor twice (1.4 MB)."""
        limit = ARTICLE_OPTIONS if limit is None else limit
        files = self.articles["file"]
        words = str(query or "").casefold().split()[:ARTICLE_QUERY_WORDS]
        if words:
            hay = self._article_haystack
            mask = np.ones(len(hay), dtype=bool)
            for w in words:
                mask &= hay.str.contains(w, regex=False).to_numpy(dtype=bool)
            matched = files[mask]
        else:
            matched = files
        found = len(matched)
        shown = matched.head(limit).tolist()
        known, listed = self._article_set, set(shown)
        kept = [f for f in dict.fromkeys(keep) if f in known and f not in listed]
        return kept + shown, found

    def known(self) -> querystate.Known:
        return self._known

    @cached_property
    def _known(self) -> querystate.Known:
        return querystate.Known(
            partners=frozenset(self.partners["code"]),
            kinds=frozenset(EVENT_KINDS) | frozenset(self.events["kind"]),
            articles=dict(zip(self.articles["key"], self.articles["file"], strict=False)),
            places=frozenset(self.mentions["place_id"].unique()),
        )

    def extraction(self, file: str) -> Extraction | None:
        return self.extractions.get(file)

    def year_range(self) -> tuple[int, int] | None:
        return self._year_range

    @cached_property
    def _year_range(self) -> tuple[int, int] | None:
        dates = [frame[col].dropna() for frame in (self.events, self.mentions) for col in ("date_start", "date_stop")]
        dates = [d for d in dates if len(d)]
        return (min(d.min() for d in dates).year, max(d.max() for d in dates).year) if dates else None


def _partner_counts(countries: Mapping[str, str] | None) -> dataset.PartnerCounts:
    """Empty counts naming the partners by ``countries`` (code -> name), and the EU."""
    names = dict(countries or {})
    names.setdefault("EU", "European Union")
    return dataset.PartnerCounts(names)


def build_data(extractions: Iterable[Extraction | PackedExtraction], problems: Sequence[Problem] = (),
               countries: Mapping[str, str] | None = None) -> Data:
    """The tables of ``extractions`` (any iterable, read once: each is kept packed once its rows are made;
    one that comes packed, from the extraction child or another Data, is unpacked once and kept as it came).

    ``problems`` is read after the extractions (``load_seeds`` fills it as they stream); ``countries``
    (code -> name, as ``country_names()`` gives) names the partners and the countries in popups."""
    packed = PackedExtractions()
    mentions = dataset.MentionColumns()
    events: list[dict] = []
    partners = _partner_counts(countries)
    articles: list[dict] = []
    for item in extractions:
        x, blob = (item, None) if isinstance(item, Extraction) else (item.unpack(), item)
        mentions.add(x)
        events.extend(dataset.event_rows(x))
        partners.add(x)
        articles.append(dataset.article_row(x))
        packed.append(x, blob)
    return Data(
        extractions=packed, problems=list(problems),
        mentions=mentions.frame(compact=True), events=dataset.events_table(events),
        partners=partners.table(), articles=dataset.articles_from_rows(articles),
        country_names=dict(countries or {}),
    )


def with_articles(data: Data, extractions: Iterable[Extraction | PackedExtraction]) -> Data:
    """``data`` with ``extractions`` after its own articles: the Data ``build_data`` makes of both, made from
    ``data``'s tables as they are. Adding one article to a corpus of 10,000 by ``build_data`` unpacked all
    10,000 extractions again (11 s, and 200 MB more at the peak)."""
    extra = build_data(extractions, (), data.country_names)
    partners = _partner_counts(data.country_names)
    partners.add_table(data.partners)
    partners.add_table(extra.partners)
    return Data(
        extractions=data.extractions + extra.extractions, problems=list(data.problems),
        mentions=dataset.concat_tables(data.mentions, extra.mentions),
        events=dataset.concat_events(data.events, extra.events), partners=partners.table(),
        articles=dataset.concat_articles(data.articles, extra.articles), country_names=dict(data.country_names),
    )


class CorpusLoader:
    """The shared ``Data`` of one corpus folder, made once in a thread of its own, with its progress readable
    meanwhile: 10,000 articles take about half a minute, and every session waiting for them can show how far
    the extraction is. A session that stops waiting (a rerun, a closed tab) leaves the loading going, and
    the next one picks it up; a load that fails raises in every session waiting for it, and the next
    ``data`` call starts another. ``load(folder, on_item)`` is ``build_data`` over ``load_seeds``, calling
    ``on_item()`` per article read (tests replace it)."""

    def __init__(self, folder: Path | str, total: int, load: Callable[[Path, Callable[[], None]], Data] | None = None):
        self.folder, self.total = Path(folder), max(0, total)
        self._load = load or _load_corpus
        self._lock = threading.Lock()
        self._attempt: _Attempt | None = None

    @property
    def ready(self) -> bool:
        attempt = self._attempt
        return attempt is not None and attempt.data is not None

    @property
    def done(self) -> int:
        """Articles read so far by the current load."""
        attempt = self._attempt
        return attempt.done if attempt is not None else 0

    def data(self, progress: Callable[[int, int], None] | None = None, every: float = 0.25) -> Data:
        """The corpus's Data, waiting for it; ``progress(done, total)`` is called about every ``every`` s."""
        with self._lock:
            attempt = self._attempt
            if attempt is None or attempt.error is not None:
                attempt = self._attempt = _Attempt()
                threading.Thread(target=self._run, args=(attempt,), name=f"kzmap-load {self.folder.name}",
                                 daemon=True).start()
        while not attempt.finished.wait(every):
            if progress is not None:
                progress(attempt.done, self.total)
        if attempt.data is None:
            raise RuntimeError(f"reading the corpus folder {self.folder} failed: "
                               f"{type(attempt.error).__name__}: {attempt.error}") from attempt.error
        return attempt.data

    def _run(self, attempt: _Attempt) -> None:
        try:
            attempt.data = self._load(self.folder, attempt.count)
        except BaseException as exc:  # noqa: BLE001 - raised again in every session waiting for it
            attempt.error = exc
        finally:
            attempt.finished.set()


class _Attempt:
    """One load of a ``CorpusLoader``: its own outcome, so a session woken by a failed load never reads
    the state of the next one."""
    __slots__ = ("finished", "data", "error", "done")

    def __init__(self) -> None:
        self.finished = threading.Event()
        self.data: Data | None = None
        self.error: BaseException | None = None
        self.done = 0  # written by the loading thread only

    def count(self) -> None:
        self.done += 1


def _load_corpus(folder: Path, on_item: Callable[[], None]) -> Data:
    exts, problems = load_seeds(folder)

    def counted():
        for x in exts:
            on_item()
            yield x
    return build_data(counted(), problems, country_names())


def progress_text(done: int, total: int) -> str:
    """What a loading corpus shows: "Extracting the articles: 3,200 of 10,000 files read"."""
    if total <= 0:
        return "Reading and extracting the articles…"
    return f"Extracting the articles: {min(done, total):,} of {total:,} files read…"


# --- uploads -------------------------------------------------------------------------------------

def upload_max_bytes() -> int:
    """The per-upload cap: ``$KZMAP_UPLOAD_MAX_BYTES`` if a positive integer, else ``UPLOAD_MAX_BYTES``.

    Keep it under Streamlit's ``server.maxUploadSize`` (.streamlit/config.toml), which refuses
    bigger bodies before the app sees them, with a less helpful message.
    """
    raw = os.environ.get("KZMAP_UPLOAD_MAX_BYTES", "").strip()
    return int(raw) if raw.isdigit() and int(raw) > 0 else UPLOAD_MAX_BYTES


def upload_widget_mb(max_bytes: int) -> int:
    """``st.file_uploader(max_upload_size=...)`` in whole megabytes (the browser's own first check)."""
    return max(1, -(-max_bytes // (1024 * 1024)))


def upload_refusal(name: str, size: int, max_bytes: int | None = None) -> Problem | None:
    """Why an upload of ``size`` bytes called ``name`` is refused before reading it, or None."""
    max_bytes = max_bytes or upload_max_bytes()
    label = f"upload:{Path(name or 'article').name[:120]}"
    if not (name or "").lower().endswith(UPLOAD_SUFFIXES):
        return Problem(label, f"only {', '.join(UPLOAD_SUFFIXES)} files can be added "
                              f"(got {querystate.shown(Path(name or '').suffix[:20]) or 'no extension'})")
    if size > max_bytes:
        return Problem(label, f"file is {size:,} bytes, over the upload limit of {max_bytes:,}; "
                              "add a shorter article or paste the part that matters")
    return None


def read_upload(name: str, data: bytes, gaz, *, published: str | None = None,
                max_bytes: int | None = None) -> tuple[Extraction | None, list[Problem]]:
    """An uploaded file -> extraction, in memory only. Never raises; problems say what was wrong. ``gaz``: the
    place index, or a function extracting an ``Article`` (the app's: ``worker.extract_apart``, in a child)."""
    from .corpus import parse_bytes

    label = f"upload:{Path(name or 'article').name[:120]}"
    refused = upload_refusal(name, len(data), max_bytes)
    if refused is not None:
        return None, [refused]
    try:
        article, problems = parse_bytes(label, data)
    except Exception as err:  # noqa: BLE001 - an upload must never crash the app
        return None, [Problem(label, f"could not read the file: {type(err).__name__}")]
    return _extract(article, problems, gaz, published)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=^])")


def count_of(n: int, noun: str) -> str:
    """"1 event", "4 events", "1,200 place mentions": ``noun`` is singular; the plural adds an "s"."""
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"


def plain_md(text: object) -> str:
    """``text`` with Markdown punctuation backslash-escaped: st.error/st.success show it as typed."""
    return _MD_SPECIAL.sub(r"\\\1", str(text)).replace("\n", " ")


def read_pasted(title: str, text: str, gaz, *, published: str | None = None,
                max_chars: int = PASTE_MAX_CHARS) -> tuple[Extraction | None, list[Problem]]:
    from .corpus import parse_text

    label = f"pasted:{(title or 'article').strip()[:80] or 'article'}"
    if not text or not text.strip():
        return None, [Problem(label, "the pasted text is empty")]
    if len(text) > max_chars:
        return None, [Problem(label, f"the pasted text has {len(text):,} characters, over the limit of {max_chars:,}")]
    if "\x00" in text:
        return None, [Problem(label, "the pasted text contains binary data (NUL characters)")]
    try:
        article, problems = parse_text(label, text)
    except Exception as err:  # noqa: BLE001
        return None, [Problem(label, f"could not read the text: {type(err).__name__}")]
    if article is not None and title and title.strip() and not text.lstrip().startswith("---"):
        article = replace(article, title=title.strip()[:200])
    return _extract(article, problems, gaz, published)


def _extract(article, problems, gaz, published):
    from .extract import extract

    problems = list(problems)
    if article is None:
        return None, problems
    if published:
        if querystate.valid_date(published.strip()):
            article = replace(article, published=published.strip())
        else:
            problems.append(Problem(article.path, f"publication date {querystate.shown(published)!r} is not "
                                                  "YYYY, YYYY-MM or YYYY-MM-DD; kept the article's own"))
    try:
        return (gaz(article) if callable(gaz) else extract(article, gaz)), problems
    except Exception as err:  # noqa: BLE001
        return None, problems + [Problem(article.path, f"extraction failed: {type(err).__name__}: {str(err)[:200]}")]


# --- timeline ------------------------------------------------------------------------------------

def timeline_chart(events: pd.DataFrame, colors: Mapping[str, str] | None = None) -> dict:
    """The timeline's Vega-Lite spec (a plain dict for ``st.vega_lite_chart``) from ``kzmap.timeline``
    when available, else a simple built-in chart's spec."""
    try:
        from .timeline import timeline_spec
    except ImportError:
        return fallback_timeline(events, colors).to_dict()
    return timeline_spec(events, colors=dict(colors) if colors else None, selection=True)


def timeline_selection_modes(spec: Mapping) -> list[str]:
    """Names of the selection parameters in a timeline spec (``st.vega_lite_chart(selection_mode=...)``)."""
    names: list[str] = [p["name"] for p in spec.get("params", []) if isinstance(p, Mapping) and "select" in p]
    for layer in spec.get("layer", []):
        names += [p["name"] for p in layer.get("params", []) if isinstance(p, Mapping) and "select" in p]
    return list(dict.fromkeys(names))


def fallback_timeline(events: pd.DataFrame, colors: Mapping[str, str] | None = None) -> alt.Chart:
    data = events.assign(
        partner=[(p[0] if len(p) else "none") for p in events["partners"]],
        partners_text=[", ".join(p) for p in events["partners"]],
    )[["event_id", "date_start", "date_stop", "kind", "title", "partner", "partners_text", "date_text", "article"]]
    data = data.dropna(subset=["date_start"])
    codes = sorted(set(data["partner"]))
    scale = alt.Scale(domain=codes, range=[(colors or {}).get(c) or partner_color(c if c != "none" else None)
                                           for c in codes])
    pick = alt.selection_point(name="pick", fields=["event_id"], on="click")
    brush = alt.selection_interval(name="brush", encodings=["x"])
    base = alt.Chart(data).encode(
        x=alt.X("date_start:T", title=None),
        y=alt.Y("kind:N", title=None, sort=list(EVENT_KINDS)),
        color=alt.Color("partner:N", scale=scale, legend=alt.Legend(title="Partner", orient="bottom")),
        tooltip=[alt.Tooltip("date_text:N", title="date"), "kind:N", "title:N",
                 alt.Tooltip("partners_text:N", title="partners"), "article:N"],
    )
    points = base.mark_circle(size=90, opacity=0.85).add_params(pick, brush).encode(
        opacity=alt.condition(pick, alt.value(0.9), alt.value(0.3)))
    return points.properties(height=300, width="container")


def selected_places_text(selected: Sequence[str], drawn: Sequence[str], names: Mapping[str, str],
                         most: int = 4) -> str:
    """What the selection bar says of the selected places (Markdown): those ``drawn`` on the map first, in
    its order (the map opens the first one's popup: the same place leads both), then the others, as
    selected; at most ``most`` names, then how many more."""
    on_map = set(drawn)
    chosen = set(selected)
    ids = [pid for pid in dict.fromkeys(drawn) if pid in chosen]
    ids += [pid for pid in dict.fromkeys(selected) if pid not in on_map]
    shown = [f"**{names.get(pid, pid)}**" for pid in ids[:most]]
    if len(ids) > most:
        shown.append(f"{len(ids) - most:,} more")
    if len(shown) == 1:
        return f"place {shown[0]}"
    return f"places {', '.join(shown[:-1])} and {shown[-1]}"


def selected_event_ids(selection: object, timeline_events: pd.DataFrame) -> tuple[str, ...]:
    """Event ids picked on the timeline, from ``st.altair_chart(on_select=...)``'s ``selection``.

    Understands point selections (lists of field dicts carrying ``event_id``) and interval
    selections over a date field (``{"date_start": [lo, hi]}``); anything else selects nothing.
    """
    from .filters import events_in_range

    if not isinstance(selection, Mapping):
        return ()
    ids: list[str] = []
    known = set(timeline_events["event_id"].tolist()) if "event_id" in timeline_events else set()
    for value in selection.values():
        if isinstance(value, list):
            for item in value:
                if isinstance(item, Mapping) and item.get("event_id") in known:
                    ids.append(item["event_id"])
        elif isinstance(value, Mapping):
            for key, bounds in value.items():
                if str(key).startswith(("date", "start", "x")) and isinstance(bounds, list) and len(bounds) == 2:
                    ids.extend(events_in_range(timeline_events, bounds[0], bounds[1]))
    return tuple(dict.fromkeys(ids))


# --- article pickers ------------------------------------------------------------------------------

ARTICLE_OPTIONS = 200  # articles a picker offers at once; its search box finds the others
ARTICLE_QUERY_WORDS = 8


def article_list_note(shown: int, found: int, query: str = "") -> str:
    """The note under an article picker that lists only some of the matching articles ("" if it lists all)."""
    if found <= shown:
        return "" if found or not query else "No article title or file name contains those words."
    what = "articles match" if query else "articles"
    return f"Listing {shown:,} of {found:,} {what}: type words of a title to find others."


# --- tables for display ----------------------------------------------------------------------------

EVIDENCE_ROWS = 1_000  # rows of the evidence table sent to the browser; the rest are downloaded


def evidence_cap_note(shown: int, total: int) -> str:
    """The note under a capped evidence table."""
    return (f"Showing the first {shown:,} of {total:,} events (in date order). Narrow the filters or pick on the "
            "timeline to see others here, or download them all.")


PLACE_SENTENCES = 200  # sentences listed under the map for a selected place


@dataclass(frozen=True)
class PlaceSentences:
    """The sentences that mention a selected place, as HTML (escaped), for the list under the map."""
    name: str
    total: int
    shown: int
    html: str

    @property
    def note(self) -> str:
        said = "sentence mentions" if self.total == 1 else "sentences mention"
        return (f"{self.total:,} {said} {plain_md(self.name)}"
                + (f"; the first {self.shown:,} are listed." if self.shown < self.total else "."))


def place_sentences(places: pd.DataFrame, place_id: str, limit: int = PLACE_SENTENCES) -> PlaceSentences | None:
    """The first ``limit`` sentences that mention ``place_id`` (a row of ``View.places``), or None when it
    is not there or has no sentences (countries and macro regions keep none)."""
    from .mapview import evidence_items_html

    if places.empty:
        return None
    rows = places[places["id"] == place_id]
    if rows.empty or not len(rows.iloc[0]["evidence"]):
        return None
    row = rows.iloc[0]
    items = row["evidence"][:limit]
    html = f'<ol class="kz-sentences">{evidence_items_html(items)}</ol>'
    return PlaceSentences(str(row["name"]), len(row["evidence"]), len(items), html)


def evidence_table(events: pd.DataFrame, place_names: Mapping[str, str],
                   partner_names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """The evidence table as shown: plain text columns and http(s)-only links (else empty)."""
    from .html import safe_url

    partner_names = partner_names or {}
    if events.empty:
        return pd.DataFrame(columns=["date", "kind", "partners", "places", "title", "evidence", "article", "source"])
    return pd.DataFrame({
        "date": [d if not isinstance(e, str) or not e else f"{d} – {e}"
                 for d, e in zip(events["date"].tolist(), events["end"].tolist(), strict=False)],
        "kind": events["kind"],
        # once per distinct value: a corpus repeats the same partner lists, place lists and urls
        "partners": dataset.each_value(events["partners"], lambda ps: ", ".join(partner_names.get(p, p) for p in ps)),
        "places": dataset.each_value(events["places"],
                                     lambda ps: ", ".join(list(dict.fromkeys(place_names.get(p, p) for p in ps))[:4])),
        "title": events["title"],
        "evidence": events["evidence"],
        "article": events["article"],
        "source": dataset.each_value(events["url"], safe_url),
    }).reset_index(drop=True)


def place_names(mentions: pd.DataFrame) -> dict[str, str]:
    """Place id -> name (the last row of each id wins, as in ``dict(zip(...))``)."""
    last = mentions.drop_duplicates("place_id", keep="last")
    return dict(zip(last["place_id"], last["name"], strict=False))
