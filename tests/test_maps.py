"""The map of places and the timeline of events (xslt/common/maps.xsl, edition.outputs.maps).

The templates are run through saxonche on tests/fixtures/maps/mini.xml with a hand-made base map
(tests/fixtures/maps/basemap.svg: a main panel 100–140° E, 20–50° N at 20 units a degree, a zoom
and a world panel), so their behaviour does not depend on the boundary data. ``basemap_svg`` is
tested on the real edition and the real data (the Debian package gmt-dcw), and the browser test
looks at a page assembled from both.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache
from pathlib import Path

import pytest
from lxml import etree

from edition.outputs import maps
from edition.corpus import load_edition
from edition.project import Project
from edition.xmlio import EditionError
from edition.xslt import Stylesheets
from xslt_support import ROOT, call

FIXTURES = Path(__file__).parent / "fixtures" / "maps"
#: The HTML layer, the one module the pages import (it includes maps.xsl and what it uses).
HTML_LAYER = ROOT / "xslt" / "common" / "html-layer.xsl"
ED = "urn:weil-edition:xslt"
NS = {"h": "http://www.w3.org/1999/xhtml", "s": "http://www.w3.org/2000/svg"}

needs_boundaries = pytest.mark.skipif(not any(Path(p).is_file() for p in maps.DCW_CANDIDATES),
                                      reason="boundary data missing: apt-get install -y gmt-dcw")


@lru_cache(maxsize=None)
def template_sheets():
    """The HTML layer compiled for template calls, apart from the one xslt_support compiles for function
    calls: an executable keeps the context item a template call was given, and Saxon then fails on a
    plain function call."""
    sheets = Stylesheets()
    return sheets, sheets.compile(HTML_LAYER)


def run_template(name: str, xml: bytes, basemap: str = "") -> etree._Element:
    """Call ``ed:name`` with ``xml`` as context and ``basemap`` as parameter; the result parsed."""
    sheets, executable = template_sheets()
    executable.clear_parameters()  # (this would clear the context item too)
    executable.set_parameter("basemap", sheets.value(basemap))
    executable.set_global_context_item(xdm_item=sheets.document(xml))
    return etree.fromstring(executable.call_template_returning_string(f"{{{ED}}}{name}").encode())


@lru_cache(maxsize=None)
def fixture_map() -> etree._Element:
    return run_template("place-map", (FIXTURES / "mini.xml").read_bytes(), (FIXTURES / "basemap.svg").read_text())


@lru_cache(maxsize=None)
def fixture_timeline() -> etree._Element:
    return run_template("event-timeline", (FIXTURES / "mini.xml").read_bytes())


def markers(html: etree._Element, panel: str) -> dict[str, etree._Element]:
    """The marker links of one panel's figure, by place identifier."""
    return {a.get("data-place"): a for a in html.xpath(f"//h:figure[contains(@class, 'map-{panel}')]//s:a[@class = 'marker']", namespaces=NS)}


# --------------------------------------------------------------------------- the map


def test_one_marker_per_place_with_coordinates_in_the_main_map():
    assert sorted(markers(fixture_map(), "main")) == ["kaifeng", "nanjiecun", "zhengzhou"]


def test_a_place_outside_the_main_frame_is_marked_on_the_world_map_and_said_in_the_list():
    html = fixture_map()
    assert sorted(markers(html, "world")) == ["new-york"]
    item = html.xpath("//h:ol[@class = 'map-places']/h:li[h:a = 'New York']", namespaces=NS)[0]
    assert "outside the main map" in "".join(item.itertext())


def test_markers_link_to_their_register_entry():
    for place, link in markers(fixture_map(), "main").items():
        assert link.get("href") == f"places.html#{place}"


def test_markers_are_sized_by_mentions():
    radius = {place: float(a.find("s:circle", NS).get("r")) for place, a in markers(fixture_map(), "main").items()}
    # Zhengzhou is named 3 times, Kaifeng once, Nanjiecun never.
    assert radius["zhengzhou"] > radius["kaifeng"] > radius["nanjiecun"] > 0


