"""Dark mode (issue 14, item 14): a reader whose system asks for a dark scheme gets a dark page, on the
reading view, the register pages and the search page alike, with body text and links at a contrast of
at least 4.5:1 (WCAG 1.4.3) against what is actually behind them; highlighted mentions stay legible;
paper stays light."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

#: WCAG relative luminance and contrast of the element's colour against its nearest opaque background.
CONTRAST = """els => {
  const rgb = c => { const m = c.match(/rgba?\\(([^)]*)\\)/); if (!m) return null;
    const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  const behind = e => { for (; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor);
    if (c && c[3] > 0.5) return c; } return [255, 255, 255, 1]; };
  return els.filter(e => e.getClientRects().length && e.textContent.trim() && getComputedStyle(e).visibility !== 'hidden')
    .map(e => { const a = lum(rgb(getComputedStyle(e).color)), b = lum(behind(e));
      return [e.tagName.toLowerCase() + '.' + e.className + ' ' + e.textContent.trim().slice(0, 30),
              (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)]; });
}"""

#: Body text and links: paragraphs, list items, definitions, headings and every link of the page.
TEXT = "main p, main li, main dd, main dt, main h1, main h2, main h3, main td, main th, header.site p, footer p"
LINKS = "a[href]"


def _dark(new_page, url, name, width=1280, scheme="dark"):
    page = new_page(width=width)
    page.emulate_media(color_scheme=scheme)
    page.goto(url + name)
    if name.startswith("search.html"):
        page.locator(".result-link").first.wait_for(timeout=10_000)
    return page


def _background_luminance(page) -> float:
    return page.evaluate("""() => { const c = getComputedStyle(document.documentElement).backgroundColor
        .match(/[\\d.]+/g).map(Number); return (0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]) / 255; }""")


PAGES = ["index.html", "persons.html", "places.html", "voices.html", "figures.html", "search.html?q=Zhengzhou"]


@pytest.mark.parametrize("name", PAGES)
def test_dark_mode_gives_a_dark_page(new_page, edition_url, name):
    assert _background_luminance(_dark(new_page, edition_url, name)) < 0.2


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("what", ["text", "links"])
@pytest.mark.parametrize("scheme", ["dark", "light"])
def test_text_and_links_keep_4_5_to_1_in_either_scheme(new_page, edition_url, name, what, scheme):
    page = _dark(new_page, edition_url, name, scheme=scheme)
    ratios = page.eval_on_selector_all(TEXT if what == "text" else LINKS, CONTRAST)
    assert len(ratios) > 3
    poor = sorted({(label, round(ratio, 2)) for label, ratio in ratios if ratio < 4.5}, key=lambda x: x[1])
    assert poor == [], poor[:10]


def test_highlighted_mentions_stay_legible_in_dark_mode(new_page, edition_url):
    page = _dark(new_page, edition_url, "index.html")
    for key in ("persons", "places", "organisations", "quotations", "numbers"):
        page.check(f"#hl-{key}")
    ratios = page.eval_on_selector_all("#p-scale-disaster-difficult :is(.entity, .said, .num, .measure)", CONTRAST)
    poor = [(label, round(ratio, 2)) for label, ratio in ratios if ratio < 4.5]
    assert poor == []


def test_paper_stays_light_when_printing_in_dark_mode(new_page, edition_url):
    page = new_page()
    page.emulate_media(media="print", color_scheme="dark")
    page.goto(edition_url + "index.html")
    assert _background_luminance(page) > 0.9
    ratio = page.eval_on_selector_all("p.para", CONTRAST)[0][1]
    assert ratio >= 7


@pytest.mark.parametrize("width", [1280, 360])
def test_the_reading_view_in_dark_mode_is_photographed(new_page, edition_url, screenshots, width):
    page = _dark(new_page, edition_url, "index.html#p-scale-disaster-difficult", width)
    page.screenshot(path=str(screenshots / f"index-dark-{width}.png"))
    assert _background_luminance(page) < 0.2
