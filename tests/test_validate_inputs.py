"""What ``edition validate`` accepts and how it reports: formats, strictness, unusual but valid XML,
the editors' own tools (xml-model processing instructions, the Schematron on one file), and the
user's problems outside the TEI (lock file, port) as located errors with exit 1.
"""
from __future__ import annotations

import errno
import json

import pytest
from lxml import etree, isoschematron

from edition.errors import EditionError, Problem
from edition.project import Project
from edition.checks.validate import validate

ESSAY = "edition/conditions.xml"
TWO = '<num type="cardinal" value="2">two</num>'
BAD_TYPE = TWO.replace('"cardinal"', '"cardnal"')
BAD_TYPE_MESSAGE = ('attribute @type="cardnal" on <num> is not allowed: @type must be one of "cardinal", "ordinal", '
                    '"percentage", "fraction"; did you mean "cardinal"?')


def break_essay(project: Project) -> tuple[int, int]:
    """One bad value in the essay; returns the line and column of its attribute."""
    path = project.main_document
    text = path.read_text(encoding="utf-8")
    start = text.index(TWO)
    path.write_text(text.replace(TWO, BAD_TYPE, 1), encoding="utf-8")
    offset = start + BAD_TYPE.index("type=")
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


# -------------------------------------------------------------------------- formats


def test_text_format_is_file_line_col_severity_message(project_copy, run_edition):
    line, column = break_essay(project_copy)
    result = run_edition(project_copy, "validate")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"{ESSAY}:{line}:{column}: error: {BAD_TYPE_MESSAGE}", "1 problem(s) found."]


def test_json_format_lists_every_problem_for_tools(project_copy, run_edition):
    line, column = break_essay(project_copy)
    result = run_edition(project_copy, "validate", "--format", "json")
    assert result.exit_code == 1 and result.stderr.strip() == "1 problem(s) found."
    assert json.loads(result.stdout) == [
        {"file": ESSAY, "line": line, "column": column, "severity": "error", "message": BAD_TYPE_MESSAGE}]


