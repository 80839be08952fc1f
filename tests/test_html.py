"""The reading view's HTML templates (xslt/html.xsl and its modules), on small fixtures through saxonche;
the search records (search.py) and the preview server (serve.py). One behaviour per test."""
from __future__ import annotations

import json
import threading
import urllib.request
from pathlib import Path

import pytest
from lxml import html as lxml_html

from edition.outputs.search import read_records
from edition.serve import make_server
from edition.xslt import Stylesheets
from xslt_support import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "html" / "mini.xml"


ENTRIES = [ROOT / "xslt" / "html.xsl", ROOT / "xslt" / "cite-files.xsl"]


@pytest.fixture(scope="module")
def saxon():
    """One processor for this module: Saxon reads no file once it has a document, so compile first."""
    s = Stylesheets()
    for entry in ENTRIES:
        s.compile(entry)
    return s


def _build(s: Stylesheets, out: Path, parameters: dict | None = None) -> Path:
    from lxml import etree

    from edition.outputs.citations import for_stylesheets

    document = s.document(FIXTURE.read_bytes())
    parameters = {"ids": False, "base-url": "", **(parameters or {})}
    citations = for_stylesheets(etree.fromstring(FIXTURE.read_bytes()), parameters["base-url"])  # as the build does
    for entry in ENTRIES:
        s.run(entry, document, out, {"citations": citations, **parameters})
    return out / "html"


@pytest.fixture(scope="module")
def site(saxon, tmp_path_factory) -> Path:
    return _build(saxon, tmp_path_factory.mktemp("html"))


@pytest.fixture(scope="module")
def index(site):
    return lxml_html.parse(str(site / "index.html")).getroot()


def one(tree, xpath: str):
    hits = tree.xpath(xpath)
    assert len(hits) == 1, f"{xpath}: {len(hits)} hits"
    return hits[0]


def test_paragraphs_are_numbered_at_build_time_in_reading_order(index):
    assert index.xpath("//p[@class='para']/@data-n") == ["1", "2", "3", "1"]


def test_a_comment_paragraph_is_numbered_within_the_comments(index):
    pilcrow = one(index, "//p[@id='p-mini-comment']/a[@class='pilcrow']")
    assert (pilcrow.text, pilcrow.get("aria-label")) == ("1", "comment 1, ¶ 1")


def test_the_comment_heading_is_its_label(index):
    """The heading, the ¶ marker and the citation read alike: "Comment 1", "¶ 1", "comment 1, ¶ 1"."""
    assert one(index, "//section[@id='comment-one']/h3").text_content() == "Comment 1"
    cite = one(index, "//p[@id='p-mini-comment']/a[@class='cite']")
    assert cite.text_content() == "Cite comment 1, ¶ 1" and ", para. 1 (comment 1), index.html#p-mini-comment." in cite.get("data-citation")


def test_the_cite_control_comes_right_after_the_paragraph_number(index):
    paragraph = one(index, "//p[@id='p-mini-two']")
    assert [a.get("class").split()[0] for a in paragraph.xpath(".//a")][:3] == ["pilcrow", "cite", "entity"]


def test_each_paragraph_is_anchored_by_its_identifier_and_links_to_itself(index):
    pilcrow = one(index, "//p[@id='p-mini-two']/a[@class='pilcrow']")
    assert pilcrow.get("href") == "#p-mini-two"


def test_the_cite_control_is_a_permalink_carrying_the_full_citation(index):
    cite = one(index, "//p[@id='p-mini-two']/a[@class='cite']")
    assert cite.get("href") == "#p-mini-two"
    assert cite.get("data-citation") == ("Robert Weil, “Conditions of the Working Classes in China,” version 1.0, "
                                         "China Study Group, 31 dec; The Weil Edition Project, 2026, para. 2, index.html#p-mini-two.")


