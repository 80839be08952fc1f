"""The stylesheet workers (``edition.workers``): each stylesheet runs once, in the pool's order, in a
worker that compiled it once; running them side by side changes nothing in what they write; a
stylesheet that fails is the editor's problem, located, and the previous build stays."""
from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from edition import workers
from edition.build import build, run_stylesheets
from edition.corpus import load_edition
from edition.project import Project

XSL = 'xmlns:xsl="http://www.w3.org/1999/XSL/Transform"'
#: An expression that takes Saxon a second or so: a stylesheet that is still running when others are done.
SLOW = "count((1 to 40000000)[. mod 7 = 3])"


def stylesheet(folder: Path, name: str, body: str = "") -> Path:
    """An entry stylesheet that writes ``{name}.txt`` (and does ``body`` first)."""
    path = folder / f"{name}.xsl"
    path.write_text(f'<xsl:stylesheet version="3.0" {XSL}><xsl:template match="/">{body}'
                    f'<xsl:result-document href="{name}.txt" method="text">{name} ran</xsl:result-document>'
                    '</xsl:template></xsl:stylesheet>', encoding="utf-8")
    return path


def run(pool: workers.Pool, out: Path, document: bytes = b"<doc/>") -> None:
    pool.start(document, out, {})
    pool.wait()


