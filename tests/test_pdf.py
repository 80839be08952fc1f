"""The print edition (build/pdf/), typeset by Typst: every paragraph in order with its number, every editorial
note at the foot of a page, contents, corrections and index whose page numbers lead to pages holding what they
name, corrections marked in the text, bookmarks per part, document metadata from the header, a tagged PDF/UA-1
with its languages, only the Noto fonts (a Chinese name in CJK), A4 or US Letter, every character of the text
printed as it is, and two builds byte-identical."""
from __future__ import annotations

import hashlib

import copy
import re
import shutil
import subprocess
import types
import unicodedata
import zlib
from pathlib import Path

import pytest
from lxml import etree

from edition.corpus import load_edition
from edition.outputs.pdf import write_pdf
from edition.project import NS, Project
from edition.xmlio import EditionError
from edition.xslt import Stylesheets
from xslt_support import tei as tei_document

pytestmark = pytest.mark.slow


def build_pdf(project: Project, out: Path, edition: etree._ElementTree | None = None, **parameters) -> Path:
    """Run the print stylesheet and the plain-text one (with identifiers) on ``edition`` (by default the project's
    own) into ``out``, then typeset the PDF (the Typst source is kept as ``out/print-source.typ``)."""
    from edition.build import stylesheet_parameters
    from edition.outputs import citations

    edition = load_edition(project).document if edition is None else edition
    # The parameters the build gives the stylesheets (the computed ones, and the citations it renders first).
    given = stylesheet_parameters(project, {"citations": citations.for_stylesheets(edition, ""), "books": True})
    with Stylesheets() as sheets:
        for name in ("print.xsl", "text.xsl"):
            sheets.compile(project.xslt_dir / name)
        document = sheets.document(etree.tostring(edition, encoding="UTF-8", xml_declaration=True))
        sheets.run(project.xslt_dir / "print.xsl", document, out, given)
        sheets.run(project.xslt_dir / "text.xsl", document, out, {**given, "ids": True})
    shutil.copyfile(out / "print" / "edition.typ", out / "print-source.typ")  # for the tests that read it
    return write_pdf(types.SimpleNamespace(project=project, edition=edition, out=out, parameters=parameters))


def small_edition(project: Project) -> etree._ElementTree:
    """The project's edition (header, registers, front) with its body cut to its first part and no back: what a
    test changes is typeset in a few pages instead of the whole essay."""
    document = load_edition(project).document
    for cut in document.xpath("/t:TEI/t:text/t:body/t:div[position() > 1] | /t:TEI/t:text/t:back", namespaces=NS):
        cut.getparent().remove(cut)
    return document


