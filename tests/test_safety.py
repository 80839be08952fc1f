"""Safe parsing everywhere, and stylesheets that cannot read files (issue 6, point 1).

Hostile inputs are in tests/fixtures/hostile/. Each is refused (located, exit 1) or
neutralised, and nothing from outside the project (here: /etc/passwd) reaches an output.
"""
from __future__ import annotations

import copy
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from edition.build import build
from edition.project import NS, TEI_NS
from edition.xmlio import EditionError, parse_bytes, parse_file
from edition.xslt import Stylesheets

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"
PASSWD = Path("/etc/passwd").read_text().splitlines()[0]  # "root:x:0:0:…": what must never leak

REFUSED = {
    "xxe.xml": (2, "a DOCTYPE declaration is not allowed"),
    "xxe-parameter-entity.xml": (3, "a DOCTYPE declaration is not allowed"),
    "external-dtd.xml": (2, "a DOCTYPE declaration is not allowed"),
    "billion-laughs.xml": (2, "a DOCTYPE declaration is not allowed"),
    "xinclude.xml": (5, "XInclude is not allowed"),
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_hostile_file_is_refused_located(name):
    line, fragment = REFUSED[name]
    with pytest.raises(EditionError) as caught:
        parse_file(HOSTILE / name)
    (problem,) = caught.value.problems
    assert (problem.line, fragment in problem.message) == (line, True), str(problem)
    assert PASSWD not in str(problem)


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_hostile_file_on_the_command_line(project_copy, run_edition, name):
    result = run_edition(project_copy, "validate", HOSTILE / name)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"{name}:{REFUSED[name][0]}:1: {REFUSED[name][1]}" in result.stderr
    assert PASSWD not in result.output


def test_doctype_is_refused_before_libxml2_reads_anything(monkeypatch):
    """libxml2 opens an external DTD even with load_dtd=False; we must refuse before it parses."""
    monkeypatch.setattr("edition.xmlio.etree.fromstring", lambda *a, **k: pytest.fail("the parser was reached"))
    with pytest.raises(EditionError, match="DOCTYPE"):
        parse_bytes((HOSTILE / "external-dtd.xml").read_bytes(), "external-dtd.xml")


def test_doctype_after_comments_and_bom_is_found():
    data = b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- a -->\n<?pi x?>\n<!DOCTYPE TEI [<!ENTITY a "b">]><TEI/>'
    with pytest.raises(EditionError) as caught:
        parse_bytes(data, "x.xml")
    assert str(caught.value) == ("x.xml:4:1: a DOCTYPE declaration is not allowed: the edition never loads DTDs "
                                 "or entities; remove the <!DOCTYPE …> line")


def test_doctype_text_inside_a_comment_is_harmless():
    tree = parse_bytes(b'<!-- <!DOCTYPE x> --><TEI xmlns="http://www.tei-c.org/ns/1.0"/>', "x.xml")
    assert tree.getroot().tag == f"{{{TEI_NS}}}TEI"


def test_xinclude_stays_inert_even_where_allowed_through():
    """lxml processes XInclude only on xinclude(), which the project never calls: the element is inert."""
    parser_tree = etree.fromstring((HOSTILE / "xinclude.xml").read_bytes(), etree.XMLParser(resolve_entities=False, no_network=True))
    assert PASSWD not in etree.tostring(parser_tree, encoding="unicode")
    source = Path(__file__).resolve().parents[1] / "src" / "edition"
    assert not any(".xinclude(" in p.read_text() for p in source.glob("*.py"))


def test_undeclared_entity_is_not_well_formed():
    with pytest.raises(EditionError, match=r"x.xml:1:\d+: not well-formed XML: &nbsp; is not an XML entity"):
        parse_bytes(b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><p>&nbsp;</p></TEI>', "x.xml")


# --- Saxon cannot read files at run time -----------------------------------------------------

READERS = {
    "doc": "count(doc('/etc/passwd'))",
    "document": "count(document('file:///etc/passwd'))",
    "unparsed-text": "unparsed-text('/etc/passwd')",
    "unparsed-text-lines": "unparsed-text-lines('file:///etc/passwd')[1]",
    "unparsed-text-available": "unparsed-text-available('/etc/passwd')",
    "json-doc": "json-doc('/etc/passwd')",
    "collection": "count(collection('file:///etc/'))",
    "relative-traversal": "unparsed-text('../../../../../../etc/passwd')",
}


@pytest.mark.parametrize("name", sorted(READERS))
def test_stylesheet_cannot_read_files_at_run_time(tmp_path, name):
    """A stylesheet that reads a path (as one taken from the input would) fails, or learns nothing."""
    module = tmp_path / "module.xsl"
    module.write_text('<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
                      '<xsl:variable name="included" select="\'yes\'"/></xsl:stylesheet>')
    entry = tmp_path / "reader.xsl"
    entry.write_text('<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
                     '<xsl:include href="module.xsl"/><xsl:output method="text"/>'
                     f'<xsl:template match="/">{{$included}}:<xsl:value-of select="{READERS[name]}"/></xsl:template>'
                     '</xsl:stylesheet>'.replace("{$included}", '<xsl:value-of select="$included"/>'))
    with Stylesheets() as sheets:
        sheets.compile(entry)  # its xsl:include is read: compiling our own modules still works
        document = sheets.document(b"<x/>")
        try:
            output = sheets.run(entry, document, tmp_path / "out")
        except EditionError as err:
            assert "has been prohibited" in str(err) or "has been disallowed" in str(err), str(err)
            assert PASSWD not in str(err)
        else:  # only the *-available functions may answer, and then only "no"
            assert output == "yes:false", output


def test_the_project_stylesheets_still_compile_and_run(project_copy, without_validation, snapshot):
    build(project_copy)
    assert {"html/index.html", "text/reading.txt", "index/paragraphs.json"} <= set(snapshot(project_copy.build_dir))


def test_compiling_after_saxon_has_a_document_is_refused(tmp_path):
    with Stylesheets() as sheets:
        sheets.document(b"<x/>")
        with pytest.raises(RuntimeError, match="before handing Saxon a document"):
            sheets.compile(Path(__file__).resolve().parents[1] / "xslt" / "text.xsl")


# --- Hostile pointers --------------------------------------------------------------------------

def _inject_hostile_pointers(project) -> None:
    """Copy the hostile fixture's paragraph (javascript: and traversal pointers) into the real essay."""
    hostile = parse_file(HOSTILE / "pointers.xml").find(".//t:p", NS)
    essay = parse_file(project.main_document)
    first = essay.find(".//t:body//t:div/t:p", NS)
    for child in hostile:
        first.append(copy.deepcopy(child))
    essay.write(str(project.main_document), encoding="UTF-8", xml_declaration=True)


def test_hostile_pointers_are_flagged_by_validation(project_copy, run_edition):
    result = run_edition(project_copy, "validate", HOSTILE / "pointers.xml")
    assert result.exit_code == 1 and "Traceback" not in result.output
    for line in (16, 19, 20):  # @ref="javascript:…", @ref="file:///etc/passwd#root", @ref="  javascript:…#p-one"
        assert f"pointers.xml:{line}:" in result.stderr


def test_hostile_pointers_never_become_links_nor_reads(project_copy, without_validation, snapshot):
    _inject_hostile_pointers(project_copy)
    build(project_copy)
    for name, data in snapshot(project_copy.build_dir).items():
        assert PASSWD.encode() not in data, name
        if name.endswith(".html"):
            page = lxml.html.fromstring(data)
            for element in page.iter():
                for attribute in ("href", "src", "action", "formaction", "xlink:href"):
                    value = "".join((element.get(attribute) or "").split()).lower()
                    assert not value.startswith(("javascript:", "data:", "vbscript:", "file:")), (name, value)
                    assert "etc/passwd" not in value, (name, value)
