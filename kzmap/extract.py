"""The unit of work: one article in, one ``Extraction`` out; and a corpus driver around it."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from . import geoparse, partners
from .corpus import load_paths
from .gazetteer import Gazetteer, load_gazetteer
from .records import Article, Extraction, Problem
from .runs import find_runs
from .text import sentence_spans


def extract(article: Article, gaz: Gazetteer) -> Extraction:
    """Places, partners, events and figures of one article; pure given the gazetteer."""
    from .events import extract_events
    from .figures import extract_figures

    body = article.body
    spans = sentence_spans(body)
    runs = find_runs(body, gaz.trail_words)
    partner_mentions = partners.find_partner_mentions(body, gaz, runs=runs)
    mentions = geoparse.find_mentions(body, spans, gaz, runs=runs, partner_mentions=partner_mentions)
    events = extract_events(article, spans, partner_mentions, mentions)
    figures = extract_figures(article, spans, partner_mentions)
    return Extraction(
        article=article,
        mentions=tuple(mentions),
        partner_mentions=tuple(partner_mentions),
        partners=tuple(partners.count_partners(partner_mentions, gaz)),
        events=tuple(events),
        figures=tuple(figures),
        sentences=tuple(spans),
    )


def extract_all(articles: Sequence[Article], gaz: Gazetteer | None = None) -> list[Extraction]:
    gaz = gaz or load_gazetteer()
    return [extract(a, gaz) for a in articles]


def extract_paths(paths: Iterable[str | Path], gaz: Gazetteer | None = None, max_bytes: int | None = None,
                  jobs: int = 1) -> tuple[list[Extraction], list[Problem]]:
    corpus = load_paths(list(paths), max_bytes=max_bytes)
    if jobs > 1 and len(corpus.articles) >= 4 * jobs:
        return extract_parallel(corpus.articles, jobs), corpus.problems
    return extract_all(corpus.articles, gaz), corpus.problems


_WORKER_GAZ: Gazetteer | None = None


def _work(chunk: Sequence[Article]) -> list[Extraction]:
    global _WORKER_GAZ
    if _WORKER_GAZ is None:
        _WORKER_GAZ = load_gazetteer()
    return [extract(a, _WORKER_GAZ) for a in chunk]


def extract_parallel(articles: Sequence[Article], jobs: int) -> list[Extraction]:
    """Same output as ``extract_all``, in the same order, over ``jobs`` worker processes."""
    from concurrent.futures import ProcessPoolExecutor

    size = max(1, len(articles) // (jobs * 4))
    chunks = [articles[i:i + size] for i in range(0, len(articles), size)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return [x for part in pool.map(_work, chunks) for x in part]
