"""Citations for any source: one CSL-JSON record per citable unit (edition.outputs.citations), every format from it.

One header per kind of source (the sources are real: Weil's web page and its Monthly Review print, Lincoln's
letter to Mrs. Bixby, his Gettysburg address as a speech, in a book, and in manuscript, Emerson's Essays), each
rendered in every format and compared with the strings the style manuals ask for (Chicago 17th edition, notes
and bibliography: bibliography entries and notes; MLA 9; APA 7).
"""
from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import bibtexparser
import pytest
import rispy
from lxml import etree

from edition.outputs import citations

TEI = "http://www.tei-c.org/ns/1.0"

#: The sourceDesc of each kind: (main title of the text, bibl/@type, the bibl's content).
SOURCES = {
    "web page": ("Conditions of the Working Classes in China", "webPage",
                 '<author>Robert Weil</author>, <title level="a">Conditions of the Working Classes in China</title>, '
                 '<title level="m">China Study Group</title>, <date when="--12-31">31 December</date>'),
    "journal article": ("Conditions of the Working Classes in China", "article",
                        '<author>Robert Weil</author>, <title level="a">Conditions of the Working Classes in China</title>, '
                        '<title level="j">Monthly Review</title> <biblScope unit="volume">58</biblScope>, '
                        'no. <biblScope unit="issue">2</biblScope> (<date when="2006-06">June 2006</date>)'),
    "book chapter": ("Address at the Dedication of the Gettysburg National Cemetery", "chapter",
                     '<author>Abraham Lincoln</author>, <title level="a">Address at the Dedication of the Gettysburg National '
                     'Cemetery</title>, in <title level="m">Autograph Leaves of Our Country\'s Authors</title>, '
                     '<date when="1864">1864</date>'),
    "letter": ("Letter to Mrs. Bixby", "letter",
               '<author>Abraham Lincoln</author>, <title level="a">Letter to Mrs. Bixby</title>, '
               '<date when="1864-11-21">21 November 1864</date>'),
    "manuscript": ("Gettysburg Address (Hay copy)", "manuscript",
                   '<author>Abraham Lincoln</author>, <title>Gettysburg Address (Hay copy)</title>, '
                   '<date when="1863-11">November 1863</date>'),
    "speech": ("Gettysburg Address", "speech",
               '<author>Abraham Lincoln</author>, <title>Gettysburg Address</title>, <date when="1863-11-19">19 November 1863</date>'),
    "book": ("Essays: First Series", "book",
             '<author>Ralph Waldo Emerson</author>, <title level="m">Essays: First Series</title>, <date when="1841">1841</date>'),
}
KINDS = list(SOURCES)


def header_document(kind: str, body: str = '<div xml:id="part"><head>Part</head><p xml:id="p-one">One.</p></div>'):
    """A small edition of the source ``kind``: a header with version, date, publisher and canonical URL."""
    title, bibl_type, bibl = SOURCES[kind]
    author = re.search(r"<author>(.*?)</author>", bibl).group(1)
    return etree.fromstring(f"""<TEI xmlns="{TEI}" xml:lang="en"><teiHeader><fileDesc>
      <titleStmt><title type="main">{title}</title><author>{author}</author></titleStmt>
      <editionStmt><edition n="1.0">Test edition <date when="2026-01-15"/></edition></editionStmt>
      <publicationStmt><publisher>Test Press</publisher><date when="2026">2026</date>
        <idno type="edition">test</idno><idno type="URL">https://example.org/ed/</idno></publicationStmt>
      <sourceDesc><bibl type="{bibl_type}">{bibl}</bibl></sourceDesc></fileDesc></teiHeader>
      <text><body>{body}</body></text></TEI>""")


