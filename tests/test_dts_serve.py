"""``edition serve`` answers the static DTS API as a DTS server does: /api/dts is the entry point,
JSON-LD as application/ld+json, documents as application/tei+xml."""
from __future__ import annotations

import json
import threading
from urllib.request import urlopen

import pytest

from edition.serve import make_server


@pytest.fixture
def served(tmp_path):
    api = tmp_path / "api" / "dts"
    (api / "document" / "ed").mkdir(parents=True)
    (api / "index.jsonld").write_text('{"@type": "EntryPoint"}', encoding="utf-8")
    (api / "document" / "ed" / "p-one.xml").write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"/>', encoding="utf-8")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "registers.ttl").write_text("<a:b> <a:c> <a:d> .\n", encoding="utf-8")
    (tmp_path / "index.html").write_text("<!doctype html><title>x</title>", encoding="utf-8")
    server = make_server(tmp_path, 0, quiet=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("path", ["/api/dts", "/api/dts/", "/api/dts/index.jsonld"])
def test_the_entry_point_is_answered_as_json_ld(served, path):
    with urlopen(served + path) as response:
        assert response.headers["Content-Type"] == "application/ld+json"
        assert json.loads(response.read())["@type"] == "EntryPoint"


def test_a_dts_document_is_served_as_tei(served):
    with urlopen(served + "/api/dts/document/ed/p-one.xml") as response:
        assert response.headers["Content-Type"] == "application/tei+xml"


def test_the_registers_turtle_is_served_as_turtle(served):
    with urlopen(served + "/data/registers.ttl") as response:
        assert response.headers["Content-Type"] == "text/turtle; charset=utf-8"
