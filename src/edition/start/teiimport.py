"""Another project's TEI P5 document as the text of an edition.

The text is kept as far as the pipeline's schema allows, and what it cannot keep is reported at the line
and column where it stands, with what to do: an element the pipeline does not render (its words are kept,
as a paragraph where it stood between paragraphs, else as plain text in its paragraph), an attribute it
does not know or a value it does not accept (left out), a pointer to the web (the words kept, the link
not), front matter, a missing part of the header. What is allowed where is read from the schema itself
(:mod:`edition.checks.schema_model`), not listed here. Divisions and paragraphs without an identifier get one by
the edition's rule (:mod:`edition.start.identifiers`); identifiers the schema refuses are renamed, and the
pointers to them follow.

>>> text, meta, problems = import_tei(Path("letter.xml"), Identifiers(), schema)  # doctest: +SKIP
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..errors import EditionError, Problem
from .identifiers import Identifiers
from ..checks.locate import Located, Text
from ..project import TEI_NS, XML_ID
from ..checks.schema_model import SchemaModel, attribute_key
from .textimport import DOUBLE_MARKS, fill, pair_quotations
from ..xmlio import read_tei

T = f"{{{TEI_NS}}}"
#: The division types the pipeline renders, and the one a foreign division becomes.
DIVISION = "section"
#: Containers of paragraphs: where an element the pipeline cannot render becomes a paragraph of its words.
BLOCKS = {"body", "back", "div"}


@dataclass
class Metadata:
    """What the foreign header says that the edition's header takes over (empty where it says nothing)."""

    title: str = ""
    author: str = ""
    date: str = ""
    source: str = ""
    lang: str = ""


def import_tei(path: Path, ids: Identifiers, schema: Path, name: str | None = None,
               header_ids: set[str] = frozenset()) -> tuple[etree._Element, Metadata, list[Problem]]:
    """The ``<text>`` of the TEI document at ``path`` made fit for the pipeline, what its header says, and
    every change made, located in the file (warnings: the edition is written all the same)."""
    name = name or str(path)
    tree, source_text = read_tei(path, name)
    root = tree.getroot()
    located = Located(name, tree, Text(source_text))
    if root.tag != f"{T}TEI":
        raise EditionError(located.at_element(root, f"the root element is <{etree.QName(root).localname}>, not a TEI P5 "
                                              f"<TEI> in the namespace {TEI_NS}: this is not a TEI P5 document"))
    text = root.find(f"{T}text")
    if text is None or text.find(f"{T}body") is None:
        raise EditionError(located.at_element(root, "the document has no <text> with a <body>: there is no text to import"))
    where = {element: located.text.element(tree, element) for element in root.iter(etree.Element)}
    problems: list[Problem] = []

    def report(element: etree._Element, message: str) -> None:
        line, column = where.get(element, (element.sourceline or 1, 1))
        problems.append(Problem(name, line, column, message, warning=True))

    meta = _metadata(root, report)
    model = SchemaModel.read(schema)
    imported = etree.Element(f"{T}text", nsmap={None: TEI_NS})
    for part in ("front", "group"):
        for element in text.findall(f"{T}{part}"):
            report(element, f"<{part}> is not kept: the pipeline renders the body and the back's divisions; "
                            "move what matters into the body")
    for part in ("body", "back"):
        original = text.find(f"{T}{part}")
        if original is None:
            continue
        copy = etree.SubElement(imported, f"{T}{part}")
        copy.text, copy[:] = original.text, list(original)  # the very elements: their places stay known
        _clean(copy, model, report)
        _quotation_marks(copy, report)
        _divisions(copy, report, ids)
    _identifiers(imported, ids, report, header_ids)
    return imported, meta, problems


