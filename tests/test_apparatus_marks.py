"""Marks in the right place in the reading view, on a small invented edition: the words either side of a
space correction come from the text (not from a note standing before it); a supplied heading shows one pair
of brackets; the reader comment's heading, ¶ marker and citation give one label; no paragraph identifier
shows in a note's tip."""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html

from xslt_support import run_entry_points, tei

BODY = """
<div xml:id="intro"><p xml:id="p-first-one">The <said who="#nobody" direct="true">Revolution.</said><note type="editorial"
  resp="#editors">A note that ends in witness.</note><corr resp="#editors" type="space"> </corr>On the site, see <ptr target="#p-second-one"/>.</p></div>
<div xml:id="lost"><head type="editorial"><supplied reason="heading-lost-in-capture" resp="#editors">Migrant Labor</supplied></head>
  <p xml:id="p-second-one">Words.<note type="editorial" resp="#editors">As in <ptr target="#p-first-one"/>.</note></p></div>
"""
BACK = """<div type="comments" xml:id="comments"><div type="comment" n="1" xml:id="comment-one">
  <head type="number"><num type="ordinal" value="1">1</num>.</head><p xml:id="p-comment-one">Glad.</p></div></div>"""


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    out: Path = run_entry_points(tei(BODY, back=BACK), tmp_path_factory.mktemp("marks"), names=["html.xsl"])
    return html.fromstring((out / "html" / "index.html").read_bytes())


def text(e) -> str:
    return " ".join(e.text_content().split())


def test_a_space_correction_takes_the_words_around_it_from_the_text(index):
    entry = index.xpath("//section[@id='apparatus']//li[contains(., 'space inserted')]")[0]
    assert text(entry) == "¶ 1 “Revolution.” On] \"Revolution.”On witness (space inserted) ↩"


def test_a_supplied_heading_has_its_brackets_once(index):
    heading = index.get_element_by_id("lost-head")
    assert text(heading) == "[Migrant Labor]" and heading.get("title") is None
    # The fixture's header declares no reasons (taxonomy supplied-reason): the reason reads as its generic label.
    assert heading.xpath("ins/@data-tip") == ["Supplied by the editors: heading lost in capture"]


def test_the_comment_heading_marker_and_citation_agree(index):
    assert text(index.get_element_by_id("comment-one-head")) == "Comment 1"
    paragraph = index.get_element_by_id("p-comment-one")
    pilcrow, cite = paragraph.xpath("a[@class='pilcrow']")[0], paragraph.xpath("a[@class='cite']")[0]
    assert (pilcrow.text, pilcrow.get("aria-label"), text(cite)) == ("1", "comment 1, ¶ 1", "Cite comment 1, ¶ 1")
    assert ", para. 1 (comment 1), " in cite.get("data-citation")


def test_no_paragraph_identifier_shows_in_a_tip_or_a_note(index):
    shown = [text(index.xpath("//body")[0])] + [v for e in index.xpath("//*[@title or @data-tip or @aria-label]")
                                                for v in (e.get("title"), e.get("data-tip"), e.get("aria-label")) if v]
    assert not [v for v in shown if "p-first-one" in v or "p-second-one" in v]
    assert index.xpath("//sup[@class='note-ref']/a/@data-tip")[1] == "Editorial note 2: As in ¶ 1."
