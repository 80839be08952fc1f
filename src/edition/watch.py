"""``edition serve --watch``: rebuild on save, reload the browser, show the problems of a bad edit.

:class:`LiveServer` builds the edition, serves ``build/html`` on 127.0.0.1 with the
live-reload script of ``edition.serve``, and watches the build's inputs (``edition/``,
``xslt/``, ``schema/``) with the ``watchfiles`` library (native file events, changes
grouped until the editor has finished saving). Each batch of changes rebuilds:

- the build succeeds: it has been swapped into place, and every open page reloads itself;
- the build fails: its problems are printed (``file:line:col: message``) and shown over
  every open page, while the last good build stays in place and is still served.

>>> with LiveServer(Project(Path(".")), port=8000) as live:   # doctest: +SKIP
...     live.wait_forever()
"""
from __future__ import annotations

import threading
from collections.abc import Callable

import watchfiles

from .build import build
from .project import Project
from .serve import LiveReload, make_server
from .xmlio import EditionError

#: Milliseconds without a new change before a batch is rebuilt (an editor's save is several writes).
QUIET_MS = 100
#: Milliseconds at most that changes are gathered before rebuilding.
DEBOUNCE_MS = 1600


class LiveServer:
    """Serve the project's build with live reload, and rebuild it when its inputs change."""

    def __init__(self, project: Project, port: int = 8000, parameters: dict | None = None, quiet: bool = False,
                 say: Callable[[str], None] = print) -> None:
        self.project = project
        self.parameters = parameters or {}
        self.say = say
        self.live = LiveReload()
        self.builds = 0  # rebuilds attempted since start (successful or not)
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._ready = threading.Event()
        self._rebuild()  # before serving: the first page shown is a fresh build (or the last good one)
        if not (project.build_dir / "html" / "index.html").exists():
            raise EditionError(self._last_error or [])
        self.server = make_server(project.build_dir / "html", port, quiet=quiet, live=self.live)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/"

    def __enter__(self) -> "LiveServer":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def start(self) -> None:
        """Serve and watch, each in a thread of its own; returns once the watcher is listening."""
        for target in (self.server.serve_forever, self._watch):
            thread = threading.Thread(target=target, daemon=True)
            thread.start()
            self._threads.append(thread)
        self._ready.wait(10)

    def stop(self) -> None:
        self._stop.set()
        self.live.close()
        self.server.shutdown()
        self.server.server_close()
        for thread in self._threads:
            thread.join(timeout=5)

    def wait_forever(self) -> None:
        """Until Ctrl-C."""
        self.say(f"Serving {self.project.build_dir / 'html'} at {self.url}, rebuilding on every change (Ctrl-C to stop)")
        try:
            self._stop.wait()
        except KeyboardInterrupt:
            pass

    _last_error: list | None = None

    def _rebuild(self) -> None:
        try:
            report = build(self.project, parameters=self.parameters)
        except EditionError as err:
            self._last_error = err.problems
            problems = [str(p) for p in err.problems]
            self.say("\n".join(problems) + f"\nnot rebuilt: {len(problems)} problem(s); still serving the last good build")
            self.live.publish(problems)
        else:
            self._last_error = None
            self.say("up to date" if report.up_to_date else f"rebuilt: {len(report.files)} files")
            self.live.publish([])
        finally:
            self.builds += 1

    def _watch(self) -> None:
        folders = [str(f) for f in self.project.input_folders() if f.is_dir()]
        # The watcher starts listening on the first iteration: its first (empty) batch, after
        # ``rust_timeout``, says it is listening.
        changes = watchfiles.watch(*folders, stop_event=self._stop, debounce=DEBOUNCE_MS, step=QUIET_MS,
                                   yield_on_timeout=True, rust_timeout=200)
        for batch in changes:
            self._ready.set()
            if self._stop.is_set():
                return
            if batch:
                self._rebuild()
