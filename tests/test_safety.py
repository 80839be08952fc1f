"""Safe parsing everywhere, and stylesheets that cannot read files (issue 6, point 1).

Hostile inputs are in tests/fixtures/hostile/. Each is refused (located, exit 1) or
neutralised, and nothing from outside the project (here: /etc/passwd) reaches an output.
"""
from __future__ import annotations

import copy
from pathlib import Path

import lxml.html
import pytest

from edition.build import build
from edition.project import NS, TEI_NS
from edition.xmlio import EditionError, parse_bytes, parse_file
from edition.xslt import Stylesheets

from xslt_support import ROOT

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
    assert f"{name}:{REFUSED[name][0]}:1: error: {REFUSED[name][1]}" in result.stderr
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


def test_xinclude_in_the_edition_stops_the_build_and_reads_nothing(built_copy, snapshot):
    """An xi:include pulling /etc/passwd into a paragraph: the build refuses the essay, located, and no output holds the file."""
    project_copy = built_copy  # positive control: the untouched copy built (conftest.py's shared build)
    before = snapshot(project_copy.build_dir)
    essay = project_copy.main_document
    text = essay.read_text(encoding="utf-8")
    include = '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="/etc/passwd" parse="text"/>'
    paragraph = '<p xml:id="p-every-class-stratum">'
    essay.write_text(text.replace(paragraph, paragraph + include, 1), encoding="utf-8")
    line = text[:text.index(paragraph)].count("\n") + 1
    with pytest.raises(EditionError) as caught:
        build(project_copy, search=False)
    assert any(p.line == line and "XInclude is not allowed" in p.message for p in caught.value.problems), str(caught.value)
    assert PASSWD not in str(caught.value)
    assert snapshot(project_copy.build_dir) == before


def test_undeclared_entity_is_not_well_formed():
    with pytest.raises(EditionError, match=r"x.xml:1:\d+: not well-formed XML: &nbsp; is not an XML entity"):
        parse_bytes(b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><p>&nbsp;</p></TEI>', "x.xml")


# --- Saxon cannot read files at run time -----------------------------------------------------

SECRET = "s3cr3t-d0c"
#: XPath that reads a file, with the paths of the secret files of ``_secrets()`` filled in.
READERS = {
    "doc": "string(doc('{xml}'))",
    "document": "string(document('{xml_uri}'))",
    "unparsed-text": "unparsed-text('{txt}')",
    "unparsed-text-lines": "unparsed-text-lines('{txt_uri}')[1]",
    "unparsed-text-available": "unparsed-text-available('{txt}')",
    "json-doc": "json-doc('{json}')?secret",
    "collection": "string-join(collection('{dir_uri}?select=*.xml') ! string(), ',')",
    "relative-traversal": "unparsed-text('{traversal}')",
}


def _reader(tmp_path: Path, name: str) -> Path:
    """An entry stylesheet (with an xsl:include) whose output is what ``READERS[name]`` learns from a secret file."""
    secrets = tmp_path / "secrets"
    secrets.mkdir()
    (secrets / "secret.xml").write_text(f"<secret>{SECRET}</secret>")
    (secrets / "secret.txt").write_text(SECRET)
    (secrets / "secret.json").write_text(f'{{"secret": "{SECRET}"}}')
    paths = {"xml": str(secrets / "secret.xml"), "xml_uri": (secrets / "secret.xml").as_uri(),
             "txt": str(secrets / "secret.txt"), "txt_uri": (secrets / "secret.txt").as_uri(),
             "json": str(secrets / "secret.json"), "dir_uri": secrets.as_uri(),
             "traversal": "../" * (len(tmp_path.parts) - 1) + str(secrets / "secret.txt").lstrip("/")}
    module = tmp_path / "module.xsl"
    module.write_text('<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
                      '<xsl:variable name="included" select="\'yes\'"/></xsl:stylesheet>')
    entry = tmp_path / "reader.xsl"
    entry.write_text('<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
                     '<xsl:include href="module.xsl"/><xsl:output method="text"/><xsl:template match="/">'
                     '<xsl:value-of select="$included"/>:<xsl:value-of select="' + READERS[name].format(**paths) + '"/>'
                     '</xsl:template></xsl:stylesheet>')
    return entry


@pytest.mark.parametrize("name", sorted(READERS))
def test_saxon_left_to_itself_reads_the_file(tmp_path, name):
    """Positive control: with Saxon's defaults (no seal) each expression does learn the secret."""
    from saxonche import PySaxonProcessor

    entry = _reader(tmp_path, name)
    processor = PySaxonProcessor(license=False)
    executable = processor.new_xslt30_processor().compile_stylesheet(stylesheet_file=str(entry))
    output = executable.transform_to_string(xdm_node=processor.parse_xml(xml_text="<x/>"))
    assert output in (f"yes:{SECRET}", "yes:true"), output


@pytest.mark.parametrize("name", sorted(READERS))
def test_stylesheet_cannot_read_files_at_run_time(tmp_path, name):
    """The same stylesheet run as the build runs it: it fails, or learns nothing."""
    entry = _reader(tmp_path, name)
    with Stylesheets() as sheets:
        sheets.compile(entry)  # its xsl:include is read: compiling our own modules still works
        document = sheets.document(b"<x/>")
        try:
            output = sheets.run(entry, document, tmp_path / "out")
        except EditionError as err:
            assert "has been prohibited" in str(err) or "has been disallowed" in str(err), str(err)
            assert SECRET not in str(err)
        else:  # only the *-available functions may answer, and then only "no"
            assert output == "yes:false", output


def test_the_project_stylesheets_still_compile_and_run(built_edition, snapshot):
    """The shared build (conftest.py) ran every entry stylesheet in the sealed processor."""
    assert {"html/index.html", "text/reading.txt", "index/paragraphs.json"} <= set(snapshot(built_edition.build_dir))


def test_compiling_after_saxon_has_a_document_is_refused(tmp_path):
    with Stylesheets() as sheets:
        sheets.document(b"<x/>")
        with pytest.raises(RuntimeError, match="before handing Saxon a document"):
            sheets.compile(ROOT / "xslt" / "text.xsl")


# --- Hostile pointers --------------------------------------------------------------------------

def _inject_hostile_pointers(project) -> None:
    """Copy the hostile fixture's paragraph (javascript: and traversal pointers) into the real essay."""
    hostile = parse_file(HOSTILE / "pointers.xml").find(".//t:body//t:p", NS)
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


def test_hostile_pointers_never_become_links_nor_reads(built_copy, without_validation, snapshot):
    project_copy = built_copy
    _inject_hostile_pointers(project_copy)
    build(project_copy)
    reading = lxml.html.fromstring(snapshot(project_copy.build_dir)["html/index.html"]).text_content()
    assert all(words in reading for words in ("Mallory", "the list", "the root"))  # positive control: the pointers were built
    for name, data in snapshot(project_copy.build_dir).items():
        assert PASSWD.encode() not in data, name
        if name.endswith(".html"):
            page = lxml.html.fromstring(data)
            for element in page.iter():
                for attribute in ("href", "src", "action", "formaction", "xlink:href"):
                    value = "".join((element.get(attribute) or "").split()).lower()
                    assert not value.startswith(("javascript:", "data:", "vbscript:", "file:")), (name, value)
                    assert "etc/passwd" not in value, (name, value)
