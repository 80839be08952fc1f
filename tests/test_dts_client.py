"""A DTS client walks the whole API over HTTP, from the entry point alone, expanding the templates it is
given (``uritemplate``, RFC 6570): against ``edition serve`` (Level 1) and against the static files on a
plain static file server (Level 0). Every response validates against the DTS JSON Schemas and has the
right media type; every Collection and Resource identifier is a plain string a template can carry."""
from __future__ import annotations

import functools
import json
import re
import threading
from collections import Counter
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urlsplit
from urllib.request import urlopen

import pytest
from lxml import etree
from uritemplate import URITemplate

from edition.build import build
from edition.dts_load import Request, walk
from edition.project import Project, TEI_NS
from edition.serve import make_server
from test_dts import DTS_NS, expected_units, needs_schemas, validator

pytestmark = needs_schemas

#: RFC 3986's unreserved characters: a value a path segment carries as it is.
PLAIN = re.compile(r"[A-Za-z0-9._~-]+")
SCHEMA = {"entry": "entry_response", "collection": "collection_response", "navigation": "navigation_response"}


class StaticHost(SimpleHTTPRequestHandler):
    """What any static host can be told: media types by extension, and a folder's index file."""

    extensions_map = {**SimpleHTTPRequestHandler.extensions_map,
                      ".jsonld": "application/ld+json", ".xml": "application/tei+xml"}
    index = "index.jsonld"

    def translate_path(self, path: str) -> str:
        local = super().translate_path(path)
        if path.split("?", 1)[0].endswith("/") and (Path(local) / self.index).is_file():
            return str(Path(local) / self.index)
        return local

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the standard library's name)
        return None


def _start(server: ThreadingHTTPServer) -> str:
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="module")
def site(repo_root: Path, tmp_path_factory):
    """The edition built once (no books, no search) for a static host on a free port, that host serving it."""
    out = tmp_path_factory.mktemp("dts-client") / "build"
    host = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(StaticHost, directory=str(out / "html")))
    origin = f"http://127.0.0.1:{host.server_address[1]}"
    build(Project(repo_root), out, parameters={"base-url": origin + "/", "ids": False}, search=False)
    _start(host)
    yield out / "html", origin
    host.shutdown()
    host.server_close()


@pytest.fixture(scope="module")
def served(site):
    """``edition serve`` over the same build, on another free port."""
    server = make_server(site[0], 0, quiet=True)
    yield _start(server)
    server.shutdown()
    server.server_close()


@functools.lru_cache(maxsize=None)
def _validator(name: str):
    return validator(name)


class Client:
    """Fetches for the walk, checking each answer as it comes; keeps the JSON answers by URL."""

    def __init__(self, origin: str):
        self.origin = origin
        self.json: dict[str, dict] = {}
        self.documents: dict[str, etree._Element] = {}

    def __call__(self, request: Request) -> bytes:
        assert request.url.startswith(self.origin + "/"), f"the walk left the API it was given: {request.url}"
        try:
            with urlopen(request.url) as response:
                body = response.read()
                media_type = response.headers.get_content_type()
        except HTTPError as err:
            raise AssertionError(f"{request.endpoint}: {request.url} answered {err.code}") from None
        assert media_type == request.media_type, (request.url, media_type)
        if request.media_type == "application/tei+xml":
            root = etree.fromstring(body, etree.XMLParser(resolve_entities=False, no_network=True))
            assert root.tag == f"{{{TEI_NS}}}TEI", request.url
            self.documents[request.url] = root
            return body
        value = json.loads(body)
        errors = [e.message for e in _validator(SCHEMA[request.endpoint]).iter_errors(value)]
        assert not errors, (request.url, errors[:3])
        self.json[request.url] = value
        return body


