"""Explorer benchmarks (not timed tests): prints figures, asserts nothing.

    .venv/bin/python bench/bench_app.py [--sizes seeds,10000] [--corpus DIR] [--runs N] [--visits N]

For each corpus (the bundled seeds, a generated corpus of each size in ``--sizes`` made by
``bench/corpus.py``, and each ``--corpus DIR``), with the app pointed at it by ``KZMAP_SEEDS``:

- server time of the script (app.py records it in st.session_state: ``script_ms`` wall,
  ``script_cpu_ms`` CPU of the script thread), run through AppTest in this process: the first run
  (extraction included, a cold cache), a first run of a new session (warm cache), reruns after a
  partner filter change and reruns after a timeline selection (a brush over one year), median of N;
- the size of what st_folium receives (the map's HTML, header and JavaScript plus the markers'
  feature group) and the number of markers;
- in a real browser on a `streamlit run` server: time to the first marker (cold: first visit after
  the server starts, extraction included; warm: later visits), the server's peak RSS (VmHWM), and the
  peaks of the sums of RSS and of PSS over the server and its child processes (the extraction runs in
  a child), sampled from /proc every 0.1 s from the server's start to the cold first marker: a
  container's memory limit applies to all of them together.

Targets (issue "Speed and scale"): filter rerun < 150 ms with the seeds and < 500 ms with 10,000
articles, first marker on a warm server < 3 s; Community Cloud gives an app about 690 MB-2.7 GB.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "browser"))
sys.path.insert(0, str(ROOT / "bench"))

import corpus as gen  # noqa: E402 - bench/corpus.py, as bench/run.py uses it
from appserver import CHROMIUM, CHROMIUM_ARGS, Server  # noqa: E402

from kzmap import mapview  # noqa: E402

MAP = 'iframe[title="streamlit_folium.st_folium"]'
FIRST_MARKER = "path.kzmap-place:visible, .marker-cluster:visible"  # a dot, or a cluster of dots
TARGET_RERUN_MS = {"seeds": 150, 10000: 500}
TARGET_FIRST_MARKER_S = 3.0


def rss_hwm_kb(pid: int) -> int:
    """Peak resident memory of the server process (kB, from /proc/PID/status VmHWM)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def tree_pids(root: int) -> list[int]:
    """``root`` and its descendants."""
    parent: dict[int, int] = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                stat = Path(f"/proc/{d}/stat").read_bytes()
                parent[int(d)] = int(stat[stat.rfind(b")") + 2:].split()[1])
            except (OSError, ValueError, IndexError):
                pass
    tree, frontier = [root], [root]
    while frontier:
        kids = [c for c, p in parent.items() if p == frontier[-1]]
        frontier.pop()
        tree += kids
        frontier += kids
    return tree


def tree_memory_kb(root: int) -> tuple[int, int]:
    """(sum of RSS, sum of PSS) over ``root`` and its descendants, in kB. PSS shares each page among the
    processes mapping it (forked workers share the place index with their parent): its sum is what
    the processes cost together, which the sum of RSS overstates."""
    rss = pss = 0
    for pid in tree_pids(root):
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Rss:"):
                    rss += int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss += int(line.split()[1])
        except (OSError, ValueError, IndexError):
            pass
    return rss, pss


class TreePeak:
    """Peaks of the sums of RSS and PSS over a process and its descendants, sampled every 0.1 s in a thread."""

    def __init__(self, pid: int) -> None:
        self.pid, self.rss_kb, self.pss_kb = pid, 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            rss, pss = tree_memory_kb(self.pid)
            self.rss_kb, self.pss_kb = max(self.rss_kb, rss), max(self.pss_kb, pss)
            if self._stop.wait(0.1):
                return

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def browser_figures(server: Server, visits: int, timeout_s: float,
                    after_first=lambda: None) -> tuple[float, list[float]]:
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for i in range(visits):
            page = browser.new_page(viewport={"width": 1440, "height": 1000})
            t0 = time.perf_counter()
            page.goto(server.url + ("?partner=RU" if i % 2 else ""))
            page.frame_locator(MAP).locator(FIRST_MARKER).first.wait_for(timeout=timeout_s * 1000)
            times.append(time.perf_counter() - t0)
            if i == 0:
                after_first()
            page.close()
        browser.close()
    return times[0], times[1:]


def partner_codes(at) -> list[str]:
    """The partner codes offered by the sidebar (its labels read "Name (CODE) · mentions")."""
    codes = []
    for label in at.multiselect(key="w_partners").options:
        m = re.search(r"\(([^()]+)\) · [\d,]+$", label)
        codes.append(m.group(1) if m else label)
    return codes


def script_ms(at) -> tuple[float, float]:
    return at.session_state["script_ms"], at.session_state["script_cpu_ms"]


