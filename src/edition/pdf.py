"""The print edition: ``build/pdf/``, laid out by WeasyPrint from the print HTML.

``xslt/print.xsl`` writes ``print/edition.html`` into the staging folder; ``write_pdf`` lays it out
with ``xslt/assets/print.css`` (A4, or another paper size from the build parameter ``paper``) and
writes ``pdf/<edition id>.pdf``, then removes the intermediate ``print/`` folder.

Page numbers (contents, corrections, index) are the engine's own: every reference is a link to an
anchor (a section, a paragraph, a mention), and each layout tells on which page every anchor fell.
The numbers of one layout are written into the next, until a layout puts every anchor on the page
printed for it (two layouts, unless the numbers themselves move text). The index keeps one locus per
entry and page. CSS ``target-counter()`` would do the same inside the engine, but in WeasyPrint 70 the
repagination it triggers drops the footnote bodies of pages it does not lay out again (seen on this
edition: the title page's note and the reader comment's five notes vanished), so the fixed point is
reached here, with the same layout engine, instead.

The engine never fetches anything: its URL fetcher refuses every URL but files inside the staging
folder. The output is deterministic: dates come from the TEI header (through the print HTML's
metadata) and the PDF identifier is a digest of the laid-out HTML and the paper size.

>>> write_pdf(ctx)               # doctest: +SKIP
PosixPath('build/pdf/weil-conditions.pdf')
"""
from __future__ import annotations

import copy
import hashlib
import logging
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import html as lxml_html

from .xmlio import EditionError, Problem

#: Paper sizes the ``paper`` parameter accepts, as CSS ``@page size`` values.
PAPER_SIZES = {"a4": "A4", "letter": "letter"}
DEFAULT_PAPER = "a4"

PRINT_HTML = Path("print") / "edition.html"
#: Layouts before giving up on page numbers that keep moving the text they number.
MAX_LAYOUTS = 4
#: Printed for a page not yet known (first layout): as wide as a two-digit page number.
PLACEHOLDER = "00"
PRINT_CSS = Path("assets") / "print.css"


def write_pdf(ctx) -> Path:
    """Lay out ``ctx.out/print/edition.html`` into ``ctx.out/pdf/<edition id>.pdf``; return its path."""
    from weasyprint import CSS, HTML  # imported here: the rest of the library does not need it

    paper = str(ctx.parameters.get("paper") or DEFAULT_PAPER).lower()
    if paper not in PAPER_SIZES:
        raise EditionError(Problem("paper", 1, 1, f"unknown paper size {paper!r}: choose one of {', '.join(PAPER_SIZES)}"))
    source = ctx.out / PRINT_HTML
    markup = source.read_text(encoding="utf-8")
    fetcher = _local_fetcher(ctx.out)
    stylesheets = [
        CSS(string=(ctx.project.xslt_dir / PRINT_CSS).read_text(encoding="utf-8"), url_fetcher=fetcher),
        CSS(string=f"@page {{ size: {PAPER_SIZES[paper]}; }}", url_fetcher=fetcher),
    ]

    def layout(text: str):
        return HTML(string=text, base_url=source.as_uri(), url_fetcher=fetcher).render(stylesheets=stylesheets)

    tree = lxml_html.document_fromstring(markup)
    pages: dict[str, int] = {}
    with _quiet_engine():
        for _ in range(MAX_LAYOUTS):
            text = _with_page_numbers(tree, pages)
            document = layout(text)
            laid = _anchor_pages(document)
            settled = all(pages.get(anchor) == laid.get(anchor) for anchor in _referenced_anchors(tree))
            pages = laid
            if settled:
                break
        else:
            raise EditionError(Problem(str(source), 1, 1, f"the page numbers did not settle after {MAX_LAYOUTS} layouts"))
        identifier = hashlib.sha256(f"{paper}\n{text}".encode()).hexdigest()[:32].encode()
        target = ctx.out / "pdf" / f"{_edition_id(ctx)}.pdf"
        target.parent.mkdir(parents=True, exist_ok=True)
        document.write_pdf(target, pdf_identifier=identifier)
    shutil.rmtree(ctx.out / PRINT_HTML.parent, ignore_errors=True)
    return target


def _anchor_pages(document) -> dict[str, int]:
    """Each anchor of the laid-out document and the number of the page it fell on (1-based)."""
    return {anchor: number for number, page in enumerate(document.pages, 1) for anchor in page.anchors}


def _referenced_anchors(tree) -> list[str]:
    """The anchors whose page the book prints: page slots and index loci."""
    return tree.xpath('//*[@data-page-of]/@data-page-of') + [
        href.lstrip("#") for href in tree.xpath('//a[@class="locus"]/@href')]


def _with_page_numbers(tree, pages: dict[str, int]) -> str:
    """The print HTML with the page numbers of ``pages`` written in ("00" while still unknown):
    page slots get their anchor's page; an index entry keeps one locus per page, in page order."""
    tree = copy.deepcopy(tree)
    for slot in tree.xpath('//*[@data-page-of]'):
        slot.text = str(pages.get(slot.get("data-page-of"), PLACEHOLDER))
    for loci in tree.xpath('//*[@id="index"]//*[@class="loci"]'):
        first_on_page: dict[object, object] = {}
        for locus in loci.xpath('a[@class="locus"]'):
            page = pages.get(locus.get("href", "").lstrip("#"))
            if page is not None and page in first_on_page:
                loci.remove(locus)
                continue
            first_on_page.setdefault(page, locus)
            locus.text = str(page if page is not None else PLACEHOLDER)
    return lxml_html.tostring(tree, encoding="unicode", doctype="<!DOCTYPE html>")


def _edition_id(ctx) -> str:
    from .project import NS
    ids = ctx.edition.xpath("/t:TEI/t:teiHeader/t:fileDesc/t:publicationStmt/t:idno[@type='edition']/text()", namespaces=NS)
    return (ids[0].strip() if ids else "") or "edition"


def _local_fetcher(root: Path):
    """A URL fetcher that serves files inside ``root`` and refuses everything else (no network, ever)."""
    from weasyprint.urls import URLFetcher

    root = root.resolve()

    class LocalFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            path = Path(unquote(parts.path)).resolve() if parts.scheme == "file" else None
            if path is None or not path.is_relative_to(root):
                raise ValueError(f"the print edition may not fetch {url}")
            return super().fetch(url, headers)

    return LocalFetcher(allowed_protocols=("file",))


class _quiet_engine:
    """WeasyPrint logs CSS it ignores as warnings; keep them out of the command's output."""

    def __enter__(self):
        self.logger = logging.getLogger("weasyprint")
        self.level = self.logger.level
        self.logger.setLevel(logging.ERROR)

    def __exit__(self, *exc):
        self.logger.setLevel(self.level)
