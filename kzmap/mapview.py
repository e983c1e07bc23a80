"""Folium builders: a stable base map, partner-country shading and place markers.

The base map (outlines, routes, legend, attribution) depends only on the corpus, so it stays the
same while filters change; st_folium then only swaps the feature groups from ``shading`` and
``place_markers`` (``feature_group_to_add``) instead of reloading the map. Element ids are set
deterministically, so the same data renders byte-identical HTML.

No CDN: Leaflet and leaflet.markercluster come from ``static/`` (Streamlit static serving, ``/app/static``);
folium's other defaults (jQuery, Bootstrap, Font Awesome, awesome-markers) are dropped, and no branca
colormap is used (st_folium would load d3 from a CDN for it).

Every string from data goes through ``kzmap.html.esc``: folium pastes popup and tooltip HTML raw
into JavaScript template literals.
"""
from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import branca.element
import folium
import numpy as np
import pandas as pd
from branca.element import Element, MacroElement
from jinja2 import Template

from .colors import partner_color
from .dataset import Evidence
from .html import esc, link, sentence_html, swatch

# branca turns every rendered snippet of JavaScript into a new ``Element(text)``, which compiles
# the text as a Jinja template, on every rerun. Our element ids are deterministic, so the snippets
# of an unchanged map repeat from rerun to rerun: compile each distinct snippet once. (Texts over
# 100 kB are not kept, so the cache stays small; the big outlines go through ``_Raw`` anyway.)
_compile_template = Template


@lru_cache(maxsize=1024)
def _cached_template(source: str) -> Template:
    return _compile_template(source)


def _template(source: str) -> Template:
    return _cached_template(source) if len(source) < 100_000 else _compile_template(source)


branca.element.Template = _template

ROOT = Path(__file__).resolve().parent.parent
GEO_DIR = ROOT / "geo"
STATIC_URL = "/app/static"

CENTER = (46.0, 66.0)  # lat, lon: Kazakhstan and its partners from Europe to China
ZOOM = 3
MAX_POPUP_EVIDENCE = 8
FULL_POPUPS = 300  # the most mentioned places whose popups list their evidence (the others: a short popup)
CLUSTER_ABOVE = 300  # more markers than this are clustered (leaflet.markercluster)
SHORT_POPUP_NOTE = "Selected: the sentences that mention it are listed under the map."

EU_MEMBERS = ("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
              "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE")

BASEMAPS = {
    "outline": "Country outlines (offline)",
    "positron": "CartoDB Positron (online)",
    "osm": "OpenStreetMap (online)",
}
_TILES = {
    "positron": ("https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}{r}.png",
                 '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors '
                 '&copy; <a href="https://carto.com/attributions">CARTO</a>'),
    "osm": ("https://tile.openstreetmap.org/{z}/{x}/{y}.png",
            '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'),
}
ATTRIBUTION = ('Places: <a href="https://www.geonames.org/">GeoNames</a> '
               '(<a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>) · '
               'Borders: <a href="https://www.naturalearthdata.com/">Natural Earth</a>')

ROUTE_STYLE = {  # kind -> (colour, dash pattern, label)
    "corridor": ("#5b4a8b", "8 6", "Transport corridor"),
    "rail": ("#3d3d3d", "2 5", "Railway"),
    "road": ("#8a5a2b", "10 4", "Highway"),
    "pipeline": ("#b5651d", "1 4", "Pipeline"),
    "sea_route": ("#2a7fb8", "6 6", "Sea route"),
}

SEA = "#dfe8f0"
LAND = "#f6f4ef"
BORDER = "#b9b6ad"
HOME_FILL = "#fbf1d3"  # Kazakhstan, the subject of every article
SELECTED_OUTLINE = "#1c1c1c"  # the ring of a selected place's dot (a click or a place= link)


# --- data files -----------------------------------------------------------------------------------

@lru_cache(maxsize=2)
def load_geojson(path: str | Path) -> dict:
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def _round_coords(coords, ndigits: int):
    if isinstance(coords, (int, float)):
        return round(coords, ndigits)
    return [_round_coords(c, ndigits) for c in coords]


def simplify_outlines(geojson: Mapping, tolerance: float = 0.1, ndigits: int = 2,
                      drop: tuple[str, ...] = ("AQ",)) -> dict:
    """Lighter outlines for the browser: simplified and rounded (about 1 km at the world view)."""
    from shapely.geometry import mapping, shape

    features = []
    for f in geojson.get("features", []):
        geom = f.get("geometry")
        if not geom or f.get("properties", {}).get("code") in drop:
            continue
        g = shape(geom).simplify(tolerance, preserve_topology=True)
        if g.is_empty:
            continue
        gj = mapping(g)
        features.append({"type": "Feature", "properties": {"code": f["properties"].get("code", ""),
                                                            "name": f["properties"].get("name", "")},
                         "geometry": {"type": gj["type"], "coordinates": _round_coords(gj["coordinates"], ndigits)}})
    return {"type": "FeatureCollection", "features": features}


