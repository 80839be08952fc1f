"""The Changes page (xslt/changes.xsl): every revision of revisionDesc, newest first, with the version it
released, its date and who made it."""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree, html

from edition.corpus import load_edition
from edition.project import NS, Project, TEI_NS
from edition.xslt import Stylesheets


def run_changes(repo_root: Path, document: etree._ElementTree, out: Path) -> html.HtmlElement:
    sheet = repo_root / "xslt" / "changes.xsl"
    with Stylesheets() as sheets:
        sheets.compile(sheet)
        sheets.run(sheet, sheets.document(etree.tostring(document, encoding="UTF-8")), out, {"retired": "", "base-url": ""})
    return html.parse(str(out / "html" / "changes.html")).getroot()


@pytest.fixture(scope="module")
def edition(repo_root: Path) -> etree._ElementTree:
    return load_edition(Project(repo_root)).document


def released(edition: etree._ElementTree, version: str, when: str, words: str) -> etree._ElementTree:
    """A copy of the edition with a newer release: edition @n and a change n=… first in revisionDesc."""
    copy = etree.ElementTree(etree.fromstring(etree.tostring(edition)))
    copy.find(f".//{{{TEI_NS}}}editionStmt/{{{TEI_NS}}}edition").set("n", version)
    revisions = copy.find(f".//{{{TEI_NS}}}revisionDesc")
    change = etree.Element(f"{{{TEI_NS}}}change", n=version, when=when, who="#editors")
    change.text = words
    revisions.insert(0, change)
    return copy


def test_every_revision_is_listed(repo_root: Path, edition, tmp_path: Path):
    page = run_changes(repo_root, edition, tmp_path)
    texts = [" ".join(p.text_content().split()) for p in page.xpath("//ol[@class='changes']//p[@class='change-text']")]
    expected = [" ".join("".join(c.itertext()).split()) for c in edition.xpath("//t:revisionDesc/t:change", namespaces=NS)]
    assert sorted(texts) == sorted(expected) and texts


def test_the_newest_release_comes_first_with_its_version_date_and_editors(repo_root: Path, edition, tmp_path: Path):
    page = run_changes(repo_root, released(edition, "9.9", "2099-01-02", "Everything revised."), tmp_path)
    first = page.xpath("//ol[@class='changes']/li")[0]
    assert first.get("id") == "version-9.9"
    head = " ".join(first.xpath(".//p[@class='change-head']")[0].text_content().split())
    assert head == "Version 9.9 (this version) · 2 January 2099 · The edition's editors"
    assert first.xpath(".//time")[0].get("datetime") == "2099-01-02"
    assert "This is version 9.9 of the edition." in page.xpath("//p[@class='changes-intro']")[0].text_content()


def test_the_page_is_part_of_the_site(repo_root: Path, edition, tmp_path: Path):
    page = run_changes(repo_root, edition, tmp_path)
    assert page.find(".//title").text.startswith("Changes — ")
    assert page.xpath("//main/h1")[0].text == "Changes"
