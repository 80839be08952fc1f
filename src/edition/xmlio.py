"""Safe XML parsing and located problems.

Every TEI file is parsed here and nowhere else, with one parser configuration:
no DTD is loaded, no entity is resolved or expanded, nothing is fetched from the
network. A document type declaration is refused before libxml2 sees it (libxml2
would otherwise open an external DTD or parameter entity even with DTD loading
off), so neither XXE nor entity expansion ("billion laughs") can reach the
edition. XInclude is never processed (lxml only does so on ``xinclude()``, which
we never call) and an ``xi:include`` element is refused with a message.

Limits: a TEI file may have at most ``MAX_FILE_BYTES`` bytes; libxml2's own
limits stay on (``huge_tree=False``: at most 256 levels of nesting, 10 MB per
text node), and hitting one is reported in an editor's words.

Encodings: UTF-8 (with or without a byte-order mark), and UTF-16 with a
byte-order mark, as the XML specification requires of every processor. A UTF-16
file is turned into UTF-8 first, so lines and columns are counted in characters
either way.

>>> tree = parse_bytes(b'<TEI xmlns="http://www.tei-c.org/ns/1.0"/>', "x.xml")
>>> tree.getroot().tag
'{http://www.tei-c.org/ns/1.0}TEI'
"""
from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from .errors import EditionError, Problem

__all__ = ["EditionError", "Problem", "MAX_FILE_BYTES", "safe_parser", "parse_bytes", "parse_file", "read_tei", "decode",
           "byte_position"]

#: Larger TEI files than this are refused before parsing (the text is ~0.5 MB).
MAX_FILE_BYTES = 20 * 1024 * 1024

XINCLUDE_NS = "http://www.w3.org/2001/XInclude"

# What may precede the root element: whitespace, the XML declaration, comments, processing instructions.
_PROLOG_ITEM = re.compile(rb"\s+|<\?.*?\?>|<!--.*?-->", re.DOTALL)


def safe_parser() -> etree.XMLParser:
    """The one parser configuration used for all TEI input."""
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        dtd_validation=False,
        no_network=True,
        huge_tree=False,
        remove_comments=False,
        remove_pis=False,
        collect_ids=False,
    )


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_ENCODING_DECLARATION = re.compile(r"""\A(<\?xml[^>]*?\sencoding\s*=\s*)(["'])[^"']*\2""")


def decode(data: bytes, name: str) -> str:
    """The text of an XML file: UTF-8, or UTF-16 with a byte-order mark; located error otherwise."""
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise EditionError(Problem(name, 1, 1, f"the file starts as UTF-16 but byte {err.start} is not UTF-16; "
                                       "save it as UTF-8")) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line, column = byte_position(data, err.start)
        raise EditionError(Problem(name, line, column, f"the file is not valid UTF-8 (byte 0x{data[err.start]:02x}); "
                                   "save it as UTF-8")) from None


def byte_position(data: bytes, offset: int) -> tuple[int, int]:
    """Line and column (in characters) of a byte offset."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    return data.count(b"\n", 0, offset) + 1, len(data[line_start:offset].decode("utf-8", "replace")) + 1


def parse_bytes(data: bytes, name: str) -> etree._ElementTree:
    """Parse ``data`` (named ``name`` in messages) safely; raise :class:`EditionError` if it is not acceptable."""
    return _parse(_as_utf8(data, name), name)


def _as_utf8(data: bytes, name: str) -> bytes:
    """The file's bytes in UTF-8 without a byte-order mark, after the checks that need no parser."""
    if not data.strip():
        raise EditionError(Problem(name, 1, 1, "the file is empty: a TEI document is expected"))
    if b"\x00" in data[:4096] and not data.startswith(_UTF16_BOMS):
        raise EditionError(Problem(name, 1, 1, "this is a binary file, not an XML document"))
    if len(data) > MAX_FILE_BYTES:
        raise EditionError(Problem(name, 1, 1, f"the file is {len(data):,} bytes; the limit for a TEI file is {MAX_FILE_BYTES:,} bytes"))
    if data.startswith(_UTF16_BOMS):
        text = decode(data, name)
        return _ENCODING_DECLARATION.sub(r"\1\2UTF-8\2", text, count=1).encode("utf-8")
    decode(data, name)
    return data[3:] if data.startswith(b"\xef\xbb\xbf") else data


