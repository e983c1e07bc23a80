"""Reading articles from disk: Markdown/text files with optional YAML front matter.

The only module that reads article files. ``load_paths`` never raises for a bad file: it
returns the articles it could read and a ``Problem`` for each file (or field) it could not.

Encodings (``decode``), in this order; a guess is never silent:

1. UTF-32 / UTF-16 with a byte-order mark; UTF-8 with or without one.
2. UTF-16 without a BOM, recognised by the NUL pattern of mostly-ASCII text (at least 70% of the
   16-bit units have a zero high byte, the low byte is almost never zero); other NUL bytes mean
   binary. Text with many control characters is refused as binary too.
3. Bytes that are not UTF-8 are read as Windows-1251 only when that gives Cyrillic *words*: at
   least 3 words of 3+ Cyrillic letters and almost no word mixing Cyrillic with Latin letters
   (Latin-1 read as cp1251 gives "cafй rйsumй": mixed words, refused).
4. Otherwise as Windows-1252 (a superset of Latin-1's letters) only when that gives Western text:
   20+ ASCII letters, at most 30% non-ASCII letters, accented letters inside Latin words rather
   than words made only of accented letters (cp1251 Russian read as cp1252 is "Ïðèâåò"), and no
   symbol such as "³" or "¹" between two letters (cp1250 Polish read as cp1252).
5. Anything else is refused: "not UTF-8 text (byte 0xC0 at offset 12); ...: save it as UTF-8".

A file read by a guess (3 or 4) still loads, carries a warning, and adds a problem that names
the encoding used, so the CLI exits 1 and the user can check it.

Files: only regular files are read (a named pipe or device called ``x.md`` is refused, never
opened); links to folders are not followed (no symlink loops); a link loop or a broken link, a
file that vanishes or cannot be opened while the folder is read, a file over the size limit
(``KZMAP_MAX_BYTES`` or ``--max-bytes``): each gives one problem naming the file and the reason.
File names that are not valid UTF-8 are shown with U+FFFD in their place.
"""
from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from dataclasses import dataclass, field, replace
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
    if path.is_symlink() or (path.exists() and not path.is_dir()):
        return [path], []  # load_file names what is wrong with a link, a pipe or a device
    if not path.exists():
        return [], [Problem(display_name(path), "no such file or folder")]
    found: list[Path] = []
    problems: list[Problem] = []

    def on_error(err: OSError) -> None:
        where = display_name(err.filename or path)
        problems.append(Problem(where, f"cannot list folder: {err.strerror or err}"))

    for root, dirs, files in os.walk(path, onerror=on_error, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.lower().endswith(SUFFIXES) and not name.startswith("."):
                found.append(Path(root) / name)
    if not found and not problems:
        problems.append(Problem(display_name(path), "folder has no article files (" + ", ".join(SUFFIXES) + ")"))
    return found, problems


def display_name(path: str | Path) -> str:
    """``str(path)`` that can always be printed and written as JSON (undecodable bytes -> U+FFFD)."""
    s = os.fspath(path)
    if isinstance(s, bytes):
        return s.decode("utf-8", "replace")
    try:
        return s.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        return s.encode("utf-8", "replace").decode("utf-8")


def load_paths(paths: list[str | Path], max_bytes: int | None = None) -> Corpus:
    """Load every article file named by ``paths`` (files or folders), in a stable order."""
    corpus = Corpus()
    limit = max_bytes or max_bytes_from_env()
    files, corpus.problems = list_files(paths)
    for f in files:
        article, problems = load_one(f, limit)
        corpus.problems.extend(problems)
        if article is not None:
            corpus.articles.append(article)
    return corpus


def list_files(paths: list[str | Path]) -> tuple[list[Path], list[Problem]]:
    """The article files under ``paths``, each once, in a stable order; and the listing problems."""
    out: list[Path] = []
    problems: list[Problem] = []
    seen: set[Path] = set()
    for p in paths:
        files, found = iter_files(Path(p))
        problems.extend(found)
        for f in files:
            try:
                key = f.resolve() if f.exists() else f
            except (OSError, RuntimeError):  # RuntimeError: a symlink loop on Python < 3.13
                key = f
            if key not in seen:
                seen.add(key)
                out.append(f)
    return out, problems


def load_one(path: Path, max_bytes: int) -> tuple[Article | None, list[Problem]]:
    """``load_file`` that turns any unexpected error into a problem: one bad file never stops the others."""
    try:
        return load_file(path, max_bytes)
    except Exception as err:  # noqa: BLE001
        return None, [Problem(display_name(path), f"could not be read: {type(err).__name__}: {err}")]


_NOT_REGULAR = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a device"),
                (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"))


def load_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[Article | None, list[Problem]]:
    name = display_name(path)
    try:
        try:
            st = os.stat(path)  # follows links: what would be read
        except FileNotFoundError:
            if path.is_symlink():
                return None, [Problem(name, "broken symbolic link")]
            return None, [Problem(name, "file vanished while the folder was read (no such file)")]
        except OSError as err:
            if err.errno == errno.ELOOP:
                return None, [Problem(name, "symbolic link loop")]
            raise
        if not stat.S_ISREG(st.st_mode):
            kind = next((k for test, k in _NOT_REGULAR if test(st.st_mode)), "not a regular file")
            return None, [Problem(name, f"is {kind}, not an article file; not read")]
        if st.st_size > max_bytes:
            return None, [Problem(name, _too_big(st.st_size, max_bytes))]
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        return None, [Problem(name, "file vanished while the folder was read (no such file)")]
    except OSError as err:
        return None, [Problem(name, f"cannot read file: {err.strerror or err}")]
    if len(data) > max_bytes:  # it grew between stat and read
        return None, [Problem(name, _too_big(len(data), max_bytes, "at least "))]
    return parse_bytes(name, data)


def _too_big(size: int, limit: int, qualifier: str = "") -> str:
    return (f"file is {qualifier}{size:,} bytes, over the limit of {limit:,} "
            "(raise it with KZMAP_MAX_BYTES or --max-bytes)")


def parse_bytes(name: str, data: bytes) -> tuple[Article | None, list[Problem]]:
    """Decode and parse one article's bytes; the pure half of ``load_file``."""
    text, error, note = decode_noted(data)
    if error:
        return None, [Problem(name, error)]
    article, problems = parse_text(name, text)
    if note:
        problems.insert(0, Problem(name, note))
        if article is not None:
            article = replace(article, warnings=(note,) + article.warnings)
    return article, problems


def decode(data: bytes) -> tuple[str, str | None]:
    """Bytes -> text. Returns (text, None) or ("", reason)."""
    text, error, _ = decode_noted(data)
    return text, error


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def decode_noted(data: bytes) -> tuple[str, str | None, str | None]:
    """Bytes -> (text, error, note); ``note`` says which encoding was guessed (see the module doc)."""
    if not data.strip():
        return "", "empty file", None
    text, error, note = _decode(data)
    if error:
        return "", error, None
    if not text.strip():
        return "", "empty file", None
    controls = _CONTROL.findall(text, 0, 1_000_000)
    if "\x00" in controls or len(controls) > max(8, min(len(text), 1_000_000) // 100):
        first = _CONTROL.search(text)
        return "", (f"binary file, not text (control character 0x{ord(first.group()):02X} "
                    f"at character {first.start()})"), None
    return text, None, note


def _decode(data: bytes) -> tuple[str, str | None, str | None]:
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec), None, None
            except UnicodeDecodeError as err:
                return "", f"not valid {codec.upper()} text (byte at offset {err.start})", None
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    nul = data.find(b"\x00")
    if nul >= 0:
        codec = _utf16_without_bom(data)
        if codec:
            try:
                return data.decode(codec), None, None
            except UnicodeDecodeError:
                pass
        return "", (f"binary file, not text (NUL byte at offset {nul}); if it is UTF-16 text, save it "
                    "as UTF-8 or with a byte-order mark"), None
    try:
        return data.decode("utf-8"), None, None
    except UnicodeDecodeError as err:
        reason = f"not UTF-8 text (byte 0x{data[err.start]:02X} at offset {err.start})"
    for codec, label, script, test in (("cp1251", "Windows-1251", "Cyrillic", _cyrillic_words),
                                       ("cp1252", "Windows-1252 (Latin-1)", "Latin", _western_words)):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if test(text):
            return text, None, (f"{reason}: read as {label} because that gives {script} words; "
                                "save it as UTF-8 to be sure")
    return "", (f"{reason}; not recognisably Windows-1251 (Cyrillic) or Windows-1252 (Latin-1) text "
                "either: save it as UTF-8"), None


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NULs sit where mostly-ASCII UTF-16 puts them, else None."""
    sample = data[:200_000]
    units = len(sample) // 2
    if len(data) % 2 or units < 2:
        return None
    even, odd = sample[0:units * 2:2].count(0), sample[1:units * 2:2].count(0)
    if odd >= 0.7 * units and even <= 0.01 * units:
        return "utf-16-le"
    if even >= 0.7 * units and odd <= 0.01 * units:
        return "utf-16-be"
    return None


_CYRILLIC_WORD = re.compile(r"[^\W\d_]*[\u0400-\u04ff][^\W\d_]*")
_LATIN1_LETTER = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
_LATIN1_WORD = re.compile(f"[{_LATIN1_LETTER}]+")
# a Latin-1 symbol between two letters ("mia\u00b3", "b\u00eacd\u00b9"): cp1250 text read as cp1252
_SYMBOL_IN_WORD = re.compile(f"[{_LATIN1_LETTER}][\u00a1-\u00b6\u00b8-\u00bf][{_LATIN1_LETTER}]")


def _cyrillic_words(text: str) -> bool:
    words = _CYRILLIC_WORD.findall(text)
    pure = [w for w in words if all("\u0400" <= c <= "\u04ff" for c in w)]
    return sum(1 for w in pure if len(w) >= 3) >= 3 and len(words) - len(pure) <= 0.05 * len(words)


def _western_words(text: str) -> bool:
    if _CONTROL.search(text) or _SYMBOL_IN_WORD.search(text):
        return False
    words = _LATIN1_WORD.findall(text)
    ascii_letters = sum(sum(1 for c in w if c.isascii()) for w in words)
    other = sum(len(w) for w in words) - ascii_letters
    if ascii_letters < 20 or other > 0.3 * (ascii_letters + other):
        return False
    accented = [w for w in words if not w.isascii()]
    only_accented = sum(1 for w in accented if len(w) >= 3 and not any(c.isascii() for c in w))
    return only_accented <= 0.1 * len(accented)


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


_SIMPLE_LINE = re.compile(
    r"""([A-Za-z_][\w-]*):"""  # key
    r"""(?:[ \t]+(?:"([^"\\]*)"|'([^']*)'|([^\s"'\[\]{}&*!|>%@`#,][^#]*?)))?[ \t]*""")  # "v", 'v' or plain v


def _simple_front_matter(lines: list[str]) -> dict[str, str] | None:
    """Front matter made only of ``key: value`` lines with plain or simply quoted values, read
    without a YAML parser (most articles); None when any line needs the real parser."""
    out: dict[str, str] = {}
    for line in lines:
        if not line.strip():
            continue
        m = _SIMPLE_LINE.fullmatch(line)
        if not m or (m.group(4) and ": " in m.group(4)):
            return None
        key = m.group(1)
        if key in out:
            return None  # let YAML decide about repeated keys
        out[key] = next((g for g in m.group(2, 3, 4) if g is not None), "")
    return {k: v for k, v in out.items() if k in FIELDS}


def parse_front_matter(lines: list[str]) -> tuple[dict[str, str], str | None]:
    """YAML front matter read as plain strings (no date or number coercion)."""
    simple = _simple_front_matter(lines)
    if simple is not None:
        return simple, None
    import yaml  # local: only needed for front matter beyond plain "key: value" lines

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
