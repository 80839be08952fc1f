"""Linked data: the schema.org JSON-LD of every page (xslt/common/linked-data.xsl) and the registers as
RDF (src/edition/linked_data.py), parsed back and counted against the registers."""
from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from lxml import etree
from rdflib import RDF, Graph, URIRef

from edition.build import run_stylesheets
from edition.corpus import load_edition
from edition.declarations import read_declarations
from edition.linked_data import CRM_GROUP, SCHEMA, write_rdf
from edition.project import NS, Project, TEI_NS, XML_ID

from xslt_support import ROOT, Node, call, tei

BASE = "https://weil-edition.example.org/"
LAYER = "html-layer.xsl"
#: The schema.org type of each register entry element, as the register kinds declare it (declarations.xsl).
SCHEMA_TYPES = read_declarations(ROOT / "xslt").schema_types
ENTRIES = "/t:TEI/t:standOff//*[" + " or ".join(f"self::t:{tag}" for tag in SCHEMA_TYPES) + "][@xml:id]"


def with_url(document: etree._ElementTree, url: str = BASE) -> etree._ElementTree:
    """The document with ``idno type="URL"`` in its header (if it has none yet)."""
    publication = document.find(f"{{{TEI_NS}}}teiHeader/{{{TEI_NS}}}fileDesc/{{{TEI_NS}}}publicationStmt")
    if publication.find(f"{{{TEI_NS}}}idno[@type='URL']") is None:
        etree.SubElement(publication, f"{{{TEI_NS}}}idno", type="URL").text = url
    return document


@pytest.fixture(scope="module")
def edition(repo_root: Path) -> etree._ElementTree:
    return with_url(load_edition(Project(repo_root)).document)


@pytest.fixture(scope="module")
def base(edition) -> str:
    url = edition.xpath("string(//t:publicationStmt/t:idno[@type='URL'])", namespaces=NS).strip()
    return url if url.endswith("/") else url + "/"


@pytest.fixture(scope="module")
def page_jsonld(edition) -> dict:
    return json.loads(call(LAYER, "page-jsonld-text", Node(etree.tostring(edition, encoding="unicode"))))


@pytest.fixture(scope="module")
def built(repo_root: Path, edition, tmp_path_factory) -> SimpleNamespace:
    out = tmp_path_factory.mktemp("rdf")
    run_stylesheets(Project(repo_root), etree.tostring(edition, encoding="UTF-8"), out, {"retired": "", "base-url": ""})
    ctx = SimpleNamespace(project=Project(repo_root), edition=edition, out=out, parameters={"base-url": ""})
    ctx.files = write_rdf(ctx)
    return ctx


def element_of(edition) -> dict[str, str]:
    return {e.get(XML_ID): etree.QName(e).localname for e in edition.xpath(ENTRIES, namespaces=NS)}


# ---------------------------------------------------------------- JSON-LD in the pages


def test_the_page_describes_the_edition_with_author_publisher_and_version(page_jsonld: dict, edition, base: str):
    assert page_jsonld["@context"] == "https://schema.org" and page_jsonld["@type"] == "CreativeWork"
    assert page_jsonld["@id"] == base
    assert page_jsonld["author"] == [{"@type": "Person", "@id": base + "persons.html#robert-weil", "name": "Robert Weil"}]
    assert page_jsonld["publisher"]["name"] == edition.xpath("normalize-space(//t:publicationStmt/t:publisher)", namespaces=NS)
    assert page_jsonld["version"] == edition.xpath("string(//t:editionStmt/t:edition/@n)", namespaces=NS)


def test_the_page_mentions_every_entry_the_text_points_at_and_no_other(page_jsonld: dict, edition, base: str):
    pointed = set()
    for attribute in ("ref", "who", "source"):
        for value in edition.xpath(f"/t:TEI/t:text//@{attribute}", namespaces=NS):
            pointed.update(v.removeprefix("#") for v in value.split())
    entries = element_of(edition)
    mentioned = {m["@id"].split("#", 1)[1] for m in page_jsonld["mentions"]}
    assert mentioned == pointed & set(entries)
    assert all(m["@id"].startswith(base) for m in page_jsonld["mentions"])


def test_mentions_are_typed_as_the_rdf_types_them(page_jsonld: dict, edition):
    entries = element_of(edition)
    for mention in page_jsonld["mentions"]:
        assert mention["@type"] == SCHEMA_TYPES[entries[mention["@id"].split("#", 1)[1]]], mention


def test_authority_identifiers_become_sameas_uris(page_jsonld: dict, edition):
    mao = next(m for m in page_jsonld["mentions"] if m["@id"].endswith("#mao-zedong"))
    qid = edition.xpath("string(//t:person[@xml:id='mao-zedong']/t:idno[@type='wikidata'])", namespaces=NS)
    assert mao["sameAs"] == [f"http://www.wikidata.org/entity/{qid}"]
    geonames = [u for m in page_jsonld["mentions"] for u in m.get("sameAs", []) if "geonames" in u]
    assert geonames and all(u.startswith("https://sws.geonames.org/") and u.endswith("/") for u in geonames)


