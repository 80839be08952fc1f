"""The stylesheets, run in worker processes that take them from one queue.

Saxon runs one transformation on one processor. The build therefore hands the entry points to
worker processes (``python -m edition.workers``), each with its own Saxon processor
(:class:`edition.xslt.Stylesheets`):

- the workers start as soon as the build knows it has work to do, and compile every entry point
  while the build process validates the edition (nothing they read comes from the edition; the
  shared layers are packages, compiled once per worker);
- each then receives the validated, assembled document as text, and the build hands the stylesheets
  out one at a time, in the pool's order (what a Python step waits for first): a worker that has
  finished one takes the next, so two workers share the work whatever
  each stylesheet costs, and a step that needs only some outputs (the search index needs the pages)
  starts while the others still run;
- the build process itself never loads Saxon.

``EDITION_JOBS`` sets the number of workers (1 or 2; never more than the processors). Outputs do
not depend on it, nor on which worker ran what: every stylesheet writes its own files, from the same
document and parameters (a test compares one worker and two byte for byte).

A worker reads nothing once it has the document (Saxon is sealed, see :mod:`edition.xslt`) and speaks
JSON lines: on its standard input ``{"compile": [paths]}``, ``{"document": {...}}``, ``{"run": path}``;
on its standard output ``{"compiled": seconds}``, ``{"handed": seconds}``, ``{"ran": path, "seconds": s}``
or ``{"problems": [...]}`` (the build then stops). The seconds are the worker's CPU time: workers run side by
side, and a wall time would count the waits for a processor. Anything Saxon prints (``xsl:message``) goes to
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

#: How many workers at most, and by default (see ``jobs``).
MAX_JOBS, DEFAULT_JOBS = 2, 2
#: An entry point that takes the HTML layer (by import or as a package) writes pages of the site.
_PAGES = re.compile(r"""<xsl:(?:import\s+href=["']common/html-layer\.xsl["']|use-package\s+name=["'][^"']*html-layer["'])""")


def jobs() -> int:
    """Workers to run: ``$EDITION_JOBS`` if set (1 or 2), else ``DEFAULT_JOBS``; never more than the processors."""
    wanted = os.environ.get("EDITION_JOBS", "").strip()
    jobs = min(int(wanted), MAX_JOBS) if wanted.isdigit() and int(wanted) > 0 else DEFAULT_JOBS
    processors = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(jobs, processors))


def writes_pages(stylesheet: Path) -> bool:
    """Does the entry point take the HTML layer (it writes pages of the site)?"""
    return bool(_PAGES.search(stylesheet.read_text(encoding="utf-8")))


class _Worker:
    """One worker process, and the threads that write its messages and read its answers into the pool's queue."""

    def __init__(self, number: int, stylesheets: list[Path], answers: queue.Queue) -> None:
        self.number = number
        # -P: the current folder (a project folder) is not put before the installed package.
        self.process = subprocess.Popen([sys.executable, "-P", "-m", "edition.workers"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE)
        self.compiled = False
        self.compile_seconds = 0.0
        self.problems: list[Problem] = []
        # Messages are written by a thread of their own: the document is larger than a pipe holds, and a
        # worker reads it only once it has compiled, while the build process has other work meanwhile.
        self._outbox: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, args=(answers,), daemon=True).start()
        threading.Thread(target=self._write, daemon=True).start()
        self.send({"compile": [str(s) for s in stylesheets]})

    def _read(self, answers: queue.Queue) -> None:
        for line in self.process.stdout:
            answers.put((self, json.loads(line)))
        answers.put((self, None))  # the process ended

    def send(self, message: dict) -> None:
        self._outbox.put(json.dumps(message, ensure_ascii=False).encode("utf-8") + b"\n")

    def _write(self) -> None:
        while (data := self._outbox.get()) is not None:
            try:
                self.process.stdin.write(data)
                self.process.stdin.flush()
            except (BrokenPipeError, OSError, ValueError):
                return  # it died (its reader reports the end) or was stopped

    def stop(self) -> None:
        self._outbox.put(None)
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
        count = max(1, min(jobs() if workers is None else workers, len(self.stylesheets)))
        self._workers = [_Worker(n, self.stylesheets, self._answers) for n in range(count)]
        self._pending: list[Path] = []
        self._done: set[Path] = set()
        self._compiled_now = False
        self.timings: dict[str, float] = {}
        #: Which worker ran each stylesheet (file name → worker number), for the curious and the tests.
        self.ran_by: dict[str, int] = {}

    @property
    def alive(self) -> bool:
        return all(w.process.poll() is None for w in self._workers)

    def start(self, document: bytes, out: Path, parameters: dict) -> None:
        """Hand every worker the document, then the stylesheets one at a time, in order; they write into ``out``."""
        self._done = set()
        self.timings = {}
        self.ran_by = {}
        self._compiled_now = not all(w.compiled for w in self._workers)
        self._pending = list(self.stylesheets)
        job = {"document": document.decode("utf-8"), "out": str(out.resolve()), "parameters": parameters}
        for worker in self._workers:
            worker.send({"document": job})
            self._next(worker)

    def _next(self, worker: _Worker) -> None:
        """Give a free worker the next stylesheet, if any is left."""
        if self._pending:
            worker.send({"run": str(self._pending.pop(0))})

    def wait(self, names: set[str] | None = None, meanwhile: Callable[[], None] | None = None) -> None:
        """Until the stylesheets named (file names; ``None``: every one) have run; EditionError if one failed.

        ``meanwhile`` is called each time a stylesheet has run and others are still awaited: work for the
        build process that would otherwise wait (reading the pages written so far)."""
        wanted = {s for s in self.stylesheets if names is None or s.name in names}
        while not wanted <= self._done:
            worker, answer = self._answers.get()
            self._take(worker, answer)
            if meanwhile is not None and answer and "ran" in answer and not wanted <= self._done:
                meanwhile()

    def _take(self, worker: _Worker, answer: dict | None) -> None:
        if answer is None:
            raise EditionError(worker.problems or Problem(str(self.stylesheets[0].parent), 0, 0,
                                                          "the stylesheet worker stopped unexpectedly"))
        if "compiled" in answer:
            worker.compiled, worker.compile_seconds = True, answer["compiled"]
        elif "handed" in answer:
            self.timings["hand Saxon the document"] = max(self.timings.get("hand Saxon the document", 0.0), answer["handed"])
        elif "ran" in answer:
            path = Path(answer["ran"])
            self._done.add(path)
            self.timings[path.name] = answer["seconds"]
            self.ran_by[path.name] = worker.number
            if self._compiled_now and len(self._done) == len(self.stylesheets):
                self.timings["compile stylesheets"] = max(w.compile_seconds for w in self._workers)
            self._next(worker)
        elif "problems" in answer:
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

    sheets = document = out = parameters = None
    failed: dict | None = None
    for line in sys.stdin.buffer:
        message = json.loads(line)
        if "compile" in message:
            start = time.process_time()
            sheets = Stylesheets()
            try:
                for path in message["compile"]:
                    sheets.compile(Path(path))
            except EditionError as err:
                failed = problems(err)
                say(failed)
                continue
            say({"compiled": time.process_time() - start})
        elif "document" in message:
            if failed is not None or sheets is None:
                continue  # its problems were said when compiling
            job = message["document"]
            start = time.process_time()
            document, out, parameters = sheets.document(job["document"]), Path(job["out"]), job["parameters"]
            say({"handed": time.process_time() - start})
        elif "run" in message:
            if failed is not None or document is None:
                say(failed or {"problems": [asdict(Problem("xslt", 0, 0, "no stylesheets were compiled"))]})
                continue
            start = time.process_time()
            try:
                sheets.run(Path(message["run"]), document, out, parameters)
            except EditionError as err:
                say(problems(err))
                continue
            say({"ran": message["run"], "seconds": time.process_time() - start})


if __name__ == "__main__":
    _serve()
