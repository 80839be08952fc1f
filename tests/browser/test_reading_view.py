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
    assert numbers == ["1", "2", "3", "1"], "the comment's paragraphs are numbered under its heading, Comment 1"
    box, para = page.locator("#p-mini-one a.pilcrow").bounding_box(), page.locator("#p-mini-one").bounding_box()
    assert box["x"] + box["width"] <= para["x"], "on a desktop the ¶ number stands left of the text"


def test_without_javascript_focusing_a_mention_shows_its_description(new_page, mini_url):
    page = new_page(js=False)
    page.goto(mini_url + "index.html")
    mention = page.locator("#p-mini-one a.entity.k-place")
    assert mention.get_attribute("href") == "places.html#zhengzhou"
    assert mention.get_attribute("title") is None, "one tooltip: the tip, never a title beside it"
    tip = "e => getComputedStyle(e, '::after').content"
    assert page.eval_on_selector("#p-mini-one a.entity.k-place", tip) == "none"
    page.keyboard.press("Tab")  # keyboard focus, as a reader without a mouse would
    mention.focus()
    assert page.eval_on_selector("#p-mini-one a.entity.k-place", tip) == '"Zhengzhou: Capital of Henan province."'
    mention.blur()
    page.hover("#p-mini-one a.entity.k-person")
    assert "Chairman of the Communist Party" in page.eval_on_selector("#p-mini-one a.entity.k-person", tip)


def test_with_javascript_focusing_a_mention_opens_its_popover_only(new_page, mini_url):
    page = new_page()
    page.goto(mini_url + "index.html")
    page.focus("#p-mini-one a.entity.k-place")
    assert page.inner_text("#edition-popover").startswith("Zhengzhou: Capital of Henan province.")
    assert page.eval_on_selector("#p-mini-one a.entity.k-place", "e => getComputedStyle(e, '::after').content") == "none", \
        "the script's popover replaces the CSS tip: never two"


def test_a_quotation_shows_its_speaker(new_page, mini_url):
    page = new_page()
    page.goto(mini_url + "index.html")
    who = page.locator("#p-mini-two .said > a.who")
    assert who.get_attribute("href") == "persons.html#anon-zhengzhou-worker"
    who.focus()
    assert "Said by a Zhengzhou worker" in page.inner_text("#edition-popover")


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
    page.wait_for_url(re.compile(r"#app-1$"))
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
    page.locator(".result-link").first.wait_for(timeout=10_000)
    result = page.locator(".result-link[href$='index.html#p-mini-one']")
    assert result.count() == 1, "the paragraph is a result of its own, not the top of the page"
    assert result.inner_text().startswith("¶ 1")
    result.click()
    page.wait_for_url(re.compile(r"index\.html#p-mini-one$"))
    assert target_id(page) == "p-mini-one"


def test_search_finds_index_entries(new_page, mini_url):
    page = new_page()
    page.goto(mini_url + "search.html?q=laid-off")
    page.locator(".result-link").first.wait_for(timeout=10_000)
    hrefs = page.eval_on_selector_all(".result-link", "els => els.map(e => e.getAttribute('href'))")
    assert any(h.endswith("persons.html#anon-zhengzhou-worker") for h in hrefs)


def test_the_cite_control_copies_the_paragraph_citation(new_page, mini_url):
    page = new_page()
    page.goto(mini_url + "index.html")
    page.hover("#p-mini-two")
    page.click("#p-mini-two a.cite")
    copied = page.evaluate("navigator.clipboard.readText()")
    # The citation as a note (Chicago, rendered from the paragraph's CSL-JSON record): name as written, the
    # paragraph as Chicago's locator, the permalink last.
    assert copied.startswith("Robert Weil, “Conditions of the Working Classes in China,”")
    assert "The Weil Edition Project" in copied and ", para. 2, " in copied
    assert copied.endswith("index.html#p-mini-two.")
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


def visible_text(page, selector: str) -> str:
    """An element's text as drawn: its ::before and ::after content around its inner text."""
    return page.eval_on_selector(selector, """e => {
        const generated = where => { const c = getComputedStyle(e, where).content;
            return c === 'none' || c === 'normal' ? '' : c.replace(/^"|"$/g, ''); };
        return generated('::before') + e.innerText + generated('::after'); }""")


def test_supplied_headings_show_one_pair_of_brackets(new_page, edition_url):
    page = new_page()
    page.goto(edition_url + "index.html")
    for heading in ("#migrant-labor-head", "#peasantry-head"):
        shown = visible_text(page, heading)
        assert (shown.count("["), shown.count("]")) == (1, 1), shown
    assert visible_text(page, "#migrant-labor-head").startswith("[Migrant Labor]")


def test_the_comment_label_agrees_everywhere(new_page, edition_url):
    """Heading, ¶ marker and citation: "Comment 1", "¶ 1", "comment 1, ¶ 1" (the citation: "para. 1 (comment 1)")."""
    page = new_page()
    page.goto(edition_url + "index.html")
    heading = page.inner_text("#comment-nico h3")
    marker = visible_text(page, "#p-comment-nico a.pilcrow").replace("\u00a0", " ")
    label = f"{heading.lower()}, {marker}"
    assert (heading, marker, label) == ("Comment 1", "¶ 1", "comment 1, ¶ 1")
    assert page.text_content("#p-comment-nico a.cite") == "Cite " + label
    # The citation says it in its style's words (Chicago's locator): paragraph 1 of comment 1.
    assert ", para. 1 (comment 1), " in page.get_attribute("#p-comment-nico a.cite", "data-citation")
    assert page.get_attribute("#p-comment-nico a.pilcrow", "aria-label") == label


def test_space_corrections_quote_the_words_of_the_text(new_page, edition_url):
    """The apparatus gives the words either side of a missing space as the paragraph has them, not a note's."""
    page = new_page()
    page.goto(edition_url + "index.html")
    entries = page.evaluate("""() => Array.from(document.querySelectorAll('#apparatus li'))
        .filter(li => li.textContent.includes('(space inserted)'))
        .map(li => { const p = document.querySelector(li.querySelector('a.where').getAttribute('href'));
            const text = p.cloneNode(true);
            text.querySelectorAll('sup.note-ref, a.pilcrow, a.cite, a.who').forEach(e => e.remove());
            return [li.querySelector('.lem').textContent, li.querySelector('.rdg').textContent, text.textContent.replace(/\\s+/g, ' ')]; })""")
    assert len(entries) >= 8
    for lem, rdg, paragraph in entries:
        assert lem in paragraph, f"{lem!r} is not in the paragraph"
        assert rdg == lem.replace(" ", "")
    assert ["Revolution. On", "Revolution.On"] in [entry[:2] for entry in entries]


def test_no_internal_identifier_is_shown(new_page, edition_url):
    """No note, tip, apparatus entry or label shows a paragraph's identifier ("p-workers-have-taken")."""
    page = new_page()
    page.goto(edition_url + "index.html")
    shown = page.evaluate("""() => [document.body.innerText].concat(Array.from(document.querySelectorAll('[title], [data-tip], [aria-label]'))
        .map(e => [e.getAttribute('title'), e.getAttribute('data-tip'), e.getAttribute('aria-label')].join(' ')))""")
    identifiers = sorted({m for text in shown for m in re.findall(r"\bp-[a-z]+(?:-[a-z]+)+\b", text)})
    assert identifiers == []
    page.focus("#note-ref-9 a")
    assert "¶ 8" in page.inner_text("#edition-popover")
