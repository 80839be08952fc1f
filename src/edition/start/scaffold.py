"""``edition new DIR``: a new edition that validates and builds at once.

Writes ``DIR/edition/`` (configuration, the TEI document with a complete header made from the options, the
persons register holding the author, the identifier lock) and ``DIR/README.md``. The text is a placeholder
paragraph, or a plain or Markdown file (:mod:`edition.start.textimport`), or a TEI document
(:mod:`edition.start.teiimport`).

>>> new_edition(Path("/tmp/letters"), Options(title="Letters"))  # doctest: +SKIP
[]
"""
from __future__ import annotations

import dataclasses
import datetime
import re
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from lxml import etree

from .. import idlock
from ..corpus import load_edition
from ..declarations import read_declarations
from ..errors import EditionError, Problem
from .identifiers import Identifiers, words
from ..project import TEI_NS, XML_ID, Project, display_name
from ..checks.schema_model import SchemaModel
from .textimport import RENDITIONS, UNMARKED, read_text, text_to_body

T = f"{{{TEI_NS}}}"
#: The author of a text whose author is not given.
ANONYMOUS = "Anonymous"
DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
LANG = re.compile(r"[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*")


@dataclass
class Options:
    title: str = ""
    author: str = ""
    date: str = ""
    source: str = ""
    lang: str = ""
    from_file: Path | None = None


def check_options(options: Options, schema: Path) -> list[Problem]:
    """Options the schema would refuse, said before anything is written."""
    problems = []
    language = SchemaModel.read(schema).elements.get("language")  # an edition's extended schema may include it instead
    languages = language.attributes.get("ident") if language else None
    if options.lang and LANG.fullmatch(options.lang) and languages and not languages.accepts(options.lang):
        problems.append(Problem("--lang", 0, 0, f"the schema knows no language {options.lang!r}: use {languages.describe()}"))
    if options.date and not DATE.fullmatch(options.date):
        problems.append(Problem("--date", 0, 0, f"{options.date!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"))
    if options.lang and not LANG.fullmatch(options.lang):
        problems.append(Problem("--lang", 0, 0, f"{options.lang!r} is not a language code (BCP 47): en, de, fr, zh-Hans …"))
    return problems


def new_edition(folder: Path, options: Options) -> list[Problem]:
    """Create the edition in ``folder`` (missing or empty); return the warnings about its text.

    A non-empty folder, a file that cannot be read, or options the schema would refuse: :class:`EditionError`,
    and nothing is written.
    """
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        what = "is a file" if not folder.is_dir() else "is not empty"
        raise EditionError(Problem(str(folder), 0, 0, f"the folder {what}: a new edition starts in a new or empty "
                                   "folder (to give an existing edition its text: edition import FILE.xml)"))
    return _write(folder, options)


def import_text(project: Project, path: Path, options: Options) -> list[Problem]:
    """Make the TEI document ``path`` the text of the edition in ``project``, which must have none yet."""
    if project.config_file.exists() and project.main_document.exists():
        raise EditionError(Problem(display_name(project.main_document, project.root), 0, 0,
                                   "this edition has its text already; to edit another text, start an edition "
                                   f"for it: edition new DIR --from {path}"))
    if project.edition_dir.exists() and not project.config_file.exists() and any(project.edition_dir.glob("*.xml")):
        raise EditionError(Problem(display_name(project.edition_dir, project.root), 0, 0,
                                   "this folder holds TEI documents but no edition.toml naming the edition's text"))
    return _write(project.root, dataclasses.replace(options, from_file=path))


