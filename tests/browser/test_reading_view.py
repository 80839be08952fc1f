"""The reading edition in a real browser (Debian's chromium through playwright), served on 127.0.0.1.

Each test opens the built fixture edition (tests/fixtures/html/mini.xml) as a reader would.
"""
from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def target_id(page) -> str | None:
    return page.evaluate("document.querySelector(':target') && document.querySelector(':target').id")


def test_following_a_permalink_targets_the_paragraph(new_page, mini_url):
    page = new_page()
    page.goto(mini_url + "index.html#p-mini-two")
    assert target_id(page) == "p-mini-two"
    page.click("#p-mini-three a.pilcrow")
    assert page.url.endswith("index.html#p-mini-three")
    assert target_id(page) == "p-mini-three"
    # the targeted paragraph is visibly marked
    assert page.eval_on_selector("#p-mini-three", "e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"


def test_paragraph_numbers_are_shown_in_the_margin(new_page, mini_url):
    page = new_page()
    page.goto(mini_url + "index.html")
    numbers = page.eval_on_selector_all("p.para a.pilcrow", "els => els.map(e => e.textContent)")
    assert numbers == ["1", "2", "3", "c1"]
    box, para = page.locator("#p-mini-one a.pilcrow").bounding_box(), page.locator("#p-mini-one").bounding_box()
    assert box["x"] + box["width"] <= para["x"], "on a desktop the ¶ number stands left of the text"


@pytest.mark.parametrize("js", [True, False], ids=["with-js", "without-js"])
def test_focusing_a_mention_shows_its_description(new_page, mini_url, js):
    page = new_page(js=js)
    page.goto(mini_url + "index.html")
    mention = page.locator("#p-mini-one a.entity.k-place")
    assert mention.get_attribute("href") == "places.html#zhengzhou"
    assert mention.get_attribute("title") == "Zhengzhou: Capital of Henan province."
    tip = "e => getComputedStyle(e, '::after').content"
    assert page.eval_on_selector("#p-mini-one a.entity.k-place", tip) == "none"
    page.keyboard.press("Tab")  # keyboard focus, as a reader without a mouse would
    mention.focus()
    assert page.eval_on_selector("#p-mini-one a.entity.k-place", tip) == '"Zhengzhou: Capital of Henan province."'
    mention.blur()
    page.hover("#p-mini-one a.entity.k-person")
    assert "Chairman of the Communist Party" in page.eval_on_selector("#p-mini-one a.entity.k-person", tip)


def test_a_quotation_shows_its_speaker(new_page, mini_url):
    page = new_page()
    page.goto(mini_url + "index.html")
    who = page.locator("#p-mini-two .said > a.who")
    assert who.get_attribute("href") == "persons.html#anon-zhengzhou-worker"
    who.focus()
    assert "Said by a Zhengzhou worker" in page.eval_on_selector("#p-mini-two .said > a.who", "e => getComputedStyle(e, '::after').content")


def test_an_index_back_link_lands_on_the_paragraph(new_page, mini_url):
    page = new_page()
    page.goto(mini_url + "persons.html")
    page.click("#anon-zhengzhou-worker a[href='index.html#p-mini-two']")
    page.wait_for_url(re.compile(r"index\.html#p-mini-two$"))
    assert target_id(page) == "p-mini-two"


def test_a_correction_links_to_the_apparatus_and_back(new_page, mini_url):
    page = new_page()
    page.goto(mini_url + "index.html")
    page.click("#p-mini-three a.intervention >> nth=0")
    assert target_id(page) == "app-1"
    assert "wich" in page.inner_text("#app-1")
    page.click("#app-1 a.back")
    assert target_id(page) == "app-ref-1"


def test_a_note_marker_links_to_the_note_and_back(new_page, mini_url):
    page = new_page()
    page.goto(mini_url + "index.html")
    page.click("#p-mini-three sup.note-ref a")
    assert target_id(page) == "note-1"
    page.click("#note-1 a.back")
    assert target_id(page) == "note-ref-1"


def test_search_lands_on_a_paragraph(new_page, mini_url):
    page = new_page()
    page.goto(mini_url + "index.html")
    page.fill("#site-search", "danwei")
    page.press("#site-search", "Enter")
    page.wait_for_url(re.compile(r"search\.html\?q=danwei"))
    page.locator(".pagefind-ui__result-link").first.wait_for(timeout=10_000)
    result = page.locator(".pagefind-ui__result-link[href$='index.html#p-mini-one']")
    assert result.count() == 1, "the paragraph is a result of its own, not the top of the page"
    assert result.inner_text().startswith("¶ 1")
    result.click()
    page.wait_for_url(re.compile(r"index\.html#p-mini-one$"))
    assert target_id(page) == "p-mini-one"


def test_search_finds_index_entries(new_page, mini_url):
    page = new_page()
    page.goto(mini_url + "search.html?q=laid-off")
    page.locator(".pagefind-ui__result-link").first.wait_for(timeout=10_000)
    hrefs = page.eval_on_selector_all(".pagefind-ui__result-link", "els => els.map(e => e.getAttribute('href'))")
    assert any(h.endswith("persons.html#anon-zhengzhou-worker") for h in hrefs)


def test_the_cite_control_copies_the_paragraph_citation(new_page, mini_url):
    page = new_page()
    page.goto(mini_url + "index.html")
    page.hover("#p-mini-two")
    page.click("#p-mini-two a.cite")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Weil, Robert. “Conditions of the Working Classes in China.”")
    assert "Digital edition, The Weil Edition Project, 2026, ¶ 2." in copied
    assert copied.endswith(f"{mini_url}index.html#p-mini-two.")
    assert page.inner_text(".status") == "Citation of ¶ 2 copied"
    assert page.url == mini_url + "index.html", "with JavaScript the control copies instead of navigating"


def test_without_javascript_the_cite_control_is_a_permalink(new_page, mini_url):
    page = new_page(js=False)
    page.goto(mini_url + "index.html")
    page.hover("#p-mini-two")
    page.click("#p-mini-two a.cite")
    assert page.url.endswith("index.html#p-mini-two")
    assert target_id(page) == "p-mini-two"


@pytest.mark.parametrize("js", [True, False], ids=["with-js", "without-js"])
def test_the_highlight_switch_marks_one_kind(new_page, mini_url, js):
    page = new_page(js=js)
    page.goto(mini_url + "index.html")
    background = "e => getComputedStyle(e).backgroundColor"
    person, place = "#p-mini-one a.k-person", "#p-mini-one a.k-place"
    assert page.eval_on_selector(person, background) == "rgba(0, 0, 0, 0)"
    page.check("#hl-persons")
    assert page.eval_on_selector(person, background) != "rgba(0, 0, 0, 0)"
    assert page.eval_on_selector(place, background) == "rgba(0, 0, 0, 0)"
    page.check("#hl-quotations")
    page.check("#hl-numbers")
    assert page.eval_on_selector("#p-mini-two .said", background) != "rgba(0, 0, 0, 0)"
    assert page.eval_on_selector("#p-mini-three .num", background) != "rgba(0, 0, 0, 0)"
    page.uncheck("#hl-persons")
    assert page.eval_on_selector(person, background) == "rgba(0, 0, 0, 0)"


def test_the_highlight_choice_is_remembered(new_page, mini_url):
    page = new_page()
    page.goto(mini_url + "index.html")
    page.check("#hl-places")
    page.reload()
    assert page.is_checked("#hl-places")
    assert page.eval_on_selector("#p-mini-one a.k-place", "e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
