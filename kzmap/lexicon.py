"""Closed word lists of English used by the name-structure rules (not place data)."""
from __future__ import annotations

FUNCTION = frozenset("""
the a an in on at from to for with by of and or but as while after before during since until between
among across over under via through both this that these those its his her their our we it he she they
i if when where although though despite however meanwhile yet so then also unlike like about according
amid near into onto upon within without along around beyond toward towards per each every all some many
most more other such no not there here what which who why how last next further still even only just
today yesterday tomorrow nevertheless moreover furthermore consequently presently currently notably
indeed thus hence instead rather whether once now earlier later often following my your us them you
""".split())
TITLES = frozenset("""
president prime minister foreign deputy vice mayor governor ambassador secretary chairman chairwoman
general premier king queen emperor chancellor senator mr mrs ms dr sir ceo head chief leader envoy
official officials spokesperson spokesman commissioner director pm fm akim akimat
""".split())
FEATURES = frozenset("""
region oblast province city port seaport airport station checkpoint border crossing gateway terminal
valley river lake sea bay gulf strait pass district county basin field deposit mine zone area
""".split())
# surname particles ("Pieter van Breda", "Ursula von der Leyen"): inside a person's name
PARTICLES = frozenset({"van", "von", "der", "den", "ter", "zu", "dos", "das", "de", "del", "da", "di", "du", "bin",
                       "ibn", "al", "el", "la", "le"})
CONNECTORS = frozenset({"of", "the", "de", "del", "da", "di", "du", "al", "el", "la", "le", "on", "upon",
                        "and", "y", "bin", "ibn", "i", "e", "van", "von", "der", "den", "ter", "zu", "dos", "das"})
# ("i", "e": between hyphens only, runs.RUN)
COMPOUND_PREFIXES = frozenset({"trans", "sino", "pan", "euro", "indo", "anti", "pro", "post", "pre", "non",
                               "afro", "russo", "anglo", "franco", "greater", "inner", "outer", "sub", "inter"})
LOCATIVE = frozenset({"in", "at", "to", "from", "near", "outside", "inside", "via", "through", "around",
                      "across", "into", "toward", "towards", "within", "visit", "visited", "visiting",
                      "reach", "reached", "reaching", "leave", "left", "arrive", "arrived", "arriving", "trip",
                      "flew", "travelled", "traveled", "held", "hosted", "based", "headquartered"})
GOV_VERBS = frozenset("""
says said considers considered believes believed wants wanted insists insisted announced announces agreed
agrees signed signs rejected rejects accused accuses urged urges warned warns hopes hoped seeks sought
sees saw views pushes pushed plans planned continues continued has have had will would must
may might could should remains remained aims aimed intends intended responded responds refused refuses
welcomed welcomes condemned condemns demanded demands denied denies
""".split())
# Common words that, directly before a place name, make an organisation's name even where they open a sentence
# ("Air Astana will add flights", "Air China"), unlike other sentence openers ("Giving Russia the first plant").
NAME_HEADS = frozenset({"air"})
