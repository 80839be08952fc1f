"""Where things live: the one module that knows the project's folder and file names.

A project folder holds ``edition/`` (the TEI sources, registers, identifier lock and
the edition's configuration ``edition/edition.toml``) and builds into ``build/``.
What belongs to one edition (its main document, its witness, the name of the TEI
download) is read from ``edition.toml``; everything else about the edition (title,
author, dates) from its TEI header. The code names no file of any one edition.

The pipeline's stylesheets and schema (:func:`pipeline_folder`) travel inside the
package; in the repository they are its top-level ``xslt/`` and ``schema/``. A project
that holds a whole ``xslt/`` or ``schema/`` of its own (the repository itself, a fork)
uses it instead. An edition changes one stylesheet or extends the schema in its own
folder, ``edition/xslt/`` and ``edition/schema/``: each file there replaces the
pipeline's file of the same path (or is added: a new entry point is a new output), and
the pipeline's file it replaces stays beside it as ``NAME.pipeline.EXT``, so the
edition's file can import or include it and change only what it must.

>>> Project(Path("/tmp/x")).lock_file
PosixPath('/tmp/x/edition/ids.lock')
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
import tomllib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
NS = {"t": TEI_NS}

#: The edition's configuration file, inside ``edition/``.
CONFIG_NAME = "edition.toml"
#: The main document of a project without configuration and without a single .xml file in edition/.
DEFAULT_MAIN = "main.xml"
#: Settings of ``edition.toml``: name → (required, meaning). Unknown names are refused (a typo is not ignored).
CONFIG_KEYS = {
    "main": (True, "the TEI document of the work, relative to edition/"),
    "witness": (False, "the plain-text witness the edition is checked against, relative to edition/"),
}


#: Suffix, before the extension, of a pipeline file an edition replaces, kept beside its replacement.
REPLACED = ".pipeline"


def pipeline_folder(name: str) -> Path:
    """The pipeline's own ``xslt`` or ``schema`` folder: inside the installed package (the wheel maps them
    there), else the repository's top-level folder (an editable install)."""
    package = Path(__file__).resolve().parent
    inside = package / name
    return inside if inside.is_dir() else package.parents[1] / name


def display_name(path: Path, root: Path | None) -> str:
    """How messages name a file: relative to the project folder when it lies inside it."""
    try:
        return str(path.resolve().relative_to(root.resolve())) if root else str(path)
    except ValueError:
        return str(path)


@dataclass(frozen=True)
class Project:
    """A project folder laid out as this repository is."""

    root: Path

    @property
    def edition_dir(self) -> Path:
        return self.root / "edition"

    @property
    def config_file(self) -> Path:
        return self.edition_dir / CONFIG_NAME

    @cached_property
    def config(self) -> dict[str, str]:
        """The settings of ``edition/edition.toml`` (read once; a bad file is an EditionError located in it).

        Without the file (small fixture projects), ``main`` is the only ``.xml`` file of ``edition/``,
        else ``edition/main.xml``, and the other settings take their defaults.
        """
        if not self.config_file.exists():
            candidates = sorted(self.edition_dir.glob("*.xml"))
            return {"main": candidates[0].name if len(candidates) == 1 else DEFAULT_MAIN}
        return read_config(self.config_file, self.root)

    @property
    def main_document(self) -> Path:
        """The work's TEI document; registers live beside it in ``registers/``."""
        return self.edition_dir / self.config["main"]

    @property
    def registers_dir(self) -> Path:
        return self.edition_dir / "registers"

    @property
    def witness(self) -> Path | None:
        """The plain-text witness, if the edition names one."""
        name = self.config.get("witness")
        return self.edition_dir / name if name else None

    @property
    def lock_file(self) -> Path:
        return self.edition_dir / "ids.lock"

    @property
    def xslt_dir(self) -> Path:
        """The stylesheets the build runs: the pipeline's, with the edition's own ``edition/xslt/`` over them."""
        return self._pipeline("xslt")

    @property
    def schema_dir(self) -> Path:
        """The schema the edition is validated against: the pipeline's, with ``edition/schema/`` over it."""
        return self._pipeline("schema")

    def _pipeline(self, name: str) -> Path:
        own = self.root / name
        base = own if own.is_dir() else pipeline_folder(name)
        overrides = self.edition_dir / name
        return _overlaid(base, overrides) if overrides.is_dir() and any(_files(overrides)) else base

    def input_name(self, path: Path) -> str:
        """How the build's record of its inputs names a file: relative to the project, or, for the pipeline's
        files outside it, ``pipeline/`` and the path inside the pipeline's folders."""
        path = Path(path).resolve()
        try:
            return path.relative_to(self.root.resolve()).as_posix()
        except ValueError:
            pass
        for folder in (self.xslt_dir, self.schema_dir):
            folder = folder.resolve()
            if path == folder or folder in path.parents:
                return "pipeline/" + (Path(folder.name) / path.relative_to(folder)).as_posix()
        return path.as_posix()

    @property
    def relaxng(self) -> Path:
        return self.schema_dir / "edition.rng"

    @property
    def schematron(self) -> Path:
        return self.schema_dir / "edition.sch"

    @property
    def build_dir(self) -> Path:
        return self.root / "build"

    def register_files(self) -> list[Path]:
        """Register files in a stable order."""
        return sorted(self.registers_dir.glob("*.xml"))

    def tei_files(self) -> list[Path]:
        """Every TEI file of the edition: the main document, then its registers."""
        return [self.main_document, *self.register_files()]

    def entry_stylesheets(self) -> list[Path]:
        """One XSLT entry point per output; shared modules live in ``xslt/common/``.

        No stylesheet at all is an :class:`EditionError`: a build without them would write nothing.
        """
        found = sorted(p for p in self.xslt_dir.glob("*.xsl") if not p.stem.endswith(REPLACED))
        if not found:
            from .errors import EditionError, Problem

            raise EditionError(Problem(display_name(self.xslt_dir, self.root), 0, 0,
                                       "no stylesheets found here (no *.xsl entry point), so nothing can be built; "
                                       "remove this folder to use the pipeline's own, or reinstall the edition tool"))
        return found

    def input_folders(self) -> list[Path]:
        """Every folder whose files the build reads: sources, registers, lock and config; stylesheets and assets; schema."""
        return [self.edition_dir, self.xslt_dir, self.schema_dir]


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".") and not p.name.endswith("~"))


