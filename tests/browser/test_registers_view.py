"""The register pages, voices and figures of the real edition in Chromium, at 1280 and 360 px.

Finding an entry (A–Z list, filter), how unnamed people are grouped and ordered, what an entry shows (roles
in words, members as links, a signature), voices in the order of the text, amounts as readers write them,
and no page wider than a phone or a wide screen. Screenshots go to the ``screenshots`` folder (browser/conftest.py).
"""
from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

PAGES = ["persons", "places", "organisations", "events", "works", "glossary", "voices", "figures"]
REGISTERS = PAGES[:6]
ROLE_CODES = {"other", "mentioned", "informant", "collaborator", "coop-leader"}


def first_paragraph(entry) -> int:
    """The lowest essay ¶ number an entry's paragraph lists link to (comment paragraphs count after the essay)."""
    labels = entry.locator("p.mentions a").all_inner_texts()
    numbers = [int(m.group(1)) + (1000 if label.startswith("comment") else 0)
               for label in labels if (m := re.search(r"¶\s*(\d+)$", label))]
    return min(numbers) if numbers else 10**6


def test_persons_a_to_z_links_land_on_the_first_entry_of_each_letter(new_page, edition_url):
    page = new_page()
    page.goto(edition_url + "persons.html")
    letters = page.locator("nav.register-nav .az-letters a")
    assert letters.count() >= 8
    texts = letters.all_inner_texts()
    assert texts == sorted(texts) and len(set(texts)) == len(texts)
    # Each letter's target is the first named person (family name first) whose family name starts with it.
    named = page.locator("#group-named-persons article.entry")
    first_of = {}
    for i in range(named.count()):
        entry = named.nth(i)
        first_of.setdefault(entry.get_attribute("data-initial") or "", entry.get_attribute("id"))
    hrefs = [letters.nth(i).get_attribute("href") for i in range(letters.count())]
    assert hrefs == [f"#{first_of[t]}" for t in texts]
    letters.filter(has_text=re.compile(r"^M$")).click()
    assert page.evaluate("location.hash") == "#mao-zedong"
    top = page.locator("#mao-zedong").evaluate("e => e.getBoundingClientRect().top")
    assert 0 <= top < 200


def test_typing_in_the_filter_hides_entries_that_do_not_match(new_page, edition_url):
    page = new_page()
    page.goto(edition_url + "persons.html")
    total = page.locator("article.entry").count()
    page.locator("#register-filter-input").fill("Zhengzhou 4")
    visible = page.locator("article.entry:visible")
    ids = [visible.nth(i).get_attribute("id") for i in range(visible.count())]
    assert "grp-zhengzhou-4" in ids and "zhang-zhengyao" in ids
    assert "mao-zedong" not in ids and 0 < len(ids) < total
    assert page.locator("#register-filter-status").inner_text() == f"{len(ids)} of {total} entries match"
    page.locator("#register-filter-input").fill("")
    assert page.locator("article.entry:visible").count() == total


def test_without_javascript_the_filter_is_hidden_and_the_a_to_z_list_still_works(new_page, edition_url):
    page = new_page(js=False)
    page.goto(edition_url + "organisations.html")
    assert not page.locator(".register-filter").is_visible()
    link = page.locator("nav.register-nav .az-letters a").first
    target = link.get_attribute("href")
    link.click()
    assert page.evaluate("location.hash") == target


def test_unnamed_people_are_under_their_place_heading_in_order_of_first_appearance(new_page, edition_url):
    page = new_page()
    page.goto(edition_url + "persons.html")
    zhengzhou = page.locator("#group-zhengzhou")
    assert " ".join(zhengzhou.locator("h2").inner_text().split()).startswith("Unnamed people and groups: Zhengzhou")
    assert zhengzhou.locator("#anon-zhengzhou-worker-guide").count() == 1
    assert page.locator("#group-kaifeng #anon-kaifeng-retiree").count() == 1
    for group in page.locator("section.register-group[id^='group-']:not(#group-named-persons)").all():
        entries = group.locator("article.entry").all()
        firsts = [first_paragraph(e) for e in entries]
        assert firsts == sorted(firsts), group.get_attribute("id")


def test_no_raw_type_code_is_shown(new_page, edition_url):
    page = new_page()
    for name in REGISTERS:
        page.goto(edition_url + f"{name}.html")
        shown = page.locator("dl.entry-facts dd").all_inner_texts()
        assert not ROLE_CODES & {s.strip() for s in shown}, name
        assert not any("-" in s and s.strip() == s.strip().lower() and " " not in s.strip()
                       for s in page.locator("dl.entry-facts dt:text-is('Type') + dd").all_inner_texts()), name


