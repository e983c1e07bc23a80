"""Reading articles: front matter, encodings, line ends, and problems that name the file."""
from __future__ import annotations

import codecs
import os

import pytest

from kzmap.corpus import load_paths, parse_bytes, valid_date

GOOD = ("---\ntitle: \"A title\"\nsource: \"Paper\"\nurl: https://example.com/a\npublished: \"2025-04\"\n"
        "---\nBody text.\n")


def test_front_matter_fields():
    a, problems = parse_bytes("x.md", GOOD.encode())
    assert problems == []
    assert (a.title, a.source, a.url, a.published, a.published_precision) == (
        "A title", "Paper", "https://example.com/a", "2025-04", "month")
    assert a.body == "Body text.\n"


def test_no_front_matter_takes_title_from_first_line():
    a, problems = parse_bytes("x.txt", b"\n# Khorgos grows\n\nBody.")
    assert problems == [] and a.title == "Khorgos grows" and a.published is None


@pytest.mark.parametrize("data", [
    codecs.BOM_UTF8 + GOOD.encode(),
    GOOD.replace("\n", "\r\n").encode(),
    codecs.BOM_UTF16_LE + GOOD.encode("utf-16-le"),
])
def test_encodings_and_line_ends(data):
    a, problems = parse_bytes("x.md", data)
    assert problems == [] and a.title == "A title" and a.body == "Body text.\n"


@pytest.mark.parametrize("data, reason", [
    (b"", "empty file"),
    (b"   \n", "empty file"),
    (b"\x00\x01\x02binary", "binary file"),
    (b"abc \xc0\xc1 def", "not UTF-8 text (byte 0xC0 at offset 4)"),
    (b"---\ntitle: x\nbody with no close\n", "never closes"),
    (b"---\ntitle: [unclosed\n---\nbody\n", "not valid YAML"),
    (b"---\n- a\n- b\n---\nbody\n", "not a YAML mapping"),
    (b"---\ntitle: x\n---\n\n", "no article text"),
])
def test_unreadable_files_become_problems(data, reason):
    a, problems = parse_bytes("bad.md", data)
    assert a is None and len(problems) == 1
    assert problems[0].path == "bad.md" and reason in problems[0].error


def test_bad_published_keeps_article_and_names_the_value():
    a, problems = parse_bytes("x.md", GOOD.replace('"2025-04"', '"2025-13-45"').encode())
    assert a is not None and a.published is None
    assert "published '2025-13-45' is not a date" in problems[0].error


def test_non_http_url_is_dropped():
    a, problems = parse_bytes("x.md", GOOD.replace("https://example.com/a", "javascript:alert(1)").encode())
    assert a is not None and a.url == ""
    assert "not an http(s) address" in problems[0].error


@pytest.mark.parametrize("s, ok", [("2025", True), ("2025-04", True), ("2024-02-29", True), ("2023-02-29", False),
                                   ("2025-13", False), ("2025-13-45", False), ("April 2025", False), ("25", False)])
def test_valid_date(s, ok):
    assert valid_date(s) is ok


def test_folder_keeps_good_files_beside_bad(tmp_path):
    (tmp_path / "good.md").write_text(GOOD)
    (tmp_path / "notes.txt").write_text("Plain title\nAstana grows.")
    (tmp_path / "empty.md").write_bytes(b"")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")  # not an article: ignored
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "latin.md").write_bytes("caf\xe9".encode("latin-1"))
    corpus = load_paths([tmp_path])
    assert sorted(os.path.basename(a.path) for a in corpus.articles) == ["good.md", "notes.txt"]
    assert sorted(os.path.basename(p.path) for p in corpus.problems) == ["empty.md", "latin.md"]


def test_size_limit(tmp_path):
    (tmp_path / "big.md").write_text("x" * 2000)
    corpus = load_paths([tmp_path], max_bytes=1000)
    assert corpus.articles == [] and "over the limit of 1,000" in corpus.problems[0].error


def test_missing_path_and_symlink_loop(tmp_path):
    (tmp_path / "a.md").write_text(GOOD)
    (tmp_path / "loop").symlink_to(tmp_path)
    (tmp_path / "dangling.md").symlink_to(tmp_path / "nowhere.md")
    corpus = load_paths([tmp_path, tmp_path / "missing"])
    assert [os.path.basename(a.path) for a in corpus.articles] == ["a.md"]
    errors = {os.path.basename(p.path): p.error for p in corpus.problems}
    assert errors == {"dangling.md": "broken symbolic link", "missing": "no such file or folder"}


@pytest.mark.parametrize("lines", [
    ['title: "A: quoted title"', "published: 2025-04-09", "url: https://example.com/x?a=1"],
    ["title: 'Single quoted'", 'source: "Paper"', "author: Jane Doe", "", "published: \"2024\""],
    ["title: Plain title with words", "tags: [a, b]", "published: 2024-01"],
    ["title: x", "title: y"],
    ["title: >", "  folded text", "published: 2024"],
    ["title: Kazakhstan: a hub"],
    ["title: \"escaped \\\" quote\""],
])
def test_simple_front_matter_agrees_with_yaml(lines):
    import yaml

    from kzmap.corpus import FIELDS, parse_front_matter

    try:
        data = yaml.load("\n".join(lines), Loader=yaml.BaseLoader)
        expected = ({k: v if isinstance(v, str) else "" for k, v in data.items() if k in FIELDS}, None)
    except yaml.YAMLError:
        expected = None
    got = parse_front_matter(lines)
    if expected is None:
        assert got[1] is not None and "not valid YAML" in got[1]
    else:
        assert got == expected
