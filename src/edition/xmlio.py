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
text node).

>>> tree = parse_bytes(b'<TEI xmlns="http://www.tei-c.org/ns/1.0"/>', "x.xml")
>>> tree.getroot().tag
'{http://www.tei-c.org/ns/1.0}TEI'
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

#: Larger TEI files than this are refused before parsing (the essay is ~0.5 MB).
MAX_FILE_BYTES = 20 * 1024 * 1024

XINCLUDE_NS = "http://www.w3.org/2001/XInclude"

# What may precede the root element: whitespace, the XML declaration, comments, processing instructions.
_PROLOG_ITEM = re.compile(rb"\s+|<\?.*?\?>|<!--.*?-->", re.DOTALL)


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, located for an editor: ``file:line:col: message``."""

    file: str
    line: int
    column: int
    message: str
    #: A warning is reported but does not make the edition invalid.
    warning: bool = field(default=False, compare=False)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


class EditionError(Exception):
    """Invalid input or a failed step; carries every problem found."""

    def __init__(self, problems: list[Problem] | Problem | str):
        if isinstance(problems, (Problem, str)):
            problems = [problems]
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


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


def parse_bytes(data: bytes, name: str) -> etree._ElementTree:
    """Parse ``data`` (named ``name`` in messages) safely; raise :class:`EditionError` if it is not acceptable."""
    if not data.strip():
        raise EditionError(Problem(name, 1, 1, "the file is empty: a TEI document is expected"))
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise EditionError(Problem(name, 1, 1, "this is a binary file, not an XML document"))
    if len(data) > MAX_FILE_BYTES:
        raise EditionError(Problem(name, 1, 1, f"the file is {len(data):,} bytes; the limit for a TEI file is {MAX_FILE_BYTES:,} bytes"))
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        column = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        raise EditionError(Problem(name, line, column, f"the file is not valid UTF-8 (byte 0x{data[err.start]:02x}); save it as UTF-8")) from None
    _refuse_doctype(data, name)
    try:
        tree = etree.fromstring(data, safe_parser(), base_url=None).getroottree()
    except etree.XMLSyntaxError as err:
        line, column = err.position if err.position else (1, 1)
        raise EditionError(Problem(name, line or 1, column or 1, f"not well-formed XML: {_plain(err.msg)}")) from None
    if tree.docinfo.doctype:
        raise EditionError(Problem(name, 1, 1, "a DOCTYPE declaration is not allowed: the edition never loads DTDs or entities"))
    for entity in tree.iter(etree.Entity):  # unexpanded entity references left in the tree
        raise EditionError(Problem(name, entity.sourceline or 1, 1, f"entity reference {entity.text} is not allowed"))
    for include in tree.iter(f"{{{XINCLUDE_NS}}}*"):
        raise EditionError(Problem(name, include.sourceline or 1, 1,
                                   "XInclude is not allowed: the edition never includes other files; copy the text in"))
    return tree


def _refuse_doctype(data: bytes, name: str) -> None:
    """Refuse a DOCTYPE in the prolog, located, before any parser can act on it."""
    position = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    while match := _PROLOG_ITEM.match(data, position):
        position = match.end()
    if data.startswith(b"<!DOCTYPE", position):
        line = data.count(b"\n", 0, position) + 1
        column = position - (data.rfind(b"\n", 0, position) + 1) + 1
        raise EditionError(Problem(name, line, column, "a DOCTYPE declaration is not allowed: the edition never "
                                   "loads DTDs or entities; remove the <!DOCTYPE …> line"))


def parse_file(path: str | Path) -> etree._ElementTree:
    """Read and parse a TEI file safely."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise EditionError(Problem(str(path), 1, 1, f"the file is {size:,} bytes; the limit for a TEI file is {MAX_FILE_BYTES:,} bytes"))
        data = path.read_bytes()
    except OSError as err:
        raise EditionError(Problem(str(path), 1, 1, f"cannot read the file: {err.strerror}")) from None
    return parse_bytes(data, str(path))


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
]


def _plain(msg: str) -> str:
    """libxml2's message without its trailing position, in an editor's words where we know them."""
    msg = re.sub(r", line \d+, column \d+$", "", msg.strip())
    for pattern, words in _EDITOR_WORDS:
        if re.match(pattern, msg):
            return re.sub(pattern, words, msg)
    return msg[0].lower() + msg[1:] if msg else msg
