"""kzmap explorer: where and when Kazakhstan's foreign partnerships happen. Layout and widgets only.

Run: streamlit run app.py   (corpus folder: $KZMAP_SEEDS, default seeds/ beside this file)
"""
from __future__ import annotations

import json
import time
from dataclasses import replace
from functools import partial
from pathlib import Path

import streamlit as st
from streamlit_folium import st_folium

from kzmap import appdata, dataset, foliumfix, mapview, querystate
from kzmap.filters import FilterState, apply
from kzmap.html import READER_CSS, esc, legend_html, link, reader_html, swatch
from kzmap.worker import extract_apart

HERE = Path(__file__).resolve().parent
T0, CPU0 = time.perf_counter(), time.thread_time()  # this run's server time -> st.session_state.script_ms (bench/)
foliumfix.align_initial_value()  # no second script run on every page load (see kzmap/foliumfix.py)
st.set_page_config(page_title="kzmap · Kazakhstan's partnerships", page_icon="🗺️", layout="wide")


# A resource, not cache_data: cache_data would pickle and unpickle the whole corpus on every rerun (10 s for
# 10,000 articles). The loader makes the corpus's Data once, in a thread of its own, and every session waiting
# for it shows its progress (see seed_data). Shared by every session and read-only: filters make new frames,
# uploads a new Data.
@st.cache_resource(show_spinner=False, max_entries=1)
def corpus_loader(folder: str, fingerprint: str) -> appdata.CorpusLoader:
    return appdata.CorpusLoader(folder, len(appdata.folder_fingerprint(Path(folder))))


def seed_data(folder: str, fingerprint: str, where) -> appdata.Data:
    """The shared corpus; while it is being read, a progress bar in ``where`` (an st.empty that is always
    there, so the elements after it keep their place in the page and the map is not remounted)."""
    loader = corpus_loader(folder, fingerprint)
    if loader.ready:
        return loader.data()
    bar = where.progress(0.0, text=appdata.progress_text(0, loader.total))
    got = loader.data(lambda done, total: bar.progress(min(1.0, done / total) if total else 0.0,
                                                       text=appdata.progress_text(done, total)))
    where.empty()
    return got


@st.cache_resource(ttl=5, show_spinner=False)
def corpus_key(folder: str) -> str:
    """The corpus folder's fingerprint, looked at most every 5 s (a walk of 10,000 files costs 40 ms)."""
    return appdata.fingerprint_key(appdata.folder_fingerprint(Path(folder)))


@st.cache_resource
def outlines() -> dict:
    return mapview.default_outlines()


# The timeline of the shared corpus for one filter state (the filters but the timeline's own selection, as
# a repr), shared by every session: building it took 0.3 s per new session with 10,000 articles. Small (the
# chart's rows are aggregated) and read-only: st.vega_lite_chart works on a copy of the spec.
@st.cache_resource(max_entries=64, show_spinner=False)
def shared_timeline(folder: str, fingerprint: str, filters: str, _timeline, _data: appdata.Data) -> dict:
    return appdata.timeline_chart(_timeline, dict(zip(_data.partners["code"], _data.partners["color"],
                                                      strict=False)))


# The view of the shared corpus for a filter state, shared by every session (a new visitor with the default
# filters or a shared link gets it without filtering again: 0.16 s at 10,000 articles). Read-only.
@st.cache_resource(max_entries=8, show_spinner=False)
def shared_view(folder: str, fingerprint: str, filters: str, _state: FilterState, _data: appdata.Data):
    return apply(_state, _data.mentions, _data.events, index=_data.mention_index)


st.html("<style>.block-container{padding-top:2.2rem;padding-bottom:1rem}"
        "[data-testid=stMetricValue]{font-size:1.7rem}</style>")
st.title("Kazakhstan's foreign partnerships")
st.caption("Places and dated events found in news articles, on a map and a timeline. "
           "Every dot leads to the sentences that put it there.")