def map_size(at) -> tuple[int, int, int]:
    """(bytes of everything st_folium receives, bytes of the markers' feature group, markers)."""
    args = json.loads(at.get("component_instance")[0].proto.json_args)
    total = sum(len(str(args.get(k) or "").encode()) for k in ("script", "html", "header", "feature_group"))
    fg = args.get("feature_group") or ""
    return total, len(fg.encode()), len(mapview.read_markers(fg)[0])


def chart_dates(at) -> list[str]:
    """The sorted marker dates (x_mid, YYYY-MM-DD) of the timeline chart's data."""
    import pyarrow as pa

    dates: set[str] = set()
    for ds in at.get("vega_lite_chart")[0].proto.datasets:
        dates.update(str(d)[:10] for d in pa.ipc.open_stream(ds.data.data).read_all().column("x_mid").to_pylist())
    return sorted(dates)


def day_ms(iso: str) -> int:
    return int(datetime.fromisoformat(iso).replace(tzinfo=UTC).timestamp() * 1000)


def apptest_figures(runs: int) -> dict:
    """Server times through AppTest, on the corpus $KZMAP_SEEDS points at."""
    from streamlit.testing.v1 import AppTest

    app = str(ROOT / "app.py")
    at = AppTest.from_file(app, default_timeout=1800).run()
    if at.exception:
        raise RuntimeError(f"app.py raised: {at.exception[0].message}")
    out: dict = {"first": script_ms(at)}
    out["map_bytes"], out["fg_bytes"], out["markers"] = map_size(at)
    out["events"] = len(at.dataframe[0].value)
    out["new_session"] = script_ms(AppTest.from_file(app, default_timeout=600).run())
    codes = partner_codes(at)[:3]
    filt = []
    for i in range(runs):
        at.multiselect(key="w_partners").set_value([codes[i % len(codes)]]).run()
        filt.append(script_ms(at))
    out["filter"] = filt
    out["filter_state"] = list(at.session_state["w_partners"])
    at.multiselect(key="w_partners").set_value([]).run()
    dates = chart_dates(at)
    picks, selected = [], []
    for i in range(runs):  # brushes widening around the middle event: a new selection each time
        k, w = len(dates) // 2, max(1, len(dates) * (i + 1) // (4 * runs))
        brush = [day_ms(dates[max(0, k - w)]), day_ms(dates[min(len(dates) - 1, k + w)]) + 86_399_999]
        at.session_state[f"timeline_{at.session_state['chart_n']}"] = {"selection": {"brush": {"x_mid": brush}}}
        at.run()
        picks.append(script_ms(at))
        selected.append(len(at.session_state["sel_events"]))
    out["pick"], out["picked_events"] = picks, selected
    out["upload"], out["upload_mb"] = upload_figures(at)
    return out


def upload_figures(at) -> tuple[tuple[float, float], tuple[int, int]]:
    """The rerun that merges an added article (a copy of the corpus's first file) into this session's corpus
    (``appdata.with_articles``): its server time, and this process's resident memory before it and at its
    peak (the high-water mark is reset first; Linux only)."""
    from kzmap import appdata
    from kzmap.gazetteer import load_gazetteer

    folder = Path(os.environ["KZMAP_SEEDS"])
    first = next(p for p in sorted(folder.rglob("*")) if p.suffix.lower() in (".md", ".txt", ".markdown"))
    got, problems = appdata.read_upload("added-" + first.name, first.read_bytes(), load_gazetteer())
    if got is None:
        raise RuntimeError(f"{first}: {problems}")

    def status(key: str) -> int:
        with open("/proc/self/status", encoding="ascii") as fh:
            return next(int(line.split()[1]) for line in fh if line.startswith(key)) // 1024

    gc.collect()
    before = status("VmRSS:")
    with open("/proc/self/clear_refs", "w", encoding="ascii") as fh:
        fh.write("5")  # resets VmHWM to the current RSS
    at.session_state["uploads"] = [got]
    at.run()
    if at.exception:
        raise RuntimeError(f"app.py raised on an added article: {at.exception[0].message}")
    return script_ms(at), (before, status("VmHWM:"))


def median_ms(pairs: list[tuple[float, float]]) -> str:
    wall = [w for w, _ in pairs]
    cpu = [c for _, c in pairs]
    return (f"{statistics.median(wall):.0f} ms (CPU {statistics.median(cpu):.0f}; min {min(wall):.0f}, "
            f"max {max(wall):.0f}, n={len(pairs)})")


