"""The editors' introduction: the editors' text in front, every paragraph sourced and citable, shown before the
essay with its own contents entry, its paragraphs apart from the essay's numbered ones."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree, html

from edition.build import build
from edition.project import NS, Project


@pytest.fixture(scope="module")
def tei(repo_root: Path) -> etree._ElementTree:
    return etree.parse(str(repo_root / "edition" / "conditions.xml"))


@pytest.fixture(scope="module")
def built(repo_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("introduction") / "build"
    build(Project(repo_root), out_dir=out, search=False)
    return out


def test_the_introduction_is_the_editors_and_every_paragraph_is_sourced(tei, repo_root: Path) -> None:
    intro = tei.xpath("/t:TEI/t:text/t:front/t:div[@type='introduction']", namespaces=NS)
    assert len(intro) == 1 and intro[0].get("resp") == "#editors"
    paragraphs = intro[0].xpath("t:p", namespaces=NS)
    assert paragraphs
    lock = (repo_root / "edition" / "ids.lock").read_text(encoding="utf-8")
    for p in paragraphs:
        xml_id = p.get("{http://www.w3.org/XML/1998/namespace}id")
        assert xml_id and xml_id in lock
        if "this-edition" not in xml_id:  # the edition's own account of itself needs no outside source
            assert p.xpath("t:ref[starts-with(@target, 'http')] | t:ptr", namespaces=NS), xml_id


def test_the_introduction_comes_before_the_essay_with_its_heading_in_the_contents(built: Path) -> None:
    page = html.parse(str(built / "html" / "index.html")).getroot()
    section = page.get_element_by_id("editors-introduction")
    first = page.get_element_by_id("p-every-class-stratum")
    order = list(page.iter())
    assert order.index(section) < order.index(first)
    contents = page.xpath("//nav[contains(@class,'toc')]//a/@href")
    assert contents[0] == "#editors-introduction"
    for p in section.xpath(".//p[@id]"):
        assert p.get("data-n") is None  # not one of the essay's numbered paragraphs
        assert p.xpath("a[@class='pilcrow']/@aria-label")[0].startswith("introduction ¶ ")


def test_the_essays_numbers_are_unchanged(built: Path) -> None:
    paragraphs = json.loads((built / "index" / "paragraphs.json").read_text(encoding="utf-8"))
    assert paragraphs[0]["id"] == "p-every-class-stratum" and paragraphs[0]["n"] == 1
    assert not any(p["id"].startswith("intro-") for p in paragraphs)
    page = html.parse(str(built / "html" / "index.html")).getroot()
    assert page.get_element_by_id("p-every-class-stratum").get("data-n") == "1"