ss = st.session_state
folder = appdata.seeds_dir(HERE)
fingerprint = corpus_key(str(folder))
data = shared = seed_data(str(folder), fingerprint, st.empty())
if ss.get("uploads"):  # this session's added articles join the shared corpus; rebuilt only when one is added
    merged_key = (fingerprint, len(ss["uploads"]))
    if ss.get("merged_key") != merged_key:
        # Made from the shared corpus's tables as they are: 0.4 s at 10,000 articles (rebuilding them took 11 s).
        ss["merged"] = appdata.with_articles(data, ss["uploads"])
        ss["merged_key"] = merged_key
    data = ss["merged"]
years = data.year_range() or (2000, 2030)
partner_names = data.partner_names

# --- state: the URL on the first run, the widgets afterwards ----------------------------------------
WIDGETS = {"w_partners": [], "w_kinds": [], "w_articles": [], "w_years": years}


def reset() -> None:
    ss.update({k: (list(v) if isinstance(v, list) else v) for k, v in WIDGETS.items()})
    ss.update(sel_places=(), sel_events=(), chart_n=ss.get("chart_n", 0) + 1, url_notices=[])


if "url_read" not in ss:
    state0, ss["url_notices"] = querystate.parse({k: st.query_params.get_all(k) for k in st.query_params},
                                                 data.known())
    lo = int(state0.date_from[:4]) if state0.date_from else years[0]
    hi = int(state0.date_to[:4]) if state0.date_to else years[1]
    ss.update(url_read=True, w_partners=list(state0.partners), w_kinds=list(state0.kinds),
              w_articles=list(state0.articles), sel_places=state0.places, sel_events=(), chart_n=0,
              w_years=(max(years[0], min(lo, years[1])), min(years[1], max(hi, years[0]))))

# a marker click or a timeline selection arrives in session state before this rerun
click = ss.get("map") or {}
click_sig = json.dumps([click.get("last_object_clicked_count"), click.get("last_object_clicked_tooltip")])
if click.get("last_object_clicked_count") and click_sig != ss.get("click_seen"):
    ss["click_seen"] = click_sig
    pid = mapview.match_click(ss.get("click_index", []), click.get("last_object_clicked"),
                              click.get("last_object_clicked_tooltip"))
    if pid:
        ss.update(sel_places=(pid,), sel_events=(), chart_n=ss.get("chart_n", 0) + 1)
chart_key = f"timeline_{ss.get('chart_n', 0)}"
picked = (ss.get(chart_key) or {}).get("selection")
if picked is not None and json.dumps(picked, sort_keys=True, default=str) != ss.get("pick_seen"):
    ss["pick_seen"] = json.dumps(picked, sort_keys=True, default=str)
    chosen = appdata.selected_event_ids(picked, data.events)
    # an empty selection changes nothing unless events were picked: the chart reports one when it is first
    # drawn, which cleared the place of a shared link two seconds after the page opened
    if chosen or ss.get("sel_events"):
        ss.update(sel_events=chosen, sel_places=())

