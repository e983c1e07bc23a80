"""The corpus extracted in a child process (``kzmap.worker``), as the app's ``appdata.load_seeds`` does it.

- the same Data (every table, the problems, the extractions) as extracting in this process, on the
  seeds, the unseen articles and a folder of hostile files, with and without the child's worker processes;
- a child that cannot start, fails, dies or writes garbage gives a problem naming the folder and the
  reason (exit status or signal, the last lines of its stderr), keeps what was read, raises nothing;
- a reader that stops early leaves no process behind, nor does a child that dies leaving its own;
- the child gets this environment (KZMAP_CACHE) and finds this package whatever the current folder.
"""
from __future__ import annotations

import os
import shutil
import signal
import sys
import textwrap
import time
from pathlib import Path

import pandas as pd
import pytest
from test_hostile_files import _files, make_folder

from kzmap import appdata, worker
from kzmap.extract import iter_results

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"


def in_process(folder: Path, gaz, jobs: int = 1) -> appdata.Data:
    """The Data the app made before the child process: ``iter_results`` in this process."""
    problems: list = []

    def extractions():
        for kind, value in iter_results([folder], gaz, jobs=jobs):
            if kind == "article":
                yield value
            else:
                problems.append(value)

    return appdata.build_data(extractions(), problems, appdata.country_names())


def in_child(folder: Path, jobs: int | None = None) -> appdata.Data:
    problems: list = []
    return appdata.build_data(worker.stream(folder, problems, jobs), problems, appdata.country_names())


def assert_same(got: appdata.Data, want: appdata.Data) -> None:
    for table in ("mentions", "events", "partners", "articles"):
        pd.testing.assert_frame_equal(getattr(got, table), getattr(want, table), obj=table)
    assert got.problems == want.problems
    assert list(got.extractions) == list(want.extractions)
    assert got.country_names == want.country_names


def copy_articles(folder: Path, sources: list[Path]) -> Path:
    folder.mkdir()
    for i, src in enumerate(sources):
        shutil.copy(src, folder / f"{i:02d}-{src.name}")
    return folder


def articles(*folders: Path) -> list[Path]:
    return [p for f in folders for p in sorted(f.glob("*.md"))]


def script(tmp_path: Path, code: str) -> list[str]:
    """A command running ``code`` (in place of ``worker.command``)."""
    path = tmp_path / "child.py"
    path.write_text(textwrap.dedent(code))
    return [sys.executable, str(path)]


def child_runs(tmp_path: Path, monkeypatch, code: str) -> None:
    """``worker.stream`` starts a child running ``code`` instead of the real one."""
    cmd = script(tmp_path, code)
    monkeypatch.setattr(worker, "command", lambda folder, jobs: cmd)


