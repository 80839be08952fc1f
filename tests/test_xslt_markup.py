"""The new TEI markup in every output, on one small invented edition built once with every entry point:
paragraph pointers and the editors' statements in descriptions, Chinese names, orig/reg, inferred speakers,
editorial notes of entries, a @ref with two pointers, and the header's version, canonical URL and other
publication. One behaviour per test."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from lxml import etree, html

from xslt_support import run_entry_points, tei

REGISTERS = """
<listPerson>
  <person xml:id="deng-xiaoping">
    <persName type="preferred">Deng Xiaoping</persName>
    <persName xml:lang="zh-Hans">邓小平</persName>
    <persName xml:lang="zh-Latn-pinyin">Dèng Xiǎopíng</persName>
    <persName xml:lang="zh-Latn-wadegile">Teng Hsiao-p'ing</persName>
    <note type="description">Leader of the reforms named in <ptr target="#p-two"/>. <seg type="editorial" resp="#editors" cert="low" source="https://example.org/deng">He retired in 1992.</seg></note>
    <note type="editorial" resp="#editors">The text calls him Deng only.</note>
  </person>
  <person xml:id="anon-worker"><persName type="anonymous">a worker</persName><note type="description">A worker met in <ptr target="#wages"/>.</note></person>
</listPerson>
<listPlace>
  <place xml:id="henan" type="province"><placeName type="preferred">Henan</placeName><placeName xml:lang="zh-Hans">河南</placeName><location><geo>34.0 113.0</geo></location><note type="description">A province.</note>
    <place xml:id="kaifeng" type="city"><placeName type="preferred">Kaifeng</placeName><location><geo>34.8 114.3</geo></location><note type="description">A city.</note></place>
  </place>
</listPlace>
"""

BODY = """
<div xml:id="intro"><p xml:id="p-one">In <placeName ref="#kaifeng #henan">Kaifeng</placeName> the workers met
  <persName ref="#deng-xiaoping">Deng</persName> in <choice><orig>Peking</orig><reg resp="#editors">Beijing</reg></choice>.</p></div>
