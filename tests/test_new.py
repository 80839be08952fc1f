"""``edition new DIR`` (issue 21, item 2): an edition that validates at once, from options or from a plain or
Markdown text, with identifiers by the lock's rule, quotation marks as markup, and located refusals."""
from __future__ import annotations

import subprocess
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from edition.cli import main
from edition.declarations import read_declarations
from edition.start.identifiers import Identifiers
from edition.project import NS, XML_ID, Project
from edition.checks.validate import errors, validate

LETTER = """# The Letter

Dear Sir: I have just read yours of the 19th. addressed to myself through the "New-York Tribune."

As to the policy I "seem to be pursuing" as you say, I have not meant to leave any one in doubt.

> I would save the Union. I would save it the shortest way under the Constitution.

# Postscript

I intend no modification of my oft-expressed 'personal' wish that all men every where could be free.
"""


def new(tmp_path: Path, *args: str):
    return CliRunner().invoke(main, ["new", *map(str, args)], catch_exceptions=True, prog_name="edition")


def tei_all_problems(*files: Path) -> str:
    schema = Path("/work/shared/schema/tei_all.rng")
    if not schema.exists():
        pytest.skip("tei_all.rng is not in ../shared/schema")
    jing = shutil.which("pyjing") or str(Path(__import__("sys").executable).parent / "pyjing")
    run = subprocess.run([jing, str(schema), *map(str, files)], capture_output=True, text=True)
    return run.stdout + run.stderr


@pytest.fixture(scope="module")
def letter(tmp_path_factory) -> Project:
    folder = tmp_path_factory.mktemp("new") / "letter"
    source = folder.parent / "greeley.md"
    source.write_text(LETTER, encoding="utf-8")
    result = new(folder, folder, "--title", "Letter to Horace Greeley", "--author", "Abraham Lincoln",
                 "--date", "1862-08-22", "--source", "New-York Tribune, 25 August 1862", "--from", source)
    assert result.exit_code == 0, result.output
    return Project(folder)


def test_a_new_edition_from_options_alone_is_valid_here_and_in_tei_all(tmp_path):
    result = new(tmp_path, tmp_path / "e", "--title", "Notes", "--lang", "de")
    assert result.exit_code == 0, result.output
    project = Project(tmp_path / "e")
    assert not errors(validate(project))
    assert tei_all_problems(project.main_document) == ""
    root = etree.parse(str(project.main_document)).getroot()
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "de"
    assert root.findtext(".//t:titleStmt/t:title", namespaces=NS) == "Notes"


def test_the_letter_has_every_part_of_the_header_and_validates(letter):
    assert not errors(validate(letter)), validate(letter)
    files = [letter.main_document, *letter.register_files()]
    assert tei_all_problems(*files) == ""
    header = etree.parse(str(letter.main_document)).find("t:teiHeader", NS)
    for part in ("t:fileDesc/t:titleStmt/t:title", "t:fileDesc/t:titleStmt/t:author", "t:fileDesc/t:publicationStmt",
                 "t:fileDesc/t:sourceDesc/t:bibl/t:date[@when='1862-08-22']", "t:encodingDesc/t:editorialDecl",
                 "t:encodingDesc/t:refsDecl/t:citeStructure", "t:profileDesc/t:langUsage/t:language[@ident='en']",
                 "t:revisionDesc/t:change"):
        assert header.find(part, NS) is not None, part
    assert "New-York Tribune, 25 August 1862" in header.find("t:fileDesc/t:sourceDesc", NS).xpath("string()")
    author = header.find("t:fileDesc/t:titleStmt/t:author", NS).get("ref")[1:]
    assert letter.lock_file.read_text().split().count(author) == 1  # the persons register's entry is released


