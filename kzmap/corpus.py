"""Reading articles from disk: Markdown/text files with optional YAML front matter.

The only module that reads article files. ``load_paths`` never raises for a bad file: it
returns the articles it could read and a ``Problem`` for each file (or field) it could not.
"""
from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .records import Article, Problem

SUFFIXES = (".md", ".txt", ".markdown")
DEFAULT_MAX_BYTES = 5_000_000
DATE_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
FIELDS = ("title", "source", "author", "url", "published")


@dataclass
class Corpus:
    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def max_bytes_from_env() -> int:
    raw = os.environ.get("KZMAP_MAX_BYTES", "")
    return int(raw) if raw.isdigit() and int(raw) > 0 else DEFAULT_MAX_BYTES


def iter_files(path: Path) -> tuple[list[Path], list[Problem]]:
    """Article files under ``path`` (a file or a folder, searched recursively, links not followed)."""
    if path.is_file():
        return [path], []
    if not path.exists():
        return [], [Problem(str(path), "no such file or folder")]
    found: list[Path] = []
    problems: list[Problem] = []

    def on_error(err: OSError) -> None:
        problems.append(Problem(str(err.filename or path), f"cannot list folder: {err.strerror or err}"))

    for root, dirs, files in os.walk(path, onerror=on_error, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.lower().endswith(SUFFIXES) and not name.startswith("."):
                found.append(Path(root) / name)
    return found, problems


def load_paths(paths: list[str | Path], max_bytes: int | None = None) -> Corpus:
    """Load every article file named by ``paths`` (files or folders), in a stable order."""
    corpus = Corpus()
    limit = max_bytes or max_bytes_from_env()
    seen: set[Path] = set()
    for p in paths:
        files, problems = iter_files(Path(p))
        corpus.problems.extend(problems)
        for f in files:
            key = f.resolve() if f.exists() else f
            if key in seen:
                continue
            seen.add(key)
            article, file_problems = load_file(f, limit)
            corpus.problems.extend(file_problems)
            if article is not None:
                corpus.articles.append(article)
    return corpus


def load_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[Article | None, list[Problem]]:
    name = str(path)
    try:
        if path.is_symlink() and not path.exists():
            return None, [Problem(name, "broken symbolic link")]
        size = path.stat().st_size
        if size > max_bytes:
            return None, [Problem(name, f"file is {size:,} bytes, over the limit of {max_bytes:,} "
                                        "(raise it with KZMAP_MAX_BYTES or --max-bytes)")]
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as err:
        return None, [Problem(name, f"cannot read file: {err.strerror or err}")]
    return parse_bytes(name, data)


def parse_bytes(name: str, data: bytes) -> tuple[Article | None, list[Problem]]:
    """Decode and parse one article's bytes; the pure half of ``load_file``."""
    text, error = decode(data)
    if error:
        return None, [Problem(name, error)]
    return parse_text(name, text)


def decode(data: bytes) -> tuple[str, str | None]:
    """Bytes -> text. Returns (text, None) or ("", reason)."""
    if not data.strip():
        return "", "empty file"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError as err:
            return "", f"not valid UTF-16 text (byte at offset {err.start})"
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    nul = data.find(b"\x00")
    if nul >= 0:
        return "", f"binary file, not text (NUL byte at offset {nul})"
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as err:
        bad = data[err.start]
        return "", f"not UTF-8 text (byte 0x{bad:02X} at offset {err.start})"


def parse_text(name: str, text: str) -> tuple[Article | None, list[Problem]]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    problems: list[Problem] = []
    meta: dict[str, str] = {}
    body = text
    lines = text.split("\n")
    if lines and lines[0].strip() == "---":
        close = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
        if close is None:
            return None, [Problem(name, "front matter opened with '---' on line 1 never closes")]
        meta, error = parse_front_matter(lines[1:close])
        if error:
            return None, [Problem(name, f"front matter: {error}")]
        body = "\n".join(lines[close + 1:])
    published = meta.get("published", "").strip() or None
    if published is not None and not valid_date(published):
        problems.append(Problem(name, f"front matter: published {published!r} is not a date "
                                      "(YYYY, YYYY-MM or YYYY-MM-DD); read with the date unknown"))
        published = None
    url = meta.get("url", "").strip()
    warnings: list[str] = []
    if url and not re.match(r"https?://[^\s<>\"']+$", url, re.I):
        problems.append(Problem(name, f"front matter: url {url[:80]!r} is not an http(s) address; not linked"))
        warnings.append("url dropped")
        url = ""
    title = meta.get("title", "").strip() or first_line(body)
    if not body.strip():
        return None, problems + [Problem(name, "no article text after the front matter")]
    return Article(path=name, title=title, body=body, source=meta.get("source", "").strip(), url=url,
                   author=meta.get("author", "").strip(), published=published,
                   warnings=tuple(warnings)), problems


def parse_front_matter(lines: list[str]) -> tuple[dict[str, str], str | None]:
    """YAML front matter read as plain strings (no date or number coercion)."""
    import yaml  # local: only needed for files with front matter

    try:
        data = yaml.load("\n".join(lines), Loader=yaml.BaseLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"line {mark.line + 2}: " if mark is not None else ""
        return {}, f"{where}not valid YAML ({getattr(err, 'problem', None) or err})"
    if data is None:
        return {}, None
    if not isinstance(data, dict):
        return {}, "not a YAML mapping of 'key: value' lines"
    return {str(k): (v if isinstance(v, str) else "") for k, v in data.items() if k in FIELDS}, None


def valid_date(s: str) -> bool:
    m = DATE_RE.fullmatch(s)
    if not m:
        return False
    year, month, day = m.groups()
    if month and not 1 <= int(month) <= 12:
        return False
    if day:
        import calendar
        return 1 <= int(day) <= calendar.monthrange(int(year), int(month))[1]
    return True


def first_line(body: str) -> str:
    for line in body.split("\n"):
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:200]
    return ""