# --- sidebar ---------------------------------------------------------------------------------------
with st.sidebar:
    st.header("Filters")
    counts = dict(zip(data.partners["code"], data.partners["mentions"], strict=False))
    st.multiselect("Partners", list(data.partners["code"]), key="w_partners", placeholder="All partners",
                   format_func=lambda c: f"{partner_names.get(c, c)} ({c}) · {counts.get(c, 0)}")
    if len(data.partners):  # none when nothing could be extracted (st.html refuses an empty body)
        st.html("".join(f'<div style="font-size:.85rem">{swatch(r.color)}{esc(r.name)} '
                        f'<span style="opacity:.65">{appdata.count_of(r.mentions, "mention")} · '
                        f'{appdata.count_of(r.events, "event")}</span></div>'
                        for r in data.partners.head(10).itertuples()))
    st.multiselect("Event kinds", sorted(set(data.events["kind"])), key="w_kinds", placeholder="All kinds")
    st.slider("Years", years[0], max(years[1], years[0] + 1), key="w_years")
    titles = data.article_titles
    # A long corpus lists at most ARTICLE_OPTIONS articles (plus the picked ones); a search box finds the rest.
    long_list = len(data.articles) > appdata.ARTICLE_OPTIONS
    find = (st.text_input("Find articles", key="w_article_q", max_chars=200, placeholder="Words of a title or file")
            if long_list else "")
    options, found = data.article_options(find, keep=ss["w_articles"])
    st.multiselect("Articles", options, key="w_articles", placeholder="All articles",
                   format_func=lambda f: titles.get(f, f)[:70])
    if long_list and (note := appdata.article_list_note(min(found, appdata.ARTICLE_OPTIONS), found, find)):
        st.caption(note)
    st.button("Reset all filters", on_click=reset, width="stretch")
    st.divider()
    basemap = st.radio("Basemap", list(mapview.BASEMAPS), format_func=mapview.BASEMAPS.get, key="w_basemap")
    measure = st.radio("Shade partner countries by", ["mentions", "events"], horizontal=True, key="w_measure")

y0, y1 = ss["w_years"]
state = FilterState(partners=tuple(ss["w_partners"]), kinds=tuple(ss["w_kinds"]), articles=tuple(ss["w_articles"]),
                    date_from=str(y0) if y0 > years[0] else None, date_to=str(y1) if y1 < years[1] else None,
                    places=tuple(ss.get("sel_places", ())), events=tuple(ss.get("sel_events", ())))
view = (shared_view(str(folder), fingerprint, repr(state), state, data) if data is shared
        else apply(state, data.mentions, data.events, index=data.mention_index))
ss["click_index"] = mapview.click_index(view.markers)
wanted = querystate.to_params(replace(state, events=()), data.article_keys)
if not querystate.same_params(wanted, {k: st.query_params.get_all(k) for k in st.query_params}):
    st.query_params.from_dict(wanted)

# --- notes and figures (the title is above: it shows while the corpus loads) -------------------------
# Blocks that come and go (notes, the selection bar) sit in containers that are always there: an element
# added above the map would move it in the page's element tree, and Streamlit would then remount the map
# (closing the popup of the dot just clicked).
with st.container():
    for note in ss.get("url_notices", []) + view.notes:
        st.caption(f":material/info: {note}")
m1, m2, m3, m4 = st.columns(4)
m1.metric("Places on the map", f"{len(view.markers):,}")  # "38,343", as the partner list writes its counts
m2.metric("Events", f"{len(view.table):,}")
m3.metric("Articles", f"{view.n_articles:,}")
m4.metric("Partners", f"{len(view.partner_codes):,}")
names = data.place_names
selection_bar = st.container()
if state.has_selection:
    drawn = mapview.selection(mapview.marker_rows(view.markers))["ids"] if state.places else []
    what = (appdata.selected_places_text(state.places, drawn, names) if state.places
            else f"**{len(state.events):,}** {'event' if len(state.events) == 1 else 'events'} picked on the timeline")
    c1, c2 = selection_bar.columns([4, 1])
    c1.info(f"Showing {what}.", icon=":material/filter_alt:")
    c2.button("Show everything", on_click=lambda: ss.update(sel_places=(), sel_events=(),
                                                            chart_n=ss.get("chart_n", 0) + 1),
              width="stretch", type="primary")

# --- map and timeline ------------------------------------------------------------------------------
left, right = st.columns([3, 2], gap="medium")
with left:
    base = mapview.base_map(outlines(), basemap, legend_partners=list(zip(data.partners["code"].head(6),
                            data.partners["name"].head(6), strict=False)), measure=measure,
                            clustered=mapview.clusters(len(view.markers)))
    shade = mapview.shading(outlines(), view.country_counts(measure), partner_names, measure)
    st_folium(base, key="map", height=560, use_container_width=True,
              feature_group_to_add=[shade, mapview.place_markers(view.markers, data.country_names, partner_names)],
              returned_objects=["last_object_clicked", "last_object_clicked_tooltip", "last_object_clicked_count"])