<div xml:id="wages"><head>Wages</head><p xml:id="p-two"><said who="#anon-worker" cert="medium" resp="#editors">we wait</said>, one said.</p></div>
"""


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    return run_entry_points(tei(BODY, stand_off=REGISTERS), tmp_path_factory.mktemp("markup"), parameters=_citations())


def _citations(base_url: str = "") -> dict:
    """The citations parameter as the build renders it (edition.outputs.citations) for the fixture document."""
    from edition.outputs.citations import for_stylesheets

    return {"citations": for_stylesheets(etree.fromstring(tei(BODY, stand_off=REGISTERS).encode()), base_url)}


def page(out: Path, name: str):
    return html.fromstring((out / "html" / name).read_bytes())


def entities(out: Path) -> dict[str, dict]:
    return {e["id"]: e for e in json.loads((out / "index" / "entities.json").read_text(encoding="utf-8"))}


def test_a_paragraph_pointer_in_a_description_links_to_its_numbered_paragraph(out):
    ptr = page(out, "persons.html").get_element_by_id("deng-xiaoping").xpath(".//p[@class='description']/a[@class='ptr']")[0]
    assert (ptr.text, ptr.get("href")) == ("¶ 2", "index.html#p-two")


def test_a_pointer_to_a_section_reads_as_its_title(out):
    ptr = page(out, "persons.html").get_element_by_id("anon-worker").xpath(".//a[@class='ptr']")[0]
    assert (ptr.text, ptr.get("href")) == ("Wages", "index.html#wages")


def test_the_editors_statement_is_marked_with_its_uncertainty_and_source(out):
    seg = page(out, "persons.html").get_element_by_id("deng-xiaoping").xpath(".//span[contains(@class, 'editorial-statement')]")[0]
    assert seg.get("class") == "editorial-statement uncertain"
    assert seg.xpath("span[@class='editors-label']/text()") == ["editors"]
    assert seg.xpath("span[@class='cert']/text()") == ["(uncertain)"]
    assert seg.xpath("a[@class='source']/@href") == ["https://example.org/deng"]


def test_the_data_give_a_description_with_paragraph_pointers_as_text(out):
    assert entities(out)["deng-xiaoping"]["description"] == "Leader of the reforms named in ¶ 2. He retired in 1992."


def test_chinese_names_stand_beside_the_heading_with_their_languages(out):
    heading = page(out, "persons.html").get_element_by_id("deng-xiaoping").xpath(".//h3")[0]
    assert heading.text_content().startswith("Deng Xiaoping")
    assert [(s.get("lang"), s.text) for s in heading.xpath(".//span[@class='original-names']/span")] == [
        ("zh-Hans", "邓小平"), ("zh-Latn-pinyin", "Dèng Xiǎopíng"), ("zh-Latn-wadegile", "Teng Hsiao-p'ing")]


def test_chinese_names_are_neither_the_display_name_nor_aliases(out):
    deng = entities(out)["deng-xiaoping"]
    assert (deng["name"], deng["aliases"]) == ("Deng Xiaoping", [])


def test_the_data_list_the_original_names_with_their_languages(out):
    assert entities(out)["henan"]["original_names"] == [{"lang": "zh-Hans", "name": "河南"}]


def test_the_popover_gives_the_characters_and_pinyin(out):
    link = page(out, "index.html").xpath("//a[@href='persons.html#deng-xiaoping']")[0]
    assert link.get("data-tip").startswith("Deng Xiaoping (邓小平 Dèng Xiǎopíng Teng Hsiao-p'ing): Leader of the reforms")


def test_an_editorial_note_of_an_entry_is_shown_with_it(out):
    note = page(out, "persons.html").get_element_by_id("deng-xiaoping").xpath(".//p[@class='editorial-note']")[0]
    assert " ".join(note.text_content().split()) == "Editors’ note: The text calls him Deng only."


def test_a_mention_with_two_pointers_links_each_entry(out):
    paragraph = page(out, "index.html").get_element_by_id("p-one")
    assert paragraph.xpath(".//a[contains(@class, 'entity')]/@href")[:2] == ["places.html#kaifeng", "places.html#henan"]
    assert paragraph.xpath(".//a[@href='places.html#henan']/@data-tip") == ["Henan (河南): A province."]


def test_a_mention_with_two_pointers_is_listed_under_both_entries(out):
    places = page(out, "places.html")
    for entry in ("kaifeng", "henan"):
        assert places.get_element_by_id(entry).xpath(".//p[contains(@class, 'mentions')]//a/@href") == ["index.html#p-one"]


def test_a_mention_with_two_pointers_counts_for_both_in_the_data(out):
    data = entities(out)
    assert (data["kaifeng"]["paragraphs"], data["henan"]["paragraphs"]) == (["p-one"], ["p-one"])
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO((out / "index" / "entities.csv").read_text(encoding="utf-8"), newline=""))}
    assert rows["henan"]["paragraphs"] == "p-one"


def test_the_reading_view_shows_the_writers_form_and_offers_the_regular_one(out):
    ins = page(out, "index.html").xpath("//p[@id='p-one']//ins[@class='reg']")[0]
    assert ins.text_content() == "Peking"
    assert ins.getparent().get("data-tip") == "The writer’s form; regularised by the editors: Beijing"


def test_the_apparatus_lists_the_regularisation(out):
    entry = page(out, "index.html").get_element_by_id("app-1")
    assert " ".join(entry.text_content().split()) == "¶ 1 Peking] Beijing reg. ↩"


@pytest.mark.parametrize("name", ["reading.txt", "diplomatic.txt"])
def test_plain_texts_keep_the_writers_form(out, name):
    assert "met Deng in Peking." in " ".join((out / "text" / name).read_text(encoding="utf-8").split())


def test_an_inferred_speaker_is_shown_as_the_editors_inference(out):
    said = page(out, "index.html").xpath("//span[contains(@class, 'said')]")[0]
    assert said.get("class") == "said inferred"
    assert said.xpath("a[@class='who']/@data-tip")[0].startswith("Said, the editors infer, by a worker")


def test_the_voices_page_says_an_attribution_is_inferred(out):
    assert page(out, "voices.html").xpath("//span[@class='inferred']/text()") == ["attribution inferred by the editors (uncertain)"]


def test_the_title_block_gives_the_version_and_the_other_publication(out):
    index = page(out, "index.html")
    assert "Test edition, version 2.1, 2030-05-01." in index.xpath("string(//p[@class='edition-statement'])")
    assert index.xpath("string(//header//p[@class='also-published'])") == "Also published in Test Monthly 7 (not collated for this edition)."


def test_the_source_line_is_the_headers_description_of_the_source(out):
    source = " ".join(page(out, "index.html").xpath("string(//p[@class='source'])").split())
    assert source == "Source: Ada Example, “A Test Text”, Test Site, 4 March, no year on the page."


def test_without_a_base_url_citations_use_the_headers_canonical_url(out):
    cite = page(out, "index.html").xpath("//p[@id='p-two']/a[@class='cite']/@data-citation")[0]
    assert cite == ("Ada Example, “A Test Text,” version 2.1, Test Site, 4 March; The Test Press, May 1, 2030, para. 2, "
                    "https://example.org/test/index.html#p-two.")


def test_the_base_url_parameter_wins_over_the_headers_url(tmp_path):
    out = run_entry_points(tei(BODY, stand_off=REGISTERS), tmp_path, ("cite-files.xsl",),
                           {"base-url": "https://mirror.example/", **_citations("https://mirror.example/")})
    assert "\turl = {https://mirror.example/index.html}," in (out / "html" / "cite" / "edition.bib").read_text(encoding="utf-8")


def test_bibtex_and_csl_json_name_the_version(out):
    bib = (out / "html" / "cite" / "edition.bib").read_text(encoding="utf-8")
    assert "\tdate = {2030-05-01},\n\tversion = {2.1}," in bib
    assert json.loads((out / "html" / "cite" / "edition.json").read_text(encoding="utf-8"))[0]["version"] == "2.1"


def test_the_mla_citation_names_the_version(out):
    mla = page(out, "index.html").xpath("string(//p[@id='cite-mla'])")
    assert mla == "Example, Ada. “A Test Text.” 4 March. Test Site, Version 2.1, The Test Press, 1 May 2030, https://example.org/test/index.html."


def test_page_metadata_names_the_version_and_the_absolute_url(out):
    index = page(out, "index.html")
    assert index.xpath("//meta[@name='citation_version']/@content") == ["version 2.1, 2030-05-01"]
    assert index.xpath("//meta[@name='citation_public_url']/@content") == ["https://example.org/test/index.html"]


def test_the_tei_download_is_named_after_the_edition(out):
    assert (out / "html" / "tei" / "test-edition.xml").is_file()
    assert page(out, "index.html").xpath("//footer//a[text()='TEI source']/@href") == ["tei/test-edition.xml"]


@pytest.mark.parametrize("name", ["index.html", "persons.html", "voices.html", "figures.html", "search.html"])
def test_every_page_links_the_favicon_shipped_with_the_assets(out, repo_root, name):
    href = page(out, name).xpath("//head/link[@rel='icon']/@href")
    assert href == ["assets/favicon.svg"] and (repo_root / "xslt" / href[0]).is_file()


def test_the_cite_control_carries_the_absolute_permalink(out):
    cite = page(out, "index.html").xpath("//p[@id='p-two']/a[@class='cite']")[0]
    assert (cite.get("href"), cite.get("data-permalink")) == ("#p-two", "https://example.org/test/index.html#p-two")
