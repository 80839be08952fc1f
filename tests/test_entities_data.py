"""index/entities.json, entities.csv and places.geojson (xslt/entities-data.xsl) on the fixture project."""
import csv
import io
import json
from pathlib import Path

import pytest

from xslt_support import build_fixture


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    return build_fixture(tmp_path_factory.mktemp("entities"))


def rows(out: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO((out / "index" / "entities.csv").read_text(encoding="utf-8"), newline="")))


def test_json_is_an_array_of_objects_with_paragraphs(out):
    data = json.loads((out / "index" / "entities.json").read_text(encoding="utf-8"))
    zhengzhou = next(item for item in data if item["id"] == "zhengzhou")
    assert zhengzhou["kind"] == "place" and zhengzhou["paragraphs"] == ["p-one", "p-three"]


def test_json_coordinates_are_numbers_and_absent_values_null(out):
    data = {item["id"]: item for item in json.loads((out / "index" / "entities.json").read_text(encoding="utf-8"))}
    assert data["kaifeng"]["latitude"] == 34.7972 and data["kaifeng"]["longitude"] == 114.3074
    assert data["mao-zedong"]["latitude"] is None


def test_csv_has_the_documented_columns(out):
    header = (out / "index" / "entities.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == "id,kind,name,description,latitude,longitude,wikidata,geonames,viaf,paragraphs"


def test_csv_lists_paragraphs_space_separated(out):
    row = next(r for r in rows(out) if r["id"] == "zhengzhou")
    assert row["paragraphs"] == "p-one p-three"


def test_csv_quotes_commas_and_quotation_marks(out):
    row = next(r for r in rows(out) if r["id"] == "robert-weil")
    assert '"quoted", with commas' in row["description"]


def test_csv_neutralises_a_formula(out):
    row = next(r for r in rows(out) if r["id"] == "robert-weil")
    assert row["description"].startswith("'=HYPERLINK(")


def test_csv_keeps_negative_numbers_as_numbers(out):
    row = next(r for r in rows(out) if r["id"] == "california")
    assert row["longitude"] == "-119.4"


def test_geojson_is_a_feature_collection_of_places_with_coordinates(out):
    data = json.loads((out / "index" / "places.geojson").read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    assert sorted(f["properties"]["id"] for f in data["features"]) == ["california", "china", "henan", "kaifeng", "zhengzhou"]


def test_geojson_coordinates_are_longitude_then_latitude(out):
    data = json.loads((out / "index" / "places.geojson").read_text(encoding="utf-8"))
    feature = next(f for f in data["features"] if f["properties"]["id"] == "kaifeng")
    assert feature["geometry"] == {"type": "Point", "coordinates": [114.3074, 34.7972]}
    assert feature["properties"]["paragraphs"] == ["p-three", "p-comment-one"]
