"""The search page (issue 14, item 1): the essay first, filters by part, every entry once, ¶ and section
on every paragraph, one search box.

The helpers read the results through the links, so that they work on Pagefind's default interface as well
(the page before this issue) and each test fails there on its own defect.
"""
from __future__ import annotations

import re
from urllib.parse import quote

import pytest

pytestmark = pytest.mark.browser

#: Result links: ours, and Pagefind's default interface's.
LINKS = ".result-link"
#: "More results": ours, and Pagefind's "Load more results".
MORE = "#search-more:visible, .pagefind-ui__button:visible"
REGISTERS = {"persons.html", "places.html", "organisations.html", "events.html", "works.html", "glossary.html"}


def open_results(page, url: str, query: str, everything: bool = False) -> list[str]:
    """The addresses of the results for ``query``, in order (all of them, with ``everything``)."""
    page.goto(f"{url}search.html?q={quote(query)}")
    page.locator(LINKS).first.wait_for(timeout=15_000)
    if everything:
        show_all(page)
    return hrefs(page)


def show_all(page) -> None:
    """"More results" until there are no more."""
    while page.locator(MORE).count():
        before = page.locator(LINKS).count()
        page.locator(MORE).first.click()
        page.wait_for_function(f"document.querySelectorAll({LINKS!r}).length > {before}", timeout=15_000)


def hrefs(page) -> list[str]:
    return page.eval_on_selector_all(LINKS, "els => els.map(e => e.getAttribute('href'))")


def page_of(href: str) -> str:
    return href.split("#")[0].rsplit("/", 1)[-1]


def part_of(href: str) -> str:
    name = page_of(href)
    return ("Essay" if name == "index.html" else "Registers" if name in REGISTERS else
            "Voices" if name == "voices.html" else "Figures" if name == "figures.html" else "About the edition")


@pytest.mark.parametrize("query", ["Zhengzhou", "xiagang", "Mao", "laid off", "hat of the state"])
def test_the_first_result_is_a_paragraph_of_the_essay(new_page, edition_url, query):
    first = open_results(new_page(), edition_url, query)[0]
    assert re.search(r"index\.html#p-", first), f"{query!r}: first result {first}"


def test_xiagang_leads_to_the_paragraph_that_defines_it(new_page, edition_url):
    first = open_results(new_page(), edition_url, "xiagang")[0]
    assert first.endswith("index.html#p-scale-disaster-difficult"), first  # ¶ 4: "Xiagang refers to workers who …"


def test_every_paragraph_of_the_essay_comes_before_any_other_result(new_page, edition_url):
    parts = [part_of(h) for h in open_results(new_page(), edition_url, "Zhengzhou", everything=True)]
    assert "Essay" in parts and parts == sorted(parts, key=lambda p: p != "Essay"), parts


@pytest.mark.parametrize("part", ["Essay", "Registers", "Voices", "Figures"])
def test_a_filter_narrows_the_results_to_its_part(new_page, edition_url, part):
    page = new_page()
    everything = open_results(page, edition_url, "Zhengzhou", everything=True)
    page.locator(".search-filters").get_by_label(part).check()
    page.wait_for_function("document.querySelectorAll('.result-part').length > 0 && [...document.querySelectorAll"
                           f"('.result-part')].every(e => e.textContent === {part!r})", timeout=15_000)
    show_all(page)
    narrowed = hrefs(page)
    assert 0 < len(narrowed) < len(everything)
    assert set(narrowed) <= set(everything)
    assert set(page.eval_on_selector_all(".result-part", "els => els.map(e => e.textContent)")) == {part}
    if part in {"Essay", "Figures"}:
        assert {part_of(h) for h in narrowed} == {part}, narrowed
    assert f"part={quote(part)}" in page.url.replace("+", "%20")


def test_no_address_is_listed_twice(new_page, edition_url):
    found = open_results(new_page(), edition_url, "Zhengzhou", everything=True)
    assert len(found) == len(set(found)), sorted(h for h in found if found.count(h) > 1)


def test_a_speaker_is_one_result_not_one_in_voices_and_one_in_persons(new_page, edition_url):
    found = open_results(new_page(), edition_url, "Zhengzhou", everything=True)
    entries = [h.split("#")[1].removeprefix("voice-") for h in found if part_of(h) in {"Registers", "Voices"}]
    assert len(entries) == len(set(entries)), sorted(e for e in entries if entries.count(e) > 1)


def test_each_paragraph_result_shows_its_number_and_section(new_page, edition_url):
    page = new_page()
    open_results(page, edition_url, "xiagang")
    shown = page.eval_on_selector_all(
        ".result, .pagefind-ui__result",
        "els => els.filter(e => /index\\.html#p-/.test(e.querySelector('a').getAttribute('href')))"
        ".map(e => [e.querySelector('a').getAttribute('href'), e.innerText])")
    assert shown
    numbers = {"p-scale-disaster-difficult": ("¶ 4", "The Urban Proletariat"),
               "p-surface-least-would": ("¶ 43", "Conflict and Unity")}
    for href, text in shown:
        assert re.search(r"¶ \d+", text), text
        expected = numbers.get(href.split("#")[1])
        if expected:
            assert expected[0] in text and expected[1] in text, (href, text)


def test_the_search_page_has_one_search_box(new_page, edition_url):
    page = new_page()
    open_results(page, edition_url, "Zhengzhou")
    boxes = page.locator("input[type=search]:visible, input[type=text]:visible")
    assert boxes.count() == 1, boxes.evaluate_all("els => els.map(e => e.outerHTML)")


def test_the_address_fills_the_box_and_runs_the_search(new_page, edition_url):
    page = new_page()
    found = open_results(page, edition_url, "hat of the state")
    assert page.locator("input[type=search]:visible").input_value() == "hat of the state"
    assert found


def test_the_header_form_of_any_page_opens_the_results(new_page, edition_url):
    page = new_page()
    page.goto(f"{edition_url}persons.html")
    page.locator("header form[role=search] input[name=q]").fill("xiagang")
    page.locator("header form[role=search] input[name=q]").press("Enter")
    page.locator(LINKS).first.wait_for(timeout=15_000)
    assert "search.html?q=xiagang" in page.url
    assert hrefs(page)[0].endswith("index.html#p-scale-disaster-difficult")


def test_typing_in_the_box_searches_and_keeps_the_query_in_the_address(new_page, edition_url):
    page = new_page()
    page.goto(f"{edition_url}search.html")
    page.locator("input[type=search]:visible").fill("Mao")
    page.locator(LINKS).first.wait_for(timeout=15_000)
    page.wait_for_function("location.search.includes('q=Mao')", timeout=5_000)
    assert re.search(r"index\.html#p-", hrefs(page)[0])


@pytest.mark.parametrize("width", [1280, 360])
def test_the_results_fit_the_screen(new_page, edition_url, screenshots, width):
    page = new_page(width=width, height=900)
    open_results(page, edition_url, "Zhengzhou")
    page.screenshot(path=str(screenshots / f"search-zhengzhou-{width}.png"))
    assert page.evaluate("document.documentElement.scrollWidth") <= width
