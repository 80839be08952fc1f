"""Local preview of the built edition over HTTP, on 127.0.0.1 only.

Search needs HTTP (browsers refuse Pagefind's WebAssembly from ``file://``);
everything else also works when the files are opened directly. ``/api/dts`` and everything
under it is the DTS API at Level 1 (``edition.dts_api``, the WSGI application ``edition api``
runs in production), answered from the build's static API.

With a :class:`LiveReload` (``edition serve --watch``, see ``edition.watch``), every
HTML page is sent with a small script added before ``</body>`` (in the response
only: the built files never hold it). The script listens to
``/__edition__/events`` (server-sent events): after a successful rebuild it reloads
the page it shows; after a failed one it shows the problems over the page, which
stays the last good build. ``/__edition__/status`` answers the same as JSON.

>>> server = make_server(Path("build/html"), 0)      # doctest: +SKIP
>>> server.server_address[0]                          # doctest: +SKIP
'127.0.0.1'
"""
from __future__ import annotations

import errno
import functools
import json
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from .dts_api import API_PATH, DtsApp
from .errors import EditionError, Problem

HOST = "127.0.0.1"
#: Folders of build/ beside html/ that the pages link to (``../pdf/…``), served as if inside it.
BESIDE_HTML = ("pdf", "epub")
#: Where the live-reload endpoints live (a path no edition page uses).
LIVE_PREFIX = "/__edition__/"
#: Seconds between keep-alive comments on an idle event stream.
KEEPALIVE = 15.0


class LiveReload:
    """The outcome of the latest rebuild, for the pages being shown: a version number and its problems."""

    def __init__(self) -> None:
        self.version = 0
        self.problems: list[str] = []
        self._changed = threading.Condition()
        self.closed = False

    def state(self) -> dict:
        with self._changed:
            return {"version": self.version, "problems": list(self.problems)}

    def publish(self, problems: list[str]) -> None:
        """A rebuild finished: without problems, pages reload; with problems, they show them."""
        with self._changed:
            self.version += 1
            self.problems = list(problems)
            self._changed.notify_all()

    def wait(self, since: int, timeout: float) -> dict | None:
        """The state once its version differs from ``since`` (None after ``timeout`` seconds or once closed)."""
        with self._changed:
            self._changed.wait_for(lambda: self.version != since or self.closed, timeout)
            if self.version == since or self.closed:
                return None
            return {"version": self.version, "problems": list(self.problems)}

    def close(self) -> None:
        with self._changed:
            self.closed = True
            self._changed.notify_all()


#: Added to every HTML page served while watching. No network, no library; the problems are set as text.
LIVE_SCRIPT = """<script>/* edition serve --watch: live reload (added by the preview server, not part of the build) */
(() => {
  const show = (problems) => {
    let box = document.getElementById("edition-live-problems");
    if (!problems.length) { if (box) box.remove(); return; }
    if (!box) {
      box = document.createElement("div");
      box.id = "edition-live-problems";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:1rem 1rem auto 1rem;z-index:2147483647;max-height:80vh;overflow:auto;"
        + "background:#fff5f5;color:#600;border:2px solid #c00;padding:1rem;font:14px/1.4 monospace;white-space:pre-wrap";
      document.body.appendChild(box);
    }
    box.textContent = "The last edit does not build; this page is the last good build.\\n\\n" + problems.join("\\n");
  };
  const source = new EventSource("/__edition__/events?since=__VERSION__");
  source.addEventListener("build", (event) => {
    const state = JSON.parse(event.data);
    if (state.problems.length) show(state.problems); else location.reload();
  });
  show(__PROBLEMS__);
})();
</script>"""


def live_script(state: dict) -> str:
    # json.dumps escapes nothing HTML-special: "</" must not close the script element.
    problems = json.dumps(state["problems"]).replace("</", "<\\/")
    return LIVE_SCRIPT.replace("__VERSION__", str(state["version"])).replace("__PROBLEMS__", problems)


