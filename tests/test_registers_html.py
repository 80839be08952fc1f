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


# ---------------------------------------------------------------- a small edition built for the register pages' layout

from xslt_support import run_entry_points, tei  # noqa: E402

LAYOUT = tei(
    body='<div xml:id="part-one"><head>Part one</head>'
         '<p xml:id="p-one">First <rs ref="#anon-b">a guard</rs>, then <rs ref="#anon-a">a worker</rs>.</p>'
         '<p xml:id="p-two"><rs ref="#grp-g">The group</rs> and <persName ref="#zhang-san">Zhang San</persName>.</p></div>',
    back='<div type="comments" xml:id="comments"><div type="comment" n="1" xml:id="comment-x"><p xml:id="p-comment-x">Thanks.</p>'
         '<closer><signed><persName ref="#nico">Nico</persName></signed></closer></div></div>',
    stand_off='<listPerson>'
              '<person xml:id="zhang-san"><persName type="preferred"><surname>Zhang</surname> <forename>San</forename></persName></person>'
              '<person xml:id="nico"><persName type="preferred"><forename>Nico</forename></persName><note type="description">Signs the comment.</note></person>'
              '</listPerson><listPerson><head>Zhengzhou</head>'
              '<person xml:id="anon-a" role="informant"><persName type="anonymous">an informant</persName></person>'
              '<person xml:id="anon-b" role="other"><persName type="anonymous">a bystander</persName></person>'
              '<personGrp xml:id="grp-g" role="mentioned"><name>a group</name><note type="members"><rs ref="#zhang-san">Zhang San</rs></note></personGrp>'
              '<personGrp xml:id="grp-empty" role="mentioned"><name>another group</name><note type="members"> </note></personGrp>'
              '</listPerson>').replace(
    # The roles' wording is the edition's (its header's classDecl), not the pipeline's.
    "</tagsDecl>", '</tagsDecl><classDecl><taxonomy xml:id="person-role">'
                   '<category n="informant"><catDesc>informant: spoke with the authors</catDesc></category>'
                   '<category n="other"><catDesc/></category></taxonomy></classDecl>', 1)


@pytest.fixture(scope="module")
def layout(tmp_path_factory) -> Path:
    return run_entry_points(LAYOUT, tmp_path_factory.mktemp("layout"), ("registers-html.xsl", "voices.xsl", "figures.xsl"))


def test_unnamed_people_are_listed_under_their_place_in_order_of_first_mention(layout):
    section = page(layout, "persons.html").get_element_by_id("group-zhengzhou")
    assert section.xpath("normalize-space(h2)") == "Unnamed people and groups: Zhengzhou (4)"
    assert section.xpath("article/@id") == ["anon-b", "anon-a", "grp-g", "grp-empty"]


def test_a_role_reads_as_words_and_other_says_nothing(layout):
    persons = page(layout, "persons.html")
    assert persons.get_element_by_id("anon-a").xpath("string(.//dt[. = 'Role']/following-sibling::dd[1])") == "informant: spoke with the authors"
    assert persons.get_element_by_id("anon-b").xpath(".//dt") == []


def test_members_are_links_to_their_entries_and_an_empty_note_shows_no_field(layout):
    persons = page(layout, "persons.html")
    assert persons.get_element_by_id("grp-g").xpath(".//dd[@class = 'members']//a/@href") == ["persons.html#zhang-san"]
    assert persons.get_element_by_id("grp-empty").xpath(".//dt[. = 'Members']") == []


def test_a_signature_is_listed_as_such_not_as_unnamed(layout):
    nico = page(layout, "persons.html").get_element_by_id("nico")
    assert nico.xpath(".//p[contains(@class, 'signed')]//a/@href") == ["index.html#comment-x"]
    assert "Not named" not in nico.text_content()
