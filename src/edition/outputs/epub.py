"""The e-book edition: ``build/epub/<edition id>.epub``, an EPUB 3 that passes epubcheck.

``xslt/epub.xsl`` writes the book's files into ``epub-src/`` in the staging folder (container,
package document, navigation, text, registers); ``write_epub`` adds the stylesheet
(``xslt/assets/epub.css``) and the images the text shows (``graphic/@url``, which the package document
lists, at the same path under ``EPUB/``), and zips them as the EPUB specification requires: ``mimetype`` first and
stored uncompressed, then every other file in name order, each with the same fixed date, so two builds
of the same sources are byte-identical. The staging folder ``epub-src/`` is removed afterwards.

>>> write_epub(ctx)              # doctest: +SKIP
PosixPath('build/epub/EDITION-ID.epub')
"""
from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from ..corpus import edition_id
from ..project import NS

EPUB_SOURCE = Path("epub-src")
EPUB_CSS = Path("assets") / "epub.css"
#: The stylesheet's name inside the book (the package document lists it under this name).
BOOK_CSS = Path("EPUB") / "style.css"
#: Every entry of the zip carries this date: the format has no "no date", and a build's own time would
#: make two builds differ. (1980-01-01 is the earliest date a zip entry can hold.)
FIXED_DATE = (1980, 1, 1, 0, 0, 0)


def write_epub(ctx) -> Path:
    """Zip ``ctx.out/epub-src/`` into ``ctx.out/epub/<edition id>.epub``; return its path."""
    source = ctx.out / EPUB_SOURCE
    shutil.copyfile(ctx.project.xslt_dir / EPUB_CSS, source / BOOK_CSS)
    copy_images(ctx, source / BOOK_CSS.parent)
    target = ctx.out / "epub" / f"{edition_id(ctx.edition)}.epub"
    target.parent.mkdir(parents=True, exist_ok=True)
    files = sorted(p.relative_to(source).as_posix() for p in source.rglob("*") if p.is_file())
    with zipfile.ZipFile(target, "w") as book:
        book.writestr(_entry("mimetype", zipfile.ZIP_STORED), b"application/epub+zip")
        for name in files:
            book.writestr(_entry(name, zipfile.ZIP_DEFLATED), (source / name).read_bytes())
    shutil.rmtree(source)
    return target


def copy_images(ctx, folder: Path) -> None:
    """Copy the images the text shows (``graphic/@url``, a path inside the edition's folder) into ``folder`` at the
    same path, so that the book's references resolve. The build checked already that each names a file there
    (``edition.build.write_images``)."""
    edition_dir = ctx.project.edition_dir.resolve()
    for url in sorted(set(ctx.edition.xpath("//t:text//t:graphic/@url", namespaces=NS))):
        image = (edition_dir / url).resolve()
        if image.is_relative_to(edition_dir) and image.is_file():
            target = folder / image.relative_to(edition_dir)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(image, target)


def _entry(name: str, compression: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
    info.compress_type = compression
    info.external_attr = 0o644 << 16  # the same permissions whatever the builder's umask
    info.create_system = 3  # Unix, whatever the builder's system
    return info