def test_markdown_becomes_divisions_paragraphs_and_quotations(letter):
    body = etree.parse(str(letter.main_document)).find(".//t:body", NS)
    divisions = body.findall("t:div", NS)
    assert [d.findtext("t:head", namespaces=NS) for d in divisions] == ["The Letter", "Postscript"]
    paragraphs = body.findall(".//t:p", NS)
    assert [p.get(XML_ID) for p in paragraphs] == ["p-dear-sir-read", "p-policy-seem-pursuing", "p-save-union-shortest",
                                                   "p-intend-modification-oft"]
    quoted = paragraphs[1].find("t:q", NS)
    assert quoted.text == "seem to be pursuing" and quoted.get("rendition") == "#open-straight #close-straight"
    assert paragraphs[3].find("t:q", NS).get("rendition") == "#open-single #close-single"
    assert paragraphs[2].find("t:quote", NS).text.startswith("I would save the Union.")
    assert '"' not in body.xpath("string()")
    locked = set(letter.lock_file.read_text().split())
    assert {p.get(XML_ID) for p in paragraphs} | {d.get(XML_ID) for d in divisions} <= locked


def test_the_editions_readme_says_how_and_lists_the_declared_registers(letter):
    readme = (letter.root / "README.md").read_text(encoding="utf-8")
    for command in ("edition validate", "edition build", "edition serve", "edition cite", "ref=\"#"):
        assert command in readme
    for kind in read_declarations(letter.xslt_dir).kinds:
        assert f"registers/{Path(kind.page).stem}.xml" in readme


def test_unpaired_quotation_marks_are_reported_at_their_line_and_column(tmp_path):
    source = tmp_path / "t.txt"
    source.write_text('First paragraph.\n\n  He said "yes" and\n  then "no again.\n', encoding="utf-8")
    result = new(tmp_path, tmp_path / "e", "--from", source)
    assert result.exit_code == 0
    assert f'{source}:4:8: warning: quotation mark " pairs with no other' in result.output
    assert ":3:" not in result.output  # "yes" pairs
    assert '<q rendition="#open-straight #close-straight">yes</q>' in Project(tmp_path / "e").main_document.read_text()


@pytest.mark.parametrize("case", ["non-empty folder", "missing file", "not UTF-8", "bad date", "heading alone"])
def test_refusals_are_located_and_write_nothing(tmp_path, case):
    folder, source = tmp_path / "e", tmp_path / "t.md"
    args = [folder]
    expected = ""
    if case == "non-empty folder":
        folder.mkdir()
        (folder / "notes.txt").write_text("mine")
        expected = f"{folder}: the folder is not empty"
    elif case == "missing file":
        args += ["--from", source]
        expected = f"{source}: cannot read the file"
    elif case == "not UTF-8":
        source.write_bytes(b"Fine line.\n\nCaf\xe9 au lait.\n")
        args += ["--from", source]
        expected = f"{source}:3:4: the file is not valid UTF-8"
    elif case == "bad date":
        args += ["--date", "22 August 1862"]
        expected = "--date: '22 August 1862' is not a date"
    else:
        source.write_text("# One\n\nText.\n\n# Two\n", encoding="utf-8")
        args += ["--from", source]
        expected = f"{source}:5:1: the heading 'Two' has no paragraph under it"
    result = new(tmp_path, *args)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.startswith(expected), result.output
    assert not (folder / "edition").exists()


def test_identifiers_follow_the_rule_and_never_reuse_a_released_one():
    assert Identifiers().paragraph("The scale of the disaster is difficult to grasp") == "p-scale-disaster-difficult"
    ids = Identifiers({"p-scale-disaster-difficult"})
    assert ids.paragraph("The scale of the disaster is difficult to grasp, again") == "p-scale-disaster-difficult-grasp"
    assert ids.paragraph("The scale of the disaster is difficult to grasp") == "p-scale-disaster-difficult-grasp-2"
    assert Identifiers().section("1848 and After") == "section-1848-after"
    assert Identifiers().paragraph("Ça va, très bien") == "p-ca-va-tres"
