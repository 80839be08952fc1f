"""Valid means it builds (issue 22, point 2): every valid fixture edition builds, and so does every header that
``edition validate`` accepts after optional parts are taken away (a property test): what a stylesheet reads is
either required by the schema or has a fallback ("n.d." for no date, the first title for no main title)."""
from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from lxml import etree

from edition.build import build, stylesheet_parameters
from edition.corpus import load_edition
from edition.project import Project
from edition.checks.validate import validate
from edition.xslt import Stylesheets

from xslt_support import FIXTURES, ROOT

TEI = "http://www.tei-c.org/ns/1.0"
NS = {"t": TEI}
#: Every fixture folder that holds a whole valid edition (edition/edition.toml).
EDITIONS = sorted(p.parent.parent.name for p in FIXTURES.glob("*/edition/edition.toml"))


def _project(fixture: str, root: Path) -> Project:
    shutil.copytree(FIXTURES / fixture, root)
    for folder in ("xslt", "schema"):
        shutil.copytree(ROOT / folder, root / folder)
    return Project(root)


def test_the_fixture_editions_are_found():
    assert {"second-edition", "letter-edition", "essay-edition"} <= set(EDITIONS)


@pytest.mark.parametrize("fixture", EDITIONS)
def test_every_valid_fixture_edition_builds(fixture: str, tmp_path: Path):
    project = _project(fixture, tmp_path / "project")
    assert [p for p in validate(project) if not p.warning] == []
    build(project, search=False)
    index = (project.build_dir / "html" / "index.html").read_text(encoding="utf-8")
    assert "<title>" in index and (project.build_dir / "text" / "reading.txt").stat().st_size > 0
    for url in etree.parse(str(project.main_document)).xpath("//t:graphic/@url", namespaces=NS):
        assert (project.build_dir / "html" / url).is_file(), f"image {url} not copied into the site"


# ------------------------------------------------------------------ property: pared-down headers build

#: The header's parts the schema lets an edition leave out (each may or may not be removed in one example).
OPTIONAL = (
    "//t:teiHeader/t:fileDesc/t:titleStmt/t:title/@type",
    "//t:teiHeader/t:fileDesc/t:titleStmt/t:author",
    "//t:teiHeader/t:fileDesc/t:titleStmt/t:editor",
    "//t:teiHeader/t:fileDesc/t:titleStmt/t:respStmt",
    "//t:teiHeader/t:fileDesc/t:editionStmt",
    "//t:teiHeader/t:fileDesc/t:editionStmt/t:edition/@n",
    "//t:teiHeader/t:fileDesc/t:editionStmt/t:edition/t:date",
    "//t:teiHeader/t:fileDesc/t:publicationStmt/t:date",
    "//t:teiHeader/t:fileDesc/t:publicationStmt/t:idno[@type='edition']",
    "//t:teiHeader/t:fileDesc/t:publicationStmt/t:idno[@type='URL']",
    "//t:teiHeader/t:fileDesc/t:publicationStmt/t:availability",
    "//t:teiHeader/t:fileDesc/t:publicationStmt/t:pubPlace",
    "//t:teiHeader/t:fileDesc/t:sourceDesc/t:bibl/t:author",
    "//t:teiHeader/t:fileDesc/t:sourceDesc/t:bibl/t:title",
    "//t:teiHeader/t:fileDesc/t:sourceDesc/t:bibl/t:date",
    "//t:teiHeader/t:fileDesc/t:sourceDesc/t:bibl/t:note",
    "//t:teiHeader/t:fileDesc/t:sourceDesc/t:bibl/@type",
    "//t:teiHeader/t:encodingDesc/t:tagsDecl",
    "//t:teiHeader/t:encodingDesc/t:projectDesc",
    "//t:teiHeader/t:encodingDesc/t:editorialDecl",
    "//t:teiHeader/t:encodingDesc/t:refsDecl",
    "//t:teiHeader/t:profileDesc",
    "//t:teiHeader/t:revisionDesc",
)

#: The header pared down: the richest fixture header (the second edition's), with the letter's text.
SOURCE = "second-edition"
#: Entry points of the HTML, the text, the data and the citations (the books are another helper's and slow).
ENTRY_POINTS = tuple(sorted(p.name for p in (ROOT / "xslt").glob("*.xsl") if p.name not in ("print.xsl", "epub.xsl")))
EXAMPLES = 40


@pytest.fixture(scope="module")
def pared(tmp_path_factory):
    """A project to validate pared-down headers in, and one set of compiled stylesheets for every example."""
    project = _project(SOURCE, tmp_path_factory.mktemp("pared") / "project")
    original = project.main_document.read_bytes()
    sheets = Stylesheets()
    for name in ENTRY_POINTS:
        sheets.compile(ROOT / "xslt" / name)
    yield project, original, sheets
    sheets.__exit__(None, None, None)


def _pare(original: bytes, removed: list[str]) -> bytes:
    tree = etree.fromstring(original)
    for xpath in removed:
        for node in tree.xpath(xpath, namespaces=NS):
            if isinstance(node, etree._Element):
                node.getparent().remove(node)
            else:  # an attribute
                del node.getparent().attrib[node.attrname]
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8")


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(removed=st.lists(st.sampled_from(OPTIONAL), unique=True, min_size=1, max_size=len(OPTIONAL)))
def test_a_pared_down_valid_header_builds(pared, removed, tmp_path_factory):
    project, original, sheets = pared
    project.main_document.write_bytes(_pare(original, removed))
    if [p for p in validate(project) if not p.warning]:
        event("invalid: not built")
        return  # not valid: the schema requires what was taken away, so no build is owed
    event("valid: built")
    out = tmp_path_factory.mktemp("out")
    document = sheets.document(load_edition(project).serialize())
    for name in ENTRY_POINTS:
        sheets.run(ROOT / "xslt" / name, document, out, stylesheet_parameters(project))
    assert (out / "html" / "index.html").is_file()
    citation = (out / "html" / "index.html").read_text(encoding="utf-8")
    if "//t:teiHeader/t:fileDesc/t:publicationStmt/t:date" in removed:
        assert "n.d." in citation
    assert ", ." not in citation and "“”" not in citation


def test_no_publication_date_cites_n_d(tmp_path: Path):
    """The issue's case: a header without a publication date validated, then cite.xsl failed (FORG0001)."""
    project = _project(SOURCE, tmp_path / "project")
    project.main_document.write_bytes(_pare(project.main_document.read_bytes(),
                                            ["//t:teiHeader/t:fileDesc/t:publicationStmt/t:date"]))
    assert [p for p in validate(project) if not p.warning] == []
    build(project, search=False)
    bib = (project.build_dir / "html" / "cite" / "edition.bib").read_text(encoding="utf-8")
    assert "year = {}" not in bib and "year" not in bib
    assert "n.d." in (project.build_dir / "html" / "index.html").read_text(encoding="utf-8")
