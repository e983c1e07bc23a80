"""Date expressions: every form of the issue, with and without a publication date, and non-dates."""
from __future__ import annotations

import pytest

from kzmap.dates import find_dates


def one(text: str, published: str | None):
    found = find_dates(text, published)
    assert len(found) == 1, [d.text for d in found]
    return found[0]


@pytest.mark.parametrize("text, published, written, date, end, precision", [
    # full dates
    ("signed on 21 April 2025 in Astana", None, "21 April 2025", "2025-04-21", None, "day"),
    ("First published September 17, 2023.", None, "September 17, 2023", "2023-09-17", None, "day"),
    ("visit to Moscow on April 21, where", "2025-04-22", "April 21", "2025-04-21", None, "day"),
    ("on Monday, April 21, 2025 the talks", None, "Monday, April 21, 2025", "2025-04-21", None, "day"),
    ("released on 2025-04-02 by the ministry", None, "2025-04-02", "2025-04-02", None, "day"),
    ("on Dec. 5 the line opened", "2024-01-10", "Dec. 5", "2023-12-05", None, "day"),
    # day ranges
    ("visit Uzbekistan on April 25–26, followed", "2025-04-22", "April 25–26", "2025-04-25", "2025-04-26", "day"),
    ("held on 29-30 January 2024 in Brussels", None, "29-30 January 2024", "2024-01-29", "2024-01-30", "day"),
    ("from April 28 to May 2, 2025", None, "April 28 to May 2, 2025", "2025-04-28", "2025-05-02", "day"),
    # months
    ("announced in Astana in September 2013, the", None, "September 2013", "2013-09", None, "month"),
    ("an agreement in April 2024.", None, "April 2024", "2024-04", None, "month"),
    # years
    ("With completion expected in 2027, the", None, "2027", "2027", None, "year"),
    ("to double our GDP by 2029", None, "by 2029", "2029", None, "year"),
    ("the Plan through 2029 encompasses", None, "through 2029", "2029", None, "year"),
    ("investments since 2005 reaching", None, "since 2005", "2005", None, "year"),
    ("Kazakhstan's 2023 GDP", None, "2023", "2023", None, "year"),
    ("by mid-2024 the port", None, "mid-2024", "2024", None, "year"),
    # year ranges
    ("a programme from 2024 to 2029", None, "from 2024 to 2029", "2024", "2029", "year"),
    ("in force 2003 until 2028", None, "2003 until 2028", "2003", "2028", "year"),
    ("the 2024–2029 plan", None, "2024–2029", "2024", "2029", "year"),
    # month ranges: the year given once, or twice, or by the publication date
    ("work will run from April to November 2026 on", "2025-11-27", "April to November 2026", "2026-04", "2026-11",
     "month"),
    ("power from November 2025 to March 2026.", "2025-09-24", "November 2025 to March 2026", "2025-11", "2026-03",
     "month"),
    ("from November to March 2026 the line", None, "November to March 2026", "2025-11", "2026-03", "month"),
    # a past verb looking forward ("said it would", "agreed to"): the next such month
    ("The ministry said it would offer licences in June.", "2026-03-12", "June", "2026-06", None, "month"),
    ("Both sides agreed to meet again in October.", "2024-12-04", "October", "2025-10", None, "month"),
    ("Both sides met again in October.", "2024-12-04", "October", "2024-10", None, "month"),
    ("the pass shuts between October and December.", "2025-06-01", "October and December", "2025-10", "2025-12",
     "month"),
    ("the pass was closed between October and December.", "2025-06-01", "October and December", "2024-10", "2024-12",
     "month"),
    ("between 2020 and 2025 exports", None, "between 2020 and 2025", "2020", "2025", "year"),
    # relative, resolved against the publication date
    ("Last year, two visits to China", "2024-01", "Last year", "2023", None, "year"),
    ("this year’s inaugural summit", "2023-09-17", "this year’s", "2023", None, "year"),
    ("agreed on Monday to create", "2025-06-03", "Monday", "2025-06-02", None, "day"),
    ("the line will open on Monday", "2025-06-03", "Monday", "2025-06-09", None, "day"),
    ("work began in March and", "2023-05-10", "March", "2023-03", None, "month"),
    ("the recent EU-Central Asia summit", "2025-04-09", "recent", "2025-04", None, "month"),
    ("Just days before the EU summit", "2025-04-22", "Just days before", "2025-04", None, "month"),
    ("at a forum in Brussels this week", "2024-02-01", "this week", "2024-01", None, "month"),
    ("a visit to Astana later this month", "2025-06-03", "later this month", "2025-06", None, "month"),
    ("two years ago the bank", "2025-04-22", "two years ago", "2023", None, "year"),
    ("to travel to Central Asia in the spring", "2025-02-12", "the spring", "2025", None, "year"),
    # across a year boundary
    ("Last year the trade grew", "2024-01-05", "Last year", "2023", None, "year"),
    ("the talks held in December", "2024-01-05", "December", "2023-12", None, "month"),
    ("a summit will be held in February", "2023-12-20", "February", "2024-02", None, "month"),
    ("an agreement signed in May during", "2023-12-22", "May", "2023-05", None, "month"),
    ("the meeting will be held in May", "2023-12-22", "May", "2024-05", None, "month"),
    ("signed on December 30", "2024-01-03", "December 30", "2023-12-30", None, "day"),
    ("a referendum on October 6 last year, in which", "2025-06-16", "October 6 last year", "2024-10-06", None, "day"),
    ("talks on March 3 next year", "2025-06-16", "March 3 next year", "2026-03-03", None, "day"),
    ("Xi Jinping is due in Astana on Tuesday for", "2025-06-16", "Tuesday", "2025-06-17", None, "day"),
    # the publication's own year or month, and quarters without a year
    ("will open an office by the end of the year.", "2026-10-08", "by the end of the year", "2026", None, "year"),
    ("the results due by year-end", "2024-11-19", "by year-end", "2024", None, "year"),
    ("before the year's end", "2024-11-19", "before the year's end", "2024", None, "year"),
    ("the plant closes at the end of the month", "2025-06-03", "the end of the month", "2025-06", None, "month"),
    ("tests will take the rest of the year", "2026-09-22", "rest of the year", "2026", None, "year"),
    ("in the second half of the year", "2025-03-01", "the second half of the year", "2025", None, "year"),
    ("5 GW by the end of the decade", "2026-03-12", "by the end of the decade", "2030", None, "year"),
    ("the line will open in the first quarter", "2026-10-08", "the first quarter", "2027", None, "year"),
    ("the line opened in the third quarter", "2026-10-08", "the third quarter", "2026", None, "year"),
    ("service in the first quarter of 2027", "2026-09-22", "2027", "2027", None, "year"),
    # a season or a month with its year after it, and counts of time from the publication
    ("the line opened in autumn 2024 after", None, "autumn 2024", "2024", None, "year"),
    ("talks resume in the spring of next year", "2025-11-27", "the spring of next year", "2026", None, "year"),
    ("signed in March last year", "2026-03-12", "March last year", "2025-03", None, "month"),
    ("it opened June this year", "2026-10-08", "June this year", "2026-06", None, "month"),
    ("two weeks ago the ministry", "2026-10-08", "two weeks ago", "2026-09", None, "month"),
    ("first offered wheat into the tenders a decade ago", "2025-03-12", "a decade ago", "2015", None, "year"),
    ("the line closed two decades ago", "2025-03-12", "two decades ago", "2005", None, "year"),
    ("it will be finished in two years' time", "2026-10-08", "two years' time", "2028", None, "year"),
    ("the plant will open in two years", "2026-10-08", "two years", "2028", None, "year"),
    # an -ed word after a determiner or a preposition is an adjective, not a past tense
    ("they agreed to open the crossing around the clock for loaded trucks from July 1.", "2026-05-20", "July 1",
     "2026-07-01", None, "day"),
    ("the crossing handled loaded trucks from July 1.", "2026-05-20", "July 1", "2025-07-01", None, "day"),
    # "next"/"last" season: one that starts after the publication day, or ended before it
    ("a satellite is due to fly next spring", "2026-04-12", "next spring", "2027", None, "year"),
    ("a seasonal route for next summer", "2025-06-12", "next summer", "2026", None, "year"),
    ("talks resume next spring", "2026-01-10", "next spring", "2026", None, "year"),
    ("the harvest failed last summer", "2025-07-10", "last summer", "2024", None, "year"),
    ("the harvest failed last summer", "2025-10-10", "last summer", "2025", None, "year"),
])
def test_date_forms(text, published, written, date, end, precision):
    d = one(text, published)
    assert (d.text, d.date, d.end_date, d.precision) == (written, date, end, precision)
    assert text[d.start:d.end] == d.text


