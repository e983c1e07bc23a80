"""A corpus folder extracted in a child process and streamed back: ``python -m kzmap.worker FOLDER [--jobs N]``.

The child writes what ``extract.iter_results`` gives, in its order, to stdout as frames: an 8-byte
big-endian length, then the pickled ``("article", PackedExtraction)`` or ``("problem", Problem)``.
Each extraction is packed where it is made (in the child's worker processes), and the app keeps it
packed as it came. ``stream`` starts the child with subprocess (fork and exec of a fresh interpreter,
safe from a threaded server, unlike ``os.fork``) and reads one frame at a time: the caller holds one
article at a time and never pays the extraction's own memory (the place index, the worker processes).
When the child cannot start, dies or exits non-zero, a ``Problem`` names the folder and the reason and
what was read is kept; when the reader stops early, the child and its workers are ended.

An article added in the app goes the same way (``extract_apart``: ``python -m kzmap.worker -``, the pickled
``Article`` on the child's stdin), so the server never loads the place index; that child's stderr is kept
in memory, so nothing of an upload is written to a disk.
"""
from __future__ import annotations

import argparse
import io
import os
import pickle
import signal
import struct
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from .records import Article, Extraction, PackedExtraction, Problem

ROOT = Path(__file__).resolve().parent.parent  # on the child's PYTHONPATH: kzmap need not be installed
FRAME = struct.Struct(">Q")
READ_CHUNK = 1 << 20  # a frame is read in pieces: a corrupt length cannot make one huge allocation
MAX_FRAME = 1 << 36  # a longer frame is garbage, not an extraction
STDERR_TAIL = 5  # lines of the child's stderr quoted in its problem


def default_jobs() -> int:
    return max(1, min(2, os.cpu_count() or 1))


def command(folder: Path | str, jobs: int) -> list[str]:
    """The child's command line (tests replace it with a failing one); ``folder`` "-": one pickled ``Article``
    on its stdin. ``-P``: the package is found on PYTHONPATH (``ROOT``), never in the current folder."""
    return [sys.executable, "-P", "-m", "kzmap.worker", str(folder), "--jobs", str(jobs)]


def stream(folder: Path | str, problems: list[Problem], jobs: int | None = None,
           article: Article | None = None) -> Iterator[PackedExtraction]:
    """The extractions of ``folder`` from a child process, packed, in ``iter_results`` order; its problems
    are appended to ``problems`` as they come, and one more if the child fails. With ``article``, that one
    article instead (``folder`` then only names it in problems)."""
    folder = Path(folder) if article is None else str(folder)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    # The child's stderr goes to a file, not a pipe: a chatty child cannot block on it. For an added article
    # it is drained into memory instead, by a thread: nothing of an upload is ever written to a disk.
    with tempfile.TemporaryFile() if article is None else io.BytesIO() as err:
        try:
            proc = subprocess.Popen(command("-" if article is not None else folder, jobs or default_jobs()),
                                    stdin=subprocess.DEVNULL if article is None else subprocess.PIPE,
                                    stdout=subprocess.PIPE, stderr=err if article is None else subprocess.PIPE,
                                    env=env, start_new_session=True)  # its own process group, ended as one
        except OSError as exc:
            problems.append(Problem(str(folder), f"could not start the extraction process: {exc}"))
            return
        drain = None
        if article is not None:
            drain = threading.Thread(target=_drain, args=(proc.stderr, err), daemon=True)
            drain.start()
            try:  # read whole by the child before it writes anything
                with proc.stdin:
                    proc.stdin.write(pickle.dumps(article, protocol=pickle.HIGHEST_PROTOCOL))
            except OSError:  # it died first: its exit status and stderr say why
                pass
        got, stop, reason = 0, True, None
        try:
            while (frame := _read_frame(proc.stdout)) is not None:
                kind, value = pickle.loads(frame)  # noqa: S301 - our own child's output
                if kind == "article" and isinstance(value, PackedExtraction):
                    got += 1
                    yield value
                elif kind == "problem" and isinstance(value, Problem):
                    problems.append(value)
                else:
                    raise ValueError(f"unexpected item {kind!r}")
            stop = False
        except EOFError as exc:  # its output ends mid-frame: it is ending, and its exit status says why
            stop, reason = False, f"sent a truncated frame ({exc})"
        except Exception as exc:  # noqa: BLE001 - whatever the child wrote, the reader gets a problem
            reason = f"sent unreadable output ({type(exc).__name__}: {str(exc)[:100]})"
        finally:  # also when the reader stops early (GeneratorExit): the child must not linger
            status = _end(proc, stop=stop)
            if drain is not None:
                drain.join(5.0)
        if status != 0 and not stop:  # its own failure, not this reader ending it
            reason = _status_text(status)
        if reason:
            tail = _tail(err)
            problems.append(Problem(str(folder), f"the extraction process {reason}{': ' + tail if tail else ''}; "
                                                 f"kept the {got:,} article(s) read before"))


