"""The build's extension points: post-stylesheet steps get a BuildContext; every computed parameter
reaches the stylesheets that declare it and breaks none that do not."""
from __future__ import annotations

from pathlib import Path

import pytest

from edition import build as build_module
from edition.build import BuildContext, build, stylesheet_parameters
from edition.project import TEI_NS, Project
from edition.xmlio import EditionError, Problem
from edition.xslt import Stylesheets

from xslt_support import BUILD_OPTIONS

UNDECLARING = ('<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
               '<xsl:output method="text"/><xsl:template match="/">no parameters</xsl:template></xsl:stylesheet>')
DECLARING = ('<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" '
             'xmlns:xs="http://www.w3.org/2001/XMLSchema"><xsl:output method="text"/>'
             '<xsl:param name="schema-rng" as="xs:string"/><xsl:param name="ids" as="xs:boolean"/>'
             '<xsl:param name="retired" as="xs:string"/><xsl:template match="/">'
             '<xsl:value-of select="$ids, contains($retired, \' \'), contains($schema-rng, \'relaxng.org\')"/>'
             '</xsl:template></xsl:stylesheet>')


def _run(tmp_path: Path, stylesheet: str, parameters: dict) -> str:
    path = tmp_path / "entry.xsl"
    path.write_text(stylesheet, encoding="utf-8")
    with Stylesheets() as sheets:
        sheets.compile(path)
        return sheets.run(path, sheets.document(b"<x/>"), tmp_path / "out", parameters)


def test_every_build_parameter_reaches_a_stylesheet_that_declares_it(repo_root, tmp_path):
    parameters = stylesheet_parameters(Project(repo_root), {"ids": True, "base-url": ""})
    assert _run(tmp_path, DECLARING, parameters) == "true true true"  # the lock retires one identifier


def test_a_stylesheet_that_declares_no_parameter_is_unaffected(repo_root, tmp_path):
    parameters = stylesheet_parameters(Project(repo_root), {"ids": True, "base-url": "", "unheard-of": "x"})
    assert {"retired", "schema-rng", "schema-sch", "ids", "base-url"} <= set(parameters)
    assert _run(tmp_path, UNDECLARING, parameters) == "no parameters"


def test_a_step_gets_the_context_and_writes_into_the_build(built_copy, without_validation, monkeypatch):
    project_copy = built_copy
    seen: list[BuildContext] = []

    def write_marker(ctx: BuildContext) -> None:
        seen.append(ctx)
        assert (ctx.out / "html" / "index.html").exists()  # after the stylesheets
        (ctx.out / "marker.txt").write_text(ctx.parameters["base-url"], encoding="utf-8")

    monkeypatch.setattr(build_module, "STEPS", [*build_module.STEPS, write_marker])
    report = build(project_copy, parameters={"ids": False, "base-url": "https://example.org/"}, search=False)
    (ctx,) = seen
    assert ctx.project == project_copy and ctx.edition.getroot().tag == f"{{{TEI_NS}}}TEI"
    assert ctx.edition.getroot().find(f"{{{TEI_NS}}}standOff") is not None  # the assembled edition
    assert (report.out_dir / "marker.txt").read_text(encoding="utf-8") == "https://example.org/"
    assert "write_marker" in report.timings


def test_a_failing_step_leaves_the_previous_build(built_copy, without_validation, monkeypatch, snapshot):
    project_copy = built_copy  # with its complete previous build
    before = snapshot(project_copy.build_dir)

    def write_broken(ctx: BuildContext) -> None:
        raise EditionError(Problem("edition/extra.dat", 3, 7, "cannot make the extra output"))

    monkeypatch.setattr(build_module, "STEPS", [*build_module.STEPS, write_broken])
    with pytest.raises(EditionError, match="edition/extra.dat:3:7: cannot make the extra output"):
        build(project_copy, parameters=BUILD_OPTIONS, search=False, force=True)
    assert snapshot(project_copy.build_dir) == before
    assert not [p for p in project_copy.root.iterdir() if p.name.startswith(".build-")]