def _check_walk(origin: str, repo_root: Path) -> tuple[Client, list[Request]]:
    """Walk the API at ``origin`` as a client does, checking every answer; then check what the walk saw."""
    client = Client(origin)
    requests = walk(origin + "/api/dts", client)
    tree, _ = expected_units(repo_root)
    entry = client.json[origin + "/api/dts"]
    assert entry["@id"].startswith(origin + "/")

    collections = [client.json[r.url] for r in requests if r.endpoint == "collection"]
    identifiers = {c["@id"] for c in collections} | {m["@id"] for c in collections for m in c.get("member", [])}
    assert all(PLAIN.fullmatch(i) for i in identifiers), identifiers
    (resource,) = {c["@id"]: c for c in collections if c["@type"] == "Resource"}.values()
    assert resource["@id"] == "weil-conditions"

    navigations = [(r.url, client.json[r.url]) for r in requests if r.endpoint == "navigation"]
    for url, answer in navigations:
        assert answer["@id"] == url, "a Navigation's @id is the URL it was asked at"
        assert answer["resource"]["@id"] == resource["@id"]
    assert [a["ref"]["identifier"] for _, a in navigations if "ref" in a] == tree, "every ref once, in document order"

    # The Resource's own templates lead where the entry point's do, given the Resource's identifier.
    assert URITemplate(resource["navigation"]).expand(ref=tree[1], down=1) == \
        URITemplate(entry["navigation"]).expand(ref=tree[1], down=1, resource=resource["@id"])
    assert URITemplate(resource["document"]).expand(ref=tree[1]) == \
        URITemplate(entry["document"]).expand(ref=tree[1], resource=resource["@id"])

    whole = URITemplate(entry["document"]).expand(resource=resource["@id"])
    for r in requests:
        if r.endpoint == "document" and r.url != whole:
            (wrapper,) = client.documents[r.url].iter(f"{{{DTS_NS}}}wrapper")
            assert len(wrapper), r.url
    return client, requests


@pytest.fixture(scope="module")
def static_walk(site, repo_root: Path):
    return _check_walk(site[1], repo_root)


@pytest.fixture(scope="module")
def served_walk(served, repo_root: Path):
    return _check_walk(served, repo_root)


def test_a_client_walks_the_static_files_on_a_plain_static_host(static_walk, repo_root: Path):
    counts = Counter(r.endpoint for r in static_walk[1])
    tree, _ = expected_units(repo_root)
    # the root without an identifier, then the root and the text, each as itself, its children, its parents
    assert counts == {"entry": 1, "collection": 7, "navigation": 2 + len(tree), "document": len(tree) + 1}, counts


def test_a_client_walks_edition_serve_with_ranges(served_walk, repo_root: Path):
    client, requests = served_walk
    counts = Counter(r.endpoint for r in requests)
    tree, _ = expected_units(repo_root)
    ranges = [client.json[r.url] for r in requests if r.endpoint == "navigation" and "start=" in r.url]
    assert counts["navigation"] == 2 + len(tree) + len(ranges) and ranges, counts
    for answer in ranges:
        members = [m["identifier"] for m in answer["member"]]
        assert members[0] == answer["start"]["identifier"] and answer["end"]["identifier"] in members
    print("walk of edition serve:", dict(counts))


def test_the_entry_point_says_which_level_it_serves(static_walk, served_walk, site, served):
    def variables(client: Client, name: str) -> set[str]:
        return set(URITemplate(client.json[client.origin + "/api/dts"][name]).variable_names)

    for name in ("navigation", "document"):
        assert {"start", "end"} <= variables(served_walk[0], name)
        assert not {"start", "end"} & variables(static_walk[0], name)


def test_both_apis_give_the_same_identifiers(static_walk, served_walk):
    def identifiers(client: Client) -> set[tuple[str, str]]:
        return {(v["@type"], v["@id"]) for v in client.json.values() if v.get("@type") in {"Collection", "Resource"}}

    def units(client: Client) -> list[dict]:
        return max((v["member"] for v in client.json.values() if v.get("@type") == "Navigation" and "member" in v), key=len)

    assert identifiers(static_walk[0]) == identifiers(served_walk[0])
    assert units(static_walk[0]) == units(served_walk[0])