U = "https://example.org/ed/index.html"
#: Bibliography entries (works-cited, references) of the edition as a whole, by kind and style, written from the
#: manuals' patterns: the original's container and date, then the edition (version, publisher, date) and its URL.
EXPECTED = {
    'web page': {
        'chicago': f'Weil, Robert. “Conditions of the Working Classes in China.” Version 1.0. China Study Group, 31 December; Test Press, January 15, 2026. {U}.',
        'mla': f'Weil, Robert. “Conditions of the Working Classes in China.” 31 December. China Study Group, Version 1.0, Test Press, 15 Jan. 2026, {U}.',
        'apa': f'Weil, R. (2026, January 15). Conditions of the Working Classes in China. Test Press. China Study Group. {U} (Original work published 31 December)',
    },
    'journal article': {
        'chicago': f'Weil, Robert. “Conditions of the Working Classes in China.” Monthly Review 58, no. 2 (June 2006). {U}.',
        'mla': f'Weil, Robert. “Conditions of the Working Classes in China.” Monthly Review, Version 1.0, vol. 58, no. 2, June 2006, {U}.',
        'apa': f'Weil, R. (2006). Conditions of the Working Classes in China. Monthly Review, 58(2). {U}',
    },
    'book chapter': {
        'chicago': f"Lincoln, Abraham. “Address at the Dedication of the Gettysburg National Cemetery.” In Autograph Leaves of Our Country's Authors, version 1.0. 1864; Test Press, 2026. {U}.",
        'mla': f"Lincoln, Abraham. “Address at the Dedication of the Gettysburg National Cemetery.” 1864. Autograph Leaves of Our Country's Authors, Version 1.0, Test Press, 2026, {U}.",
        'apa': f"Lincoln, A. (2026). Address at the Dedication of the Gettysburg National Cemetery. In Autograph Leaves of Our Country's Authors (Version 1.0). Test Press. {U} (Original work published 1864)",
    },
    'letter': {
        'chicago': f'Lincoln, Abraham. “Letter to Mrs. Bixby.” Version 1.0. November 21, 1864; Test Press, January 15, 2026. {U}.',
        'mla': f'Lincoln, Abraham. “Letter to Mrs. Bixby.” Version 1.0, Test Press, 15 Jan. 2026, {U}.',
        'apa': f'Lincoln, A. (2026, January 15). Letter to Mrs. Bixby (Version 1.0) [Letter]. Test Press. {U} (Original work published 1864)',
    },
    'manuscript': {
        'chicago': f'Lincoln, Abraham. “Gettysburg Address (Hay Copy).” Version 1.0. November 1863; Test Press, January 15, 2026. {U}.',
        'mla': f'Lincoln, Abraham. “Gettysburg Address (Hay Copy).” Nov. 1863. Version 1.0, Test Press, 15 Jan. 2026, {U}.',
        'apa': f'Lincoln, A. (2026). Gettysburg Address (Hay copy) (Version 1.0). Test Press. {U} (Original work published 1863)',
    },
    'speech': {
        'chicago': f'Lincoln, Abraham. “Gettysburg Address.” Version 1.0. November 19, 1863; Test Press, January 15, 2026. {U}.',
        'mla': f'Lincoln, Abraham. “Gettysburg Address.” 19 Nov. 1863. Version 1.0, Test Press, {U}.',
        'apa': f'Lincoln, A. (2026, January 15). Gettysburg Address. Test Press. {U} (Original work published 1863)',
    },
    'book': {
        'chicago': f'Emerson, Ralph Waldo. Essays: First Series. Version 1.0. 1841; Test Press, 2026. {U}.',
        'mla': f'Emerson, Ralph Waldo. Essays: First Series. 1841. Version 1.0, Test Press, 2026, {U}.',
        'apa': f'Emerson, R. W. (2026). Essays: First Series (Version 1.0). Test Press. {U} (Original work published 1841)',
    },
}


@pytest.fixture(scope="module")
def records():
    return {kind: citations.unit_records(header_document(kind)) for kind in KINDS}


@pytest.mark.parametrize("kind", KINDS)
def test_the_kind_of_source_decides_the_csl_type(kind, records):
    expected = {"web page": "webpage", "journal article": "article-journal", "book chapter": "chapter", "letter": "personal_communication",
                "manuscript": "manuscript", "speech": "speech", "book": "book"}
    assert records[kind][""]["type"] == expected[kind]


@pytest.mark.parametrize("kind", [k for k in KINDS if k in EXPECTED])
@pytest.mark.parametrize("style", ["chicago", "mla", "apa"])
def test_each_kind_reads_as_the_style_manual_asks(kind, style, records):
    assert citations.render(records[kind][""], style) == EXPECTED[kind][style]


STRAY = re.compile(r", ,|\. \.|\(\)|\{\}|,\s*\.|\.\.(?!\.)|”\.|”,|: \.|\s$|^\s|\bNone\b|= \{\s*\}")


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("fmt", list(citations.RENDERERS))
def test_no_empty_field_or_stray_punctuation_in_any_kind_and_format(kind, fmt, records):
    for ident in ("", "part", "p-one"):
        text = citations.render(records[kind][ident], fmt)
        if fmt == "ris":  # RIS ends each reference with "ER  - " (with its space); every other tag has a value
            assert text.endswith("\nER  - ") and not re.search(r"^[A-Z][A-Z0-9]  - ?$", text.removesuffix("ER  - "), re.M)
            text = text.removesuffix("\nER  - ")
        assert not STRAY.search(text), (kind, fmt, ident, text)
        assert "Robert" in text or "Abraham" in text or "Ralph" in text or fmt == "apa" and ("R." in text or "A." in text)


def test_mla_and_chicago_give_the_authors_given_name_in_full(records):
    """citeproc-py initialised it ("Weil, R.") though both styles say initialize="false"; mended."""
    for style in ("mla", "chicago"):
        assert citations.render(records["web page"][""], style).startswith("Weil, Robert. ")
    assert citations.render(records["web page"][""], "apa").startswith("Weil, R. ")


