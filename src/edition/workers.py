"""The stylesheets, run in a ``concurrent.futures`` process pool whose workers compile them once.

Saxon runs one transformation on one processor, so the build hands the entry points to a
:class:`~concurrent.futures.ProcessPoolExecutor` whose ``initializer`` compiles every one of them
(:class:`edition.xslt.Stylesheets`) in each worker:

- the workers start as soon as the build knows it has work to do, and compile while the build
  process validates the edition; the build process itself never loads Saxon, and the workers are
  started afresh (``spawn``), never forked from a process that holds it;
- each stylesheet is one task, submitted in the pool's order (what a Python step waits for first);
  a free worker takes the next, so two workers share the work whatever each stylesheet costs, and a
  step that needs only some outputs (``Pool.wait(names)``) starts while the others still run;
- a task carries the document as text; a worker hands it to Saxon once per build.

Only ``submit`` and futures are used, so a distributed executor with the same interface (Dask's
``Client``) could take the pool's place. ``EDITION_JOBS`` sets the number of workers (1 or 2; never
more than the processors). Outputs depend neither on it nor on which worker ran what (a test compares
one worker and two byte for byte). A stylesheet's failure comes back as its located problems, raised
here as an :class:`EditionError`. Saxon's messages (``xsl:message``) go to standard error.

A pool is kept for the next build in the same process when its stylesheets did not change
(``edition serve --watch``): the next build compiles nothing.
"""
from __future__ import annotations

import atexit
import multiprocessing
import os
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

from lxml import etree

from .errors import EditionError, Problem
from .xmlio import safe_parser

#: How many workers at most, and by default (see ``jobs``).
MAX_JOBS, DEFAULT_JOBS = 2, 2
#: The package of the HTML layer: an entry point that declares it uses it writes pages of the site.
HTML_LAYER = "urn:weil-edition:html-layer"


def jobs() -> int:
    """Workers to run: ``$EDITION_JOBS`` if set (1 or 2), else ``DEFAULT_JOBS``; never more than the processors."""
    wanted = os.environ.get("EDITION_JOBS", "").strip()
    jobs = min(int(wanted), MAX_JOBS) if wanted.isdigit() and int(wanted) > 0 else DEFAULT_JOBS
    processors = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(jobs, processors))


def writes_pages(stylesheet: Path) -> bool:
    """Does the entry point declare ``xsl:use-package`` of the HTML layer (it writes pages of the site)?

    (The book stylesheets import the layer instead, and write their own files, not pages.)"""
    root = etree.parse(str(stylesheet), safe_parser()).getroot()
    return HTML_LAYER in root.xpath("xsl:use-package/@name", namespaces={"xsl": "http://www.w3.org/1999/XSL/Transform"})


@dataclass(frozen=True)
class Job:
    """What every stylesheet of one build is run on: the document as text, the output folder, the parameters."""

    build: int
    document: str
    out: str
    parameters: dict


@dataclass(frozen=True)
class Ran:
    """A stylesheet's outcome: its problems, or the worker's CPU seconds (workers run side by side, and a
    wall time would count the waits for a processor)."""

    stylesheet: str
    #: The worker's process id, and when it began the stylesheet (the system's monotonic clock).
    worker: int
    started: float
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0
    compiled: float = 0.0
    handed: float = 0.0


