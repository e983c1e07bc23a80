"""The unit of work: one article in, one ``Extraction`` out; and the corpus drivers around it.

``extract`` is pure given the gazetteer. ``iter_results`` runs files through loading and
extraction in order, in this process or in ``jobs`` worker processes (same output either way);
a file that cannot be read, or an article on which an extractor fails, becomes a ``Problem``
and never stops the others.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path

from . import geoparse, partners
from .corpus import list_files, load_one, max_bytes_from_env
from .gazetteer import Gazetteer, load_gazetteer
from .records import Article, Extraction, Problem
from .runs import find_runs
from .text import sentence_spans


def extract(article: Article, gaz: Gazetteer) -> Extraction:
    """Places, partners, events and figures of one article; pure given the gazetteer."""
    from .dates import find_dates
    from .events import extract_events
    from .figures import extract_figures

    body = article.body
    spans = sentence_spans(body)
    runs = find_runs(body, gaz.trail_words, gaz.interest, gaz.skeletons)
    partner_mentions = partners.find_partner_mentions(body, gaz, runs=runs)
    mentions = geoparse.find_mentions(body, spans, gaz, runs=runs, partner_mentions=partner_mentions)
    dates = find_dates(body, article.published)
    events = extract_events(article, spans, partner_mentions, mentions, dates)
    figures = extract_figures(article, spans, partner_mentions, dates)
    return Extraction(
        article=article,
        mentions=tuple(mentions),
        partner_mentions=tuple(partner_mentions),
        partners=tuple(partners.count_partners(partner_mentions, gaz)),
        events=tuple(events),
        figures=tuple(figures),
        sentences=tuple(spans),
    )


def extract_safe(article: Article, gaz: Gazetteer) -> Extraction | Problem:
    """``extract``, with a failure on this one article turned into a problem naming it."""
    try:
        return extract(article, gaz)
    except Exception as err:  # noqa: BLE001 - one article must never stop the corpus
        return Problem(article.path, f"extraction failed: {type(err).__name__}: {err}")


# What one file gives: ("article", Extraction or what ``encode`` made of it) and ("problem", Problem) items.
Item = tuple[str, object]
Encode = Callable[[Extraction], object]  # a module-level function: worker processes receive it pickled
_WORKER: dict = {}


def _file_items(path: Path, gaz: Gazetteer, max_bytes: int, encode: Encode | None) -> list[Item]:
    article, problems = load_one(path, max_bytes)
    items: list[Item] = [("problem", p) for p in problems]
    if article is not None:
        x = extract_safe(article, gaz)
        if isinstance(x, Problem):
            items.append(("problem", x))
        else:
            items.append(("article", encode(x) if encode else x))
    return items


def _work(chunk: list[Path]) -> list[Item]:
    gaz = _WORKER.get("gaz") or _WORKER.setdefault("gaz", load_gazetteer())
    return [item for path in chunk for item in _file_items(path, gaz, _WORKER["max_bytes"], _WORKER["encode"])]


def iter_results(paths: Iterable[str | Path], gaz: Gazetteer | None = None, max_bytes: int | None = None,
                 jobs: int = 1, encode: Encode | None = None) -> Iterator[Item]:
    """Load and extract every article file under ``paths`` in a stable order, streaming.

    With ``jobs`` > 1 the files are shared out to worker processes, which read, extract and (with
    ``encode``, e.g. ``records.extraction_json``) serialise them; the output is the same as with one process."""
    files, problems = list_files(list(paths))
    for p in problems:
        yield "problem", p
    limit = max_bytes or max_bytes_from_env()
    gaz = gaz or load_gazetteer()
    if jobs <= 1 or len(files) < 8 * jobs:
        for path in files:
            yield from _file_items(path, gaz, limit, encode)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # Workers forked from here inherit the loaded gazetteer; elsewhere they load it once each.
    _WORKER.update(gaz=gaz, max_bytes=limit, encode=encode)
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    size = max(4, min(40, len(files) // (jobs * 16)))  # small chunks: the last one leaves a core idle
    chunks = [files[i:i + size] for i in range(0, len(files), size)]
    ctx = multiprocessing.get_context(method) if method else None
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init_worker,
                             initargs=(limit, encode)) as pool:
        # A few chunks in flight, not all: a slow reader holds workers back instead of their results
        # piling up here (``pool.map`` submits every chunk at once).
        todo = iter(chunks)
        pending = deque(pool.submit(_work, c) for c in islice(todo, 2 * jobs))
        try:
            while pending:
                part = pending.popleft().result()
                pending.extend(pool.submit(_work, c) for c in islice(todo, 1))
                yield from part
        finally:
            for f in pending:
                f.cancel()


def _init_worker(max_bytes: int, encode: Encode | None) -> None:
    _WORKER.update(max_bytes=max_bytes, encode=encode)


def extract_paths(paths: Iterable[str | Path], gaz: Gazetteer | None = None, max_bytes: int | None = None,
                  jobs: int = 1) -> tuple[list[Extraction], list[Problem]]:
    """Every article under ``paths`` extracted, and every problem met, in file order."""
    done: list[Extraction] = []
    problems: list[Problem] = []
    for kind, value in iter_results(paths, gaz, max_bytes, jobs):
        (done if kind == "article" else problems).append(value)
    return done, problems
