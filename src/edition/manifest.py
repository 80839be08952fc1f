"""Nothing changed, nothing done: the build's record of what it was made from.

Every complete build holds ``.edition-manifest.json``: a SHA-256 of every input file
(everything under ``edition/``, ``xslt/`` and ``schema/``: sources, registers, lock,
configuration, stylesheets, assets, schemas), the tool's fingerprint (its version,
its own code, the versions of Saxon and Pagefind), the options of the build, and the
size of every file the build wrote. A later build with the same inputs, tool and
options, over an output folder that still holds exactly those files, has nothing to do.

The check reads files and hashes bytes: no XML parser, no Saxon (a few milliseconds
for this edition). It errs towards rebuilding: a missing or unreadable manifest, any
difference, means build.

>>> fingerprint(Project(Path(".")), {"ids": False})["options"]   # doctest: +SKIP
{'ids': False}
"""
from __future__ import annotations

import hashlib
import json
from importlib import metadata
from pathlib import Path

from . import __version__
from .project import Project

#: The manifest's name inside the build folder (not under html/, so it is never published).
MANIFEST_NAME = ".edition-manifest.json"
#: Third-party tools whose version changes the outputs.
TOOLS = ("saxonche", "pagefind_bin")
_IGNORED_PARTS = {"__pycache__", ".DS_Store"}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and not _IGNORED_PARTS & set(p.parts)
                  and not p.name.endswith((".pyc", "~", ".swp")))


def tool_fingerprint() -> dict[str, str]:
    """Our version and code (a change to the package without a version bump still rebuilds), Saxon's and Pagefind's versions."""
    code = hashlib.sha256()
    package = Path(__file__).parent
    for path in sorted(package.rglob("*.py")):  # the subpackages' modules too (checks/, outputs/, start/)
        code.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    tools = {"edition": __version__, "edition-code": code.hexdigest()}
    for name in TOOLS:
        try:
            tools[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            tools[name] = ""
    return tools


def fingerprint(project: Project, options: dict) -> dict:
    """What a build of ``project`` with ``options`` is made from."""
    inputs = {}
    for folder in project.input_folders():
        if folder.is_dir():
            for path in _files(folder):
                inputs[project.input_name(path)] = _digest(path)
    return {"tool": tool_fingerprint(), "options": options, "inputs": inputs}


def outputs(out_dir: Path) -> dict[str, int]:
    """Every file of a build folder (but the manifest) and its size."""
    return {p.relative_to(out_dir).as_posix(): p.stat().st_size
            for p in sorted(out_dir.rglob("*")) if p.is_file() and p.name != MANIFEST_NAME}


def write(out_dir: Path, made_from: dict) -> None:
    """Record, in a finished build folder, what it was made from and what it holds."""
    record = {**made_from, "outputs": outputs(out_dir)}
    (out_dir / MANIFEST_NAME).write_text(json.dumps(record, indent=1, sort_keys=True, ensure_ascii=False) + "\n",
                                         encoding="utf-8")


def is_up_to_date(out_dir: Path, made_from: dict) -> bool:
    """True when ``out_dir`` is a complete build of exactly these inputs, tool and options, untouched since."""
    try:
        record = json.loads((out_dir / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    recorded_outputs = record.pop("outputs", None)
    # Options go through JSON on the way in: compare them the same way.
    return record == json.loads(json.dumps(made_from)) and recorded_outputs == outputs(out_dir)
