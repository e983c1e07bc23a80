"""Explorer benchmarks (not timed tests): prints figures, asserts nothing.

    .venv/bin/python bench/bench_app.py [--seeds DIR] [--runs N]

- time to first marker in the browser (cold: first visit after the server starts, extraction
  included; warm: later visits, cached corpus),
- server time of a rerun after a filter change (the script's own time, which app.py records in
  st.session_state.script_ms; run through AppTest, median of N),
- peak RSS of the `streamlit run` server (VmHWM) after the browser visits and filter changes.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from appserver import CHROMIUM, CHROMIUM_ARGS, Server  # noqa: E402

MAP = 'iframe[title="streamlit_folium.st_folium"]'


def tree_rss_hwm_kb(pid: int) -> int:
    """Peak resident memory of the server process (kB, from /proc/PID/status VmHWM)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def browser_figures(server: Server, visits: int) -> tuple[float, list[float]]:
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for i in range(visits):
            page = browser.new_page(viewport={"width": 1440, "height": 1000})
            t0 = time.perf_counter()
            page.goto(server.url + ("?partner=RU" if i % 2 else ""))
            page.frame_locator(MAP).locator("path.kzmap-place").first.wait_for(timeout=120_000)
            times.append(time.perf_counter() - t0)
            page.close()
        browser.close()
    return times[0], times[1:]


def rerun_times(runs: int) -> list[float]:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300).run()
    codes = at.multiselect(key="w_partners").options
    out = []
    for i in range(runs):
        at.multiselect(key="w_partners").set_value([codes[i % min(3, len(codes))]])
        at.run()
        out.append(at.session_state["script_ms"] / 1000)  # the script's own time, measured by app.py
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=Path, default=None)
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--visits", type=int, default=5)
    args = ap.parse_args()
    if args.seeds:
        os.environ["KZMAP_SEEDS"] = str(args.seeds.resolve())
    server = Server(args.seeds)
    try:
        cold, warm = browser_figures(server, args.visits)
        peak = tree_rss_hwm_kb(server.proc.pid)
    finally:
        server.stop()
    reruns = rerun_times(args.runs)
    print(f"first marker, cold server (extraction included): {cold:.2f} s")
    if warm:
        print(f"first marker, warm (median of {len(warm)} visits):      {statistics.median(warm):.2f} s")
    print(f"rerun after a partner filter change (median of {len(reruns)}): {statistics.median(reruns) * 1000:.0f} ms "
          f"(min {min(reruns) * 1000:.0f}, max {max(reruns) * 1000:.0f})")
    print(f"peak RSS of the streamlit server after {args.visits} visits: {peak / 1024:.0f} MB")


if __name__ == "__main__":
    main()
