"""Shared fixtures.

``repo_root``: the repository's root folder, the one place tests learn where it is.
``project_copy``: a throw-away copy of this repository (without build/ and caches), for
tests that edit sources, break stylesheets or build; the working tree is never touched.
``copy_repository(destination)``: the same copy, for module- or session-scoped fixtures.
``without_validation``: lets ``edition build`` run without the schema's verdict (for tests
about building, not about validity, and while the schema is still being written).
``snapshot``: every file under a folder as {relative path: bytes}, to prove nothing changed.
``run_edition``: the ``edition`` command in-process through click's CliRunner.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from edition.corpus import load_edition
from edition.cli import main
from edition.project import Project

from xslt_support import ROOT as REPO

# Never copied: outputs, version control, caches; anything else (schema/, xslt/, edition/) is.
_NOT_COPIED = shutil.ignore_patterns("build", ".git", ".venv", "venv", "__pycache__", ".pytest_cache",
                                     ".hypothesis", "*.egg-info", ".build-*", ".build-previous")


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


@pytest.fixture
def project_copy(tmp_path: Path) -> Project:
    """A Project over a fresh copy of the repository in ``tmp_path / 'project'``."""
    return Project(_copy_repository(tmp_path / "project"))


@pytest.fixture
def without_validation(monkeypatch: pytest.MonkeyPatch) -> None:
    """``build()`` skips validation (it still parses every file safely)."""
    monkeypatch.setattr("edition.build.require_valid", load_edition)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def snapshot():
    """``snapshot(folder)``: every file under ``folder`` as {relative path: bytes}."""
    return _snapshot


@pytest.fixture
def run_edition():
    """``run_edition(project, *args)``: run ``edition --project ROOT ARGS`` in-process; returns click's Result."""

    def run(project: Project, *args: str):
        return CliRunner().invoke(main, ["--project", str(project.root), *map(str, args)], catch_exceptions=True, prog_name="edition")

    return run
