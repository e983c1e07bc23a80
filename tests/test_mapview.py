import json
import re

import folium
import pandas as pd
import pytest
from app_fixtures import marker_popups, marker_rows

from kzmap import mapview
from kzmap.dataset import places_frame

SQUARE = {"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"code": "CN", "name": "China"},
     "geometry": {"type": "Polygon", "coordinates": [[[100, 30], [110, 30], [110, 40], [100, 40], [100, 30]]]}},
    {"type": "Feature", "properties": {"code": "FR", "name": "France"},
     "geometry": {"type": "Polygon", "coordinates": [[[0, 44], [5, 44], [5, 49], [0, 49], [0, 44]]]}},
]}
ROUTES = {"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"id": "r1", "name": "<b>Middle</b> Corridor", "kind": "corridor", "source": "x"},
     "geometry": {"type": "LineString", "coordinates": [[51.2, 43.6], [49.9, 40.4]]}}]}
# a script, stylesheet, CSS import or url() that leaves the machine (links in popups are fine)
CDN = re.compile(r"<script[^>]*\bsrc=[\"']?(?:https?:)?//|<link[^>]*\bhref=[\"']?(?:https?:)?//"
                 r"|@import|url\([\"']?(?:https?:)?//", re.I)


def render(places, basemap="outline"):
    m = mapview.base_map(SQUARE, basemap, routes_geojson=ROUTES, legend_partners=[("CN", "China")])
    return mapview.render_html(m, mapview.shading(SQUARE, {"CN": 3, "EU": 1}), mapview.place_markers(places))


def test_one_marker_per_place_with_the_class_biggest_first(app_extractions):
    places = places_frame(app_extractions)
    html = render(places)
    rows = marker_rows(html)
    assert len(rows) == int(places["marker"].sum()) == 4
    assert 'className: "kzmap-place"' in html
    assert [r[2] for r in rows] == sorted((r[2] for r in rows), reverse=True)  # radius grows with mentions
    assert len(marker_popups(html)) == 4 and "if (false && L.markerClusterGroup)" in html


def many_places(n: int, app_extractions) -> pd.DataFrame:
    """``n`` marker places spread over Eurasia, made from one real place row (its evidence included)."""
    one = places_frame(app_extractions).query("marker").iloc[[0]]
    rows = pd.concat([one] * n, ignore_index=True)
    rows["id"] = [f"t:{i}" for i in range(n)]
    rows["name"] = [f"Town {i}" for i in range(n)]
    rows["lat"] = [30 + (i % 97) * 0.3 for i in range(n)]
    rows["lon"] = [20 + (i % 89) * 1.1 for i in range(n)]
    rows["mentions"] = list(range(n, 0, -1))
    return rows


def test_many_places_are_clustered_and_only_the_top_carry_evidence(app_extractions, monkeypatch):
    monkeypatch.setattr(mapview, "FULL_POPUPS", 5)
    monkeypatch.setattr(mapview, "CLUSTER_ABOVE", 20)
    small = render(many_places(20, app_extractions))
    assert len(marker_rows(small)) == 20 and "if (false && L.markerClusterGroup)" in small
    big = render(many_places(21, app_extractions))
    rows, popups = marker_rows(big), marker_popups(big)
    assert len(rows) == 21 and "if (true && L.markerClusterGroup)" in big
    assert len(popups) == 5 and all("<ol><li>" in p for p in popups)  # the 5 most mentioned: evidence
    assert "Town 0 (" in rows[0][4] and "Town 0<" in popups[0]
    assert mapview.SHORT_POPUP_NOTE in big  # the others: a short popup (a click selects them)


def test_marker_data_cannot_close_the_script_element():
    text = "</script><script>alert(1)</script>\u2028<!--"
    js = mapview.script_json([text])
    assert "</" not in js and "<!" not in js and "\u2028" not in js
    assert json.loads(js.replace("<\\/", "</").replace("<\\!", "<!")) == [text]


def test_rendering_is_deterministic(app_extractions):
    places = places_frame(app_extractions)
    assert render(places) == render(places)


@pytest.mark.parametrize("clustered", [False, True])
def test_no_cdn_script_or_stylesheet_only_local_assets(app_extractions, clustered):
    m = mapview.base_map(SQUARE, routes_geojson=ROUTES, clustered=clustered)
    html = mapview.render_html(m, mapview.shading(SQUARE, {"CN": 3}),
                               mapview.place_markers(places_frame(app_extractions)))
    assert not CDN.search(html), CDN.search(html)
    srcs = set(re.findall(r'<script src="([^"]+)"', html))
    srcs |= set(re.findall(r'<link rel="stylesheet" href="([^"]+)"', html))
    plugin = {"/app/static/markercluster/leaflet.markercluster.js", "/app/static/markercluster/MarkerCluster.css",
              "/app/static/markercluster/MarkerCluster.Default.css"}
    leaflet = {"/app/static/leaflet/leaflet.js", "/app/static/leaflet/leaflet.css"}
    assert srcs == leaflet | (plugin if clustered else set())
    for src in srcs:  # each is a file in static/ (Streamlit serves static/ at /app/static)
        assert (mapview.ROOT / "static" / src.removeprefix("/app/static/")).is_file(), src
    # no jQuery is loaded: nothing may call it (folium's Popup does: the map makes none)
    assert "$(" not in html and "jQuery" not in html