def test_each_stylesheet_runs_once_in_the_pools_order(tmp_path: Path):
    sheets = [stylesheet(tmp_path, name) for name in ("c", "a", "b", "d")]
    pool = workers.Pool(sheets, workers=1)
    try:
        run(pool, tmp_path / "out")
    finally:
        pool.close()
    assert sorted(pool.ran, key=lambda name: pool.ran[name].started) == ["c.xsl", "a.xsl", "b.xsl", "d.xsl"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.txt", "b.txt", "c.txt", "d.txt"]


def test_two_workers_share_the_stylesheets(tmp_path: Path):
    sheets = [stylesheet(tmp_path, name, f'<xsl:message select="{SLOW}"/>') for name in "abcd"]
    pool = workers.Pool(sheets, workers=2)
    try:
        run(pool, tmp_path / "out")
    finally:
        pool.close()
    assert sorted(pool.ran) == ["a.xsl", "b.xsl", "c.xsl", "d.xsl"]
    assert len({ran.worker for ran in pool.ran.values()}) == 2


def test_a_step_waits_only_for_the_stylesheets_it_names(tmp_path: Path):
    sheets = [stylesheet(tmp_path, "first"), stylesheet(tmp_path, "slow", f'<xsl:message select="{SLOW}"/>')]
    pool = workers.Pool(sheets, workers=1)
    try:
        pool.start(b"<doc/>", tmp_path / "out", {})
        pool.wait({"first.xsl"})
        waited_for = set(pool.ran)
        pool.wait()
    finally:
        pool.close()
    assert waited_for == {"first.xsl"} and set(pool.ran) == {"first.xsl", "slow.xsl"}


def test_an_entry_point_that_uses_the_html_layer_writes_pages(repo_root: Path):
    entries = {e.name: e for e in Project(repo_root).entry_stylesheets()}
    assert workers.writes_pages(entries["html.xsl"]) and workers.writes_pages(entries["voices.xsl"])
    assert not workers.writes_pages(entries["dts.xsl"]) and not workers.writes_pages(entries["text.xsl"])
    assert not workers.writes_pages(entries["print.xsl"])  # it imports the layer, and writes the book's HTML


def test_jobs_follow_the_environment(monkeypatch, tmp_path: Path):
    monkeypatch.setenv("EDITION_JOBS", "8")
    assert workers.jobs() == workers.MAX_JOBS
    monkeypatch.setenv("EDITION_JOBS", "1")
    assert workers.jobs() == 1
    pool = workers.Pool([stylesheet(tmp_path, name) for name in "abc"])
    try:
        run(pool, tmp_path / "out")
    finally:
        pool.close()
    assert len({ran.worker for ran in pool.ran.values()}) == 1


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


def test_saxons_messages_reach_standard_error(tmp_path: Path, capfd):
    pool = workers.Pool([stylesheet(tmp_path, "talks", '<xsl:message>a word from the stylesheet</xsl:message>')])
    try:
        run(pool, tmp_path / "out")
    finally:
        pool.close()
    assert "a word from the stylesheet" in capfd.readouterr().err


@pytest.mark.parametrize("body, message", [
    ("<xsl:sequence select=\"error((), 'deliberate failure')\"/>", "the transformation failed: deliberate failure"),
    ('<xsl:sequence select="1 +"/>', "the stylesheet does not compile"),
])
def test_a_failing_stylesheet_is_a_located_problem_and_no_worker_is_left(tmp_path: Path, capfd, body, message):
    broken = stylesheet(tmp_path, "broken", body)
    before = {p.pid for p in multiprocessing.active_children()}  # a kept pool of an earlier build is not this one's
    pool = workers.Pool([stylesheet(tmp_path, "fine"), broken])
    started = [p for p in multiprocessing.active_children() if p.pid not in before]
    try:
        with pytest.raises(workers.EditionError) as failure:
            run(pool, tmp_path / "out")
    finally:
        pool.close()
    (problem,) = failure.value.problems
    assert (problem.file, problem.line, problem.column) == (str(broken), 1, 1) and message in problem.message
    assert started and not any(p.is_alive() for p in started)
    assert "Traceback" not in capfd.readouterr().err


def test_the_kept_pool_serves_the_next_build_while_the_stylesheets_are_unchanged(tmp_path: Path):
    sheets = [stylesheet(tmp_path, name) for name in "ab"]
    try:
        pool = workers.pool_for(sheets, "digest 1")
        run(pool, tmp_path / "one")
        started = {p.pid for p in multiprocessing.active_children()}
        assert "compile stylesheets" in pool.timings
        assert workers.pool_for(sheets, "digest 1") is pool
        run(pool, tmp_path / "two")
        assert {p.pid for p in multiprocessing.active_children()} == started >= {ran.worker for ran in pool.ran.values()}
        assert "compile stylesheets" not in pool.timings
        changed = workers.pool_for(sheets, "digest 2")
        assert changed is not pool and workers.is_kept(changed) and not workers.is_kept(pool)
    finally:
        workers.discard_kept()


def test_a_kept_pool_whose_worker_died_fails_once_and_is_replaced(tmp_path: Path):
    sheets = [stylesheet(tmp_path, "a")]
    try:
        pool = workers.pool_for(sheets, "digest")
        run(pool, tmp_path / "one")
        for worker in multiprocessing.active_children():
            worker.kill()
            worker.join()
        with pytest.raises(workers.EditionError, match="stylesheet worker stopped unexpectedly"):
            run(pool, tmp_path / "two")
        again = workers.pool_for(sheets, "digest")
        assert again is not pool
        run(again, tmp_path / "three")
        assert (tmp_path / "three" / "a.txt").read_text() == "a ran"
    finally:
        workers.discard_kept()


def test_a_broken_stylesheet_fails_the_build_located_and_keeps_the_previous_one(project_copy, snapshot, run_edition,
                                                                                 without_validation, capfd):
    build(project_copy)
    previous = snapshot(project_copy.build_dir)
    text = project_copy.xslt_dir / "text.xsl"
    text.write_text(text.read_text(encoding="utf-8").replace("</xsl:stylesheet>", '<xsl:variable name="broken" select="1 +"/></xsl:stylesheet>'),
                    encoding="utf-8")
    result = run_edition(project_copy, "build", "--no-books")
    assert result.exit_code == 1
    assert "xslt/text.xsl:1:1: the stylesheet does not compile" in result.output.replace(str(project_copy.root) + "/", "")
    assert "Traceback" not in result.output and "Traceback" not in capfd.readouterr().err
    assert snapshot(project_copy.build_dir) == previous
