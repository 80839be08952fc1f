"""The DTS 1.0 API at Level 1 (ranges), a WSGI application over a built edition's static API.

The static API (``xslt/dts.xsl``, ``html/api/dts/``) is Level 0: a static host cannot answer ``start``/
``end``, since every range would be a file. Where a server runs (``edition serve``; ``edition api``,
waitress, in production) this application answers every valid call: ``/api/dts`` (the entry point),
``/api/dts/collection``, ``/api/dts/navigation`` and ``/api/dts/document`` with query parameters (``id``,
``nav``, ``resource``, ``ref``, ``start``, ``end``, ``down``, ``tree``, ``mediaType``). Any other path
under ``/api/dts/`` is the static API's file, so every URL the static API gave out keeps working.

It reads the static API once (and again when the build changes): every text's Resource, every unit
of every citation tree in document order (the root's ``down=-1`` navigation), each unit as TEI
(``document/KEY/REF.xml``), the whole text, and the retired identifiers (a navigation file named for
a retired identifier holds its successor). It computes only what the files cannot hold: ranges, and
the URLs of its own responses, under the address it is asked at (or ``base_url``). Identifiers
(Collection, Resource, CitableUnit) are the static API's, so both APIs name everything alike.

>>> app = DtsApp(Path("build/html"))                        # doctest: +SKIP
>>> import waitress; waitress.serve(app, port=8080)         # doctest: +SKIP
"""
from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, quote
from wsgiref.util import application_uri

from lxml import etree

from .errors import EditionError, Problem
from .xmlio import safe_parser

#: Where the API lives on the site, and its files in the build's html/ folder.
API_PATH = "/api/dts"
DTS_CONTEXT = "https://dtsapi.org/context/v1.0.json"
DTS_VERSION = "1.0"
DTS_NS = "https://w3id.org/api/dts#"
JSON_LD = "application/ld+json"
TEI = "application/tei+xml"
MEDIA_TYPES = {".jsonld": JSON_LD, ".xml": TEI}
#: What a Navigation response says of its Resource (as the static API's do): no metadata, no totals.
NAVIGATION_RESOURCE_LEAVES_OUT = {"dublinCore", "extensions", "description", "totalParents", "totalChildren", "download"}


class BadRequest(Exception):
    """A call DTS answers with 400 (bad parameters) or 404 (nothing by that identifier)."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


@dataclass
class Tree:
    """One citation tree of a text: its units in document order, with what answers a request in one look-up."""

    identifier: str | None
    units: list[dict]
    position: dict[str, int]
    #: Index just past the last descendant of each unit (its subtree is units[i:end[i]]).
    end: list[int]
    #: Retired identifier -> the unit it now names.
    successors: dict[str, str]

    @classmethod
    def read(cls, identifier: str | None, units: list[dict], successors: dict[str, str]) -> "Tree":
        end = [len(units)] * len(units)
        open_units: list[int] = []
        for i, unit in enumerate(units):
            while open_units and units[open_units[-1]]["level"] >= unit["level"]:
                end[open_units.pop()] = i
            open_units.append(i)
        return cls(identifier, units, {u["identifier"]: i for i, u in enumerate(units)}, end, successors)

    def find(self, asked: str, name: str) -> int:
        """The position of the unit ``asked`` names (itself, or the successor of a retired identifier)."""
        position = self.position.get(self.successors.get(asked, asked))
        if position is None:
            raise BadRequest(404, f"{name} {asked!r} is no unit of this citation tree")
        return position

    def below(self, at: int, down: int) -> list[dict]:
        """The units under ``at``, ``down`` levels down (-1: all); ``at`` itself when nothing is below."""
        level = self.units[at]["level"]
        found = [u for u in self.units[at + 1:self.end[at]] if down < 0 or u["level"] - level <= down]
        return found or [self.units[at]]

    def siblings(self, at: int) -> list[dict]:
        parent = self.units[at]["parent"]
        return [u for u in self.units if u["parent"] == parent]

    def from_root(self, down: int) -> list[dict]:
        return [u for u in self.units if down < 0 or u["level"] <= down]

    def span(self, start: int, end: int) -> range:
        """The positions of a range: from ``start`` to the end of ``end``'s subtree, in document order.

        ``end``'s ancestors (before it in document order, but reaching past it) are not in the range."""
        if end < start or start < end < self.end[start]:
            raise BadRequest(400, "start must come before end in document order, and must not contain it")
        return range(start, self.end[end])

    def in_range(self, start: int, end: int, down: int | None) -> list[dict]:
        span = self.span(start, end)
        ancestors = set(self._ancestors(end))
        deepest = max(self.units[start]["level"], self.units[end]["level"])
        return [self.units[i] for i in span if i not in ancestors and (down < 0 or self.units[i]["level"] <= deepest + down)]

    def top_of_range(self, start: int, end: int) -> list[dict]:
        """The units of a range that no other unit of it holds: what the Document endpoint returns."""
        span = self.span(start, end)
        ancestors = set(self._ancestors(end))
        inside = {self.units[i]["identifier"] for i in span if i not in ancestors}
        return [self.units[i] for i in span if i not in ancestors and self.units[i]["parent"] not in inside]

    def _ancestors(self, at: int):
        parent = self.units[at]["parent"]
        while parent is not None:
            at = self.position[parent]
            yield at
            parent = self.units[at]["parent"]


