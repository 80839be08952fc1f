"""Nothing lost: a failed or interrupted build leaves the previous build byte-identical,
and leaves no half-written folder beside it (issue 6, point 3)."""
from __future__ import annotations

import errno
import multiprocessing
import shutil
from pathlib import Path

import pytest

from edition.build import build
from edition import workers

BROKEN = Path(__file__).parent / "fixtures" / "broken"


@pytest.fixture
def project_copy(built_copy):
    """A copy of the edition with a complete first build (conftest.py's ``built_copy``)."""
    return built_copy


@pytest.fixture
def previous(project_copy, snapshot):
    """The bytes of the complete first build."""
    files = snapshot(project_copy.build_dir)
    assert "html/index.html" in files and "text/reading.txt" in files
    return files


@pytest.fixture
def edited(project_copy, previous):
    """An edit saved after the previous build, so the next build has work to do (an unchanged edition is not rebuilt)."""
    essay = project_copy.main_document
    essay.write_text(essay.read_text(encoding="utf-8") + "<!-- edited -->\n", encoding="utf-8")


def assert_untouched(project, previous, snapshot):
    assert snapshot(project.build_dir) == previous
    leftovers = sorted(p.name for p in project.root.iterdir() if p.name.startswith(".build"))
    assert leftovers == [], f"half-written folders left behind: {leftovers}"


def test_invalid_tei_keeps_previous_build(project_copy, previous, snapshot, run_edition):
    """Validation on (schema present or not, the essay is broken): exit 1, nothing replaced."""
    shutil.copy(BROKEN / "tag-mismatch.xml", project_copy.main_document)
    result = run_edition(project_copy, "build", "--no-books")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "edition/conditions.xml:14:" in result.stderr
    assert_untouched(project_copy, previous, snapshot)


def test_schema_invalid_tei_keeps_previous_build(project_copy, previous, snapshot, run_edition):
    """Well-formed but not valid TEI: an unknown element in the essay."""
    essay = project_copy.main_document
    essay.write_text(essay.read_text(encoding="utf-8").replace("</p>", "<blink>x</blink></p>", 1), encoding="utf-8")
    result = run_edition(project_copy, "build", "--no-books")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert_untouched(project_copy, previous, snapshot)


@pytest.mark.parametrize("stylesheet", [
    # does not compile
    '<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:template match="/"><xsl:oops/></xsl:template></xsl:stylesheet>',
    # compiles, then fails at run time after writing part of its output (and after the other entries ran)
    '<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:template match="/">'
    '<xsl:result-document href="zz/partial.txt" method="text">partial</xsl:result-document>'
    '<xsl:sequence select="error((), \'deliberate failure\')"/></xsl:template></xsl:stylesheet>',
], ids=["compile-error", "runtime-error"])
def test_xslt_error_keeps_previous_build(project_copy, previous, snapshot, run_edition, without_validation, stylesheet):
    (project_copy.xslt_dir / "zz-broken.xsl").write_text(stylesheet)
    result = run_edition(project_copy, "build", "--no-books")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "zz-broken.xsl:1:1: the stylesheet does not compile" in result.stderr or "deliberate failure" in result.stderr
    assert_untouched(project_copy, previous, snapshot)


def test_full_disk_keeps_previous_build(project_copy, previous, edited, snapshot, run_edition, without_validation, monkeypatch):
    """The disk fills up while the static assets are copied, after the XSLT outputs were written."""
    def disk_full(src, dst, *args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(dst))
    monkeypatch.setattr("edition.build.shutil.copytree", disk_full)
    result = run_edition(project_copy, "build", "--no-books")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "cannot write the build: No space left on device; the previous build is untouched" in result.stderr
    assert_untouched(project_copy, previous, snapshot)


def test_unwritable_path_in_the_build_keeps_previous_build(project_copy, previous, edited, snapshot, run_edition,
                                                          without_validation, monkeypatch):
    """A real OS refusal mid-build: the assets are sent through a regular file (root ignores permissions)."""
    original = shutil.copytree

    def copy_through_a_file(src, dst, *args, **kwargs):  # the assets only: other steps copy folders too
        if Path(src).name != "assets":
            return original(src, dst, *args, **kwargs)
        return original(src, Path(dst).parent / "index.html" / "assets", *args, **kwargs)
    monkeypatch.setattr("edition.build.shutil.copytree", copy_through_a_file)
    result = run_edition(project_copy, "build", "--no-books")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "cannot write the build: Not a directory" in result.stderr
    assert_untouched(project_copy, previous, snapshot)


