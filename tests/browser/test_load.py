"""Ten browser sessions at once against one `streamlit run` on loopback (issue 5, load).

One fresh server (its own process, so its caches start empty and its peak memory is its own),
ten Chromium contexts, each opened on a different ``?partner=`` link at the same moment. Checks:

- every session renders its markers, and each shows exactly the markers its own filter gives
  (computed here with the pipeline): no session's filter leaks into another;
- the corpus is extracted once for all ten (``st.cache_resource``): with ``KZMAP_EXTRACT_LOG`` set,
  ``appdata.load_seeds`` appends one line per real extraction;
- the server's peak resident memory (``VmHWM`` of the streamlit process) stays under a bound.

Bounded: one deadline for the whole load phase, polling (never fixed sleeps), server stopped after.
"""
from __future__ import annotations

import time
from pathlib import Path

import pytest
from appserver import ROOT, Server

MAP = 'iframe[title="streamlit_folium.st_folium"]'
MARKER = "path.kzmap-place"
SESSIONS = 10
DEADLINE_S = 80.0  # the ten sessions, first request to all rendered; 35-55 s seen on a loaded 2-core box
RSS_BOUND_MB = 690  # Streamlit Community Cloud's smallest memory


def expected_markers() -> dict[str, int]:
    """Marker count per ``?partner=`` query ('' for none), straight from the pipeline."""
    from kzmap import appdata
    from kzmap.filters import FilterState, apply
    exts, _ = appdata.load_seeds(ROOT / "seeds")
    data = appdata.build_data(exts, (), appdata.country_names())

    def count(partners: tuple[str, ...]) -> int:
        return len(apply(FilterState(partners=partners), data.mentions, data.events).markers)

    out = {"": count(())}
    codes = list(data.partners["code"])
    for code in codes:
        out[f"?partner={code}"] = count((code,))
    for a, b in zip(codes, codes[1:], strict=False):  # pairs, if there are fewer than ten partners
        out[f"?partner={a}&partner={b}"] = count((a, b))
    queries = [q for q, n in out.items() if n > 0][:SESSIONS]
    return {q: out[q] for q in queries}


def status(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM (peak) of a process, in kB."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            fields[key] = int(value.split()[0])
    return fields


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far."""
    import os

    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime


def shown(page) -> tuple[int, int | None]:
    """(markers drawn in the map iframe, the "Places on the map" metric or None if not drawn yet)."""
    drawn = page.frame_locator(MAP).locator(MARKER).count()
    box = page.locator('[data-testid="stMetric"]', has_text="Places on the map")
    if box.count() == 0:
        return drawn, None
    try:
        return drawn, int(box.locator('[data-testid="stMetricValue"]').inner_text(timeout=2_000).replace(",", ""))
    except Exception:  # noqa: BLE001 - mid-rerun: read it on the next poll
        return drawn, None


@pytest.fixture
def load_server(tmp_path, monkeypatch):
    log = tmp_path / "extractions.log"
    monkeypatch.setenv("KZMAP_EXTRACT_LOG", str(log))
    monkeypatch.delenv("KZMAP_SEEDS", raising=False)
    server = Server()  # copies this environment
    try:
        yield server, log
    finally:
        server.stop()


def test_ten_sessions_at_once(load_server, app_browser):
    server, log = load_server
    want = expected_markers()
    assert len(want) == SESSIONS and len(set(want.values())) >= 3, want  # filters that tell sessions apart
    contexts = [app_browser.new_context(viewport={"width": 1280, "height": 900}) for _ in range(SESSIONS)]
    try:
        pages = []
        for ctx in contexts:
            page = ctx.new_page()
            page.dialogs = []
            page.on("dialog", lambda d, p=page: (p.dialogs.append(d.message), d.dismiss()))
            pages.append(page)
        queries = list(want)
        peak_rss = 0
        cpu0 = cpu_seconds(server.proc.pid)
        t0 = time.monotonic()
        for page, q in zip(pages, queries, strict=True):  # all ten requested before any is waited on
            page.goto(server.url + q, wait_until="commit", timeout=30_000)
        done: dict[int, float] = {}
        last: dict[int, tuple] = {}
        while len(done) < SESSIONS:
            if time.monotonic() - t0 > DEADLINE_S:
                pytest.fail(f"after {DEADLINE_S:.0f}s only {len(done)}/{SESSIONS} sessions rendered; "
                            f"(drawn, metric) vs wanted: {[(last.get(i), want[q]) for i, q in enumerate(queries)]}")
            for i, (page, q) in enumerate(zip(pages, queries, strict=True)):
                if i not in done:
                    last[i] = shown(page)
                    if last[i] == (want[q], want[q]):
                        done[i] = time.monotonic() - t0
            peak_rss = max(peak_rss, status(server.proc.pid)["VmRSS"])
            if len(done) < SESSIONS:
                pages[0].wait_for_timeout(250)  # poll interval; the other pages keep loading meanwhile
        all_rendered = time.monotonic() - t0

        # every session still shows its own filter once all ten are up: nothing leaked between them
        for page, q in zip(pages, queries, strict=True):
            assert shown(page) == (want[q], want[q]), (q, shown(page))
            for code in q.replace("?", "").split("&"):
                assert not code or code in page.url, (q, page.url)
            assert page.dialogs == []
        mem = status(server.proc.pid)
        peak_mb = max(mem["VmHWM"], peak_rss) / 1024
        extractions = [ln for ln in (log.read_text().splitlines() if log.exists() else [])
                       if ln.split()[0] == str(server.proc.pid)]  # (this process logs its own, above)
        print(f"\n[load] {SESSIONS} sessions rendered in {all_rendered:.1f}s "
              f"(first {min(done.values()):.1f}s, median {sorted(done.values())[SESSIONS // 2]:.1f}s); "
              f"server peak RSS {peak_mb:.0f} MB (VmHWM), now {mem['VmRSS'] / 1024:.0f} MB; "
              f"server CPU {cpu_seconds(server.proc.pid) - cpu0:.1f}s; extractions: {len(extractions)}; "
              f"markers per session: {list(want.values())}")
        assert len(extractions) == 1, extractions  # one shared st.cache_data entry for all ten
        assert peak_mb < RSS_BOUND_MB
    finally:
        for ctx in contexts:
            ctx.close()