def test_json_format_of_a_valid_edition_is_an_empty_list(run_edition, repo_root):
    result = run_edition(Project(repo_root), "validate", "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout) == []


def test_github_format_is_a_workflow_annotation(project_copy, run_edition):
    line, column = break_essay(project_copy)
    result = run_edition(project_copy, "validate", "--format", "github")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [f"::error file={ESSAY},line={line},col={column}::{BAD_TYPE_MESSAGE}"]
    assert result.stderr.strip() == "1 problem(s) found."


def test_unknown_format_is_a_usage_error(run_edition, repo_root):
    result = run_edition(Project(repo_root), "validate", "--format", "xml")
    assert result.exit_code == 2 and "Usage: edition validate" in result.stderr


# ------------------------------------------------------------------ unusual valid XML


def test_utf16_essay_with_byte_order_mark_is_valid(project_copy):
    """The XML specification requires every processor to read UTF-16 with a byte-order mark."""
    text = project_copy.main_document.read_text(encoding="utf-8")
    text = text.replace("<?xml version='1.0' encoding='UTF-8'?>", "<?xml version='1.0' encoding='UTF-16'?>", 1)
    project_copy.main_document.write_bytes(text.encode("utf-16"))  # Python writes the byte-order mark
    assert project_copy.main_document.read_bytes()[:2] in (b"\xff\xfe", b"\xfe\xff")
    assert validate(project_copy) == []


def test_utf16_essay_mistake_is_located_in_characters(project_copy):
    line, column = break_essay(project_copy)
    text = project_copy.main_document.read_text(encoding="utf-8")
    project_copy.main_document.write_bytes(text.replace("encoding='UTF-8'", "encoding='UTF-16'", 1).encode("utf-16"))
    assert validate(project_copy) == [Problem(ESSAY, line, column, BAD_TYPE_MESSAGE)]


def test_excessive_nesting_gets_an_editors_message(project_copy):
    text = project_copy.main_document.read_text(encoding="utf-8")
    deep = "<hi>" * 300 + "</hi>" * 300
    project_copy.main_document.write_text(text.replace(TWO, TWO + deep, 1), encoding="utf-8")
    problems = validate(project_copy)
    assert len(problems) == 1 and problems[0].file == ESSAY
    assert problems[0].message == ("not well-formed XML: the elements are nested more than 256 levels deep here; a TEI "
                                   "file of the edition never needs that many: look for start tags that are never closed")
    assert "XML_PARSE_HUGE" not in str(problems[0])


# -------------------------------------------------------- the editors' own XML tools


def xml_models(path) -> dict[str, str]:
    """The xml-model processing instructions of a file: {schematypens: href}."""
    tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
    found = {}
    for node in tree.xpath("/processing-instruction('xml-model')"):
        pseudo = dict(etree.fromstring(f"<x {node.text}/>").attrib)
        found[pseudo["schematypens"]] = pseudo["href"]
    return found


def test_every_tei_file_names_the_projects_schemas_for_xml_editors(repo_root):
    project = Project(repo_root)
    for path in project.tei_files():
        models = xml_models(path)
        relaxng = (path.parent / models["http://relaxng.org/ns/structure/1.0"]).resolve()
        schematron = (path.parent / models["http://purl.oclc.org/dsdl/schematron"]).resolve()
        assert relaxng == project.relaxng.resolve(), path
        assert schematron == project.schematron.resolve(), path


@pytest.mark.parametrize("name", ["conditions.xml", "registers/persons.xml", "registers/places.xml"])
def test_schematron_on_one_file_raises_no_false_error(repo_root, name):
    """As an XML editor runs it: one file alone, without the registers assembled in standOff."""
    schematron = isoschematron.Schematron(etree.parse(str(repo_root / "schema" / "edition.sch")), store_report=True)
    tree = etree.parse(str(repo_root / "edition" / name))
    schematron.validate(tree)
    fired = schematron.validation_report.xpath("//svrl:failed-assert | //svrl:successful-report",
                                               namespaces={"svrl": "http://purl.oclc.org/dsdl/svrl"})
    assert [" ".join(f.itertext()).split() for f in fired] == []


def test_schematron_on_the_essay_alone_still_checks_its_own_pointers(repo_root, tmp_path):
    text = (repo_root / "edition" / "conditions.xml").read_text(encoding="utf-8")
    essay = tmp_path / "conditions.xml"
    essay.write_text(text.replace('rendition="#open-straight', 'rendition="#open-straigth', 1), encoding="utf-8")
    schematron = isoschematron.Schematron(etree.parse(str(repo_root / "schema" / "edition.sch")), store_report=True)
    schematron.validate(etree.parse(str(essay)))
    texts = [" ".join("".join(f.itertext()).split()) for f in schematron.validation_report.xpath(
        "//svrl:failed-assert", namespaces={"svrl": "http://purl.oclc.org/dsdl/svrl"})]
    assert len(texts) == 1 and "points to '#open-straigth'" in texts[0]


# ----------------------------------------------------- the user's problems, not bugs


def test_lock_file_not_utf8_is_a_located_error(project_copy, run_edition):
    lock = project_copy.lock_file
    lines = lock.read_bytes().splitlines(keepends=True)
    lock.write_bytes(b"".join(lines) + b"p-caf\xe9\n")
    result = run_edition(project_copy, "validate")
    assert result.exit_code == 1 and "internal error" not in result.stderr
    assert result.stderr.splitlines()[0] == (f"edition/ids.lock:{len(lines) + 1}:6: error: the lock file is not valid "
                                             "UTF-8 (byte 0xe9); save it as UTF-8 (identifiers are plain ASCII)")
    locked = run_edition(project_copy, "lock")
    assert locked.exit_code == 1 and "internal error" not in locked.stderr
    assert f"ids.lock:{len(lines) + 1}:6: the lock file is not valid UTF-8" in locked.stderr


def test_library_error_type_is_importable_from_both_modules():
    from edition import xmlio
    assert xmlio.EditionError is EditionError and xmlio.Problem is Problem
    assert errno.EADDRINUSE  # the busy-port test relies on the platform's code
