"""The print edition: ``build/pdf/<edition id>.pdf``, typeset by Typst from the Typst source print.xsl writes.

``xslt/print.xsl`` writes ``print/edition.typ`` into the staging folder; ``write_pdf`` puts the layout
(``xslt/print/print.typ``), the images the text shows and the fonts beside it, compiles it with Typst's Python binding (the compiler is
in the wheel) into a tagged PDF/UA-1, and removes the intermediate ``print/`` folder.

Typst computes the contents', the corrections' and the index's page numbers itself in the one compilation
(``query`` and ``counter(page).at``). It reads nothing outside ``print/``: the fonts are the Debian files
named in ``FONTS``, linked into ``print/fonts/``, and the machine's other fonts are ignored, so the PDF
does not depend on what else is installed. It fetches nothing (the source imports no package). The output
is deterministic: the document's date (``timestamp``) is the header's last revision.

>>> write_pdf(ctx)               # doctest: +SKIP
PosixPath('build/pdf/EDITION-ID.pdf')
"""
from __future__ import annotations

import datetime
import re
import shutil
from pathlib import Path

from ..corpus import edition_id
from .epub import copy_images
from ..project import NS
from ..xmlio import EditionError, Problem

#: Paper sizes the ``paper`` parameter accepts, as Typst's paper names.
PAPER_SIZES = {"a4": "a4", "letter": "us-letter"}
DEFAULT_PAPER = "a4"

PRINT_SOURCE = Path("print") / "edition.typ"
PRINT_LAYOUT = Path("print") / "print.typ"
#: The fonts the book embeds, and the Debian package that installs each folder.
FONTS = {
    Path("/usr/share/fonts/truetype/noto"): ("fonts-noto-core", ("NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf",
                                                                 "NotoSerif-Italic.ttf", "NotoSerif-BoldItalic.ttf")),
    Path("/usr/share/fonts/opentype/noto"): ("fonts-noto-cjk", ("NotoSerifCJK-Regular.ttc",)),
}


def write_pdf(ctx) -> Path:
    """Compile ``ctx.out/print/edition.typ`` into ``ctx.out/pdf/<edition id>.pdf``; return its path."""
    import typst  # imported here: the rest of the library does not need it

    paper = str(ctx.parameters.get("paper") or DEFAULT_PAPER).lower()
    if paper not in PAPER_SIZES:
        raise EditionError(Problem("paper", 1, 1, f"unknown paper size {paper!r}: choose one of {', '.join(PAPER_SIZES)}"))
    folder = ctx.out / PRINT_SOURCE.parent
    shutil.copyfile(ctx.project.xslt_dir / PRINT_LAYOUT, folder / PRINT_LAYOUT.name)
    copy_images(ctx, folder)  # Typst reads nothing outside its root: the figures' images beside the source
    fonts = _link_fonts(folder / "fonts")
    target = ctx.out / "pdf" / f"{edition_id(ctx.edition)}.pdf"
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        typst.compile(str(folder / PRINT_SOURCE.name), output=str(target), root=str(folder), font_paths=[str(fonts)],
                      ignore_system_fonts=True, sys_inputs={"paper": PAPER_SIZES[paper]}, pdf_standards=["ua-1"],
                      timestamp=_timestamp(ctx.edition))
    except typst.TypstError as error:  # the stylesheet wrote source Typst refuses: a bug of ours, said plainly
        raise RuntimeError(f"Typst could not compile the print edition: {error.message}\n{error.diagnostic}") from None
    shutil.rmtree(folder, ignore_errors=True)
    return target


def _link_fonts(folder: Path) -> Path:
    """A folder holding (links to) exactly the fonts the book uses."""
    folder.mkdir(parents=True, exist_ok=True)
    for directory, (package, names) in FONTS.items():
        for name in names:
            if not (directory / name).is_file():
                raise EditionError(Problem(str(directory / name), 1, 1, f"font missing: install the Debian package {package}"))
            (folder / name).symlink_to(directory / name)
    return folder


def _timestamp(edition) -> datetime.datetime:
    """The PDF's date: the last revision in the header (revisionDesc), else its publication year, at midnight UTC."""
    dates = [d for d in edition.xpath("/t:TEI/t:teiHeader/t:revisionDesc/t:change/@when", namespaces=NS)
             if re.fullmatch(r"\d{4}-\d{2}-\d{2}", d)]
    year = edition.xpath("string(/t:TEI/t:teiHeader/t:fileDesc/t:publicationStmt/t:date/@when)", namespaces=NS)[:4]
    day = max(dates) if dates else f"{year or '1970'}-01-01"
    return datetime.datetime.fromisoformat(day).replace(tzinfo=datetime.timezone.utc)