def _metadata(root: etree._Element, report) -> Metadata:
    def first(path: str) -> etree._Element | None:
        found = root.xpath(path, namespaces={"t": TEI_NS})
        return found[0] if found else None

    def words(element) -> str:
        return " ".join(element.xpath("string()").split()) if element is not None else ""

    header = root.find(f"{T}teiHeader")
    meta = Metadata(lang=root.get("{http://www.w3.org/XML/1998/namespace}lang", ""))
    if header is None:
        report(root, "the document has no <teiHeader>: the edition's header is made from the options "
                     "(--title, --author, --date, --source); give them")
        return meta
    title = first("t:teiHeader/t:fileDesc/t:titleStmt/t:title[@type='main'] | t:teiHeader/t:fileDesc/t:titleStmt/t:title")
    meta.title = words(title)
    meta.author = words(first("t:teiHeader/t:fileDesc/t:titleStmt/t:author"))
    date = first("t:teiHeader/t:fileDesc/t:sourceDesc//t:date[@when] | t:teiHeader/t:fileDesc/t:publicationStmt/t:date[@when]")
    meta.date = date.get("when") if date is not None and re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", date.get("when")) else ""
    meta.source = words(first("t:teiHeader/t:fileDesc/t:sourceDesc"))[:300]
    for part, wanted in (("title", "titleStmt/title"), ("author", "titleStmt/author"),
                         ("date", "date with @when in sourceDesc or publicationStmt")):
        if not getattr(meta, part):
            report(header, f"the header gives no {part} ({wanted}): give it with --{part}, or add it to the edition's header")
    report(header, "the header is not kept as it is: the edition's header is made from its title, author, date and "
                   "source; copy what else matters (editorial principles, revisions) into it by hand")
    return meta


def _clean(element: etree._Element, model: SchemaModel, report) -> None:
    """Keep what the schema allows under each element; turn the rest into words (see the module's docstring).

    An element left out hands its children to its parent, where they are judged again.
    """
    local_name = etree.QName(element).localname
    allowed = set(model.elements[local_name].children) if local_name in model.elements else set()
    if local_name in BLOCKS:
        allowed.add("p")  # paragraphs straight in the body go into a division afterwards
    block = local_name in BLOCKS
    index = 0
    while index < len(element):
        child = element[index]
        if not isinstance(child.tag, str):  # comments and processing instructions: dropped quietly
            _remove(child)
            continue
        local = etree.QName(child).localname
        web = child.tag.startswith(T) and local in ("ref", "ptr") and _external(child)
        if child.tag.startswith(T) and local in allowed and local in model.elements and not web:
            _attributes(child, model.elements[local], report)
            _clean(child, model, report)
            index += 1
            continue
        if web:
            report(child, f"a pointer to the web (<{local} target=\"{child.get('target')}\">) is not kept as a link: "
                          "its words stay; cite the address in a note if it matters")
        else:
            what = f"<{local}>" + ("" if child.tag.startswith(T) else f" (namespace {etree.QName(child).namespace})")
            report(child, f"{what} is not rendered by the pipeline here: its words are kept "
                          f"{'as a paragraph' if block else 'as plain text'}; "
                          "encode it with the elements the schema allows (see edition validate's messages)")
        if block:
            words = " ".join("".join(child.itertext()).split())
            if words:
                paragraph = etree.Element(f"{T}p")
                paragraph.text = words
                paragraph.tail = child.tail
                element.replace(child, paragraph)
                index += 1
            else:
                _remove(child)
        else:
            _unwrap(child)  # its children now stand at ``index``, to be judged here


def _remove(element: etree._Element) -> None:
    """Remove ``element`` and what it holds, keeping its tail."""
    _unwrap(element, keep_text=False)


def _external(element: etree._Element) -> bool:
    return any(not t.startswith("#") for t in (element.get("target") or "").split())


def _attributes(element: etree._Element, allowed, report) -> None:
    for clark, value in list(element.attrib.items()):
        key = attribute_key(element, clark)
        values = allowed.attributes.get(key)
        if key == "xml:id":
            continue  # checked with the identifiers, whose pointers follow a rename
        if values is None or not values.accepts(value):
            local = etree.QName(element).localname
            reason = "is not an attribute the pipeline knows here" if values is None else f"must be {values.describe()}"
            if not (local == "div" and key == "type"):  # a division's type is settled in _divisions
                report(element, f"@{key}=\"{value}\" of <{local}> is left out: it {reason}")
                del element.attrib[clark]


