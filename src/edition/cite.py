"""Citations of the edition, its sections and paragraphs, by stable identifier.

The formatting rules live in ``xslt/common/cite.xsl`` (called through the common layer,
``xslt/common/common.xsl``) so that the command line and the HTML cite controls say the same
thing; the formats are listed once, in ``xslt/common/declarations.xsl``.

>>> print(citation(Project(Path(".")), "p-every-class-stratum", "chicago"))  # doctest: +SKIP
Weil, Robert. “Conditions of the Working Classes in China.” China Study Group, …, ¶ 1. index.html#p-every-class-stratum.
"""
from __future__ import annotations

from saxonche import PySaxonApiError

from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from . import idlock
from .corpus import load_edition
from .declarations import read_declarations
from .project import Project
from .xmlio import EditionError, Problem
from .xslt import ED_NS, Stylesheets


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


def citation(project: Project, ident: str, fmt: str = "text", base_url: str = "", layer: CommonLayer | None = None) -> str:
    """The citation of the paragraph or section ``ident`` (retired identifiers follow their successor).

    ``layer``: an open :func:`common_layer`, when the caller calls the stylesheets more than once.
    """
    if layer is None:
        with common_layer(project) as layer:
            return citation(project, ident, fmt, base_url, layer)
    declared = formats(project)
    if fmt not in declared:
        raise EditionError(Problem(ident, 1, 1, f"unknown citation format {fmt!r}; use one of {', '.join(declared)}"))
    lock = idlock.read_lock(project.lock_file, project.root)
    current = idlock.resolve(lock, ident) or ident
    element = layer.edition.element(current)
    if element is None or element.tag.rsplit("}", 1)[-1] not in {"p", "div"}:
        raise EditionError(Problem(ident, 1, 1, f"no paragraph or section has the identifier {ident!r}; "
                                   "identifiers are listed in build/index/paragraphs.json"))
    try:
        value = layer.executable.call_function_returning_value(
            f"{{{ED_NS}}}citation",
            [layer.document, layer.sheets.value(current), layer.sheets.value(fmt), layer.sheets.value(base_url)],
        )
    except PySaxonApiError as err:
        raise EditionError(Problem(ident, 1, 1, " ".join(str(err).split()))) from None
    return str(value.head.string_value)
