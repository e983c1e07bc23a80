"""Hostile input in the running app (issue 5), through Streamlit's AppTest.

- A corpus folder with good articles beside bad files: the app runs, every readable article's
  places are markers, the problems expander names each bad file with its reason, and a
  ``javascript:`` url is never a link (evidence table, popups, reader).
- Uploads and pasted text: a configurable size cap with a message, wrong types and binary refused,
  markup shown as text, nothing written to disk.
- Bad links: impossible dates, many repeated or unknown parameters, 100 kB values.

Each corpus test gets its own folder, so ``corpus_loader``'s ``st.cache_resource`` (keyed on the folder)
never hands one test another's data.
"""
from __future__ import annotations

import codecs
import os
import random
import re
import shutil
import sys
import tempfile
import tomllib
from contextlib import contextmanager
from pathlib import Path

import pytest
from app_fixtures import feature_group, marker_rows, run_app
from streamlit.testing.v1 import AppTest

from kzmap import appdata
from kzmap.filters import FilterState, apply

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
XSS = "<img src=x onerror=alert(1)>"
JS_LINK = re.compile(r"""href\s*=\s*["']?\s*javascript:""", re.I)


run = run_app


def markers(at: AppTest) -> int:
    return len(marker_rows(feature_group(at)))


def html_bodies(at: AppTest) -> str:
    return "\n".join(h.proto.body for h in at.get("html"))


def problems_table(at: AppTest) -> list[dict]:
    box = next(e for e in at.expander if "could not be read" in e.label)
    return box.dataframe[0].value.to_dict("records")


def button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def md(title: str, body: str, *, url="https://example.com/x", published="2024-03-01") -> str:
    return f'---\ntitle: "{title}"\nsource: "Test wire"\nurl: {url}\npublished: "{published}"\n---\n{body}\n'


# --- 1. a hostile corpus folder ---------------------------------------------------------------------

FR = ("Le ministre français a visité Atyrau en 2024 avec une délégation. Les négociations ont été "
      "conclues à Atyrau, près de la mer Caspienne; «très bien», a-t-il déclaré.")

# file -> (content, city that must be a marker or None, problem regex or None)
CORPUS: dict[str, tuple[object, str | None, str | None]] = {
    "good-pavlodar.md": (md("Pavlodar terminal", "Kazakhstan and China opened a terminal in Pavlodar in "
                                                 "March 2024."), "Pavlodar", None),
    "crlf-kostanay.md": (md("CRLF", "Kazakhstan and Russia opened a plant in Kostanay in 2023.")
                         .replace("\n", "\r\n"), "Kostanay", None),
    "bom-taraz.md": (codecs.BOM_UTF8 + md("BOM", "Turkey and Kazakhstan built a road near Taraz in 2022.")
                     .encode(), "Taraz", None),
    "utf16-semey.md": (codecs.BOM_UTF16_LE + md("UTF-16", "The EU funded a school in Semey in 2021.")
                       .encode("utf-16-le"), "Semey", None),
    "latin1-atyrau.md": (md("Le café", FR).encode("latin-1"), "Atyrau", r"read as Windows-1252"),
    "baddate-karaganda.md": (md("Bad date", "Germany will invest in Karaganda by 2026.", published="2025-13-45"),
                             "Karagandy", r"published '2025-13-45' is not a date"),
    "jsurl-turkistan.md": (md(f"Script url {XSS}", "Japan signed a deal in Turkistan on 3 May 2024.",
                              url="javascript:alert(1)"), "Turkistan", r"url 'javascript:alert\(1\)' is not an http"),
    "empty.md": (b"", None, r"^empty file$"),
    "random.md": (random.Random(5).randbytes(4096), None, r"binary file|not UTF-8"),
    "unclosed.md": (b"---\ntitle: Never closed\npublished: 2024\nAlmaty grows.\n", None, r"never closes"),
    "notyaml.md": (b"---\ntitle: [unclosed\nurl: {{\n---\nAlmaty grows.\n", None, r"front matter: .*not valid YAML"),
    "toml.md": (b'---\ntitle = "TOML, not YAML"\n---\nAlmaty grows.\n', None, r"not a YAML mapping"),
    "oversized.md": ("big", None, r"over the limit of 5,000,000"),
}
READABLE = [n for n, (_, city, _) in CORPUS.items() if city]


def write_corpus(folder: Path, names) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for seed in sorted((ROOT / "seeds").glob("*.md"))[:3]:  # three real articles beside them
        shutil.copy(seed, folder / seed.name)
    for name in names:
        content = CORPUS[name][0]
        if content == "big":
            with open(folder / name, "wb") as fh:  # sparse 20 MB: refused on its size, never read
                fh.truncate(20_000_000)
                fh.seek(0)
                fh.write(md("Big", "Almaty.").encode())
        else:
            (folder / name).write_bytes(content.encode() if isinstance(content, str) else content)


