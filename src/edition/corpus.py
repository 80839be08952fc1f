"""Load the edition: the text and its registers, assembled into one document.

Registers are kept one TEI file per kind under ``edition/registers/``. For
validation of pointers and for every output they are assembled into the text's
``standOff`` (a copy; the files are untouched), so that ``@ref="#zhengzhou"`` is
an ordinary same-document pointer. Every element of the assembled document can
still be traced back to the file and line it came from, for messages.

>>> edition = load_edition(Project(Path(".")))          # doctest: +SKIP
>>> edition.element("p-every-class-stratum").sourceline  # doctest: +SKIP
"""
from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from lxml import etree

from .project import NS, Project, TEI_NS, XML_ID, display_name
from .xmlio import EditionError, Problem, read_tei

T = TypeVar("T")


@dataclass
class Source:
    """One parsed TEI file with its text lines (for column numbers in messages)."""

    path: Path
    name: str
    tree: etree._ElementTree
    lines: list[str]

    @classmethod
    def read(cls, path: Path, root: Path | None = None) -> "Source":
        name = display_name(path, root)
        tree, text = read_tei(path, name)  # UTF-8 or UTF-16; messages name the file as the validator does
        return cls(path, name, tree, text.splitlines())

    def locate(self, element: etree._Element, message: str) -> Problem:
        """A problem at ``element``'s start tag in this file."""
        line = element.sourceline or 1
        column = 1
        if 0 < line <= len(self.lines):
            qname = etree.QName(element)
            tag = f"<{element.prefix}:{qname.localname}" if element.prefix else f"<{qname.localname}"
            index = self.lines[line - 1].find(tag)
            column = index + 1 if index >= 0 else 1
        return Problem(self.name, line, column, message)




@dataclass
class Edition:
    """The essay and its registers, assembled."""

    main: Source
    registers: list[Source]
    document: etree._ElementTree = field(init=False)
    _origins: list[Source] = field(init=False, default_factory=list)

    def __post_init__(self) -> None:
        self.document = copy.deepcopy(self.main.tree)
        root = self.document.getroot()
        stand_off = etree.Element(f"{{{TEI_NS}}}standOff")
        stand_off.set("type", "registers")
        for register in self.registers:
            for listing in register.tree.xpath("/t:TEI/t:text/t:body/*", namespaces=NS):
                stand_off.append(copy.deepcopy(listing))
                self._origins.append(register)
        if len(stand_off):
            header = root.find(f"{{{TEI_NS}}}teiHeader")
            if header is not None:
                header.addnext(stand_off)
            else:
                root.insert(0, stand_off)

    def origin(self, element: etree._Element) -> Source:
        """The file an element of the assembled document comes from."""
        for ancestor in element.iterancestors():
            parent = ancestor.getparent()
            if parent is not None and etree.QName(parent).localname == "standOff" and parent.get("type") == "registers":
                return self._origins[parent.index(ancestor)]
        if etree.QName(element).localname == "standOff":
            return self.main
        parent = element.getparent()
        if parent is not None and etree.QName(parent).localname == "standOff" and parent.get("type") == "registers":
            return self._origins[parent.index(element)]
        return self.main

    def locate(self, element: etree._Element, message: str) -> Problem:
        return self.origin(element).locate(element, message)

    def ids(self) -> dict[str, etree._Element]:
        """Every ``xml:id`` of the assembled edition (first occurrence wins)."""
        found: dict[str, etree._Element] = {}
        for element in self.document.iter():
            if isinstance(element.tag, str) and (value := element.get(XML_ID)):
                found.setdefault(value, element)
        return found

    def element(self, xml_id: str) -> etree._Element | None:
        hits = self.document.xpath("//*[@xml:id=$id]", id=xml_id)
        return hits[0] if hits else None

    def serialize(self) -> bytes:
        """The assembled document as bytes, for Saxon (which never parses files itself)."""
        return etree.tostring(self.document, encoding="UTF-8", xml_declaration=True)


def read_sources(paths: list[Path], root: Path | None, read: Callable[[Path, Path | None], T] = Source.read,
                 ) -> tuple[list[T], list[Problem]]:
    """Parse every path with ``read`` (default :meth:`Source.read`), collecting problems instead of stopping at the first."""
    sources, problems = [], []
    for path in paths:
        try:
            sources.append(read(path, root))
        except EditionError as err:
            problems.extend(err.problems)
    return sources, problems


def load_edition(project: Project) -> Edition:
    """Parse and assemble the project's edition; raise :class:`EditionError` if a file cannot be read."""
    if not project.main_document.exists():
        raise EditionError(Problem(str(project.main_document), 1, 1, "the text's TEI file is missing"))
    sources, problems = read_sources(project.tei_files(), project.root)
    if problems:
        raise EditionError(problems)
    return Edition(sources[0], sources[1:])


def edition_id(edition: etree._Element | etree._ElementTree) -> str:
    """The edition's identifier, which names its download files: the header's ``idno type="edition"``, else "edition".

    >>> edition_id(load_edition(project).document)   # doctest: +SKIP
    'lincoln-address'
    """
    ids = edition.xpath("/t:TEI/t:teiHeader/t:fileDesc/t:publicationStmt/t:idno[@type='edition']/text()", namespaces=NS)
    return (ids[0].strip() if ids else "") or "edition"