def test_with_a_base_url_the_citation_holds_the_absolute_permalink(saxon, tmp_path):
    tree = lxml_html.parse(str(_build(saxon, tmp_path, {"base-url": "https://example.org/weil/"}) / "index.html"))
    cite = one(tree, "//p[@id='p-mini-two']/a[@class='cite']")
    assert cite.get("data-citation").endswith(", para. 2, https://example.org/weil/index.html#p-mini-two.")


def test_a_mention_links_to_its_entry_with_name_and_description(index):
    link = one(index, "//p[@id='p-mini-one']//a[contains(@class, 'k-place')]")
    assert (link.get("href"), link.get("title"), link.get("data-tip")) == (
        "places.html#zhengzhou", None, "Zhengzhou: Capital of Henan province.")


def test_no_element_has_a_title_beside_its_tip(index):
    """One tooltip, never two: a data-tip (the popover) and no title on the same element."""
    assert index.xpath("//*[@data-tip]")
    assert index.xpath("//*[@title and @data-tip]") == []


def test_a_mention_carries_its_element_type_and_kind_as_classes(index):
    link = one(index, "//p[@id='p-mini-one']/a[contains(@class, 'k-person')]")
    assert link.get("class").split() == ["entity", "persName", "k-person"]


def test_a_mention_holding_a_mention_is_a_focusable_span_offering_its_link(index):
    outer = one(index, "//p[@id='p-mini-two']/*[contains(@class, 'k-person')]")
    assert outer.tag == "span" and outer.get("class").split() == ["entity", "rs", "person", "k-person"]
    assert (outer.get("data-href"), outer.get("tabindex")) == ("persons.html#anon-zhengzhou-worker", "0")
    assert outer.get("data-tip").startswith("a Zhengzhou worker")


def test_a_mention_inside_a_mention_is_a_link_of_its_own(index):
    inner = one(index, "//p[@id='p-mini-two']/span[contains(@class, 'k-person')]/*[contains(@class, 'k-place')]")
    assert (inner.tag, inner.get("href"), inner.get("data-tip")) == (
        "a", "places.html#zhengzhou", "Zhengzhou: Capital of Henan province.")
    assert inner.get("tabindex") is None, "the first mention of Zhengzhou in its paragraph is a tab stop"


def test_no_link_holds_another(index):
    assert index.xpath("//a[.//a]") == []


def test_speech_gets_typographic_marks_and_a_link_to_its_speaker(index):
    said = one(index, "//p[@id='p-mini-two']//span[@class='said']")
    assert said.text_content().startswith("“we earn") and "’ us”" in said.text_content()
    assert one(said, "a[@class='who']").get("href") == "persons.html#anon-zhengzhou-worker"


def test_quoted_writing_links_to_its_source(index):
    assert one(index, "//span[@class='quote']/a[@class='who']").get("href") == "works.html#work-leaflet"


def test_a_number_keeps_its_text_and_shows_its_value(index):
    number = one(index, "//span[@class='num percentage']")
    assert (number.text, number.get("data-tip")) == ("70-80 percent", "Value: 70–80 %")


def test_an_amount_shows_its_quantity_and_currency(index):
    assert one(index, "//span[@class='measure currency']").get("data-tip") == "Value: 460 CNY"


def test_a_correction_shows_the_corrected_reading_and_links_to_the_apparatus(index):
    link = one(index, "//a[@id='app-ref-1']")
    assert (link.text_content(), link.get("href")) == ("which", "#app-1")
    assert link.get("data-tip") == "Corrected by the editors; the witness reads: wich"


def test_the_apparatus_gives_the_witness_reading_and_a_back_link(index):
    entry = one(index, "//li[@id='app-1']")
    assert " ".join(entry.text_content().split()) == "¶ 3 which] wich witness ↩"
    assert one(entry, "a[@class='back']").get("href") == "#app-ref-1"


def test_supplied_words_stand_in_brackets(index):
    supplied = one(index, "//ins[@class='supplied']")
    assert supplied.text_content() == "[not]"
    assert supplied.getparent().get("data-tip") == "Supplied by the editors: the witness omits it"