class EditionHandler(SimpleHTTPRequestHandler):
    """Static files of the edition, with the types Pagefind's files need, and no caching."""

    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".css": "text/css",
        ".json": "application/json",
        ".jsonld": "application/ld+json",
        ".ttl": "text/turtle; charset=utf-8",
        ".bib": "application/x-bibtex; charset=utf-8",
        ".epub": "application/epub+zip",
        ".wasm": "application/wasm",
        ".pagefind": "application/octet-stream",
        ".pf_meta": "application/octet-stream",
        ".pf_fragment": "application/octet-stream",
        ".pf_index": "application/octet-stream",
        ".pf_filter": "application/octet-stream",
    }
    #: Set on a subclass when serving with ``--watch``.
    live: LiveReload | None = None

    def translate_path(self, path: str) -> str:
        bare = path.split("?", 1)[0].split("#", 1)[0]
        top = bare.lstrip("/").split("/", 1)[0]
        if top in BESIDE_HTML and not (Path(self.directory) / top).exists():
            # The book editions sit beside html/ in build/ (pages link ../pdf/, ../epub/): serve them too.
            served = super().translate_path(path)
            return str(Path(self.directory).parent / Path(served).relative_to(self.directory))
        return super().translate_path(path)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def do_GET(self) -> None:
        if self._is_dts():
            return self._run_wsgi(self.server.dts_app)
        if self.live is not None:
            path = urlsplit(self.path).path
            if path.startswith(LIVE_PREFIX):
                return self._live_endpoint(path[len(LIVE_PREFIX):])
            page = Path(self.translate_path(self.path))
            if page.is_dir():
                page = page / "index.html"
            if path.endswith(("/", ".html")) and page.suffix == ".html" and page.is_file():
                return self._send_live_page(page)
        return super().do_GET()

    def do_HEAD(self) -> None:
        if self._is_dts():
            return self._run_wsgi(self.server.dts_app)
        return super().do_HEAD()

    def _is_dts(self) -> bool:
        path = urlsplit(self.path).path
        return path == API_PATH or path.startswith(API_PATH + "/")

    def _run_wsgi(self, app) -> None:
        """Answer with a WSGI application: the same code that answers behind waitress in production."""
        parts = urlsplit(self.path)
        host, port = self.server.server_address[:2]
        environ = {"REQUEST_METHOD": self.command, "SCRIPT_NAME": "", "PATH_INFO": unquote(parts.path),
                   "QUERY_STRING": parts.query, "SERVER_NAME": host, "SERVER_PORT": str(port),
                   "HTTP_HOST": self.headers.get("Host", f"{host}:{port}"), "SERVER_PROTOCOL": self.request_version,
                   "wsgi.version": (1, 0), "wsgi.url_scheme": "http", "wsgi.input": self.rfile, "wsgi.errors": sys.stderr,
                   "wsgi.multithread": True, "wsgi.multiprocess": False, "wsgi.run_once": False}
        answer: list = []

        def start_response(status: str, headers: list, exc_info=None):
            answer[:] = [status, headers]

        body = b"".join(app(environ, start_response))
        status, headers = answer
        self.send_response(int(status.split(" ", 1)[0]), status.split(" ", 1)[1])
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _send_live_page(self, page: Path) -> None:
        html = page.read_text(encoding="utf-8")
        script = live_script(self.live.state())
        at = html.rfind("</body>")
        html = html[:at] + script + html[at:] if at >= 0 else html + script
        self._send(200, "text/html; charset=utf-8", html.encode("utf-8"))

    def _live_endpoint(self, name: str) -> None:
        if name == "status":
            return self._send(200, "application/json", json.dumps(self.live.state()).encode())
        if name != "events":
            return self.send_error(404)
        query = parse_qs(urlsplit(self.path).query)
        try:
            since = int(query.get("since", ["-1"])[0])
        except ValueError:
            since = -1
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        if since < 0:
            since = self.live.state()["version"]
        try:
            while not self.live.closed:
                state = self.live.wait(since, KEEPALIVE)
                if state is None:
                    self.wfile.write(b": keep-alive\n\n")
                else:
                    since = state["version"]
                    self.wfile.write(f"event: build\ndata: {json.dumps(state)}\n\n".encode())
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the page went away
        self.close_connection = True

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class QuietEditionHandler(EditionHandler):
    """The same, without a log line per request (for tests)."""

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the standard library's name)
        return None


def make_server(folder: Path, port: int, quiet: bool = False, live: LiveReload | None = None) -> ThreadingHTTPServer:
    """An HTTP server for ``folder`` on 127.0.0.1:``port`` (0 picks a free port); not yet serving.

    A port already in use, or one this user may not open, is the user's to change: an EditionError.
    """
    base = QuietEditionHandler if quiet else EditionHandler
    handler_class = type("LiveEditionHandler", (base,), {"live": live}) if live else base
    handler = functools.partial(handler_class, directory=str(Path(folder).resolve()))
    try:
        server = ThreadingHTTPServer((HOST, port), handler)
    except OSError as err:
        why = {errno.EADDRINUSE: "is already in use (another server is running there?): stop it, or",
               errno.EACCES: "may not be opened by this user:"}.get(err.errno, f"cannot be opened ({err.strerror}):")
        raise EditionError(Problem(f"{HOST}:{port}", 0, 0, f"port {port} {why} choose another with --port")) from None
    server.daemon_threads = True
    server.dts_app = DtsApp(Path(folder))
    return server


def serve_forever(folder: Path, port: int) -> None:
    """Serve ``folder`` on http://127.0.0.1:``port``/ until interrupted (Ctrl-C)."""
    server = make_server(folder, port)
    host, real_port = server.server_address[:2]
    print(f"Serving {folder} at http://{host}:{real_port}/ (Ctrl-C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
