"""Escaping: text and attribute values from the TEI are escaped in every output (issue 6, point 4).

Hostile register entries (tests/fixtures/hostile/register-injection.xml) and a hostile
paragraph are added to a copy of the edition; the test then inspects EVERY file of the
build by kind, so outputs added later (entity JSON, CSV, GeoJSON) are covered as they land:
  *.html          no <script>, event-handler attribute or javascript: URL coming from the data;
  *.json/geojson  parses, and the hostile strings come back intact (escaped, not cut);
  *.csv           parses, and no cell starts with = + - @ (neutralised with a leading ').
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
from edition.project import NS, TEI_NS
from edition.xmlio import parse_file

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"
MARKERS = ("xss-name", "xss-description", "alert('geo')", "alert(1)", "xss-text")
FORMULA_START = ("=", "+", "-", "@")
NUMBER = re.compile(r"[+-]?\d+(\.\d+)?([eE][+-]?\d+)?")


@pytest.fixture
def hostile_build(project_copy, without_validation):
    project_copy.registers_dir.mkdir(parents=True, exist_ok=True)
    shutil.copy(HOSTILE / "register-injection.xml", project_copy.registers_dir / "zz-hostile.xml")
    essay = parse_file(project_copy.main_document)
    paragraph = essay.find(".//t:body//t:div/t:p", NS)
    for ref, words in (("#hostile-person", "Mallory"), ("#formula-person", "Calc"), ("#hostile-place", "Here")):
        name = paragraph.makeelement(f"{{{TEI_NS}}}{'placeName' if 'place' in ref else 'persName'}", ref=ref)
        name.text, name.tail = words, " "
        paragraph.append(name)
    paragraph[-1].tail = (paragraph[-1].tail or "") + "=cmd() <script>alert('xss-text')</script> \"q\" & 'a'"
    essay.write(str(project_copy.main_document), encoding="UTF-8", xml_declaration=True)
    build(project_copy)
    return project_copy.build_dir


def files_of(folder: Path, *suffixes: str) -> list[Path]:
    return [p for p in sorted(folder.rglob("*")) if p.is_file() and p.suffix in suffixes]


def test_hostile_content_reaches_the_build(hostile_build):
    """Guard against a vacuous pass: the injected text is in the outputs (escaped)."""
    html = (hostile_build / "html" / "index.html").read_text(encoding="utf-8")
    assert "xss-text" in html and "xss-description" in html
    text = lxml.html.fromstring(html.encode()).text_content()
    assert "<script>alert('xss-text')</script>" in text  # shown to the reader as the text it is


def test_html_escapes_text_and_attributes(hostile_build):
    """Parsed as a browser would: the data's markup is text, never elements or attributes.

    (Inside a quoted attribute value HTML5 needs only '"' and '&' escaped, so a raw '<' there is fine.)
    """
    for page_path in files_of(hostile_build, ".html", ".htm"):
        page = lxml.html.fromstring(page_path.read_bytes())
        for script in page.iter("script"):
            body = (script.text or "") + (script.get("src") or "")
            assert not any(m in body for m in MARKERS), (page_path.name, body)
        assert not page.xpath("//img[@src='x'] | //b[. = 'tags']"), page_path.name
        for element in page.iter():
            if not isinstance(element.tag, str):
                continue
            for attribute, value in element.attrib.items():
                assert not attribute.lower().startswith("on"), (page_path.name, element.tag, attribute)
                if attribute in ("href", "src", "action"):
                    assert not "".join(value.split()).lower().startswith("javascript:"), (page_path.name, value)


def test_tei_download_keeps_the_data_as_text(hostile_build):
    """The TEI source offered for download: well-formed, and the injected markup is character data."""
    for path in files_of(hostile_build, ".xml"):
        tree = parse_file(path)
        assert not tree.xpath("//*[local-name() = 'script']"), path.name
        assert "<script>alert('xss-text')</script>" in "".join(tree.getroot().itertext()), path.name


def test_json_outputs_parse(hostile_build):
    for path in files_of(hostile_build, ".json", ".geojson"):
        data = json.loads(path.read_text(encoding="utf-8"))
        text = json.dumps(data, ensure_ascii=False)
        for marker in MARKERS:  # present only as whole, decoded strings: nothing cut or double-escaped
            if marker in path.read_text(encoding="utf-8"):
                assert marker in text


def test_csv_cells_cannot_be_formulas(hostile_build):
    for path in files_of(hostile_build, ".csv", ".tsv"):
        dialect = "excel-tab" if path.suffix == ".tsv" else "excel"
        for row_number, row in enumerate(csv.reader(io.StringIO(path.read_text(encoding="utf-8")), dialect), 1):
            for cell in row:  # a plain number such as -15 (a longitude) cannot run: it may stay as it is
                assert not cell.startswith(FORMULA_START) or NUMBER.fullmatch(cell), \
                    f"{path.name} row {row_number}: formula-like cell {cell!r}"


def test_report_which_outputs_were_inspected(hostile_build):
    """Every file of the build is of a kind this module inspects (or plain text / assets / search index)."""
    inspected = {".html", ".htm", ".json", ".geojson", ".csv", ".tsv", ".xml"}
    harmless = {".txt", ".bib", ".ris", ".css", ".js", ".svg", ".png", ".woff2", ".pf_meta", ".pf_index", ".pf_fragment", ".pagefind", ""}
    unknown = sorted(str(p.relative_to(hostile_build)) for p in hostile_build.rglob("*")
                     if p.is_file() and p.suffix not in inspected | harmless and "pagefind" not in p.parts)
    assert not unknown, f"outputs of a kind the escaping tests do not inspect yet: {unknown}"
