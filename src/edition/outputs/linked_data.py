"""The edition described for machines: the registers as RDF, and CITATION.cff.

Both are build steps that run after the stylesheets (``write_X(ctx)``, see ``edition.build``):
``ctx.edition`` is the assembled, validated edition, ``ctx.out`` the staging folder and
``ctx.parameters`` the stylesheet parameters (``base-url``).

The registers are typed with schema.org, as the JSON-LD in every page is (``xslt/common/
linked-data.xsl``); both read each entry element's type from the register kinds' declaration
(``schema-types`` in ``xslt/common/declarations.xsl``, ``edition.declarations``): one vocabulary for search engines, reference managers and RDF tools alike. Groups
of people, for which schema.org has no type, are ``schema:Thing`` with CIDOC-CRM's ``E74_Group``
as ``schema:additionalType``. Every entry is identified by its URL in the edition
(``{base}persons.html#mao-zedong``), linked to its Wikidata, GeoNames and VIAF URIs by
``schema:sameAs``, and mentioned (``schema:mentions``) by the edition when the text points at it.

>>> write_rdf(ctx)            # doctest: +SKIP
['html/data/registers.ttl', 'html/data/registers.jsonld']
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import yaml
from lxml import etree
from rdflib import RDF, XSD, Graph, Literal, Namespace, URIRef

from ..declarations import read_declarations
from ..project import NS, TEI_NS, XML_ID
from ..xmlio import EditionError, Problem

SCHEMA = Namespace("https://schema.org/")
CRM_GROUP = URIRef("http://www.cidoc-crm.org/cidoc-crm/E74_Group")
#: Linked-data URIs of the authorities' identifiers (entities.json keeps the bare identifiers).
AUTHORITY_URIS = {"wikidata": "http://www.wikidata.org/entity/{}", "geonames": "https://sws.geonames.org/{}/",
                  "viaf": "http://viaf.org/viaf/{}"}
#: The JSON-LD context written into registers.jsonld (inline: reading the file fetches nothing).
JSONLD_CONTEXT = {"schema": str(SCHEMA), "xsd": str(XSD)}
RDF_DIR = Path("html") / "data"


def base_url(ctx) -> str:
    """The edition's base URL with its trailing slash: the ``base-url`` parameter, else the header's."""
    url = (ctx.parameters or {}).get("base-url") or "".join(ctx.edition.xpath(
        "/t:TEI/t:teiHeader/t:fileDesc/t:publicationStmt/t:idno[@type='URL'][1]/text()", namespaces=NS)).strip()
    return url if not url or url.endswith("/") else url + "/"


def registers_graph(ctx) -> Graph:
    """The registers as an RDF graph, from the built ``index/entities.json`` and the edition's header."""
    base = base_url(ctx)
    entities = json.loads((Path(ctx.out) / "index" / "entities.json").read_text(encoding="utf-8"))
    elements = {e.get(XML_ID): etree.QName(e).localname for e in ctx.edition.xpath("/t:TEI/t:standOff//*[@xml:id]", namespaces=NS)}
    mentioned = _mentioned(ctx.edition)
    schema_types = read_declarations(ctx.project.xslt_dir).schema_types
    graph = Graph(bind_namespaces="none")
    graph.bind("schema", SCHEMA)
    edition = URIRef(base)
    title = "".join(ctx.edition.xpath("/t:TEI/t:teiHeader/t:fileDesc/t:titleStmt/t:title[@type='main']//text()", namespaces=NS))
    graph.add((edition, RDF.type, SCHEMA.CreativeWork))
    graph.add((edition, SCHEMA.name, Literal(" ".join(title.split()))))
    for entity in entities:
        element = elements.get(entity["id"])
        if element not in schema_types:
            raise EditionError(Problem("index/entities.json", 1, 1, f"register entry {entity['id']!r} has no linked-data type"))
        node = URIRef(base + entity["href"])
        graph.add((node, RDF.type, SCHEMA[schema_types[element]]))
        if element == "personGrp":
            graph.add((node, SCHEMA.additionalType, CRM_GROUP))
        graph.add((node, SCHEMA.identifier, Literal(entity["id"])))
        graph.add((node, SCHEMA.name, Literal(entity["name"])))
        for alias in entity.get("aliases", []):
            graph.add((node, SCHEMA.alternateName, Literal(alias)))
        if entity.get("description"):
            graph.add((node, SCHEMA.description, Literal(entity["description"])))
        for authority, template in AUTHORITY_URIS.items():
            if entity.get(authority):
                graph.add((node, SCHEMA.sameAs, URIRef(template.format(entity[authority]))))
        if entity.get("latitude") is not None and entity.get("longitude") is not None:
            graph.add((node, SCHEMA.latitude, _decimal(entity["latitude"])))
            graph.add((node, SCHEMA.longitude, _decimal(entity["longitude"])))
        if entity.get("parent"):
            parent = next(e for e in entities if e["id"] == entity["parent"])
            graph.add((node, SCHEMA.containedInPlace, URIRef(base + parent["href"])))
        if element == "item":
            graph.add((node, SCHEMA.inDefinedTermSet, URIRef(base + entity["href"].split("#", 1)[0])))
        if entity["id"] in mentioned:
            graph.add((edition, SCHEMA.mentions, node))
    return graph


