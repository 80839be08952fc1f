"""Printing a page of the real edition from the browser (issue 14, item 13, and the print half of item 6):
every printed page says where it lives (its canonical URL under the header's base URL), the citation
prints an absolute URL, "About this edition" prints, the back arrows "↩" do not, corrections keep their
mark on paper, and an @page rule gives margins, a running head and page numbers."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest

pytestmark = pytest.mark.browser

#: The edition's canonical base URL (publicationStmt/idno type="URL" of edition/conditions.xml).
BASE = "https://weil-edition.example.org/"


def _printed(new_page, url, name="index.html"):
    page = new_page()
    page.goto(url + name)
    page.emulate_media(media="print")
    return page


@pytest.mark.parametrize("name", ["index.html", "persons.html", "voices.html"])
def test_a_printed_page_gives_its_canonical_url(new_page, edition_url, name):
    page = _printed(new_page, edition_url, name)
    assert BASE + name in page.inner_text("header.site")


def test_the_printed_citation_has_the_absolute_url(new_page, edition_url):
    page = _printed(new_page, edition_url)
    citation = page.inner_text("#cite-chicago")
    assert re.search(r"https://\S+/index\.html\.$", citation), citation


def test_about_this_edition_prints(new_page, edition_url):
    page = _printed(new_page, edition_url)
    about = page.locator("details.about > p").first
    assert about.is_visible() and about.bounding_box()["height"] > 0
    assert "word for word" in page.inner_text("details.about")


def test_back_arrows_do_not_print(new_page, edition_url):
    page = _printed(new_page, edition_url)
    assert "↩" not in page.inner_text("body")


def test_a_correction_keeps_its_mark_on_paper(new_page, edition_url):
    page = _printed(new_page, edition_url)
    decoration = page.eval_on_selector("p.para ins.corr", "e => getComputedStyle(e).textDecorationLine")
    assert "underline" in decoration


def test_printing_has_margins_a_running_head_and_page_numbers(new_page, edition_url, tmp_path, screenshots):
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) reads the printed PDF")
    page = _printed(new_page, edition_url)
    pdf = tmp_path / "index.pdf"
    page.pdf(path=str(pdf), format="A4")  # as the browser prints: the page's @page rule decides margins
    shutil.copy(pdf, screenshots / "index-print-view.pdf")
    second = subprocess.run(["pdftotext", "-f", "2", "-l", "2", "-layout", str(pdf), "-"],
                            capture_output=True, text=True, check=True).stdout
    assert second.lstrip().startswith("Robert Weil, Conditions of the Working Classes in China"), second[:200]
    assert re.search(r"\b2 / \d+\s*$", second), second[-200:]
    bbox = subprocess.run(["pdftotext", "-f", "2", "-l", "2", "-bbox", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    left = min(float(x) for x in re.findall(r'<word xMin="([\d.]+)"', bbox))
    assert left >= 45, f"the text starts {left:.0f}pt from the paper's edge (18mm ≈ 51pt)"
