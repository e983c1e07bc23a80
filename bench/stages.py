"""Where kzmap's extraction time goes: an in-process split by stage, in ``kzmap.extract.extract``'s order.

Each stage is one public function, timed around it for every article with ``time.process_time``
(CPU time of this single-threaded process: on a shared machine it is far steadier than wall time):

    load      kzmap.corpus.load_paths (read, decode, front matter)
    gazetteer kzmap.gazetteer.load_gazetteer (warm pickle cache)
    sentences kzmap.text.sentence_spans
    runs      kzmap.runs.find_runs
    partners  kzmap.partners.find_partner_mentions + count_partners
    geoparse  kzmap.geoparse.find_mentions
    dates     kzmap.dates.find_dates (events and figures then reuse its per-text cache)
    events    kzmap.events.extract_events
    figures   kzmap.figures.extract_figures
    json      kzmap.records.extraction_json (what the CLI writes per article)

``python bench/stages.py FOLDER [--cprofile N]`` prints the table, and with ``--cprofile`` the N
functions with the most own time over a whole ``extract`` pass.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

STAGES = ("load", "gazetteer", "sentences", "runs", "partners", "geoparse", "dates", "events", "figures", "json")


def stage_times(folder: str | Path) -> tuple[dict[str, float], int, int]:
    """Seconds per stage over every article of ``folder``; returns (times, articles, body bytes)."""
    from kzmap import geoparse, partners
    from kzmap.corpus import load_paths
    from kzmap.dates import find_dates
    from kzmap.events import extract_events
    from kzmap.figures import extract_figures
    from kzmap.gazetteer import load_gazetteer
    from kzmap.records import Extraction, extraction_json
    from kzmap.runs import find_runs
    from kzmap.text import sentence_spans

    t = dict.fromkeys(STAGES, 0.0)
    clock = time.process_time
    c0 = clock()
    corpus = load_paths([folder])
    c1 = clock()
    gaz = load_gazetteer()
    c2 = clock()
    t["load"], t["gazetteer"] = c1 - c0, c2 - c1
    size = 0
    for a in corpus.articles:
        body = a.body
        size += len(body.encode("utf-8"))
        c0 = clock()
        spans = sentence_spans(body)
        c1 = clock()
        runs = find_runs(body, gaz.trail_words, gaz.interest, gaz.skeletons)  # as kzmap.extract does
        c2 = clock()
        pms = partners.find_partner_mentions(body, gaz, runs=runs)
        counted = partners.count_partners(pms, gaz)
        c3 = clock()
        mentions = geoparse.find_mentions(body, spans, gaz, runs=runs, partner_mentions=pms)
        c4 = clock()
        dates = find_dates(body, a.published)
        c5 = clock()
        events = extract_events(a, spans, pms, mentions, dates)
        c6 = clock()
        figures = extract_figures(a, spans, pms, dates)
        c7 = clock()
        x = Extraction(article=a, mentions=tuple(mentions), partner_mentions=tuple(pms), partners=tuple(counted),
                       events=tuple(events), figures=tuple(figures), sentences=tuple(spans))
        extraction_json(x)  # what the CLI writes
        c8 = clock()
        deltas = (c1 - c0, c2 - c1, c3 - c2, c4 - c3, c5 - c4, c6 - c5, c7 - c6, c8 - c7)
        for name, d in zip(STAGES[2:], deltas, strict=True):
            t[name] += d
    return t, len(corpus.articles), size


def cprofile_top(folder: str | Path, top: int = 25) -> str:
    """cProfile of ``extract`` over the folder (load and gazetteer excluded): the top functions by own time."""
    import cProfile
    import io
    import pstats

    from kzmap.corpus import load_paths
    from kzmap.extract import extract
    from kzmap.gazetteer import load_gazetteer

    arts = load_paths([folder]).articles
    gaz = load_gazetteer()
    prof = cProfile.Profile()
    prof.enable()
    for a in arts:
        extract(a, gaz)
    prof.disable()
    out = io.StringIO()
    pstats.Stats(prof, stream=out).strip_dirs().sort_stats("tottime").print_stats(top)
    return out.getvalue()


def format_stages(t: dict[str, float], n: int, ceiling_ms: float | None) -> str:
    total = sum(t.values())
    rows = [f"{'stage':10} {'cpu s':>8} {'ms/article':>10} {'share':>6} {'x bare geotext':>15}"]
    for name in STAGES:
        ms = 1000 * t[name] / n
        ratio = f"{ms / ceiling_ms:15.1f}" if ceiling_ms else f"{'n/a':>15}"
        rows.append(f"{name:10} {t[name]:8.2f} {ms:10.3f} {t[name] / total:6.1%} {ratio}")
    ms = 1000 * total / n
    ratio = f"{ms / ceiling_ms:15.1f}" if ceiling_ms else f"{'n/a':>15}"
    rows.append(f"{'total':10} {total:8.2f} {ms:10.3f} {1:6.0%} {ratio}")
    return "\n".join(rows)


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    folder = argv[0]
    t, n, size = stage_times(folder)
    print(f"{n} articles, {size / 1e6:.1f} MB of text")
    print(format_stages(t, n, None))
    if "--cprofile" in argv:
        i = argv.index("--cprofile")
        top = int(argv[i + 1]) if i + 1 < len(argv) else 25
        print(cprofile_top(folder, top))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
