"""The map of places and the timeline in a browser: a page assembled from the templates' output on
the real edition and the real base map, with the edition's and the maps' CSS, at 1280 and 360 px.
Screenshots go to build/screenshots/maps-*.png for a person to look at.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from test_maps import real_basemap, real_edition, run_template  # tests/ is on the path, as for xslt_support

from edition.outputs import maps


pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def maps_page(tmp_path_factory, repo_root) -> Path:
    """places.html-like and events.html-like content on one page, with the assets beside it."""
    xml = etree.tostring(real_edition())
    parts = [etree.tostring(run_template("place-map", xml, real_basemap()), encoding="unicode"),
             etree.tostring(run_template("event-timeline", xml), encoding="unicode")]
    folder = tmp_path_factory.mktemp("maps-page")
    (folder / "assets").mkdir()
    for asset in ("edition.css", "maps.css"):
        (folder / "assets" / asset).write_bytes((repo_root / "xslt" / "assets" / asset).read_bytes())
    page = folder / "maps.html"
    page.write_text('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Map and timeline</title>'
                    '<meta name="viewport" content="width=device-width, initial-scale=1">'
                    '<link rel="stylesheet" href="assets/edition.css"><link rel="stylesheet" href="assets/maps.css">'
                    f'</head><body><main>{"".join(parts)}</main></body></html>', encoding="utf-8")
    return page


@pytest.mark.parametrize("width", [1280, 360])
def test_screenshots_and_no_request_leaves_the_page(new_page, maps_page, width, screenshots):
    page = new_page(width=width)
    page.goto(maps_page.as_uri())
    page.screenshot(path=str(screenshots / f"maps-{width}.png"), full_page=True)
    page.locator("figure.map-main").screenshot(path=str(screenshots / f"maps-main-{width}.png"))
    page.locator(".timeline-scroll").screenshot(path=str(screenshots / f"maps-timeline-{width}.png"))
    assert page.requests.foreign() == []
    assert all(u.startswith("file:") for u in page.requests.urls)


def test_the_markers_are_reached_with_the_keyboard_and_named(new_page, maps_page):
    page = new_page()
    page.goto(maps_page.as_uri())
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.namespaceURI, document.activeElement.getAttribute('aria-label'),"
                            " document.activeElement.getAttribute('href')]")
    # The first stop is the main map's largest marker: the most mentioned place (in this edition, China).
    top = max(maps.places(real_edition()), key=lambda p: p.mentions)
    assert focused[0] == "http://www.w3.org/2000/svg"
    assert focused[1].endswith(f", {top.mentions} mentions") and focused[2] == f"places.html#{top.id}"


def test_on_a_phone_the_page_does_not_scroll_sideways_but_the_timeline_does(new_page, maps_page):
    page = new_page(width=360)
    page.goto(maps_page.as_uri())
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert page.evaluate("(() => { const e = document.querySelector('.timeline-scroll'); return e.scrollWidth > e.clientWidth; })()")
    # The main map fits the screen; its names are small there, and the list beside it says them all.
    assert page.locator("figure.map-main svg").bounding_box()["width"] <= 360
    assert page.locator("ol.map-places li").count() == len(maps.places(real_edition()))


def test_no_serious_accessibility_violations_in_the_map_and_timeline(new_page, maps_page):
    from axe_playwright_python.sync_playwright import Axe

    page = new_page()
    page.goto(maps_page.as_uri())
    violations = Axe().run(page).response["violations"]
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations if v["impact"] in {"serious", "critical"}] == []


def test_the_page_is_valid_html5(maps_page):
    from .test_quality import _html5_errors

    assert _html5_errors(maps_page.parent) == []
