"""Determinism: two builds of the same sources are byte-identical (issue 6, point 5):
no timestamps, no temporary paths, stable ordering in every output, search index included."""
from __future__ import annotations

from edition.build import build


def test_two_builds_are_byte_identical(project_copy, without_validation, snapshot, tmp_path):
    first = snapshot(build(project_copy, tmp_path / "first").out_dir)
    second = snapshot(build(project_copy, tmp_path / "second").out_dir)
    assert sorted(first) == sorted(second), "the two builds wrote different files"
    differing = [name for name in first if first[name] != second[name]]
    assert not differing, f"outputs differ between two builds: {differing}"
    assert len(first) >= 4


def test_no_build_path_or_temporary_folder_leaks_into_outputs(project_copy, without_validation, snapshot, tmp_path):
    files = snapshot(build(project_copy, tmp_path / "out").out_dir)
    for name, data in files.items():
        assert str(tmp_path).encode() not in data and b".out-new-" not in data, name
