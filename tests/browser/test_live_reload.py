"""``edition serve --watch`` in Chromium: a saved edit reloads the page; an invalid one puts its problems over it."""
from __future__ import annotations

import pytest

from edition.watch import LiveServer

from xslt_support import BUILD_OPTIONS

pytestmark = pytest.mark.browser

PARAGRAPH = '<p xml:id="p-every-class-stratum">Every class'


def test_page_reloads_on_save_and_shows_problems_of_an_invalid_edit(built_copy, new_page):
    project_copy = built_copy  # its build is up to date for these options: the server starts serving it at once
    with LiveServer(project_copy, port=0, parameters=BUILD_OPTIONS, quiet=True, say=lambda message: None) as live:
        page = new_page()
        page.goto(live.url + "index.html#p-every-class-stratum")
        assert page.locator("#edition-live-problems").count() == 0
        essay = project_copy.main_document
        original = essay.read_text(encoding="utf-8")

        essay.write_text(original.replace(PARAGRAPH, PARAGRAPH.replace("Every class", "Each and every class")), encoding="utf-8")
        page.wait_for_function("document.getElementById('p-every-class-stratum').textContent.includes('Each and every class')",
                               timeout=90_000)  # reloaded by itself
        assert page.url.endswith("index.html#p-every-class-stratum")  # the page it was showing

        essay.write_text(original.replace(PARAGRAPH, PARAGRAPH + "<blink/>"), encoding="utf-8")
        overlay = page.locator("#edition-live-problems")
        overlay.wait_for(state="visible", timeout=90_000)
        before = original[:original.index(PARAGRAPH) + len(PARAGRAPH)]  # the problem is placed at the <blink> typed
        line, column = before.count("\n") + 1, len(before) - before.rfind("\n")
        where = f"{essay.relative_to(project_copy.root)}:{line}:{column}"
        assert f"{where}: element <blink> is not allowed here" in overlay.text_content()
        assert "Each and every class" in page.locator("#p-every-class-stratum").text_content()  # the last good build
        assert not page.requests.foreign()
