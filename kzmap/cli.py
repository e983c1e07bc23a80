"""Command line: ``kzmap extract PATH... [--format table|json]`` and ``kzmap eval GOLD_DIR PATH...``.

Exit status: 0 when every file was read, 1 when some had problems (the others still printed),
2 for usage errors.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from .records import extraction_json, extraction_to_dict, problem_to_dict


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="kzmap", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="places, partners, events and figures of articles")
    ex.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders (.md, .txt)")
    ex.add_argument("--format", choices=("table", "json"), default="table")
    ex.add_argument("--max-bytes", type=int, default=None, metavar="N",
                    help="refuse files larger than N bytes (default: KZMAP_MAX_BYTES or 5,000,000)")
    ex.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes (same output)")
    ev = sub.add_parser("eval", help="precision/recall against gold annotations")
    ev.add_argument("gold", metavar="GOLD_DIR")
    ev.add_argument("paths", nargs="+", metavar="PATH")
    ev.add_argument("--json", action="store_true", help="print the figures as JSON")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    error = _check(args)
    if error:
        return _usage(error)
    if args.command == "extract":
        return _extract(args)
    return _eval(args)


def _run(paths, max_bytes=None, jobs=1):
    from .extract import extract_paths

    return extract_paths(paths, max_bytes=max_bytes, jobs=jobs)


def _check(args) -> str | None:
    if getattr(args, "max_bytes", None) is not None and args.max_bytes <= 0:
        return f"--max-bytes must be a positive number of bytes, not {args.max_bytes}"
    if getattr(args, "jobs", 1) < 1:
        return f"--jobs must be 1 or more, not {args.jobs}"
    return None


def _usage(message: str) -> int:
    print(f"kzmap: error: {message}", file=sys.stderr)
    return 2


def _extract(args) -> int:
    out = sys.stdout
    problems: list = []
    try:
        if args.format == "json":
            problems = _stream_json(args, out)
        else:
            extractions, problems = _run(args.paths, args.max_bytes, args.jobs)
            _table(extractions, problems, out)
        out.flush()
    except BrokenPipeError:  # the reader stopped early (`kzmap extract ... | head`): no traceback
        _silence_stdout()
    return 1 if problems else 0


def _stream_json(args, out) -> list:
    """Write ``{"articles": [...], "problems": [...]}`` one article at a time (flat memory)."""
    from .extract import iter_results

    problems = []
    out.write('{"articles": [')
    first = True
    for kind, value in iter_results(args.paths, max_bytes=args.max_bytes, jobs=args.jobs,
                                     encode=extraction_json):
        if kind == "problem":
            problems.append(value)
            continue
        out.write(value if first else ", " + value)
        first = False
    out.write('], "problems": ')
    json.dump([problem_to_dict(p) for p in problems], out, ensure_ascii=False)
    out.write("}\n")
    return problems


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    import os

    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):  # no real file descriptor (e.g. captured in a test)
        pass


_CONTROLS = dict.fromkeys([*range(0x20), 0x7f, *range(0x80, 0xa0)], "\ufffd")


def _plain(s: str) -> str:
    """Text from a file, safe for a terminal: control characters (escape sequences, line breaks) shown as U+FFFD."""
    return s.translate(_CONTROLS)


def _table(extractions, problems, out) -> None:
    for x in extractions:
        a = x.article
        out.write(f"{_plain(a.path)}  {_plain(a.title[:70])}  ({a.published or 'date unknown'})\n")
        places: dict[str, list] = {}
        for m in x.mentions:
            places.setdefault(m.place.id, []).append(m)
        for ms in places.values():
            p = ms[0].place
            out.write(f"  place    {p.name:28.28} {p.kind:15} {p.country or '--':3} {p.lat:8.3f} {p.lon:9.3f}"
                      f"  x{len(ms)}\n")
        if x.partners:
            out.write("  partners " + ", ".join(f"{p.code} {p.name} x{p.count}" for p in x.partners) + "\n")
        for e in x.events:
            out.write(f"  event    {e.date:10} {e.kind:12} {_plain(e.title[:70])}\n")
    for p in problems:
        out.write(f"problem: {_plain(p.path)}: {_plain(p.error)}\n")
    out.write(f"{len(extractions)} articles read, {len(problems)} problems\n")


def _eval(args) -> int:
    from pathlib import Path

    from .evaluate import format_report, score_corpus

    gold = Path(args.gold)
    if not gold.is_dir():
        return _usage(f"gold folder {args.gold!r} does not exist")
    extractions, problems = _run(args.paths)
    doc = {"articles": [extraction_to_dict(x) for x in extractions]}
    result = score_corpus(doc, gold)
    print(json.dumps(result) if args.json else format_report(result))
    for p in problems:
        print(f"problem: {p.path}: {p.error}", file=sys.stderr)
    return 1 if problems else 0