def test_failed_swap_puts_previous_build_back(project_copy, previous, edited, snapshot, without_validation, monkeypatch):
    import os
    real_rename = os.rename

    def rename(src, dst):  # the swap of the staging folder itself (the versions step renames inside it too)
        if Path(src).name.startswith(".build-new-"):
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        return real_rename(src, dst)
    monkeypatch.setattr("edition.build.os.rename", rename)
    with pytest.raises(Exception, match="cannot replace the output folder"):
        build(project_copy)
    assert_untouched(project_copy, previous, snapshot)


def test_ctrl_c_mid_build_keeps_previous_build(project_copy, previous, edited, snapshot, without_validation, monkeypatch):
    """KeyboardInterrupt after the first output was written, while the stylesheet workers still run:
    they are stopped before the staging folder is removed, and none is left running."""
    ran = []
    real_take = workers.Pool._take

    def take(self, future):
        real_take(self, future)
        ran.append(future.result().stylesheet)
        running.extend(multiprocessing.active_children())
        raise KeyboardInterrupt
    running = []
    monkeypatch.setattr(workers.Pool, "_take", take)
    with pytest.raises(KeyboardInterrupt):
        build(project_copy)
    assert len(ran) == 1 and running and not any(p.is_alive() for p in running)
    assert_untouched(project_copy, previous, snapshot)


def test_ctrl_c_on_the_command_line(project_copy, previous, edited, snapshot, run_edition, without_validation, monkeypatch):
    def interrupted(self, *args, **kwargs):
        raise KeyboardInterrupt
    monkeypatch.setattr(workers.Pool, "start", interrupted)
    result = run_edition(project_copy, "build", "--no-books")
    assert result.exit_code == 1 and "Traceback" not in result.output and "Aborted!" in result.stderr
    assert_untouched(project_copy, previous, snapshot)


def test_build_interrupted_between_renames_is_recovered(project_copy, previous, snapshot, run_edition):
    """If a build died between its two renames, the next run (even a failing one) puts the old build back."""
    project_copy.build_dir.rename(project_copy.root / ".build-previous")
    shutil.copy(BROKEN / "tag-mismatch.xml", project_copy.main_document)
    result = run_edition(project_copy, "build", "--no-books")
    assert result.exit_code == 1
    assert_untouched(project_copy, previous, snapshot)


def test_successful_build_replaces_everything(project_copy, previous, snapshot, without_validation):
    """A stale file from an older build does not survive a successful one."""
    (project_copy.build_dir / "stale.txt").write_text("old")
    build(project_copy)
    rebuilt = snapshot(project_copy.build_dir)
    assert "stale.txt" not in rebuilt
    assert len(rebuilt) == len(previous)  # same outputs (byte equality is test_determinism.py's business)


@pytest.mark.parametrize("umask", [0o022, 0o027])
def test_build_folder_gets_the_permissions_the_umask_gives(copy_repository, tmp_path, without_validation, umask):
    """Not mkdtemp's 0700: a web server running as another user must be able to read build/html (issue 15, point 8)."""
    import os
    import stat

    from edition.project import Project

    # A copy in a folder of its own: its build starts its own stylesheet workers, under this umask.
    project_copy = Project(copy_repository(tmp_path / "project"))

    previous_umask = os.umask(umask)
    try:
        build(project_copy, search=False)
        (project_copy.root / "a-new-folder").mkdir()  # positive control: what the umask gives any new folder
    finally:
        os.umask(previous_umask)
    expected = stat.S_IMODE((project_copy.root / "a-new-folder").stat().st_mode)
    assert expected == 0o777 & ~umask
    for folder in (project_copy.build_dir, project_copy.build_dir / "html"):
        assert stat.S_IMODE(folder.stat().st_mode) == expected, folder
