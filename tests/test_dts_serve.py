"""The DTS API at Level 1 where a server runs (``edition.dts_api``): through ``edition serve`` over HTTP and
behind waitress (``edition api``), answered from the static API of xslt/dts.xsl. Ranges (``start``/``end``)
in Navigation and Document, ``down``, retired identifiers, the errors DTS 1.0 names, the static files."""
from __future__ import annotations

import json
import threading
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import urlopen

import pytest
from lxml import etree

from edition.dts_api import DtsApp
from edition.project import NS, Project, XML_ID
from edition.serve import make_server
from test_dts import DTS_NS, edition_with_url, run_dts

RETIRED = "p-old-scale-paragraph p-scale-disaster-difficult"


@pytest.fixture(scope="module")
def html(repo_root: Path, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dts-serve")
    run_dts(repo_root, edition_with_url(repo_root), out, retired=RETIRED)
    (out / "html" / "index.html").write_text("<!doctype html><title>x</title>", encoding="utf-8")
    return out / "html"


@pytest.fixture(scope="module")
def served(html: Path):
    server = make_server(html, 0, quiet=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def sections(repo_root: Path) -> dict[str, list[str]]:
    """Each division of the body and of the comments, in order, with its paragraphs (read with lxml)."""
    document = edition_with_url(repo_root)
    divisions = document.xpath("/t:TEI/t:text/t:body/t:div | /t:TEI/t:text/t:back/t:div[@type='comments']/t:div", namespaces=NS)
    return {d.get(XML_ID): [p.get(XML_ID) for p in d.xpath("t:p", namespaces=NS)] for d in divisions}


def get(base: str, endpoint: str, **query) -> tuple[int, str, bytes, dict]:
    url = f"{base}/api/dts/{endpoint}" + (f"?{urlencode(query)}" if query else "")
    try:
        with urlopen(url) as response:
            return response.status, response.headers.get_content_type(), response.read(), dict(response.headers)
    except HTTPError as err:
        return err.code, err.headers.get_content_type(), err.read(), dict(err.headers)


def navigation(base: str, **query) -> dict:
    status, media_type, body, _ = get(base, "navigation", resource="weil-conditions", **query)
    assert (status, media_type) == (200, "application/ld+json"), body
    return json.loads(body)


def identifiers(units: list[dict]) -> list[str]:
    return [u["identifier"] for u in units]


def wrapped(body: bytes) -> etree._Element:
    (wrapper,) = etree.fromstring(body).iter(f"{{{DTS_NS}}}wrapper")
    return wrapper


# ---------------------------------------------------------------- entry point


@pytest.mark.parametrize("path", ["/api/dts", "/api/dts/"])
def test_the_entry_point_offers_ranges_under_the_address_it_is_asked_at(served, path):
    with urlopen(served + path) as response:
        assert response.headers.get_content_type() == "application/ld+json"
        entry = json.loads(response.read())
    assert entry["@type"] == "EntryPoint" and entry["@id"] == served + "/api/dts"
    assert entry["navigation"] == served + "/api/dts/navigation{?resource,ref,start,end,down,tree}"
    assert entry["document"] == served + "/api/dts/document{?resource,ref,start,end,tree,mediaType}"


# ---------------------------------------------------------------- ranges


def test_a_range_of_paragraphs(served, sections):
    paragraphs = sections["urban-proletariat"]
    answer = navigation(served, start=paragraphs[1], end=paragraphs[3], down=-1)
    assert identifiers(answer["member"]) == paragraphs[1:4]
    assert (answer["start"]["identifier"], answer["end"]["identifier"]) == (paragraphs[1], paragraphs[3])
    assert answer["@id"].endswith(f"start={paragraphs[1]}&end={paragraphs[3]}&down=-1")


def test_a_range_across_sections_holds_the_units_between_not_the_section_that_holds_its_end(served, sections):
    first, second = list(sections)[:2]
    answer = navigation(served, start=sections[first][-1], end=sections[second][0], down=-1)
    assert identifiers(answer["member"]) == [sections[first][-1], sections[second][0]]


def test_a_range_of_sections_goes_down_from_its_deeper_end(served, sections):
    names = list(sections)[:3]
    expected = [unit for name in names for unit in [name, *sections[name]]]
    assert identifiers(navigation(served, start=names[0], end=names[2], down=1)["member"]) == expected
    assert identifiers(navigation(served, start=names[0], end=names[2], down=-1)["member"]) == expected
    answer = navigation(served, start=names[0], end=names[2])
    assert "member" not in answer and answer["end"]["identifier"] == names[2]


def test_a_range_of_paragraphs_as_a_document(served, sections):
    paragraphs = sections["urban-proletariat"]
    status, media_type, body, headers = get(served, "document", resource="weil-conditions", start=paragraphs[0], end=paragraphs[2])
    assert (status, media_type) == (200, "application/tei+xml")
    wrapper = wrapped(body)
    assert [c.get(XML_ID) for c in wrapper] == paragraphs[:3]
    assert paragraphs[0] in wrapper.get("start") and paragraphs[2] in wrapper.get("end")
    assert headers["Link"].endswith('/api/dts/collection?id=weil-conditions>; rel="collection"')


def test_a_range_of_sections_as_a_document_holds_the_sections(served, sections):
    names = list(sections)[:2]
    _, _, body, _ = get(served, "document", resource="weil-conditions", start=names[0], end=names[1])
    assert [c.get(XML_ID) for c in wrapped(body)] == names


# ---------------------------------------------------------------- ref, down, tree, retired identifiers


def test_ref_and_down_answer_as_the_static_files_do(served, html: Path, sections):
    static = html / "api" / "dts" / "navigation"
    for path, query in [("weil-conditions;down=1.jsonld", {"down": 1}),
                        ("weil-conditions;down=-1/urban-proletariat.jsonld", {"down": -1, "ref": "urban-proletariat"}),
                        (f"weil-conditions;down=0/{sections['urban-proletariat'][2]}.jsonld", {"down": 0, "ref": sections["urban-proletariat"][2]}),
                        ("weil-conditions/urban-proletariat.jsonld", {"ref": "urban-proletariat"})]:
        expected = json.loads((static / path).read_text(encoding="utf-8"))
        answer = navigation(served, **query)
        assert answer.get("member") == expected.get("member") and answer.get("ref") == expected.get("ref"), path


def test_a_retired_identifier_answers_with_its_successor(served):
    assert navigation(served, ref="p-old-scale-paragraph")["ref"]["identifier"] == "p-scale-disaster-difficult"
    answer = navigation(served, start="p-old-scale-paragraph", end="p-scale-disaster-difficult", down=-1)
    assert identifiers(answer["member"]) == ["p-scale-disaster-difficult"]
    _, _, body, _ = get(served, "document", resource="weil-conditions", ref="p-old-scale-paragraph")
    assert [c.get(XML_ID) for c in wrapped(body)] == ["p-scale-disaster-difficult"]


@pytest.mark.parametrize("endpoint, query, status", [
    ("navigation", {"down": 1}, 400),                                               # no resource
    ("navigation", {"resource": "weil-conditions"}, 400),                            # neither ref, range nor down
    ("navigation", {"resource": "weil-conditions", "down": 0}, 400),                 # siblings of nothing
    ("navigation", {"resource": "weil-conditions", "down": -2}, 400),
    ("navigation", {"resource": "weil-conditions", "down": "two"}, 400),
    ("navigation", {"resource": "weil-conditions", "ref": "introduction", "start": "introduction", "end": "introduction"}, 400),
    ("navigation", {"resource": "weil-conditions", "start": "introduction"}, 400),   # start without end
    ("navigation", {"resource": "weil-conditions", "start": "urban-proletariat", "end": "introduction"}, 400),
    ("navigation", {"resource": "weil-conditions", "ref": "no-such-unit"}, 404),
    ("navigation", {"resource": "weil-conditions", "down": 1, "tree": "no-such-tree"}, 404),
    ("navigation", {"resource": "no-such-text", "down": 1}, 404),
    ("document", {}, 400),
    ("document", {"resource": "weil-conditions", "ref": "introduction", "mediaType": "text/html"}, 404),
    ("document", {"resource": "weil-conditions", "end": "introduction"}, 400),
    ("collection", {"id": "no-such-collection"}, 404),
    ("collection", {"nav": "siblings"}, 400),
])
def test_what_dts_calls_an_error_is_one(served, endpoint, query, status):
    assert get(served, endpoint, **query)[0] == status


# ---------------------------------------------------------------- collection, static files, waitress


def test_the_collection_names_the_root_and_the_text_as_the_static_api_does(served, html: Path):
    status, _, body, _ = get(served, "collection")
    root = json.loads(body)
    static = json.loads((html / "api" / "dts" / "collection.jsonld").read_text(encoding="utf-8"))
    assert (root["@id"], [m["@id"] for m in root["member"]]) == (static["@id"], [m["@id"] for m in static["member"]])
    parents = json.loads(get(served, "collection", id="weil-conditions", nav="parents")[2])
    assert [p["@id"] for p in parents["member"]] == [root["@id"]]


def test_the_static_files_are_still_answered(served):
    status, media_type, body, _ = get(served, "navigation/weil-conditions;down=1.jsonld")
    assert (status, media_type) == (200, "application/ld+json")
    status, media_type, _, _ = get(served, "document/weil-conditions/introduction.xml")
    assert (status, media_type) == (200, "application/tei+xml")



def test_no_path_leads_out_of_the_api_folder(html: Path):
    from wsgiref.util import setup_testing_defaults

    answers = []
    for path in ["/api/dts/../index.html", "/api/dts/../../html/index.html", "/api/dts/collection/../../index.html"]:
        environ = {"PATH_INFO": path}
        setup_testing_defaults(environ)
        DtsApp(html)(environ, lambda status, headers, exc_info=None: answers.append(status))
    assert answers == ["404 Not Found"] * 3


def test_the_same_application_runs_behind_waitress(html: Path, sections):
    import waitress

    server = waitress.create_server(DtsApp(html), host="127.0.0.1", port=0, threads=2)
    threading.Thread(target=server.run, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.effective_port}"
        paragraphs = sections["introduction"]
        answer = navigation(base, start=paragraphs[0], end=paragraphs[-1], down=-1)
        assert identifiers(answer["member"]) == paragraphs
        assert answer["@id"].startswith(base + "/api/dts/navigation?")
    finally:
        server.close()


def test_edition_api_refuses_a_folder_without_a_dts_api(run_edition, repo_root: Path, tmp_path: Path):
    result = run_edition(Project(repo_root), "api", "--dir", str(tmp_path))
    assert result.exit_code == 1
    assert "no DTS API here: run 'edition build' (with a base URL)" in result.output


def test_the_server_reads_a_new_build(html: Path, tmp_path: Path):
    """A rebuild replaces the files (edition serve --watch): the next answer is the new build's."""
    import shutil
    from wsgiref.util import setup_testing_defaults

    copy = tmp_path / "html"
    shutil.copytree(html, copy)
    app = DtsApp(copy)

    def title() -> str:
        environ = {"PATH_INFO": "/api/dts/collection", "QUERY_STRING": "id=weil-conditions"}
        setup_testing_defaults(environ)
        return json.loads(b"".join(app(environ, lambda *a: None)))["title"]

    before = title()
    collection = copy / "api" / "dts" / "collection.jsonld"
    root = json.loads(collection.read_text(encoding="utf-8"))
    root["member"][0]["title"] = "Another title"
    (copy / "new.jsonld").write_text(json.dumps(root), encoding="utf-8")
    (copy / "new.jsonld").replace(collection)
    assert (before, title()) == (json.loads((html / "api" / "dts" / "collection.jsonld").read_text())["member"][0]["title"], "Another title")