with right:
    st.subheader("Timeline")
    if view.timeline.empty:
        st.info("No dated events match these filters.")
    else:
        # The chart depends on the data and every filter but the timeline's own selection: kept for the
        # next rerun, so picking or brushing on a big timeline does not rebuild it (0.2 s at 10,000 articles).
        # On the shared corpus the chart is shared by every session too: a new visitor does not rebuild it.
        chart_state = replace(state, events=())
        if data is shared:
            spec = shared_timeline(str(folder), fingerprint, repr(chart_state), view.timeline, data)
        else:
            chart_memo = (id(data), fingerprint, chart_state)
            if ss.get("chart_memo", (None,))[0] != chart_memo:
                ss["chart_memo"] = (chart_memo, appdata.timeline_chart(
                    view.timeline, dict(zip(data.partners["code"], data.partners["color"], strict=False))))
            spec = ss["chart_memo"][1]
        st.vega_lite_chart(spec, on_select="rerun", selection_mode=appdata.timeline_selection_modes(spec),
                           key=chart_key, width="stretch")
        st.caption("Click an event or drag across dates to narrow the map; click a dot on the map to "
                   "narrow the timeline.")
        left_out = spec["usermeta"]["left_of_axis"]  # (computed with the chart, which later reruns reuse)
        if left_out:
            n, first, last, _ = left_out
            span = str(first) if first == last else f"{first}\u2013{last}"
            st.caption(f"{n} earlier {'event' if n == 1 else 'events'} ({span}) {'is' if n == 1 else 'are'} left "
                       "off the timeline's axis: narrow **Years** to them to see them there (the map and the "
                       "evidence table keep them).")

# --- evidence, reader, uploads, downloads ----------------------------------------------------------
tab_ev, tab_read, tab_add, tab_dl = st.tabs(["Evidence", "Article reader", "Add an article", "Downloads"])
with tab_ev:
    # A dot's popup lists its first sentences (the most mentioned places' only): all are listed here.
    if state.places and (mentioned := appdata.place_sentences(view.places, state.places[0])):
        st.markdown(f"**{mentioned.note}**")
        st.html(READER_CSS + mentioned.html)
    # At most EVIDENCE_ROWS rows go to the browser (all 38,000 events of 10,000 articles made 16 MB a visit);
    # the rest are one click away as a CSV of exactly the table's events.
    shown = view.table.head(appdata.EVIDENCE_ROWS)
    st.dataframe(appdata.evidence_table(shown, names, partner_names), hide_index=True,
                 width="stretch", column_config={"source": st.column_config.LinkColumn("source",
                                                                                                display_text="open")})
    if len(shown) < len(view.table):
        n1, n2 = st.columns([3, 1], vertical_alignment="center")
        n1.caption(f":material/info: {appdata.evidence_cap_note(len(shown), len(view.table))}")
        n2.download_button(f"All {len(view.table):,} events (CSV)", partial(dataset.events_csv, view.table),
                           "kzmap-events.csv", "text/csv", key="dl_evidence_all", width="stretch")
with tab_read:
    if len(data.articles):
        long_list = len(data.articles) > appdata.ARTICLE_OPTIONS
        find = st.text_input("Find an article", key="w_reader_q", max_chars=200,
                             placeholder="Words of a title or file") if long_list else ""
        options, found = data.article_options(find, keep=[ss["w_reader"]] if not find and ss.get("w_reader") else ())
        if not options:  # nothing matches: keep reading the article already open
            options = [ss.get("w_reader") or data.articles["file"].iloc[0]]
        if ss.get("w_reader") not in options:
            ss["w_reader"] = options[0]
        pick = st.selectbox("Article", options, key="w_reader", format_func=lambda f: f"{titles.get(f, f)[:90]}")
        if long_list and (note := appdata.article_list_note(min(found, appdata.ARTICLE_OPTIONS), found, find)):
            st.caption(note)
        x = data.extraction(pick)
        a = x.article
        st.html(f'<div style="opacity:.75">{esc(a.source)} · {esc(a.published or "undated")} · '
                f'{link(a.url, "original article")}</div>' + legend_html())
        st.html(reader_html(x))
