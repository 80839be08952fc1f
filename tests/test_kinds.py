"""Register kinds are declared once (xslt/common/declarations.xsl): a kind added there, and nowhere else,
reaches every output and the name check. The fixture project is written to a temporary folder with a copy of
the stylesheets whose declaration gains the kind "nym" (TEI listNym/nym, named by form)."""
from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from lxml import html

from edition.names import check_names
from edition.project import Project
from xslt_support import HEADER, TEI, run_entry_points

NYMS = f"""<TEI xmlns="{TEI}"><teiHeader>{HEADER}</teiHeader><text><body><listNym>
  <nym xml:id="nym-laobaixing"><form>laobaixing</form><note type="description">The common people.</note></nym>
</listNym></body></text></TEI>"""

ESSAY = f"""<TEI xmlns="{TEI}" xml:lang="en"><teiHeader>{HEADER}</teiHeader><text><body>
  <div xml:id="intro"><p xml:id="p-one">The <rs ref="#nym-laobaixing">laobaixing</rs> wait.</p>
  <p xml:id="p-two">Again the laobaixing wait.</p></div>
</body></text></TEI>"""

KIND = '<ed:kind name="nym" list="listNym" elements="nym" page="nyms.html" title="Nyms" highlight="#eeeeee"/>'


@pytest.fixture(scope="module")
def project(tmp_path_factory, repo_root) -> Project:
    root = tmp_path_factory.mktemp("kinds")
    shutil.copytree(repo_root / "xslt", root / "xslt")
    declarations = root / "xslt" / "common" / "declarations.xsl"
    text = declarations.read_text(encoding="utf-8")
    text = text.replace("\n      <!-- The children of an entry", f"\n      {KIND}\n      <!-- The children of an entry", 1)
    text = text.replace('<ed:names elements="', '<ed:names elements="form ', 1)
    declarations.write_text(text, encoding="utf-8")
    (root / "edition" / "registers").mkdir(parents=True)
    (root / "edition" / "conditions.xml").write_text(ESSAY, encoding="utf-8")
    (root / "edition" / "registers" / "nyms.xml").write_text(NYMS, encoding="utf-8")
    return Project(root)


@pytest.fixture(scope="module")
def out(project, tmp_path_factory) -> Path:
    return run_entry_points(project.root, tmp_path_factory.mktemp("kinds-out"), xslt=project.xslt_dir)


def test_the_new_kind_has_its_register_page_with_its_entry(out):
    entry = html.fromstring((out / "html" / "nyms.html").read_bytes()).get_element_by_id("nym-laobaixing")
    assert entry.get("class") == "entry k-nym"
    assert entry.xpath(".//p[contains(@class, 'mentions')]//a/@href") == ["index.html#p-one"]


def test_every_page_lists_the_new_register_in_its_navigation(out):
    for name in ("index.html", "persons.html", "voices.html", "figures.html"):
        nav = html.fromstring((out / "html" / name).read_bytes()).xpath("//nav[@aria-label='Edition']//a/@href")
        assert "nyms.html" in nav, name


def test_a_mention_of_the_new_kind_links_to_its_page_with_its_class(out):
    link = html.fromstring((out / "html" / "index.html").read_bytes()).xpath("//p[@id='p-one']/a[contains(@class, 'entity')]")[0]
    assert (link.get("href"), link.get("class")) == ("nyms.html#nym-laobaixing", "entity rs k-nym")


def test_the_highlight_switch_offers_the_new_kind_and_colours_it(out):
    index = html.fromstring((out / "html" / "index.html").read_bytes())
    assert "nyms" in index.xpath("//form[@class='highlight-switch']//input/@value")
    assert "highlight.css" in index.xpath("//head/link[@rel='stylesheet']/@href")
    assert "body:has(#hl-nyms:checked) .k-nym" in (out / "html" / "highlight.css").read_text(encoding="utf-8")


def test_the_data_files_give_the_new_kind(out):
    data = {e["id"]: e for e in json.loads((out / "index" / "entities.json").read_text(encoding="utf-8"))}
    assert (data["nym-laobaixing"]["kind"], data["nym-laobaixing"]["name"], data["nym-laobaixing"]["href"]) == (
        "nym", "laobaixing", "nyms.html#nym-laobaixing")
    rows = list(csv.DictReader(io.StringIO((out / "index" / "entities.csv").read_text(encoding="utf-8"), newline="")))
    assert [(r["id"], r["kind"]) for r in rows] == [("nym-laobaixing", "nym")]


def test_the_name_check_knows_the_new_kind_and_its_name_element(project):
    messages = [str(p) for p in check_names(project)]
    assert len(messages) == 1 and 'untagged name of #nym-laobaixing: "laobaixing"' in messages[0]


def test_the_declaration_gives_the_schema_its_entry_pattern(repo_root):
    from edition.declarations import read_declarations

    assert read_declarations(repo_root / "xslt").entry_pattern() == (
        "t:listPerson/t:person | t:listPerson/t:personGrp | t:listPlace//t:place | t:listOrg/t:org"
        " | t:listEvent/t:event | t:listBibl/t:bibl | t:list[@type='glossary']/t:item")


def test_the_schematron_entry_rules_follow_the_declaration(repo_root):
    """schema/edition.sch is as `python -m edition.declarations` writes it: run that after adding a kind."""
    from edition.declarations import read_declarations, schematron_with_entry_contexts

    schematron = (repo_root / "schema" / "edition.sch").read_text(encoding="utf-8")
    assert schematron_with_entry_contexts(schematron, read_declarations(repo_root / "xslt")) == schematron


def test_a_declared_kind_reaches_the_schematron_entry_rules(project, repo_root):
    """Positive control: with the kind "nym" declared, both entry rules (described, mentioned) cover its entries."""
    from edition.declarations import read_declarations, schematron_with_entry_contexts

    schematron = (repo_root / "schema" / "edition.sch").read_text(encoding="utf-8")
    generated = schematron_with_entry_contexts(schematron, read_declarations(project.xslt_dir))
    assert generated != schematron and generated.count(" | t:listNym/t:nym") == 2