def test_st_folium_gets_only_local_links(app_extractions):
    """What st_folium hands its iframe: every JSCSSMixin's default_js/default_css."""
    import branca

    m = mapview.base_map(SQUARE, routes_geojson=ROUTES)
    for el in [m, *m._children.values()]:
        assert not isinstance(el, branca.colormap.ColorMap)  # st_folium would add d3 from a CDN
        for _, url in getattr(el, "default_js", []) + getattr(el, "default_css", []):
            assert url.startswith("/app/static/")


def test_hostile_strings_are_escaped_everywhere(app_extractions, app_hostile):
    places = places_frame([*app_extractions, app_hostile])
    html = render(places)
    assert "<img src=x" not in html and "<script>alert" not in html
    assert "${alert" not in html and "javascript:alert" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;b&gt;Middle&lt;/b&gt;" in html


def test_links_only_for_http_urls(app_extractions, app_hostile):
    html = render(places_frame([*app_extractions, app_hostile]))
    hrefs = re.findall(r'href=\\?"([^"\\]+)', html)
    assert "https://example.com/a" in hrefs
    assert all(h.startswith(("https://", "http://", "/app/static/")) for h in hrefs), hrefs


def test_popup_has_highlighted_sentence_title_and_date(app_extractions):
    row = places_frame(app_extractions).set_index("id").loc["cur:khorgos"]
    row = row.copy()
    row["id"] = "cur:khorgos"
    html = mapview.popup_html(row, {"KZ": "Kazakhstan"}, {"CN": "China"})
    assert "<mark class=\"kz-place\">Khorgos</mark>" in html
    assert "Kazakhstan meets China" in html and "2023-09" in html and "Kazakhstan" in html


def test_radius_grows_with_mentions_and_is_capped():
    assert mapview.radius(1) < mapview.radius(4) < mapview.radius(100) == 22


def test_a_selected_place_is_outlined_and_only_the_selection_changes(app_extractions):
    """Selecting a place changes the selection in the marker script, not the rows or popups; the script
    outlines it and shows it once the markers are built (st_folium rebuilds the group on a click)."""
    from kzmap.dataset import aggregate_places, mentions_frame

    plain = aggregate_places(mentions_frame(app_extractions))
    chosen = aggregate_places(mentions_frame(app_extractions), selected=["cur:khorgos"])
    render_fg = lambda p: mapview.render_html(mapview.base_map(SQUARE, routes_geojson=ROUTES),  # noqa: E731
                                             mapview.place_markers(p))
    before, after = render_fg(plain), render_fg(chosen)
    assert mapview.read_markers(before) == mapview.read_markers(after)
    assert mapview.read_selected(before) == {"rows": [], "ids": []}
    rows, picked = marker_rows(after), mapview.read_selected(after)
    assert picked["ids"] == ["cur:khorgos"] and rows[picked["rows"][0]][4].startswith("Khorgos (")
    assert 'className: "kzmap-place kzmap-selected"' in after and mapview.SELECTED_OUTLINE in after
    assert "zoomToShowLayer" in after and "openPopup" in after


def test_payload_selection_points_at_the_marker_rows(app_extractions):
    """Positions are of the drawn rows (biggest first, countries left out), and several can be selected."""
    from kzmap.dataset import aggregate_places, mentions_frame

    places = aggregate_places(mentions_frame(app_extractions), selected=["gn:524901", "country:CN", "gn:1526384"])
    payload = mapview.marker_payload(places)
    rows = json.loads(payload.rows_json)
    picked = json.loads(payload.selected_json)
    assert [rows[i][4].split(" (")[0] for i in picked["rows"]] == ["Almaty", "Moscow"]  # China: no dot
    assert picked["ids"] == ["gn:1526384", "gn:524901"]
    assert mapview.selected_ids(places) == ("gn:1526384", "country:CN", "gn:524901")