def _write(folder: Path, options: Options) -> list[Problem]:
    folder = folder.resolve()
    project = Project(folder)
    problems = check_options(options, project.relaxng)
    if problems:
        raise EditionError(problems)
    ids = Identifiers(idlock.read_lock(project.lock_file, folder).lines)
    warnings: list[Problem] = []
    source = options.from_file
    name = str(source) if source else ""
    if source is not None and source.suffix.lower() == ".xml":
        from .teiimport import import_tei

        header_ids = {"editors", UNMARKED, *RENDITIONS.values()}
        text, meta, warnings = import_tei(source, ids, project.relaxng, name, header_ids)
        given = [f"the header gives no {part} " for part in ("title", "author", "date") if getattr(options, part)]
        warnings = [w for w in warnings if not w.message.startswith(tuple(given) or ("\0",))]
        options = dataclasses.replace(options, **{k: getattr(options, k) or getattr(meta, k)
                                                   for k in ("title", "author", "date", "source", "lang")})
        if options.date and not DATE.fullmatch(options.date):
            options = dataclasses.replace(options, date="")
        if check_options(options, project.relaxng):  # the other project's language is one the schema does not know
            options = dataclasses.replace(options, lang="")
    else:
        body = (text_to_body(read_text(source, name), name, ids, options.title or "text") if source
                else (_placeholder(ids, options), []))
        body, warnings = body
        text = etree.Element(f"{T}text")
        text.append(body)
    if not options.author:  # the citations name an author: an anonymous text says so, until the editor knows better
        warnings.append(Problem(name or "--author", 0, 0, f"no author given: the header says {ANONYMOUS!r}; "
                                "give --author, or change the header's titleStmt/author", warning=True))
    options = dataclasses.replace(options, title=options.title or "Untitled", lang=options.lang or "en",
                                  author=options.author or ANONYMOUS)
    author_id = ids.section(options.author, fallback="author") if options.author else ""
    document = _document(options, author_id, text)
    config = project.config if project.config_file.exists() else {"main": _file_name(options.title)}
    main_name = config["main"]
    (project.edition_dir / "registers").mkdir(parents=True, exist_ok=True)
    if not project.config_file.exists():
        project.config_file.write_text(
            "# The edition's configuration. Everything else (title, author, dates) is read from the TEI header.\n"
            f"# The TEI document of the text; its registers live beside it in registers/.\nmain = \"{main_name}\"\n",
            encoding="utf-8")
    (project.edition_dir / main_name).write_bytes(_serialize(document, folder))
    persons = project.edition_dir / "registers" / "persons.xml"
    if author_id and not persons.exists():
        persons.write_bytes(_serialize(_persons(options, author_id), folder))
    if not (folder / "README.md").exists():
        (folder / "README.md").write_text(_readme(project, options, main_name), encoding="utf-8")
    idlock.release(load_edition(project), project.lock_file, project.root)
    return warnings


def _file_name(title: str) -> str:
    return "-".join(words(title)[:4] or ["text"]) + ".xml"


def _placeholder(ids: Identifiers, options: Options) -> etree._Element:
    body = etree.Element(f"{T}body", nsmap={None: TEI_NS})
    div = etree.SubElement(body, f"{T}div", type="section")
    div.set(XML_ID, ids.section(options.title, fallback="text"))
    p = etree.SubElement(div, f"{T}p")
    text = "The text of the edition begins here."
    p.set(XML_ID, ids.paragraph(text))
    p.text = text
    return body


#: How the edition is cited: by section, and by paragraph within it (what the Schematron checks).
CITE_STRUCTURE = ('<citeStructure unit="section" match="//text/body/div" use="@xml:id">'
                  '<citeData property="dc:title" use="head"/>'
                  '<citeStructure unit="paragraph" match="p" use="@xml:id"/></citeStructure>')


def _document(options: Options, author_id: str, text: etree._Element) -> etree._Element:
    today = datetime.date.today().isoformat()
    e = escape
    author = f'<author ref="#{author_id}">{e(options.author)}</author>' if author_id else ""
    source_author = f"<author>{e(options.author)}</author>, " if options.author else ""
    source_date = f', <date when="{options.date}">{options.date}</date>' if options.date else ""
    source_note = f". {e(options.source)}" if options.source else ""
    marks = "".join(f'<rendition xml:id="{name}" scheme="css" scope="{"before" if role == "open" else "after"}">'
                    f"content: {quoteattr(mark)};</rendition>"
                    for name, (role, mark) in _first_of_each(RENDITIONS).items())
    header = f"""<teiHeader xmlns="{TEI_NS}">
    <fileDesc>
      <titleStmt>
        <title type="main">{e(options.title)}</title>
        {author}
        <editor xml:id="editors" role="editor">The editors</editor>
        <respStmt><resp>TEI encoding</resp><name ref="#editors">The editors</name></respStmt>
      </titleStmt>
      <publicationStmt>
        <publisher>The editors</publisher>
        <date when="{today[:4]}">{today[:4]}</date>
        <idno type="edition">{"-".join(words(options.title)[:4]) or "edition"}</idno>
      </publicationStmt>
      <sourceDesc>
        <bibl>{source_author}<title level="m">{e(options.title)}</title>{source_date}{source_note}</bibl>
      </sourceDesc>
    </fileDesc>
    <encodingDesc>
      <editorialDecl>
        <correction status="unknown" method="markup"><p>Nothing in the text is corrected silently: an intervention is recorded with choice, sic and corr, or supplied.</p></correction>
        <quotation marks="none"><p>No quotation mark is kept as a character: each quotation is marked up (q, said, quote, soCalled, mentioned) and its marks are recorded as renditions, so the diplomatic text restores them.</p></quotation>
        <segmentation><p>The text is divided into divisions and paragraphs; each has a stable identifier made from its opening words.</p></segmentation>
      </editorialDecl>
      <tagsDecl>{marks}<rendition xml:id="{UNMARKED}" scheme="free">The source sets the quotation apart, without quotation marks.</rendition></tagsDecl>
      <refsDecl>{CITE_STRUCTURE}</refsDecl>
    </encodingDesc>
    <profileDesc><langUsage><language ident="{options.lang}">{options.lang}</language></langUsage></profileDesc>
    <revisionDesc status="draft">
      <change when="{today}" who="#editors">Edition started with edition new{" from " + e(options.from_file.name) if options.from_file else ""}.</change>
    </revisionDesc>
  </teiHeader>"""
    root = etree.Element(f"{T}TEI", nsmap={None: TEI_NS})
    root.set("{http://www.w3.org/XML/1998/namespace}lang", options.lang)
    root.append(etree.fromstring(header))
    root.append(text)
    return root