def test_a_group_of_people_is_a_cidoc_crm_group(page_jsonld: dict):
    groups = [m for m in page_jsonld["mentions"] if m["@id"].split("#", 1)[1].startswith("grp-")]
    assert groups and all(g["@type"] == "Thing" and g["additionalType"] == str(CRM_GROUP) for g in groups)


def test_no_string_can_close_the_script_element():
    xml = tei('<div xml:id="d"><p xml:id="p-x">A <persName ref="#evil">name</persName>.</p></div>',
              stand_off='<listPerson><person xml:id="evil"><persName>&lt;/script&gt;&lt;b&gt;</persName></person></listPerson>')
    text = call(LAYER, "page-jsonld-text", Node(xml))
    assert "</script" not in text and "<" not in text
    assert json.loads(text)["mentions"][0]["name"] == "</script><b>"


# ---------------------------------------------------------------- RDF of the registers


@pytest.mark.parametrize("name, fmt", [("registers.ttl", "turtle"), ("registers.jsonld", "json-ld")])
def test_every_register_entry_is_in_the_rdf_typed_and_identified_by_its_url(built, name: str, fmt: str, base: str):
    graph = Graph().parse(Path(built.out) / "html" / "data" / name, format=fmt)
    entries = element_of(built.edition)
    typed = {}
    for kind in set(SCHEMA_TYPES.values()):
        for subject in graph.subjects(RDF.type, SCHEMA[kind]):
            if subject != URIRef(base):
                typed[str(subject)] = kind
    assert len(typed) == len(entries) > 250
    for ident, element in entries.items():
        url = next(u for u in typed if u.endswith("#" + ident))
        assert url.startswith(base) and typed[url] == SCHEMA_TYPES[element]
    groups = set(graph.subjects(SCHEMA.additionalType, CRM_GROUP))
    assert len(groups) == sum(1 for e in entries.values() if e == "personGrp")


def test_the_rdf_links_to_authorities_and_says_what_the_edition_mentions(built, base: str):
    graph = Graph().parse(Path(built.out) / "html" / "data" / "registers.ttl", format="turtle")
    idnos = built.edition.xpath("/t:TEI/t:standOff//t:idno[@type='wikidata' or @type='geonames' or @type='viaf']", namespaces=NS)
    assert len(list(graph.triples((None, SCHEMA.sameAs, None)))) == len(idnos)
    mao = URIRef(base + "persons.html#mao-zedong")
    assert (URIRef(base), SCHEMA.mentions, mao) in graph
    assert (mao, SCHEMA.sameAs, None) in graph


def test_the_two_rdf_files_hold_the_same_graph(built):
    folder = Path(built.out) / "html" / "data"
    turtle = Graph().parse(folder / "registers.ttl", format="turtle")
    jsonld = Graph().parse(folder / "registers.jsonld", format="json-ld")
    assert len(turtle) == len(jsonld) > 1000
    assert set(turtle) == set(jsonld)


def test_the_rdf_is_written_the_same_twice(built):
    folder = Path(built.out) / "html" / "data"
    first = {n: (folder / n).read_bytes() for n in ("registers.ttl", "registers.jsonld")}
    write_rdf(built)
    assert first == {n: (folder / n).read_bytes() for n in first}


def test_without_a_base_url_no_rdf_is_written(built, tmp_path: Path):
    edition = etree.ElementTree(etree.fromstring(etree.tostring(built.edition)))
    for idno in edition.xpath("//t:publicationStmt/t:idno[@type='URL']", namespaces=NS):
        idno.getparent().remove(idno)
    ctx = SimpleNamespace(project=built.project, edition=edition, out=tmp_path, parameters={"base-url": ""})
    assert write_rdf(ctx) == [] and not (tmp_path / "html").exists()


def test_the_rdf_and_the_pages_agree_on_what_the_edition_mentions(built, page_jsonld: dict, base: str):
    graph = Graph().parse(Path(built.out) / "html" / "data" / "registers.ttl", format="turtle")
    assert {str(o) for o in graph.objects(URIRef(base), SCHEMA.mentions)} == {m["@id"] for m in page_jsonld["mentions"]}


def test_a_kind_without_a_schema_org_type_for_each_element_is_refused_with_its_line(tmp_path: Path):
    """The type is declared once, with the kind: a declaration that leaves an element untyped is a located error."""
    from edition.errors import EditionError

    (tmp_path / "common").mkdir()
    text = (ROOT / "xslt" / "common" / "declarations.xsl").read_text(encoding="utf-8")
    broken = text.replace('schema-types="Person Thing"', 'schema-types="Person"', 1)
    assert broken != text
    (tmp_path / "common" / "declarations.xsl").write_text(broken, encoding="utf-8")
    with pytest.raises(EditionError) as caught:
        read_declarations(tmp_path)
    problem = caught.value.problems[0]
    line = next(i for i, l in enumerate(broken.splitlines(), 1) if 'schema-types="Person"' in l)
    assert (problem.line, "one schema-types token per element") == (line, problem.message[problem.message.index("one"):][:34])
