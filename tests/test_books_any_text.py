"""The books of any text (issue 22, item 1): every fixture edition's PDF and EPUB are built, the EPUB passes
epubcheck with no error or warning, and the PDF shows the prose and letter elements as the reading view does:
verse a line per line, list items, table cells, the letter's dateline, salutation and signature on lines of
their own, a postscript, the source's page numbers, the figure's image; the title page prints no stray
punctuation. Besides the four fixtures, a copy of the letter with a list, a table, a PNG figure and a
postscript added (the fixtures have none), built in a temporary folder."""
from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib

import pytest

from edition.build import build
from edition.project import Project

from test_epub import EPUBCHECK, epubcheck

FIXTURES = ("essay-edition", "letter-edition", "german-edition", "second-edition")
ADDED = """<list><item>The first son</item><item>The second son</item></list>
        <table><row role="label"><cell>Son</cell><cell>Fate</cell></row><row><cell>Charles</cell><cell>killed</cell></row></table>
        <figure><graphic url="images/seal.png"/><figDesc>A golden square seal.</figDesc></figure>
        <closer>"""

pytestmark = pytest.mark.skipif(not (EPUBCHECK and shutil.which("pdftotext") and shutil.which("pdfimages")),
                                reason="epubcheck and poppler-utils are system packages of the build machine")


def _png(width: int, height: int) -> bytes:
    """A small RGB PNG (the fixtures' only image is an SVG, which a PDF holds as drawing, not as an image)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b"".join(b"\x00" + bytes([200, 160, 40]) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def _project(root, repo_root, fixture: str) -> Project:
    shutil.copytree(repo_root / "tests" / "fixtures" / fixture, root)
    for folder in ("xslt", "schema"):
        shutil.copytree(repo_root / folder, root / folder)
    return Project(root)


@pytest.fixture(scope="module")
def books(tmp_path_factory, repo_root) -> dict[str, Project]:
    """Each fixture edition (and the enlarged letter, "letter-more") built once, books included."""
    base = tmp_path_factory.mktemp("books-any")
    projects = {name: _project(base / name, repo_root, name) for name in FIXTURES}
    more = _project(base / "letter-more", repo_root, "letter-edition")
    letter = more.main_document
    (letter.parent / "images").mkdir(exist_ok=True)
    (letter.parent / "images" / "seal.png").write_bytes(_png(8, 8))
    text = letter.read_text(encoding="utf-8")
    text = text.replace("<closer>", ADDED, 1).replace(
        "</closer>", '</closer>\n        <postscript><p xml:id="p-postscript">Burn this letter.</p></postscript>', 1)
    letter.write_text(text, encoding="utf-8")
    projects["letter-more"] = more
    for project in projects.values():
        build(project, books=True)
    return projects


def _pdf(project: Project):
    return next((project.build_dir / "pdf").glob("*.pdf"))


def _lines(project: Project) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(_pdf(project)), "-"], capture_output=True, text=True, check=True).stdout
    return [" ".join(line.split()) for line in text.splitlines()]


@pytest.mark.parametrize("name", [*FIXTURES, "letter-more"])
def test_epub_passes_epubcheck(books, name):
    result = epubcheck(next((books[name].build_dir / "epub").glob("*.epub")))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors / 0 warnings" in result.stdout + result.stderr, result.stdout + result.stderr


@pytest.mark.parametrize("name", [*FIXTURES, "letter-more"])
def test_title_page_has_no_stray_punctuation(books, name):
    text = subprocess.run(["pdftotext", "-l", "1", str(_pdf(books[name])), "-"], capture_output=True, text=True, check=True).stdout
    title_page = " ".join(text.split())
    for stray in (". .", ", ,", "n.d..", " .", ".."):
        assert stray not in title_page, (stray, title_page)
    assert text.split("\n")[0].strip(), "the title page begins with the title"


def test_verse_lines_stand_apart(books):
    lines = _lines(books["essay-edition"])
    for verse in ("Man is his own star; and the soul that can", "Render an honest and a perfect man,",
                  "Our fatal shadows that walk by us still.", "Cast the bantling on the rocks,"):
        assert verse in lines, verse
    assert any(line.startswith("— Epilogue to Beaumont and Fletcher") for line in lines)


def test_source_pages_and_figure_of_the_essay(books):
    lines = _lines(books["essay-edition"])
    text = "\n".join(lines)
    assert "[p. 37]" in text and "[p. 38]" in text
    assert "His own star" in lines  # the figure's caption, unnumbered


def test_letter_parts_on_lines_of_their_own(books):
    lines = _lines(books["letter-edition"])
    for line in ("Executive Mansion,", "Washington, November 21, 1864.", "Mrs. Bixby, Boston, Massachusetts.",
                 "Dear Madam:", "Yours very sincerely and respectfully,", "Abraham Lincoln."):
        assert line in lines, line


def test_list_table_postscript_and_image(books):
    project = books["letter-more"]
    lines = _lines(project)
    assert "• The first son" in lines and "• The second son" in lines
    assert "Son Fate" in lines and "Charles killed" in lines
    assert "Burn this letter." in lines
    images = subprocess.run(["pdfimages", "-list", str(_pdf(project))], capture_output=True, text=True, check=True).stdout
    rows = [row.split() for row in images.splitlines()[2:]]
    assert any(row[2] == "image" and row[3:5] == ["8", "8"] for row in rows), images
    # The tagged PDF gives the image its description as alternative text.
    assert b"A golden square seal." in _pdf(project).read_bytes() or _alt_in_streams(_pdf(project), "A golden square seal.")


def _alt_in_streams(pdf, alt: str) -> bool:
    """Is ``alt`` in one of the PDF's compressed streams (object streams hold the structure tree)?"""
    data = pdf.read_bytes()
    for match in re.finditer(rb"stream(\r?\n)", data):
        start = match.start() + len(b"stream")
        begin = start + (2 if data[start:start + 2] == b"\r\n" else 1)
        end = data.find(b"endstream", begin)
        try:
            body = zlib.decompress(data[begin:end])
        except zlib.error:
            continue
        if alt.encode() in body or alt.encode("utf-16-be") in body:
            return True
    return False


def test_epub_packs_the_images(books):
    import zipfile

    book = zipfile.ZipFile(next((books["essay-edition"].build_dir / "epub").glob("*.epub")))
    assert "EPUB/images/star.svg" in book.namelist()
    assert 'media-type="image/svg+xml"' in book.read("EPUB/package.opf").decode()