def test_markers_sit_where_the_panel_projects_their_coordinates():
    circle = markers(fixture_map(), "main")["zhengzhou"].find("s:circle", NS)
    # Main panel of the fixture: x = (lon - 100) * 20, y = (50 - lat) * 20.
    assert float(circle.get("cx")) == pytest.approx((113.6254 - 100) * 20, abs=0.1)
    assert float(circle.get("cy")) == pytest.approx((50 - 34.7466) * 20, abs=0.1)


def test_markers_have_an_accessible_name_with_the_count():
    link = markers(fixture_map(), "main")["zhengzhou"]
    assert link.get("aria-label") == "Zhengzhou, 3 mentions"
    assert link.find("s:title", NS).text == "Zhengzhou, 3 mentions"
    assert markers(fixture_map(), "main")["nanjiecun"].get("aria-label") == "Nanjiecun, not named in the text"


def test_the_list_gives_every_located_place_with_its_count_most_mentioned_first():
    items = fixture_map().xpath("//h:ol[@class = 'map-places']/h:li", namespaces=NS)
    assert [(li.find("h:a", NS).text, li.find("h:span[@class = 'count']", NS).text) for li in items] == [
        ("Zhengzhou", "3 mentions"), ("New York", "2 mentions"), ("Kaifeng", "1 mention"), ("Nanjiecun", "not named in the text")]
    assert [li.find("h:a", NS).get("href") for li in items][0] == "places.html#zhengzhou"


def test_the_main_map_marks_the_area_of_the_detail():
    rect = fixture_map().xpath("//h:figure[contains(@class, 'map-main')]//s:rect[@class = 'inner-frame']", namespaces=NS)[0]
    # The zoom panel is 112–116° E, 33–36° N.
    assert [float(rect.get(a)) for a in ("x", "y", "width", "height")] == [240.0, 280.0, 80.0, 60.0]


def test_the_detail_shows_the_places_inside_its_frame():
    assert sorted(markers(fixture_map(), "zoom")) == ["kaifeng", "nanjiecun", "zhengzhou"]


def test_the_base_map_shapes_are_drawn_and_hidden_from_screen_readers():
    shapes = fixture_map().xpath("//h:figure[contains(@class, 'map-main')]//s:g[@class = 'shapes']", namespaces=NS)[0]
    assert shapes.get("aria-hidden") == "true"
    assert [p.get("class") for p in shapes.findall("s:path", NS)] == ["country", "division"]


def test_without_a_base_map_the_list_stays_and_no_figure_is_drawn():
    html = run_template("place-map", (FIXTURES / "mini.xml").read_bytes(), "")
    assert html.xpath("//s:svg", namespaces=NS) == []
    assert len(html.xpath("//h:ol[@class = 'map-places']/h:li", namespaces=NS)) == 4


def test_names_on_the_map_do_not_overlap():
    html = run_template("place-map", (FIXTURES / "mini.xml").read_bytes(), (FIXTURES / "basemap.svg").read_text())
    for figure in html.xpath("//h:figure", namespaces=NS):
        ys = [(float(t.get("x")), float(t.get("y"))) for t in figure.xpath(".//s:g[@class = 'labels']/s:text", namespaces=NS)]
        assert len(ys) == len(set(ys))


# --------------------------------------------------------------------------- the timeline


def timeline_marks() -> list[etree._Element]:
    return fixture_timeline().xpath("//s:g[@class = 'items']/s:a", namespaces=NS)


def test_one_mark_per_dated_event_and_per_distinct_date_of_the_text():
    # Three dated events (the undated one is left out); the dates 1997 (twice: one item) and summer 2004;
    # the date inside the mention of the dated battle is the battle's, a day without a year has no place,
    # and the date in the editors' note is not the essay's.
    labels = sorted(a.get("aria-label") for a in timeline_marks())
    assert labels == ["1997 (1997)", "Factory battle (2001-07-24)", "Mill struggle (2000 – ?)",
                      "Railway strike (1923-02-04 – 1923-02-07)", "the summer of 2004 (2004-06 – 2004-08)"]


