"""Another project's TEI (issue 21, item 3): ``edition import FILE.xml`` and ``edition new DIR --from FILE.xml``
keep what the pipeline renders, give identifiers by the lock's rule, and report what they cannot keep at
the line and column where it stands. The fixtures are the TEI Consortium's (tests/fixtures/foreign/PROVENANCE.md)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from edition.cli import main
from edition.project import NS, XML_ID, Project
from edition.xmlio import parse_file
from edition.checks.validate import errors, validate

from test_new import tei_all_problems

FOREIGN = Path(__file__).parent / "fixtures" / "foreign"
WARNING = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<column>\d+): warning: (?P<message>.+)$", re.M)


def run(*args) -> object:
    return CliRunner().invoke(main, [*map(str, args)], catch_exceptions=True, prog_name="edition")


@pytest.fixture(scope="module", params=["christmas-carol-test22.xml", "christmas-carol-tree.xml"])
def imported(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp("import") / "edition"
    result = run("new", folder, "--from", FOREIGN / request.param)
    assert result.exit_code == 0, result.output
    return Project(folder), FOREIGN / request.param, result.output


def test_an_imported_document_validates_here_and_in_tei_all(imported):
    project, _, _ = imported
    assert not errors(validate(project)), validate(project)
    assert tei_all_problems(project.main_document, *project.register_files()) == ""


def test_the_header_takes_the_foreign_title_and_author(imported):
    project, source, _ = imported
    theirs = parse_file(source).find(".//t:titleStmt", NS)
    ours = etree.parse(str(project.main_document)).find(".//t:titleStmt", NS)
    assert ours.findtext("t:title", namespaces=NS) == " ".join(theirs.findtext("t:title", namespaces=NS).split())
    assert ours.findtext("t:author", namespaces=NS) == " ".join(theirs.findtext("t:author", namespaces=NS).split())


def test_every_division_and_paragraph_has_a_locked_identifier_by_the_rule(imported):
    project, _, _ = imported
    text = etree.parse(str(project.main_document)).find("t:text", NS)
    locked = set(project.lock_file.read_text().split())
    for element in text.iter(f"{{{NS['t']}}}p", f"{{{NS['t']}}}div"):
        ident = element.get(XML_ID)
        assert ident in locked
        if element.tag.endswith("}p"):
            assert re.fullmatch(r"p(-[a-z0-9]+){1,}", ident), ident


def test_the_words_are_kept(imported):
    """No word of the foreign body is lost, even where its element is not rendered."""
    project, source, _ = imported
    def words(path):
        body = parse_file(path).find(".//t:body", NS)
        return re.findall(r"\w+", body.xpath("string()"))
    ours = words(project.main_document)
    assert [w for w in words(source) if w not in ours] == []


def test_what_is_not_kept_is_reported_where_it_stands(imported):
    """Every warning names a real place: at its line and column the file has the start tag the message names."""
    project, source, output = imported
    lines = source.read_text(encoding="utf-8").splitlines()
    found = [m for m in WARNING.finditer(output) if m["file"] == str(source)]
    assert found
    for match in found:
        named = re.match(r"<(\w+)>|a pointer to the web \(<(\w+)|@\S+ of <(\w+)>|the header", match["message"])
        if not named or match["message"].startswith("the header"):
            continue
        tag = next(g for g in named.groups() if g)
        at = lines[int(match["line"]) - 1][int(match["column"]) - 1:]
        assert at.startswith(f"<{tag}"), (match.group(0), at[:30])


def test_the_tree_document_reports_its_trees_and_keeps_their_labels(tmp_path):
    result = run("new", tmp_path / "e", "--from", FOREIGN / "christmas-carol-tree.xml")
    assert "<eTree> is not rendered by the pipeline here: its words are kept" in result.output
    assert result.exit_code == 0


def test_web_pointers_unknown_attributes_and_bad_identifiers(tmp_path):
    source = tmp_path / "doc.xml"
    source.write_text("""<TEI xmlns="http://www.tei-c.org/ns/1.0">
<teiHeader><fileDesc><titleStmt><title>Small</title></titleStmt><publicationStmt><p/></publicationStmt>
<sourceDesc><p>Typed.</p></sourceDesc></fileDesc></teiHeader>
<text><body><div xml:id="Part_1" type="chapter"><head>First part</head>
<p rend="indent">See <ref target="https://example.org/">the page</ref> and <ref target="#Part_1">above</ref>.</p>
</div></body></text></TEI>
""", encoding="utf-8")
    folder = tmp_path / "project"
    folder.mkdir()
    result = run("--project", folder, "import", source, "--author", "A. Writer", "--date", "1901")
    assert result.exit_code == 0, result.output
    out = result.output
    assert f'{source}:5:22: warning: a pointer to the web (<ref target="https://example.org/">) is not kept as a link' in out
    assert f'{source}:5:1: warning: @rend="indent" of <p> is left out' in out
    assert f"{source}:4:13: warning: identifier 'Part_1' is replaced by 'first-part'" in out
    assert f'{source}:4:13: warning: division type "chapter" is rendered as a section' in out
    assert "the header gives no author" not in out and "the header gives no date" not in out
    assert f"{source}:2:1: warning: the header is not kept as it is" in out
    project = Project(folder)
    assert not errors(validate(project)), validate(project)
    p = etree.parse(str(project.main_document)).find(".//t:body//t:p", NS)
    assert p.xpath("string()") == "See the page and above."
    assert p.find("t:ref", NS).get("target") == "#first-part"  # the pointer follows the new identifier


def test_import_refuses_an_edition_that_has_its_text(tmp_path):
    folder = tmp_path / "e"
    assert run("new", folder, "--title", "Mine").exit_code == 0
    result = run("--project", folder, "import", FOREIGN / "christmas-carol-test22.xml")
    assert result.exit_code == 1
    assert result.output.startswith("edition/mine.xml: this edition has its text already")


def test_a_document_that_is_not_tei_is_refused_at_its_root(tmp_path):
    source = tmp_path / "x.xml"
    source.write_text('<?xml version="1.0"?>\n  <html><body/></html>\n', encoding="utf-8")
    result = run("new", tmp_path / "e", "--from", source)
    assert result.exit_code == 1
    assert result.output.startswith(f"{source}:2:3: the root element is <html>, not a TEI P5 <TEI>")
