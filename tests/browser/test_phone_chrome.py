"""The site's chrome on a phone (issue 14, item 12): the header and the highlight switch fold behind
disclosure buttons (<details>, no script needed), leave most of the first screen to the text, and still
offer navigation, search and highlighting; every control of the chrome is at least 24 px each way
(WCAG 2.5.8); --sticky-chrome says how much of the window's top stays covered."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
#: Every control of the header and the highlight switch.
CONTROLS = ("header.site a, header.site summary, header.site input, header.site button, "
            ".highlight-panel summary, .highlight-switch input, .highlight-switch label")


def _phone(new_page, url, js=True):
    page = new_page(js=js, **PHONE)
    page.goto(url + "index.html")
    return page


def test_on_a_phone_the_chrome_takes_under_a_quarter_of_the_first_screen(new_page, edition_url, screenshots):
    page = _phone(new_page, edition_url)
    top = page.eval_on_selector("main", "e => e.getBoundingClientRect().top")
    page.screenshot(path=str(screenshots / "phone-chrome-360.png"))
    assert top <= 0.25 * PHONE["height"], f"the text starts {top:.0f}px down a {PHONE['height']}px screen"


@pytest.mark.parametrize("js", [True, False], ids=["with-js", "without-js"])
def test_on_a_phone_navigation_opens_from_its_button(new_page, edition_url, js):
    page = _phone(new_page, edition_url, js)
    persons = page.locator("header.site nav a[href='persons.html']")
    assert not persons.is_visible()
    page.click("header.site summary")
    assert persons.is_visible()
    persons.click()
    assert page.url.endswith("persons.html")


def test_on_a_phone_the_search_box_is_on_the_first_screen(new_page, edition_url):
    page = _phone(new_page, edition_url)
    box = page.locator("#site-search")
    assert box.is_visible() and box.bounding_box()["y"] < PHONE["height"] / 4
    box.fill("xiagang")
    box.press("Enter")
    page.wait_for_url("**/search.html?q=xiagang")


@pytest.mark.parametrize("js", [True, False], ids=["with-js", "without-js"])
def test_on_a_phone_the_highlight_switch_opens_from_its_button(new_page, edition_url, js):
    page = _phone(new_page, edition_url, js)
    assert not page.locator("#hl-persons").is_visible()
    page.click(".highlight-panel > summary")
    page.check("#hl-persons")
    background = page.eval_on_selector("p.para a.k-person", "e => getComputedStyle(e).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")


@pytest.mark.parametrize("width", [360, 1280])
def test_every_control_of_the_chrome_is_at_least_24px(new_page, edition_url, width):
    page = new_page(width=width, height=800)
    page.goto(edition_url + "index.html")
    for summary in page.locator("header.site summary, .highlight-panel > summary").all():
        if summary.is_visible():
            summary.click()
    sizes = page.eval_on_selector_all(CONTROLS, """els => els.filter(e => e.getClientRects().length)
        .map(e => { const r = e.getBoundingClientRect();
                    return [e.tagName + ' ' + (e.id || e.textContent.trim().slice(0, 20)), r.width, r.height]; })""")
    assert len(sizes) > 15
    small = [(name, round(w), round(h)) for name, w, h in sizes if w < 24 or h < 24]
    assert small == []


def test_on_a_wide_screen_everything_is_shown_without_a_button(new_page, edition_url):
    page = new_page(width=1280)
    page.goto(edition_url + "index.html")
    assert page.locator("header.site nav a[href='persons.html']").is_visible()
    assert page.locator("#hl-persons").is_visible()
    assert not page.locator("header.site summary").is_visible()


@pytest.mark.parametrize(("width", "sticky"), [(360, False), (1280, True)])
def test_sticky_chrome_is_the_height_of_what_stays_at_the_top(new_page, edition_url, width, sticky):
    page = new_page(width=width, height=800)
    page.goto(edition_url + "index.html#p-scale-disaster-difficult")
    declared = page.evaluate("""() => { const probe = document.createElement('div');
        probe.style.height = 'var(--sticky-chrome)'; document.body.append(probe);
        const h = probe.getBoundingClientRect().height; probe.remove(); return h; }""")
    bar = page.locator(".highlight-panel").bounding_box()
    if sticky:
        assert bar["y"] == 0, "the highlight switch stays at the top"
        assert bar["height"] <= declared <= bar["height"] + 16
    else:
        assert bar["y"] < 0, "nothing stays at the top on a phone"
        assert declared == 0