def pdftotext(pdf: Path, *options: str) -> str:
    return subprocess.run(["pdftotext", *options, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def words(text: str) -> list[str]:
    """Lower-case runs of letters and digits (punctuation and dashes separate words, as line breaks may)."""
    return re.findall(r"\w+", text.lower())


def same_word(printed: str, word: str) -> bool:
    """A printed word is the word, or the word with a footnote call glued to it ("pronoun2")."""
    return printed == word or (printed.startswith(word) and printed[len(word):].isdigit())


def page_words(pdf: Path, number: int) -> str:
    """The words of one page, as pdftotext finds them there (raw: a word broken at a hyphen stays two), joined by spaces."""
    return " ".join(words(pdftotext(pdf, "-raw", "-f", str(number), "-l", str(number))))


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
    """The print stylesheet's Typst source and the reading text with identifiers, from the stylesheets alone
    (``edition build`` keeps neither), and the PDF typeset from them: the second PDF of the real edition."""
    out = tmp_path_factory.mktemp("pdf")
    build_pdf(Project(repo_root), out)
    return out


@pytest.fixture(scope="module")
def pdf(built_books: Path) -> Path:
    """The real edition's PDF, as ``edition build`` makes it (shared, read only)."""
    return next((built_books / "pdf").glob("*.pdf"))


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
    stream = words(raw_text)  # content order: the margin number just before the paragraph's first words
    paragraphs = [line for line in (built / "text" / "reading.txt").read_text(encoding="utf-8").split("\n\n") if line.startswith("[p-")]
    ids = tei.xpath("/t:TEI/t:text/*[self::t:body or self::t:back]//t:div/t:p/@xml:id", namespaces=NS)
    assert [p[1:].split("]")[0] for p in paragraphs] == ids
    essay_count = len(tei.xpath("/t:TEI/t:text/t:body//t:div/t:p", namespaces=NS))
    at = 0
    for index, paragraph in enumerate(paragraphs):
        number = str(index + 1) if index < essay_count else str(index + 1 - essay_count)  # the comment counts its own
        expected = words(paragraph.split("] ", 1)[1])
        head = [number, *expected[:3]]  # the ¶ number, then the paragraph's first words
        assert find_words(stream, head, 0) is not None, f"¶ {number} is not followed by its first words {expected[:3]}"
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


def _lines_from(pages: list[str], heading: str) -> list[str]:
    """The lines from the first page that has ``heading`` on a line of its own, after the contents (whose lines
    name every part; the running head repeats the part's name on each of its pages), to the end of the book."""
    after = 0 if heading == "Contents" else 2
    start = min(i for i, page in enumerate(pages) if i >= after and re.search(rf"^\s*{heading}\s*$", page, re.M))
    return [line.strip() for page in pages[start:] for line in page.splitlines()]


def _index_name(entry) -> str:
    """An entry's name as the index gives it: a person whose forename comes first in the register is inverted."""
    name = entry.xpath("(t:persName|t:placeName|t:orgName|t:name|t:label|t:title|t:term)[not(@xml:lang) or @xml:lang='en'][1]", namespaces=NS)
    if not name:
        return ""
    forename, surname = name[0].find(f"{{{NS['t']}}}forename"), name[0].find(f"{{{NS['t']}}}surname")
    if forename is not None and surname is not None and list(name[0]).index(forename) < list(name[0]).index(surname):
        return f"{' '.join(surname.text.split())}, {' '.join(forename.text.split())}"
    return " ".join("".join(name[0].itertext()).split())


def test_index_pages_name_the_entry(pdf: Path, tei):
    """Each page the index gives for an entry shows one of the forms the text names it by."""
    layout_pages = pdftotext(pdf, "-layout").split("\f")
    flat = [" ".join(words(page)) for page in pdftotext(pdf).split("\f")]
    lines = _lines_from(layout_pages, "Index")
    checked, kinds = 0, set()
    for entry in tei.xpath("/t:TEI/t:standOff//*[@xml:id][parent::t:listPerson or parent::t:listPlace or parent::t:place"
                           " or parent::t:listOrg or parent::t:listEvent or parent::t:listBibl or parent::t:list]", namespaces=NS):
        ref = "#" + entry.get("{http://www.w3.org/XML/1998/namespace}id")
        mentions = tei.xpath("/t:TEI/t:text/*[self::t:body or self::t:back]//*[@ref = $r]", namespaces=NS, r=ref)
        name = _index_name(entry)
        if not mentions or not name or len(name) > 30:
            continue
        found = [m for line in lines for m in re.findall(rf"(?:^|\s{{2,}}){re.escape(name)}(?: \S+)*?, ((?:\d+, )*\d+)(?=\s{{2,}}|$)", line)]
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
        kinds.add(etree.QName(entry).localname)
    assert checked >= 60
    assert {"person", "place", "org", "event", "bibl", "item"} <= kinds  # every register is indexed


def test_index_has_a_subheading_per_register_inverted_names_and_no_repeated_characters(pages: list[str], tei):
    lines = _lines_from(pages, "Index")
    titles = [t for t in ("Persons", "Places", "Organisations", "Events", "Works", "Glossary") if t in lines]
    assert titles == ["Persons", "Places", "Organisations", "Events", "Works", "Glossary"]
    assert [lines.index(t) for t in titles] == sorted(lines.index(t) for t in titles)
    assert any(line.startswith("Day, Alex, ") for line in lines)  # forename first in the register: inverted
    assert any(line.startswith("Mao Zedong ") for line in lines)  # family name first: as it stands
    for line in lines:
        han = re.findall(r"[\u3400-\u9fff]+", line)
        assert len(han) == len(set(han)), f"a name's characters repeated: {line}"
    # the people the text does not name: under the heads of their lists, in the register's order
    heads = [" ".join(h.split()) for h in tei.xpath("/t:TEI/t:standOff//t:listPerson/t:head/text()", namespaces=NS)]
    assert heads and [lines.index(h) for h in heads] == sorted(lines.index(h) for h in heads)
    assert lines.index("Persons") < lines.index(heads[0]) < lines.index("Places")


def test_index_lists_places_alphabetically(built: Path):
    """In one run by name, not in runs by type (countries, then provinces …) as the register page groups them."""
    source = (built / "print-source.typ").read_text(encoding="utf-8")
    places = source.split("#heading(level: 2)[Places]")[1].split("#heading(level: 2)")[0]
    names = [re.sub(r"\\(.)", r"\1", name) for name in re.findall(r"^#par\[(.*?)(?: #zh\(.*)?, #pages\(", places, re.M)]
    # sorted as the registers sort: accents and an initial article left out ("The Northeast" under N)
    keys = [re.sub(r"^(the|a|an) ", "", unicodedata.normalize("NFD", name).encode("ascii", "ignore").decode().lower()) for name in names]
    assert len(keys) >= 20 and keys == sorted(keys), names


def test_contents_give_the_page_each_part_starts_on(pdf: Path, pages: list[str], tei):
    contents = [m for line in _lines_from(pages[:3], "Contents")[:40] if (m := re.match(r"^(.*?)[ .]*\.\s*(\d+)$", line))]
    labels = [m.group(1).strip() for m in contents]
    heads = [" ".join(" ".join(div.xpath("t:head[1]//text()[not(ancestor::t:note)]", namespaces=NS)).split()) or div.get("type").capitalize()
             for div in tei.xpath("/t:TEI/t:text/t:front/t:div | /t:TEI/t:text/t:body/t:div", namespaces=NS)]
    assert [words(label) for label in labels] == [words(h) for h in heads] + [["reader", "comment"], ["corrections"], ["index"]]
    for match in contents:
        assert " ".join(words(match.group(1))) in page_words(pdf, int(match.group(2))), f"contents: {match.group(0)}"


def test_every_correction_is_marked_in_the_text_and_listed_with_its_paragraph_and_page(built: Path, pdf: Path, pages: list[str], tei):
    source = (built / "print-source.typ").read_text(encoding="utf-8")
    interventions = tei.xpath("/t:TEI/t:text//*[self::t:choice[t:sic and t:corr] or self::t:choice[t:orig] or self::t:corr[not(parent::t:choice)]"
                              " or self::t:supplied[ancestor::t:p]]", namespaces=NS)
    marked = re.findall(r"#(marked|anchored)\((\d+)\)", source)
    assert [int(n) for _, n in marked] == list(range(1, len(interventions) + 1))
    assert all(kind == "marked" for (kind, _), e in zip(marked, interventions) if e.get("type") != "space")
    entries = [line for line in _lines_from(pages, "Corrections") if re.match(r"^(¶ \d+|comment \d+, ¶ \d+|[^,]+), p\. \d+ ", line)]
    assert len(entries) >= len(interventions) - 2  # a long entry may wrap before its page number
    checked = 0
    for line in entries:
        page, reading = re.match(r"^.*?, p\. (\d+) (.*?)\]", line).groups()
        sought = [w for w in words(reading) if not w.isdigit()]
        if sought:  # a footnote call may stand between the words ("Revolution.14 On"): numbers are left out
            found = [w for w in page_words(pdf, int(page)).split() if not w.isdigit()]
            assert find_words(found, sought, 0) is not None, f"correction not on the page given: {line}"
            checked += 1
    assert checked >= 20
    sites = next(e for e in interventions if "".join(e.xpath("t:corr//text()", namespaces=NS)) == "sites")
    assert "sights" in "".join(sites.xpath("t:sic//text()", namespaces=NS))  # the example, marked like the rest


def test_bookmarks_for_every_part(pdf: Path, tei):
    xml = subprocess.run(["pdftohtml", "-xml", "-stdout", "-i", "-q", str(pdf)], capture_output=True, check=True).stdout
    outline = [" ".join(item.itertext()) for item in etree.fromstring(xml, etree.XMLParser(recover=True, resolve_entities=False, no_network=True)).iter("item")]
    heads = [" ".join(" ".join(div.xpath("t:head[1]//text()[not(ancestor::t:note)]", namespaces=NS)).split()) or div.get("type").capitalize()
             for div in tei.xpath("/t:TEI/t:text/t:body/t:div", namespaces=NS)]
    for head in heads:  # the heading's words, never its footnote's
        assert words(head) in [words(item) for item in outline], f"no bookmark for {head}: {outline}"
    assert {"Contents", "Reader comment", "Corrections", "Index", "Persons", "Glossary"} <= set(outline)


def test_document_metadata_and_date_from_the_header(pdf: Path, tei):
    info = subprocess.run(["pdfinfo", "-isodates", str(pdf)], capture_output=True, text=True, check=True).stdout
    field = lambda name: re.search(rf"^{name}:\s+(.*)$", info, re.M).group(1)  # noqa: E731
    header = lambda xpath: tei.xpath(xpath, namespaces=NS)  # noqa: E731
    assert field("Title") == header("normalize-space(//t:titleStmt/t:title[@type='main'])")
    assert field("Author") == header("normalize-space(//t:titleStmt/t:author)")
    assert field("Subject") == header("normalize-space(//t:projectDesc/t:p[1])")
    assert field("Keywords") == ", ".join(header("//t:textClass/t:keywords/t:term/text()"))
    assert field("CreationDate").startswith(max(header("//t:revisionDesc/t:change/@when")))
    assert field("Page size").endswith("(A4)")


def test_tagged_pdf_ua_with_its_languages(pdf: Path):
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    objects = b"".join(pdf_objects(pdf))
    assert re.search(rb"pdfuaid:part(>|=\")1", objects)  # the XMP claims PDF/UA-1, which Typst checked
    languages = set(re.findall(rb"/Lang ?\(([^)]*)\)", objects))
    assert {b"en", b"zh"} <= languages, languages  # the text's, and the Chinese names' (Typst takes no script subtag)
    for role in (b"H1", b"P", b"Note", b"Link"):  # headings, paragraphs, footnotes, links as such
        assert re.search(rb"/S ?/" + role + rb"\b", objects), role


def test_only_the_noto_fonts_embedded(pdf: Path):
    rows = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert rows
    for row in rows:
        assert re.search(r"\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$", row), row
        assert row.split()[-5] == "yes", f"font not embedded: {row}"
        assert "+NotoSerif" in row.split()[0], f"a font the book does not name: {row}"
    assert any("NotoSerifCJK" in row for row in rows)  # the index's Chinese names


def test_two_builds_are_byte_identical(pdf: Path, built: Path):
    """``edition build``'s PDF and the one typeset again from the stylesheets' source, in another process and folder."""
    # Digests, not the bytes: a failing comparison of two PDFs' bytes makes pytest's diff run for minutes.
    assert hashlib.sha256((built / "pdf" / pdf.name).read_bytes()).hexdigest() == hashlib.sha256(pdf.read_bytes()).hexdigest()


def test_build_folder_keeps_only_the_finished_pdf(built_books: Path, pdf: Path):
    assert not (built_books / "print").exists()
    assert [p.name for p in (built_books / "pdf").iterdir()] == [pdf.name]


#: Every ASCII character that means something in Typst markup or code, at a line's start or anywhere, with a
#: backslash and brackets; and sequences Typst would turn into something else (dashes, ellipsis, a comment).
SPECIAL = r"""# * _ ` $ [ ] < > @ = - + / ~ " ' . \ : ; , ! ? ( ) { } % & | ^ -- --- ... // /* */ \[x] #set page(width: 1cm) $x^2$ <l> @l *b* _i_ 1. 'a' "q" https://x.org/ \\"""
TITLE = 'A "quoted" \\ #title [x]'


@pytest.fixture(scope="module")
def changed_pdf(repo_root: Path, tmp_path_factory) -> Path:
    """One PDF, on US Letter, of the edition cut short (``small_edition``) with every case the tests below look
    for planted in it: the characters Typst reads as markup in a paragraph and in its note, in the main title (a
    Typst string in the metadata, markup in the running head) and in a place's name (the index)."""
    edition = small_edition(Project(repo_root))
    q = lambda xpath: edition.xpath(xpath, namespaces=NS)[0]  # noqa: E731
    paragraph = q("/t:TEI/t:text/t:body//t:p[1]")
    note = etree.Element(f"{{{NS['t']}}}note", resp="#editors")
    note.text, note.tail = SPECIAL, " "
    mention = etree.Element(f"{{{NS['t']}}}placeName", ref="#zhengzhou")
    mention.text, mention.tail = "Zhengzhou", " " + (paragraph.text or "")
    paragraph.text = SPECIAL + " "
    paragraph[0:0] = [note, mention]
    title = q("/t:TEI/t:teiHeader/t:fileDesc/t:titleStmt/t:title[@type='main']")
    assert title.text == "Conditions of the Working Classes in China"
    title.text = TITLE
    place = q("/t:TEI/t:standOff//t:place[@xml:id='zhengzhou']/t:placeName[@type='preferred']")
    place.text = "Zhengzhou = [x] #y"
    return build_pdf(Project(repo_root), tmp_path_factory.mktemp("changed-pdf"), edition, paper="letter")


def test_us_letter_and_a_chinese_name_in_an_embedded_cjk_font(changed_pdf: Path, repo_root: Path):
    assert '<placeName xml:lang="zh-Hans">北京</placeName>' in (Project(repo_root).registers_dir / "places.xml").read_text(encoding="utf-8")
    info = subprocess.run(["pdfinfo", str(changed_pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Page size:\s+612 x 792 pts \(letter\)", info, re.M)
    assert re.search(r"^Beijing 北京, \d", pdftotext(changed_pdf), re.M)
    fonts = subprocess.run(["pdffonts", str(changed_pdf)], capture_output=True, text=True, check=True).stdout
    cjk = [row for row in fonts.splitlines() if "CJK" in row]
    assert cjk and all(row.split()[-5] == "yes" for row in cjk)


def test_every_character_that_means_something_to_typst_is_printed_as_it_is(changed_pdf: Path):
    printed = " ".join(pdftotext(changed_pdf, "-raw").split())
    assert printed.count(SPECIAL) == 2, "in the text and in its footnote"  # pdftotext -raw keeps each character
    assert re.search(r"Zhengzhou = \[x\] #y 郑州, \d", printed), "in the index"
    info = subprocess.run(["pdfinfo", str(changed_pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r'^Title:\s+A "quoted" \\ #title \[x\]$', info, re.M)
    assert TITLE + " " in printed  # the running head


def test_unknown_paper_size_is_refused(tmp_path: Path, repo_root: Path):
    ctx = types.SimpleNamespace(project=Project(repo_root), edition=None, out=tmp_path, parameters={"paper": "folio"})
    with pytest.raises(EditionError, match="unknown paper size 'folio': choose one of a4, letter"):
        write_pdf(ctx)


# ---------------------------------------------------------------- the print stylesheet on small documents

PERSONS = ('<listPerson><person xml:id="ann"><persName type="preferred"><forename>Ann</forename> <surname>Lee</surname></persName>'
           '<note type="description">A worker.</note></person></listPerson>')


@pytest.fixture(scope="module")
def print_source(repo_root: Path, tmp_path_factory):
    """``print_source(body)``: the Typst source print.xsl writes for a small document (the edition's header)."""
    sheets = Stylesheets()
    stylesheet = repo_root / "xslt" / "print.xsl"
    sheets.compile(stylesheet)

    def run(body: str) -> str:
        out = tmp_path_factory.mktemp("print-source")
        sheets.run(stylesheet, sheets.document(tei_document(body, stand_off=PERSONS).encode()), out)
        return (out / "print" / "edition.typ").read_text(encoding="utf-8")

    return run


def test_when_a_paragraph_names_an_entry_twice_each_mention_leaves_an_index_anchor(print_source):
    source = print_source('<div xml:id="d"><p xml:id="p-a"><persName ref="#ann">Ann</persName> met <persName ref="#ann">Lee</persName>.</p></div>')
    assert '#para("1")[#ix("ann")Ann met #ix("ann")Lee\\.]#label("p-a")' in source
    assert '#par[Lee\\, Ann, #pages("ann")]' in source  # the index: inverted, its pages Typst's


def test_when_a_paragraph_has_a_note_it_is_a_footnote_where_it_is_called(print_source):
    source = print_source('<div xml:id="d"><p xml:id="p-a">Text<note resp="#editors">An editorial note.</note> goes on.</p></div>')
    assert "Text#footnote[An editorial note\\.] goes on\\." in source


def test_when_a_word_is_corrected_it_is_marked_and_linked_to_its_entry(print_source):
    source = print_source('<div xml:id="d"><p xml:id="p-a">The <choice><sic>sights</sic><corr resp="#editors">sites</corr></choice>.</p></div>')
    assert "The #marked(1)[sites]\\." in source
    assert '#par[#link(label("p-a"))[¶ 1], p. #page-of(label("app-ref-1")) sites\\] #emph[sights]' in source
