"""The reading view with the keyboard only, and its tap targets, in a real browser.

Focus is never hidden under the sticky bar (WCAG 2.4.11); the tab stops come in reading order (the ¶ number,
then the Cite control, then the paragraph's links) and there are only as many as a keyboard reader needs
(the rule: README, "Keyboard"); Cite is visible without hovering; controls are targets of 24 px at least.
"""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

#: Every tab stop of the page, in DOM order (the page sets no positive tabindex), with what the rule needs.
TAB_STOPS = """() => {
    const focusable = 'a[href], button, input, select, textarea, summary, [tabindex]';
    return Array.from(document.querySelectorAll(focusable))
      .filter(e => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length > 0)
      .map(e => ({cls: e.className || e.tagName.toLowerCase(), href: e.getAttribute('href') || e.getAttribute('data-href'),
                  para: e.closest('p.para') ? e.closest('p.para').id : null}));
}"""

#: Every link to a register entry in the reading text: is it a tab stop, where, is it adjectival.
ENTITY_LINKS = """() => Array.from(document.querySelectorAll(
      'main .text p.para :is(a.entity, span.entity[data-href], a.who), main .comments p.para :is(a.entity, span.entity[data-href], a.who)'))
    .map(e => ({href: e.getAttribute('href') || e.getAttribute('data-href'), stop: e.tabIndex >= 0,
                para: e.closest('p.para').id, adjectival: e.classList.contains('adjectival')}))"""

TOP_OF_FOCUS = """() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => {
    const e = document.activeElement;
    done({top: e.getBoundingClientRect().top, what: (e.className || e.tagName) + ' ' + e.textContent.slice(0, 30)});
})))"""


def sticky_bottom(page) -> float:
    """The bottom of whatever is stuck at the top of the screen (0 if nothing is)."""
    return page.evaluate("""() => {
        let bottom = 0;
        for (const e of document.querySelectorAll('body *')) {
            const s = getComputedStyle(e);
            if (s.position === 'sticky' || s.position === 'fixed') {
                const r = e.getBoundingClientRect();
                if (r.top <= 1 && r.height > 0 && r.height < innerHeight / 2 && !e.hidden) bottom = Math.max(bottom, r.bottom);
            }
        }
        return bottom; }""")


def test_tabbing_backwards_never_leaves_focus_under_the_sticky_bar(new_page, edition_url):
    page = new_page(width=1280, height=800)
    page.goto(edition_url + "index.html#apparatus")
    bar = sticky_bottom(page)
    assert bar > 0, "the highlight bar sticks at the top on a desktop"
    hidden = []
    for _ in range(160):
        page.keyboard.press("Shift+Tab")
        focus = page.evaluate(TOP_OF_FOCUS)
        if focus["top"] < bar:
            hidden.append(focus)
    assert hidden == [], f"{len(hidden)} focused elements under the bar, e.g. {hidden[:3]}"


def test_the_cite_control_comes_right_after_the_permalink_in_tab_order(new_page, edition_url):
    page = new_page()
    page.goto(edition_url + "index.html")
    page.focus("#p-workers-have-taken a.pilcrow")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "cite"
    page.keyboard.press("Tab")
    first_link = page.evaluate("""() => { const p = document.getElementById('p-workers-have-taken');
        return Array.from(p.querySelectorAll('a[href], [tabindex]')).filter(e => e.tabIndex >= 0 && !e.matches('.pilcrow, .cite'))[0].textContent; }""")
    assert page.evaluate("document.activeElement.textContent") == first_link == "Zhengzhou"


def test_the_cite_control_sits_where_it_comes_in_tab_order(new_page, edition_url):
    """Before the paragraph's text, beside its number: never below the paragraph's first line."""
    for width in (1280, 360):
        page = new_page(width=width)
        page.goto(edition_url + "index.html")
        cite = page.locator("#p-workers-have-taken a.cite").bounding_box()
        first = page.locator("#p-workers-have-taken a.entity >> nth=0").bounding_box()
        pilcrow = page.locator("#p-workers-have-taken a.pilcrow").bounding_box()
        assert cite["y"] <= first["y"] + 2, width
        assert abs(cite["y"] - pilcrow["y"]) < 40, width