def bench_corpus(label: str, folder: Path, args: argparse.Namespace, target_ms: float | None) -> None:
    n = sum(1 for p in folder.rglob("*") if p.suffix.lower() in (".md", ".txt", ".markdown"))
    print(f"\n== {label}: {n:,} article files in {folder}", flush=True)
    os.environ["KZMAP_SEEDS"] = str(folder.resolve())
    t = apptest_figures(args.runs)
    first_w, first_c = t["first"]
    print(f"  first run of the script (cold cache, extraction included): {first_w:,.0f} ms (CPU {first_c:,.0f})")
    print(f"  first run of a new session (warm cache):                  {t['new_session'][0]:,.0f} ms "
          f"(CPU {t['new_session'][1]:,.0f})")
    verdict = ""
    if target_ms:
        verdict = f"  [{'HOLDS' if statistics.median(w for w, _ in t['filter']) < target_ms else 'MISSED'} " \
                  f"< {target_ms:.0f} ms]"
    print(f"  rerun after a partner filter change: {median_ms(t['filter'])}{verdict}")
    verdict = ""
    if target_ms:
        verdict = f"  [{'HOLDS' if statistics.median(w for w, _ in t['pick']) < target_ms else 'MISSED'} " \
                  f"< {target_ms:.0f} ms]"
    print(f"  rerun after a timeline selection:    {median_ms(t['pick'])}{verdict} "
          f"(events picked: {min(t['picked_events'])}-{max(t['picked_events'])})")
    (up_w, up_c), (before_mb, peak_mb) = t["upload"], t["upload_mb"]
    print(f"  rerun adding an article to the corpus: {up_w:,.0f} ms (CPU {up_c:,.0f}); this process's RSS "
          f"{before_mb:,} MB before, {peak_mb:,} MB at the peak")
    print(f"  map handed to st_folium: {t['map_bytes'] / 1024:,.0f} KB in all, markers' feature group "
          f"{t['fg_bytes'] / 1024:,.0f} KB, {t['markers']:,} markers; evidence table {t['events']:,} rows")
    if args.no_browser:
        return
    if not Path(CHROMIUM).exists():
        print(f"  browser figures skipped: {CHROMIUM} not found")
        return
    server = Server(folder)
    tree = TreePeak(server.proc.pid)
    try:
        cold, warm = browser_figures(server, args.visits, timeout_s=args.timeout, after_first=tree.stop)
        peak = rss_hwm_kb(server.proc.pid)
    finally:
        tree.stop()
        server.stop()
    print(f"  first marker in the browser, cold server (extraction included): {cold:.2f} s")
    print(f"  server and its child processes together, up to the cold first marker: peak of the sum of RSS "
          f"{tree.rss_kb / 1024:,.0f} MB, of PSS {tree.pss_kb / 1024:,.0f} MB")
    if warm:
        w = statistics.median(warm)
        print(f"  first marker in the browser, warm server (median of {len(warm)}): {w:.2f} s  "
              f"[{'HOLDS' if w < TARGET_FIRST_MARKER_S else 'MISSED'} < {TARGET_FIRST_MARKER_S:.0f} s]")
    print(f"  peak RSS of the streamlit server after {args.visits} visits: {peak / 1024:,.0f} MB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="seeds,10000,10000p",
                    help="comma-separated: 'seeds' (the bundled seeds/) and/or generated corpus sizes; a size "
                         "ending in 'p' adds a paragraph naming 4 gazetteer towns to each article (the map at scale)")
    ap.add_argument("--corpus", type=Path, action="append", default=[], help="also an existing corpus folder")
    ap.add_argument("--seeds", type=Path, default=None, help="the folder used for 'seeds' (default seeds/)")
    ap.add_argument("--runs", type=int, default=10, help="reruns per figure (median reported)")
    ap.add_argument("--visits", type=int, default=5, help="browser visits per corpus (the first is cold)")
    ap.add_argument("--timeout", type=float, default=900, help="seconds to wait for the first marker")
    ap.add_argument("--no-browser", action="store_true", help="AppTest figures only")
    ap.add_argument("--keep", action="store_true", help="keep the generated corpora")
    args = ap.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs", flush=True)
    tmp = Path(tempfile.mkdtemp(prefix="kzmap-bench-app-"))
    try:
        for item in [s.strip() for s in args.sizes.split(",") if s.strip()]:
            if item == "seeds":
                bench_corpus("seeds", args.seeds or ROOT / "seeds", args, TARGET_RERUN_MS["seeds"])
                continue
            places = item.endswith("p")  # "10000p": each article also names 4 towns (thousands of places)
            size = int(item.removesuffix("p"))
            folder = tmp / f"c{item}"
            articles = gen.generate(size)
            gen.write(gen.with_places(articles) if places else articles, folder)
            label = f"{size:,} generated articles" + (", 4 more towns named in each" if places else "")
            bench_corpus(label, folder, args, TARGET_RERUN_MS.get(size))
        for folder in args.corpus:
            bench_corpus(str(folder), folder, args, None)
    finally:
        if args.keep:
            print(f"\ngenerated corpora kept in {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    print(f"\nload average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