@lru_cache(maxsize=1)
def default_outlines() -> dict:
    return simplify_outlines(load_geojson(GEO_DIR / "countries.geojson"))


@lru_cache(maxsize=1)
def default_routes() -> dict:
    path = GEO_DIR / "routes.geojson"
    return load_geojson(path) if path.exists() else {"type": "FeatureCollection", "features": []}


# --- helpers ----------------------------------------------------------------------------------------

def use_local_assets(m: folium.Map, static_url: str = STATIC_URL, cluster: bool = False) -> folium.Map:
    """Point the map at Leaflet (and leaflet.markercluster when ``cluster``) under ``static_url``; drop every
    other default asset (folium's CDN links, and jQuery, which only folium's Popup needs: the map makes
    none). Each script is one more sequential request in st_folium's iframe before the first marker.

    When a filter change makes the map cross ``CLUSTER_ABOVE`` markers, the base map changes with its
    legend, so st_folium starts a new map, with the plugin's script."""
    m.default_js = [("leaflet", f"{static_url}/leaflet/leaflet.js")]
    m.default_css = [("leaflet_css", f"{static_url}/leaflet/leaflet.css")]
    if cluster:
        m.default_js.append(("markercluster", f"{static_url}/markercluster/leaflet.markercluster.js"))
        m.default_css += [("markercluster_css", f"{static_url}/markercluster/MarkerCluster.css"),
                          ("markercluster_default_css", f"{static_url}/markercluster/MarkerCluster.Default.css")]
    return m


def stabilize_ids(element, prefix: str) -> None:
    """Give ``element`` and its descendants ids that depend only on their position (no uuids)."""
    counter = 0

    def walk(el):
        nonlocal counter
        el._id = f"{prefix}{counter}"
        counter += 1
        for child in list(getattr(el, "_children", {}).values()):
            walk(child)
        for attr in ("header", "html", "script"):  # a Popup keeps its content outside _children
            sub = getattr(el, attr, None)
            if isinstance(sub, Element) and sub is not el:
                walk(sub)
        # rebuild the children dict so its keys (used as JS variable names) are stable too
        if getattr(el, "_children", None):
            el._children = type(el._children)((c.get_name(), c) for c in el._children.values())

    walk(element)


class _Attribution(MacroElement):
    """Adds a constant attribution line to the map's attribution control."""
    _template = Template("{% macro script(this, kwargs) %}"
                         "{{ this._parent.get_name() }}.attributionControl.addAttribution({{ this.text_json }});"
                         "{% endmacro %}")

    def __init__(self, text: str = ATTRIBUTION):
        super().__init__()
        self._name = "Attribution"
        self.text_json = json.dumps(text)


def radius(mentions: int) -> float:
    """Marker radius in pixels: grows with the square root of the mention count, 5 to 22."""
    return round(min(22.0, 4.0 + 3.0 * math.sqrt(max(1, int(mentions)))), 1)


def tooltip_text(row) -> str:
    """Plain tooltip text of a place; also how a click is matched back to its place."""
    n = int(row["mentions"])
    where = f"{row['kind'].replace('_', ' ')}, {row['country']}" if row["country"] else row["kind"].replace("_", " ")
    return f"{row['name']} ({where}) · {n} mention{'s' if n != 1 else ''}"


def normalize_text(text: str | None) -> str:
    return " ".join((text or "").split())


def popup_html(row, country_names: Mapping[str, str] | None = None,
               partner_names: Mapping[str, str] | None = None, first: list[dict] | None = None) -> str:
    """A place's popup: name, kind, country, partners and its first evidence sentences (``first``:
    ``row["evidence"][:MAX_POPUP_EVIDENCE]`` when the caller has read them already)."""
    country_names = country_names or {}
    partner_names = partner_names or {}
    country = country_names.get(row["country"], row["country"]) if row["country"] else ""
    partners = row["partners"] or {}
    chips = " ".join(
        f'<span class="kz-chip">{swatch(partner_color(c))}{esc(partner_names.get(c, c))} {int(n)}</span>'
        for c, n in list(partners.items())[:6])
    items = evidence_items_html(first if first is not None else row["evidence"][:MAX_POPUP_EVIDENCE])
    more = len(row["evidence"]) - MAX_POPUP_EVIDENCE
    if more > 0:
        items += f'<li class="kz-more">and {more} more, listed under the map</li>'
    n = int(row["mentions"])
    return (
        '<div class="kz-pop">'
        f'<div class="kz-title">{esc(row["name"])}</div>'
        f'<div class="kz-meta">{esc(str(row["kind"]).replace("_", " "))}'
        f'{" · " + esc(country) if country else ""} · {n} mention{"s" if n != 1 else ""}'
        f' in {int(row["n_articles"])} article{"s" if int(row["n_articles"]) != 1 else ""}</div>'
        f'{"<div class=kz-chips>" + chips + "</div>" if chips else ""}'
        f'<ol>{items}</ol></div>'
    )


