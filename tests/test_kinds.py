"""Register kinds are declared once (xslt/common/declarations.xsl): a kind added there (and its name to the labels),
reaches every output and the name check: its page, the navigation, the highlight switch, the entities data,
the Schematron's entry rules, the RDF with its schema.org type, the search records with their part, the encoding
manual and the print index's kinds. The fixture project is written to a temporary folder with a copy of the
stylesheets whose declaration gains the kind "nym" (TEI listNym/nym, named by form)."""
from __future__ import annotations

import csv
import io
import json
import shutil
from types import SimpleNamespace
from pathlib import Path

import pytest
from lxml import etree, html
from rdflib import RDF, Graph, URIRef

from edition.corpus import load_edition
from edition.outputs.linked_data import SCHEMA, write_rdf
from edition.checks.names import check_names
from edition.project import Project
from xslt_support import ENTRY_POINTS, HEADER, TEI, run_entry_points

NYMS = f"""<TEI xmlns="{TEI}"><teiHeader>{HEADER}</teiHeader><text><body><listNym>
  <nym xml:id="nym-laobaixing"><form>laobaixing</form><note type="description">The common people.</note></nym>
  <nym xml:id="nym-unused"><form>ganbu</form></nym>
</listNym></body></text></TEI>"""

ESSAY = f"""<TEI xmlns="{TEI}" xml:lang="en"><teiHeader>{HEADER}</teiHeader><text><body>
  <div xml:id="intro"><p xml:id="p-one">The <rs ref="#nym-laobaixing">laobaixing</rs> wait.</p>
  <p xml:id="p-two">Again the laobaixing wait.</p></div>
</body></text></TEI>"""

KIND = ('<ed:kind name="nym" list="listNym" elements="nym" schema-types="DefinedTerm" page="nyms.html" search-part="nyms"'
        ' index="yes" title="kind.nym" highlight="#eeeeee"/>')
PART = '<ed:search-part name="nyms" label="search-part.nyms"/>'
#: The kind's and the part's names are printed words: the labels file holds them (xslt/labels/en.xml).
LABELS = '<label key="kind.nym">Nyms</label><label key="search-part.nyms">Nyms</label>'



@pytest.fixture(scope="module")
def project(tmp_path_factory, repo_root) -> Project:
    root = tmp_path_factory.mktemp("kinds")
    shutil.copytree(repo_root / "xslt", root / "xslt")
    declarations = root / "xslt" / "common" / "declarations.xsl"
    text = declarations.read_text(encoding="utf-8")
    text = text.replace("\n      <!-- The children of an entry", f"\n      {KIND}\n      <!-- The children of an entry", 1)
    text = text.replace('<ed:names elements="', '<ed:names elements="form ', 1)
    text = text.replace('<ed:search-part name="about"', f'{PART}\n      <ed:search-part name="about"', 1)
    declarations.write_text(text, encoding="utf-8")
    labels = root / "xslt" / "labels" / "en.xml"
    labels.write_text(labels.read_text(encoding="utf-8").replace("</labels>", LABELS + "</labels>"), encoding="utf-8")
    (root / "edition" / "registers").mkdir(parents=True)
    (root / "edition" / "conditions.xml").write_text(ESSAY, encoding="utf-8")
    (root / "edition" / "registers" / "nyms.xml").write_text(NYMS, encoding="utf-8")
    return Project(root)


@pytest.fixture(scope="module")
def out(project, tmp_path_factory, repo_root) -> Path:
    schema = {"schema-rng": (repo_root / "schema" / "edition.rng").read_text(encoding="utf-8"),
              "schema-sch": (repo_root / "schema" / "edition.sch").read_text(encoding="utf-8")}
    return run_entry_points(project.root, tmp_path_factory.mktemp("kinds-out"), (*ENTRY_POINTS, "encoding.xsl"),
                            parameters=schema, xslt=project.xslt_dir)


def test_the_new_kind_has_its_register_page_with_its_entry(out):
    entry = html.fromstring((out / "html" / "nyms.html").read_bytes()).get_element_by_id("nym-laobaixing")
    assert entry.get("class") == "entry k-nym"
    assert entry.xpath(".//p[contains(@class, 'mentions')]//a/@href") == ["index.html#p-one"]


def test_every_page_lists_the_new_register_in_its_navigation(out):
    for name in ("index.html", "nyms.html", "voices.html", "figures.html", "search.html"):
        nav = html.fromstring((out / "html" / name).read_bytes()).xpath("//nav[@aria-label='Edition']//a/@href")
        assert "nyms.html" in nav, name
        assert "persons.html" not in nav, f"{name}: the fixture has no persons, so no persons page to link"
    assert not (out / "html" / "persons.html").exists()


def test_a_mention_of_the_new_kind_links_to_its_page_with_its_class(out):
    link = html.fromstring((out / "html" / "index.html").read_bytes()).xpath("//p[@id='p-one']/a[contains(@class, 'entity')]")[0]
    assert (link.get("href"), link.get("class")) == ("nyms.html#nym-laobaixing", "entity rs k-nym")


def test_the_highlight_switch_offers_the_new_kind_and_colours_it(out):
    index = html.fromstring((out / "html" / "index.html").read_bytes())
    assert "nyms" in index.xpath("//form[@class='highlight-switch']//input/@value")
    assert "highlight.css" in index.xpath("//head/link[@rel='stylesheet']/@href")
    assert "body:has(#hl-nyms:checked) .k-nym" in (out / "html" / "highlight.css").read_text(encoding="utf-8")


