"""Citing a phrase in the browser (xslt/assets/cite-selection.js) on the real edition, served on 127.0.0.1:
selecting words in a paragraph offers "Cite selection", whose citation links to the words with a text
fragment; Chromium, following that link, scrolls to the words; and every page's console stays clean."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from edition.fragment import cite_quote
from edition.project import Project


pytestmark = pytest.mark.browser

PARAGRAPH = "p-scale-disaster-difficult"
WORDS = "which generally never comes"

#: A range over the first text node under ``root`` that holds ``words`` (or null): shared by the scripts below.
RANGE_OF = """function rangeOf(root, words) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf(words);
    if (at >= 0) {
      const range = document.createRange();
      range.setStart(node, at); range.setEnd(node, at + words.length);
      return range;
    }
  }
  return null;
}"""

#: Select ``words`` inside the element with id ``id``.
SELECT = """([id, words]) => {
  %s
  const range = rangeOf(document.getElementById(id), words);
  if (!range) return false;
  const selection = window.getSelection();
  selection.removeAllRanges(); selection.addRange(range);
  return true;
}""" % RANGE_OF

#: Where the words stand relative to the viewport, and where their paragraph begins.
WHERE = """([id, words]) => {
  %s
  const p = document.getElementById(id);
  const range = rangeOf(p, words);
  if (!range) return null;
  const box = range.getBoundingClientRect();
  return {top: box.top, bottom: box.bottom, height: window.innerHeight, paragraphTop: p.getBoundingClientRect().top};
}""" % RANGE_OF


def open_reading_page(new_page, url: str, **size):
    """The reading page with cite-selection.js (loaded by the page, or added here until the page loads it)."""
    page = new_page(**size)
    page.goto(url + "index.html")
    if not page.evaluate("!!document.querySelector('script[src$=\"cite-selection.js\"]')"):
        page.add_script_tag(url="assets/cite-selection.js")
    return page


def test_selecting_words_in_a_paragraph_offers_their_citation(new_page, edition_url):
    page = open_reading_page(new_page, edition_url)
    assert page.evaluate(SELECT, [PARAGRAPH, WORDS])
    control = page.locator("a.cite-selection")
    control.wait_for(state="visible")
    assert control.text_content() == "Cite selection"
    control.click()
    copied = page.evaluate("navigator.clipboard.readText()")
    link = control.get_attribute("href")
    assert urlsplit(link).fragment == f"{PARAGRAPH}:~:text=which%20generally%20never%20comes"
    assert link in copied and copied.endswith(f"\n\n“{WORDS}”")
    assert page.locator(".status").text_content() == "Citation of the selected words copied"


def test_the_browser_and_the_command_line_build_the_same_link(new_page, edition_url, repo_root):
    page = open_reading_page(new_page, edition_url)
    for words in (WORDS, "tens of millions"):  # the second stands earlier on the page: context words
        paragraph = PARAGRAPH if words == WORDS else "p-older-workers-have"
        assert page.evaluate(SELECT, [paragraph, words])
        page.locator("a.cite-selection").wait_for(state="visible")
        page.wait_for_function("([id, w]) => document.querySelector('a.cite-selection').href.includes(id + ':~:text=')",
                               arg=[paragraph, words])
        in_browser = urlsplit(page.locator("a.cite-selection").get_attribute("href")).fragment
        cited = cite_quote(Project(repo_root), paragraph, words, "text").splitlines()[1]
        assert in_browser == urlsplit(cited).fragment


def test_a_selection_across_paragraphs_offers_nothing(new_page, edition_url):
    page = open_reading_page(new_page, edition_url)
    page.evaluate("""() => {
      const range = document.createRange();
      range.setStart(document.getElementById('p-scale-disaster-difficult'), 1);
      range.setEnd(document.getElementById('p-older-workers-have'), 2);
      window.getSelection().removeAllRanges(); window.getSelection().addRange(range);
    }""")
    page.wait_for_timeout(400)
    assert page.locator("a.cite-selection").count() == 0 or page.locator("a.cite-selection").is_hidden()


def test_chromium_follows_the_fragment_link_to_the_words(new_page, edition_url, screenshots):
    page = new_page(width=800, height=400)
    link = f"{edition_url}index.html#{PARAGRAPH}:~:text=which%20generally%20never%20comes"
    page.goto(link)
    page.wait_for_function("""([id, words]) => {
      const p = document.getElementById(id); const r = p.getBoundingClientRect();
      return window.scrollY > 0 && r.top < 0; }""", arg=[PARAGRAPH, WORDS], timeout=5000)
    where = page.evaluate(WHERE, [PARAGRAPH, WORDS])
    page.screenshot(path=str(screenshots / "text-fragment.png"))
    # the words are in view, though their paragraph begins above it: the browser went to the words,
    # not merely to the paragraph the identifier names
    assert 0 <= where["top"] and where["bottom"] <= where["height"], where
    assert where["paragraphTop"] < 0, where


PAGES = ["index.html", "persons.html", "places.html", "organisations.html", "events.html", "works.html",
         "glossary.html", "voices.html", "figures.html", "search.html", "changes.html"]


@pytest.mark.parametrize("name", PAGES)
def test_the_console_is_clean(new_page, edition_url, edition_site, name):
    if not (edition_site / name).exists():
        pytest.fail(f"{name} was not built")
    page = new_page()
    problems = []
    page.on("console", lambda m: problems.append(f"{m.type}: {m.text}") if m.type in {"error", "warning"} else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    failed = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.goto(edition_url + name)
    page.wait_for_load_state("networkidle")
    if name == "index.html":  # and with the selection script at work
        page.add_script_tag(url="assets/cite-selection.js")
        page.evaluate(SELECT, [PARAGRAPH, WORDS])
        page.wait_for_timeout(300)
    # the favicon is the page layout's (the stylesheet helper's); everything else must load cleanly
    failed = [f for f in failed if not f.endswith("/favicon.ico")]
    problems = [p for p in problems if "favicon.ico" not in p and not (p.startswith("error: Failed to load resource") and not failed)]
    assert not failed and not problems, failed + problems
