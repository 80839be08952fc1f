"""Citations of the edition, its sections and paragraphs, by stable identifier.

Rendered from each unit's CSL-JSON record by :mod:`edition.outputs.citations`, the same records the build hands
the stylesheets (so the command line and the HTML cite controls say the same thing); the formats are
listed once, in ``xslt/common/declarations.xsl``.

>>> print(citation(Project(Path(".")), "p-four-score", "chicago"))  # doctest: +SKIP
Lincoln, Abraham. “Address at the Dedication of the Gettysburg National Cemetery.” …, para. 1. index.html#p-four-score.
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from . import idlock
from .outputs import citations
from .corpus import load_edition
from .declarations import read_declarations
from .project import Project
from .xmlio import EditionError, Problem
from .xslt import Stylesheets


def formats(project: Project) -> tuple[str, ...]:
    """The citation formats the project's stylesheets declare (read when asked, never at import)."""
    return read_declarations(project.xslt_dir).formats


@dataclass
class CommonLayer:
    """The edition parsed once and Saxon's common layer compiled once, for several calls of its functions."""

    edition: object  # edition.corpus.Edition
    sheets: Stylesheets
    executable: object
    document: object


@contextmanager
def common_layer(project: Project):
    """``with common_layer(project) as layer:``: the edition and the compiled ``xslt/common/common.xsl``."""
    edition = load_edition(project)
    with Stylesheets() as sheets:
        executable = sheets.compile(project.xslt_dir / "common" / "common.xsl")
        yield CommonLayer(edition, sheets, executable, sheets.document(edition.serialize()))


def _where(element, record: dict) -> str:
    """Where in the edition, for the plain-text form: "¶ 12", "comment 1, ¶ 1", "introduction ¶ 2", "section “…”"."""
    if "locator" not in record:
        return ""
    if record["label"] == "section":
        return f"section “{record['locator']}”"
    part = next((a.tag.rsplit("}", 1)[-1] for a in element.iterancestors() if a.tag.rsplit("}", 1)[-1] in ("front", "back")), "")
    number = record["locator"].split(" ", 1)[0]
    if part == "back":
        return f"comment {element.getparent().get('n', '1')}, ¶ {number}"
    return ("introduction " if part == "front" else "") + f"¶ {number}"


def citation(project: Project, ident: str, fmt: str = "text", base_url: str = "", layer: CommonLayer | None = None) -> str:
    """The citation of the paragraph or section ``ident`` (retired identifiers follow their successor), rendered
    from its CSL-JSON record (:mod:`edition.outputs.citations`). Only the ``text`` form, which quotes the paragraph's
    reading text, calls the stylesheets (``layer``: an open :func:`common_layer`, when the caller has one).
    """
    declared = formats(project)
    if fmt not in declared:
        raise EditionError(Problem(ident, 1, 1, f"unknown citation format {fmt!r}; use one of {', '.join(declared)}"))
    lock = idlock.read_lock(project.lock_file, project.root)
    current = idlock.resolve(lock, ident) or ident
    edition = layer.edition if layer is not None else load_edition(project)
    element = edition.element(current)
    records = citations.unit_records(edition.document, base_url)
    if element is None or element.tag.rsplit("}", 1)[-1] not in {"p", "div"} or current not in records:
        raise EditionError(Problem(ident, 1, 1, f"no paragraph or section has the identifier {ident!r}; "
                                   "identifiers are listed in build/index/paragraphs.json"))
    record = records[current]
    if fmt != "text":
        return citations.render(record, fmt)
    reading = ""
    if element.tag.rsplit("}", 1)[-1] == "p":
        from .fragment import page_texts

        if layer is None:
            with common_layer(project) as layer:
                reading = dict(page_texts(project, layer)).get(current, "")
        else:
            reading = dict(page_texts(project, layer)).get(current, "")
    return citations.plain(record, _where(element, record), current, reading)