def _drain(pipe, sink, keep: int = 1 << 16) -> None:
    """Copy ``pipe`` into ``sink`` (a BytesIO) until it ends, keeping at most its last ``keep`` bytes or so."""
    with pipe:
        while chunk := pipe.read1(keep) if hasattr(pipe, "read1") else pipe.read(keep):
            sink.write(chunk)
            if sink.tell() > 4 * keep:
                tail = sink.getvalue()[-keep:]
                sink.seek(0)
                sink.truncate()
                sink.write(tail)


def _read_frame(pipe) -> bytes | None:
    """The next frame's bytes, or None at the end of the stream."""
    head = pipe.read(FRAME.size)
    if not head:
        return None
    if len(head) < FRAME.size:
        raise EOFError("the output ends inside a frame's length")
    (size,) = FRAME.unpack(head)
    if size > MAX_FRAME:
        raise ValueError(f"not a frame length: {head!r}")
    parts, left = [], size
    while left:
        part = pipe.read(min(left, READ_CHUNK))
        if not part:
            raise EOFError(f"the output ends inside a frame of {size:,} bytes")
        parts.append(part)
        left -= len(part)
    return b"".join(parts)


def _end(proc: subprocess.Popen, stop: bool, grace: float = 5.0) -> int:
    """Wait for the child (ending it first if ``stop``), end whatever it left in its process group, reap it.

    The group is signalled before the child is reaped, while its id cannot be anyone else's."""
    proc.stdout.close()  # a child still writing gets a broken pipe
    if stop:
        _signal_group(proc, signal.SIGTERM)
    deadline = time.monotonic() + grace
    while not _exited(proc) and time.monotonic() < deadline:
        time.sleep(0.02)
    if proc.returncode is None:  # not reaped yet
        _signal_group(proc, signal.SIGKILL)  # the pool workers of a child that died, or a child that hangs
    return proc.wait()


def _exited(proc: subprocess.Popen) -> bool:
    """Whether the child has exited, without reaping it where the system allows (its group id stays its own)."""
    if not hasattr(os, "waitid"):  # macOS before Python 3.13: poll reaps it
        return proc.poll() is not None
    try:
        return os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None
    except ChildProcessError:
        return True


def _signal_group(proc: subprocess.Popen, sig: int) -> None:
    if not hasattr(os, "killpg"):  # Windows: no process groups to signal
        proc.kill()
        return
    try:
        os.killpg(proc.pid, sig)
    except (ProcessLookupError, PermissionError):
        pass


def _status_text(status: int) -> str:
    if status >= 0:
        return f"exited with status {status}"
    try:
        return f"was killed by signal {signal.Signals(-status).name}"
    except ValueError:
        return f"was killed by signal {-status}"


def _tail(err) -> str:
    """The last lines of the child's stderr, on one line."""
    err.seek(0, os.SEEK_END)
    err.seek(max(0, err.tell() - 4000))
    lines = [line.strip() for line in err.read().decode("utf-8", "replace").splitlines() if line.strip()]
    return " | ".join(lines[-STDERR_TAIL:])[-600:]


def extract_apart(article: Article) -> Extraction:
    """``extract.extract(article)`` in a child process (``stream``): the caller never loads the place index
    (about 70 MB kept for good in the app's server once an article was added there). Raises RuntimeError
    with the child's problem when it gives no extraction."""
    problems: list[Problem] = []
    got = [p.unpack() for p in stream(article.path, problems, jobs=1, article=article)]
    if len(got) != 1:
        raise RuntimeError("; ".join(p.error for p in problems) or f"{len(got)} extractions for one article")
    return got[0]


# --- the child -------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kzmap.worker", description=__doc__.splitlines()[0])
    ap.add_argument("folder")
    ap.add_argument("--jobs", type=int, default=1)
    args = ap.parse_args(argv)
    out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")  # frames only: anything printed goes to stderr
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    # Pool workers forked from here must not hold the frame pipe: if this process dies, the reader sees
    # the end of the stream instead of waiting for them.
    if hasattr(os, "register_at_fork"):  # not on Windows, where nothing forks
        os.register_at_fork(after_in_child=lambda: _close(out))
    from .extract import iter_results

    if args.folder == "-":  # one pickled Article on stdin (extract_apart)
        items = _one_article(pickle.load(sys.stdin.buffer))  # noqa: S301 - our own parent's input
    else:
        items = iter_results([args.folder], jobs=max(1, args.jobs), encode=PackedExtraction.of)
    try:
        for item in items:
            data = pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)
            out.write(FRAME.pack(len(data)))
            out.write(data)
        out.flush()
    except BrokenPipeError:  # the reader stopped early: nothing to report to it, nor to flush at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), out.fileno())
        return 1
    finally:
        items.close()  # its worker processes, if any, end here
    return 0


def _one_article(article: object) -> Iterator[tuple[str, object]]:
    from .extract import extract
    from .gazetteer import load_gazetteer

    if not isinstance(article, Article):
        raise TypeError(f"expected an Article on stdin, not {type(article).__name__}")
    yield "article", PackedExtraction.of(extract(article, load_gazetteer()))


def _close(f) -> None:
    try:
        os.close(f.fileno())
    except OSError:
        pass


if __name__ == "__main__":
    sys.exit(main())
