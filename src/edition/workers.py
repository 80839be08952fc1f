"""The stylesheets, run in a worker process (or two, side by side, with ``EDITION_JOBS=2``).

Saxon runs one transformation on one processor, and compiling the entry points costs as much as
running several of them. The build therefore hands them to worker processes (``python -m
edition.workers``), each with its own Saxon processor (:class:`edition.xslt.Stylesheets`):

- the workers start as soon as the build knows it has work to do, and compile their stylesheets
  while the build process validates the edition (nothing they read comes from the edition);
- each then receives the validated, assembled document as text and runs its stylesheets in turn,
  reporting each one as it finishes, so that a Python step that needs only some outputs (the search
  index needs the pages) starts while the other worker still runs;
- the build process itself never loads Saxon.

With ``EDITION_JOBS=2`` (and two processors), two lanes: the entry points that import the HTML layer
(``common/html-layer.xsl``) write the pages; the others (``common/common.xsl`` alone) write data, text
and the DTS API. By default one worker runs them all: measured on the shared two-processor machine the
edition is built on, two workers were no faster (farm-bench, whole build, median wall ratio 0.99) and
held about 150 MB more (each Saxon process keeps its compiled stylesheets and a heap of its own).
Outputs do not depend on the lanes: every stylesheet writes its own files, from the same document and
parameters.

A worker reads nothing once it has the document (Saxon is sealed, see :mod:`edition.xslt`) and speaks
JSON lines: on its standard input ``{"compile": [paths]}``, ``{"run": {...}}``; on its standard output
``{"compiled": seconds}``, ``{"ran": path, "seconds": s}``, ``{"finished": seconds}`` or
``{"problems": [...]}`` (the job is then abandoned). Anything Saxon prints (``xsl:message``) goes to
standard error, as in the build process before.

A pool is kept for the next build in the same process when its stylesheets did not change
(``edition serve --watch``): the next build compiles nothing.
"""
from __future__ import annotations

import atexit
import json
import os
import queue
import re
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from .errors import EditionError, Problem

#: How many workers at most (the two lanes), and by default.
MAX_JOBS, DEFAULT_JOBS = 2, 1
_PAGES = re.compile(r"""<xsl:import\s+href=["']common/html-layer\.xsl["']""")


def jobs() -> int:
    """Workers to run: ``$EDITION_JOBS`` if set (1 or 2), else ``DEFAULT_JOBS``; never more than the processors."""
    wanted = os.environ.get("EDITION_JOBS", "").strip()
    jobs = min(int(wanted), MAX_JOBS) if wanted.isdigit() and int(wanted) > 0 else DEFAULT_JOBS
    processors = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(jobs, processors))


def writes_pages(stylesheet: Path) -> bool:
    """Does the entry point import the HTML layer (it writes pages of the site)?"""
    return bool(_PAGES.search(stylesheet.read_text(encoding="utf-8")))


def lanes(stylesheets: list[Path], workers: int | None = None) -> list[list[Path]]:
    """The stylesheets each worker runs, in order: the pages, then the rest (one list with one worker)."""
    workers = jobs() if workers is None else workers
    if workers < 2:
        return [list(stylesheets)] if stylesheets else []
    pages = [s for s in stylesheets if writes_pages(s)]
    rest = [s for s in stylesheets if s not in pages]
    return [lane for lane in (pages, rest) if lane]


