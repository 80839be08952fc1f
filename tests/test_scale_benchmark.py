"""The scale benchmark's synthetic editions and stage report (``python -m edition.benchmark --scale``).

Timings are printed by the benchmark, never asserted here: these tests check that what it measures
is a real, valid, k-times-larger edition, and that its report names every stage."""
from __future__ import annotations

import json
from collections import Counter

from edition.build import BOOK_STYLESHEETS
from edition.benchmark import _stage_report, scaled_project
from edition.project import NS, XML_ID
from edition.checks.validate import errors, validate
from edition.xmlio import parse_file


def test_scaled_edition_repeats_the_body_with_suffixed_identifiers(project_copy, tmp_path):
    scaled = scaled_project(project_copy, 3, tmp_path / "x3")
    original = parse_file(project_copy.main_document).find("t:text/t:body", NS)
    body = parse_file(scaled.main_document).find("t:text/t:body", NS)
    assert len(body) == 3 * len(original)
    ids = [e.get(XML_ID) for e in body.iter() if isinstance(e.tag, str) and e.get(XML_ID)]
    assert not [i for i, n in Counter(ids).items() if n > 1], "identifiers must stay unique"
    first_id = original[0].get(XML_ID)
    assert [body[n * len(original)].get(XML_ID) for n in range(3)] == [first_id, f"{first_id}-x2", f"{first_id}-x3"]
    # a pointer into the body follows its copy; a pointer to a register entry does not change
    copy_three = body[2 * len(original):]
    refs = {r for part in copy_three for e in part.iter() if isinstance(e.tag, str) for r in (e.get("ref") or "").split()}
    assert "#china" in refs and not [r for r in refs if r.endswith("-x2")]


def test_scaled_edition_is_valid(project_copy, tmp_path):
    scaled = scaled_project(project_copy, 2, tmp_path / "x2")
    assert errors(validate(scaled)) == []


def test_stage_report_names_every_stage(project_copy, tmp_path, capsys):
    _stage_report(project_copy.root, tmp_path / "out")
    report = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    stages = set(report["timings"])
    assert {"parse", "validate", "compile stylesheets", "write_search_index", "manifest and swap"} <= stages
    assert {p.name for p in project_copy.entry_stylesheets()} - set(BOOK_STYLESHEETS) <= stages  # books: see test_pdf
    assert report["build"] > 0 and report["peak_mb"] > 0
    assert (tmp_path / "out" / "html" / "index.html").exists()
