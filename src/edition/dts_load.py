"""A DTS client's walk of the whole API, and a load test of the served API over it.

:func:`walk` reads a DTS 1.0 API as any client does, from its entry point alone: it expands the
URI templates the responses offer (RFC 6570, with ``uritemplate``) and fetches the root collection,
every member (as itself, its children, its parents), the navigation of every citation tree (``down=1``
and ``down=-1`` from the root, every ``ref``) and the document of every ref; where the entry point's
templates offer ranges (``start``/``end``, Level 1), also every unit with the next one as a range.

``python -m edition.dts_load`` serves a built edition with ``edition api`` (waitress, in a process of
its own), walks it once to learn its URLs, then lets 20 clients request them at random for 30 s and
prints requests per second, the median and 99th-percentile latency, the slowest response and the
errors. It exits 1 if any request failed or took longer than a second.

>>> walk("http://127.0.0.1:8000/api/dts", fetch)     # doctest: +SKIP
[Request(endpoint='entry', url='http://127.0.0.1:8000/api/dts', media_type='application/ld+json'), ...]
"""
from __future__ import annotations

import argparse
import http.client
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

JSON_LD = "application/ld+json"
TEI = "application/tei+xml"


@dataclass(frozen=True)
class Request:
    """One request of the walk: which endpoint, the URL, and the media type its answer must have."""

    endpoint: str
    url: str
    media_type: str


def walk(entry_url: str, fetch: Callable[[Request], bytes]) -> list[Request]:
    """Every request a client makes to read the API at ``entry_url``, in order; ``fetch`` answers each (its body).

    The client knows only the entry point's URL: every other URL is a template it was given, expanded.
    """
    from uritemplate import URITemplate

    done: list[Request] = []

    def get(endpoint: str, url: str, media_type: str = JSON_LD) -> bytes:
        request = Request(endpoint, url, media_type)
        done.append(request)
        return fetch(request)

    entry = json.loads(get("entry", entry_url))
    collection, navigation, document = (URITemplate(entry[name]) for name in ("collection", "navigation", "document"))
    ranges = {"start", "end"} <= set(navigation.variable_names)

    root = json.loads(get("collection", collection.expand()))
    seen: set[str] = set()
    pending = [root["@id"]]
    while pending:
        identifier = pending.pop(0)
        if identifier in seen:
            continue
        seen.add(identifier)
        itself = json.loads(get("collection", collection.expand(id=identifier)))
        for nav in ("children", "parents"):
            members = json.loads(get("collection", collection.expand(id=identifier, nav=nav))).get("member", [])
            pending += [m["@id"] for m in members]
        if itself["@type"] == "Resource":
            _walk_resource(itself, navigation, document, ranges, get)
    return done


def _walk_resource(resource: dict, navigation, document, ranges: bool, get) -> None:
    for tree in resource["citationTrees"]:
        given = {"resource": resource["@id"], **({"tree": tree["identifier"]} if "identifier" in tree else {})}
        get("navigation", navigation.expand(given, down=1))
        units = json.loads(get("navigation", navigation.expand(given, down=-1)))["member"]
        for unit in units:
            get("navigation", navigation.expand(given, ref=unit["identifier"]))
            get("document", document.expand(given, ref=unit["identifier"]), TEI)
        if ranges:
            for unit, following in zip(units, units[1:]):
                pair = {"start": unit["identifier"], "end": following["identifier"]}
                if following["parent"] == unit["parent"]:
                    get("navigation", navigation.expand({**given, **pair}, down=-1))
                    get("document", document.expand({**given, **pair}), TEI)
    get("document", document.expand(resource=resource["@id"]), TEI)


# ---------------------------------------------------------------- load test


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _serve(folder: Path, port: int, log) -> subprocess.Popen:
    """``edition api`` on 127.0.0.1:``port`` in a process of its own, once it answers.

    Its output goes to ``log``, a file: a pipe nobody reads would stop the server once full (waitress
    logs a line whenever requests wait for a thread)."""
    server = subprocess.Popen([sys.executable, "-m", "edition.cli", "api", "--dir", str(folder), "--port", str(port)],
                              stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server
        except OSError:
            if server.poll() is not None:
                log.seek(0)
                raise SystemExit(f"edition api did not start: {log.read().decode()}")
            time.sleep(0.1)
    server.terminate()
    raise SystemExit("edition api did not answer within 30 s")


def _client(port: int, paths: list[str], until: float, seed: int, latencies: list[float], errors: list[str]) -> None:
    """One client: a kept-alive connection, random paths of the walk, one after another, until ``until``."""
    pick = random.Random(seed)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    while time.monotonic() < until:
        path = pick.choice(paths)
        began = time.perf_counter()
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                errors.append(f"{response.status} {path}")
        except (OSError, http.client.HTTPException) as err:
            errors.append(f"{type(err).__name__} {path}")
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        latencies.append(time.perf_counter() - began)
    connection.close()


def load(folder: Path, clients: int = 20, seconds: float = 30.0) -> dict:
    """Serve ``folder`` with ``edition api``, walk it, then ``clients`` clients for ``seconds``: the figures."""
    from urllib.request import urlopen

    port = _free_port()
    log = tempfile.TemporaryFile()
    server = _serve(folder, port, log)
    try:
        def fetch(request: Request) -> bytes:
            with urlopen(request.url) as response:
                return response.read()

        requests = walk(f"http://127.0.0.1:{port}/api/dts", fetch)
        paths = [urlsplit(r.url)._replace(scheme="", netloc="").geturl() for r in requests]
        latencies: list[list[float]] = [[] for _ in range(clients)]
        errors: list[str] = []
        until = time.monotonic() + seconds
        threads = [threading.Thread(target=_client, args=(port, paths, until, n, latencies[n], errors))
                   for n in range(clients)]
        began = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - began
    finally:
        server.terminate()
        server.wait(10)
        log.close()
    every = sorted(t for client in latencies for t in client)
    return {"urls": len(paths), "clients": clients, "seconds": round(elapsed, 1), "requests": len(every),
            "requests_per_second": round(len(every) / elapsed, 1),
            "p50_ms": round(1000 * statistics.median(every), 1),
            "p99_ms": round(1000 * every[min(len(every) - 1, int(0.99 * len(every)))], 1),
            "max_ms": round(1000 * every[-1], 1), "errors": len(errors), "first_errors": errors[:5]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m edition.dts_load", description=__doc__.split("\n\n")[2])
    parser.add_argument("--dir", type=Path, default=Path("build/html"), help="the built edition (default: build/html)")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30.0)
    options = parser.parse_args(argv)
    figures = load(options.dir, options.clients, options.seconds)
    print(json.dumps(figures, indent=2))
    return 0 if figures["errors"] == 0 and figures["max_ms"] <= 1000 else 1


if __name__ == "__main__":
    sys.exit(main())
