"""Local preview of the built edition over HTTP, on 127.0.0.1 only.

Search needs HTTP (browsers refuse Pagefind's WebAssembly from ``file://``);
everything else also works when the files are opened directly.

>>> server = make_server(Path("build/html"), 0)      # doctest: +SKIP
>>> server.server_address[0]                          # doctest: +SKIP
'127.0.0.1'
"""
from __future__ import annotations

import functools
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HOST = "127.0.0.1"


class EditionHandler(SimpleHTTPRequestHandler):
    """Static files of the edition, with the types Pagefind's files need, and no caching."""

    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".css": "text/css",
        ".json": "application/json",
        ".bib": "application/x-bibtex; charset=utf-8",
        ".wasm": "application/wasm",
        ".pagefind": "application/octet-stream",
        ".pf_meta": "application/octet-stream",
        ".pf_fragment": "application/octet-stream",
        ".pf_index": "application/octet-stream",
        ".pf_filter": "application/octet-stream",
    }

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


class QuietEditionHandler(EditionHandler):
    """The same, without a log line per request (for tests)."""

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the standard library's name)
        return None


def make_server(folder: Path, port: int, quiet: bool = False) -> ThreadingHTTPServer:
    """An HTTP server for ``folder`` on 127.0.0.1:``port`` (0 picks a free port); not yet serving."""
    handler = functools.partial(QuietEditionHandler if quiet else EditionHandler, directory=str(Path(folder).resolve()))
    server = ThreadingHTTPServer((HOST, port), handler)
    server.daemon_threads = True
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
