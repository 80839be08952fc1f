"""Mentions, speakers, values and corrections as disclosure popovers (popovers.js), in a real browser.

Hover, keyboard focus and a first tap open an element's popover; Escape and a tap elsewhere close it; it
stays inside the screen, also at 360 px at the right edge; a mention holding other mentions is a focusable
span whose popover offers its link, and the mentions inside it are reachable on their own.
"""
from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

POPOVER = "#edition-popover"
#: ¶ 28: "the government of Hu Jintao and Wen Jiabao", one mention holding two.
GOVERNMENT = "#p-result-reforms-initially span.entity[data-href='organisations.html#org-chinese-government']"
HU_JINTAO = GOVERNMENT + " a.entity[href='persons.html#hu-jintao']"


@pytest.fixture
def phone(new_page):
    """``phone()``: a page in a touch-screen context 360 px wide, as on a phone."""
    return lambda width=360, height=740: new_page(width=width, height=height, touch=True)


def popover_open(page) -> bool:
    return page.evaluate(f"() => {{ const p = document.querySelector('{POPOVER}'); return !!p && !p.hidden; }}")


def popover_text(page) -> str:
    return page.inner_text(POPOVER)


def test_focus_opens_the_popover_with_the_tip(new_page, mini_url):
    page = new_page()
    page.goto(mini_url + "index.html")
    page.focus("#p-mini-one a.entity.k-place")
    assert popover_open(page)
    assert popover_text(page).startswith("Zhengzhou: Capital of Henan province.")
    assert page.get_attribute("#p-mini-one a.entity.k-place", "aria-describedby") == "edition-popover"


def test_hover_opens_the_popover(new_page, mini_url):
    page = new_page()
    page.goto(mini_url + "index.html")
    page.hover("#p-mini-one a.entity.k-person")
    assert popover_open(page)
    assert "Chairman of the Communist Party" in popover_text(page)


def test_escape_closes_a_popover(new_page, edition_url):
    page = new_page()
    page.goto(edition_url + "index.html")
    page.focus(HU_JINTAO)
    assert popover_open(page)
    page.keyboard.press("Escape")
    assert not popover_open(page), "Escape closes the popover (WCAG 1.4.13)"
    assert page.evaluate("document.activeElement.getAttribute('href')") == "persons.html#hu-jintao", "focus stays"


def test_a_nested_mention_can_be_focused_and_shows_its_own_popover(new_page, edition_url):
    page = new_page()
    page.goto(edition_url + "index.html")
    page.focus(GOVERNMENT)
    assert popover_text(page).startswith("Government of the People's Republic of China")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "persons.html#hu-jintao"
    assert popover_text(page).startswith("Hu Jintao")


def test_the_outer_mention_offers_its_link(new_page, edition_url):
    page = new_page()
    page.goto(edition_url + "index.html")
    page.focus(GOVERNMENT)
    link = page.locator(POPOVER + " a.popover-link")
    assert link.is_visible() and link.get_attribute("href") == "organisations.html#org-chinese-government"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"organisations\.html#org-chinese-government$"))


def test_every_mention_holding_mentions_is_focusable_and_holds_no_link_around_links(new_page, edition_url):
    page = new_page()
    page.goto(edition_url + "index.html")
    assert page.evaluate("document.querySelectorAll('a a').length") == 0
    outers = page.evaluate("""() => Array.from(document.querySelectorAll('.entity'))
        .filter(e => e.querySelector('.entity'))
        .map(e => [e.tagName, e.hasAttribute('data-href'), e.tabIndex === 0 || e.tabIndex === -1])""")
    assert len(outers) > 50
    assert all(o == ["SPAN", True, True] for o in outers), [o for o in outers if o != ["SPAN", True, True]][:3]


def test_no_element_has_both_title_and_data_tip(new_page, edition_url):
    page = new_page()
    for name in ("index.html", "persons.html", "places.html", "organisations.html", "voices.html", "figures.html"):
        page.goto(edition_url + name)
        both = page.evaluate("Array.from(document.querySelectorAll('[title][data-tip]')).map(e => e.outerHTML.slice(0, 80))")
        assert both == [], f"{name}: two tooltips on {both[:3]}"


def test_a_tap_elsewhere_closes_the_popover(phone, edition_url):
    page = phone()
    page.goto(edition_url + "index.html")
    page.locator(HU_JINTAO).tap()
    assert popover_open(page)
    page.locator("#p-result-reforms-initially a.pilcrow").scroll_into_view_if_needed()
    page.tap("h1")
    assert not popover_open(page)


def test_first_tap_opens_the_popover_and_the_second_follows(phone, edition_url):
    page = phone()
    page.goto(edition_url + "index.html")
    start = page.url
    page.locator(HU_JINTAO).tap()
    assert popover_open(page) and popover_text(page).startswith("Hu Jintao")
    assert page.url == start, "the first tap shows the tip and does not navigate"
    page.locator(HU_JINTAO).tap()
    page.wait_for_url(re.compile(r"persons\.html#hu-jintao$"))


def test_at_360_px_the_right_most_mention_keeps_its_popover_inside_the_page(phone, edition_url, screenshots):
    page = phone()
    page.goto(edition_url + "index.html")
    # the mention that reaches furthest right, among the first screens of text
    index = page.evaluate("""() => {
        const all = Array.from(document.querySelectorAll('main [data-tip]'));
        let best = -1, right = 0;
        all.forEach((e, i) => { const r = e.getBoundingClientRect();
            if (r.width && r.top < 3000 && r.right > right && e.matches('a, [tabindex]')) { right = r.right; best = i; } });
        return best; }""")
    mention = page.locator("main [data-tip]").nth(index)
    mention.scroll_into_view_if_needed()
    mention.focus()
    assert popover_open(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, "the popover widens the page"
    box = page.locator(POPOVER).bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    page.screenshot(path=str(screenshots / "popover-360.png"))


def test_at_360_px_without_javascript_a_tip_never_widens_the_page(browser, edition_url):
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(edition_url + "index.html")
        widest = page.evaluate("""() => {
            const all = Array.from(document.querySelectorAll('main a[data-tip]'));
            return all.reduce((b, e) => e.getBoundingClientRect().right > b.getBoundingClientRect().right ? e : b).getAttribute('href'); }""")
        page.focus(f"main a[data-tip][href='{widest}']")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
    finally:
        context.close()


def test_a_popover_near_the_bottom_opens_above_its_mention(new_page, edition_url):
    page = new_page(height=600)
    page.goto(edition_url + "index.html")
    page.evaluate("""() => { const e = document.querySelector("#p-result-reforms-initially a.entity[href='persons.html#hu-jintao']");
        window.scrollBy(0, e.getBoundingClientRect().top - (window.innerHeight - 60)); }""")
    page.focus(HU_JINTAO)
    box = page.locator(POPOVER).bounding_box()
    mention = page.locator(HU_JINTAO).bounding_box()
    assert box["y"] + box["height"] <= mention["y"] + 1 and box["y"] >= 0
