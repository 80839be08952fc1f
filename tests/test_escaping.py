"""Escaping: text and attribute values from the TEI are escaped in every output, exactly once
and whole (issue 6, point 4; issue 15, point 7).

Hostile register entries (tests/fixtures/hostile/register-injection.xml) and a hostile paragraph
are added to a copy of the edition. Each output is then checked for the EXACT form the hostile
strings must take there: escaped once in the HTML source and read back whole by an HTML parser,
decoded whole from JSON, a CSV cell whose formula is neutralised by one leading apostrophe. A
truncated, unescaped or double-escaped string fails. Every file of the build is also inspected by
kind, so outputs added later are covered as they land.
"""
from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import lxml.html
import pytest

from edition.build import build
from edition.project import NS, TEI_NS, XML_ID
from edition.xmlio import parse_file

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"
#: Added after the first paragraph's last element, as text.
TEXT = "=cmd() <script>alert('xss-text')</script> \"q\" & 'a'"
MARKERS = ("xss-name", "xss-description", "alert('geo')", "alert(1)", "xss-text")
FORMULA_START = ("=", "+", "-", "@")
NUMBER = re.compile(r"[+-]?\d+(\.\d+)?([eE][+-]?\d+)?")


def _entries() -> dict[str, dict[str, str]]:
    """The hostile entries' names and descriptions, as text (read from the fixture, not restated)."""
    tree = parse_file(HOSTILE / "register-injection.xml")
    return {entry.get(XML_ID): {"name": "".join(entry.find("*[@type='preferred']").itertext()),
                                "description": "".join(entry.find("t:note[@type='description']", NS).itertext()).strip()}
            for entry in tree.iterfind(".//t:body/*/*", NS)}


ENTRIES = _entries()


