#!/usr/bin/env python3
"""kzmap's one entry point for people and CI; needs only Python 3.11+ to start.

    python3 dev.py app      # set up .venv if needed, then `streamlit run app.py` on the bundled seeds
    python3 dev.py test     # set up .venv + test browser if needed, then the whole test suite
    python3 dev.py bench    # benchmarks that print figures (extraction, start-up, app)
    python3 dev.py lock     # re-pin requirements*.txt from requirements*.in
    python3 dev.py build-geo  # rebuild the generated files of geo/ (see geo/README.md)

Set-up is idempotent: the virtual environment is (re)installed only when a requirements
file changed. Extra arguments are passed on (to streamlit, pytest or the benchmark).
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / "python"
CHROMIUM = "/usr/bin/chromium"
BUILD_GEO_TOOLS = ("wordfreq==3.1.1", "english-words==2.0.2")


def say(msg: str) -> None:
    print(f"[dev.py] {msg}", flush=True)


def run(cmd: list, **kw) -> None:
    subprocess.run([str(c) for c in cmd], check=True, **kw)


def ensure_venv(dev: bool) -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py runs under whatever python3 the user has
        sys.exit(f"kzmap needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    files = ["requirements.txt", "pyproject.toml"] + (["requirements-dev.txt"] if dev else [])
    digest = hashlib.sha256(b"".join((ROOT / f).read_bytes() for f in files)).hexdigest()
    stamp = VENV / (".stamp-dev" if dev else ".stamp-app")
    if PY.exists() and stamp.exists() and stamp.read_text() == digest:
        return
    if not PY.exists():
        say(f"creating {VENV}")
        run([sys.executable, "-m", "venv", VENV])
    say("installing pinned dependencies (first run only; a few minutes)")
    run([PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
    run([PY, "-m", "pip", "install", "--quiet", "-r", ROOT / ("requirements-dev.txt" if dev else "requirements.txt")])
    run([PY, "-m", "pip", "install", "--quiet", "--no-deps", "-e", ROOT])
    stamp.write_text(digest)


def ensure_browser() -> None:
    """Debian's Chromium for the real-browser tests (Playwright cannot download browsers here)."""
    if Path(CHROMIUM).exists() or os.environ.get("KZMAP_SKIP_BROWSER"):
        return
    apt = shutil.which("apt-get")
    if apt and hasattr(os, "geteuid") and os.geteuid() == 0:
        say("installing Debian chromium for the browser tests")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        run([apt, "update", "-qq"], env=env)
        run([apt, "install", "-y", "-qq", "chromium"], env=env, stdout=subprocess.DEVNULL)
    else:
        say(f"{CHROMIUM} not found and cannot install it here (needs root and apt-get): "
            "browser tests will be skipped. Install it with: sudo apt-get install -y chromium")


def main(argv: list[str]) -> int:
    cmd, rest = (argv[0], argv[1:]) if argv else ("help", [])
    os.chdir(ROOT)
    if cmd == "app":
        ensure_venv(dev=False)
        args = [BIN / "streamlit", "run", ROOT / "app.py", *rest]
        os.execv(str(args[0]), [str(a) for a in args])
    if cmd == "test":
        ensure_venv(dev=True)
        ensure_browser()
        return subprocess.call([str(PY), "-m", "pytest", *rest])
    if cmd == "bench":
        ensure_venv(dev=True)
        ensure_browser()
        return subprocess.call([str(PY), str(ROOT / "bench" / "run.py"), *rest])
    if cmd == "build-geo":
        ensure_venv(dev=True)
        run([PY, "-m", "pip", "install", "--quiet", *BUILD_GEO_TOOLS])  # build-only (geo/README.md)
        return subprocess.call([str(PY), str(ROOT / "scripts" / "build_geo.py"), *rest])
    if cmd == "lock":
        ensure_venv(dev=True)
        return subprocess.call([str(PY), str(ROOT / "scripts" / "lock.py"), *rest])
    print(__doc__)
    return 0 if cmd in ("help", "-h", "--help") else 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