def _unwrap(element: etree._Element, keep_text: bool = True) -> None:
    """Remove ``element``, keeping its text and children in its place (its tail always)."""
    parent = element.getparent()
    index = parent.index(element)
    text = (element.text or "") if keep_text else ""
    children = list(element) if keep_text else []
    tail = element.tail or ""
    if index:
        before = parent[index - 1]
        before.tail = (before.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
    parent.remove(element)
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)
    if children:
        children[-1].tail = (children[-1].tail or "") + tail
    elif index:
        parent[index - 1].tail = (parent[index - 1].tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail


def _quotation_marks(part: etree._Element, report) -> None:
    """Quotation marks typed in the text become ``<q>`` where they pair within one run of text (as in a plain
    text, :mod:`edition.start.textimport`); one that pairs with nothing is reported."""
    for element in list(part.iter(etree.Element)):
        for in_tail in (False, True):
            value = element.tail if in_tail else element.text
            if not value or not any(mark in value for mark in DOUBLE_MARKS):
                continue
            parts, unpaired = pair_quotations(value, 1)
            holder = etree.Element(f"{T}x")
            fill(holder, parts)
            for _line, _column, mark in unpaired:
                report(element, f"quotation mark {mark} {'after' if in_tail else 'in'} <{etree.QName(element).localname}> "
                                "pairs with no other: mark the quotation up (q, said, quote, soCalled or mentioned, "
                                "with its marks in @rendition) or delete the mark")
            if in_tail:
                element.tail = holder.text
                parent, at = element.getparent(), element.getparent().index(element) + 1
            else:
                element.text = holder.text
                parent, at = element, 0
            for offset, child in enumerate(list(holder)):
                parent.insert(at + offset, child)


def _divisions(part: etree._Element, report, ids: Identifiers) -> None:
    """Every division has a type the pipeline renders; paragraphs straight in the body go into a division."""
    for div in part.iter(f"{T}div"):
        if div.get("type") not in ("introduction", "section", "comments", "comment"):
            if div.get("type"):
                report(div, f"division type \"{div.get('type')}\" is rendered as a {DIVISION}")
            div.set("type", DIVISION)
    loose = [child for child in part if child.tag != f"{T}div"]
    if loose and part.tag == f"{T}body":
        div = etree.Element(f"{T}div", type=DIVISION)
        part.insert(part.index(loose[0]), div)
        div.extend(loose)
    for div in part.iter(f"{T}div"):
        if not any(child.tag in (f"{T}p", f"{T}div") for child in div):
            report(div, "a division with no paragraph is left out (the pipeline cites divisions by their paragraphs)")
            div.getparent().remove(div)


#: Attributes that point at identifiers (``#id``) in the edition's schema.
POINTERS = ("target", "ref", "corresp", "who", "source", "rendition", "resp")


def _identifiers(text: etree._Element, ids: Identifiers, report, header_ids: set[str] = frozenset()) -> None:
    """Every division and paragraph gets an identifier the schema accepts; one it refuses is replaced (or, on
    another element, left out), and a pointer to it is left out."""
    refused: set[str] = set()
    renamed: dict[str, str] = {}
    for element in text.iter(etree.Element):
        old = element.get(XML_ID)
        if old and re.fullmatch(r"[a-z][a-z0-9\-]*", old):
            ids.taken.add(old)
        elif old:
            refused.add(old)
    for element in text.iter(etree.Element):
        old = element.get(XML_ID)
        if old in refused:
            del element.attrib[XML_ID]
        if element.tag not in (f"{T}div", f"{T}p"):
            if old in refused:
                report(element, f"identifier '{old}' is left out: an identifier is lower-case letters, digits and hyphens")
            continue
        if element.get(XML_ID):
            continue
        if element.tag == f"{T}div":
            head = element.find(f"{T}head")
            new = ids.section(head.xpath("string()") if head is not None else "", fallback=DIVISION)
        else:
            new = ids.paragraph(element.xpath("string()"))
        element.set(XML_ID, new)
        if old:
            renamed.setdefault(old, new)
            report(element, f"identifier '{old}' is replaced by '{new}': an identifier is lower-case letters, digits "
                            "and hyphens, made from the opening words (README, Stable identifiers); pointers to it follow")
    for element in text.iter(etree.Element):  # pointers follow their target's new identifier
        for attribute in POINTERS:
            value = element.get(attribute)
            if value and any(t[1:] in renamed for t in value.split() if t.startswith("#")):
                element.set(attribute, " ".join(f"#{renamed[t[1:]]}" if t[1:] in renamed else t for t in value.split()))
    present = {e.get(XML_ID) for e in text.iter(etree.Element) if e.get(XML_ID)} | set(header_ids)
    for element in text.iter(etree.Element):
        for attribute in POINTERS:
            value = element.get(attribute)
            missing = [t for t in (value or "").split() if t.startswith("#") and t[1:] not in present]
            if missing:
                report(element, f"@{attribute}=\"{value}\" points at {', '.join(missing)}, which the edition does not "
                                "hold (another file of the other project, or its header): left out; add the entry to the "
                                "edition's registers and point at it again")
                del element.attrib[attribute]