def escaped_text(text: str) -> str:
    """``text`` as the HTML and XML serialisers write character data: & < > escaped, once."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@pytest.fixture(scope="module")
def hostile_build(workbench):
    project = workbench()  # a copy of the built edition, where the build reuses the compiled stylesheets
    shutil.copy(HOSTILE / "register-injection.xml", project.registers_dir / "zz-hostile.xml")
    essay = parse_file(project.main_document)
    paragraph = essay.find(".//t:body//t:div/t:p", NS)
    for ref, words in (("#hostile-person", "Mallory"), ("#formula-person", "Calc"), ("#hostile-place", "Here")):
        name = paragraph.makeelement(f"{{{TEI_NS}}}{'placeName' if 'place' in ref else 'persName'}", ref=ref)
        name.text, name.tail = words, " "
        paragraph.append(name)
    paragraph[-1].tail = (paragraph[-1].tail or "") + TEXT
    essay.write(str(project.main_document), encoding="UTF-8", xml_declaration=True)
    with pytest.MonkeyPatch.context() as patch:
        from edition.corpus import load_edition

        patch.setattr("edition.build.require_valid", load_edition)  # the hostile strings are not what validation is about
        build(project)
    return project.build_dir


def files_of(folder: Path, *suffixes: str) -> list[Path]:
    return [p for p in sorted(folder.rglob("*")) if p.is_file() and p.suffix in suffixes]


def test_fixture_strings_are_hostile():
    """The strings under test carry what must be escaped: markup, both quotes, ampersands, formulas."""
    person = ENTRIES["hostile-person"]
    assert person["name"].startswith("=HYPERLINK(") and "<script>" in person["name"]
    assert person["description"].endswith("&amp;") and '"quoted" & ' in person["description"]


# --- HTML: escaped once in the source, read back whole --------------------------------------------

def test_paragraph_text_is_escaped_once_in_the_html_source(hostile_build):
    source = (hostile_build / "html" / "index.html").read_text(encoding="utf-8")
    assert escaped_text(TEXT) in source
    assert TEXT not in source  # not left raw
    assert escaped_text(escaped_text(TEXT)) not in source  # not escaped twice


def test_paragraph_text_reads_back_whole(hostile_build):
    page = lxml.html.fromstring((hostile_build / "html" / "index.html").read_bytes())
    (paragraph,) = page.xpath("//p[@id='p-every-class-stratum']")
    assert TEXT in " ".join(paragraph.text_content().split())


@pytest.mark.parametrize("entry", ["hostile-person", "hostile-place"])
def test_register_page_escapes_name_and_description_once(hostile_build, entry):
    page_name = "places.html" if "place" in entry else "persons.html"
    source = (hostile_build / "html" / page_name).read_text(encoding="utf-8")
    for text in ENTRIES[entry].values():
        assert escaped_text(text) in source, text
        assert escaped_text(escaped_text(text)) not in source, text
    page = lxml.html.fromstring(source.encode())
    (item,) = page.xpath(f"//*[@id='{entry}']")
    content = item.text_content()
    assert ENTRIES[entry]["name"] in content and ENTRIES[entry]["description"] in content


def test_attribute_values_read_back_whole(hostile_build):
    """The mention's tooltip attributes carry the entry's name and description, decoded to exactly the text."""
    page = lxml.html.fromstring((hostile_build / "html" / "index.html").read_bytes())
    (link,) = page.xpath("//a[@href='persons.html#hostile-person']")[:1]
    person = ENTRIES["hostile-person"]
    tips = [value for name, value in link.attrib.items() if name in ("title", "data-tip")]
    assert tips, "the mention carries no description attribute"
    for value in tips:
        assert person["name"] in value and person["description"] in value, value


def test_html_holds_no_markup_from_the_data(hostile_build):
    """Parsed as a browser would, in every page: the data's markup is text, never elements or attributes.

    (Inside a quoted attribute value HTML5 needs only '"' and '&' escaped, so a raw '<' there is fine.)
    """
    pages = files_of(hostile_build, ".html", ".htm")
    assert len(pages) > 3
    for page_path in pages:
        page = lxml.html.fromstring(page_path.read_bytes())
        for script in page.iter("script"):
            body = (script.text or "") + (script.get("src") or "")
            if script.get("type") == "application/ld+json":  # data, not code: JSON that cannot end its element
                assert "<" not in body and json.loads(body), (page_path.name, body)
                continue
            assert not any(m in body for m in MARKERS), (page_path.name, body)
        assert not page.xpath("//img[@src='x'] | //b[. = 'tags']"), page_path.name
        for element in page.iter():
            if not isinstance(element.tag, str):
                continue
            for attribute, value in element.attrib.items():
                assert not attribute.lower().startswith("on"), (page_path.name, element.tag, attribute)
                if attribute in ("href", "src", "action"):
                    assert not "".join(value.split()).lower().startswith("javascript:"), (page_path.name, value)


# --- TEI download, JSON, CSV: the exact decoded value ---------------------------------------------

def test_tei_download_keeps_the_data_as_text(hostile_build):
    downloads = files_of(hostile_build / "html" / "tei", ".xml")
    assert downloads
    for path in downloads:
        tree = parse_file(path)
        assert not tree.xpath("//*[local-name() = 'script']"), path.name
        (paragraph,) = tree.xpath("//t:p[@xml:id='p-every-class-stratum']", namespaces=NS)
        assert "".join(paragraph.itertext()).endswith(TEXT), path.name
        assert escaped_text(TEXT) in path.read_text(encoding="utf-8")


def test_entities_json_holds_the_exact_strings(hostile_build):
    entities = {e["id"]: e for e in json.loads((hostile_build / "index" / "entities.json").read_text(encoding="utf-8"))}
    for ident, expected in ENTRIES.items():
        assert {k: entities[ident][k] for k in ("name", "description")} == expected, ident


def test_geojson_holds_the_exact_strings(hostile_build):
    features = json.loads((hostile_build / "index" / "places.geojson").read_text(encoding="utf-8"))["features"]
    (place,) = [f for f in features if f["id"] == "hostile-place"]
    assert {k: place["properties"][k] for k in ("name", "description")} == ENTRIES["hostile-place"]


def test_every_json_output_parses(hostile_build):
    paths = files_of(hostile_build, ".json", ".geojson", ".jsonld")
    assert len(paths) >= 3
    for path in paths:
        json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name, rdf_format", [("registers.ttl", "turtle"), ("registers.jsonld", "json-ld")])
def test_rdf_holds_the_exact_strings(hostile_build, name, rdf_format):
    from rdflib import Graph, Literal, Namespace

    schema = Namespace("https://schema.org/")
    graph = Graph().parse(hostile_build / "html" / "data" / name, format=rdf_format)
    for ident, expected in ENTRIES.items():
        (subject,) = {s for s in graph.subjects() if str(s).endswith("#" + ident)}
        assert graph.value(subject, schema.name) == Literal(expected["name"]), (name, ident)


def _csv_rows(path: Path) -> dict[str, dict[str, str]]:
    return {row["id"]: row for row in csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")))}


def test_entities_csv_neutralises_formulas_with_one_apostrophe(hostile_build):
    rows = _csv_rows(hostile_build / "index" / "entities.csv")
    for ident, expected in ENTRIES.items():
        for column in ("name", "description"):
            text = expected[column]
            wanted = "'" + text if text.startswith(FORMULA_START) else text  # e.g. '=HYPERLINK(…
            assert rows[ident][column] == wanted, (ident, column)


def test_no_csv_cell_can_be_a_formula(hostile_build):
    paths = files_of(hostile_build, ".csv", ".tsv")
    assert paths
    for path in paths:
        dialect = "excel-tab" if path.suffix == ".tsv" else "excel"
        for row_number, row in enumerate(csv.reader(io.StringIO(path.read_text(encoding="utf-8")), dialect), 1):
            for cell in row:  # a plain number such as -15 (a longitude) cannot run: it may stay as it is
                assert not cell.startswith(FORMULA_START) or NUMBER.fullmatch(cell), \
                    f"{path.name} row {row_number}: formula-like cell {cell!r}"


def test_report_which_outputs_were_inspected(hostile_build):
    """Every file of the build is of a kind this module inspects (or plain text / assets / search index)."""
    inspected = {".html", ".htm", ".json", ".geojson", ".jsonld", ".ttl", ".csv", ".tsv", ".xml"}
    # CITATION.cff holds only the header's words (its quoting: tests/test_citation_cff.py); PDF and EPUB are not
    # built here (tests/test_pdf.py, tests/test_epub.py check what markup-like text becomes in them).
    harmless = {".txt", ".bib", ".ris", ".cff", ".css", ".js", ".svg", ".png", ".woff2", ".pf_meta", ".pf_index",
                ".pf_fragment", ".pagefind", ""}
    unknown = sorted(str(p.relative_to(hostile_build)) for p in hostile_build.rglob("*")
                     if p.is_file() and p.suffix not in inspected | harmless and "pagefind" not in p.parts)
    assert not unknown, f"outputs of a kind the escaping tests do not inspect yet: {unknown}"
