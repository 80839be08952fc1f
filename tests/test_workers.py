"""The stylesheet workers (``edition.workers``): which stylesheets run side by side, and that running them
side by side changes nothing in what they write."""
from __future__ import annotations

from pathlib import Path

import pytest

from edition import workers
from edition.build import run_stylesheets
from edition.corpus import load_edition
from edition.project import Project


def test_two_workers_share_the_stylesheets_and_each_runs_once(repo_root: Path, tmp_path: Path):
    project = Project(repo_root)
    entries = [e for e in project.entry_stylesheets() if e.name in ("text.xsl", "tei-download.xsl", "cite-files.xsl", "paragraphs-json.xsl")]
    pool = workers.Pool(entries, workers=2)
    try:
        pool.start(load_edition(project).serialize(), tmp_path, {"ids": False, "base-url": "", "retired": ""})
        pool.wait()
    finally:
        pool.close()
    assert sorted(pool.ran_by) == sorted(e.name for e in entries)
    assert set(pool.ran_by.values()) == {0, 1}


def test_an_entry_point_that_takes_the_html_layer_writes_pages(repo_root: Path):
    entries = {e.name: e for e in Project(repo_root).entry_stylesheets()}
    assert workers.writes_pages(entries["html.xsl"]) and workers.writes_pages(entries["voices.xsl"])
    assert not workers.writes_pages(entries["dts.xsl"]) and not workers.writes_pages(entries["text.xsl"])


def test_jobs_follow_the_environment(monkeypatch):
    monkeypatch.setenv("EDITION_JOBS", "1")
    assert workers.jobs() == 1
    monkeypatch.setenv("EDITION_JOBS", "8")
    assert workers.jobs() == workers.MAX_JOBS


def test_one_worker_and_two_write_the_same_bytes(repo_root: Path, tmp_path: Path, snapshot, monkeypatch):
    project = Project(repo_root)
    document = load_edition(project).serialize()
    only = ["html.xsl", "dts.xsl", "entities-data.xsl", "text.xsl"]
    written = {}
    for jobs in ("1", "2"):
        monkeypatch.setenv("EDITION_JOBS", jobs)
        run_stylesheets(project, document, tmp_path / jobs, {"ids": False, "base-url": "", "retired": ""}, only=only)
        written[jobs] = snapshot(tmp_path / jobs)
    assert written["1"] == written["2"] and any(name.endswith("index.html") for name in written["1"])


def test_a_failing_stylesheet_is_the_editors_problem_and_no_worker_is_left(tmp_path: Path):
    broken = tmp_path / "broken.xsl"
    broken.write_text('<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
                      '<xsl:template match="/"><xsl:sequence select="error((), \'deliberate failure\')"/></xsl:template>'
                      '</xsl:stylesheet>', encoding="utf-8")
    pool = workers.Pool([broken])
    processes = [w.process for w in pool._workers]
    try:
        pool.start(b"<x/>", tmp_path / "out", {})
        with pytest.raises(workers.EditionError, match="deliberate failure"):
            pool.wait()
    finally:
        pool.close()
    assert all(p.poll() is not None for p in processes)
