"""The print edition: ``build/pdf/``, laid out by WeasyPrint from the print HTML.

``xslt/print.xsl`` writes ``print/edition.html`` into the staging folder; ``write_pdf`` lays it out
with ``xslt/assets/print.css`` (A4, or another paper size from the build parameter ``paper``) and
writes ``pdf/<edition id>.pdf``, then removes the intermediate ``print/`` folder.

The index's page numbers are the engine's own: every index locus is a link to a mention's anchor,
printed as ``target-counter(…, page)``. A first layout tells on which page each anchor fell; links
that would repeat a page already given for the same entry are dropped, and the final layout prints
the rest. Only the index changes between the two layouts, and it comes last, so no page before it moves.

The engine never fetches anything: its URL fetcher refuses every URL but files inside the staging
folder. The output is deterministic: dates come from the TEI header (through the print HTML's
metadata) and the PDF identifier is a digest of the laid-out HTML and the paper size.

>>> write_pdf(ctx)               # doctest: +SKIP
PosixPath('build/pdf/EDITION-ID.pdf')
"""
from __future__ import annotations

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

    with _quiet_engine():
        document = layout(markup)
        repeated = _repeated_loci(markup, _anchor_pages(document))
        if repeated:
            for anchor in repeated:
                markup = markup.replace(f'<a class="locus" href="#{anchor}"></a>', "")
            document = layout(markup)
        identifier = hashlib.sha256(f"{paper}\n{markup}".encode()).hexdigest()[:32].encode()
        target = ctx.out / "pdf" / f"{_edition_id(ctx)}.pdf"
        target.parent.mkdir(parents=True, exist_ok=True)
        document.write_pdf(target, pdf_identifier=identifier)
    shutil.rmtree(ctx.out / PRINT_HTML.parent, ignore_errors=True)
    return target


def _anchor_pages(document) -> dict[str, int]:
    """Each anchor of the laid-out document and the number of the page it fell on (1-based)."""
    return {anchor: number for number, page in enumerate(document.pages, 1) for anchor in page.anchors}


def _repeated_loci(markup: str, pages: dict[str, int]) -> list[str]:
    """The index loci (mention anchors) that would print a page already given for the same entry."""
    tree = lxml_html.fromstring(markup.encode("utf-8"))
    repeated = []
    for entry in tree.xpath('//*[@id="index"]//li[@data-entry]'):
        seen: set[int] = set()
        for locus in entry.xpath('.//a[@class="locus"]'):
            anchor = locus.get("href", "").lstrip("#")
            page = pages.get(anchor)
            if page in seen:
                repeated.append(anchor)
            seen.add(page)
    return repeated


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