class _Worker:
    """One worker process and the thread that reads its answers into the pool's queue."""

    def __init__(self, number: int, stylesheets: list[Path], answers: queue.Queue) -> None:
        self.number = number
        self.stylesheets = stylesheets
        # -P: the current folder (a project folder) is not put before the installed package.
        self.process = subprocess.Popen([sys.executable, "-P", "-m", "edition.workers"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE)
        self.compiled = False
        self.compile_seconds = 0.0
        self.problems: list[Problem] = []
        threading.Thread(target=self._read, args=(answers,), daemon=True).start()
        self.send({"compile": [str(s) for s in stylesheets]})

    def _read(self, answers: queue.Queue) -> None:
        for line in self.process.stdout:
            answers.put((self, json.loads(line)))
        answers.put((self, None))  # the process ended

    def send(self, message: dict) -> None:
        try:
            self.process.stdin.write(json.dumps(message, ensure_ascii=False).encode("utf-8") + b"\n")
            self.process.stdin.flush()
        except (BrokenPipeError, OSError):
            pass  # it died: its reader reports the end

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            try:
                stream.close()
            except OSError:
                pass


class Pool:
    """Workers for a list of stylesheets (see the module's documentation)."""

    def __init__(self, stylesheets: list[Path], workers: int | None = None) -> None:
        self.stylesheets = list(stylesheets)
        self._answers: queue.Queue = queue.Queue()
        self._workers = [_Worker(n, lane, self._answers) for n, lane in enumerate(lanes(self.stylesheets, workers))]
        self._done: set[Path] = set()
        self._running: set[_Worker] = set()
        self._compiled_now = False
        self.timings: dict[str, float] = {}

    @property
    def alive(self) -> bool:
        return all(w.process.poll() is None for w in self._workers)

    def start(self, document: bytes, out: Path, parameters: dict) -> None:
        """Hand every worker the document: each runs its stylesheets into ``out``."""
        self._done = set()
        self.timings = {}
        self._compiled_now = not all(w.compiled for w in self._workers)
        text = document.decode("utf-8")
        for worker in self._workers:
            worker.send({"run": {"document": text, "out": str(out.resolve()), "parameters": parameters,
                                 "stylesheets": [str(s) for s in worker.stylesheets]}})
            self._running.add(worker)

    def wait(self, names: set[str] | None = None, meanwhile: Callable[[], None] | None = None) -> None:
        """Until the stylesheets named (file names; ``None``: every one) have run; EditionError if one failed.

        ``meanwhile`` is called each time a stylesheet has run and others are still awaited: work for the
        build process that would otherwise wait (reading the pages written so far)."""
        wanted = {s for s in self.stylesheets if names is None or s.name in names}
        while not (wanted <= self._done and (names is not None or not self._running)):
            worker, answer = self._answers.get()
            self._take(worker, answer)
            if meanwhile is not None and answer and "ran" in answer and not wanted <= self._done:
                meanwhile()

    def _take(self, worker: _Worker, answer: dict | None) -> None:
        if answer is None:
            self._running.discard(worker)
            raise EditionError(worker.problems or Problem(str(worker.stylesheets[0].parent), 0, 0,
                                                          "the stylesheet worker stopped unexpectedly"))
        if "compiled" in answer:
            worker.compiled, worker.compile_seconds = True, answer["compiled"]
        elif "ran" in answer:
            path = Path(answer["ran"])
            self._done.add(path)
            self.timings[path.name] = answer["seconds"]
        elif "finished" in answer:
            self._running.discard(worker)
            self.timings["hand Saxon the document"] = max(self.timings.get("hand Saxon the document", 0.0), answer["document"])
            if self._compiled_now and not self._running:
                self.timings["compile stylesheets"] = max(w.compile_seconds for w in self._workers)
        elif "problems" in answer:
            self._running.discard(worker)
            worker.problems = [Problem(**p) for p in answer["problems"]]
            raise EditionError(worker.problems)

    def close(self) -> None:
        for worker in self._workers:
            worker.stop()
        self._workers = []


#: The pool kept for the next build in this process, with the digest of what it compiled.
_kept: tuple[str, Pool] | None = None


def pool_for(stylesheets: list[Path], key: str | None) -> Pool:
    """A pool for these stylesheets: the kept one if ``key`` matches it and it is alive, else a new one
    (kept under ``key``; without a key it is the caller's to close)."""
    global _kept
    if key is None:
        return Pool(stylesheets)
    if _kept is not None and _kept[0] == key and _kept[1].alive:
        return _kept[1]
    discard_kept()
    _kept = (key, Pool(stylesheets))
    return _kept[1]


def is_kept(pool: Pool) -> bool:
    return _kept is not None and _kept[1] is pool


def discard_kept() -> None:
    """Stop the kept pool (after a failure its workers may still be writing: they are killed)."""
    global _kept
    if _kept is not None:
        _kept[1].close()
        _kept = None


atexit.register(discard_kept)


# ------------------------------------------------------------------------- the worker process


def _serve() -> None:
    """The worker: JSON lines in, JSON lines out (see the module's documentation)."""
    import signal

    from .xslt import Stylesheets

    # Ctrl-C reaches every process of the terminal's group: the build process stops the workers itself,
    # once it has decided what to keep, so a worker does not die on it with a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    answers = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    os.dup2(2, 1)  # anything else printed goes to standard error, never into the answers

    def say(message: dict) -> None:
        answers.write(json.dumps(message, ensure_ascii=False) + "\n")

    def problems(err: EditionError) -> dict:
        return {"problems": [asdict(p) for p in err.problems]}

    sheets = None
    failed: dict | None = None
    for line in sys.stdin.buffer:
        message = json.loads(line)
        if "compile" in message:
            start = time.perf_counter()
            sheets = Stylesheets()
            try:
                for path in message["compile"]:
                    sheets.compile(Path(path))
            except EditionError as err:
                failed = problems(err)
                say(failed)
                continue
            say({"compiled": time.perf_counter() - start})
        elif "run" in message:
            if failed is not None or sheets is None:
                say(failed or {"problems": [asdict(Problem("xslt", 0, 0, "no stylesheets were compiled"))]})
                continue
            job = message["run"]
            start = time.perf_counter()
            document = sheets.document(job["document"])
            handed = time.perf_counter() - start
            try:
                for path in job["stylesheets"]:
                    start = time.perf_counter()
                    sheets.run(Path(path), document, Path(job["out"]), job["parameters"])
                    say({"ran": path, "seconds": time.perf_counter() - start})
            except EditionError as err:
                say(problems(err))
                continue
            say({"finished": True, "document": handed})


if __name__ == "__main__":
    _serve()
