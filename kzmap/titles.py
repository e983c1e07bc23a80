"""Short headlines for events, built from the clause that states them (pure, no NLP library).

``headline(clause, date=(start, end), trigger=offset, triggers=[...])`` works on one clause
(offsets relative to it) and returns subject + verb + object in under ``limit`` characters:

1. The event's date is removed with the preposition that governs it ("scheduled for 2027",
   "in March", "since 1992", "by 2029", "this year's"), so nothing dangles.
2. The clause is cut into comma/dash/colon segments; short capitalised segments of a list
   ("Kazakhstan, Kyrgyzstan, Tajikistan and ...") are joined back. Reporting tails
   ("he stated optimistically", "officials said", "said X in an interview") are dropped, and a
   reporting frame before the event ("officials say", "X told a forum that") is cut off.
3. The segment holding the trigger word is the title, repaired by what starts it:
   - a verb or auxiliary ("are involved", "will be built"): the subject is joined from the
     nearest earlier segment that is not an aside ("Italian companies are involved in ...");
   - a relative pronoun: its antecedent is taken from the segment before ("whose new port
     opened" -> "Turkmenbashi's new port opened"; "which Air Astana plans to launch" ->
     "Air Astana plans to launch direct flights ...");
   - a participle or adjective aside between a subject and its verb ("X, launched last year,
     has ..."): "X launched" when the aside's first word is the trigger, else the subject with
     the main verb ("X, active in the country since 1992, are involved" -> "X are involved");
   - a preposition or an -ing connective ("during talks in Astana", "culminating in the
     signing of ..."): the noun phrase after it when it has at least three words, else the
     main clause.
4. A noun trigger in a prepositional phrase after another event's trigger ("signed 15
   agreements ... during a meeting of the council") gets that phrase ("Meeting of the
   council"), so two events of one sentence get their own titles. Of two verb phrases joined
   by "and" ("began in March and is scheduled to be completed in 2026"), the one holding the
   trigger is kept, with the subject of the first.
5. Quotes are dropped, and a title still over ``limit`` is cut at a word boundary with "…".
"""
from __future__ import annotations

import re
from collections.abc import Sequence

_I = re.I
LIMIT = 90
# the preposition (or modifier) that governs a date: removed with it
_DATE_PREP = re.compile(r"(?:\b(?:in|on|at|for|since|by|during|from|through|until|till|of|as\s+of|before|after|around"
                        r"|about|starting|as\s+early\s+as|held\s+on|held\s+in|dated)\s+)$", _I)
_SEG = re.compile(r",[”\"’']?\s+|[”\"]?\s*—\s*[“\"]?|\s+(?:[–-]|--)\s+|:\s+|;\s+|\s*\(\s*|\s*\)\s*")
_LEAD = re.compile(r"^\W*(?:(?:the\s+)?following\s+(?=the\b|this\b|a\b)|meanwhile|however|nevertheless|furthermore"
                   r"|moreover|also|and|but|so|yet|just|then|now|in\s+addition|as\s+a\s+result)\b,?\s*", _I)
_REL = {"which", "who", "whose", "whom", "that"}
_PREPS = {"with", "during", "at", "in", "on", "under", "following", "after", "before", "since", "including", "amid",
          "despite", "for", "from", "as", "by", "through", "over", "among", "via", "ahead", "to", "of", "within",
          "between", "like", "besides", "alongside", "beyond"}
_ADJ_LEAD = {"active", "present", "due", "expected", "set", "based", "located", "part", "home", "one", "now",
             "once", "already", "still", "recently", "formerly", "previously", "originally", "initially", "worth"}
_AUX = {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would", "can", "could",
        "should", "may", "might", "must", "shall", "did", "does", "do", "plans", "aims", "says", "remains",
        "becomes", "comes", "gets", "takes", "makes", "wins", "sees", "holds", "pays", "seeks", "wants", "hopes",
        "intends", "continues", "brings", "gives", "keeps", "leads", "opens"}
