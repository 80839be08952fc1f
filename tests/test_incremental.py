"""Nothing changed, nothing done (issue 10, point 4).

A second build with unchanged inputs keeps the previous build as it is (not a byte, not a
timestamp touched); a change to any one kind of input (essay, register, lock, configuration,
stylesheet, shared module, asset, schema, the tool, the options) makes the next build rebuild,
and its output equals a forced build's. (``force=True`` rebuilding byte-identical, with the
compiled stylesheets reused: test_determinism.py.)

Each test takes ``built_copy`` (conftest.py): a copy of the edition with a complete build made
with ``OPTIONS``, validation included.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from edition import manifest
from edition.build import build
from edition.corpus import load_edition
from edition.project import NS, Project

from xslt_support import BUILD_OPTIONS as OPTIONS


def _stat_snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.stat().st_mtime_ns, p.stat().st_ino) for p in sorted(folder.rglob("*"))}


@pytest.fixture
def project(built_copy) -> Project:
    return built_copy


def test_second_build_is_up_to_date_and_touches_nothing(project, snapshot):
    before_bytes, before_stats = snapshot(project.build_dir), _stat_snapshot(project.build_dir)
    report = build(project, parameters=OPTIONS)
    assert report.up_to_date
    assert set(report.timings) == {"up-to-date check"}  # no validation, no Saxon, no search index
    assert snapshot(project.build_dir) == before_bytes and _stat_snapshot(project.build_dir) == before_stats
    assert report.files == sorted(before_bytes)


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


CHANGES = {
    "essay": lambda p: _append(p.main_document, "<!-- revised -->\n"),
    "register": lambda p: _append(p.register_files()[0], "<!-- revised -->\n"),
    "lock": lambda p: _append(p.lock_file, "# a comment\n"),
    "configuration": lambda p: _append(p.config_file, "# a comment\n"),
    "witness": lambda p: _append(p.witness, "\n"),
    "entry stylesheet": lambda p: _append(p.xslt_dir / "text.xsl", "<!-- revised -->\n"),
    "shared module": lambda p: _append(p.xslt_dir / "common" / "params.xsl", "<!-- revised -->\n"),
    "new stylesheet": lambda p: shutil.copy(p.xslt_dir / "text.xsl", p.xslt_dir / "text-copy.xsl"),
    "asset": lambda p: _append(p.xslt_dir / "assets" / "edition.css", "\n/* revised */\n"),
    "schema": lambda p: _append(p.relaxng, "<!-- revised -->\n"),
    "schematron": lambda p: _append(p.schematron, "<!-- revised -->\n"),
    "removed output": lambda p: (p.build_dir / "text" / "reading.txt").unlink(),
    "added output": lambda p: (p.build_dir / "stale.txt").write_text("old"),
}


@pytest.mark.parametrize("kind", sorted(CHANGES))
def test_a_change_to_any_input_is_seen(project, kind):
    assert manifest.is_up_to_date(project.build_dir, manifest.fingerprint(project, {**OPTIONS, "search": True}))
    CHANGES[kind](project)
    assert not manifest.is_up_to_date(project.build_dir, manifest.fingerprint(project, {**OPTIONS, "search": True}))


def test_a_new_tool_version_is_seen(project, monkeypatch):
    made_from = manifest.fingerprint(project, {**OPTIONS, "search": True})
    assert manifest.is_up_to_date(project.build_dir, made_from)
    monkeypatch.setattr(manifest, "__version__", "999.0")
    assert not manifest.is_up_to_date(project.build_dir, manifest.fingerprint(project, {**OPTIONS, "search": True}))


@pytest.mark.parametrize("options", [{**OPTIONS, "ids": True}, {**OPTIONS, "base-url": "https://example.org/ed/"}],
                         ids=["ids", "base-url"])
def test_other_options_rebuild(project, options):
    report = build(project, parameters=options, search=True)
    assert not report.up_to_date
    assert build(project, parameters=options).up_to_date
    if options["ids"]:  # the option reached the outputs: each paragraph of the reading text is prefixed with its identifier
        paragraph_ids = load_edition(project).document.xpath(
            "//t:text/t:body//t:div/t:p/@xml:id | //t:text/t:back//t:div/t:p/@xml:id", namespaces=NS)
        blocks = (project.build_dir / "text" / "reading.txt").read_text(encoding="utf-8").split("\n\n")
        assert [b.split("]", 1)[0][1:] for b in blocks if b.startswith("[p-")] == paragraph_ids != []


def test_changed_essay_rebuilds_and_equals_a_forced_build(project, snapshot, tmp_path):
    essay = project.main_document
    essay.write_text(essay.read_text(encoding="utf-8").replace("Every class and sub-class stratum",
                                                                "Every class and every sub-class stratum", 1), encoding="utf-8")
    report = build(project, parameters=OPTIONS)
    assert not report.up_to_date
    incremental = snapshot(project.build_dir)
    assert "Every class and every sub-class stratum" in incremental["html/index.html"].decode()
    forced = build(project, tmp_path / "forced", parameters=OPTIONS, force=True)
    assert snapshot(forced.out_dir) == incremental


def test_failed_build_is_not_recorded_as_up_to_date(project, snapshot, monkeypatch):
    """An invalid edit fails, keeps the previous build, and the next build still tries (and fails) again."""
    essay = project.main_document
    essay.write_text(essay.read_text(encoding="utf-8").replace("</p>", "<blink/></p>", 1), encoding="utf-8")
    before = snapshot(project.build_dir)
    for _ in range(2):
        with pytest.raises(Exception, match="blink"):
            build(project, parameters=OPTIONS)
    assert snapshot(project.build_dir) == before


def test_search_flag_is_an_option(project, monkeypatch):
    """A build without the search index does not count as the build with it, and back."""
    monkeypatch.setattr("edition.build.require_valid", load_edition)
    assert not build(project, parameters=OPTIONS, search=False).up_to_date
    assert not (project.build_dir / "html" / "pagefind").exists()
    assert not build(project, parameters=OPTIONS, search=True).up_to_date
