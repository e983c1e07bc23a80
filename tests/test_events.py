"""Dated events: each kind, undated statements, statistics, two events in a sentence, and the gold."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kzmap.corpus import load_paths
from kzmap.events import extract_events
from kzmap.records import Article, event_to_dict
from kzmap.text import sentence_spans

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"


def events(body: str, published: str | None = "2025-04-22"):
    art = Article(path="t.md", title="t", body=body, published=published)
    return extract_events(art, sentence_spans(body), [], [])


def kinds_dates(body: str, published: str | None = "2025-04-22"):
    return [(e.kind, e.date) for e in events(body, published)]


@pytest.mark.parametrize("body, published, expected", [
    ("Kazakhstan and the UK signed a strategic partnership agreement in April 2024.", None,
     [("agreement", "2024-04")]),
    ("The first EU-Central Asia summit is expected to take place in 2025.", "2024-02-01", [("summit", "2025")]),
    ("Italian Prime Minister Giorgia Meloni is set to visit Uzbekistan on April 25–26.", "2025-04-22",
     [("visit", "2025-04-25")]),
    ("Construction of the Kuryk container hub began in March.", "2025-06-03", [("project", "2025-03")]),
    ("With completion expected in 2027, the railway will relieve congestion.", "2024-01", [("project", "2027")]),
    ("Xi Jinping announced the Silk Road Economic Belt in Astana in September 2013.", "2025-04-11",
     [("announcement", "2013-09")]),
    ("The EU unveiled a €12 billion investment package on Friday.", "2025-04-05", [("investment", "2025-04-04")]),
    ("The strategic goal is to double our GDP by 2029.", "2024-01", [("plan", "2029")]),
    ("In 2024, the government approved the National Infrastructure Plan through 2029.", "2025-04-09",
     [("plan", "2024")]),
    ("Kazakhstan and Türkiye established diplomatic relations in 1992.", "2024-10-16", [("other", "1992")]),
    ("Italian companies, active in the country since 1992, work in energy.", "2025-04-22", [("investment", "1992")]),
    # a statistic and a target joined by ", and" + a new subject: the target is a plan, the statistic a figure
    ("Trade reached $41 billion in 2023, and the two leaders set a goal of $80 billion by 2030.", "2024-07-03",
     [("plan", "2030")]),
    # a list joined by ", and" stays one clause: the date still reaches the trigger
    ("Agreements were signed in Astana, Almaty, and Shymkent in May 2024.", "2024-07-03", [("agreement", "2024-05")]),
    # setting up a joint venture is an agreement between its partners
    ("In June 2024, the three railways set up a joint venture to sell through tickets.", "2025-11-20",
     [("agreement", "2024-06")]),
    # a schedule: "is due in 2028", "is due to be completed in 2027"
    ("Officials say a 500-kilovolt line from Beyneu to Atyrau is due in 2028.", "2025-09-29", [("plan", "2028")]),
    ("Protests over fuel prices in Zhanaozen in January 2022 spread into nationwide unrest.", "2025-09-29",
     [("other", "2022-01")]),
    # "the first summit" is an event ("first planned for" is not: see test_no_event)
    ("The first summit between the Gulf states and Central Asia was held in Jeddah in July 2023.", "2024-11-19",
     [("summit", "2023-07")]),
    # a trade mission is a visit, finishing a project is a project milestone, a new fund an investment
    ("A trade mission from Singapore is expected in the Kazakh capital next month.", "2024-11-19",
     [("visit", "2024-12")]),
    ("Ashgabat promised to finish the Afghan stretch of the pipeline by 2027.", "2026-02-10", [("project", "2027")]),
    ("On Monday, a Qatari house said it had registered a $300 million fund in Astana.", "2024-11-19",
     [("investment", "2024-11-18")]),
    # what is expected at a date is planned; deliveries are a project's; exercises and renamings are events
    ("Commercial service is expected in the first quarter of 2027.", "2026-09-22", [("plan", "2027")]),
    # a goal word is dated by its target, not by the statistic it starts from
    ("The two countries aim to raise mutual trade from $4.4 billion last year to $10 billion by 2030.",
     "2025-09-24", [("plan", "2030")]),
    # a goal keeps its deadline among statistics (the share last year is a figure; "estimated" after the
    # deadline makes no forecast of it)
    ("Kazakhstan has set a goal of generating 15% of its electricity from renewables by 2030, up from about 6% "
     "last year, and needs an estimated $30 billion of investment to get there.", "2026-10-08", [("plan", "2030")]),
    # "although" starts a clause of its own: its "could" makes no forecast of the deadline before it
    ("It is due to be completed by 2029, although a study published last December warned that costs could "
     "exceed €2 billion.", "2026-09-22", [("project", "2029")]),
    # receiving delegations is a visit; modernising, upgrading and completing are a project's milestones
    ("President Berdimuhamedov received the three delegations on Tuesday evening.", "2024-12-04",
     [("visit", "2024-12-03")]),
    ("The firm worked on the modernisation of signalling near Kokshetau in 2019.", "2025-11-27", [("project", "2019")]),
    ("Iran would upgrade the grain terminal at Incheh Borun next year.", "2024-12-04", [("project", "2025")]),
    ("The cable came ashore yesterday, completing the marine section.", "2026-09-22", [("project", "2026-09-21")]),
    # a past verb looking forward: the next spring
    ("The two sides agreed to meet again in the spring to discuss a grain terminal.", "2024-12-04",
     [("visit", "2025")]),
    ("The first deliveries of the locomotives are to run from March to December 2026.", "2025-11-13",
     [("project", "2026-03")]),
    ("The two armies held a joint exercise near Balkhash from 21 to 30 October.", "2024-11-07",
     [("other", "2024-10-21")]),
    ("The town, known as Kapchagay until it was renamed in 2022, lies on a reservoir.", "2026-06-10",
     [("other", "2022")]),
    # what is scheduled is planned; a flight (a maiden one, a new daily one) is a project's; a lease an agreement
    ("The vote on the new tariff is scheduled for the second half of this year.", "2026-04-12",
     [("plan", "2026")]),
    ("The new rocket's maiden voyage into orbit is set for 2027.", "2026-04-12", [("project", "2027")]),
    ("SCAT Airlines added a daily flight between Almaty and Turkestan this month.", "2025-06-12",
     [("project", "2025-06")]),
    ("The lease of the port dates from 1994.", "2026-04-12", [("agreement", "1994")]),
    # "due to" a journey's verb is a schedule
    ("A second train, carrying barley from Kokshetau, is due to leave next month.", "2025-06-17",
     [("plan", "2025-07")]),
    # a festival is an event; aircraft to be delivered are a project's milestone
    ("A festival of horse games will be held in Katon-Karagay from August 7 to 9.", "2026-07-15",
     [("other", "2026-08-07")]),
    ("The first two aircraft are to be delivered in the second half of 2028.", "2026-09-25", [("project", "2028")]),
    # a route's first run is a project's milestone
    ("Our first container left Mumbai on 3 September.", "2025-11-12", [("project", "2025-09-03")]),
    ("The first train of the service left Kokshetau on Monday.", "2026-03-05", [("project", "2026-03-02")]),
    ("The first time he came was in 2019.", "2026-03-05", [("other", "2019")]),  # a happening, no project
    ("The first trucks to Russia leave later this month.", "2026-10-14", [("project", "2026-10")]),
    # more event words: a tour, a loan, an arrival, a strike, a groundbreaking, what will follow
    ("A team from India toured the deposit last week.", "2025-05-15", [("visit", "2025-05")]),
    ("The Dutch development bank lent us 15 million euros in July.", "2026-10-14", [("investment", "2026-07")]),
    ("The first two cars will arrive in February 2026.", "2025-06-18", [("project", "2026-02")]),
    ("About 200 workers went on strike at the mill in March.", "2025-11-12", [("other", "2025-03")]),
    ("Last week the company broke ground on a second site near Esik.", "2026-10-14", [("project", "2026-10")]),
    ("Welding and painting shops will follow by the end of 2028.", "2026-03-10", [("plan", "2028")]),
    ("An analyst who follows Central Asian markets expects fares to fall by about a fifth next year.", "2024-06-19",
     []),
    # a timeline's present tense; disruptions; what starts again
    ("March 2025: Kazakhstan and Brazil agree veterinary certificates.", "2026-01-21", [("agreement", "2025-03")]),
    ("The terminal halted loadings from May 18 to 21 as storms kept tankers away.", "2026-07-21",
     [("other", "2026-05-18")]),
    ("The suburban train was cancelled in 2020 during the pandemic.", "2025-09-24", [("other", "2020")]),
    ("Ferries resumed sailings to Baku in March.", "2025-09-24", [("project", "2025-03")]),
    # disasters are events; an arrival, and a route's first (direct) cargo, a project's milestone
    ("A magnitude 7.0 earthquake struck near Uqturpan on 23 January last year.", "2025-01-22",
     [("other", "2024-01-23")]),
    ("The Kenyan side welcomed the arrival in Mombasa in October of the first direct cargo of Kazakh wheat.",
     "2026-11-20", [("project", "2026-10")]),
    # work going on since a date ("has run trams since 1959"); a statistic since a date is no event
    ("Temirtau has run trams since 1959.", "2025-06-18", [("project", "1959")]),
    ("The festival has been held every autumn since 1999.", "2025-03-13", [("project", "1999")]),
    ("The pit has produced copper concentrate since 2017.", "2026-05-13", [("project", "2017")]),
    ("Chinese firms have invested in the region since 2005.", "2026-05-13", [("investment", "2005")]),
    ("Freight at Dostyk has grown sharply since 2020.", "2026-05-13", []),
    ("Since October 2023, Russian gas has been pumped south to Uzbekistan.", "2026-08-31", [("project", "2023-10")]),
    # a timeline's or a schedule's line without an event word: planned after the publication, else a happening
    ("- Friday 8 May: team presentation on the seafront in Aktau.", "2026-04-29", [("plan", "2026-05-08")]),
    ("- Wednesday, May 13, stage 4: individual time trial in Aktau.", "2026-04-29", [("plan", "2026-05-13")]),
    ("1992: diplomatic relations with the new republic.", "2026-04-29", [("other", "1992")]),
    # a date first set and then moved is no event of its own
    ("The opening, first set for 1 October, was postponed by two weeks.", "2024-10-17", []),
    ("Last year, cargo on the route rose to about 1.9 million tonnes.", "2026-04-29", []),
    ("The water has dropped by more than a metre since 2005.", "2026-05-13", []),
])
def test_each_kind(body, published, expected):
    assert kinds_dates(body, published) == expected


def test_range_end_and_evidence_offsets():
    body = "Intro line.\nIn 2024, the government approved the National Infrastructure Plan through 2029."
    (e,) = events(body, "2025-04-09")
    assert (e.date, e.end) == ("2024", "2029")
    assert body[e.evidence_start:e.evidence_end] == e.evidence == body.split("\n")[1]
    assert e.date_text == "2024" and 0 < e.confidence <= 1 and "2024" not in e.title


@pytest.mark.parametrize("body, published", [
    # undated statements: dating them with the publication date would invent a date
    ("Kazakhstan has officially begun construction of its third railway connection with China.", "2024-01"),
    ("Officials recently began operating the Nur Zholy checkpoint on a twenty-four-hour basis.", "2024-01"),
    ("In recent months, the country has taken steps to prevent sanction-evading companies.", "2024-01"),
    ("It joined the Organisation of Turkic States.", "2023-09-17"),
    ("Kazakhstan and Russia are set to launch 27 new joint projects worth $8 billion.", "2025-04-22"),
    # statistics and forecasts are figures
    ("Bilateral trade reached $27.8 billion in 2024.", "2025-04-22"),
    ("Kazakhstan received $4 billion in Russian investment in 2024, a 32% increase.", "2025-04-22"),
    ("Kazakhstan's 2023 GDP is expected to exceed $259 billion, a fifteen percent increase from 2022.", "2024-01"),
    ("Cumulative investments since 2005 reached a substantial $24 billion.", "2024-01"),
    ("The World Bank estimates that the corridor could triple its volumes by 2030.", "2025-06-12"),
    # plans without a start, dateline, plain mention of a 'recent interview'
    ("Astana's ambitious National Infrastructure Plan through 2029 encompasses energy.", "2025-04-09"),
    ("First published in the South China Morning Post, September 17, 2023", "2023-09-17"),
    ("President Tokayev said in a recent interview that ties are strong.", "2024-01"),
    ("A first summit, originally planned for 2024, was postponed.", "2025-02-12"),
    ("Commissioner Urpilainen told the forum on Monday that Europe is close.", "2024-02-01"),
    # "due to" a cause is not a schedule
    ("Exports fell in 2023 due to sanctions.", "2025-04-22"),
    ("Trade slowed in 2023, due to the war.", "2025-04-22"),
    ("The railway was first planned for 2015.", "2025-04-22"),
    # a Markdown heading names what its section tells; the section's sentences give the events
    ("## A visit in the spring", "2025-11-13"),
])
def test_no_event(body, published):
    assert events(body, published) == []


@pytest.mark.parametrize("body, published, expected", [
    ("Meloni will visit Uzbekistan on April 25–26, followed by a trip to Astana for the inaugural summit.",
     "2025-04-22", [("visit", "2025-04-25"), ("summit", "2025-04")]),
    ("This follows the recent Central Asia–EU Summit in Samarkand, where the European Union unveiled a "
     "€12 billion investment package.", "2025-04-22", [("summit", "2025-04"), ("investment", "2025-04")]),
    ("The agreement was signed in May during President Tokayev's state visit to China.", "2023-12-22",
     [("agreement", "2023-05"), ("visit", "2023-05")]),
    ("Construction began in March and is scheduled to be completed in 2026.", "2025-06-03",
     [("project", "2025-03"), ("project", "2026")]),
])
def test_two_events_in_one_sentence(body, published, expected):
    assert kinds_dates(body, published) == expected


def test_a_statements_day_dates_the_statement_not_what_it_announces():
    body = "Turkish Airlines said on Monday that it will start three weekly flights to Turkistan on 15 December."
    assert sorted(kinds_dates(body, "2024-11-07")) == [("announcement", "2024-11-04"), ("project", "2024-12-15")]


@pytest.mark.parametrize("body, published, expected", [
    # the statement's day opening the sentence, before its subject and verb
    ("On Monday it said it would start a ferry service to Baku from July.", "2025-06-17",
     [("announcement", "2025-06-16"), ("project", "2025-07")]),
    ("On Monday the industry ministry said it would open a new terminal in July.", "2026-05-13",
     [("announcement", "2026-05-11"), ("project", "2026-07")]),
])
def test_a_statements_day_before_its_verb(body, published, expected):
    assert sorted(kinds_dates(body, published)) == expected


@pytest.mark.parametrize("body", [
    "Turkey was the top destination for Kazakh tourists last year, with about 880,000 visits.",
    "About 52,000 Indian citizens visited the country in 2025, almost four times as many as in 2022.",
    "Some 1.2 million tourists visited Almaty in 2024.",
])
def test_a_count_of_visits_is_a_statistic(body):
    assert kinds_dates(body, "2026-06-10") == []


@pytest.mark.parametrize("body, expected", [
    ("The International Energy Agency expects global demand for rare metals to roughly triple by 2040.", []),
    ("The plant plans 10,000 cars a year at full capacity, which it expects to reach by 2028.", [("plan", "2028")]),
])
def test_expects_forecasts_unless_the_subject_expects_to_act(body, expected):
    assert kinds_dates(body, "2026-03-04") == expected


def test_a_counted_year_is_still_a_visit():
    assert kinds_dates("The 2024 visit to Beijing was his third.", "2026-06-10") == [("visit", "2024")]


@pytest.mark.parametrize("body, expected", [
    # a dated statement is an announcement even when what it says has no event word
    ("The transport ministry said in May that it would deepen the channel to seven metres.",
     [("announcement", "2025-05")]),
    ("On Monday the ministry said costs would be shared.", [("announcement", "2025-06-16")]),
    ("Officials said costs would be shared.", []),
])
def test_a_dated_statement_without_a_trigger(body, expected):
    assert kinds_dates(body, "2025-06-17") == expected


def test_a_closing_attribution_dates_no_statement():
    body = "Trucks moved faster this week after four new lanes opened at the checkpoint on Monday, officials said."
    assert "announcement" not in [k for k, _ in kinds_dates(body, "2026-05-20")]


def test_anaphora_dates_the_previous_sentence():
    body = ("Kazakhstan and Russia are set to launch 27 new joint projects worth $8 billion.\n\n"
            "The announcement was made during the Prime Minister's official visit to Moscow on April 21.")
    evs = events(body, "2025-04-22")
    assert [(e.kind, e.date, e.evidence[:10]) for e in evs] == [
        ("announcement", "2025-04-21", "Kazakhstan"), ("visit", "2025-04-21", "The announ")]


def test_repeated_target_is_one_event():
    body = ("“The strategic goal is to double our GDP by 2029,” he stated.\n\n"
            "This is at the core of his economic vision to double the nation’s GDP by 2029.")
    assert kinds_dates(body, "2024-01") == [("plan", "2029")]


def test_partners_from_sentence_or_neighbours(gaz):
    from kzmap.partners import find_partner_mentions
    from kzmap.records import Article
    from kzmap.text import sentence_spans

    body = "Talks went well with Chinese officials.\n\nThe railway is due to be completed in 2027."
    (e,) = extract_events(Article("x.md", "t", body, published="2023-12-22"), sentence_spans(body),
                          find_partner_mentions(body, gaz))
    assert e.partners == ("CN",)


def test_subject_and_historical_states_are_never_event_partners(gaz):
    from kzmap.partners import find_partner_mentions
    from kzmap.records import Article
    from kzmap.text import sentence_spans

    body = "Kazakh and Soviet officials signed an agreement in 1990."
    events_ = extract_events(Article("x.md", "t", body, published="2023"), sentence_spans(body),
                             find_partner_mentions(body, gaz))
    assert [e.partners for e in events_] == [()]


def test_relative_dates_across_a_year_boundary():
    body = "Last year, two visits to China solidified the partnership. The summit was held in December."
    assert kinds_dates(body, "2024-01") == [("visit", "2023"), ("summit", "2023-12")]


def test_no_publication_date_keeps_only_self_dated_events():
    body = "The talks were held on April 21. An agreement was signed in April 2024."
    assert kinds_dates(body, None) == [("agreement", "2024-04")]


def _score(folder: Path, gold: Path) -> dict:
    from kzmap.evaluate import score_corpus

    arts = []
    for a in load_paths([folder]).articles:
        evs = extract_events(a, sentence_spans(a.body), [], [])
        arts.append({"file": a.path, "mentions": [], "partners": [], "events": [event_to_dict(e) for e in evs]})
    return score_corpus({"articles": arts}, gold)


@pytest.mark.skipif(not (SHARED / "gold" / "seeds").exists(), reason="../shared/gold/seeds is not beside the project")
def test_seed_gold_thresholds():
    res = _score(ROOT / "seeds", SHARED / "gold" / "seeds")
    assert res["events"]["precision"] >= 0.85, json.dumps(res)
    assert res["events"]["recall"] >= 0.85, json.dumps(res)
    assert res["dates"]["exact"] >= 0.90, json.dumps(res)


@pytest.mark.skipif(not (DATA / "unseen_gold").exists(), reason="no hand-written unseen articles")
def test_unseen_gold_thresholds():
    res = _score(DATA / "unseen", DATA / "unseen_gold")
    assert res["events"]["precision"] >= 0.70, json.dumps(res)
    assert res["events"]["recall"] >= 0.70, json.dumps(res)
    assert res["dates"]["exact"] >= 0.80, json.dumps(res)


# --- titles: short headlines, never a dangling preposition, relative pronoun or aside -------------
@pytest.mark.parametrize("body, expected", [
    # the date goes with its preposition
    ("The bridge over the Irtysh is scheduled for completion in 2028.",
     "The bridge over the Irtysh is scheduled for completion"),
    ("The next forum is planned for 2026 in Almaty, organisers said.", "The next forum is planned in Almaty"),
    ("The ring road is due to be completed by 2029.", "The ring road is due to be completed"),
    # a press release's dateline ends at "--"
    ("TARAZ, Kazakhstan, March 10, 2026 /AsiaBiz Newswire/ -- Tianshan Automobile Group today broke ground on a "
     "car plant in Taraz.", "Tianshan Automobile Group broke ground on a car plant in Taraz"),
    # an aside between subject and verb: subject + aside when the aside is the event, else subject + verb
    ("Korean firms, present in Kazakhstan since 2004, are building a petrochemical plant in Atyrau.",
     "Korean firms are building a petrochemical plant in Atyrau"),
    ("The pipeline, commissioned in 2019, has already doubled gas supplies to the south.", "The pipeline commissioned"),
    ("Analysts say the port upgrade, completed last year, cut waiting times by half.", "The port upgrade completed"),
    ("The new terminal, built with Chinese loans, opened in Aktobe on Monday.", "The new terminal opened in Aktobe"),
    # relative pronouns take their antecedent
    ("Ministers discussed a new air route to Seoul, which Korean Air plans to launch in September.",
     "Korean Air plans to launch a new air route to Seoul"),
    ("The freight hub at Khorgos, whose second terminal opened in 2021, handles most transit cargo.",
     "Khorgos’s second terminal opened"),
    ("The programme covers 40 projects, including a water pipeline to Turkistan that opened in 2023.",
     "A water pipeline to Turkistan opened"),
    # reporting tails and frames are dropped
    ("“We aim to triple grain exports by 2030,” the minister said confidently.", "We aim to triple grain exports"),
    ("The governor told a forum in Pavlodar on Friday that the region would invest $2 billion in water pipes.",
     "The region would invest $2 billion in water pipes"),
    # two events in one sentence get their own titles
    ("Japan and Kazakhstan signed a memorandum on hydrogen on Tuesday during a meeting of the joint committee.",
     ["Japan and Kazakhstan signed a memorandum on hydrogen during a meeting of the joint…",
      "Meeting of the joint committee"]),
    ("Work on the dam began in May and is expected to be completed in 2027.",
     ["Work on the dam began", "Work on the dam is expected to be completed"]),
    # a leading connective: the noun phrase after it, or the main clause when that is too thin
    ("Relations have deepened, culminating in the signing of a trade accord in June 2023.",
     "The signing of a trade accord"),
    ("With completion expected in 2026, the tunnel will cut the journey to Almaty by an hour.",
     "The tunnel will cut the journey to Almaty by an hour"),
])
def test_titles(body, expected):
    titles = [e.title for e in events(body, "2025-03-12")]
    assert titles == (expected if isinstance(expected, list) else [expected])


def test_long_title_is_cut_at_a_word_with_an_ellipsis():
    body = ("The Kazakh and Uzbek governments together with several international development banks and private "
            "investors signed an agreement on a cross-border industrial zone in April 2024.")
    (e,) = events(body)
    assert len(e.title) <= 90 and e.title.endswith("…") and not e.title[:-1].endswith((" ", ",", " the", " of"))


def test_event_place_is_the_place_nearest_its_trigger(gaz):
    from kzmap.geoparse import find_mentions
    from kzmap.partners import find_partner_mentions

    body = ("The deals cover a terminal in Xi'an, a wind farm in the Zhambyl region, and the second track "
            "of the railway from Dostyk to Moiynty, which was completed last year.")
    spans = sentence_spans(body)
    pms = find_partner_mentions(body, gaz)
    found = extract_events(Article("x.md", "t", body, published="2024-07-03"), spans, pms,
                           find_mentions(body, spans, gaz, partner_mentions=pms))
    assert [(e.date, e.place) for e in found if e.kind == "project"] == [("2023", "Moyynty")]  # GeoNames' spelling


def test_a_planned_meeting_and_what_it_should_sign_are_one_event():
    body = ("President Lee is expected in Astana next month for the business council, where the two governments "
            "hope to sign an agreement on critical minerals.")
    assert [e.date for e in events(body)] == ["2025-05"]
    body = "The commission will meet again in Astana in October, where the negotiators hope to sign a water treaty."
    assert [e.date for e in events(body)] == ["2025-10"]


def test_a_past_meeting_and_the_deal_signed_at_it_stay_two_events():
    body = ("Italy and Kazakhstan signed 15 agreements worth about $1.5 billion on Tuesday during a meeting of the "
            "presidents in Rome.")
    assert [(e.kind, e.date) for e in events(body, "2025-02-12")] == [("agreement", "2025-02-11"),
                                                                          ("visit", "2025-02-11")]


@pytest.mark.parametrize("body, dates", [
    ("The union expects the country to meet 85 per cent of its own demand for cheese by 2028.", []),
    ("The new plant met EU standards in March.", []),
    ("The ministers will meet next month to discuss demand for grain.", ["2025-05"]),
    ("The ministers met in Oral in March to talk about quotas.", ["2025-03"]),
])
def test_meeting_a_need_is_no_meeting(body, dates):
    assert [e.date for e in events(body)] == dates


@pytest.mark.parametrize("body, published, dates", [
    ("Tokhtarov was born in 1940 in Aralsk, the son of a cannery foreman.", "2026-11-25", ["1940"]),
    ("She moved to Almaty in 2019 and now runs a bakery.", "2025-10-15", ["2019"]),
    ("On 28 October, police raided a workers' dormitory on the edge of Almaty.", "2024-11-06", ["2024-10-28"]),
    ("The park received about 78,000 visitors last year, up from 31,000 in 2021.", "2025-10-22", []),  # a statistic
    ("Last year only 14 students from the region went to study in Italy.", "2025-10-22", []),  # a counted subject
    ("About 60,000 tonnes left for Italy in November by rail.", "2025-12-10", []),
    # a number inside the subject's phrase counts no statistic
    ("A block train of 60 wagons loaded with wheat left Zhanaozen on Friday.", "2025-03-03", ["2025-02-28"]),
    ("A trial train carrying the first 24 kits reached Dostyk on Friday.", "2026-03-09", ["2026-03-06"]),
    ("The 52 containers left Oskemen on November 3.", "2025-11-20", ["2025-11-03"]),
    ("Levante tested the route with a pilot group of 14 travellers in October.", "2025-11-20", ["2025-10"]),
    ("Police detained 41 Uzbek citizens on Monday.", "2025-11-20", []),  # a count
    ("Crews cleared a 12-hectare site in August.", "2025-09-17", ["2025-08"]),  # a measure, no count
    ("The reservoir was only two-thirds full this month.", "2026-05-13", []),  # no happening
    ("In July 2022 the akimat terminated the leases on the farmland.", "2025-11-19", ["2022-07"]),
    ("The exchange has a court-appointed administrator from April 30.", "2024-04-10", []),  # an adjective
    # ", and" before a count starts a clause of its own: the count is no statistic of the first
    ("The Soviet Union carried out its first nuclear test on August 29, 1949, and more than 450 followed.",
     "2024-08-29", ["1949-08-29"]),
    # a match's score is no count; irregular past tenses are happenings
    ("The Tashkent teenagers beat Karaganda 3-2 on Thursday.", "2026-03-30", ["2026-03-26"]),
    ("The freighter sank off Aktau in May.", "2026-03-30", ["2025-05"]),
    ("Lorries queued at the crossing for up to three days in January.", "2025-03-12", ["2025-01"]),  # any -ed verb
    ("Farmers need guaranteed water in July and August.", "2025-03-12", []),  # an adjective
    ("The Zhibek Zholy crossing was widened last autumn.", "2025-05-16", ["2024"]),  # a passive past
    ("The reservoir is needed in July and August.", "2025-03-12", []),  # a passive present
    ("The first was held in Xi'an in May 2023.", "2025-06-17", ["2023-05"]),
    ("On Tuesday a new feeder service made its first call.", "2025-08-07", ["2025-08-05"]),
    ("A law that took effect in 2016 requires data to stay inside the country.", "2025-03-12", ["2016"]),
    # a statistic's verbs
    ("Indian groups made up almost a fifth of foreign guests last winter.", "2026-06-10", []),
    ("Chinese utilities took more than half of the sales last year.", "2025-03-12", []),
    ("The reservoir held less than half its usual volume in June.", "2025-08-12", []),
    ("First published in the South China Morning Post, September 17, 2023", "2023-09-17", []),  # a credit line
])
def test_a_dated_happening_without_an_event_word_is_an_event(body, published, dates):
    assert [(e.kind, e.date) for e in events(body, published)] == [("other", d) for d in dates]


@pytest.mark.parametrize("body, published, dated", [
    ("In the second quarter, Kansai will install sensors in schools.", "2025-01-22", [("plan", "2025")]),
    ("Engineers will test concrete samples from Almaty in the summer.", "2025-01-22", [("plan", "2025")]),
    ("You will see one of the largest copper districts in the world next year.", "2025-10-15", []),
    ("Engineers will test the samples taken in January 2025.", "2025-03-22", []),  # a date before the publication
    ("The Kyzylorda regional akimat has promised to allocate the land by March.", "2024-12-04",
     [("plan", "2025-03")]),  # a promise with a deadline
    ("Officials said a trial train of 40 containers would leave Saryagash station next month.", "2025-08-20",
     [("plan", "2025-09")]),  # reported speech
    ("Next spring he hopes to bring his mother, now 74, to Almaty.", "2025-10-15", [("plan", "2026")]),
    ("The first 5,000 hectares should be under drip lines this summer.", "2026-03-24", [("plan", "2026")]),
    ("He said in 2019 that the company would hire local staff.", "2025-10-15",
     [("announcement", "2019")]),  # a statement of 2019, no plan
    ("In the second quarter, Kansai will install 150 sensors, linked to an early-warning system.", "2025-01-22",
     [("plan", "2025")]),  # "will" before a participle
    ("The plant would draw water from the Talas under a permit issued in February.", "2026-04-23",
     [("other", "2026-02")]),  # (the date is past: the participle tells what happened)
    ("About 60 Kazakh engineers will train at Andong's plants in Korea from January.", "2024-10-09",
     [("plan", "2025-01")]),  # a number in a plan is no statistic
])
def test_what_will_happen_at_a_later_date_is_a_plan(body, published, dated):
    assert [(e.kind, e.date) for e in events(body, published)] == dated


def test_a_live_blogs_entries_take_the_date_of_their_days_heading():
    body = ("Live coverage of the state visit.\n\n## Wednesday, 10 June\n\n**16:20 Leaving**\n\n"
            "The presidential plane took off from Almaty at 16:08, ending the visit. "
            "The talks resume in the autumn.\n\n"
            "Ministers signed nine documents at the Akorda.\n\n- An agreement on driving licences.\n\n"
            "## Tuesday, 9 June\n\nThe two presidents met at the Akorda. Officials said the visit went well.\n\n"
            "## What comes next\n\nThe presidents held talks in a narrow format.\n")
    got = [(e.date, e.evidence) for e in events(body, "2026-06-10")]
    assert got == [("2026-06-10", "The presidential plane took off from Almaty at 16:08, ending the visit."),
                   ("2026", "The talks resume in the autumn."),  # its own date
                   ("2026-06-10", "Ministers signed nine documents at the Akorda."),
                   ("2026-06-09", "The two presidents met at the Akorda.")]


@pytest.mark.parametrize("body, published, dates", [
    ("In 1975 he went to New Delhi as first secretary, and in 1983 he was sent to Mongolia.", "2026-11-25",
     ["1975", "1983"]),
    ("The lease dates from 1994, and in 2004 it was extended to 2050.", "2025-05-01", ["1994", "2004"]),  # an end
    ("Trade reached a record $6.4 billion in 2023, up from $4.1 billion in 2021, and the presidents agreed in "
     "March to raise it.", "2024-06-01", ["2024-03"]),  # a statistic's years
])
def test_each_plain_date_of_an_event_sentence_is_an_event(body, published, dates):
    assert sorted(e.date for e in events(body, published)) == dates


@pytest.mark.parametrize("body, published, dates", [
    ("This is the moment the 2022 partnership becomes a construction site, the commissioner said on Friday.",
     "2025-06-16", ["2025-06-13"]),  # the year names the partnership
    ("Under a 2010 agreement on shared rivers, each side must warn the other.", "2024-04-10", ["2010"]),
    ("Analysts expect licensed platforms to gain ground this year.", "2025-03-12", []),  # a forecast
    ("Forecasters expect a smaller flood this year.", "2025-03-12", []),  # what others foresee
    ("Officials expect the first phase to be ready in 2026.", "2025-03-12", ["2026"]),  # what officials schedule
])
def test_a_year_that_names_a_thing_and_a_forecast_are_no_dates_of_events(body, published, dates):
    assert [e.date for e in events(body, published)] == dates


@pytest.mark.parametrize("body, published, dated", [
    ("The institute wants to have 600 students by 2028.", "2024-09-04", [("plan", "2028")]),
    ("By the end of 2028 the chain wants 60 cafés in Kazakhstan.", "2026-05-20", [("plan", "2028")]),
    ("The park received 78,000 visitors by 2024.", "2025-10-22", []),  # no wish: a statistic
    ("The government wants annual trade with Afghanistan to reach $3 billion by 2030.", "2026-10-21",
     [("plan", "2030")]),  # money: a goal's figure
    # an obligation with a deadline; the subject's own expectation with "to" and a verb (not a forecast of others)
    ("Under the schedule, it must transfer 180 million tenge by the end of June.", "2025-09-18", [("plan", "2026-06")]),
    ("Emba Minerals expects to ship its first concentrate by the end of next year.", "2025-09-18", [("plan", "2026")]),
    ("Our grain must travel by sea round Europe today.", "2025-09-18", []),  # no deadline
    # a wish before a participle, with a deadline at "the end of" a period
    ("The health department wants 10,000 villagers screened by the end of next year.", "2024-08-29",
     [("plan", "2025")]),
    ("The company, which promised delivery by 2025, delivered in March.", "2024-08-29",
     [("project", "2025"), ("project", "2024-03")]),
])
def test_a_wish_with_a_deadline_is_a_plan(body, published, dated):
    assert [(e.kind, e.date) for e in events(body, published)] == dated


@pytest.mark.parametrize("line, published, dated", [
    ("First quarter of 2026: first harvest from the first 24 hectares.", "2025-05-14", [("plan", "2026")]),
    ("- From 2028: exports of tomatoes and cucumbers to Russia and China.", "2025-05-14", [("plan", "2028")]),
    ("In 2019, cargo grew by a third.", "2025-05-14", []),  # a comma: a sentence, not a timeline's line
])
def test_a_timeline_line_may_open_with_a_short_lead_before_its_date(line, published, dated):
    assert [(e.kind, e.date) for e in events(line, published)] == dated


@pytest.mark.parametrize("body, expected", [
    # a clause that opens with ", when" tells what happened at the date just before it
    ("The project dates back to December 2021, when the two presidents signed a declaration on allied relations.",
     [("agreement", "2021-12")]),
    ("The political ground was laid in January, when Lithuania's transport minister visited Astana.",
     [("visit", "2025-01")]),
    # a happening with no event word too, after "since" as well; never twice ("made headlines ..., when")
    ("Hotel capacity in the city has tripled since 2018, when it became the regional capital.", [("other", "2018")]),
    ("The project goes back to 2019, when KOICA added Zhambyl region to its list.", [("other", "2019")]),
    ("Queues made headlines last November, when several hundred lorries waited for days.", [("other", "2024-11")]),
    # a meeting word after a past verb of the when-clause ("when Japan began regular meetings")
    ("The format dates from 2004, when Japan began regular meetings with the five ministers.", [("project", "2004")]),
    # no visit that did not happen, nor an event word after a comma of the clause (what the first clause tells of
    # stays a happening)
    ("Relations lost momentum in August 2024, when the prime minister called off a trip to Astana.",
     [("other", "2024-08")]),
    ("Work slowed in 2023, when prices for steel jumped, but the Korean side agreed to raise its share.",
     [("other", "2023")]),
])
def test_a_when_clause_takes_the_date_before_it(body, expected):
    assert kinds_dates(body) == expected


@pytest.mark.parametrize("body, published, dates", [
    # a possessive date names a thing beside the clause's own date
    ("Officials will agree the exact schedule for next winter's power deliveries in October.", "2024-04-09",
     ["2024-10"]),
    ("Farmers sold last year's harvest in March.", "2024-04-09", ["2024-03"]),
])
def test_a_possessive_date_gives_way_to_the_clauses_date(body, published, dates):
    assert [e.date for e in events(body, published)] == dates


def test_a_possessive_date_that_opens_its_clause_dates_its_subject():
    # (the autumn is taken as this year's too: a known fault, see tests/data/README.md)
    assert "2026" in [e.date for e in events("Next year's forum will be held in Aktobe in the autumn.", "2025-09-24")]


@pytest.mark.parametrize("body, kinds", [
    ("A second batch is to follow in May.", ["plan"]),
    ("Kazakh companies were obliged to follow national law, the ministry said on Wednesday.", ["announcement"]),
])
def test_to_follow_is_a_plan_only_after_is_are_or_due(body, kinds):
    assert [e.kind for e in events(body, "2026-03-11")] == kinds
