"""A deterministic corpus for the benchmarks: the seed articles' paragraphs reshuffled.

``generate(n, seed)`` returns ``n`` (file name, text) pairs. Each article gets a YAML front matter
with a title and a published date taken from a seed article chosen by the seeded RNG, and a body
of paragraphs drawn (without replacement within one article) from the pool of every seed
paragraph, so sizes and name densities stay close to the seeds'. Same ``n`` and ``seed`` give
byte-identical files on every machine (``random.Random`` is stable across Python versions for
``randrange``/``sample``/``shuffle`` on integers and lists).

    python bench/corpus.py 2000 /tmp/corpus2000     # write it (prints the SHA-256 of the corpus)
"""
from __future__ import annotations

import hashlib
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DEFAULT_SEED = 20250422


@dataclass(frozen=True)
class Seed:
    name: str
    title: str
    published: str
    paragraphs: tuple[str, ...]


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def read_seeds(folder: Path = SEEDS) -> list[Seed]:
    """The seed articles: title and published date from the front matter, body paragraphs."""
    seeds = []
    for path in sorted(folder.glob("*.md")):
        lines = path.read_text(encoding="utf-8").replace("\r\n", "\n").split("\n")
        meta: dict[str, str] = {}
        body = lines
        if lines and lines[0].strip() == "---":
            close = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
            for line in lines[1:close]:
                key, _, value = line.partition(":")
                meta[key.strip()] = _unquote(value)
            body = lines[close + 1:]
        paragraphs = tuple(line.strip() for line in body if line.strip())
        if not paragraphs or not meta.get("published"):
            raise ValueError(f"{path}: a seed needs a body and a 'published' date in its front matter")
        seeds.append(Seed(path.name, meta.get("title") or paragraphs[0], meta["published"], paragraphs))
    if not seeds:
        raise FileNotFoundError(f"no seed articles (*.md) in {folder}")
    return seeds


def generate(n: int, seed: int = DEFAULT_SEED, seeds: list[Seed] | None = None) -> list[tuple[str, str]]:
    """``n`` articles as (file name, Markdown text with front matter), deterministic in ``seed``."""
    seeds = seeds or read_seeds()
    pool = [p for s in seeds for p in s.paragraphs]
    sizes = [len(s.paragraphs) for s in seeds]
    lo, hi = min(sizes), max(sizes)
    rng = random.Random(seed)
    width = max(5, len(str(n)))
    out = []
    for k in range(n):
        meta = seeds[rng.randrange(len(seeds))]
        count = lo + rng.randrange(hi - lo + 1)
        paragraphs = rng.sample(pool, min(count, len(pool)))
        # json.dumps gives a valid YAML double-quoted scalar (escapes quotes and backslashes)
        title = json.dumps(f"{meta.title} (remix {k + 1})", ensure_ascii=False)
        text = (f"---\ntitle: {title}\nsource: \"kzmap bench\"\npublished: \"{meta.published}\"\n---\n"
                + "\n\n".join(paragraphs) + "\n")
        out.append((f"art-{k + 1:0{width}d}.md", text))
    return out


def towns(min_population: int = 40_000) -> list[str]:
    """Names of gazetteer towns (``geo/gazetteer.tsv``) of at least ``min_population``: one plain ASCII word
    each, in file order."""
    import csv

    with open(ROOT / "geo" / "gazetteer.tsv", encoding="utf-8", newline="") as fh:
        return [r["name"] for r in csv.DictReader(fh, delimiter="\t")
                if r["population"] and int(r["population"]) >= min_population
                and r["name"].isascii() and r["name"].isalpha()]


def with_places(articles: list[tuple[str, str]], seed: int = DEFAULT_SEED, per_article: int = 4,
                names: list[str] | None = None) -> list[tuple[str, str]]:
    """The articles, each with one more paragraph naming ``per_article`` towns picked by a seeded RNG: a
    corpus with thousands of distinct places, for the map at scale (the seeds' paragraphs alone give a
    few dozen places however many articles are made of them)."""
    names = names if names is not None else towns()
    rng = random.Random(seed + 1)
    out = []
    for name, text in articles:
        *first, last = rng.sample(names, per_article)
        out.append((name, text + f"\nDelegations from {', '.join(first)} travelled to {last} for talks.\n"))
    return out


def digest(articles: list[tuple[str, str]]) -> str:
    h = hashlib.sha256()
    for name, text in articles:
        h.update(name.encode() + b"\0" + text.encode("utf-8") + b"\0")
    return h.hexdigest()


def write(articles: list[tuple[str, str]], folder: Path) -> int:
    """Write the articles into ``folder`` (created); returns the total size in bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for name, text in articles:
        data = text.encode("utf-8")
        (folder / name).write_bytes(data)
        total += len(data)
    return total


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    n, folder = int(argv[0]), Path(argv[1])
    seed = int(argv[2]) if len(argv) > 2 else DEFAULT_SEED
    arts = generate(n, seed)
    size = write(arts, folder)
    print(f"{n} articles, {size:,} bytes in {folder}; sha256 {digest(arts)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
