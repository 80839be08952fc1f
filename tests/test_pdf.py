"""The print edition (build/pdf/): every paragraph in order with its number, every editorial note at
the foot of a page, an index whose page numbers lead to pages naming the entry, bookmarks per section,
document metadata, every font embedded (a Chinese name in CJK), A4 or US Letter, and no network."""
from __future__ import annotations

import copy

import re
import subprocess
import types
import zlib
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html

from edition.corpus import load_edition
from edition.pdf import _local_fetcher, write_pdf
from edition.project import NS, Project
from edition.xmlio import EditionError
from edition.xslt import Stylesheets
from xslt_support import tei as tei_document

pytestmark = pytest.mark.slow


def build_pdf(project: Project, out: Path, **parameters) -> Path:
    """Run the print stylesheet and the plain-text one (with identifiers) into ``out``, then lay out the PDF."""
    edition = load_edition(project)
    with Stylesheets() as sheets:
        for name in ("print.xsl", "text.xsl"):
            sheets.compile(project.xslt_dir / name)
        document = sheets.document(edition.serialize())
        sheets.run(project.xslt_dir / "print.xsl", document, out)
        sheets.run(project.xslt_dir / "text.xsl", document, out, {"ids": True})
    return write_pdf(types.SimpleNamespace(project=project, edition=edition.document, out=out, parameters=parameters))