def test_the_cite_control_is_visible_on_a_desktop_without_hovering(new_page, edition_url):
    page = new_page(width=1280)
    page.goto(edition_url + "index.html")
    page.mouse.move(1270, 5)
    style = page.eval_on_selector("#p-workers-have-taken a.cite",
                                  "e => [getComputedStyle(e).opacity, getComputedStyle(e).visibility]")
    assert style == ["1", "visible"]
    assert page.locator("#p-workers-have-taken a.cite").is_visible()


def test_tab_stops_follow_the_rule(new_page, edition_url):
    """Per paragraph, the first link to each register entry is a tab stop; repeats and adjectival uses are not."""
    page = new_page()
    page.goto(edition_url + "index.html")
    links = page.evaluate(ENTITY_LINKS)
    seen, wrong = set(), []
    for link in links:
        expected = not link["adjectival"] and (link["para"], link["href"]) not in seen
        if not link["adjectival"]:
            seen.add((link["para"], link["href"]))
        if link["stop"] != expected:
            wrong.append(link)
    assert wrong == [], f"{len(wrong)} links break the rule, e.g. {wrong[:3]}"
    # every entry a paragraph links to can be reached from the keyboard in it, save adjectival uses alone
    reachable = {(link["para"], link["href"]) for link in links if link["stop"]}
    named = {(link["para"], link["href"]) for link in links if not link["adjectival"]}
    assert named == reachable


def test_the_reading_view_has_a_bounded_number_of_tab_stops(new_page, edition_url):
    """The count the README gives: from 1,026 before the rule to what a keyboard reader needs."""
    page = new_page()
    page.goto(edition_url + "index.html")
    stops = page.evaluate(TAB_STOPS)
    paragraphs = page.evaluate("document.querySelectorAll('p.para').length")
    # The editors' introduction's paragraphs have a permalink but no Cite control: they are the editors' text,
    # cited with the edition; the text's own paragraphs have both.
    introduction = page.evaluate("document.querySelectorAll('p.para.intro-para').length")
    per_kind = {}
    for stop in stops:
        kind = stop["cls"].split()[0]
        per_kind[kind] = per_kind.get(kind, 0) + 1
    assert introduction > 0 and per_kind["pilcrow"] == paragraphs and per_kind["cite"] == paragraphs - introduction
    assert per_kind.get("where", 0) == 0, "a note's or correction's ¶ link is not a stop: its ↩ leads to the spot"
    # 815 stops for the essay and the comment; the editors' introduction adds its permalinks and first mentions.
    assert len(stops) <= 845, f"{len(stops)} tab stops: {per_kind}"


@pytest.mark.parametrize("selector", ["a.cite", "sup.note-ref a", "a.who", "a.pilcrow"])
def test_tap_targets_are_at_least_24_px_on_a_phone(new_page, edition_url, selector):
    page = new_page(width=360, height=740)
    page.goto(edition_url + "index.html")
    sizes = page.eval_on_selector_all(f"main {selector}", """els => els.filter(e => e.getClientRects().length)
        .map(e => { const r = e.getBoundingClientRect(); return [Math.round(r.width * 10) / 10, Math.round(r.height * 10) / 10]; })""")
    assert sizes
    small = [s for s in sizes if s[0] < 24 or s[1] < 24]
    assert small == [], f"{len(small)} of {len(sizes)} {selector} smaller than 24 px, e.g. {small[:3]}"


def test_the_popovers_link_is_a_24_px_target(new_page, edition_url):
    page = new_page(width=360, height=740)
    page.goto(edition_url + "index.html")
    page.focus("#p-result-reforms-initially span.entity[data-href]")
    box = page.locator("#edition-popover a.popover-link").bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24