# past forms that are also participles ("held in Astana"); regular ones end in -ed
_IRREGULAR = {"began", "begun", "became", "went", "came", "got", "took", "met", "made", "won", "saw", "held", "paid",
              "brought", "gave", "kept", "led", "built", "spent", "set", "sent", "said", "told", "sold", "bought",
              "drew", "grew", "rose", "fell", "struck", "wrote", "written", "chosen", "chose", "done", "seen"}
_AFTER_PARTICIPLE = {"in", "on", "at", "by", "for", "with", "from", "to", "during", "since", "under", "last", "earlier",
                     "later", "this", "next", "into", "as", "after", "before", "between", "through", "until", "over",
                     "and", "or", "but", "jointly", "largely", "mainly", "partly", "recently"}
_FUNCTION = {"the", "a", "an", "of", "in", "on", "at", "for", "to", "by", "with", "and", "or", "from", "as", "its",
             "their", "his", "her", "our", "into", "between", "that", "which", "who", "whose", "than", "but", "while",
             "is", "are", "was", "were", "will", "be", "has", "have", "had", "this", "these", "those", "such"}
_DETS = {"the", "a", "an", "its", "his", "her", "their", "our", "this", "these", "that", "those"}
_REPORT_TAIL = re.compile(r"^(?:(?:said|says|stated|added|noted|adding|according\s+to|told\s+reporters|reported)\b"
                          r"|(?:[\w’'.\-]+\s+){0,5}(?:said|says|stated|added|noted|reported|told\s+reporters|"
                          r"explained|wrote|insisted|argued|warned)(?:\s+\w+ly)?\W*$)", _I)
_REPORT_FRAME = re.compile(r"^(?:[\w’'.\-]+\s+){1,8}?(?:say|says|said|believe|believes|expect|expects|note|notes|"
                           r"told\s+(?:[\w’'.\-]+\s+){1,8}?that|announced\s+that|stated\s+that|added\s+that|"
                           r"reported\s+that|confirmed\s+that)\s+(?:that\s+)?", _I)
# "during a meeting of", "under an agreement signed": a noun trigger inside a phrase of its own
_FOCUS_PREP = re.compile(r"\b(?:during|under|at|ahead\s+of|on\s+the\s+sidelines\s+of|following|after|before|"
                         r"amid|within)\s+((?:(?:a|an|the|his|her|their|its)\s+)?(?:[\w’'\-–.]+\s+){0,6}?)$", _I)
_NOUN_KINDS = ("visit", "summit", "agreement")
_WORD = re.compile(r"[\w’'\-–.]+")
_END_PUNCT = re.compile(r"[.!?]+[”\"’']?\s*$")
_QUOTES = re.compile(r"[“”\"*]")
_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_MARK = re.compile(r"\s+([,.;:’'])(?=\s|$)")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:])")


def headline(clause: str, date: tuple[int, int] | None = None, trigger: int = 0,
             triggers: Sequence[tuple[int, int, str]] = (), kind: str = "other", limit: int = LIMIT) -> str:
    """The title of the event stated in ``clause``; ``date``, ``trigger``, ``triggers`` are offsets into it."""
    clause = _END_PUNCT.sub(lambda m: " " * len(m.group()), clause)
    text = _remove_date(clause, date)
    segs = _segments(text)
    if not segs:
        return _finish(kind, limit) if not clause.strip() else _finish(clause, limit)
    k = next((j for j, (a, b, _) in enumerate(segs) if a <= trigger < b), None)
    if k is None:
        k = next((j for j, (a, _, _) in enumerate(segs) if a >= trigger), len(segs) - 1)
    title = _focus(text, segs[k], trigger, triggers) or _from_segment(segs, k, trigger)
    return _finish(title or segs[0][2], limit)


def _remove_date(clause: str, date: tuple[int, int] | None) -> str:
    """``clause`` with the date and its preposition blanked (same length, so offsets hold)."""
    if not date:
        return clause
    s, e = date
    m = _DATE_PREP.search(clause, max(0, s - 20), s)
    if m:
        s = m.start()
    m = re.match(r"[’']s\b", clause[e:])
    if m:
        e += m.end()
    return clause[:s] + " " * (e - s) + clause[e:]