def test_events_link_to_their_register_entry_and_dates_to_their_paragraph():
    hrefs = {a.get("aria-label").split(" (")[0]: a.get("href") for a in timeline_marks()}
    assert hrefs["Railway strike"] == "events.html#railway-strike"
    assert hrefs["1997"] == "index.html#p-first-paragraph"
    assert hrefs["the summer of 2004"] == "index.html#p-second-paragraph"


def test_the_list_links_each_item_to_every_paragraph_and_to_its_entry():
    items = {li.find("h:span[@class = 'when']", NS).text: li for li in fixture_timeline().xpath("//h:ol[@class = 'timeline-list']/h:li", namespaces=NS)}
    assert [a.get("href") for a in items["1997"].findall("h:a[@class = 'paragraph']", NS)] == [
        "index.html#p-first-paragraph", "index.html#p-second-paragraph"]
    battle = items["2001-07-24"]
    assert battle.find("h:a[@class = 'entry']", NS).get("href") == "events.html#factory-battle"
    assert [a.get("href") for a in battle.findall("h:a[@class = 'paragraph']", NS)] == ["index.html#p-third-paragraph"]


def test_the_timeline_is_in_date_order_on_one_axis():
    marks = timeline_marks()
    starts = [float((a.find("s:rect", NS) if a.find("s:rect", NS) is not None else a.find("s:circle", NS)).get(
        "x" if a.find("s:rect", NS) is not None else "cx")) for a in marks]
    assert starts == sorted(starts)
    assert marks[0].get("aria-label").startswith("Railway strike")


def test_a_span_is_a_bar_and_a_single_date_a_dot():
    by_label = {a.get("aria-label").split(" (")[0]: a for a in timeline_marks()}
    assert by_label["the summer of 2004"].find("s:rect", NS) is None or float(by_label["the summer of 2004"].find("s:rect", NS).get("width")) > 0
    assert by_label["Factory battle"].find("s:circle", NS) is not None


def test_marks_of_the_timeline_do_not_overlap():
    boxes = []
    for a in timeline_marks():
        shape = a.find("s:rect", NS) if a.find("s:rect", NS) is not None else a.find("s:circle", NS)
        if shape.tag.endswith("rect"):
            x, y, w = float(shape.get("x")), float(shape.get("y")), float(shape.get("width"))
        else:
            x, y, w = float(shape.get("cx")) - 5, float(shape.get("cy")) - 5, 10.0
        boxes.append((x, y, x + w))
    for i, (x1, y1, x2) in enumerate(boxes):
        for u1, v1, u2 in boxes[i + 1:]:
            assert y1 != v1 or x2 < u1 or u2 < x1


@pytest.mark.parametrize("value, end, year", [("1997", False, 1997.0), ("1997", True, 1998.0),
                                                ("2004-06", False, 2004 + 5 / 12), ("2004-08", True, 2004 + 8 / 12),
                                                ("--12-31", False, None)])
def test_decimal_years(value, end, year):
    got = call("html-layer.xsl", "decimal-year", value, end)
    assert (float(got) if got else None) == (pytest.approx(year) if year is not None else None)


# --------------------------------------------------------------------------- safety of the SVG


@pytest.mark.parametrize("figure", [fixture_map, fixture_timeline])
def test_the_svg_is_well_formed_and_refers_to_nothing_outside(figure):
    html = figure()
    svgs = html.xpath("//s:svg", namespaces=NS)
    assert svgs
    for svg in svgs:
        etree.fromstring(etree.tostring(svg))  # well-formed on its own
        for element in svg.iter():
            for name, value in element.attrib.items():
                assert not re.search(r"(https?:)?//|url\(|javascript:", value), (name, value)
                if name in ("href", "{http://www.w3.org/1999/xlink}href"):
                    assert re.fullmatch(r"(places|events|index)\.html#[\w.-]+", value), value
        assert svg.xpath(".//s:image | .//s:use | .//s:foreignObject | .//s:script", namespaces=NS) == []


# --------------------------------------------------------------------------- the base map