@dataclass
class Text:
    """One text of the edition: its Resource (as the static API describes it) and its citation trees."""

    key: str
    resource: dict
    trees: dict[str | None, Tree]


@dataclass
class Edition:
    """What the static API says: the root Collection and the texts, by identifier."""

    folder: Path
    root: dict
    texts: dict[str, Text]
    stamp: tuple


def _json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _without_urls(value: dict) -> dict:
    """A Collection or Resource object without the static API's URLs (the server gives its own)."""
    return {k: v for k, v in value.items()
            if k not in {"@context", "dtsVersion", "member", "collection", "navigation", "document", "download"}}


def _stamp(folder: Path) -> tuple:
    """Changes when the build is replaced (a new build is a new folder, written in one swap)."""
    status = (folder / "collection.jsonld").stat()
    return status.st_ino, status.st_mtime_ns


def read_edition(folder: Path) -> Edition:
    """The static API under ``folder`` (``html/api/dts``) as the server answers from it."""
    if not (folder / "collection.jsonld").is_file():
        raise EditionError(Problem(str(folder), 0, 0, "no DTS API here: run 'edition build' (with a base URL)"))
    stamp = _stamp(folder)
    root = _json(folder / "collection.jsonld")
    texts = {}
    for member in root.get("member", []):
        key = member["@id"]
        trees = {}
        for tree in member.get("citationTrees", []):
            identifier = tree.get("identifier")
            name = key + (f";tree={identifier}" if identifier else "")
            units = _json(folder / "navigation" / f"{name};down=-1.jsonld")["member"]
            known = {u["identifier"] for u in units}
            successors = {path.stem: _json(path)["ref"]["identifier"]
                          for path in sorted((folder / "navigation" / name).glob("*.jsonld")) if path.stem not in known}
            trees[identifier] = Tree.read(identifier, units, successors)
        texts[key] = Text(key, _without_urls(member), trees)
    return Edition(folder, _without_urls(root), texts, stamp)


