"""Filter state <-> URL query string, so a pasted link restores the view.

``?partner=CN&partner=RU&from=2013&to=2029&kind=summit&article=a1b2c3d4&place=gn:1526384``

``parse`` never raises: unknown or malformed values are dropped and described in the returned
notices (sanitised, so a hostile value cannot inject Markdown or HTML into the page); repeated
parameters and value lengths are capped.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .dataset import date_bounds
from .filters import FilterState

MAX_VALUES = 30  # per parameter
MAX_LEN = 80  # characters per value
MAX_NOTICES = 6
MIN_YEAR, MAX_YEAR = 1000, 2100  # the years kzmap.dates reads (before 1900: "founded in 1882")
KEYS = ("partner", "kind", "from", "to", "article", "place")
IGNORED_KEYS = frozenset({"embed", "embed_options"})  # Streamlit's own

_DATE_RE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_ID_RE = re.compile(rf"[\w:.\-]{{1,{MAX_LEN}}}")


@dataclass(frozen=True)
class Known:
    """What the data holds, to check URL values against."""
    partners: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()
    articles: Mapping[str, str] = field(default_factory=dict)  # url key -> Article.path
    places: frozenset[str] = frozenset()


def shown(value: object, limit: int = 24) -> str:
    """A value made safe to quote in a notice: plain characters only, shortened."""
    text = re.sub(r"[^A-Za-z0-9 _:.\-]", "?", str(value))
    return text[:limit] + ("…" if len(text) > limit else "")


def _values(params: Mapping[str, object], key: str) -> list[str]:
    raw = params.get(key, [])
    if isinstance(raw, str):
        return [raw]
    try:
        return [str(v) for v in list(raw)[: MAX_VALUES * 10]]
    except TypeError:
        return []


def valid_date(value: str) -> bool:
    if not _DATE_RE.fullmatch(value):
        return False
    return date_bounds(value) is not None and MIN_YEAR <= int(value[:4]) <= MAX_YEAR


def parse(params: Mapping[str, object], known: Known) -> tuple[FilterState, list[str]]:
    """``st.query_params.to_dict()``-like mapping (str or list values) -> (state, notices)."""
    notices: list[str] = []
    unknown = [k for k in list(params)[:1000] if k not in KEYS and k not in IGNORED_KEYS]
    if unknown:
        notices.append("Ignored unknown link parameter(s): " + ", ".join(shown(k, 16) for k in unknown[:5])
                       + (" …" if len(unknown) > 5 else ""))

    def pick(key: str, check, normal=lambda v: v) -> tuple[str, ...]:
        values = _values(params, key)
        if len(values) > MAX_VALUES:
            notices.append(f"Only the first {MAX_VALUES} '{key}' values in the link were read.")
            values = values[:MAX_VALUES]
        good: list[str] = []
        bad: list[str] = []
        for v in values:
            if len(v) > MAX_LEN:
                bad.append(v)
                continue
            n = normal(v.strip())
            if check(n):
                if n not in good:
                    good.append(n)
            else:
                bad.append(v)
        if bad:
            notices.append(f"Ignored {len(bad)} unknown '{key}' value(s) in the link: "
                           + ", ".join(shown(b) for b in bad[:3]) + (" …" if len(bad) > 3 else ""))
        return tuple(good)

    partners = pick("partner", lambda v: v in known.partners, str.upper)
    kinds = pick("kind", lambda v: v in known.kinds, str.lower)
    articles = tuple(known.articles[k] for k in pick("article", lambda v: v in known.articles))
    places = pick("place", lambda v: bool(_ID_RE.fullmatch(v)) and v in known.places)
    dates = {}
    for key in ("from", "to"):
        got = pick(key, valid_date)
        if len(got) > 1:
            notices.append(f"Several '{key}' values in the link; used the first.")
        dates[key] = got[0] if got else None
    lo, hi = dates["from"], dates["to"]
    if lo and hi and date_bounds(lo)[0] > date_bounds(hi)[1]:
        notices.append(f"'from' {shown(lo)} is after 'to' {shown(hi)}; swapped them.")
        lo, hi = hi, lo
    state = FilterState(partners=partners, kinds=kinds, date_from=lo, date_to=hi, articles=articles, places=places)
    if len(notices) > MAX_NOTICES:
        notices = notices[:MAX_NOTICES] + ["More link problems were ignored."]
    return state, notices


def to_params(state: FilterState, article_keys: Mapping[str, str] | None = None) -> dict[str, list[str]]:
    """The query parameters for ``state`` (defaults left out); ``article_keys`` maps path -> url key."""
    article_keys = article_keys or {}
    out: dict[str, list[str]] = {}
    if state.partners:
        out["partner"] = list(state.partners)
    if state.kinds:
        out["kind"] = list(state.kinds)
    if state.date_from:
        out["from"] = [state.date_from]
    if state.date_to:
        out["to"] = [state.date_to]
    keys = [article_keys[a] for a in state.articles if a in article_keys]
    if keys:
        out["article"] = keys
    if state.places:
        out["place"] = list(state.places)
    return out


def same_params(a: Mapping[str, Iterable[str]], b: Mapping[str, Iterable[str]]) -> bool:
    norm = lambda m: {k: list(v) if not isinstance(v, str) else [v] for k, v in m.items() if v}  # noqa: E731
    return norm(a) == norm(b)