def test_every_members_field_lists_linked_entries(new_page, edition_url):
    page = new_page()
    page.goto(edition_url + "persons.html")
    fields = page.locator("dl.entry-facts dt:text-is('Members') + dd")
    assert fields.count() >= 14
    for i in range(fields.count()):
        field = fields.nth(i)
        assert field.inner_text().strip()
        hrefs = field.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
        assert hrefs and all(h.startswith("persons.html#") for h in hrefs)
        for href in hrefs:
            assert page.locator(f"article.entry#{href.split('#')[1]}").count() == 1


def test_the_zhengzhou_4_lists_its_four_members(new_page, edition_url):
    page = new_page()
    page.goto(edition_url + "persons.html")
    members = page.locator("#grp-zhengzhou-4 dd.members a")
    assert members.evaluate_all("links => links.map(a => a.getAttribute('href'))") == [
        "persons.html#zhang-zhengyao", "persons.html#zhang-ruquan", "persons.html#ge-liying", "persons.html#wang-zhanqing"]


def test_nicos_entry_does_not_say_he_is_not_named(new_page, edition_url):
    page = new_page()
    page.goto(edition_url + "persons.html")
    nico = page.locator("#nico")
    assert "not named" not in nico.inner_text().lower()
    assert nico.locator("p.mentions.signed a").get_attribute("href") == "index.html#comment-nico"


def test_voices_are_in_order_of_first_appearance_under_subheadings(new_page, edition_url):
    page = new_page()
    page.goto(edition_url + "voices.html")
    parts = page.locator("#speech > section.voice-part:not(#voice-unattributed) > h3").all_inner_texts()
    assert parts[0] == "The Urban Proletariat" and parts[-1] == "The Return of the Left" and len(parts) >= 5
    firsts = []
    for speaker in page.locator("#speech section.speaker").all():
        label = speaker.locator("a.where").first.inner_text()
        firsts.append(int(label.rsplit(" ", 1)[1]) + (1000 if label.startswith("comment") else 0))
    assert firsts == sorted(firsts)
    # The most quoted speaker (eleven quotations) heads the section where she first speaks.
    counts = page.locator("#speech section.speaker h4 .count").all_inner_texts()
    most = max(int(c.strip("()").split()[0]) for c in counts)
    assert page.locator("#voices-migrant-labor section.speaker").first.locator("h4 .count").inner_text().startswith(f"({most} ")


def test_figure_amounts_have_thousands_separators_and_their_period(new_page, edition_url):
    page = new_page()
    page.goto(edition_url + "figures.html")
    money = page.locator("#kind-money tbody tr")
    rows = [(r.locator("td.value").inner_text(), r.locator("td.unit").inner_text(), r.locator("td.context").inner_text())
            for r in money.all()]
    assert ("460", "CNY per month") in [(v, u) for v, u, c in rows if c.endswith("460 Yuan")]
    assert any(v == "1,000,000,000–9,999,999,999" for v, u, c in rows)
    values = page.locator("table.figure-table td.value").all_inner_texts()
    assert not [v for v in values if re.search(r"\d{5,}", v)]


@pytest.mark.parametrize("name", PAGES)
def test_no_page_scrolls_sideways_on_a_phone(new_page, edition_url, name):
    page = new_page(width=360, height=780)
    page.goto(edition_url + f"{name}.html")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def _overflow(page) -> int:
    """How far the page scrolls sideways (0 when it fits)."""
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


@pytest.mark.parametrize("name", ["persons", "voices", "figures"])
def test_register_pages_fit_a_wide_screen(new_page, edition_url, screenshots, name):
    """At 1280 px nothing scrolls sideways (360 px: test_no_page_scrolls_sideways_on_a_phone). Photographed for review."""
    page = new_page(width=1280, height=900)
    page.goto(edition_url + f"{name}.html")
    assert page.locator("main").first.is_visible()
    assert _overflow(page) <= 0, f"{name}.html scrolls sideways by {_overflow(page)}px at 1280px"
    page.screenshot(path=str(screenshots / f"registers-{name}-1280.png"))


def test_a_filtered_and_an_anchored_register_fit_a_phone(new_page, edition_url, screenshots):
    """At 360 px the persons filtered to one place, and opened at a group of unnamed people, still fit the screen."""
    page = new_page(width=360, height=900)
    page.goto(edition_url + "persons.html")
    total = page.locator("article.entry").count()
    page.locator("#register-filter-input").fill("Kaifeng")
    assert 0 < page.locator("article.entry:visible").count() < total  # the filter ran
    assert _overflow(page) <= 0, f"the filtered persons scroll sideways by {_overflow(page)}px"
    page.screenshot(path=str(screenshots / "registers-persons-filtered-360.png"))
    page.goto(edition_url + "persons.html#group-zhengzhou")
    top = page.locator("#group-zhengzhou").evaluate("e => e.getBoundingClientRect().top")
    assert 0 <= top < 900  # the group is on screen
    assert _overflow(page) <= 0, f"persons.html#group-zhengzhou scrolls sideways by {_overflow(page)}px"
    page.screenshot(path=str(screenshots / "registers-persons-zhengzhou-360.png"))