def test_payload_cache_follows_the_selection(app_extractions):
    """A frame per selection (the app's views) gets its own payload, and a frame whose ``selected`` flags
    change in place is never answered with the payload of its old selection."""
    from kzmap.dataset import aggregate_places, mentions_frame

    mentions = mentions_frame(app_extractions)
    plain = aggregate_places(mentions)
    khorgos = aggregate_places(mentions, selected=["cur:khorgos"])
    first = mapview.marker_payload(plain)
    other = mapview.marker_payload(khorgos)
    assert json.loads(first.selected_json) == {"rows": [], "ids": []}
    assert json.loads(other.selected_json)["ids"] == ["cur:khorgos"]
    assert (other.rows_json, other.popups_json) == (first.rows_json, first.popups_json)
    assert mapview.marker_payload(plain) is first and mapview.marker_payload(khorgos) is other
    plain["selected"] = plain["id"] == "gn:524901"  # the same frame object, another selection
    moved = mapview.marker_payload(plain)
    rows = json.loads(moved.rows_json)
    assert [rows[i][4].split(" (")[0] for i in json.loads(moved.selected_json)["rows"]] == ["Moscow"]
    plain["selected"] = False
    assert json.loads(mapview.marker_payload(plain).selected_json) == {"rows": [], "ids": []}


def test_a_selected_place_reaches_the_script_only_as_script_json(app_extractions, app_hostile):
    """A selected place with a hostile name and id: the selection is numbers and the id as script JSON, the
    name only escaped inside the rows."""
    from kzmap.dataset import aggregate_places, mentions_frame

    places = aggregate_places(mentions_frame([*app_extractions, app_hostile]), selected=["cur:evil"])
    evil_id = "</script><script>alert(1)</script>\u2028"
    places.loc[places["id"] == "cur:evil", "id"] = evil_id
    html = render(places)
    picked = mapview.read_selected(html)  # (JSON reads <\/ as </)
    assert picked["ids"] == [evil_id] and "&lt;img src=x" in marker_rows(html)[picked["rows"][0]][4]
    assert "<img src=x" not in html and "\u2028" not in html
    assert "</script><script>alert" not in html  # the id cannot close the script element
    assert '"ids":["<\\/script><script>alert(1)<\\/script>\\u2028"]' in html


def test_eu_shades_member_states_without_their_own_count():
    html = mapview.render_html(folium.Map(tiles=None), mapview.shading(SQUARE, {"EU": 2}, {"EU": "European Union"}))
    assert "France (EU)" in html and "#2ca02c" in html


@pytest.mark.parametrize("basemap,tiles", [("outline", False), ("positron", True), ("osm", True), ("bogus", False)])
def test_basemap_choice(basemap, tiles):
    html = mapview.base_map(SQUARE, basemap, routes_geojson=ROUTES).get_root().render()
    assert ("L.tileLayer" in html) == tiles
    assert "GeoNames" in html and "Natural Earth" in html
    assert '"maxZoom": 12' in html  # the map's own, whatever the basemap: marker clusters need it


def test_click_matched_by_tooltip_then_distance(app_extractions):
    places = places_frame(app_extractions)
    index = mapview.click_index(places[places.marker])
    tip = next(t for pid, t, *_ in index if pid == "cur:khorgos")
    assert mapview.match_click(index, {"lat": 44.2, "lng": 80.3}, "  " + tip + "\n") == "cur:khorgos"
    assert mapview.match_click(index, {"lat": 0, "lng": 0}, "China: 3 mentions") is None
    assert mapview.match_click(index, None, None) is None
    assert mapview.match_click(index, "junk", tip) == "cur:khorgos"


def test_outlines_are_simplified_and_rounded():
    out = mapview.simplify_outlines(SQUARE | {"features": SQUARE["features"] + [
        {"type": "Feature", "properties": {"code": "AQ", "name": "Antarctica"}, "geometry": None}]})
    assert [f["properties"]["code"] for f in out["features"]] == ["CN", "FR"]


def test_legend_explains_clusters_only_when_there_are_any():
    assert "numbered circles" in mapview.legend_html([("CN", "China")], clustered=True)
    assert "numbered circles" not in mapview.legend_html([("CN", "China")])
    # the selected dot's ring is always explained: a legend that changed with the selection would make
    # st_folium start a new map on every click
    assert "Dark ring: the selected place" in mapview.legend_html([("CN", "China")])
    assert mapview.SELECTED_OUTLINE in mapview.legend_html([("CN", "China")], clustered=True)
    assert mapview.clusters(mapview.CLUSTER_ABOVE + 1) and not mapview.clusters(mapview.CLUSTER_ABOVE)


def test_marker_payload_is_remembered_for_the_same_frame_only(app_extractions):
    places = places_frame(app_extractions)
    names = {"KZ": "Kazakhstan"}
    first = mapview.marker_payload(places, names)
    assert mapview.marker_payload(places, names) is first  # the app's shared views: no second build
    copy = places.copy()
    again = mapview.marker_payload(copy, names)
    assert again == first and again is not first
    other_names = mapview.marker_payload(places, {"KZ": "Qazaqstan"})
    assert other_names is not first and "Qazaqstan" in other_names.popups_json
    assert mapview.marker_payload(places.iloc[0:0], names) is None