def _overlaid(base: Path, overrides: Path) -> Path:
    """A folder holding ``base`` with every file of ``overrides`` over it (see the module's docstring).

    Made once per content, in the user's temporary folder, and never changed after: its name is a digest of
    every file it holds, so an edit of an override (or of the pipeline) makes another folder.
    """
    digest = hashlib.sha256(str(base.resolve()).encode())
    for folder in (base, overrides):
        for path in _files(folder):
            digest.update(f"\0{folder is base}{path.relative_to(folder).as_posix()}\0".encode() + path.read_bytes())
    target = Path(tempfile.gettempdir()) / f"edition-{os.getuid() if hasattr(os, 'getuid') else 0}" / digest.hexdigest()[:24] / base.name
    if target.is_dir():
        return target
    staging = Path(tempfile.mkdtemp(dir=_mkdir(target.parents[1])))
    shutil.copytree(base, staging / base.name, ignore=shutil.ignore_patterns(".*", "*~"))
    for path in _files(overrides):
        relative = path.relative_to(overrides)
        replaced = staging / base.name / relative
        if replaced.exists():  # the pipeline's file stays beside the edition's, which may import or include it
            replaced.rename(replaced.with_name(replaced.stem + REPLACED + replaced.suffix))
        replaced.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, replaced)
    try:
        (staging).rename(target.parent)
    except OSError:  # another process made the same folder meanwhile: the same content
        shutil.rmtree(staging, ignore_errors=True)
    return target


def _mkdir(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def read_config(path: Path, root: Path | None = None) -> dict[str, str]:
    """Read and check ``edition.toml``: every problem is located in the file."""
    from .xmlio import EditionError, Problem  # lazily: reading the configuration needs no XML parser

    name = display_name(path, root)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise EditionError(Problem(name, 1, 1, f"cannot read the edition's configuration: {err}")) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        where = re.search(r"line (\d+), column (\d+)", str(err))
        line, column = (int(where[1]), int(where[2])) if where else (1, 1)
        raise EditionError(Problem(name, line, column, f"not valid TOML: {str(err).split(' (at ')[0]}")) from None

    def line_of(key: str) -> int:
        for number, text_line in enumerate(text.splitlines(), 1):
            if re.match(rf"\s*\"?{re.escape(key)}\"?\s*=", text_line):
                return number
        return 1

    problems = [Problem(name, line_of(key), 1, f"unknown setting {key!r}; known: {', '.join(CONFIG_KEYS)}")
                for key in data if key not in CONFIG_KEYS]
    problems += [Problem(name, line_of(key), 1, f"{key!r} must be a string") for key, value in data.items()
                 if key in CONFIG_KEYS and not isinstance(value, str)]
    problems += [Problem(name, 1, 1, f"the setting {key!r} is missing ({meaning})")
                 for key, (required, meaning) in CONFIG_KEYS.items() if required and key not in data]
    if problems:
        raise EditionError(problems)
    return data