@pytest.mark.parametrize("text, written, precision, partial", [
    ("visit to Moscow on April 21, where", "April 21", "day", "--04-21"),
    ("work began in March and", "March", "month", "--03"),
    ("Last year, two visits", "Last year", "year", None),
    ("agreed on Monday to", "Monday", "day", None),
    ("the recent summit", "recent", "month", None),
])
def test_without_publication_date_nothing_is_guessed(text, written, precision, partial):
    d = one(text, None)
    assert (d.text, d.date, d.precision, d.partial, d.relative) == (written, None, precision, partial, True)


@pytest.mark.parametrize("text", [
    "from 28 to 48 million tons per year", "an unprecedented $32.7 billion", "a 1300 km railway line",
    "a list of 55 projects", "a border of more than 7,800 kilometers", "over the past 20 years",
    "after the Covid-19 pandemic", "a 2000 km pipeline", "in the 2020s", "$2025 million", "2,025 wagons",
    "the Kazakhstan-2050 Strategy", "recently began operating", "in recent months", "May be late",
    "the March on Rome", "a spring in its step", "2024 projects were approved", "waited for years",
    "for a month", "for the summer crowds", "the end of the war", "three quarters of the wagons",
    "the first quarter-final", "the start of the decade", "trade doubled in two years", "within six months",
    "over two years",
])
def test_non_dates(text):
    assert find_dates(text, "2025-04-22") == []


