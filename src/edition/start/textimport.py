"""Plain text or Markdown into the TEI of a text: divisions, headings, paragraphs, quotations.

Paragraphs are separated by blank lines; a Markdown heading (``#`` to ``######``) opens a division at
its level; a ``>`` block is a quotation set apart (one paragraph per block of it). Headings of every level open divisions side by side
(the edition cites sections and their paragraphs, one level deep). The edition keeps no
quotation mark as a character: marks that pair (straight or curly, double, and single ones at word
boundaries) become ``<q>`` with the marks recorded as renditions (``#open-straight #close-straight``…),
so the diplomatic text restores them; a double mark that pairs with nothing stays in the text and is
reported at its line, for the editor to decide. Every division and paragraph gets an identifier by the
edition's rule (:mod:`edition.start.identifiers`).

>>> body, notes = text_to_body('He said "no".\\n', "x.txt", Identifiers())
>>> etree.tostring(body[0][0], encoding="unicode")  # doctest: +ELLIPSIS
'<p xmlns="http://www.tei-c.org/ns/1.0" xml:id="p-said-no">He said <q rendition="#open-straight #close-straight">no</q>.</p>'
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..errors import EditionError, Problem
from .identifiers import Identifiers
from ..project import TEI_NS, XML_ID
from ..xmlio import decode

T = f"{{{TEI_NS}}}"

#: Each quotation mark, the rendition recording it (declared in the header by edition.start.scaffold).
RENDITIONS = {("open", '"'): "open-straight", ("close", '"'): "close-straight",
              ("open", "“"): "open-curly", ("close", "”"): "close-curly",
              ("open", "'"): "open-single", ("close", "'"): "close-single",
              ("open", "‘"): "open-single", ("close", "’"): "close-single"}
#: The rendition of a quotation the source sets apart without marks (a ``>`` block).
UNMARKED = "unmarked"
#: Marks the edition forbids in its text (the Schematron's rule): an unpaired one is reported.
DOUBLE_MARKS = '"“”'
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
QUOTE_LINE = re.compile(r"^\s{0,3}>\s?(.*)$")


@dataclass
class Block:
    kind: str          # "heading", "paragraph" or "quotation"
    text: str          # lines joined by "\n" (one character each, so offsets still give lines)
    line: int          # line of the file where it starts
    level: int = 0
    indents: list[int] = field(default_factory=list)  # per line: characters of the file's line before the text

    def add(self, raw: str, part: str) -> None:
        self.text = f"{self.text}\n{part}" if self.indents else part
        self.indents.append(raw.index(part) if part else 0)


@dataclass
class Quotation:
    opening: str
    line: int
    column: int = 1
    parts: list = field(default_factory=list)
    closing: str = ""


def read_text(path: Path, name: str | None = None) -> str:
    """The file's text (UTF-8, with or without a byte-order mark, or UTF-16 with one); a located EditionError otherwise."""
    name = name or str(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise EditionError(Problem(name, 0, 0, f"cannot read the file: {err.strerror or err}")) from None
    return decode(data, name)  # UTF-8, or UTF-16 with its byte-order mark, as for the TEI files


def blocks(text: str) -> list[Block]:
    """Headings, paragraphs and quotations, each with the line it starts on."""
    found: list[Block] = []
    current: Block | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip()
        heading, quoted = HEADING.match(line), QUOTE_LINE.match(line)
        if not line.strip():
            current = None
        elif heading:
            found.append(Block("heading", "", number, len(heading[1])))
            found[-1].add(raw, heading[2])
            current = None
        elif quoted:
            if not quoted[1].strip():
                current = None
                continue
            if current is None or current.kind != "quotation":
                current = Block("quotation", "", number)
                found.append(current)
            current.add(raw, quoted[1].strip())
        else:
            if current is None or current.kind != "paragraph":
                current = Block("paragraph", "", number)
                found.append(current)
            current.add(raw, line.strip())
    return found


def _mark_role(text: str, i: int, open_stack: list) -> str | None:
    """Whether the mark at ``text[i]`` opens, closes, or (a single straight mark inside a word) is an apostrophe."""
    mark = text[i]
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    top = open_stack[-1].opening if open_stack else None
    if mark == '"':
        return "close" if top == '"' else "open"
    if mark in "“‘":
        return "open"
    if mark == "”":
        return "close" if top == "“" else None
    if mark == "’":
        return "close" if top == "‘" and not after.isalnum() else None  # else an apostrophe: don't
    # a straight single mark: a quotation only at word boundaries, else an apostrophe
    if top == "'" and not before.isspace() and not after.isalnum():
        return "close"
    if (before.isspace() or before in "([{—–-\"“") and after.isalnum():
        return "open"
    return None


def _position(text: str, offset: int, first_line: int, indents: list[int]) -> tuple[int, int]:
    """Line and column in the file of ``text[offset]``, a character of a block starting at ``first_line``."""
    index = text.count("\n", 0, offset)
    indent = indents[index] if index < len(indents) else 0
    return first_line + index, offset - (text.rfind("\n", 0, offset) + 1) + 1 + indent


def pair_quotations(text: str, first_line: int, indents: list[int] = ()) -> tuple[list, list[tuple[int, int, str]]]:
    """The text as a list of strings and :class:`Quotation`s, and the unpaired double marks (line, column, mark)."""
    root = Quotation("", first_line)
    stack: list[Quotation] = []
    current = root
    buffer = ""
    unpaired: list[tuple[int, str]] = []
    for i, char in enumerate(text):
        role = _mark_role(text, i, stack) if char in "\"'“”‘’" else None
        if role is None:
            if char in DOUBLE_MARKS:  # a closing mark with no opening
                unpaired.append((*_position(text, i, first_line, indents), char))
            buffer += char
            continue
        current.parts.append(buffer)
        buffer = ""
        if role == "open":
            quotation = Quotation(char, *_position(text, i, first_line, indents))
            current.parts.append(quotation)
            stack.append(quotation)
            current = quotation
        else:
            current.closing = char
            stack.pop()
            current = stack[-1] if stack else root
    current.parts.append(buffer)
    for quotation in reversed(stack):  # never closed: the mark goes back into the text as it stood
        if quotation.opening in DOUBLE_MARKS:
            unpaired.append((quotation.line, quotation.column, quotation.opening))
        _unwrap(quotation)
    return root.parts, sorted(unpaired)


def _unwrap(quotation: Quotation) -> None:
    """A quotation never closed becomes its opening mark and its contents again, in its parent."""
    quotation.parts.insert(0, quotation.opening)
    quotation.opening = ""


def fill(element: etree._Element, parts: list) -> None:
    """Append strings and quotations to ``element`` as text and ``<q>`` children."""
    for part in parts:
        if isinstance(part, str):
            _append_text(element, part.replace("\n", " "))
        elif not part.opening:  # unwrapped: its parts belong to the parent
            fill(element, part.parts)
        else:
            q = etree.SubElement(element, f"{T}q")
            q.set("rendition", f"#{RENDITIONS['open', part.opening]} #{RENDITIONS['close', part.closing]}")
            fill(q, part.parts)


def _append_text(element: etree._Element, text: str) -> None:
    if len(element):
        element[-1].tail = (element[-1].tail or "") + text
    else:
        element.text = (element.text or "") + text


def text_to_body(text: str, name: str, ids: Identifiers, title: str = "") -> tuple[etree._Element, list[Problem]]:
    """The TEI ``<body>`` of a plain or Markdown text, and the warnings (unpaired quotation marks).

    A heading with nothing under it, or a text without a paragraph, is an :class:`EditionError` at its line.
    """
    found = blocks(text)
    if not any(b.kind != "heading" for b in found):
        raise EditionError(Problem(name, 1, 1, "the file holds no paragraph of text (paragraphs are separated by blank lines)"))
    body = etree.Element(f"{T}body", nsmap={None: TEI_NS})
    warnings: list[Problem] = []
    stack: list[tuple[int, etree._Element, Block | None]] = []
    headed: list[tuple[Block, etree._Element]] = []

    def contents(block: Block, element: etree._Element) -> None:
        parts, unpaired = pair_quotations(block.text, block.line, block.indents)
        fill(element, parts)
        warnings.extend(Problem(name, line, column, f"quotation mark {mark} pairs with no other: mark the quotation up "
                                f"(q, said, quote, soCalled or mentioned, with its marks in @rendition) or delete the mark",
                                warning=True) for line, column, mark in unpaired)

    def container(block: Block) -> etree._Element:
        if stack:
            return stack[-1][1]
        headed = any(b.kind == "heading" for b in found)
        div = etree.SubElement(body, f"{T}div", type="introduction" if headed else "section")
        div.set(XML_ID, ids.section("introduction" if headed else title, fallback="text"))
        stack.append((0, div, None))
        return div

    for block in found:
        if block.kind == "heading":
            stack.clear()
            div = etree.SubElement(body, f"{T}div", type="section")
            div.set(XML_ID, ids.section(block.text))
            contents(block, etree.SubElement(div, f"{T}head"))
            stack.append((block.level, div, block))
            headed.append((block, div))
            continue
        p = etree.SubElement(container(block), f"{T}p")
        p.set(XML_ID, ids.paragraph(block.text))
        if block.kind == "quotation":
            quote = etree.SubElement(p, f"{T}quote", rendition=f"#{UNMARKED}")
            contents(block, quote)
        else:
            contents(block, p)
    empty = [block for block, div in headed if len(div) == 1]  # the head alone: a division needs a paragraph
    if empty:
        raise EditionError([Problem(name, b.line, 1, f"the heading '{b.text}' has no paragraph under it: add its text, "
                                    "or remove the heading") for b in empty])
    return body, warnings

