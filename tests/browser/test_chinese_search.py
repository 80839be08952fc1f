"""Search finds a register entry by its Chinese name: characters, tonal pinyin and toneless pinyin."""
from __future__ import annotations

import pytest

from .test_search_view import open_results

pytestmark = pytest.mark.browser


def result_hrefs(new_page, url: str, query: str) -> list[str]:
    """Every result's address (after "More results" until there are no more)."""
    return open_results(new_page(), url, query, everything=True)


@pytest.mark.parametrize("query", ["郑州", "Zhèngzhōu", "zhengzhou"])
def test_a_place_is_found_by_its_chinese_name(new_page, edition_url, query):
    assert any(h.endswith("places.html#zhengzhou") for h in result_hrefs(new_page, edition_url, query)), query


@pytest.mark.parametrize("query", ["下岗", "xiàgǎng"])
def test_a_term_is_found_by_its_characters_and_tonal_pinyin(new_page, edition_url, query):
    assert any(h.endswith("glossary.html#term-xiagang") for h in result_hrefs(new_page, edition_url, query)), query