def _first_of_each(renditions: dict) -> dict:
    """Each rendition once, with the first mark that records it."""
    first: dict = {}
    for key, name in renditions.items():
        first.setdefault(name, key)
    return first


def _persons(options: Options, author_id: str) -> etree._Element:
    return etree.fromstring(f"""<TEI xmlns="{TEI_NS}" xml:lang="{options.lang}">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>Persons</title></titleStmt>
      <publicationStmt><p>Register of persons of the edition.</p></publicationStmt>
      <sourceDesc><p>Compiled by the editors.</p></sourceDesc>
    </fileDesc>
  </teiHeader>
  <text>
    <body>
      <listPerson>
        <person xml:id="{author_id}" role="author">
          <persName type="preferred">{escape(options.author)}</persName>
          <note type="description">The author of the text.</note>
        </person>
      </listPerson>
    </body>
  </text>
</TEI>""")


def _serialize(root: etree._Element, folder: Path) -> bytes:
    """The document, indented, with ``xml-model`` instructions naming the schema XML editors should use."""
    etree.indent(root, space="  ")
    project = Project(folder.resolve())
    models = "".join(f'<?xml-model href="{path.resolve().as_uri()}" type="application/xml" schematypens="{ns}"?>\n'
                     for path, ns in ((project.relaxng, "http://relaxng.org/ns/structure/1.0"),
                                      (project.schematron, "http://purl.oclc.org/dsdl/schematron")))
    return (b'<?xml version="1.0" encoding="UTF-8"?>\n' + models.encode()
            + etree.tostring(root, encoding="UTF-8") + b"\n")


def _readme(project: Project, options: Options, main_name: str) -> str:
    kinds = read_declarations(project.xslt_dir).kinds
    registers = "\n".join(f"- `edition/registers/{Path(kind.page).stem}.xml`: {kind.title.lower()} "
                          f"(`<{kind.list.split('[')[0]}>` of `<{kind.elements[0]}>` entries)" for kind in kinds)
    first = next(iter(kinds))
    return f"""# {options.title}

A TEI edition made with the `edition` tool. The text is `edition/{main_name}`; its header holds the
title, author, dates and source; `edition/edition.toml` names the document; `edition/ids.lock` lists the
released identifiers (never rename or remove one).

## Check and build

    edition validate          # every problem at its line and column
    edition build --no-books  # the reading edition in build/html (without --no-books, also PDF and EPUB)
    edition serve             # http://127.0.0.1:8000/ ; edition serve --watch rebuilds on save

## Tag a name

Describe the person, place, organisation, event, work or term once in its register, then point at it
from the text. The registers the pipeline knows, one file each (create the file when the first entry comes):

{registers}

For example, an entry `<{first.elements[0]} xml:id="jane-doe">` with its name and a
`<note type="description">` in `edition/registers/{Path(first.page).stem}.xml`, and in the text
`<persName ref="#jane-doe">Jane Doe</persName>`. `edition check-names` lists names left untagged.

## Cite

Every division and paragraph has an identifier (`xml:id`): `edition cite ID` prints its citation
(`--format` chicago, mla, bibtex, csl-json). After adding paragraphs, `edition lock` releases their
identifiers.

## Change a stylesheet or the schema

Put the one file you change in `edition/xslt/` or `edition/schema/` under the pipeline's path for it
(for instance `edition/xslt/common/profile.xsl`): it replaces the pipeline's file, which stays beside it
as `profile.pipeline.xsl` for yours to import.
"""
