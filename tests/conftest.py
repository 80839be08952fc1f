"""Shared fixtures.

``repo_root``: the repository's root folder, the one place tests learn where it is.
``built_edition``: a copy of this repository built ONCE per test run, as ``edition build --no-books``
builds it (validated, search index included). Shared by every test that only reads outputs: never
change it (a session-end check says so if a test did). ``built_edition_report``: that build's report.
``built_books``: the build folder of ``edition build`` with its defaults (books included), made once.
``built_copy``: a copy of ``built_edition`` with its build, for a test that changes sources or builds
again (its build is up to date, so an incremental test need not build first). ``workbench()``: the same
copy for module-scoped fixtures (one user at a time).
``project_copy``: a throw-away copy of this repository without build/, for tests that edit sources and
validate, or must start without a build. ``copy_repository(destination)``: the same copy, anywhere.
``without_validation``: lets ``edition build`` run without the schema's verdict (for tests
about building, not about validity, and while the schema is still being written).
``snapshot``: every file under a folder as {relative path: bytes}, to prove nothing changed.
``run_edition``: the ``edition`` command in-process through click's CliRunner.

Nothing a test does may write into the working tree: a session-end check compares every file of the
repository (size and modification time; version control, the virtual environment and bytecode caches
aside) with what was there when the session started.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from edition.build import build
from edition.corpus import load_edition
from edition.cli import main
from edition.project import Project

from xslt_support import BUILD_OPTIONS
from xslt_support import ROOT as REPO

# Never copied: outputs, version control, caches; anything else (schema/, xslt/, edition/) is.
_NOT_COPIED = shutil.ignore_patterns("build", ".git", ".venv", "venv", "__pycache__", ".pytest_cache",
                                     ".hypothesis", "*.egg-info", ".build-*", ".build-previous")
# Hypothesis keeps its example database and caches in ./.hypothesis unless told otherwise; it writes them while
# test modules are collected, so it is told here, on import, before any of them.
os.environ.setdefault("HYPOTHESIS_STORAGE_DIRECTORY", str(Path(tempfile.gettempdir()) / "edition-tests-hypothesis"))
#: Left out of the working-tree check: version control, the environment, and the interpreter's and pytest's
#: own caches (written by running Python and pytest at all, not by a test).
_NOT_WATCHED = {".git", ".venv", "venv", "__pycache__", ".pytest_cache"}


def _tree_state(root: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``root`` (but ``_NOT_WATCHED``) as {relative path: (size, modification time)}."""
    state = {}
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = [s for s in subfolders if s not in _NOT_WATCHED]
        for name in files:
            path = Path(folder) / name
            stat = path.lstat()
            state[str(path.relative_to(root))] = (stat.st_size, stat.st_mtime_ns)
    return state


def _changes(before: dict, after: dict) -> list[str]:
    return sorted({*before, *after} - {k for k in before if before[k] == after.get(k)})


@pytest.fixture(scope="session", autouse=True)
def working_tree_untouched():
    """Fails the run if any test wrote into the repository (a screenshot, a cache, a changed source)."""
    before = _tree_state(REPO)
    yield
    changed = _changes(before, _tree_state(REPO))
    assert not changed, f"the tests wrote into the working tree: {changed[:20]}"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository's root folder (tests read its files; they never write there)."""
    return REPO


def _copy_repository(destination: Path) -> Path:
    shutil.copytree(REPO, destination, ignore=_NOT_COPIED, symlinks=True)
    return destination


@pytest.fixture(scope="session")
def copy_repository():
    """``copy_repository(destination)``: copy the repository (sources, stylesheets, schema) there; returns it."""
    return _copy_repository


@pytest.fixture(scope="session")
def built_edition_report(tmp_path_factory):
    """The report of the one build of the real edition (``built_edition``): the first in its folder."""
    project = Project(_copy_repository(tmp_path_factory.mktemp("built") / "project"))
    return build(project, parameters=BUILD_OPTIONS)


@pytest.fixture(scope="session")
def built_edition(built_edition_report) -> Project:
    """The real edition, built once per run as ``edition build --no-books`` builds it. Read only."""
    project = Project(built_edition_report.out_dir.parent)
    before = _tree_state(project.root)
    yield project
    changed = _changes(before, _tree_state(project.root))
    assert not changed, f"a test changed the shared build (use built_copy): {changed[:20]}"


def _mirror(source: Path, copy: Path) -> None:
    """Make ``copy`` hold exactly the files of ``source``, rewriting only those that differ (size or modification
    time: copies keep the source's). Files a test left unchanged, the stylesheets above all, are never rewritten,
    so stylesheet workers a previous build left compiling them never read a half-copied file."""
    wanted = _tree_state(source)
    present = _tree_state(copy) if copy.exists() else {}
    for name in present.keys() - wanted.keys():
        (copy / name).unlink()
    for folder in sorted((p for p in copy.rglob("*") if p.is_dir()), reverse=True) if copy.exists() else ():
        if not (source / folder.relative_to(copy)).is_dir():
            shutil.rmtree(folder)
    for name in sorted(k for k in wanted if present.get(k) != wanted[k]):
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source / name, copy / name, follow_symlinks=False)


@pytest.fixture(scope="session")
def built_books(built_edition, tmp_path_factory) -> Path:
    """The build folder of ``edition build`` with its defaults, books (PDF, EPUB) included, run once through
    the command line on ``built_edition``'s sources into a folder of its own. Read only."""
    out = tmp_path_factory.mktemp("books") / "build"
    result = CliRunner().invoke(main, ["--project", str(built_edition.root), "build", "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="session")
def workbench(built_edition, tmp_path_factory):
    """``workbench()``: a fresh copy of ``built_edition``, build included, always in the same folder.

    The same folder, so that a build there reuses the stylesheets the previous build there compiled
    (the build keeps its compiled stylesheets for the next build of the same stylesheets at the same path).
    Each call replaces the previous copy: one user at a time.
    """
    root = tmp_path_factory.getbasetemp() / "workbench" / "project"

    def fresh() -> Project:
        _mirror(built_edition.root, root)
        return Project(root)

    return fresh


@pytest.fixture
def built_copy(workbench) -> Project:
    """A copy of the built edition (``built_edition``, its ``build/`` included) to change and build again."""
    return workbench()


@pytest.fixture
def project_copy(tmp_path: Path) -> Project:
    """A Project over a fresh copy of the repository (no build/) in ``tmp_path / 'project'``."""
    return Project(_copy_repository(tmp_path / "project"))


@pytest.fixture
def without_validation(monkeypatch: pytest.MonkeyPatch) -> None:
    """``build()`` skips validation (it still parses every file safely)."""
    monkeypatch.setattr("edition.build.require_valid", load_edition)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="session")
def snapshot():
    """``snapshot(folder)``: every file under ``folder`` as {relative path: bytes}."""
    return _snapshot


@pytest.fixture(scope="session")
def run_edition():
    """``run_edition(project, *args)``: run ``edition --project ROOT ARGS`` in-process; returns click's Result."""

    def run(project: Project, *args: str):
        return CliRunner().invoke(main, ["--project", str(project.root), *map(str, args)], catch_exceptions=True, prog_name="edition")

    return run