def _parse(data: bytes, name: str) -> etree._ElementTree:
    _refuse_doctype(data, name)
    try:
        tree = etree.fromstring(data, safe_parser(), base_url=None).getroottree()
    except etree.XMLSyntaxError as err:
        line, column = err.position if err.position else (1, 1)
        raise EditionError(Problem(name, line or 1, _character_column(data, line, column),
                                   f"not well-formed XML: {_plain(err.msg)}")) from None
    if tree.docinfo.doctype:
        raise EditionError(Problem(name, 1, 1, "a DOCTYPE declaration is not allowed: the edition never loads DTDs or entities"))
    for entity in tree.iter(etree.Entity):  # unexpanded entity references left in the tree
        raise EditionError(Problem(name, entity.sourceline or 1, 1, f"entity reference {entity.text} is not allowed"))
    for include in tree.iter(f"{{{XINCLUDE_NS}}}*"):
        raise EditionError(Problem(name, include.sourceline or 1, 1,
                                   "XInclude is not allowed: the edition never includes other files; copy the text in"))
    return tree


def _character_column(data: bytes, line: int | None, column: int | None) -> int:
    """libxml2 counts columns in bytes; an editor counts characters."""
    if not line or not column:
        return 1
    start = 0
    for _ in range(line - 1):
        start = data.find(b"\n", start) + 1
        if start == 0:
            return column
    return len(data[start:start + column - 1].decode("utf-8", "replace")) + 1


def _refuse_doctype(data: bytes, name: str) -> None:
    """Refuse a DOCTYPE in the prolog, located, before any parser can act on it."""
    position = 0
    while match := _PROLOG_ITEM.match(data, position):
        position = match.end()
    if data.startswith(b"<!DOCTYPE", position):
        line, column = byte_position(data, position)
        raise EditionError(Problem(name, line, column, "a DOCTYPE declaration is not allowed: the edition never "
                                   "loads DTDs or entities; remove the <!DOCTYPE …> line"))


def parse_file(path: str | Path, name: str | None = None) -> etree._ElementTree:
    """Read and parse a TEI file safely (``name``: how messages call it; default the path as given)."""
    return read_tei(path, name)[0]


def read_tei(path: str | Path, name: str | None = None) -> tuple[etree._ElementTree, str]:
    """Read and parse a TEI file safely; also return its text (UTF-8 or UTF-16), for columns in messages."""
    path = Path(path)
    name = name or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise EditionError(Problem(name, 1, 1, f"the file is {size:,} bytes; the limit for a TEI file is {MAX_FILE_BYTES:,} bytes"))
        data = path.read_bytes()
    except OSError as err:
        raise EditionError(Problem(name, 1, 1, f"cannot read the file: {err.strerror}")) from None
    utf8 = _as_utf8(data, name)
    return _parse(utf8, name), utf8.decode("utf-8")


# libxml2's commonest complaints, in an editor's words (anything else is passed on as it is).
_EDITOR_WORDS = [
    (r"Opening and ending tag mismatch: (\S+) line (\d+) and (\S+)", r"<\1> (opened on line \2) is closed by </\3>"),
    (r"Premature end of data in tag (\S+) line (\d+)", r"the file ends before <\1> (opened on line \2) is closed"),
    (r"xmlParseEntityRef: no name", "a bare '&': write &amp; for an ampersand"),
    (r"Entity '(.+)' not defined", r"&\1; is not an XML entity: type the character itself (the file is UTF-8)"),
    (r"Start tag expected, '<' not found", "no XML element found: a TEI file starts with <TEI …> (nothing may come before it)"),
    (r"Extra content at the end of the document", "something follows the end of the root element"),
    (r"Unescaped '<' not allowed in attributes values", "an attribute value is not closed (a quotation mark is missing) or contains '<'"),
    (r"Couldn't find end of Start Tag (\S+)", r"the start tag <\1> is not closed with '>'"),
    (r"Document is empty", "the file holds no XML element"),
    (r"Excessive depth in document: (\d+).*", r"the elements are nested more than \1 levels deep here; "
     "a TEI file of the edition never needs that many: look for start tags that are never closed"),
]


def _plain(msg: str) -> str:
    """libxml2's message without its trailing position, in an editor's words where we know them."""
    msg = re.sub(r", line \d+, column \d+$", "", msg.strip()).split("\n")[0].rstrip(": ")
    for pattern, words in _EDITOR_WORDS:
        if re.match(pattern, msg):
            return re.sub(pattern, words, msg)
    return msg[0].lower() + msg[1:] if msg else msg