with tab_add:
    st.caption("Add an article to this session's map and timeline. It is read in memory and never saved.")
    # No type=[...]: Streamlit raises on a wrong extension before the script runs; refused here instead.
    limit = appdata.upload_max_bytes()
    up = st.file_uploader(f"Upload a .md or .txt article (up to {limit:,} bytes)", key="w_upload",
                          max_upload_size=appdata.upload_widget_mb(limit))
    refused = appdata.upload_refusal(up.name, up.size, limit) if up else None
    if refused:
        st.error(appdata.plain_md(refused.error))
    pasted_title = st.text_input("…or paste one: title", key="w_paste_title")
    pasted = st.text_area("Text", key="w_paste_text", height=150)
    pub = st.text_input("Publication date (optional, YYYY, YYYY-MM or YYYY-MM-DD)", key="w_paste_date")
    if st.button("Add to the map", type="primary"):
        if len(ss.get("uploads", [])) >= appdata.MAX_SESSION_UPLOADS:
            ss["add_msg"] = ([], [f"At most {appdata.MAX_SESSION_UPLOADS} articles per session."])
        else:
            # extracted in a child process, as the corpus is: this one never holds the place index (70 MB)
            got, probs = (appdata.read_upload(up.name, up.getvalue(), extract_apart, published=pub) if up else
                          appdata.read_pasted(pasted_title, pasted, extract_apart, published=pub))
            if got is not None:
                ss["uploads"] = ss.get("uploads", []) + [got]
            found = (f"{appdata.count_of(len(got.mentions), 'place mention')}, "
                     f"{appdata.count_of(len(got.events), 'event')}") if got else ""
            ss["add_msg"] = ([f"Added “{got.article.title[:80]}”: {found}."] if got else [],
                             [f"{p.error}" for p in probs])
        st.rerun()
    ok, bad = ss.get("add_msg", ([], []))
    for msg in ok:
        st.success(appdata.plain_md(msg))
    for msg in bad:
        st.error(appdata.plain_md(msg))
with tab_dl:
    d1, d2, d3 = st.columns(3)
    # Made when clicked (a callable): building the files on every rerun cost 0.5 s with 10,000 articles.
    d1.download_button("Places (GeoJSON)", partial(dataset.places_geojson_text, view.places),
                       "kzmap-places.geojson", "application/geo+json", width="stretch")
    d2.download_button("Places (CSV)", partial(dataset.places_csv, view.places), "kzmap-places.csv", "text/csv",
                       width="stretch")
    d3.download_button("Events (CSV)", partial(dataset.events_csv, view.table), "kzmap-events.csv", "text/csv",
                       width="stretch")

if data.problems:
    unread = "file or field" if len(data.problems) == 1 else "files or fields"
    with st.expander(f"{len(data.problems):,} {unread} could not be read", icon=":material/warning:"):
        st.dataframe([{"file": p.path, "problem": p.error} for p in data.problems], hide_index=True,
                     width="stretch")
st.caption("Places © [GeoNames](https://www.geonames.org/) (CC BY 4.0) · Borders © "
           "[Natural Earth](https://www.naturalearthdata.com/) (public domain) · Map: Leaflet, folium · "
           "Countries and macro regions are shaded, not drawn as dots.")
st.session_state["script_ms"] = round((time.perf_counter() - T0) * 1000, 1)
st.session_state["script_cpu_ms"] = round((time.thread_time() - CPU0) * 1000, 1)