@pytest.mark.parametrize("text, anchor", [
    ("by 2029", "by"), ("since 1992", "since"), ("through 2029", "until"), ("until 2028", "until"),
    ("in 2024", "at"), ("from 2024 to 2029", "range"), ("April 25–26", "range"), ("by the end of the year", "by"),
    ("before the end of the month", "before"),
])
def test_anchor(text, anchor):
    assert one(text, "2025-04-22").anchor == anchor


def test_year_from_published_flag():
    assert one("on April 21", "2025-04-22").year_from_published
    assert not one("on April 21, 2024", "2025-04-22").year_from_published


@pytest.mark.parametrize("text, published, written, date", [
    ("An investors' conference is planned for June in Tashkent.", "2025-03-14", "June", "2025-06"),
    ("talks scheduled for March 3 in Baku", "2025-02-10", "March 3", "2025-03-03"),
    ("a vote set for next month", "2025-02-10", "next month", "2025-03"),
    ("tenders planned for 2026", "2025-02-10", "2026", "2026"),
])
def test_for_a_date_is_a_plain_preposition(text, published, written, date):
    d = one(text, published)
    assert (d.text, d.date, d.anchor) == (written, date, "at")


@pytest.mark.parametrize("text, published, written, date, end", [
    ("leaders met in Tokyo on Friday and Saturday for the summit", "2025-12-22", "Friday and Saturday",
     "2025-12-19", "2025-12-20"),
    ("talks in Baku from Monday to Wednesday", "2025-03-06", "Monday to Wednesday", "2025-03-03", "2025-03-05"),
])
def test_two_weekdays_are_one_range(text, published, written, date, end):
    d = one(text, published)
    assert (d.text, d.date, d.end_date, d.precision) == (written, date, end, "day")


@pytest.mark.parametrize("text, published, written, date", [
    ("a delegation is expected in the coming weeks", "2025-08-14", "the coming weeks", "2025"),
    ("a delegation is expected in the coming weeks", "2025-12-20", "the coming weeks", "2026"),  # three weeks on
    ("talks resume in the next few days", "2025-12-20", "the next few days", "2025"),
    ("a delegation is expected in the coming weeks", "2025-08", "the coming weeks", "2025"),
])
def test_the_coming_weeks_give_only_a_year(text, published, written, date):
    d = one(text, published)
    assert (d.text, d.date, d.precision, d.relative) == (written, date, "year", True)