def test_the_data_files_give_the_new_kind(out):
    data = {e["id"]: e for e in json.loads((out / "index" / "entities.json").read_text(encoding="utf-8"))}
    assert (data["nym-laobaixing"]["kind"], data["nym-laobaixing"]["name"], data["nym-laobaixing"]["href"]) == (
        "nym", "laobaixing", "nyms.html#nym-laobaixing")
    rows = list(csv.DictReader(io.StringIO((out / "index" / "entities.csv").read_text(encoding="utf-8"), newline="")))
    assert [(r["id"], r["kind"]) for r in rows] == [("nym-unused", "nym"), ("nym-laobaixing", "nym")]  # by name: ganbu, laobaixing


def test_the_name_check_knows_the_new_kind_and_its_name_element(project):
    messages = [str(p) for p in check_names(project)]
    assert len(messages) == 1 and 'untagged name of #nym-laobaixing: "laobaixing"' in messages[0]


def test_the_declaration_gives_the_schema_its_entry_pattern(repo_root):
    from edition.declarations import read_declarations

    assert read_declarations(repo_root / "xslt").entry_pattern() == (
        "t:listPerson/t:person | t:listPerson/t:personGrp | t:listPlace//t:place | t:listOrg/t:org"
        " | t:listEvent/t:event | t:listBibl/t:bibl | t:list[@type='glossary']/t:item")


def test_the_schematron_entry_rules_follow_the_declaration(repo_root):
    """schema/edition.sch is as `python -m edition.declarations` writes it: run that after adding a kind."""
    from edition.declarations import read_declarations, schematron_with_entry_contexts

    schematron = (repo_root / "schema" / "edition.sch").read_text(encoding="utf-8")
    assert schematron_with_entry_contexts(schematron, read_declarations(repo_root / "xslt")) == schematron


def test_a_declared_kind_reaches_the_schematron_entry_rules(project, repo_root):
    """Positive control: with the kind "nym" declared, both entry rules (described, mentioned) cover its entries."""
    from edition.declarations import read_declarations, schematron_with_entry_contexts

    schematron = (repo_root / "schema" / "edition.sch").read_text(encoding="utf-8")
    generated = schematron_with_entry_contexts(schematron, read_declarations(project.xslt_dir))
    assert generated != schematron and generated.count(" | t:listNym/t:nym") == 2


def test_the_rdf_types_the_new_kind_by_its_declared_schema_org_type(project, out):
    """The RDF step (edition.outputs.linked_data.write_rdf) run on the build: the entry typed as declared, nowhere else."""
    ctx = SimpleNamespace(project=project, edition=load_edition(project).document, out=out,
                          parameters={"base-url": "https://example.org/e/"})
    write_rdf(ctx)
    graph = Graph().parse(out / "html" / "data" / "registers.ttl", format="turtle")
    assert (URIRef("https://example.org/e/nyms.html#nym-laobaixing"), RDF.type, SCHEMA.DefinedTerm) in graph
    page = html.fromstring((out / "html" / "index.html").read_bytes())
    jsonld = json.loads(page.xpath("//script[@type='application/ld+json']/text()")[0])
    assert {"@type": "DefinedTerm", "name": "laobaixing"}.items() <= next(
        m for m in jsonld["mentions"] if m["@id"].endswith("#nym-laobaixing")).items()


def test_the_search_records_file_the_new_kind_under_its_declared_part(out):
    records = [r for f in sorted((out / "search").glob("records-*.json"))
               for r in json.loads(f.read_text(encoding="utf-8"))]
    nym = [r for r in records if r["url"] == "nyms.html#nym-laobaixing"]
    assert len(nym) == 1 and nym[0]["part"] == ["nyms"] and "laobaixing" in nym[0]["title"]
    search = html.fromstring((out / "html" / "search.html").read_bytes())
    assert "pagefind/nyms/" in search.xpath("//fieldset[@id='search-filters']//input/@data-index")


def test_the_encoding_manual_lists_the_new_kind(out):
    manual = html.fromstring((out / "html" / "encoding.html").read_bytes())
    row = manual.get_element_by_id("kind-nym")
    assert [" ".join(c.text_content().split()) for c in row] == ["Nyms", "<listNym>", "<nym>", "DefinedTerm", "nyms.html"]
    assert manual.xpath("//*[@id='element-nym']"), "the element used is documented"


def test_the_schematron_checks_the_new_kind_s_entries_as_loaded(project, repo_root):
    """validate loads the rules with the declared entries: the unmentioned nym is reported, with no edit of edition.sch."""
    from edition.checks.validate import _schematron

    rules = _schematron(repo_root / "schema" / "edition.sch", project.xslt_dir)
    rules.validate(load_edition(project).document)
    messages = " ".join(rules.validation_report.xpath("//svrl:text/text()", namespaces={"svrl": "http://purl.oclc.org/dsdl/svrl"}))
    assert "register entry 'nym-unused' (nym) is not mentioned" in messages
    assert "nym-laobaixing" not in messages


def test_the_print_index_kinds_come_from_the_declaration(project, tmp_path):
    """The PDF's index lists the kinds declared index="yes": ed:index-kinds of the layer, which the print reads."""
    probe = project.xslt_dir / "probe-index-kinds.xsl"
    probe.write_text("""<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
      xmlns:ed="urn:weil-edition:xslt"><xsl:import href="common/common.xsl"/>
      <xsl:template match="/"><xsl:result-document href="index-kinds.txt" method="text"><xsl:value-of
        select="$ed:index-kinds"/></xsl:result-document></xsl:template></xsl:stylesheet>""", encoding="utf-8")
    try:
        run_entry_points(project.root, tmp_path, ("probe-index-kinds.xsl",), xslt=project.xslt_dir)
    finally:
        probe.unlink()
    assert (tmp_path / "index-kinds.txt").read_text(encoding="utf-8").split() == ["person", "place", "org", "event", "work", "term", "nym"]
