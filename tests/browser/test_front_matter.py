"""The title block and "About this edition" of the real edition, as a reader sees them (issue 14, item 10).

The About text speaks to readers (no TEI element or attribute names, no file of the project); the
byline's author and date stand apart; the dating reasoning is said once; the edition's own words give
the date as "31 December" while the witness's byline keeps "31 dec".
"""
from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def _index(new_page, edition_url, width: int = 1280):
    page = new_page(width=width)
    page.goto(edition_url + "index.html")
    return page


def _open_about(page):
    page.click("details.about > summary")
    return page.inner_text("details.about")


def test_about_this_edition_has_no_tei_markup_or_project_files(new_page, edition_url):
    about = _open_about(_index(new_page, edition_url))
    assert len(about) > 500, "About says what the edition does"
    for raw in ("<", "@", "ids.lock", "standOff", "xml:id"):
        assert raw not in about, f"About shows {raw!r}: {about[:300]}"


def test_about_this_edition_leaves_the_encoding_to_the_manual(new_page, edition_url):
    page = _index(new_page, edition_url)
    _open_about(page)
    assert page.locator("details.about a[href='encoding.html']").is_visible()


def test_about_this_edition_says_how_to_read_the_marks(new_page, edition_url):
    about = _open_about(_index(new_page, edition_url))
    for mark in ("dotted underline", "dashed underline", "Square brackets", "Raised numbers", "Highlight"):
        assert mark in about, mark


@pytest.mark.parametrize("width", [1280, 360])
def test_the_byline_and_its_date_are_apart(new_page, edition_url, width):
    page = _index(new_page, edition_url, width)
    byline = page.inner_text("p.byline")
    assert re.search(r"Weil\s*\n\s*31 dec", byline), f"author and date run together: {byline!r}"
    author = page.locator("p.byline a.entity").bounding_box()
    date = page.locator("p.byline .date").bounding_box()
    assert date["y"] >= author["y"] + author["height"] - 1, "the date stands on its own line, under the author"


def test_the_dating_reasoning_is_said_once(new_page, edition_url):
    page = _index(new_page, edition_url)
    _open_about(page)
    # Outside the essay's own paragraphs, one block of the page argues the date from Dongzhou, December 2005.
    blocks = page.eval_on_selector_all(
        "main :is(p, li, dd):not(.para):not(.para *)",
        "els => els.filter(e => !e.querySelector('p, li, dd') && /December 2005/.test(e.innerText)).map(e => e.innerText)")
    assert len(blocks) == 1, blocks


def test_the_editions_own_words_say_31_december_and_the_witness_keeps_31_dec(new_page, edition_url):
    page = _index(new_page, edition_url)
    assert "31 December" in page.inner_text("p.source")
    assert "31 dec" not in page.inner_text("p.source")
    assert "31 December" in page.inner_text("#cite-chicago")
    assert page.inner_text("p.byline .date") == "31 dec", "the byline is the witness's"