def test_the_coming_weeks_without_a_publication_date_are_not_guessed():
    d = one("a delegation is expected in the coming weeks", None)
    assert d.date is None and d.precision == "year"


@pytest.mark.parametrize("text, kept", [
    ("CAIRO, March 12 (Silk Road Wire) - Egypt's grain buyer signed an agreement on Tuesday.", ["Tuesday"]),
    ("ASTANA, Feb 13 (Steppe Wire) - Kazakhstan and Iran agreed on Wednesday.", ["Wednesday"]),
    ("Intro line\nTARAZ, Kazakhstan, Oct. 8 \u2014 Trucks crossed the border on Tuesday.", ["Tuesday"]),
    ("**BISHKEK**, May 2 - The talks ended.", []),
    ("TARAZ, Kazakhstan, March 10, 2026 /AsiaBiz Newswire/ -- The group broke ground today.", ["today"]),
    # not datelines: the place is not in capitals, or no bracket or dash follows the day
    ("Kazakhstan, March 12 (Reuters) - the talks", ["March 12"]),
    ("The summit in ASTANA, March 12 - 14 was held.", ["March 12 - 14"]),
    ("ASTANA, March 12, the ministry said", ["March 12"]),
])
def test_a_datelines_day_is_no_date_of_the_story(text, kept):
    assert [d.text for d in find_dates(text, "2025-03-12")] == kept


@pytest.mark.parametrize("text, kept", [
    ("the rigs reached the camp in the last week of April", [("April", "2026-04")]),
    ("prices fell in the last month of 2025", [("2025", "2025")]),
    ("in the last year of the plan output rose", []),
    ("the rigs reached the camp last week", [("last week", "2026-05")]),
])
def test_last_week_of_a_month_is_that_month(text, kept):
    assert [(d.text, d.date) for d in find_dates(text, "2026-05-13")] == kept


def test_a_weekday_takes_the_tense_of_its_sentences_verb_further_back():
    text = ("Aulie-Ata Motors will sign a logistics contract with KTZ Express, the freight arm of the national "
            "railway, in Almaty on Thursday.")
    assert [(d.text, d.date) for d in find_dates(text, "2026-03-10")] == [("Thursday", "2026-03-12")]
    text = text.replace("will sign", "signed")
    assert [(d.text, d.date) for d in find_dates(text, "2026-03-10")] == [("Thursday", "2026-03-05")]


def test_a_present_perfect_does_not_put_what_it_announces_in_the_past():
    text = "The park has announced a daily cap of 1,500 visitors for the trails between June and August."
    assert [(d.date, d.end_date) for d in find_dates(text, "2026-05-20")] == [("2026-06", "2026-08")]
    text = "The park recorded 1,500 visitors a day on the trails between June and August."  # last summer
    assert [(d.date, d.end_date) for d in find_dates(text, "2026-05-20")] == [("2025-06", "2025-08")]


def test_since_the_end_of_a_month_is_a_since_date():
    [d] = find_dates("The Tobol has flooded villages along its banks since the end of March.", "2024-04-10")
    assert (d.date, d.anchor) == ("2024-03", "since")


@pytest.mark.parametrize("text, date", [
    # the verb after the opening phrase's comma gives the tense: nearest would be March 2025
    ("After the protest outside the embassy in March, the city police began mass checks.", "2024-03"),
    ("In March, the two ministries agreed to exchange data.", "2024-03"),  # "agreed to" is past here
    ("In March, the two ministries will exchange data.", "2025-03"),
    ("In March, the two ministries exchange data.", "2025-03"),  # no tense: the nearest March, as before
    ("By the end of March, the ministry hopes the refurbished terminal is open.", "2025-03"),  # a deadline
    ("The ministries met in Oral in March, the first meeting since 2019.", "2024-03"),  # not an opening phrase
])
def test_a_date_in_an_opening_phrase_takes_the_tense_of_the_verb_after_it(text, date):
    assert find_dates(text, "2024-11-06")[0].date == date