def evidence_items_html(items: Iterable[Mapping]) -> str:
    """``<li>`` of each evidence item: the sentence with the place highlighted, its article (linked) and date."""
    out = []
    for ev in items:
        when = ev.get("date") or ev.get("published") or "undated"
        out.append(
            f'<li><q>{sentence_html(ev["sentence"], ev["start"], ev["end"])}</q>'
            f'<div class="kz-src">{link(ev.get("url"), ev.get("title") or ev.get("file"))} · {esc(when)}</div></li>')
    return "".join(out)


POPUP_CSS = f"""
<style>
.leaflet-container.leaflet-container {{ background: {SEA}; font: 13px/1.4 "Source Sans Pro", "Segoe UI", Roboto,
  sans-serif; }}
.leaflet-control-attribution.leaflet-control-attribution, .leaflet-control-scale-line {{ font-size: 10px; }}
.kz-pop {{ max-height: 260px; overflow-y: auto; min-width: 240px; }}
.kz-pop .kz-title {{ font-weight: 700; font-size: 15px; }}
.kz-pop .kz-meta {{ color: #555; margin-bottom: 4px; }}
.kz-pop .kz-chips {{ margin: 2px 0 6px 0; }}
.kz-pop .kz-chip {{ display: inline-block; margin-right: 8px; white-space: nowrap; }}
.kz-pop ol {{ padding-left: 18px; margin: 0; }}
.kz-pop li {{ margin-bottom: 6px; }}
.kz-pop q {{ quotes: none; }}
.kz-pop mark {{ background: #ffe08a; padding: 0 2px; border-radius: 2px; }}
.kz-pop .kz-src {{ color: #666; font-size: 12px; }}
.kz-legend {{ background: rgba(255,255,255,.9); padding: 5px 8px; border-radius: 6px; color: #222;
  box-shadow: 0 1px 3px rgba(0,0,0,.25); font-size: 11px; line-height: 1.35; max-width: 170px; }}
.kz-legend b {{ display: block; margin-top: 3px; font-size: 11px; }}
.kz-legend details summary {{ cursor: pointer; font-weight: 700; }}
.kz-legend details details {{ margin-top: 3px; }}
.kz-legend .kz-line {{ display: inline-block; width: 22px; height: 0; border-top: 2px dashed; vertical-align: middle;
  margin-right: 5px; }}
path.kzmap-place {{ cursor: pointer; }}
.marker-cluster.marker-cluster-small, .marker-cluster.marker-cluster-medium, .marker-cluster.marker-cluster-large {{
  background-color: rgba(70, 80, 95, .22); }}
.marker-cluster.marker-cluster-small div, .marker-cluster.marker-cluster-medium div,
.marker-cluster.marker-cluster-large div {{ background-color: rgba(55, 65, 80, .78); color: #fff; font-weight: 600; }}
</style>
"""


_JSON_CACHE: dict[int, tuple[Mapping, str]] = {}


def _json_of(obj: Mapping) -> str:
    """json.dumps of a (large, unchanging) mapping, remembered per object."""
    hit = _JSON_CACHE.get(id(obj))
    if hit is None or hit[0] is not obj:
        if len(_JSON_CACHE) > 8:
            _JSON_CACHE.clear()
        hit = (obj, json.dumps(obj, separators=(",", ":")))
        _JSON_CACHE[id(obj)] = hit
    return hit[1]


class _Outlines(MacroElement):
    """Country outlines as one plain L.geoJSON layer, styled in JavaScript.

    folium.GeoJson with a style_function re-serialises ~350 kB and styles every feature in Python
    on each rerun (about 0.2 s); this costs a string join.
    """
    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.geoJSON({{ this.data_json }}, {
            interactive: false,
            style: function (f) {
                return f.properties.code === "KZ"
                    ? {{ this.home_style }}
                    : {{ this.land_style }};
            }
        }).addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, geojson: Mapping):
        super().__init__()
        self._name = "Outlines"
        self.data_json = _json_of(geojson)
        self.home_style = json.dumps({"fillColor": HOME_FILL, "color": "#7a6a3a", "weight": 1.4, "fillOpacity": 1.0})
        self.land_style = json.dumps({"fillColor": LAND, "color": BORDER, "weight": 0.6, "fillOpacity": 1.0})

    def render(self, **kwargs) -> None:
        script = self._template.module.__getattribute__("script")(self, kwargs)
        self.get_root().script.add_child(_Raw(script), name=self.get_name())