class Pool:
    """Workers for a list of stylesheets (see the module's documentation).

    >>> pool = Pool([Path("xslt/text.xsl")])              # doctest: +SKIP
    >>> pool.start(document_xml, Path("out"), {}); pool.wait(); pool.close()
    """

    def __init__(self, stylesheets: list[Path], workers: int | None = None) -> None:
        self.stylesheets = list(stylesheets)
        count = max(1, min(jobs() if workers is None else workers, len(self.stylesheets)))
        self._executor = ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_compile, initargs=([str(s) for s in self.stylesheets],))
        # The executor starts a worker per task submitted while none is idle: one empty task each starts
        # them all now, so they compile while the build validates.
        for _ in range(count):
            self._executor.submit(os.getpid)
        self._futures: dict[Path, Future] = {}
        self._builds = 0
        self.broken = False
        self.timings: dict[str, float] = {}
        #: What became of each stylesheet of the latest build (file name → :class:`Ran`): which worker, when.
        self.ran: dict[str, Ran] = {}

    def start(self, document: bytes, out: Path, parameters: dict) -> None:
        """Submit every stylesheet, in order, on ``document``; they write into ``out``."""
        self._builds += 1
        self.timings, self.ran = {}, {}
        job = Job(self._builds, document.decode("utf-8"), str(out.resolve()), parameters)
        try:
            self._futures = {s: self._executor.submit(_run, job, str(s)) for s in self.stylesheets}
        except BrokenProcessPool:  # a worker of a kept pool died between two builds
            self._stopped()

    def _stopped(self) -> NoReturn:
        self.broken = True
        raise EditionError(Problem(str(self.stylesheets[0].parent), 0, 0, "the stylesheet worker stopped unexpectedly; "
                                   "the next build starts new workers")) from None

    def wait(self, names: set[str] | None = None, meanwhile: Callable[[], None] | None = None) -> None:
        """Until the stylesheets named (file names; ``None``: every one) have run; EditionError if one failed.

        ``meanwhile`` is called each time one has run and others are still awaited: work for the build
        process that would otherwise wait (reading the pages written so far)."""
        wanted = {f for s, f in self._futures.items() if names is None or s.name in names}
        while True:
            for future in [f for f in self._futures.values() if f.done()]:
                self._take(future)  # a stylesheet that failed stops the build now, awaited or not
            if all(f.done() for f in wanted):
                return
            wait([f for f in self._futures.values() if not f.done()], return_when=FIRST_COMPLETED)
            if meanwhile is not None and not all(f.done() for f in wanted):
                meanwhile()

    def _take(self, future: Future) -> None:
        try:
            ran = future.result()
        except BrokenProcessPool:
            self._stopped()
        if ran.problems:
            raise EditionError(ran.problems)
        name = Path(ran.stylesheet).name
        self.timings[name], self.ran[name] = ran.seconds, ran
        compiled = ran.compiled if self._builds == 1 else 0.0  # a kept pool compiled before this build
        for stage, seconds in (("compile stylesheets", compiled), ("hand Saxon the document", ran.handed)):
            if seconds:
                self.timings[stage] = max(self.timings.get(stage, 0.0), seconds)

    def close(self) -> None:
        """Cancel the stylesheets not begun, let the running ones finish (they may be writing), stop the workers."""
        self._executor.shutdown(wait=True, cancel_futures=True)


#: The pool kept for the next build in this process, with the digest of what it compiled.
_kept: tuple[str, Pool] | None = None


def pool_for(stylesheets: list[Path], key: str | None) -> Pool:
    """A pool for these stylesheets: the kept one if ``key`` matches it and it works, else a new one
    (kept under ``key``; without a key it is the caller's to close)."""
    global _kept
    if key is None:
        return Pool(stylesheets)
    if _kept is not None and _kept[0] == key and not _kept[1].broken:
        return _kept[1]
    discard_kept()
    _kept = (key, Pool(stylesheets))
    return _kept[1]


def is_kept(pool: Pool) -> bool:
    return _kept is not None and _kept[1] is pool


def discard_kept() -> None:
    """Stop the kept pool (after a failure, once its running stylesheets have finished writing)."""
    global _kept
    if _kept is not None:
        _kept[1].close()
        _kept = None


atexit.register(discard_kept)


# ------------------------------------------------------------------------- in the worker process

#: This worker's compiled stylesheets (or the problems that stopped them compiling), compile time, document.
_sheets = None
_problems: list[Problem] = []
_compiled = 0.0
_document: tuple[int, object] | None = None


def _compile(stylesheets: list[str]) -> None:
    """The pool's initializer: compile every stylesheet once. A stylesheet that does not compile is the
    editor's problem, answered to every task (an initializer that raised would print a traceback)."""
    global _sheets, _problems, _compiled
    import signal

    from .xslt import Stylesheets

    # Ctrl-C reaches every process of the terminal's group: the build process stops the workers itself,
    # once it has decided what to keep, so a worker does not die on it with a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.dup2(2, 1)  # anything printed goes to standard error, as the build's own output is its report
    start = time.process_time()
    _sheets = Stylesheets()
    try:
        for path in stylesheets:
            _sheets.compile(Path(path))
    except EditionError as err:
        _problems = err.problems
    _compiled = time.process_time() - start


def _run(job: Job, stylesheet: str) -> Ran:
    """Run one compiled stylesheet on the job's document (handed to Saxon once per build and worker)."""
    global _document, _compiled
    started = time.monotonic()
    if _problems:
        return Ran(stylesheet, os.getpid(), started, _problems)
    compiled, _compiled = _compiled, 0.0  # said once, with this worker's first stylesheet
    handed = 0.0
    if _document is None or _document[0] != job.build:
        start = time.process_time()
        _document = (job.build, _sheets.document(job.document))
        handed = time.process_time() - start
    start = time.process_time()
    try:
        _sheets.run(Path(stylesheet), _document[1], Path(job.out), job.parameters)
    except EditionError as err:
        return Ran(stylesheet, os.getpid(), started, err.problems)
    return Ran(stylesheet, os.getpid(), started, seconds=time.process_time() - start, compiled=compiled, handed=handed)
