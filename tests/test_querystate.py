import pytest

from kzmap.filters import FilterState
from kzmap.querystate import MAX_VALUES, Known, parse, to_params

KNOWN = Known(partners=frozenset({"CN", "RU", "EU"}), kinds=frozenset({"summit", "agreement"}),
              articles={"a1234abcd": "seeds/a.md"}, places=frozenset({"gn:1526384"}))


def test_round_trip():
    state = FilterState(partners=("CN", "RU"), kinds=("summit",), date_from="2013", date_to="2029",
                        articles=("seeds/a.md",), places=("gn:1526384",))
    params = to_params(state, {"seeds/a.md": "a1234abcd"})
    assert params == {"partner": ["CN", "RU"], "kind": ["summit"], "from": ["2013"], "to": ["2029"],
                      "article": ["a1234abcd"], "place": ["gn:1526384"]}
    assert parse(params, KNOWN) == (state, [])


def test_a_link_keeps_a_window_that_opens_before_1900():
    # the timeline can hold "founded in 1882": a brush from then round-trips through the link
    state = FilterState(date_from="1882", date_to="2029-05")
    assert parse(to_params(state), KNOWN) == (state, [])


def test_default_state_has_no_params():
    assert to_params(FilterState()) == {}
    assert parse({}, KNOWN) == (FilterState(), [])


def test_lowercase_partner_and_single_string_values():
    state, notes = parse({"partner": "cn", "kind": "SUMMIT"}, KNOWN)
    assert state.partners == ("CN",) and state.kinds == ("summit",) and not notes


@pytest.mark.parametrize("params,field", [
    ({"partner": ["XX"]}, "partner"),
    ({"kind": ["party"]}, "kind"),
    ({"from": ["2025-13-45"]}, "from"),
    ({"to": ["yesterday"]}, "to"),
    ({"from": ["0001"]}, "from"),
    ({"from": ["0999"]}, "from"),
    ({"article": ["../../etc/passwd"]}, "article"),
    ({"place": ["<script>"]}, "place"),
    ({"bogus": ["1"]}, "bogus"),
])
def test_bad_values_are_ignored_with_a_notice(params, field):
    state, notes = parse(params, KNOWN)
    assert state == FilterState()
    assert len(notes) == 1 and field in notes[0]


def test_notices_are_sanitised():
    _, notes = parse({"partner": ["[x](javascript:alert(1)) <img src=x onerror=alert(1)>"]}, KNOWN)
    quoted = notes[0].split(": ", 1)[1]
    assert not set(quoted) & set("<>[]()&\"'`")


def test_thousands_of_repeated_params_are_capped():
    state, notes = parse({"partner": ["CN"] * 5000 + ["RU"]}, KNOWN)
    assert state.partners == ("CN",)
    assert any(str(MAX_VALUES) in n for n in notes)


def test_very_long_values_are_refused():
    state, notes = parse({"partner": ["C" * 100_000], "from": ["2" * 10_000]}, KNOWN)
    assert state == FilterState() and len(notes) == 2
    assert all(len(n) < 200 for n in notes)


def test_from_after_to_is_swapped():
    state, notes = parse({"from": ["2029"], "to": ["2013"]}, KNOWN)
    assert (state.date_from, state.date_to) == ("2013", "2029") and notes


def test_many_unknown_keys_one_short_notice():
    _, notes = parse({f"k{i}": ["v"] for i in range(5000)}, KNOWN)
    assert len(notes) == 1 and len(notes[0]) < 200