def test_american_styles_put_period_and_comma_inside_the_quotation_marks():
    assert citations._punctuation_in_quote("“A Title”. B, “C”, d") == "“A Title.” B, “C,” d"
    assert citations._punctuation_in_quote("“Who?”. Next") == "“Who?” Next"


def test_a_unit_carries_its_locator_and_permalink(records):
    unit = records["web page"]["p-one"]
    assert (unit["locator"], unit["label"], unit["URL"]) == ("1", "paragraph", U + "#p-one")
    assert citations.render(unit, "chicago") == f'Robert Weil, “Conditions of the Working Classes in China,” version 1.0, China Study Group, 31 December; Test Press, January 15, 2026, para. 1, {U}#p-one.'
    assert citations.render(unit, "mla").splitlines()[1] == "(Weil, “Conditions of the Working Classes in China,” par. 1)"
    assert records["web page"]["part"]["label"] == "section" and records["web page"]["part"]["locator"] == "Part"


def test_a_unit_rendered_from_the_template_equals_one_rendered_directly(records):
    for kind in KINDS:
        for ident in ("", "p-one", "part"):
            record = records[kind][ident]
            for style in ("chicago", "mla", "apa"):
                assert citations._styled(record, style) == citations._styled_directly(record, style)


def test_no_date_says_n_d_and_no_main_title_takes_the_first():
    document = header_document("book")
    for element in document.xpath("//t:editionStmt | //t:publicationStmt/t:date", namespaces={"t": TEI}):
        element.getparent().remove(element)
    document.find(f".//{{{TEI}}}title").attrib.pop("type")
    record = citations.edition_record(document)
    assert record["title"] == "Essays: First Series" and "issued" not in record
    assert "n.d." in citations.render(record, "chicago") and "(n.d.)" in citations.render(record, "apa")


def test_names_split_once_for_every_format():
    assert citations.split_name("Robert Weil") == {"family": "Weil", "given": "Robert"}
    assert citations.split_name("Ralph Waldo Emerson") == {"family": "Emerson", "given": "Ralph Waldo"}
    assert citations.split_name("Weil, Robert") == {"family": "Weil", "given": "Robert"}
    assert citations.split_name("Wikipedia") == {"literal": "Wikipedia"}


@pytest.mark.parametrize("kind", KINDS)
def test_bibtex_and_ris_read_back_with_their_libraries(kind, records):
    record = records[kind]["p-one"]
    entry = bibtexparser.parse_string(citations.bibtex(record)).entries[0]
    assert entry.key == record["id"] and entry["title"] == record["title"] and entry["url"] == record["URL"]
    assert not bibtexparser.parse_string(citations.bibtex(record)).failed_blocks
    ris = rispy.loads(citations.ris(record))[0]
    assert ris["title"] == record["title"] and ris["urls"] == [record["URL"]] and ris["authors"][0].startswith(record["author"][0]["family"])


SCHEMA_MIRROR = Path("/work/.mirror/citation-style-language+schema/repo")


def _csl_data_schema() -> dict | None:
    """The CSL-JSON schema (citation-style-language/schema, schemas/input/csl-data.json) from a local mirror, if any."""
    if not SCHEMA_MIRROR.is_dir():
        return None
    done = subprocess.run(["git", "--git-dir", str(SCHEMA_MIRROR), "show", "HEAD:schemas/input/csl-data.json"],
                          capture_output=True, text=True)
    return json.loads(done.stdout) if done.returncode == 0 else None


@pytest.mark.parametrize("kind", KINDS)
def test_every_record_is_valid_csl_json(kind, records):
    items = json.loads(citations.csl_json(records[kind]["p-one"])) + json.loads(citations.csl_json(records[kind][""]))
    schema = _csl_data_schema()
    if schema is not None:
        import jsonschema

        jsonschema.validate(items, schema)
    # The structure the schema asks for, checked without it too: a type from its list, names and dates as objects.
    for item in items:
        assert item["type"] in {"webpage", "article-journal", "chapter", "personal_communication", "manuscript", "speech", "book"}
        assert all(set(name) <= {"family", "given", "literal"} and name for name in item["author"])
        # A date is date-parts of whole numbers, or (a source that gives no year) the source's words as a literal.
        assert all(isinstance(p, int) for key in ("issued", "original-date") if key in item and "literal" not in item[key]
                   for p in item[key]["date-parts"][0])
        assert all(item[key]["literal"].strip() for key in ("issued", "original-date") if key in item and "literal" in item[key])
        assert all(value not in ("", [], {}) for value in item.values())


def test_a_document_without_a_header_still_has_a_record():
    """``edition build`` with validation skipped meets such documents (the fuzz test): no crash, no empty field."""
    document = header_document("book")
    document.remove(document.find(f"{{{TEI}}}teiHeader"))
    records = citations.unit_records(document)
    assert records[""] == {"id": "edition", "type": "document", "URL": "index.html", "language": "en"}
    assert not STRAY.search(citations.render(records["p-one"], "chicago"))