@pytest.mark.parametrize("text, published, dated", [
    # a date opening the sentence without a comma takes the tense of the verb after it
    ("In August the crew moved to Katon-Karagay.", "2025-07-09", [("August", "2024-08")]),
    ("In August the crew will move to Katon-Karagay.", "2025-07-09", [("August", "2025-08")]),
    # "followed by" is no past tense
    ("Audiences will see it in Almaty in October, followed by a tour of ten cities in November.", "2025-07-09",
     [("October", "2025-10"), ("November", "2025-11")]),
    # a wish looks forward, as "plans to" does
    ("The airline's first winter route: from November it wants to fly to Sharm el-Sheikh.", "2026-01-21",
     [("November", "2026-11")]),
    # a season with no article, year or "this/last/next" is every such season: no date
    ("Kyrgyzstan will store more water in winter and release it in summer.", "2025-03-01", []),
    ("The plant opens in the summer.", "2025-03-01", [("the summer", "2025")]),
    ("Work starts in spring 2026.", "2025-03-01", [("spring 2026", "2026")]),
    # "two days earlier" is earlier than something the text tells: no date ("just days earlier" still is one)
    ("We want to learn about it from the gauges, two days earlier.", "2025-10-10", []),
    ("A few days earlier, in Samarkand, Germany had signed a migration agreement.", "2025-10-10", []),
    ("Just days earlier, the talks collapsed.", "2025-10-10", [("Just days earlier", "2025-10")]),
    # "over the summer" is a season's date, as "in the summer" is
    ("Engineers will test concrete samples from Almaty over the summer.", "2025-01-22",
     [("over the summer", "2025")]),
    ("Sales rose over the past year.", "2025-01-22", []),
    # a promise looks forward, even in the perfect; "as promised" does not
    ("The ministry has promised a new system by November.", "2025-03-19", [("by November", "2025-11")]),
    ("The akimat promises land in October.", "2025-03-19", [("October", "2025-10")]),
    ("The ministry delivered the system in February, as promised.", "2025-03-19", [("February", "2025-02")]),
    # a year before 1900 is a date after "in" or "since", not as a count or without a preposition
    ("The plant, founded in 1882 to extract santonin, still runs.", "2025-05-23", [("1882", "1882")]),
    ("In 1881, under the Treaty of Saint Petersburg, Russia handed the valley back.", "2025-05-23",
     [("1881", "1881")]),
    ("The school has taught engineers since 1840.", "2025-05-23", [("since 1840", "1840")]),
    ("Output rose in 1500 wells.", "2025-05-23", []),
    ("The firm hired 1500 people, and 1200 left.", "2025-05-23", []),
    ("The fort was built in the 1750s.", "2025-05-23", []),
    # a participle before a preposition in the subject is no past: the clause's verb, a modal, is further on
    ("From October, a mobile clinic built on a lorry chassis will visit villages.", "2024-08-29",
     [("October", "2024-10")]),
    ("In August, the crew moved to Katon-Karagay and will stay.", "2024-08-29", [("August", "2024-08")]),
    # an -ed word after a hyphen is an adjective ("court-appointed"), no past
    ("The exchange must transfer the assets to a court-appointed administrator by April 30.", "2025-03-12",
     [("by April 30", "2025-04-30")]),
    # number words past ten count years back; a far horizon ahead is no date
    ("Some of them studied in Sheffield twenty years ago.", "2026-01-20", [("twenty years ago", "2006")]),
    ("They will still be counting the cost in fifty years.", "2026-01-20", []),
    # "last November" in a November paper is a year back, "next November" a year on
    ("The deal was signed in Baku last November.", "2025-11-26", [("last November", "2024-11")]),
    ("Talks resume next November.", "2025-11-26", [("next November", "2026-11")]),
    ("The deal was signed last October.", "2025-11-26", [("last October", "2025-10")]),
    # "the next year" after a year is the year after it; "over the next year" counts from now
    ("In 1218 its governor seized a caravan, and the next year the khan's armies laid siege to the town.",
     "2025-10-04", [("1218", "1218"), ("the next year", "1219")]),
    ("The plant was built in 2019 and the following year it opened.", "2025-10-04",
     [("2019", "2019"), ("the following year", "2020")]),
    ("Sales will grow over the next year.", "2025-10-04", [("next year", "2026")]),
    ("The following month was quiet.", "2025-10-04", []),
    # an -ed word after "every" or "each" is an adjective
    ("The government has promised to rebuild every destroyed house by the end of September.", "2024-08-29",
     [("the end of September", "2024-09")]),
    # a month or season without a year takes the year of a possessive earlier in the sentence
    ("Next year's forum will be held in Aktobe in the autumn.", "2025-05-23",
     [("Next year's", "2026"), ("the autumn", "2026")]),
    ("Next year's cup will again be played in Oskemen in late March.", "2026-03-30",
     [("Next year's", "2027"), ("late March", "2027-03")]),
    ("Farmers sold last year's harvest in March.", "2024-04-09", [("last year's", "2023"), ("March", "2024-03")]),
    ("Officials want the first dredged section ready by the end of October.", "2026-06-17",
     [("the end of October", "2026-10")]),  # "the first dredged": an adjective
    # "today" for nowadays is no date; "opens ... today" and "Today, the two companies signed" are
    ("The population has fallen to perhaps 300,000 today.", "2025-10-04", []),
    ("Today the site is a field of grass-covered mounds.", "2025-10-04", []),
    ('"The terminal we have today was built for a different century."', "2025-10-04", []),
    ("The summit opens in the Kazakh capital today.", "2025-10-04", [("today", "2025-10-04")]),
    ("Today, the two companies signed a contract.", "2025-10-04", [("Today", "2025-10-04")]),
    # a fronted date's clause whose head ends at an apposition takes the tense of the verb after it
    ("In May, the science minister, Sayasat Nurbek, said the map was full.", "2025-11-19", [("May", "2025-05")]),
    ("In May, the company, a Chinese carmaker, will open a plant.", "2025-11-19", [("May", "2026-05")]),
    # "could" looks forward, even in reported speech
    ("She said a first train could follow in the third quarter.", "2026-05-15", [("the third quarter", "2026")]),
    # irregular past tenses ("gave way") date a day without a year before the publication
    ("In Russia, a dam on the Ural gave way in Orsk on April 5.", "2025-03-12", [("April 5", "2024-04-05")]),
    ("Prices fell sharply in May.", "2025-03-12", [("May", "2024-05")]),
    # "of that year" is the year just named
    ("The deal was signed in March 2022, and builders broke ground in September of that year.", "2025-05-23",
     [("March 2022", "2022-03"), ("September of that year", "2022-09")]),
    ("Queues built up in 2017. The presidents met in Astana in late December that year.", "2026-02-04",
     [("2017", "2017"), ("late December that year", "2017-12")]),
])
def test_tense_and_year_of_dates_without_a_year(text, published, dated):
    assert [(d.text, d.date) for d in find_dates(text, published)] == dated


