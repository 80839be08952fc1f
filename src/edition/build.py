"""Building the edition: every output, or none.

``build()`` validates the edition, runs every entry stylesheet of ``xslt/``
into a fresh temporary folder beside the output folder, copies the static
assets, indexes the HTML for search, and only then swaps the new folder into
place. A failure at any step leaves the previous complete build untouched.

>>> report = build(Project(Path(".")))   # doctest: +SKIP
>>> report.files[:1]                     # doctest: +SKIP
['html/index.html']
"""
from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from . import idlock
from .project import Project
from .search import index_for_search
from .validate import require_valid
from .xmlio import EditionError, Problem
from .xslt import Stylesheets


@dataclass
class BuildReport:
    out_dir: Path
    files: list[str] = field(default_factory=list)


def build(project: Project, out_dir: Path | None = None, parameters: dict | None = None, search: bool = True) -> BuildReport:
    """Validate and build every output into ``out_dir`` (default ``build/``), atomically."""
    out_dir = (out_dir or project.build_dir).resolve()
    _recover_interrupted_swap(out_dir)
    edition = require_valid(project)  # parsed once: validation hands over what it checked
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-new-", dir=out_dir.parent))
    except OSError as err:
        raise EditionError(Problem(str(out_dir), 1, 1, f"cannot write the output folder: {err.strerror}")) from None
    try:  # BaseException: Ctrl-C must not leave a half-written folder behind either
        lock = idlock.read_lock(project.lock_file)
        retired = "\n".join(f"{old} {new}" for old, new in lock.retired.items() if new)
        _write_outputs(project, edition.serialize(), staging, {"retired": retired, **(parameters or {})})
        if search:
            index_for_search(staging / "html")
        _swap(staging, out_dir)
    except OSError as err:  # a full disk, a file in the way: the editor's words, not a traceback
        shutil.rmtree(staging, ignore_errors=True)
        where = err.filename or staging
        raise EditionError(Problem(str(where), 1, 1, f"cannot write the build: {err.strerror or err}; "
                                   "the previous build is untouched")) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    files = sorted(str(p.relative_to(out_dir)) for p in out_dir.rglob("*") if p.is_file())
    return BuildReport(out_dir, files)


def run_stylesheets(project: Project, document_xml: bytes, out_dir: Path, parameters: dict | None = None) -> None:
    """Every entry stylesheet of ``xslt/`` on the document, with one processor, each compiled once."""
    with Stylesheets() as sheets:
        # Every stylesheet is compiled before Saxon sees the document: from then on it reads no file.
        entries = project.entry_stylesheets()
        for stylesheet in entries:
            sheets.compile(stylesheet)
        document = sheets.document(document_xml)
        for stylesheet in entries:
            sheets.run(stylesheet, document, out_dir, parameters)


def _write_outputs(project: Project, document_xml: bytes, staging: Path, parameters: dict) -> None:
    run_stylesheets(project, document_xml, staging, parameters)
    assets = project.xslt_dir / "assets"
    if assets.is_dir():
        shutil.copytree(assets, staging / "html" / "assets")


def _swap(staging: Path, out_dir: Path) -> None:
    """Put ``staging`` in place of ``out_dir`` with two renames; the old build is removed last."""
    previous = out_dir.with_name(f".{out_dir.name}-previous")
    shutil.rmtree(previous, ignore_errors=True)
    try:
        if out_dir.exists():
            os.rename(out_dir, previous)
        os.rename(staging, out_dir)
    except OSError as err:
        if previous.exists() and not out_dir.exists():
            os.rename(previous, out_dir)
        raise EditionError(Problem(str(out_dir), 1, 1, f"cannot replace the output folder: {err.strerror}")) from None
    shutil.rmtree(previous, ignore_errors=True)


def _recover_interrupted_swap(out_dir: Path) -> None:
    """If a build was stopped between the two renames, put the previous build back."""
    previous = out_dir.with_name(f".{out_dir.name}-previous")
    if previous.exists() and not out_dir.exists():
        os.rename(previous, out_dir)