class _Raw(Element):
    """Pre-rendered text: unlike Element(text), no Jinja compile of a 300 kB string per render."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def render(self, **kwargs) -> str:
        return self.text


class _Legend(MacroElement):
    _template = Template("""
        {% macro script(this, kwargs) %}
        (function() {
            var legend = L.control({position: "topright"});
            legend.onAdd = function () {
                var div = L.DomUtil.create("div", "kz-legend");
                div.innerHTML = {{ this.html_json }};
                L.DomEvent.disableClickPropagation(div);
                return div;
            };
            legend.addTo({{ this._parent.get_name() }});
            // A popup opens clear of the legend: the legend is a control, drawn over the popups, so where a
            // popup would end up under it after Leaflet's own pan, the map pans further, down below the
            // legend or left of it, whichever is the shorter way and leaves the whole popup in the map.
            if (L.Popup.prototype._kzClearOfLegend) { return; }
            var adjust = L.Popup.prototype._adjustPan;
            L.Popup.include({_kzClearOfLegend: true, _adjustPan: function () {
                var map = this._map, o = this.options;
                o.autoPanPaddingTopLeft = o.autoPanPaddingBottomRight = null;
                var div = map && this._container && map.getContainer().querySelector(".kz-legend");
                if (div && o.autoPan) {
                    var box = map.getContainer().getBoundingClientRect(), size = map.getSize(), pad = 5;
                    var p = this._container.getBoundingClientRect(), l = div.getBoundingClientRect();
                    var pl = p.left - box.left, pr = p.right - box.left, pt = p.top - box.top,
                        pb = p.bottom - box.top, ll = l.left - box.left, lb = l.bottom - box.top;
                    var dx = 0, dy = 0;  // Leaflet's own pan (autoPanPadding 5)
                    if (pr + pad > size.x) { dx = pr + pad - size.x; }
                    if (pl - dx - pad < 0) { dx = pl - pad; }
                    if (pb + pad > size.y) { dy = pb + pad - size.y; }
                    if (pt - dy - pad < 0) { dy = pt - pad; }
                    if (pr - dx > ll - pad && pt - dy < lb + pad && l.width > 0) {
                        var down = lb + pad - (pt - dy), left = pr - dx - (ll - pad);
                        var downFits = pb - pt + lb + 2 * pad <= size.y, leftFits = pr - pl + 2 * pad <= ll;
                        if (downFits && (!leftFits || down <= left)) {
                            o.autoPanPaddingTopLeft = L.point(pad, lb + pad);
                        } else if (leftFits) {
                            o.autoPanPaddingBottomRight = L.point(size.x - ll + pad, pad);
                        }
                    }
                }
                return adjust.apply(this, arguments);
            }});
        })();
        {% endmacro %}
    """)

    def __init__(self, html: str):
        super().__init__()
        self._name = "Legend"
        self.html_json = json.dumps(html)


def legend_html(partners: Iterable[tuple[str, str]], route_kinds: Iterable[str] = (), measure: str = "mentions",
                clustered: bool = False) -> str:
    """The map legend: partner colours, what size, the dark ring and shading mean, route styles (folds open).
    The ring's line is always there, selection or not: the legend is part of the base map, and a change
    of the base map makes st_folium start a new map."""
    rows = [f"{swatch(partner_color(code))}{esc(name)}" for code, name in partners]
    kinds = [k for k in ROUTE_STYLE if k in set(route_kinds)]
    routes = "<br>".join(
        f'<span class="kz-line" style="border-color:{ROUTE_STYLE[k][0]}"></span>{esc(ROUTE_STYLE[k][2])}'
        for k in kinds)
    return ("<details open><summary>Legend</summary>"
            + "<b>Dot colour: leading partner</b>" + ("<br>".join(rows) or "none found")
            + "<b>Dot size: mentions</b>"
            + f"<b>{ring(SELECTED_OUTLINE)}Dark ring: the selected place</b>"
            + ("<b>Grey numbered circles: nearby places (click to zoom in)</b>" if clustered else "")
            + f"<b>Shading: partners by {esc(measure)}</b>"
            + (f"<details><summary>Routes</summary>{routes}</details>" if routes else "") + "</details>")


def ring(color: str) -> str:
    """A small hollow circle with a ``color`` (#rrggbb) outline: the selected dot, in the legend."""
    return (f'<span style="display:inline-block;width:.55em;height:.55em;border-radius:50%;'
            f'border:2px solid {color};margin-right:.35em;vertical-align:-.05em"></span>')


# --- builders ---------------------------------------------------------------------------------------

def base_map(countries_geojson: Mapping | None = None, basemap: str = "outline", *,
             routes_geojson: Mapping | None = None, legend_partners: Iterable[tuple[str, str]] = (),
             measure: str = "mentions", static_url: str = STATIC_URL, height: int | str = "100%",
             clustered: bool = False) -> folium.Map:
    """The stable part of the map: outlines (or tiles), routes, legend and attribution. ``clustered``: the
    legend explains marker clusters (see ``clusters``)."""
    if basemap not in BASEMAPS:
        basemap = "outline"
    m = folium.Map(location=list(CENTER), zoom_start=ZOOM, min_zoom=2, max_zoom=12, tiles=None,
                   control_scale=True, prefer_canvas=False, world_copy_jump=False, height=height)
    # folium gives min/max zoom to tile layers only; the outline basemap has none, and the marker clusters
    # need the map's own maxZoom
    m.options.update(min_zoom=2, max_zoom=12)
    use_local_assets(m, static_url, cluster=clustered)
    m.get_root().header.add_child(Element(POPUP_CSS), name="kz_css")

    if basemap in _TILES:
        url, attr = _TILES[basemap]
        folium.TileLayer(url, attr=attr, name=BASEMAPS[basemap], control=False, max_zoom=18).add_to(m)
    else:
        outlines = countries_geojson if countries_geojson is not None else default_outlines()
        _Outlines(outlines).add_to(m)

    routes = routes_geojson if routes_geojson is not None else default_routes()
    route_kinds = []
    group = folium.FeatureGroup(name="Routes", control=False)
    for f in routes.get("features", []):
        geom = f.get("geometry") or {}
        props = f.get("properties") or {}
        lines = ([geom.get("coordinates", [])] if geom.get("type") == "LineString"
                 else geom.get("coordinates", []) if geom.get("type") == "MultiLineString" else [])
        colour, dash, _label = ROUTE_STYLE.get(props.get("kind"), ("#555555", "4 4", "Route"))
        route_kinds.append(props.get("kind"))
        for line in lines:
            # GeoJSON gives (lon, lat); folium wants [lat, lon]
            latlon = [[pt[1], pt[0]] for pt in line if len(pt) >= 2]
            if len(latlon) < 2:
                continue
            kind = esc(str(props.get("kind", "")).replace("_", " "))
            tip = f"<b>{esc(props.get('name', ''))}</b><br><small>{kind}</small>"
            folium.PolyLine(latlon, color=colour, weight=2.5, opacity=0.75, dash_array=dash,
                            tooltip=folium.Tooltip(tip, sticky=True), class_name="kzmap-route").add_to(group)
    group.add_to(m)
    _Legend(legend_html(legend_partners, route_kinds, measure, clustered)).add_to(m)
    m.add_child(_Attribution())
    stabilize_ids(m, "kz")
    return m


def shading(countries_geojson: Mapping | None, counts: Mapping[str, int], names: Mapping[str, str] | None = None,
            measure: str = "mentions") -> folium.FeatureGroup:
    """Partner countries filled with their partner colour, stronger for more ``measure``.

    The EU's count shades its member states that have no count of their own.
    """
    names = names or {}
    geo = countries_geojson if countries_geojson is not None else default_outlines()
    values = {c: int(n) for c, n in counts.items() if n and c != "KZ"}
    eu = values.pop("EU", 0)
    top = max([*values.values(), eu, 1])
    fg = folium.FeatureGroup(name="Partner countries", control=False)
    for f in geo.get("features", []):
        code = f["properties"].get("code", "")
        own = values.get(code, 0)
        via_eu = not own and eu and code in EU_MEMBERS
        n = own or (eu if via_eu else 0)
        if not n:
            continue
        partner = "EU" if via_eu else code
        opacity = round(0.12 + 0.33 * math.sqrt(n / top), 3)
        label = f"{esc(names.get(partner, partner))}: {n} {esc(measure)}"
        if via_eu:
            label = f"{esc(f['properties'].get('name', code))} (EU) · {label}"
        style = {"fillColor": partner_color(partner), "color": partner_color(partner), "weight": 0.7,
                 "opacity": 0.6, "fillOpacity": opacity}
        folium.GeoJson(
            {"type": "FeatureCollection", "features": [f]},
            style_function=lambda _f, style=style: style,
            tooltip=folium.Tooltip(label, sticky=True), control=False,
        ).add_to(fg)
    stabilize_ids(fg, "kzs")
    return fg


class _Markers(MacroElement):
    """Circle markers made in the browser from one compact JSON array, added to the parent group.

    One folium CircleMarker (with its Tooltip and Popup) per place cost about 3 ms of Python and
    2.7 kB of HTML each: 27 s and 25 MB for the 9,000 places of a 10,000-article corpus. Here a
    place is one short row and one line of JavaScript makes every marker. Above ``CLUSTER_ABOVE``
    markers they go into a ``L.markerClusterGroup`` (leaflet.markercluster from ``static/``), which
    keeps only what is visible at the current zoom in the page; a marker's click still reaches
    st_folium through its parent group, with the marker's tooltip.

    The selected places get a dark outline and are drawn over their neighbours. st_folium rebuilds
    this group whenever its script changes (a click changes the selection, so it does), which closes
    any popup: once the markers are built, the first selected one is shown with its popup open,
    zooming into its cluster or panning only when it is not already in view. That happens once per
    selection in the map's page (``window.kzmapShown``): a filter change later does not pull the
    map back to a place the user has moved away from."""
    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (group) {
            var rows = {{ this.rows_json }}, popups = {{ this.popups_json }}, colors = {{ this.colors_json }};
            var selection = {{ this.selected_json }}, chosen = selection.rows, picked = {};
            for (var k = 0; k < chosen.length; k++) { picked[chosen[k]] = true; }
            var made = [];
            for (var i = 0; i < rows.length; i++) {
                var r = rows[i];
                var m = L.circleMarker([r[0], r[1]], picked[i]
                    ? {radius: r[2], color: {{ this.outline_json }}, weight: 3, opacity: 1, fill: true,
                       fillColor: colors[r[3]], fillOpacity: 0.9, className: "kzmap-place kzmap-selected"}
                    : {radius: r[2], color: "#ffffff", weight: 1, opacity: 0.9, fill: true,
                       fillColor: colors[r[3]], fillOpacity: 0.85, className: "kzmap-place"});
                m.bindTooltip(r[4], {sticky: false});
                m.bindPopup(i < popups.length ? popups[i] : '<div class="kz-pop"><div class="kz-title">' + r[4]
                    + '</div><div class="kz-meta">' + {{ this.short_note_json }} + '</div></div>', {maxWidth: 380});
                if (picked[i]) { m.on("add", m.bringToFront, m); }  // a zoom may add it after its neighbours
                made.push(m);
            }
            var first = chosen.length ? made[chosen[0]] : null;
            var key = first ? selection.ids[0] : null;  // the place, whatever the filters make of its row
            var reveal = first !== null && key !== window.kzmapShown;
            window.kzmapShown = key;
            // on its first build st_folium adds the stylesheets without waiting for them: a popup opened
            // before leaflet.css applies is measured as wide as the map and stays beside its place
            function whenStyled(then) {
                var links = document.querySelectorAll('link[rel="stylesheet"]'), left = 0, done = false;
                var go = function () { if (!done) { done = true; then(); } };
                var one = function () { if (--left <= 0) { go(); } };
                for (var n = 0; n < links.length; n++) {
                    if (!links[n].sheet) {
                        left++;
                        links[n].addEventListener("load", one);
                        links[n].addEventListener("error", one);
                    }
                }
                if (left === 0) { go(); } else { setTimeout(go, 5000); }
            }
            function show(cluster) {
                var map = group._map;
                if (!map) { return; }
                var open = function () { first.bringToFront(); first.openPopup(); };
                // a place the map has to move to ends up left of and below the centre: its popup, which
                // opens above it, is then clear of the legend in the top right corner
                var moveThenOpen = function () {
                    var size = map.getSize(), zoom = map.getZoom();
                    var centre = map.project(first.getLatLng(), zoom).add([size.x * 0.1, -size.y * 0.25]);
                    map.setView(map.unproject(centre, zoom), zoom, {animate: false});
                    open();
                };
                if (map.hasLayer(first) && map.getBounds().contains(first.getLatLng())) {
                    open();  // in view (a dot just clicked): the map stays where it is
                } else if (cluster) {
                    cluster.zoomToShowLayer(first, moveThenOpen);
                } else {
                    moveThenOpen();
                }
            }
            // the plugin is loaded by base_map(clustered=True)
            if ({{ "true" if this.cluster else "false" }} && L.markerClusterGroup) {
                var cluster = L.markerClusterGroup({chunkedLoading: true, maxClusterRadius: 40,
                    showCoverageOnHover: false, disableClusteringAtZoom: 9,
                    // the last chunk puts the clusters on the map after this call: show the place just after
                    // (a microtask: before the page is painted again)
                    chunkProgress: function (done, total) {
                        if (reveal && done === total) {
                            reveal = false;
                            Promise.resolve().then(function () { whenStyled(function () { show(cluster); }); });
                        }
                    }});
                cluster.addLayers(made);
                group.addLayer(cluster);
            } else {
                for (var j = 0; j < made.length; j++) { if (!picked[j]) { group.addLayer(made[j]); } }
                for (var q = 0; q < chosen.length; q++) { group.addLayer(made[chosen[q]]); }  // drawn on top
                if (reveal) { group.once("add", function () { whenStyled(function () { show(null); }); }); }
            }
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, payload: MarkerPayload):
        super().__init__()
        self._name = "Markers"
        self.rows_json, self.popups_json, self.colors_json = payload.rows_json, payload.popups_json, payload.colors_json
        self.selected_json = payload.selected_json
        self.outline_json = script_json(SELECTED_OUTLINE)
        self.short_note_json = script_json(SHORT_POPUP_NOTE)
        self.cluster = payload.cluster

    def render(self, **kwargs) -> None:
        """``MacroElement.render``, but the script joins the figure as it is (``_Raw``). branca wraps it in an
        ``Element``, which compiles its text as a Jinja template: an article with "{% endfor %}" or "{{" in
        a sentence made that raise (the whole page failed), and 9,000 places took 90 ms to compile."""
        script = self._template.module.__dict__["script"]
        self.get_root().script.add_child(_Raw(script(self, kwargs)), name=self.get_name())


@dataclass(frozen=True)
class MarkerPayload:
    """What ``_Markers`` sends for a set of places, as JSON ready for a <script>. ``selected_json``: the
    selected places (usually none or one) drawn, ``{"rows": [position in the rows], "ids": [place id]}``;
    they are outlined, and the first is shown."""
    rows_json: str
    popups_json: str
    colors_json: str
    cluster: bool
    selected_json: str = '{"rows":[],"ids":[]}'


# id(places) -> (places, country names, partner names, selected ids, payload), by identity
_PAYLOADS: dict[int, tuple] = {}


def marker_payload(places: pd.DataFrame, country_names: Mapping[str, str] | None = None,
                   partner_names: Mapping[str, str] | None = None) -> MarkerPayload | None:
    """The marker rows, full popups and selection of ``places`` (None when none is drawn). Remembered for
    the same frame object: the app's views are shared between sessions and reruns (9,000 places: 0.1 s a
    run). The selection is compared on every hit (a cheap look at one column), so a frame whose
    ``selected`` flags were changed in place never gets the payload of its old selection."""
    chosen = selected_ids(places)
    hit = _PAYLOADS.get(id(places))
    if (hit is not None and hit[0] is places and hit[1] is country_names and hit[2] is partner_names
            and hit[3] == chosen):
        return hit[4]
    rows = marker_rows(places)
    payload = None
    if not rows.empty:
        tips = [esc(t) for t in tooltip_texts(rows)]
        color_of = rows["color"].tolist()
        colors = list(dict.fromkeys(color_of))
        color_index = {c: i for i, c in enumerate(colors)}
        data = [[round(float(lat), 5), round(float(lon), 5), radius(n), color_index[c], tip]
                for lat, lon, n, c, tip in zip(rows["lat"].tolist(), rows["lon"].tolist(), rows["mentions"].tolist(),
                                               color_of, tips, strict=True)]
        top = rows.head(FULL_POPUPS).to_dict("records")
        firsts = Evidence.heads([r["evidence"] for r in top], MAX_POPUP_EVIDENCE)
        popups = [popup_html(r, country_names, partner_names, first) for r, first in zip(top, firsts, strict=True)]
        payload = MarkerPayload(script_json(data), script_json(popups), script_json(colors), clusters(len(data)),
                                script_json(selection(rows)))
    if len(_PAYLOADS) >= 16:
        _PAYLOADS.clear()
    _PAYLOADS[id(places)] = (places, country_names, partner_names, chosen, payload)
    return payload


def selected_ids(places: pd.DataFrame) -> tuple[str, ...]:
    """Ids of the places flagged ``selected`` (a map click or a ``place=`` link), in the frame's order."""
    if places.empty or "selected" not in places:
        return ()
    flags = places["selected"].to_numpy(dtype=bool)
    return tuple(places["id"].to_numpy()[flags].tolist()) if flags.any() else ()


def selection(rows: pd.DataFrame) -> dict[str, list]:
    """The selected places among ``marker_rows``: their positions (the marker script outlines them, and
    shows the first, the most mentioned) and ids (the script shows a place once per selection, however
    the filters change its row)."""
    at = np.flatnonzero(rows["selected"].to_numpy(dtype=bool)) if "selected" in rows else np.zeros(0, dtype=int)
    return {"rows": [int(i) for i in at], "ids": [str(pid) for pid in rows["id"].to_numpy()[at].tolist()]}


def script_json(value: object) -> str:
    """``value`` as JSON that is safe inside an HTML <script> element (no "</", no line separators)."""
    return (json.dumps(value, ensure_ascii=False, separators=(",", ":"))
            .replace("</", "<\\/").replace("<!", "<\\!").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def read_markers(script: str) -> tuple[list[list], list[str]]:
    """(marker rows, full popups) of the ``_Markers`` in a map's HTML or feature-group JavaScript, parsed
    back (tests and benchmarks count what the browser gets); ([], []) when it draws none."""
    at = script.find("var rows = ")
    if at < 0:
        return [], []
    decoder = json.JSONDecoder()
    rows, end = decoder.raw_decode(script, at + len("var rows = "))
    popups, _ = decoder.raw_decode(script, script.index("popups = ", end) + len("popups = "))
    return rows, popups


def read_selected(script: str) -> dict[str, list]:
    """The ``selection`` in a map's marker script, parsed back (tests); no selection when it draws none."""
    at = script.find("var selection = ")
    if at < 0:
        return {"rows": [], "ids": []}
    return json.JSONDecoder().raw_decode(script, at + len("var selection = "))[0]


def tooltip_texts(places: pd.DataFrame) -> list[str]:
    """``tooltip_text`` of every row, without building a row object per place."""
    out = []
    for name, kind, country, n in zip(places["name"].tolist(), places["kind"].tolist(), places["country"].tolist(),
                                      places["mentions"].tolist(), strict=True):
        out.append(tooltip_text({"name": name, "kind": kind, "country": country, "mentions": n}))
    return out


def marker_rows(places: pd.DataFrame) -> pd.DataFrame:
    """The places drawn as markers, biggest first (so small dots stay clickable on top), with valid coordinates."""
    if places.empty:
        return places
    rows = places[places["marker"]] if "marker" in places else places
    rows = rows.sort_values("mentions", ascending=False, kind="stable")
    lat = pd.to_numeric(rows["lat"], errors="coerce")
    lon = pd.to_numeric(rows["lon"], errors="coerce")
    return rows[lat.between(-90, 90) & lon.between(-180, 180)]


def clusters(n_markers: int) -> bool:
    """Whether ``place_markers`` clusters this many markers."""
    return n_markers > CLUSTER_ABOVE


def place_markers(places: pd.DataFrame, country_names: Mapping[str, str] | None = None,
                  partner_names: Mapping[str, str] | None = None) -> folium.FeatureGroup:
    """One circle marker per place (class ``kzmap-place``), sized by mentions, coloured by partner.

    The ``FULL_POPUPS`` most mentioned places carry their evidence in the popup; the others a short
    popup (a click selects the place, and the app lists its sentences under the map). Above
    ``CLUSTER_ABOVE`` markers, nearby markers are clustered. A place flagged ``selected`` is outlined
    (``kzmap-selected``) and shown with its popup open, out of its cluster if need be (see ``_Markers``)."""
    fg = folium.FeatureGroup(name="Places", control=False)
    payload = marker_payload(places, country_names, partner_names)
    if payload is not None:
        _Markers(payload).add_to(fg)
    stabilize_ids(fg, "kzp")
    return fg


def click_index(places: pd.DataFrame) -> list[tuple[str, str, float, float]]:
    """(id, tooltip text, lat, lon) of the drawn markers: kept between reruns to resolve clicks."""
    if places.empty:
        return []
    return [(str(pid), normalize_text(tip), float(lat), float(lon)) for pid, tip, lat, lon in
            zip(places["id"].tolist(), tooltip_texts(places), places["lat"].tolist(), places["lon"].tolist(),
                strict=True)]


def match_click(index: Iterable[tuple[str, str, float, float]], clicked: Mapping | None,
                tooltip: str | None) -> str | None:
    """The place id a st_folium click refers to: the marker whose tooltip text matches, nearest first.

    ``clicked`` is Leaflet's click point ``{"lat":..,"lng":..}`` (not the marker centre), so it
    only breaks ties between markers with the same tooltip.
    """
    if not tooltip or not isinstance(tooltip, str):
        return None
    want = normalize_text(tooltip)
    cands = [c for c in index if c[1] == want]
    if not cands:
        return None
    if isinstance(clicked, Mapping):
        try:
            lat, lon = float(clicked["lat"]), float(clicked["lng"])
            cands.sort(key=lambda c: (c[2] - lat) ** 2 + (c[3] - lon) ** 2)
        except (KeyError, TypeError, ValueError):
            pass
    return cands[0][0]


def render_html(m: folium.Map, *groups: folium.FeatureGroup) -> str:
    """Standalone HTML of the map with ``groups`` added (tests and exports)."""
    for g in groups:
        g.add_to(m)
    return m.get_root().render()