def test_a_space_correction_is_listed_with_the_words_of_the_text_around_it(index):
    """The words either side come from the paragraph, not from a note that stands nearby."""
    entry = one(index, "//li[@id='app-3']")
    assert " ".join(entry.text_content().split()) == "¶ 3 new. Then] new.Then witness (space inserted) ↩"


def test_a_note_is_a_marker_in_the_text_and_an_entry_at_the_end(index):
    assert one(index, "//p[@id='p-mini-three']//sup[@class='note-ref']/a").get("href") == "#note-1"
    note = one(index, "//li[@id='note-1']")
    assert "A space is missing" in note.text_content()
    assert one(note, "a[@class='back']").get("href") == "#note-ref-1"


def test_highwire_metadata_names_title_author_date_publisher_language(index):
    meta = {m.get("name"): m.get("content") for m in index.xpath("//meta[starts-with(@name, 'citation_')]")}
    assert meta == {"citation_title": "Conditions of the Working Classes in China", "citation_author": "Weil, Robert",
                    "citation_publication_date": "2026", "citation_publisher": "The Weil Edition Project",
                    "citation_public_url": "index.html", "citation_fulltext_html_url": "index.html",
                    "citation_language": "en", "citation_version": "version 1.0, 2026"}


def test_dublin_core_metadata_gives_the_type(index):
    assert one(index, "//meta[@name='DC.type']").get("content") == "Text"


def test_a_page_has_exactly_one_coins_span(index):
    coins = one(index, "//span[@class='Z3988']")
    assert "rft.title=Conditions%20of%20the%20Working%20Classes%20in%20China" in coins.get("title")


def test_how_to_cite_gives_chicago_and_mla_and_the_downloads(index):
    section = one(index, "//section[@id='how-to-cite']")
    assert one(section, ".//p[@id='cite-chicago']").text.startswith("Weil, Robert. “Conditions")
    assert one(section, ".//p[@id='cite-mla']").text.startswith("Weil, Robert. “Conditions")
    assert section.xpath(".//a/@href")[-2:] == ["cite/edition.bib", "cite/edition.json"]


def test_the_build_writes_the_bibtex_file(site):
    assert (site / "cite" / "edition.bib").read_text(encoding="utf-8").startswith("@online{weil-conditions,")


def test_the_build_writes_the_csl_json_file(site):
    item = json.loads((site / "cite" / "edition.json").read_text(encoding="utf-8"))[0]
    assert (item["type"], item["title"], item["author"]) == (
        "webpage", "Conditions of the Working Classes in China", [{"family": "Weil", "given": "Robert"}])


@pytest.mark.parametrize("page", ["index.html", "search.html"])
def test_every_page_has_the_navigation_and_the_search_box(site, page):
    tree = lxml_html.parse(str(site / page))
    assert one(tree, "//form[@role='search']").get("action") == "search.html"
    assert tree.xpath("//nav[@aria-label='Edition']//a/@href")[0] == "index.html"


def test_the_reading_view_has_the_five_highlight_switches(index):
    assert index.xpath("//form[@class='highlight-switch']//input[@type='checkbox']/@value") == [
        "persons", "places", "organisations", "quotations", "numbers"]


def test_the_contents_list_the_sections_and_the_apparatus(index):
    assert one(index, "//nav[@class='toc']").xpath(".//a/@href") == [
        "#introduction", "#section-one", "#comments", "#notes", "#apparatus", "#how-to-cite"]


def test_search_records_are_paragraphs_without_their_controls(site):
    records = {r.url: r for r in read_records(site.parent)}  # the records html.xsl wrote beside html/
    record = records["index.html#p-mini-two"]
    assert record.title.startswith("¶ 2")
    assert "Cite" not in record.content and "said by" not in record.content
    assert record.content.startswith("A Zhengzhou worker said: “we earn 460 Yuan")


def test_the_preview_server_serves_on_loopback_only(site):
    server = make_server(site, 0, quiet=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        host, port = server.server_address[:2]
        assert host == "127.0.0.1"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/index.html") as response:
            assert response.headers["Content-Type"].startswith("text/html")
    finally:
        server.shutdown()
        server.server_close()
