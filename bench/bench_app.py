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
  the server starts, extraction included; warm: later visits), and the server's peak RSS (VmHWM).

Targets (issue "Speed and scale"): filter rerun < 150 ms with the seeds and < 500 ms with 10,000
articles, first marker on a warm server < 3 s; Community Cloud gives an app about 690 MB-2.7 GB.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "browser"))
sys.path.insert(0, str(ROOT / "bench"))

import corpus as gen  # noqa: E402 - bench/corpus.py, as bench/run.py uses it
from appserver import CHROMIUM, CHROMIUM_ARGS, Server  # noqa: E402

MAP = 'iframe[title="streamlit_folium.st_folium"]'
TARGET_RERUN_MS = {"seeds": 150, 10000: 500}
TARGET_FIRST_MARKER_S = 3.0


def rss_hwm_kb(pid: int) -> int:
    """Peak resident memory of the server process (kB, from /proc/PID/status VmHWM)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def browser_figures(server: Server, visits: int, timeout_s: float) -> tuple[float, list[float]]:
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for i in range(visits):
            page = browser.new_page(viewport={"width": 1440, "height": 1000})
            t0 = time.perf_counter()
            page.goto(server.url + ("?partner=RU" if i % 2 else ""))
            page.frame_locator(MAP).locator("path.kzmap-place").first.wait_for(timeout=timeout_s * 1000)
            times.append(time.perf_counter() - t0)
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
    return total, len(fg.encode()), fg.count('"className": "kzmap-place')


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
    return out


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
    print(f"  map handed to st_folium: {t['map_bytes'] / 1024:,.0f} KB in all, markers' feature group "
          f"{t['fg_bytes'] / 1024:,.0f} KB, {t['markers']:,} markers; evidence table {t['events']:,} rows")
    if args.no_browser:
        return
    if not Path(CHROMIUM).exists():
        print(f"  browser figures skipped: {CHROMIUM} not found")
        return
    server = Server(folder)
    try:
        cold, warm = browser_figures(server, args.visits, timeout_s=args.timeout)
        peak = rss_hwm_kb(server.proc.pid)
    finally:
        server.stop()
    print(f"  first marker in the browser, cold server (extraction included): {cold:.2f} s")
    if warm:
        w = statistics.median(warm)
        print(f"  first marker in the browser, warm server (median of {len(warm)}): {w:.2f} s  "
              f"[{'HOLDS' if w < TARGET_FIRST_MARKER_S else 'MISSED'} < {TARGET_FIRST_MARKER_S:.0f} s]")
    print(f"  peak RSS of the streamlit server after {args.visits} visits: {peak / 1024:,.0f} MB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="seeds,10000",
                    help="comma-separated: 'seeds' (the bundled seeds/) and/or generated corpus sizes")
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
            size = int(item)
            folder = tmp / f"c{size}"
            gen.write(gen.generate(size), folder)
            bench_corpus(f"{size:,} generated articles", folder, args, TARGET_RERUN_MS.get(size))
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