def _mentioned(edition: etree._ElementTree) -> set[str]:
    """Identifiers the text (essay and comments) points at with @ref, @who or @source."""
    pointers = edition.xpath("/t:TEI/t:text//@ref | /t:TEI/t:text//@who | /t:TEI/t:text//@source", namespaces=NS)
    return {token.removeprefix("#") for value in pointers for token in value.split()}


def _decimal(value) -> Literal:
    """A coordinate as xsd:decimal in its canonical form (24 → 24.0), the same in Turtle and JSON-LD."""
    text = str(value)
    return Literal(text if "." in text else text + ".0", datatype=XSD.decimal)


def write_rdf(ctx) -> list[str]:
    """Write the registers as Turtle and JSON-LD under ``html/data/``; returns the files written.

    Nothing is written while the edition has no base URL (RDF identifiers must be absolute), as
    for the DTS API.
    """
    if not base_url(ctx):
        return []
    graph = registers_graph(ctx)
    folder = Path(ctx.out) / RDF_DIR
    folder.mkdir(parents=True, exist_ok=True)
    turtle = graph.serialize(format="turtle")
    jsonld = graph.serialize(format="json-ld", context=JSONLD_CONTEXT, indent=1, sort_keys=True)
    (folder / "registers.ttl").write_text(turtle, encoding="utf-8")
    (folder / "registers.jsonld").write_text(_sorted_jsonld(jsonld), encoding="utf-8")
    return [str(RDF_DIR / "registers.ttl"), str(RDF_DIR / "registers.jsonld")]


def _sorted_jsonld(text: str) -> str:
    """The JSON-LD with its nodes in identifier order, so that two builds are byte-identical."""
    document = json.loads(text)
    document["@graph"] = sorted(document.get("@graph", []), key=lambda node: node.get("@id", ""))
    return json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


# ---------------------------------------------------------------- CITATION.cff

CFF_FILE = Path("html") / "CITATION.cff"
_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def citation_cff(ctx) -> str:
    """The edition's CITATION.cff (Citation File Format 1.2.0), from the TEI header.

    The text's author and the edition's editors are its authors; the version is the edition's
    ``@n``, the release date its date when the header gives a full one.
    """
    header = ctx.edition.find(f"{{{TEI_NS}}}teiHeader")
    if header is None:  # only an edition built without validation lacks one
        where = str(ctx.project.main_document) if getattr(ctx, "project", None) else "edition"
        raise EditionError(Problem(where, 1, 1, "the edition has no teiHeader, which CITATION.cff is made from"))

    def text(xpath: str) -> str:
        return " ".join("".join(header.xpath(xpath, namespaces=NS)).split())

    from .citations import edition_record  # the authors as the citations name them (one name splitting)

    authors = [{**({"given-names": n["given"]} if "given" in n else {}), "family-names": n["family"]} if "family" in n
               else {"name": n["literal"]} for n in edition_record(ctx.edition).get("author", [])]
    for editor in header.xpath("t:fileDesc/t:titleStmt/t:editor", namespaces=NS):
        authors.append({"name": " ".join("".join(editor.itertext()).split())})
    base = base_url(ctx)
    released = text("t:fileDesc/t:editionStmt/t:edition[1]/t:date/@when") or text("t:fileDesc/t:publicationStmt/t:date/@when")
    fields: list[tuple[str, object]] = [
        ("cff-version", "1.2.0"),
        ("message", "If you use this edition, please cite it as below."),
        ("type", "dataset"),
        ("title", text("t:fileDesc/t:titleStmt/t:title[@type='main']//text()") + ": "
                  + text("t:fileDesc/t:titleStmt/t:title[@type='sub']//text()")),
        ("authors", authors),
        ("version", text("t:fileDesc/t:editionStmt/t:edition[1]/@n")),
        ("date-released", released if _FULL_DATE.match(released) else ""),
        ("url", base),
        ("abstract", text("t:encodingDesc/t:projectDesc/t:p[1]//text()")),
        ("keywords", [" ".join(t.split()) for t in header.xpath("t:profileDesc/t:textClass/t:keywords/t:term/text()", namespaces=NS)]),
    ]
    # PyYAML writes YAML that 1.1 and 1.2 readers alike read back as these strings (it quotes "1.1", dates, "yes").
    return yaml.safe_dump({key: value for key, value in fields if value}, sort_keys=False, allow_unicode=True, width=100)


def write_citation_cff(ctx) -> list[str]:
    """Write ``html/CITATION.cff``; returns the file written."""
    path = Path(ctx.out) / CFF_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(citation_cff(ctx), encoding="utf-8")
    return [str(CFF_FILE)]
