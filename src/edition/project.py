"""Where things live: the one module that knows the project's folder and file names.

>>> Project(Path("/tmp/x")).lock_file
PosixPath('/tmp/x/edition/ids.lock')
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
NS = {"t": TEI_NS}


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
    def main_document(self) -> Path:
        """The essay's TEI document; registers live beside it in ``registers/``."""
        return self.edition_dir / "conditions.xml"

    @property
    def registers_dir(self) -> Path:
        return self.edition_dir / "registers"

    @property
    def witness(self) -> Path:
        return self.edition_dir / "source" / "conditions-of-the-working-classes-in-china.txt"

    @property
    def lock_file(self) -> Path:
        return self.edition_dir / "ids.lock"

    @property
    def xslt_dir(self) -> Path:
        return self.root / "xslt"

    @property
    def schema_dir(self) -> Path:
        return self.root / "schema"

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
        """Every TEI file of the edition: the essay, then its registers."""
        return [self.main_document, *self.register_files()]

    def entry_stylesheets(self) -> list[Path]:
        """One XSLT entry point per output; shared modules live in ``xslt/common/``."""
        return sorted(self.xslt_dir.glob("*.xsl"))