def processes_with(marker: str) -> list[int]:
    """Live (not zombie) processes whose command line contains ``marker``."""
    found = []
    for d in os.listdir("/proc"):
        if not d.isdigit() or int(d) == os.getpid():
            continue
        try:
            cmdline = Path(f"/proc/{d}/cmdline").read_bytes()
            state = Path(f"/proc/{d}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if marker.encode() in cmdline and state not in ("Z", "X"):
            found.append(int(d))
    return found


def gone(pids_of, timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while pids_of() and time.monotonic() < deadline:
        time.sleep(0.05)
    return not pids_of()


# --- the same data -------------------------------------------------------------------------------

@pytest.mark.parametrize("folder", [ROOT / "seeds", DATA / "unseen"], ids=["seeds", "unseen"])
def test_the_child_gives_the_same_data_as_extracting_in_process(folder, gaz):
    exts, problems = appdata.load_seeds(folder)
    assert not isinstance(exts, list)  # streamed
    got = appdata.build_data(exts, problems, appdata.country_names())
    assert len(got.extractions) == len(list(folder.glob("*.md"))) and len(got.mentions)
    assert_same(got, in_process(folder, gaz))


def test_the_child_s_worker_processes_give_the_same_data(tmp_path, gaz):
    """Enough files (16 for 2 jobs) that the child shares them out to worker processes."""
    folder = copy_articles(tmp_path / "many", articles(ROOT / "seeds", DATA / "unseen", DATA / "unseen2") * 2)
    (folder / "broken.md").write_bytes(b"\x00binary")
    assert_same(in_child(folder, jobs=2), in_process(folder, gaz))


def test_hostile_files_give_the_same_problems(tmp_path, gaz):
    # vanish.md and locked.md need a patch inside the extracting process (see test_hostile_files)
    names = [n for n in _files() if n not in ("vanish.md", "locked.md")]
    folder = make_folder(tmp_path, names)
    got = in_child(folder)
    want = in_process(folder, gaz)
    assert len(got.problems) >= 10 and any("20,000,000 bytes" in p.error for p in got.problems)
    assert_same(got, want)


def test_the_child_gets_this_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("KZMAP_MAX_BYTES", "100")  # every seed is bigger: refused in the child too
    exts, problems = appdata.load_seeds(ROOT / "seeds")
    assert list(exts) == [] and len(problems) == 5 and all("over the limit of 100" in p.error for p in problems)


def test_the_child_finds_this_package_from_any_folder_and_uses_kzmap_cache(tmp_path, monkeypatch):
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "kzmap").mkdir(parents=True)
    (elsewhere / "kzmap" / "__init__.py").write_text("raise ImportError('not this kzmap')\n")
    monkeypatch.chdir(elsewhere)
    monkeypatch.setenv("KZMAP_CACHE", str(tmp_path / "cache"))
    problems: list = []
    got = list(worker.stream(ROOT / "seeds", problems))
    assert len(got) == 5 and problems == []
    assert list((tmp_path / "cache").glob("gazetteer-*.pickle"))  # the child built its index there


def test_country_names_are_the_place_index_s(gaz):
    assert appdata.country_names() == {code: c.name for code, c in gaz.countries.items()}


# --- a failing child -----------------------------------------------------------------------------

def test_a_child_that_fails_gives_a_problem_naming_the_folder_and_the_reason(tmp_path, monkeypatch):
    child_runs(tmp_path, monkeypatch, """
        import sys
        sys.stderr.write("noise\\n" * 50 + "\\x00\\xff garbage\\nTraceback: disk on fire\\n")
        sys.exit(3)
    """)
    exts, problems = appdata.load_seeds(ROOT / "seeds")
    data = appdata.build_data(exts, problems)
    assert len(data.extractions) == 0
    [p] = data.problems
    assert p.path == str(ROOT / "seeds")
    assert "exited with status 3" in p.error and p.error.count("noise") <= worker.STDERR_TAIL
    assert "disk on fire" in p.error and "kept the 0 article(s)" in p.error


def test_a_child_killed_midway_keeps_the_articles_already_read(tmp_path, monkeypatch):
    child_runs(tmp_path, monkeypatch, f"""
        import os, pickle, signal, sys
        sys.path.insert(0, {str(ROOT)!r})
        from kzmap.extract import iter_results
        from kzmap.records import PackedExtraction
        from kzmap.worker import FRAME
        for i, item in enumerate(iter_results([{str(ROOT / "seeds")!r}], encode=PackedExtraction.of)):
            if i == 2:
                sys.stdout.buffer.write(FRAME.pack(1000) + b"half a frame")  # cut off mid-frame
                sys.stdout.flush()
                os.kill(os.getpid(), signal.SIGKILL)
            data = pickle.dumps(item)
            sys.stdout.buffer.write(FRAME.pack(len(data)) + data)
    """)
    problems: list = []
    got = list(worker.stream(ROOT / "seeds", problems))
    assert len(got) == 2
    [p] = problems
    assert "was killed by signal SIGKILL" in p.error and "kept the 2 article(s)" in p.error


def test_a_truncated_stream_from_a_child_that_exits_0_is_a_problem(tmp_path, monkeypatch):
    child_runs(tmp_path, monkeypatch, f"""
        import sys
        sys.path.insert(0, {str(ROOT)!r})
        from kzmap.worker import FRAME
        sys.stdout.buffer.write(FRAME.pack(1000) + b"half a frame")
    """)
    problems: list = []
    assert list(worker.stream(ROOT / "seeds", problems)) == []
    assert "sent a truncated frame (the output ends inside a frame of 1,000 bytes)" in problems[0].error


def test_a_child_killed_by_a_signal_says_which(tmp_path, monkeypatch):
    child_runs(tmp_path, monkeypatch, "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)\n")
    problems: list = []
    assert list(worker.stream(ROOT / "seeds", problems)) == []
    assert "killed by signal SIGKILL" in problems[0].error


def test_garbage_on_the_child_s_stdout_is_a_problem_not_a_crash(tmp_path, monkeypatch):
    child_runs(tmp_path, monkeypatch, "import sys\nsys.stdout.write('Hello! Not frames at all.' * 100)\n")
    problems: list = []
    assert list(worker.stream(ROOT / "seeds", problems)) == []
    assert "sent unreadable output" in problems[0].error


def test_an_article_not_packed_is_refused_as_unreadable_output(tmp_path, monkeypatch):
    """The frames carry ``PackedExtraction``s: a bare extraction (or anything else) is not taken."""
    child_runs(tmp_path, monkeypatch, f"""
        import pickle, sys
        sys.path.insert(0, {str(ROOT)!r})
        from kzmap.extract import iter_results
        from kzmap.worker import FRAME
        for item in iter_results([{str(ROOT / "seeds")!r}]):
            data = pickle.dumps(item)
            sys.stdout.buffer.write(FRAME.pack(len(data)) + data)
    """)
    problems: list = []
    assert list(worker.stream(ROOT / "seeds", problems)) == []
    assert "sent unreadable output (ValueError: unexpected item 'article')" in problems[0].error


def test_a_child_that_cannot_start_gives_a_problem(tmp_path, monkeypatch):
    monkeypatch.setattr(worker, "command", lambda folder, jobs: [str(tmp_path / "no-such-python")])
    exts, problems = appdata.load_seeds(ROOT / "seeds")
    assert list(exts) == []
    assert problems[0].path == str(ROOT / "seeds") and "could not start the extraction process" in problems[0].error


def test_the_app_shows_a_failed_extraction_as_a_problem(tmp_path, monkeypatch):
    from app_fixtures import run_app

    folder = copy_articles(tmp_path / "corpus", articles(ROOT / "seeds"))  # its own cache key
    child_runs(tmp_path, monkeypatch, "import sys\nsys.stderr.write('MemoryError\\n')\nsys.exit(3)\n")
    monkeypatch.setenv("KZMAP_SEEDS", str(folder))
    at = run_app()
    assert not at.exception
    box = next(e for e in at.expander if "could not be read" in e.label)
    [row] = box.dataframe[0].value.to_dict("records")
    assert row["file"] == str(folder) and "exited with status 3: MemoryError" in row["problem"]


def test_the_app_loads_no_place_index_for_the_shared_corpus(tmp_path, monkeypatch):
    """Only an added article needs the index in the server (about 70 MB); the corpus's child has its own."""
    import streamlit as st
    from app_fixtures import run_app

    import kzmap.gazetteer

    def refuse(*a, **k):
        raise AssertionError("the server loaded the place index")

    st.cache_resource.clear()  # an index cached by an earlier test (an added article) would hide a load
    folder = copy_articles(tmp_path / "corpus", articles(ROOT / "seeds"))
    monkeypatch.setattr(kzmap.gazetteer, "load_gazetteer", refuse)
    monkeypatch.setenv("KZMAP_SEEDS", str(folder))
    at = run_app()
    assert not at.exception and at.session_state["script_ms"] > 0
    assert int(at.metric[2].value) == 5  # every article read, in the child


def test_an_added_article_is_extracted_apart_as_in_this_process(gaz):
    from kzmap.corpus import load_paths
    from kzmap.extract import extract

    for article in load_paths([ROOT / "seeds", DATA / "unseen5"]).articles[::3]:
        assert worker.extract_apart(article) == extract(article, gaz)
    got, problems = appdata.read_pasted("Pasted", "Officials met in Almaty on 3 May 2025.", worker.extract_apart)
    assert problems == [] and got == appdata.read_pasted("Pasted", "Officials met in Almaty on 3 May 2025.", gaz)[0]


def test_an_added_article_whose_child_fails_is_a_problem_naming_it(tmp_path, monkeypatch):
    child_runs(tmp_path, monkeypatch, "import sys\nsys.stderr.write('MemoryError\\n')\nsys.exit(3)\n")
    got, problems = appdata.read_pasted("Pasted", "Officials met in Almaty on 3 May 2025.", worker.extract_apart)
    assert got is None
    [p] = problems
    assert p.path == "pasted:Pasted" and "extraction failed" in p.error
    assert "exited with status 3: MemoryError" in p.error


def test_the_app_adds_an_article_without_loading_the_place_index(tmp_path, monkeypatch):
    """The added article is extracted in a child too: the server never holds the index (about 70 MB)."""
    import streamlit as st
    from app_fixtures import run_app

    import kzmap.gazetteer

    def refuse(*a, **k):
        raise AssertionError("the server loaded the place index")

    st.cache_resource.clear()
    folder = copy_articles(tmp_path / "corpus", articles(ROOT / "seeds"))
    monkeypatch.setenv("KZMAP_SEEDS", str(folder))
    at = run_app()
    monkeypatch.setattr(kzmap.gazetteer, "load_gazetteer", refuse)
    at.text_input(key="w_paste_title").set_value("Pasted test")
    at.text_area(key="w_paste_text").set_value("Kazakhstan and China opened a new terminal in Aktau in March 2024.")
    next(b for b in at.button if b.label == "Add to the map").click().run()
    assert not at.exception
    assert [m.value for m in at.success] and not at.error
    assert int(at.metric[2].value) == 6


# --- nothing left behind -------------------------------------------------------------------------

def test_a_reader_that_stops_early_leaves_no_process_behind(tmp_path):
    folder = copy_articles(tmp_path / "stop-early-corpus", articles(ROOT / "seeds", DATA / "unseen") * 3)
    problems: list = []
    items = worker.stream(folder, problems, jobs=2)
    next(items)
    assert processes_with(str(folder))  # the child and its workers are running
    items.close()
    assert gone(lambda: processes_with(str(folder)))
    assert problems == []


def test_a_child_killed_while_its_workers_run_ends_the_stream_and_them(tmp_path):
    """The child's pool workers do not hold the frame pipe: the reader sees its end, then ends them."""
    import threading

    folder = copy_articles(tmp_path / "killed-child-corpus", articles(ROOT / "seeds", DATA / "unseen") * 3)
    problems: list = []
    items = worker.stream(folder, problems, jobs=2)
    got = [next(items)]
    [child] = [p for p in processes_with(str(folder)) if parent_of(p) == os.getpid()]
    os.kill(child, signal.SIGKILL)
    reader = threading.Thread(target=lambda: got.extend(items), daemon=True)
    reader.start()
    reader.join(30)
    ended = gone(lambda: processes_with(str(folder)))  # signals take a moment to land
    for pid in processes_with(str(folder)):  # never leave them to the next test, even when this one fails
        os.kill(pid, signal.SIGKILL)
    assert not reader.is_alive(), "the reader hangs after the child died"
    assert ended, "the child's workers outlived it"
    assert len(got) < 42 and "killed by signal SIGKILL" in problems[-1].error


def parent_of(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])


