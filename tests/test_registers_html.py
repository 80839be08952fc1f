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


def test_every_register_with_entries_has_a_page_and_an_empty_one_none(out):
    """The fixture's registers are persons, places and works: the other declared kinds have no page, no link."""
    for name in ("persons", "places", "works"):
        assert (out / "html" / f"{name}.html").is_file()
    for name in ("organisations", "events", "glossary"):
        assert not (out / "html" / f"{name}.html").exists()
    nav = page(out, "persons.html").xpath("//nav[@aria-label='Edition']//a/@href")
    assert [n for n in nav if n.endswith(("persons.html", "places.html", "works.html", "organisations.html", "events.html", "glossary.html"))] == [
        "persons.html", "places.html", "works.html"]


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
    assert entry.xpath("normalize-space(.//dd[@class = 'hierarchy'])") == "Henan › China"  # never itself


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


# ------------------------------------------------------------------ headings, letters, signatures, nesting (real editions)

def _built(fixture_root: Path, root: Path) -> Path:
    """A copy of an edition (its edition/ folder) with the repository's stylesheets and schema, built; its build/."""
    import shutil

    from edition.build import build
    from edition.project import Project
    from xslt_support import ROOT

    shutil.copytree(fixture_root / "edition", root / "edition")
    for folder in ("xslt", "schema"):
        shutil.copytree(ROOT / folder, root / folder)
    project = Project(root)
    build(project, search=False)
    return project.build_dir


@pytest.fixture(scope="module")
def letter(tmp_path_factory) -> Path:
    from xslt_support import FIXTURES

    return _built(FIXTURES / "letter-edition", tmp_path_factory.mktemp("letter"))


@pytest.fixture(scope="module")
def weil(tmp_path_factory, repo_root) -> Path:
    return _built(repo_root, tmp_path_factory.mktemp("weil"))


def test_names_in_a_letters_dateline_and_salutation_count_as_named(letter):
    """Executive Mansion and Washington (dateline), Mrs. Bixby and Boston (salutation): each named in the letter."""
    for name, ident in (("places.html", "executive-mansion"), ("places.html", "washington"),
                        ("places.html", "boston"), ("persons.html", "lydia-bixby")):
        entry = page(letter, name).get_element_by_id(ident)
        assert "Not named" not in entry.text_content(), ident
        assert entry.xpath(".//p[contains(@class, 'mentions') and contains(@class, 'ref')]//a/@href") == ["index.html#letter"], ident


def test_a_letters_signature_links_the_signer_to_the_letter_by_its_name(letter):
    lincoln = page(letter, "persons.html").get_element_by_id("abraham-lincoln")
    signed = lincoln.xpath(".//p[contains(@class, 'signed')]//a")
    assert [(a.get("href"), a.text_content().strip() != "") for a in signed] == [("index.html#letter", True)]
    assert "Not named" not in lincoln.text_content()


def test_a_nested_place_is_located_in_its_container_never_in_itself(letter, weil):
    mansion = page(letter, "places.html").get_element_by_id("executive-mansion")
    assert mansion.xpath("normalize-space(.//dd[@class = 'hierarchy'])") == "Washington"
    washington = page(letter, "places.html").get_element_by_id("washington")
    assert washington.xpath(".//dt[. = 'Located in']") == []
    for entry in page(weil, "places.html").xpath("//article[contains(@class, 'entry')]"):
        assert f"#{entry.get('id')}" not in entry.xpath(".//dd[@class = 'hierarchy']//a/@href"), entry.get("id")


def test_the_letter_has_no_page_nor_link_nor_switch_for_its_empty_registers(letter):
    html_dir = letter / "html"
    assert not any((html_dir / n).exists() for n in ("organisations.html", "events.html", "works.html", "glossary.html"))
    index = page(letter, "index.html")
    nav = index.xpath("//nav[@aria-label='Edition']//a/@href")
    assert "persons.html" in nav and "places.html" in nav and "organisations.html" not in nav
    assert "organisations" not in index.xpath("//form[@class='highlight-switch']//input/@value")


def test_the_weil_comment_signature_links_its_signer_to_the_comment(weil):
    nico = page(weil, "persons.html").get_element_by_id("nico")
    assert [(a.get("href"), a.text_content()) for a in nico.xpath(".//p[contains(@class, 'signed')]//a")] == [
        ("index.html#comment-nico", "comment 1")]


def test_no_weil_entry_is_unnamed_when_the_text_names_it_outside_a_paragraph(weil):
    """An entry called "not named in the text" has no pointer from the text's body or back at all."""
    from edition.corpus import load_edition
    from edition.project import Project

    document = load_edition(Project(weil.parent)).document
    pointed = {v.removeprefix("#") for v in document.xpath(
        "/t:TEI/t:text//@ref[not(ancestor::t:note)]", namespaces={"t": "http://www.tei-c.org/ns/1.0"}) for v in v.split()}
    for name in ("persons.html", "places.html", "organisations.html"):
        for entry in page(weil, name).xpath("//article[.//p[contains(@class, 'none')]]"):
            assert entry.get("id") not in pointed, (name, entry.get("id"))


def test_a_place_named_in_a_heading_is_named_in_the_text_and_linked_to_its_heading(tmp_path):
    from xslt_support import run_entry_points, tei

    xml = tei('<div xml:id="d-henan"><head>In <placeName ref="#henan">Henan</placeName></head><p xml:id="p-a">Words.</p></div>',
              stand_off='<listPlace><place xml:id="henan" type="province"><placeName>Henan</placeName>'
                        '<location><geo>34.0 113.0</geo></location><note type="description">A province.</note></place></listPlace>')
    out = run_entry_points(xml, tmp_path, ("registers-html.xsl",))
    henan = page(out, "places.html").get_element_by_id("henan")
    assert "Not named" not in henan.text_content()
    assert [(a.get("href"), a.text_content()) for a in henan.xpath(".//p[contains(@class, 'mentions')]//a")] == [
        ("index.html#d-henan", "In Henan")]