@contextmanager
def seeds_env(folder: Path):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KZMAP_SEEDS", str(folder))
        mp.delenv("KZMAP_MAX_BYTES", raising=False)
        yield


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The app on the hostile folder, and the marker ids the readable files alone give."""
    folder = tmp_path_factory.mktemp("hostile-corpus")
    write_corpus(folder, CORPUS)
    clean = tmp_path_factory.mktemp("clean-corpus")
    write_corpus(clean, READABLE)
    exts, _ = appdata.load_seeds(clean)
    data = appdata.build_data(exts, (), appdata.country_names())
    expected = set(apply(FilterState(), data.mentions, data.events).markers["id"])
    with seeds_env(folder):
        at = run()
    return at, folder, expected


def test_hostile_corpus_runs_and_every_readable_article_is_on_the_map(hostile):
    at, _, expected = hostile
    assert not at.exception
    drawn = {pid for pid, *_ in at.session_state["click_index"]}
    assert drawn == expected  # nothing lost, nothing invented from the bad files
    assert markers(at) == len(expected)
    group = feature_group(at)
    for name in READABLE:
        assert CORPUS[name][1] in group, f"{name}: {CORPUS[name][1]} has no marker"


@pytest.mark.parametrize("name", list(CORPUS))
def test_problems_list_names_each_bad_file_with_its_reason(hostile, name):
    at, folder, _ = hostile
    rows = [r for r in problems_table(at) if Path(r["file"]).name == name]
    want = CORPUS[name][2]
    if want is None:
        assert rows == []  # read correctly: no problem reported
    else:
        assert len(rows) == 1, rows
        assert re.search(want, rows[0]["problem"]), rows[0]
        assert rows[0]["file"] == str(folder / name)


def test_problems_expander_counts_them(hostile):
    at, _, _ = hostile
    n = sum(1 for _, _, p in CORPUS.values() if p)
    assert n > 1
    assert any(e.label.startswith(f"{n} files or fields could not be read") for e in at.expander)


def test_javascript_url_is_never_a_link(hostile):
    at, folder, _ = hostile
    path = str(folder / "jsurl-turkistan.md")
    assert "Turkistan" in " ".join(at.dataframe[0].value["places"])  # its event is in the evidence table
    assert not any("javascript" in str(v) for v in at.dataframe[0].value["source"])
    assert "javascript:" not in feature_group(at)
    with seeds_env(folder):  # (this test runs last of those sharing ``hostile``: it changes the reader)
        at.selectbox(key="w_reader").set_value(path).run()
    assert not at.exception
    body = html_bodies(at)
    assert "Turkistan" in body and "original article" in body
    assert not JS_LINK.search(body) and "javascript:" not in body


def test_display_escapes_and_unlinks_even_when_the_loader_lets_a_bad_url_through(tmp_path, monkeypatch):
    """Defence in depth: feed an extraction with a javascript: url and markup straight to the app."""
    sys.path.insert(0, str(ROOT / "tests"))
    import app_fixtures

    evil = app_fixtures.hostile()
    monkeypatch.setattr(appdata, "load_seeds", lambda folder, gaz=None: ([evil] + app_fixtures.extractions(), []))
    with seeds_env(tmp_path):
        at = run()
        assert not at.exception
        table = at.dataframe[0].value
        assert set(table["source"].dropna()) == {"https://example.com/a", "https://example.com/b"}
        group = feature_group(at)
        assert "javascript:" not in group and "<img src=x" not in group
        at.selectbox(key="w_reader").set_value(evil.article.path).run()
        assert not at.exception
    body = html_bodies(at)
    assert "&lt;img src=x onerror=alert(1)&gt;" in body
    assert "<img src=x" not in body and "<script>alert" not in body
    assert not JS_LINK.search(body) and not JS_LINK.search(group)


# --- 2. uploads and pasted text ---------------------------------------------------------------------

TEXT = b"Kazakhstan and China opened a new terminal in Aktau in March 2024. The port of Aktau will grow."


def upload(at: AppTest, name: str, data: bytes, mime="text/markdown", add=True) -> AppTest:
    at.file_uploader(key="w_upload").set_value((name, data, mime)).run()
    if add and not at.exception:
        button(at, "Add to the map").click().run()
    return at


def errors(at: AppTest) -> str:
    return " | ".join(e.value for e in at.error)


def test_upload_limit_is_configurable_and_below_streamlits_own():
    cfg = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    server_bytes = cfg["server"]["maxUploadSize"] * 1024 * 1024  # Streamlit counts MB of 2**20 bytes
    assert appdata.upload_max_bytes() == appdata.UPLOAD_MAX_BYTES < server_bytes
    assert appdata.upload_widget_mb(appdata.UPLOAD_MAX_BYTES) <= cfg["server"]["maxUploadSize"]
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KZMAP_UPLOAD_MAX_BYTES", "2000")
        assert appdata.upload_max_bytes() == 2000
        mp.setenv("KZMAP_UPLOAD_MAX_BYTES", "lots")
        assert appdata.upload_max_bytes() == appdata.UPLOAD_MAX_BYTES


def test_a_good_upload_joins_the_map():
    at = upload(run(), "aktau.md", TEXT)
    assert not at.exception
    assert any("Added" in s.value for s in at.success), errors(at)
    assert len(at.session_state["uploads"]) == 1


def test_oversized_upload_is_refused_with_the_limit_in_the_message():
    big = TEXT + b" Aktau." * (appdata.UPLOAD_MAX_BYTES // 7)
    at = upload(run(), "long.md", big, add=False)
    assert not at.exception
    assert f"over the upload limit of {appdata.UPLOAD_MAX_BYTES:,}".replace(",", ",") in errors(at).replace("\\", "")
    button(at, "Add to the map").click().run()
    assert not at.exception and "uploads" not in at.session_state


def test_upload_limit_from_the_environment(monkeypatch):
    monkeypatch.setenv("KZMAP_UPLOAD_MAX_BYTES", "2000")
    at = upload(run(), "long.md", TEXT * 25)
    assert not at.exception
    assert "over the upload limit of 2,000" in errors(at).replace("\\", "")
    assert "uploads" not in at.session_state
    at = upload(at, "short.md", TEXT)
    assert any("Added" in s.value for s in at.success)


@pytest.mark.parametrize("name,data,reason", [
    ("notes.html", b"<p>" + TEXT + b"</p>", "only .md, .txt, .markdown files can be added"),
    ("setup.exe", b"MZ\x90\x00\x03" + bytes(range(256)) * 4, "only .md, .txt, .markdown files can be added"),
    ("noext", TEXT, "no extension"),
    ("data.md", random.Random(7).randbytes(3000), "binary file"),
    ("nul.txt", TEXT + b"\x00\x00\x01\x02" * 50, "binary file"),
    ("empty.md", b"", "empty file"),
])
def test_wrong_type_and_binary_uploads_are_refused(name, data, reason):
    at = upload(run(), name, data, mime="application/octet-stream")
    assert not at.exception  # with type=[...] on the widget Streamlit itself raises here
    assert reason in errors(at).replace("\\", ""), errors(at)
    assert "uploads" not in at.session_state


def test_pasted_markup_is_shown_as_text():
    at = run()
    title = f"{XSS} [click](javascript:alert(1)) **bold**"
    at.text_input(key="w_paste_title").set_value(title)
    at.text_area(key="w_paste_text").set_value(f"Kazakhstan and China met in Aktau in 2024. <script>alert(5)</script> "
                                               f"{XSS} Russia came too.")
    button(at, "Add to the map").click().run()
    assert not at.exception
    added = next(s.value for s in at.success if "Added" in s.value)
    assert "\\<img src\\=x onerror\\=alert\\(1\\)\\>" in added  # escaped Markdown: shown as typed
    assert "\\[click\\]\\(javascript\\:alert\\(1\\)\\)" in added and "\\*\\*bold\\*\\*" in added
    path = at.session_state["uploads"][0].article.path
    at.selectbox(key="w_reader").set_value(path).run()
    body = html_bodies(at)
    assert "&lt;script&gt;alert(5)&lt;/script&gt;" in body and "&lt;img src=x" in body
    assert "<script>alert" not in body and "<img src=x" not in body
    group = feature_group(at)  # the popup shows the title as text: escaped, and no javascript: link
    assert "&lt;img src=x" in group and "<img src=x" not in group and not JS_LINK.search(group)


@pytest.mark.parametrize("where", ["corpus", "pasted"])
def test_template_syntax_in_an_article_is_plain_text(where, tmp_path, monkeypatch):
    """Jinja syntax in a sentence ("{% endfor %}", an unclosed "{{") reached branca, which compiles text as a
    template: the page failed, for every visitor when the article was in the corpus. It is text like any other."""
    text = ("Officials met in Almaty on 3 May 2025 with Chinese partners {% endfor %} and {{ x. "
            "The port of Aktau {{ 7*7 }} will grow in 2026.")
    if where == "corpus":
        folder = tmp_path / "corpus"
        folder.mkdir()
        (folder / "braces.md").write_text(f"---\ntitle: Braces\npublished: 2025-05-04\n---\n{text}\n")
        monkeypatch.setenv("KZMAP_SEEDS", str(folder))
    at = run()
    if where == "pasted":
        at.text_input(key="w_paste_title").set_value("Braces {% endfor %}")
        at.text_area(key="w_paste_text").set_value(text)
        button(at, "Add to the map").click().run()
    assert not at.exception, at.exception[0].message
    group = feature_group(at)
    assert "{% endfor %}" in group and "{{ 7*7 }}" in group and "{{ x." in group  # as written, never evaluated
    assert len(marker_rows(group)) >= 2


def _listing(root: Path, skip=(".git", ".venv", "__pycache__", ".pytest_cache", ".hypothesis", ".ruff_cache")):
    out = {}
    for dirpath, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d not in skip]
        for f in files:
            p = Path(dirpath) / f
            try:
                s = p.stat()
            except OSError:
                continue
            out[str(p)] = (s.st_mtime_ns, s.st_size)
    return out


_WRITES: list | None = None


def _audit(event, args):
    if _WRITES is not None and event == "open" and len(args) >= 3:
        path, mode, flags = args[0], args[1], args[2]
        writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or \
                  (isinstance(flags, int) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT))
        if writing:
            _WRITES.append((path, mode))


sys.addaudithook(_audit)  # cannot be removed; records only while _WRITES is a list


def test_uploading_writes_nothing_to_disk(tmp_path, monkeypatch):
    global _WRITES
    seeds, work, tmp = tmp_path / "seeds", tmp_path / "cwd", tmp_path / "tmp"
    shutil.copytree(ROOT / "seeds", seeds)
    work.mkdir()
    tmp.mkdir()
    monkeypatch.setenv("KZMAP_SEEDS", str(seeds))
    monkeypatch.setenv("TMPDIR", str(tmp))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    monkeypatch.chdir(work)
    at = run()  # the corpus is read and cached before the watched part
    marker = "zq" + os.urandom(6).hex()
    before = {"seeds": _listing(seeds), "repo": _listing(ROOT)}
    _WRITES = []
    try:
        at.file_uploader(key="w_upload").set_value((f"{marker}.md", TEXT + marker.encode(), "text/markdown")).run()
        button(at, "Add to the map").click().run()
        at.text_area(key="w_paste_text").set_value(TEXT.decode() + " " + marker)
        at.file_uploader(key="w_upload").set_value(None).run()
        button(at, "Add to the map").click().run()
        writes, _WRITES = _WRITES, None
    finally:
        _WRITES = None
    assert not at.exception
    assert len(at.session_state["uploads"]) == 2, errors(at)
    # no file opened for writing anywhere while uploading and adding; the pipe to the extraction child (a file
    # descriptor, opened once per added article) is not a file
    assert [w for w in writes if not isinstance(w[0], int)] == []
    assert len(writes) <= 2
    assert list(tmp.iterdir()) == [] and list(work.iterdir()) == []
    assert _listing(seeds) == before["seeds"]
    new = set(_listing(ROOT)) - set(before["repo"])  # others may be editing the tree: only look for ours
    assert not [p for p in new if marker in p or marker.encode() in Path(p).read_bytes()[:5_000_000]]


# --- 3. bad links -------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def full_markers():
    at = run()
    assert not at.exception
    return markers(at)


@pytest.mark.parametrize("query,notice", [
    ({"partner": ["XX", "ZZ"]}, "Ignored 2 unknown 'partner'"),
    ({"from": ["2025-13-45"], "to": ["abc"]}, "unknown 'from'"),
    ({"to": ["abc"]}, "unknown 'to'"),
    ({"partner": ["XX"] * 900}, "Only the first"),
    ({f"k{i}": ["v"] for i in range(900)}, "Ignored unknown link parameter"),
    ({"from": ["2" * 100_000]}, "unknown 'from'"),
    ({"place": ["p" * 100_000], "article": ["a" * 100_000]}, "unknown 'place'"),
    ({"kind": ["<script>alert(1)</script>"] * 3}, "unknown 'kind'"),
])
def test_bad_links_leave_the_app_working_with_a_notice(full_markers, query, notice):
    at = run(query)
    assert not at.exception
    notes = [c.value for c in at.caption if ":material/info:" in c.value]
    assert any(notice in n for n in notes), notes
    assert all(len(n) < 300 and "<" not in n for n in notes)
    assert markers(at) == full_markers  # every bad value ignored: the full map
    assert sum(len(v) for v in at.query_params.values()) < 100  # the URL is rewritten clean
