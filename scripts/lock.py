"""Pin requirements.txt and requirements-dev.txt from the .in files (run by `python3 dev.py lock`).

Asks pip which exact versions it would install into an empty environment and writes them out,
so the app (and Streamlit Community Cloud, which reads requirements.txt) gets the same versions.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def resolve(req_in: Path) -> list[tuple[str, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--dry-run", "--ignore-installed",
                        "--report", str(report), "-r", str(req_in)], check=True)
        data = json.loads(report.read_text())
    return sorted((i["metadata"]["name"].lower(), i["metadata"]["version"]) for i in data["install"])


def main() -> int:
    runtime = resolve(ROOT / "requirements.in")
    head = "# Pinned by `python3 dev.py lock` from {}.in (Python 3.11/3.12, Linux). Do not edit by hand.\n"
    (ROOT / "requirements.txt").write_text(head.format("requirements") + "".join(f"{n}=={v}\n" for n, v in runtime))
    names = {n for n, _ in runtime}
    dev = [(n, v) for n, v in resolve(ROOT / "requirements-dev.in") if n not in names]
    (ROOT / "requirements-dev.txt").write_text(head.format("requirements-dev") + "-r requirements.txt\n"
                                               + "".join(f"{n}=={v}\n" for n, v in dev))
    print(f"pinned {len(runtime)} runtime and {len(dev)} development packages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