def _segments(text: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of the non-empty comma/dash/colon segments; list items joined back."""
    out: list[tuple[int, int, str]] = []
    cur = 0
    for m in _SEG.finditer(text):
        out.append((cur, m.start(), text[cur:m.start()]))
        cur = m.end()
    out.append((cur, len(text), text[cur:]))
    out = [(a, b, t) for a, b, t in out if _WORD.search(t)]
    merged: list[tuple[int, int, str]] = []
    in_list = False
    for n, (a, b, t) in enumerate(out):
        item = _list_item(t, in_list, n + 1 == len(out))
        if merged and item:
            pa, _, pt = merged[-1]
            merged[-1] = (pa, b, f"{pt.strip()}, {' '.join(t.split())}")
        else:
            merged.append((a, b, t))
        in_list = item == "item"
    return merged


def _list_item(t: str, in_list: bool, last: bool) -> str:
    """"Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan met": "item" for a short capitalised
    list item, "close" for the item that ends the list ("Tajikistan and Uzbekistan met ..."), else ""."""
    w = t.split()
    if not w or not w[0][:1].isupper() or w[0].lower() in _REL | _PREPS:
        return ""
    if len(w) <= 3 and all(x[:1].isupper() for x in w) and not last:
        return "item"
    if in_list and re.match(r"^\s*[A-Z][\w’'\-–.]*\s+(?:and|or)\s+[A-Z]", t):
        return "close"
    return ""


def _first(t: str) -> str:
    t = _LEAD.sub("", t.strip())
    m = _WORD.search(t)
    return m.group().lower() if m else ""


def _starts_verb(words: Sequence[str]) -> bool:
    if not words:
        return False
    w = words[0].lower().strip(",.")
    return w in _AUX or _past(words[0])


def _past(word: str) -> bool:
    w = word.lower().strip(",.")
    return word[:1].islower() and (w in _IRREGULAR or (w.endswith("ed") and len(w) > 4 and w not in _ADJ_LEAD))


def _kind_of_seg(t: str) -> str:
    w = _first(t)
    if not w:
        return "empty"
    raw = _LEAD.sub("", t.strip())
    if _REPORT_TAIL.match(raw):
        return "report"
    if w in _REL:
        return "rel"
    if w in _PREPS or w in ("ahead", "according", "on"):
        return "prep"
    words = raw.split()
    if w in _AUX:
        return "verb"
    if _past(words[0]):  # "held in Astana": an aside; "identified 33 needs": the main verb after an aside
        nxt = words[1].lower().strip(",.") if len(words) > 1 else ""
        return "participle" if not nxt or nxt in _AFTER_PARTICIPLE else "verb"
    if raw[:1].islower() and (w.endswith("ing") or w in _ADJ_LEAD):
        return "participle"
    return "core"


def _from_segment(segs, k: int, trigger: int) -> str:
    kinds = [_kind_of_seg(t) for _, _, t in segs]
    a, b, t = segs[k]
    kind = kinds[k]
    if kind == "report":  # the trigger sits in a reporting tail: use the main clause
        return _main_clause(segs, kinds, trigger)
    body = _strip_frame(_LEAD.sub("", t.strip()), trigger - a - (len(t) - len(t.lstrip())))
    if kind == "rel":
        prev = segs[k - 1][2] if k > 0 else ""
        return _relative(body, prev) or _main_clause(segs, kinds, trigger)
    if kind == "participle":
        nxt = next((j for j in range(k + 1, len(segs)) if kinds[j] == "verb"), None)
        subj = _subject_before(segs, kinds, k)
        first = _first(body)
        at_first = trigger - a <= len(t) - len(t.lstrip()) + len(first) + 2
        if subj and first.endswith("ed") and at_first:
            return f"{subj} {body}"  # "the second track, launched last year," -> "the second track launched"
        np = "" if at_first else _np_after_connective(body)
        if np:  # "coinciding with the summit in Samarkand" -> "the summit in Samarkand"
            return np
        if subj and nxt is not None:
            return f"{subj} {_with_list(segs, kinds, nxt)}"
        return _main_clause(segs, kinds, trigger)
    if kind == "prep":
        np = _np_after_connective(body)
        return np or _main_clause(segs, kinds, trigger, skip=k)
    if kind == "verb":
        subj = _subject_before(segs, kinds, k)
        return _coordination(f"{subj} {_with_list(segs, kinds, k)}" if subj else _with_list(segs, kinds, k),
                             None)
    j = k + 1
    while j < len(segs) and kinds[j] in ("participle", "rel"):
        j += 1
    if j < len(segs) and kinds[j] == "verb" and not re.match(r"\W*(?:and|but|or)\b", segs[j][2], _I):
        joined = f"{body} {_with_list(segs, kinds, j)}"  # "A study commissioned by X, published in 2023, identified"
        if len(joined) <= LIMIT or len(body.split()) < 4:
            return joined
    return _coordination(_with_list(segs, kinds, k, body), trigger - a)


def _with_list(segs, kinds, k: int, first: str | None = None) -> str:
    """Segment ``k`` with the short list items after it ("energy, agriculture, and hydropower")."""
    out = [(first if first is not None else _LEAD.sub("", segs[k][2].strip())).strip()]
    for j in range(k + 1, len(segs)):
        t = segs[j][2].strip()
        if kinds[j] == "core" and len(t.split()) <= 4 and not _REPORT_TAIL.match(t) and (
                j + 1 == len(segs) or len(t.split()) <= 3):
            out.append(t)
        else:
            break
    return ", ".join(out)


def _subject_before(segs, kinds, k: int) -> str:
    """The nearest earlier segment that can be a subject (not an aside, a relative or a report)."""
    for j in range(k - 1, -1, -1):
        if kinds[j] == "core":
            t = _LEAD.sub("", segs[j][2].strip())
            return _strip_frame(t, len(t))
    return ""


def _main_clause(segs, kinds, trigger: int, skip: int | None = None) -> str:
    for j, kd in enumerate(kinds):
        if j != skip and kd in ("core", "verb"):
            if kd == "verb":
                subj = _subject_before(segs, kinds, j)
                return f"{subj} {_with_list(segs, kinds, j)}".strip()
            return _coordination(_with_list(segs, kinds, j), None)
    return ""


def _strip_frame(t: str, trig: int) -> str:
    """"Officials say the line opened" -> "the line opened" when the event is after the frame."""
    m = _REPORT_FRAME.match(t)
    if m and trig >= m.end() and len(t) - m.end() > 12:
        return t[m.end():]
    return t


def _relative(body: str, prev: str) -> str:
    words = body.split()
    if len(words) < 2:
        return ""
    rel, rest = words[0].lower(), " ".join(words[1:])
    if rel == "whose":
        ant = _proper_tail(prev) or _np_tail(prev, stop_at_prep=True)
        return f"{ant}’s {rest}" if ant else ""
    if rel == "who" or _starts_verb(words[1:2]) or words[1].lower() in ("will", "would", "has", "had", "was", "is"):
        ant = _proper_tail(prev) or _np_tail(prev, stop_at_prep=True)
        return f"{ant} {rest}" if ant else ""
    ant = _np_tail(prev, stop_at_prep=False)
    return f"{rest} {ant}" if ant else ""


def _proper_tail(t: str) -> str:
    """The capitalised words that end ``t`` ("... through Turkmenbashi" -> "Turkmenbashi")."""
    words = t.split()
    out: list[str] = []
    for w in reversed(words):
        if w[:1].isupper() or (out and w.lower() in ("of", "de", "von", "der", "al")):
            out.append(w)
        else:
            break
    while out and not out[-1][:1].isupper():
        out.pop()
    return " ".join(reversed(out)) if len(out) < len(words) else ""


def _np_tail(t: str, stop_at_prep: bool) -> str:
    """The noun phrase that ends ``t``: words back to the nearest verb (or preposition)."""
    words = _LEAD.sub("", t.strip()).split()
    out: list[str] = []
    for w in reversed(words):
        lw = w.lower().strip(",")
        if _starts_verb([w]) or lw in _AUX or lw.endswith("ing") and w[:1].islower() or (
                stop_at_prep and lw in _PREPS):
            break
        out.append(w)
    return " ".join(reversed(out)) if 0 < len(out) < len(words) + 1 else ""


def _np_after_connective(body: str) -> str:
    """"during talks in Astana" -> "talks in Astana"; "culminating in the signing of X" -> "the signing of X"."""
    m = re.match(r"^(?:[a-z]+ing\s+(?:(?:in|with|on|at|to|into|from)\s+)?|(?:ahead|instead|because)\s+of\s+|"
                 r"on\s+the\s+sidelines\s+of\s+|according\s+to\s+|[a-z]+\s+)", body, _I)
    if not m:
        return ""
    rest = body[m.end():].strip()
    words = rest.split()
    if words and words[0].lower() in _DETS - {"the", "a", "an"} and len(words) > 1:
        words = words[1:]  # "its announcement by X" -> "announcement by X"
    content = [w for w in words if w.lower() not in _FUNCTION and not _past(w) and w.lower() not in _ADJ_LEAD]
    if len(content) < 2 or _starts_verb(words[1:2]):
        return ""  # "with completion expected": too thin to stand alone
    np = " ".join(words)
    m = re.search(r"\s(?:that|which)\s+(?=([\w’'\-]+)(?:\s+[\w’'\-]+)?\s*$)", np)
    if m and _starts_verb([m.group(1)]):
        np = np[:m.start()] + " " + np[m.end():]  # "a second line that opened" -> "a second line opened"
    return np


def _focus(text: str, seg, trigger: int, triggers) -> str:
    """A noun trigger in a phrase of its own after another event's trigger: that phrase."""
    a, b, t = seg
    mine = next(((s, e, k) for s, e, k in triggers if s == trigger), None)
    if mine is not None and text[mine[0]:mine[1]].lower().endswith("ed"):  # "an agreement signed": the noun
        mine = next(((s, e, k) for s, e, k in triggers if k == mine[2] and 0 < trigger - e <= 3
                     and not text[s:e].lower().endswith("ed")), mine)
        trigger = mine[0]
    if mine is None or mine[2] not in _NOUN_KINDS or text[mine[0]:mine[1]].lower().endswith("ed"):
        return ""
    if not any(a <= s < trigger and k != mine[2] for s, _, k in triggers):
        return ""
    m = _FOCUS_PREP.search(text, max(a, trigger - 80), trigger)
    if not m:
        return ""
    phrase = text[m.start(1):b]
    words = phrase.split()
    if words and words[0].lower() in ("a", "an", "the"):
        words = words[1:]
    return " ".join(words)


def _coordination(t: str, trig: int | None) -> str:
    """Of "X began and is scheduled to be completed", keep the verb phrase holding the trigger."""
    m = re.search(r"\s+and\s+(?=(?:is|are|was|were|will|has|have|had|would|could|then|also)\b|[a-z]+ed\b)", t)
    if not m:
        return t
    words = t[:m.start()].split()
    verb = next((i for i, w in enumerate(words) if i > 0 and _starts_verb([w])), None)
    if trig is not None and trig >= m.end() and verb is not None:
        return " ".join(words[:verb]) + " " + t[m.end():]
    if trig is not None and trig < m.start():
        return t[:m.start()]
    return t


def _finish(t: str, limit: int) -> str:
    t = _QUOTES.sub("", t)
    t = _SPACES.sub(" ", t).strip()
    t = _LEAD.sub("", t)
    t = _SPACE_BEFORE_MARK.sub(r"\1", t)
    t = _SPACE_BEFORE_PUNCT.sub(r"\1", t).strip(" ,;:—–-.")
    if len(t) > limit:
        cut = t[:limit - 1]
        cut = cut[:cut.rfind(" ")] if " " in cut else cut
        words = cut.rstrip(" ,;:—–-").split()
        while len(words) > 1 and words[-1].lower().strip(",") in _FUNCTION:
            words.pop()
        t = " ".join(words).rstrip(" ,;:—–-") + "…"
    return t[:1].upper() + t[1:] if t else t