@pytest.mark.parametrize("text, dated", [
    ("President Tokayev flies to Berlin on Wednesday for talks.", [("Wednesday", "2026-03-18")]),  # Monday's paper
    ("The line opens in May. On Friday, the company signed a contract.",
     [("May", "2026-05"), ("Friday", "2026-03-13")]),  # another sentence's present tense
    ("The exercise ends on Friday next week with a demonstration.", [("Friday next week", "2026-03-27")]),
    ("Ankara has offered to host a joint drill in the autumn.", [("the autumn", "2026")]),
    # the paper's own weekday is that day, past or to come ("next Monday" is a week on)
    ("The president was due to fly back to Tashkent on Monday evening.", [("Monday", "2026-03-16")]),
    ("The talks resume next Monday.", [("next Monday", "2026-03-23")]),
])
def test_weekdays_of_what_is_to_come(text, dated):
    assert [(d.text, d.date) for d in find_dates(text, "2026-03-16")] == dated


@pytest.mark.parametrize("text, published, date", [
    ("Koksu Agro Holding plans a service centre in Shymkent in the autumn.", "2026-04-08", "2026"),
    ("Construction should begin in the autumn, once the ground has dried.", "2025-12-03", "2026"),
    ("The plans were approved in the autumn.", "2026-04-08", "2025"),  # "plans" the noun
])
def test_should_and_plans_look_forward(text, published, date):
    assert find_dates(text, published)[0].date == date
