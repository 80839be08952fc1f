"""The register index pages (xslt/registers-html.xsl) on the fixture project tests/fixtures/registers,
built once per module in a child process (xslt_support.build_fixture)."""
from pathlib import Path

import pytest
from lxml import html

from xslt_support import build_fixture


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    return build_fixture(tmp_path_factory.mktemp("registers"))


def page(out: Path, name: str):
    return html.fromstring((out / "html" / name).read_bytes())


def links(entry) -> list[str]:
    return entry.xpath(".//p[contains(@class, 'mentions')]//a/@href")


def test_every_register_page_is_written(out):
    for name in ("persons", "places", "organisations", "events", "works", "glossary"):
        assert (out / "html" / f"{name}.html").is_file()


def test_entity_mentioned_in_two_paragraphs_lists_exactly_those_two(out):
    entry = page(out, "places.html").get_element_by_id("zhengzhou")
    assert links(entry) == ["index.html#p-one", "index.html#p-three"]


def test_paragraph_links_are_labelled_with_paragraph_numbers(out):
    entry = page(out, "places.html").get_element_by_id("kaifeng")
    assert [a.text for a in entry.xpath(".//p[contains(@class, 'mentions')]//a")] == ["¶ 3", "comment 1, ¶ 1"]


def test_a_paragraph_mentioning_an_entity_twice_is_linked_once(out):
    entry = page(out, "persons.html").get_element_by_id("anon-kaifeng-retiree")
    assert entry.xpath(".//p[contains(@class, 'ref')]//a/@href") == ["index.html#p-two"]


def test_speech_is_listed_as_speaks_in(out):
    entry = page(out, "persons.html").get_element_by_id("anon-kaifeng-retiree")
    assert entry.xpath(".//p[contains(@class, 'who')]//a/@href") == ["index.html#p-two"]


def test_persons_are_sorted_by_surname_with_anonymous_persons_last(out):
    ids = page(out, "persons.html").xpath("//article[contains(@class, 'entry')]/@id")
    assert ids == ["deng-xiaoping", "mao-zedong", "robert-weil", "grp-zhengzhou-4", "anon-kaifeng-retiree"]


def test_place_shows_its_hierarchy(out):
    entry = page(out, "places.html").get_element_by_id("kaifeng")
    assert entry.xpath("normalize-space(.//dd[@class = 'hierarchy'])") == "Kaifeng › Henan › China"


def test_authority_identifiers_are_links(out):
    entry = page(out, "persons.html").get_element_by_id("mao-zedong")
    assert entry.xpath(".//dd[@class = 'authorities']/a/@href") == ["https://www.wikidata.org/wiki/Q5816"]
