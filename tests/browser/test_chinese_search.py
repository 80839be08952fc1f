"""Search finds a register entry by its Chinese name: characters, tonal pinyin and toneless pinyin."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

#: Result links: the search page's, and Pagefind's default interface's.
LINKS = ".result-link"
#: "More results", and Pagefind's "Load more results".
MORE = "#search-more:visible, .pagefind-ui__button:visible"


def result_hrefs(new_page, url: str, query: str) -> list[str]:
    """Every result's address (after "More results" until there are no more)."""
    page = new_page()
    page.goto(f"{url}search.html?q={query}")
    page.locator(LINKS).first.wait_for(timeout=15_000)
    while page.locator(MORE).count():
        before = page.locator(LINKS).count()
        page.locator(MORE).first.click()
        page.wait_for_function(f"document.querySelectorAll({LINKS!r}).length > {before}", timeout=15_000)
    return page.eval_on_selector_all(LINKS, "els => els.map(e => e.getAttribute('href'))")


@pytest.mark.parametrize("query", ["郑州", "Zhèngzhōu", "zhengzhou"])
def test_a_place_is_found_by_its_chinese_name(new_page, edition_url, query):
    assert any(h.endswith("places.html#zhengzhou") for h in result_hrefs(new_page, edition_url, query)), query


@pytest.mark.parametrize("query", ["下岗", "xiàgǎng"])
def test_a_term_is_found_by_its_characters_and_tonal_pinyin(new_page, edition_url, query):
    assert any(h.endswith("glossary.html#term-xiagang") for h in result_hrefs(new_page, edition_url, query)), query