def test_processes_left_by_a_dead_child_are_ended(tmp_path, monkeypatch):
    marker = str(tmp_path / "orphan-marker")
    child_runs(tmp_path, monkeypatch, f"""
        import os, subprocess, sys
        # a grandchild that does not hold the frame pipe (as the child's pool workers do not)
        p = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(300)", {marker!r}],
                             stdout=subprocess.DEVNULL)
        os._exit(3)
    """)
    problems: list = []
    assert list(worker.stream(ROOT / "seeds", problems)) == []
    assert "exited with status 3" in problems[0].error
    assert gone(lambda: processes_with(marker))


def test_the_child_s_stdout_carries_frames_only(tmp_path, monkeypatch):
    """A stray print in the child (a library's warning, say) goes to stderr, not between the frames."""
    child_runs(tmp_path, monkeypatch, f"""
        import sys
        sys.path.insert(0, {str(ROOT)!r})
        import kzmap.extract as e
        from kzmap import worker
        _iter = e.iter_results
        def noisy(*a, **k):
            for item in _iter(*a, **k):
                print("between frames")
                yield item
        e.iter_results = noisy
        sys.exit(worker.main([{str(ROOT / "seeds")!r}]))
    """)
    problems: list = []
    assert len(list(worker.stream(ROOT / "seeds", problems))) == 5 and problems == []


def test_worker_status_text():
    assert worker._status_text(3) == "exited with status 3"
    assert worker._status_text(-signal.SIGKILL) == "was killed by signal SIGKILL"
