"""Determinism: two builds of the same sources are byte-identical (issue 6, point 5): no timestamps, no
temporary paths, stable ordering in every output, search index included; and a forced rebuild in the same
process reuses the compiled stylesheets without changing a byte (``edition serve --watch``).

The one byte-identity test of the whole build (the books' own: test_pdf.py, test_epub.py)."""
from __future__ import annotations

from edition.build import build

from xslt_support import BUILD_OPTIONS


def test_two_builds_in_two_folders_are_byte_identical_and_a_rebuild_reuses_the_stylesheets(
        built_edition, built_edition_report, built_copy, snapshot):
    """The shared build, and a forced build of a copy of its sources in another folder (the same process):
    the same files, byte for byte; then once more with the stylesheets already compiled; then a changed
    stylesheet is compiled again."""
    first = snapshot(built_edition.build_dir)
    assert len(first) >= 4 and "compile stylesheets" in built_edition_report.timings
    project = built_copy
    folder = project.build_dir.stat().st_ino
    second = build(project, parameters=BUILD_OPTIONS, force=True)
    assert not second.up_to_date and "html.xsl" in second.timings
    assert project.build_dir.stat().st_ino != folder  # a new folder was swapped in
    rebuilt = snapshot(project.build_dir)
    assert sorted(first) == sorted(rebuilt), "the two builds wrote different files"
    differing = [name for name in first if first[name] != rebuilt[name]]
    assert not differing, f"outputs differ between two builds: {differing}"

    again = build(project, parameters=BUILD_OPTIONS, force=True)
    assert "compile stylesheets" not in again.timings and "html.xsl" in again.timings
    assert snapshot(project.build_dir) == first

    text = project.xslt_dir / "text.xsl"
    text.write_text(text.read_text(encoding="utf-8") + "<!-- revised -->\n", encoding="utf-8")
    assert "compile stylesheets" in build(project, parameters=BUILD_OPTIONS).timings


def test_no_build_path_or_temporary_folder_leaks_into_outputs(built_edition, built_books, snapshot):
    """Neither the project's folder nor the staging folder's name is written into any output, books included."""
    for out in (built_edition.build_dir, built_books):
        for name, data in snapshot(out).items():
            for leak in (str(built_edition.root), str(out.parent), ".build-new-"):
                assert leak.encode() not in data, (out, name, leak)
