"""Exact places in the files an editor typed: start tags, attributes, characters.

libxml2 knows the line of an element, not its column, and the Schematron runs on
the assembled edition (essay and registers in one document). This module finds,
in the text of the file where the element was typed, the column of its start
tag, of one of its attributes, or of a character of its text.

The text is scanned once for markup: every ``<`` in an XML file starts markup,
so the n-th start tag of the text is the n-th element of the parsed tree.

>>> text = Text('<a>\\n  <b x="1"/>\\n</a>')
>>> tree = etree.fromstring(text.text.encode()).getroottree()
>>> text.element(tree, tree.getroot()[0])
(2, 3)
>>> text.attribute(tree, tree.getroot()[0], "x")
(2, 6)
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from lxml import etree

from ..errors import Problem

_MARKUP = re.compile(r"""<!--.*?-->|<\?.*?\?>|<!\[CDATA\[.*?\]\]>|<![^>]*>|</[^>]*>|<[^\s/>!?][^\s/>]*(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(/?)>""", re.S)
_ATTRIBUTE = re.compile(r"""\s([^\s=/>]+)\s*=\s*("[^"]*"|'[^']*')""")
_REFERENCE = re.compile(r"&[^;\s]*;")


class Text:
    """One file's text, with the offsets of its start and end tags (scanned on first use)."""

    def __init__(self, text: str):
        self.text = text
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self._starts: list[tuple[int, int]] | None = None  # (offset of '<', offset after '>') per element
        self._ends: list[int] = []  # offset after the element's end tag
        self._indexes: dict[int, dict] = {}

    def position(self, offset: int) -> tuple[int, int]:
        """Line and column (1-based, in characters) of an offset."""
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def _scan(self) -> None:
        starts, ends, open_ = [], [], []
        for match in _MARKUP.finditer(self.text):
            token = match.group()
            if token.startswith("</"):
                if open_:
                    ends[open_.pop()] = match.end()
            elif not token.startswith(("<!", "<?")):
                starts.append((match.start(), match.end()))
                ends.append(match.end())
                if not match.group(1):
                    open_.append(len(starts) - 1)
        self._starts, self._ends = starts, ends

    def _index(self, tree: etree._ElementTree, element: etree._Element) -> int | None:
        """The element's position among the elements of ``tree``, in document order."""
        indexes = self._indexes.get(id(tree))
        if indexes is None:
            elements = list(tree.iter(etree.Element))
            # The list keeps every proxy alive, so lxml hands out the same objects (and identities) later.
            indexes = {"elements": elements, "index": {id(e): i for i, e in enumerate(elements)}}
            self._indexes[id(tree)] = indexes
        return indexes["index"].get(id(element))

    def _span(self, tree, element) -> tuple[int, int] | None:
        if self._starts is None:
            self._scan()
        index = self._index(tree, element)
        if index is None or index >= len(self._starts):
            return None
        return self._starts[index]

    def element(self, tree: etree._ElementTree, element: etree._Element) -> tuple[int, int]:
        """Line and column of the element's start tag ('<')."""
        span = self._span(tree, element)
        if span is None:
            return element.sourceline or 1, 1
        return self.position(span[0])

    def attribute(self, tree: etree._ElementTree, element: etree._Element, name: str) -> tuple[int, int]:
        """Line and column of attribute ``name`` (Clark notation for a namespace) in the element's start tag."""
        span = self._span(tree, element)
        if span is None:
            return element.sourceline or 1, 1
        wanted = etree.QName(name)
        for match in _ATTRIBUTE.finditer(self.text, span[0], span[1]):
            prefix, _, local = match.group(1).rpartition(":")
            if local != wanted.localname:
                continue
            namespace = "http://www.w3.org/XML/1998/namespace" if prefix == "xml" else (element.nsmap.get(prefix) if prefix else None)
            if namespace == wanted.namespace:
                return self.position(match.start(1))
        return self.position(span[0])

    def character(self, tree: etree._ElementTree, element: etree._Element, in_tail: bool, offset: int) -> tuple[int, int]:
        """Line and column of character ``offset`` of the element's text (or, ``in_tail``, of the text after it)."""
        span = self._span(tree, element)
        if span is None:
            return element.sourceline or 1, 1
        index = self._index(tree, element)
        position = self._ends[index] if in_tail else span[1]
        for _ in range(offset):  # an entity or character reference is one character of the parsed text
            reference = _REFERENCE.match(self.text, position)
            position = reference.end() if reference else position + 1
        return self.position(min(position, len(self.text)))


@dataclass
class Located:
    """A file, its parsed tree and its text: where problems in it are placed."""

    name: str
    tree: etree._ElementTree
    text: Text

    def at_element(self, element, message: str, **kw) -> Problem:
        return Problem(self.name, *self.text.element(self.tree, element), message, **kw)

    def at_attribute(self, element, name: str, message: str, **kw) -> Problem:
        return Problem(self.name, *self.text.attribute(self.tree, element, name), message, **kw)

    def at_character(self, element, in_tail: bool, offset: int, message: str, **kw) -> Problem:
        return Problem(self.name, *self.text.character(self.tree, element, in_tail, offset), message, **kw)


@dataclass
class Assembly:
    """From an element of the assembled edition to the same element in the file where it was typed."""

    document: etree._ElementTree
    files: dict[int, tuple[Located, etree._Element]] = field(default_factory=dict)
    _keep: list = field(default_factory=list)

    def add_pairs(self, located: Located, copies: list, originals: list) -> None:
        """Pair elements of the assembled document with those they were copied from (same order)."""
        for copy, original in zip(copies, originals):
            self.files[id(copy)] = (located, original)
        self.keep(copies)

    def keep(self, elements: list) -> None:
        """Keep the proxies alive, so that lxml hands out the same objects (and identities) later."""
        self._keep.extend(elements)

    def origin(self, element: etree._Element) -> tuple[Located, etree._Element] | None:
        return self.files.get(id(element))
