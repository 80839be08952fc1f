"""voices.html, quotations.json/.csv, figures.html, figures.json/.csv on the fixture project."""
import csv
import io
import json
from pathlib import Path

import pytest
from lxml import html

from xslt_support import build_fixture


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    return build_fixture(tmp_path_factory.mktemp("voices"))


def load(out: Path, name: str) -> list[dict]:
    return json.loads((out / "index" / name).read_text(encoding="utf-8"))


def test_speech_is_grouped_by_speaker_with_a_link_to_the_entry(out):
    section = html.fromstring((out / "html" / "voices.html").read_bytes()).get_element_by_id("voice-anon-kaifeng-retiree")
    assert section.xpath(".//h4/a/@href") == ["persons.html#anon-kaifeng-retiree"]
    assert [p.text for p in section.xpath(".//blockquote/p")] == [
        "“we get just 460 Yuan, and they ‘reform’ us.”", "“nothing is left”"]


def test_quoted_writing_is_listed_with_its_source(out):
    writings = html.fromstring((out / "html" / "voices.html").read_bytes()).get_element_by_id("writings")
    assert writings.xpath(".//a[@class = 'source']/@href") == ["works.html#work-leaflet"]


def test_quotation_rows_carry_speaker_kind_and_paragraph(out):
    said = [r for r in load(out, "quotations.json") if r["kind"] == "said"]
    assert said[0] == {"paragraph": "p-two", "n": 2, "label": "¶ 2", "speaker": "anon-kaifeng-retiree",
                       "speaker_name": "retired worker in Kaifeng", "kind": "said",
                       "text": "“we get just 460 Yuan, and they ‘reform’ us.”", "source": None}


def test_quotations_csv_has_one_row_per_quotation(out):
    text = (out / "index" / "quotations.csv").read_text(encoding="utf-8")
    kinds = [r["kind"] for r in csv.DictReader(io.StringIO(text, newline=""))]
    assert kinds == ["said", "soCalled", "quote", "said"]


def test_range_keeps_its_bounds(out):
    percentage = next(r for r in load(out, "figures.json") if r["kind"] == "percentage")
    assert (percentage["value"], percentage["at_least"], percentage["at_most"]) == (None, 70, 80)


def test_money_has_its_currency(out):
    money = [(r["value"], r["at_least"], r["at_most"], r["unit"]) for r in load(out, "figures.json") if r["kind"] == "money"]
    assert money == [(None, 500, 900, "CNY"), (460, None, None, "CNY")]


def test_dates_are_figures_of_kind_date(out):
    date = next(r for r in load(out, "figures.json") if r["kind"] == "date")
    assert (date["at_least"], date["at_most"], date["text"]) == ("1993", "1994", "1993-94")


def test_figure_context_is_the_words_before_it(out):
    number = next(r for r in load(out, "figures.json") if r["kind"] == "number")
    assert number["context"] == "is remembered, and Beijing is far;"


def test_figures_page_orders_a_kind_by_value(out):
    section = html.fromstring((out / "html" / "figures.html").read_bytes()).get_element_by_id("kind-money")
    assert [td.text for td in section.xpath(".//td[@class = 'value']")] == ["460", "500–900"]


# ---------------------------------------------------------------- voices in the order of the text; amounts as readers write them

from xslt_support import run_entry_points, tei  # noqa: E402

ORDER = tei(
    body='<div xml:id="first"><head>First part</head><p xml:id="p-a"><said who="#anon-z">one</said> '
         '<measure type="currency" commodity="currency" unit="CNY" quantity="14000">Y14,000</measure> a month, '
         '<measure type="currency" commodity="currency" unit="CNY" atLeast="1000000000" atMost="9999999999">billions</measure>.</p></div>'
         '<div xml:id="second"><head>Second part</head><p xml:id="p-b"><said who="#anon-a">two</said> <said who="#anon-z">three</said></p></div>',
    stand_off='<listPerson><person xml:id="anon-a"><persName type="anonymous">a speaker</persName></person>'
              '<person xml:id="anon-z"><persName type="anonymous">z speaker</persName></person></listPerson>')


@pytest.fixture(scope="module")
def ordered(tmp_path_factory) -> Path:
    return run_entry_points(ORDER, tmp_path_factory.mktemp("ordered"), ("voices.xsl", "figures.xsl"))


def test_speakers_come_in_the_order_they_first_speak_under_their_part(ordered):
    speech = html.fromstring((ordered / "html" / "voices.html").read_bytes()).get_element_by_id("speech")
    parts = [(p.xpath("normalize-space(h3)"), p.xpath("section/@id")) for p in speech.xpath("section[@class = 'voice-part']")]
    assert parts == [("First part", ["voice-anon-z"]), ("Second part", ["voice-anon-a"])]


def test_amounts_have_thousands_separators_and_the_period_the_text_gives(ordered):
    rows = html.fromstring((ordered / "html" / "figures.html").read_bytes()).get_element_by_id("kind-money").xpath(".//tbody/tr")
    assert [(r.xpath("string(td[@class = 'value'])"), r.xpath("string(td[@class = 'unit'])")) for r in rows] == [
        ("14,000", "CNY per month"), ("1,000,000,000–9,999,999,999", "CNY")]