@lru_cache(maxsize=None)
def real_edition() -> etree._ElementTree:
    return load_edition(Project(ROOT)).document


@lru_cache(maxsize=None)
def real_basemap() -> str:
    return maps.basemap_svg(real_edition())


def panels(svg: str) -> dict[str, etree._Element]:
    return {g.get("data-panel"): g for g in etree.fromstring(svg.encode()).findall("s:g", NS)}


def rings(d: str) -> list[list[tuple[float, float]]]:
    """The rings of SVG path data made of M, L and Z."""
    return [[tuple(map(float, pair.split())) for pair in ring.split("L")] for ring in re.findall(r"M([^MZ]+)Z", d)]


def inside(point: tuple[float, float], polygon_rings: list[list[tuple[float, float]]]) -> bool:
    """Even–odd rule over all rings."""
    x, y = point
    crossings = 0
    for ring in polygon_rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                crossings += 1
    return crossings % 2 == 1


def project(panel: etree._Element, lon: float, lat: float) -> tuple[float, float]:
    return ((lon - float(panel.get("data-west"))) * float(panel.get("data-kx")),
            (float(panel.get("data-north")) - lat) * float(panel.get("data-ky")))


@needs_boundaries
def test_zhengzhou_and_kaifeng_fall_inside_henan_and_beijing_does_not():
    for name in ("main", "zoom"):
        panel = panels(real_basemap())[name]
        henan = rings(panel.find("s:path[@data-code='CN.HA']", NS).get("d"))
        assert inside(project(panel, 113.6254, 34.7466), henan)  # Zhengzhou
        assert inside(project(panel, 114.3074, 34.7972), henan)  # Kaifeng
    main = panels(real_basemap())["main"]
    assert not inside(project(main, 116.4074, 39.9042), rings(main.find("s:path[@data-code='CN.HA']", NS).get("d")))
    assert inside(project(main, 116.4074, 39.9042), rings(main.find("s:path[@data-code='CN.BJ']", NS).get("d")))


@needs_boundaries
def test_countries_are_where_they_belong():
    world = panels(real_basemap())["world"]
    assert inside(project(world, -98.6, 39.8), rings(world.find("s:path[@data-code='US']", NS).get("d")))
    assert inside(project(world, 138.25, 36.2), rings(world.find("s:path[@data-code='JP']", NS).get("d")))
    assert not inside(project(world, 138.25, 36.2), rings(world.find("s:path[@data-code='CN']", NS).get("d")))


@needs_boundaries
def test_the_frames_follow_the_editions_places():
    found = {p.id: p for p in maps.places(real_edition())}
    main, zoom, world = maps.frames(list(found.values()))
    assert main.contains(found["zhengzhou"]) and main.contains(found["beijing"]) and main.contains(found["japan"])
    assert not main.contains(found["united-states"])
    assert zoom.contains(found["zhengzhou"]) and zoom.contains(found["kaifeng"]) and not zoom.contains(found["beijing"])
    assert world.name == "world"


def test_places_counts_the_pointers_of_the_text():
    found = {p.id: p for p in maps.places(etree.parse(str(FIXTURES / "mini.xml")))}
    assert {k: v.mentions for k, v in found.items()} == {"zhengzhou": 3, "kaifeng": 1, "nanjiecun": 0, "new-york": 2}
    assert (found["new-york"].lat, found["new-york"].lon) == (40.7128, -74.006)


@needs_boundaries
def test_basemap_is_deterministic_and_small():
    first = real_basemap()
    maps._shapes.cache_clear()
    maps._render.cache_clear()
    again = maps.basemap_svg(real_edition())
    assert first == again
    assert len(first.encode()) < 300_000
    assert set(panels(first)) == {"main", "zoom", "world"}


@needs_boundaries
def test_basemap_refers_to_nothing_outside():
    without_namespace = real_basemap().replace(' xmlns="http://www.w3.org/2000/svg"', "", 1)
    assert not re.search(r"https?:|xlink|href|url\(|//", without_namespace)