def pdftotext(pdf: Path, *options: str) -> str:
    return subprocess.run(["pdftotext", *options, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def words(text: str) -> list[str]:
    """Lower-case runs of letters and digits (punctuation and dashes separate words, as line breaks may)."""
    return re.findall(r"\w+", text.lower())


def same_word(printed: str, word: str) -> bool:
    """A printed word is the word, or the word with a footnote call glued to it ("pronoun2")."""
    return printed == word or (printed.startswith(word) and printed[len(word):].isdigit())


def find_words(stream: list[str], sought: list[str], at: int) -> int | None:
    """Where ``sought`` stands as consecutive words in ``stream``, from ``at`` on."""
    return next((i for i in range(at, len(stream) - len(sought) + 1)
                 if all(same_word(p, w) for p, w in zip(stream[i:i + len(sought)], sought))), None)


def pdf_objects(pdf: Path) -> list[bytes]:
    """The PDF's streams, inflated where compressed (the catalog may sit in an object stream)."""
    chunks = []
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf.read_bytes(), re.S):
        try:
            chunks.append(zlib.decompress(stream))
        except zlib.error:
            chunks.append(stream)
    return [pdf.read_bytes(), *chunks]


@pytest.fixture(scope="module")
def built(tmp_path_factory, repo_root: Path) -> Path:
    out = tmp_path_factory.mktemp("pdf")
    build_pdf(Project(repo_root), out)
    return out


@pytest.fixture(scope="module")
def pdf(built: Path) -> Path:
    return next((built / "pdf").glob("*.pdf"))


@pytest.fixture(scope="module")
def pages(pdf: Path) -> list[str]:
    return pdftotext(pdf).split("\f")


@pytest.fixture(scope="module")
def raw_text(pdf: Path) -> str:
    """The text in content-stream order, without the reading-order pass that joins words hyphenated at a line end."""
    return pdftotext(pdf, "-raw")


@pytest.fixture(scope="module")
def tei(repo_root: Path):
    return load_edition(Project(repo_root)).document


def test_every_paragraph_in_order_with_its_number(built: Path, pages: list[str], raw_text: str, tei):
    numbered = words(" ".join(pages))  # reading order: the margin number just before the first words
    stream = words(raw_text)
    paragraphs = [line for line in (built / "text" / "reading.txt").read_text(encoding="utf-8").split("\n\n") if line.startswith("[p-")]
    ids = tei.xpath("/t:TEI/t:text/*[self::t:body or self::t:back]//t:div/t:p/@xml:id", namespaces=NS)
    assert [p[1:].split("]")[0] for p in paragraphs] == ids
    essay_count = len(tei.xpath("/t:TEI/t:text/t:body//t:div/t:p", namespaces=NS))
    at = 0
    for index, paragraph in enumerate(paragraphs):
        number = str(index + 1) if index < essay_count else str(index + 1 - essay_count)  # the comment counts its own
        expected = words(paragraph.split("] ", 1)[1])
        head = [number, *expected[:3]]  # the ¶ number, then the paragraph's first words
        assert find_words(numbered, head, 0) is not None, f"¶ {number} is not followed by its first words {expected[:3]}"
        start = find_words(stream, expected[:3], at)
        assert start is not None, f"¶ {number} is missing or out of order"
        at = start
        for word in expected:  # every word, in order (running heads and footnotes may come between)
            found = find_words(stream, [word], at)
            assert found is not None, f"¶ {number}: {word!r} missing or out of order"
            at = found + 1


def test_every_note_is_printed_as_a_footnote(raw_text: str, tei):
    text = " ".join(words(raw_text))
    for note in tei.xpath("/t:TEI/t:text//t:note", namespaces=NS):
        # A pointer prints as its paragraph's number ("¶ 8"), which the TEI's text does not hold: the runs
        # between pointers are looked for one by one.
        marked = copy.deepcopy(note)
        for ptr in marked.iter(f"{{{NS['t']}}}ptr"):
            ptr.tail = "\ue000" + (ptr.tail or "")
        runs = [" ".join(words(run)) for run in "".join(marked.itertext()).split("\ue000")]
        for body in filter(None, runs):
            assert body in text, f"note missing from the PDF: {body[:60]}"


def _index_lines(pages: list[str]) -> list[str]:
    start = max(i for i, page in enumerate(pages) if re.search(r"^\s*Index\s*$", page, re.M))
    return [line.strip() for page in pages[start:] for line in page.splitlines()]


def test_index_pages_name_the_entry(pdf: Path, pages: list[str], tei):
    """Each page the index gives for an entry shows one of the forms the text names it by."""
    layout_pages = pdftotext(pdf, "-layout").split("\f")
    flat = [" ".join(words(page)) for page in pages]
    checked = 0
    lines = _index_lines(layout_pages)
    for kind in ("person", "place", "org"):
        for entry in tei.xpath(f"/t:TEI/t:standOff//t:{kind}[@xml:id]", namespaces=NS):
            mentions = tei.xpath("/t:TEI/t:text/*[self::t:body or self::t:back]//*[@ref = $r]", namespaces=NS, r="#" + entry.get("{http://www.w3.org/XML/1998/namespace}id"))
            name = " ".join(entry.xpath("string((t:persName|t:placeName|t:orgName)[@type='preferred'][1])", namespaces=NS).split())
            if not mentions or not name or len(name) > 30:
                continue
            found = [m for line in lines for m in re.findall(rf"(?:^|\s{{2,}}){re.escape(name)}(?: \S+)?, ((?:\d+, )*\d+)(?=\s{{2,}}|$)", line)]
            if len(found) != 1:
                continue  # a long entry wrapped over two lines, or a name that is a prefix of another
            numbers = [int(n) for n in found[0].split(", ")]
            assert numbers == sorted(set(numbers)), f"{name}: pages repeated or out of order: {numbers}"
            forms = {" ".join(words("".join(m.itertext()))) for m in mentions}
            for number in numbers:
                page = flat[number - 1]
                # A mention may begin at the foot of one page and end on the next: a word of the name will do.
                named = set(words(name)) | {max(form.split(), key=len) for form in forms if form}
                assert any(form and form in page for form in forms) or named & set(page.split()), \
                    f"index gives page {number} for {name}, which does not name it"
            checked += 1
    assert checked >= 40


def test_bookmarks_for_every_section(pdf: Path, tei):
    xml = subprocess.run(["pdftohtml", "-xml", "-stdout", "-i", "-q", str(pdf)], capture_output=True, check=True).stdout
    outline = [" ".join(item.itertext()) for item in etree.fromstring(xml, etree.XMLParser(recover=True, resolve_entities=False, no_network=True)).iter("item")]
    heads = [" ".join(" ".join(div.xpath("t:head[1]//text()[not(ancestor::t:note)]", namespaces=NS)).split()) or div.get("type").capitalize()
             for div in tei.xpath("/t:TEI/t:text/t:body/t:div", namespaces=NS)]
    for head in heads:
        assert words(head) in [words(item) for item in outline], f"no bookmark for {head}"
    assert {"Contents", "Reader comment", "Corrections", "Index"} <= set(outline)


def test_document_metadata(pdf: Path, tei):
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    field = lambda name: re.search(rf"^{name}:\s+(.*)$", info, re.M).group(1)  # noqa: E731
    header = lambda xpath: tei.xpath(xpath, namespaces=NS)  # noqa: E731
    assert field("Title") == header("normalize-space(//t:titleStmt/t:title[@type='main'])")
    assert field("Author") == header("normalize-space(//t:titleStmt/t:author)")
    assert field("Subject") == header("normalize-space(//t:projectDesc/t:p[1])")
    assert field("Keywords") == ", ".join(header("//t:textClass/t:keywords/t:term/text()"))
    assert field("Page size").endswith("(A4)")
    assert b"/Lang (en)" in b"".join(pdf_objects(pdf))


def test_every_font_is_embedded(pdf: Path):
    rows = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert rows
    for row in rows:
        assert re.search(r"\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$", row), row
        emb = row.split()[-5]
        assert emb == "yes", f"font not embedded: {row}"


def test_two_builds_are_byte_identical(pdf: Path, repo_root: Path, tmp_path: Path):
    assert build_pdf(Project(repo_root), tmp_path).read_bytes() == pdf.read_bytes()


def test_build_folder_keeps_only_the_finished_pdf(built: Path, pdf: Path):
    assert not (built / "print").exists()
    assert [p.name for p in (built / "pdf").iterdir()] == [pdf.name]


def test_us_letter_and_a_chinese_name_in_an_embedded_cjk_font(project_copy: Project, tmp_path: Path):
    places = project_copy.registers_dir / "places.xml"
    preferred = '<placeName type="preferred">Beijing</placeName>'
    source = places.read_text(encoding="utf-8")
    assert preferred in source
    places.write_text(source.replace(preferred, preferred + '<placeName xml:lang="zh-Hans">北京</placeName>', 1), encoding="utf-8")
    pdf = build_pdf(project_copy, tmp_path, paper="letter")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Page size:\s+612 x 792 pts \(letter\)", info, re.M)
    assert "Beijing 北京" in pdftotext(pdf)
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    cjk = [row for row in fonts.splitlines() if "CJK" in row]
    assert cjk and all(row.split()[-5] == "yes" for row in cjk)


def test_unknown_paper_size_is_refused(tmp_path: Path, repo_root: Path):
    ctx = types.SimpleNamespace(project=Project(repo_root), edition=None, out=tmp_path, parameters={"paper": "folio"})
    with pytest.raises(EditionError, match="unknown paper size 'folio': choose one of a4, letter"):
        write_pdf(ctx)


def test_the_engine_fetches_nothing_outside_the_build(tmp_path: Path):
    inside = tmp_path / "print" / "image.svg"
    inside.parent.mkdir()
    inside.write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    fetcher = _local_fetcher(tmp_path)
    assert fetcher.fetch(inside.as_uri()) is not None
    for url in ("https://example.org/font.woff2", "http://127.0.0.1/x.css", "file:///etc/passwd",
                (tmp_path / ".." / "outside.css").as_uri(), "data:text/css,a{}"):
        with pytest.raises(ValueError, match="may not fetch"):
            fetcher.fetch(url)


# ---------------------------------------------------------------- the print stylesheet on small documents

PERSONS = ('<listPerson><person xml:id="ann"><persName type="preferred"><forename>Ann</forename> <surname>Lee</surname></persName>'
           '<note type="description">A worker.</note></person></listPerson>')


@pytest.fixture(scope="module")
def print_html(repo_root: Path, tmp_path_factory):
    """``print_html(body)``: the print HTML print.xsl writes for a small document (the edition's header)."""
    sheets = Stylesheets()
    stylesheet = repo_root / "xslt" / "print.xsl"
    sheets.compile(stylesheet)

    def run(body: str):
        out = tmp_path_factory.mktemp("print-html")
        sheets.run(stylesheet, sheets.document(tei_document(body, stand_off=PERSONS).encode()), out)
        return lxml_html.fromstring((out / "print" / "edition.html").read_bytes())

    return run


def test_when_a_paragraph_names_an_entry_twice_each_mention_is_an_index_locus(print_html):
    page = print_html('<div xml:id="d"><p xml:id="p-a"><persName ref="#ann">Ann</persName> met <persName ref="#ann">Lee</persName>.</p></div>')
    mentions = page.xpath('//p[@id="p-a"]//a[contains(@class, "persName")]')
    assert [(m.get("id"), m.get("href")) for m in mentions] == [("m-1", "#ix-ann"), ("m-2", "#ix-ann")]
    assert page.xpath('//li[@id="ix-ann"]//a[@class="locus"]/@href') == ["#m-1", "#m-2"]


def test_when_a_paragraph_has_a_note_it_stays_in_place_as_a_footnote(print_html):
    page = print_html('<div xml:id="d"><p xml:id="p-a">Text<note resp="#editors">An editorial note.</note> goes on.</p></div>')
    note = page.xpath('//p[@id="p-a"]/span[@class="footnote"]')
    assert len(note) == 1 and note[0].text_content() == "An editorial note." and note[0].get("id") == "note-1"


def test_when_a_paragraph_is_printed_its_number_comes_first_and_no_cite_control(print_html):
    page = print_html('<div xml:id="d"><p xml:id="p-a">One.</p><p xml:id="p-b">Two.</p></div>')
    assert [p.xpath('string(span[@class="pn"])') for p in page.xpath('//p[@class="para"]')] == ["1", "2"]
    assert not page.xpath('//*[contains(@class, "cite")]')