class DtsApp:
    """The WSGI application: ``DtsApp(build/html)``; ``base_url`` fixes the address its URLs start with."""

    def __init__(self, html: Path, base_url: str | None = None):
        self.folder = Path(html) / API_PATH.strip("/")
        self.base_url = base_url.rstrip("/") if base_url else None
        self._edition: Edition | None = None
        self._lock = threading.Lock()

    def edition(self) -> Edition:
        """The static API as it is now: read again after a rebuild (``edition serve --watch``)."""
        edition = self._edition
        if edition is None or edition.stamp != _stamp(self.folder):
            with self._lock:
                if self._edition is None or self._edition.stamp != _stamp(self.folder):
                    self._edition = read_edition(self.folder)
                edition = self._edition
        return edition

    # ------------------------------------------------------------ WSGI

    def __call__(self, environ: dict, start_response):
        path = environ.get("PATH_INFO", "") or "/"
        try:
            if environ["REQUEST_METHOD"] not in {"GET", "HEAD"}:
                raise BadRequest(405, "the DTS API answers GET and HEAD only")
            if not (self.folder / "collection.jsonld").is_file():
                raise BadRequest(404, "this build has no DTS API (the edition has no base URL)")
            endpoint = path.removeprefix(API_PATH).strip("/")
            if not path.startswith(API_PATH) or path[len(API_PATH):len(API_PATH) + 1] not in {"", "/"}:
                raise BadRequest(404, "not part of the DTS API")
            answer = self._answer(endpoint, environ)
        except BadRequest as err:
            answer = (err.status, "text/plain; charset=utf-8", (str(err) + "\n").encode(), [])
        status, media_type, body, extra = answer
        reason = {200: "OK", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed"}[status]
        start_response(f"{status} {reason}", [("Content-Type", media_type), ("Content-Length", str(len(body))),
                                              ("Access-Control-Allow-Origin", "*"), *extra])
        return [b"" if environ["REQUEST_METHOD"] == "HEAD" else body]

    def _answer(self, endpoint: str, environ: dict) -> tuple[int, str, bytes, list]:
        api = self._api_url(environ)
        if endpoint == "":
            return self._json(self._entry(api))
        if endpoint in {"collection", "navigation", "document"}:
            query = self._query(environ)
            edition = self.edition()
            if endpoint == "collection":
                return self._json(self._collection(edition, api, query))
            if endpoint == "navigation":
                return self._json(self._navigation(edition, api, query, self._request_url(environ, api)))
            return self._document(edition, api, query)
        return self._static_file(endpoint)

    def _api_url(self, environ: dict) -> str:
        return (self.base_url or application_uri(environ).rstrip("/")) + API_PATH

    @staticmethod
    def _request_url(environ: dict, api: str) -> str:
        """The absolute URL of this request, query included (a Navigation's @id)."""
        path = quote(environ.get("PATH_INFO", "")[len(API_PATH):])
        query = environ.get("QUERY_STRING", "")
        return api + path + (f"?{query}" if query else "")

    @staticmethod
    def _query(environ: dict) -> dict[str, str]:
        values = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
        twice = [name for name, given in values.items() if len(given) > 1]
        if twice:
            raise BadRequest(400, f"parameter {twice[0]!r} given more than once")
        return {name: given[0] for name, given in values.items()}

    @staticmethod
    def _json(value: dict) -> tuple[int, str, bytes, list]:
        top = {"@context": DTS_CONTEXT, "dtsVersion": DTS_VERSION, **value}
        return 200, JSON_LD, json.dumps(top, ensure_ascii=False, indent=2).encode("utf-8"), []

    def _static_file(self, relative: str) -> tuple[int, str, bytes, list]:
        """A file of the static API: every URL it gave out is answered by the server too."""
        path = (self.folder / relative).resolve()
        if not path.is_relative_to(self.folder.resolve()) or not path.is_file() or path.suffix not in MEDIA_TYPES:
            raise BadRequest(404, "no such DTS endpoint or file")
        return 200, MEDIA_TYPES[path.suffix], path.read_bytes(), []

    # ------------------------------------------------------------ endpoints

    @staticmethod
    def _entry(api: str) -> dict:
        return {"@id": api, "@type": "EntryPoint",
                "collection": api + "/collection{?id,nav}",
                "navigation": api + "/navigation{?resource,ref,start,end,down,tree}",
                "document": api + "/document{?resource,ref,start,end,tree,mediaType}"}

    @staticmethod
    def _root(edition: Edition, api: str) -> dict:
        return {**edition.root, "collection": f"{api}/collection?id={quote(edition.root['@id'], safe='')}{{&nav}}"}

    @staticmethod
    def _resource(text: Text, api: str) -> dict:
        key = quote(text.key, safe="")
        return {**text.resource,
                "collection": f"{api}/collection?id={key}{{&nav}}",
                "navigation": f"{api}/navigation?resource={key}{{&ref,start,end,down,tree}}",
                "document": f"{api}/document?resource={key}{{&ref,start,end,tree,mediaType}}",
                "download": f"{api}/document?resource={key}"}

    def _collection(self, edition: Edition, api: str, query: dict) -> dict:
        nav = query.get("nav", "children")
        if nav not in {"children", "parents"}:
            raise BadRequest(400, "nav is 'children' or 'parents'")
        identifier = query.get("id") or edition.root["@id"]
        root = self._root(edition, api)
        if identifier == edition.root["@id"]:
            members = [self._resource(t, api) for t in edition.texts.values()] if nav == "children" else []
            return {**root, "member": members}
        text = edition.texts.get(identifier)
        if text is None:
            raise BadRequest(404, f"no collection or resource {identifier!r}")
        return {**self._resource(text, api), "member": [root] if nav == "parents" else []}

    @staticmethod
    def _text_and_tree(edition: Edition, query: dict) -> tuple[Text, Tree | None]:
        if not query.get("resource"):
            raise BadRequest(400, "resource is required")
        text = edition.texts.get(query["resource"])
        if text is None:
            raise BadRequest(404, f"no resource {query['resource']!r}")
        tree_id = query.get("tree") or None
        if tree_id not in text.trees:
            if tree_id is None and not text.trees:
                return text, None
            raise BadRequest(404, f"resource {text.key!r} has no citation tree {tree_id!r}")
        return text, text.trees[tree_id]

    @staticmethod
    def _reference(query: dict) -> tuple[str | None, str | None, str | None]:
        ref, start, end = (query.get(name) or None for name in ("ref", "start", "end"))
        if ref and (start or end):
            raise BadRequest(400, "ref is not used with start and end")
        if bool(start) != bool(end):
            raise BadRequest(400, "start and end go together")
        return ref, start, end

    def _navigation(self, edition: Edition, api: str, query: dict, url: str) -> dict:
        text, tree = self._text_and_tree(edition, query)
        ref, start, end = self._reference(query)
        down = query.get("down")
        try:
            down = None if down in {None, ""} else int(down)
        except ValueError:
            raise BadRequest(400, "down is a whole number, -1 or more") from None
        if down is not None and down < -1:
            raise BadRequest(400, "down is a whole number, -1 or more")
        if down is None and not (ref or start):
            raise BadRequest(400, "ask for a ref, a range (start and end) or a depth (down)")
        if down == 0 and not ref:
            raise BadRequest(400, "down=0 (the siblings of a unit) needs a ref")
        resource = {k: v for k, v in self._resource(text, api).items() if k not in NAVIGATION_RESOURCE_LEAVES_OUT}
        answer = {"@id": url, "@type": "Navigation", "resource": resource}
        if tree is None:  # a text without citation tree: every call answers nothing
            return {**answer, "member": []}
        if ref:
            at = tree.find(ref, "ref")
            answer["ref"] = tree.units[at]
            if down is not None:
                answer["member"] = tree.siblings(at) if down == 0 else tree.below(at, down)
        elif start:
            first, last = tree.find(start, "start"), tree.find(end, "end")
            tree.span(first, last)
            answer["start"], answer["end"] = tree.units[first], tree.units[last]
            if down is not None:
                answer["member"] = tree.in_range(first, last, down)
        else:
            answer["member"] = tree.from_root(down)
        return answer

    def _document(self, edition: Edition, api: str, query: dict) -> tuple[int, str, bytes, list]:
        text, tree = self._text_and_tree(edition, query)
        if query.get("mediaType") not in {None, "", TEI}:
            raise BadRequest(404, f"resource {text.key!r} is available as {TEI} only")
        ref, start, end = self._reference(query)
        link = [("Link", f'<{api}/collection?id={quote(text.key, safe="")}>; rel="collection"')]
        folder = self.folder / "document"
        if not (ref or start):
            return 200, TEI, (folder / f"{text.key}.xml").read_bytes(), link
        if tree is None:
            raise BadRequest(404, f"resource {text.key!r} has no citation tree")
        units = folder / (text.key + (f";tree={tree.identifier}" if tree.identifier else ""))
        if ref:
            unit = tree.units[tree.find(ref, "ref")]
            return 200, TEI, (units / f"{unit['identifier']}.xml").read_bytes(), link
        first, last = tree.find(start, "start"), tree.find(end, "end")
        chunks = [self._chunk(units, u["identifier"]) for u in tree.top_of_range(first, last)]
        return 200, TEI, self._range_document(chunks, self._chunk(units, tree.units[last]["identifier"])), link

    @staticmethod
    def _chunk(folder: Path, identifier: str) -> etree._Element:
        return etree.parse(str(folder / f"{identifier}.xml"), safe_parser()).getroot()

    @staticmethod
    def _range_document(chunks: list[etree._Element], last: etree._Element) -> bytes:
        """The first unit's TEI with every unit of the range in its dts:wrapper, which says where the range
        starts and ends (the XPaths of the units' own wrappers)."""
        def wrapper(chunk: etree._Element) -> etree._Element:
            return next(chunk.iter(f"{{{DTS_NS}}}wrapper"))

        document, start = chunks[0], wrapper(chunks[0])
        for chunk in chunks[1:]:
            start.extend(list(wrapper(chunk)))
        start.set("start", start.attrib.pop("ref", ""))
        start.set("end", wrapper(last).get("ref", ""))
        return etree.tostring(document, xml_declaration=True, encoding="UTF-8")


def serve_api(html: Path, host: str, port: int, base_url: str | None = None, threads: int = 8) -> None:
    """Serve the DTS API of the build in ``html`` with waitress on ``host``:``port`` until interrupted."""
    import waitress

    app = DtsApp(html, base_url)
    app.edition()  # a build without an API is the user's to fix, before any request
    try:
        server = waitress.create_server(app, host=host, port=port, threads=threads, ident="edition")
    except OSError as err:
        raise EditionError(Problem(f"{host}:{port}", 0, 0, f"port {port} cannot be opened ({err.strerror}): choose another with --port")) from None
    print(f"DTS API (Level 1) at http://{host}:{server.effective_port}{API_PATH} (Ctrl-C to stop)", flush=True)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