def test_missing_boundary_data_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setattr(maps, "DCW_CANDIDATES", (str(tmp_path / "none.nc"),))
    monkeypatch.delenv("DCW_GMT", raising=False)
    with pytest.raises(EditionError, match="gmt-dcw"):
        maps.basemap_svg(etree.parse(str(FIXTURES / "mini.xml")))


@needs_boundaries
def test_the_real_edition_has_a_marker_for_every_located_place(repo_root):
    edition = real_edition()
    html = run_template("place-map", etree.tostring(edition), real_basemap())
    located = {p.id for p in maps.places(edition)}
    assert set(markers(html, "main")) | set(markers(html, "world")) == located
    assert set(markers(html, "main")).isdisjoint(markers(html, "world"))
    assert {"zhengzhou", "kaifeng"} <= set(markers(html, "zoom"))
    assert len(etree.tostring(html)) < 300_000


def test_the_real_edition_timeline_spans_the_essays_dates():
    html = run_template("event-timeline", etree.tostring(real_edition()))
    whens = [li.find("h:span[@class = 'when']", NS).text for li in html.xpath("//h:ol[@class = 'timeline-list']/h:li", namespaces=NS)]
    assert any(w.startswith("1923") for w in whens) and any(w.startswith("2005") for w in whens)
    marks = html.xpath("//s:g[@class = 'items']/s:a", namespaces=NS)
    assert len(marks) == len(whens)
    assert all(re.fullmatch(r"index\.html(#[\w.-]+)?|events\.html#[\w.-]+|\w+\.html#[\w.-]+", a.get("href")) for a in marks)


@needs_boundaries
def test_provinces_are_drawn_for_the_country_holding_the_places_only():
    main = panels(real_basemap())["main"]
    divided = {p.get("data-code").split(".")[0] for p in main.findall("s:path[@class='division']", NS)}
    # China holds most of the places; India, Japan and Korea one each: their states stay undrawn.
    assert divided == {"CN"}
    assert main.find("s:path[@data-code='IN']", NS) is not None


@needs_boundaries
def test_contains_reads_the_boundaries_on_either_side_of_180_degrees():
    shapes = maps._shapes(maps.dcw_file())
    assert maps.contains(shapes, "CNHA", 113.6254, 34.7466)      # Zhengzhou in Henan
    assert not maps.contains(shapes, "CNHA", 116.4074, 39.9042)  # Beijing is not
    assert maps.contains(shapes, "US", -98.6, 39.8)               # DCW keeps the US in 0–360°
    assert maps.contains(shapes, "RU", 177.5, 64.7)               # Chukotka, east of 180°


def test_an_edition_without_dates_gets_a_sentence_not_a_timeline():
    xml = (FIXTURES / "mini.xml").read_text(encoding="utf-8")
    undated = re.sub(r' (when|from|to)="[^"]*"', "", xml)
    html = run_template("event-timeline", undated.encode())
    assert html.xpath("//s:svg", namespaces=NS) == []
    assert "no timeline to draw" in "".join(html.itertext())


@needs_boundaries
def test_every_ring_is_clipped_to_its_panel():
    for name, panel in panels(real_basemap()).items():
        pad = 4 * maps.TOLERANCE[name] + 0.05  # the margin drawn beyond the frame, and the rounding to 0.1
        width, height = float(panel.get("data-width")), float(panel.get("data-height"))
        for path in panel.findall("s:path", NS):
            found = rings(path.get("d"))
            assert found and path.get("d").count("M") == len(found)
            for ring in found:
                assert len(ring) >= 3
                assert all(-pad <= x <= width + pad and -pad <= y <= height + pad for x, y in ring), (name, path.get("data-code"))


@needs_boundaries
def test_small_countries_larger_than_the_tolerance_are_drawn_on_the_world_map():
    """Islands of a degree or two (Jamaica, Puerto Rico) and small coastal countries (the Gambia, Brunei):
    larger than the world panel's tolerance, so drawn, however few points they are simplified to."""
    world = panels(real_basemap())["world"]
    for code in ("JM", "PR", "GM", "BN", "LB", "IL"):
        assert rings(world.find(f"s:path[@data-code='{code}']", NS).get("d")), code
