"""What the RelaxNG schema allows, read from the schema itself, to tell an editor what to write.

libxml2 decides whether a file is valid; its messages say little ("Invalid
attribute when for element date"). This module reads ``edition.rng`` into a
simple model: for each element name, the attributes it may carry (with their
values: a closed list, or a datatype and the documentation that explains it) and
the elements it may contain (the union over every definition of that name). From
it come the messages: the offending token, what is allowed, and a
did-you-mean for near misses.

The model only explains: a finding here is always a real mistake (whatever breaks
the union of the definitions breaks each of them), while the verdict stays
libxml2's.

>>> model = SchemaModel.read(Path("schema/edition.rng"))      # doctest: +SKIP
>>> model.attributes["num"]["type"].describe()               # doctest: +SKIP
'one of "cardinal", "ordinal", "percentage", "fraction"'
"""
from __future__ import annotations

import datetime
import difflib
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

RNG = "http://relaxng.org/ns/structure/1.0"
ANNOTATION = "http://relaxng.org/ns/compatibility/annotations/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"

# XML Schema datatypes, as far as the messages need them (the verdict stays libxml2's).
_LEXICAL = {
    "decimal": r"[+-]?(\d+(\.\d*)?|\.\d+)",
    "integer": r"[+-]?\d+",
    "NCName": r"[^\W\d][\w.\-]*",
    "gYear": r"-?\d{4,}",
    "gYearMonth": r"-?\d{4,}-\d{2}",
    "date": r"-?\d{4,}-\d{2}-\d{2}",
    "gMonthDay": r"--\d{2}-\d{2}",
    "time": r"\d{2}:\d{2}:\d{2}(\.\d+)?",
}


def _datatype_ok(kind: str, value: str) -> bool:
    lexical = _LEXICAL.get(kind)
    if lexical and not re.fullmatch(lexical, value):
        return False
    try:
        if kind == "gYearMonth":
            return 1 <= int(value[-2:]) <= 12
        if kind == "date":
            datetime.date.fromisoformat(value.lstrip("-"))
        if kind == "gMonthDay":
            datetime.date.fromisoformat(f"2000{value[1:]}")
        if kind == "time":
            datetime.time.fromisoformat(value)
    except ValueError:
        return False
    return True


def suggest(word: str, candidates) -> str | None:
    """The closest candidate to a mistyped word (case differences first), or None."""
    candidates = list(candidates)
    for candidate in candidates:
        if candidate.lower() == word.lower() and candidate != word:
            return candidate
    close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.75)
    return close[0] if close else None


@dataclass
class Values:
    """What an attribute's value (or an element's text) may be: a closed list, datatypes, or any text."""

    choices: list[str] = field(default_factory=list)
    datatypes: list[tuple[str, str | None]] = field(default_factory=list)  # (type, pattern)
    any_text: bool = False
    is_list: bool = False
    documentation: str = ""

    def accepts(self, value: str) -> bool:
        tokens = value.split() if self.is_list else [value]
        return bool(tokens) and all(self._token_ok(t) for t in tokens)

    def _token_ok(self, token: str) -> bool:
        if self.any_text or token in self.choices:
            return True
        return any(_datatype_ok(kind, token) and (pattern is None or re.fullmatch(pattern, token))
                   for kind, pattern in self.datatypes)

    def bad_tokens(self, value: str) -> list[str]:
        tokens = value.split() if self.is_list else [value]
        return [t for t in tokens if not self._token_ok(t)] or ([value] if not tokens else [])

    def describe(self) -> str:
        """What is allowed, in words: the schema's documentation, else the list or the pattern."""
        if self.documentation:
            words = self.documentation.rstrip(".")
            return words[0].lower() + words[1:]
        parts = []
        if self.choices:
            # Every allowed value, however many: a message that hides some sends the editor to the schema.
            shown = ", ".join(f'"{c}"' for c in self.choices)
            parts.append(f"one of {shown}" if len(self.choices) > 1 else shown)
        for kind, pattern in self.datatypes:
            parts.append(f"{_TYPE_WORDS.get(kind, kind)}" + (f" matching {pattern}" if pattern else ""))
        if not parts:
            return "text"
        words = " or ".join(parts)
        return f"{words} (several separated by spaces)" if self.is_list else words


_TYPE_WORDS = {"decimal": "a decimal number such as 12 or 3.5 (no commas)", "NCName": "a name (letters, digits, '-', '.')",
               "anyURI": "a URL or pointer", "token": "a word", "string": "text"}


@dataclass
class ElementModel:
    attributes: dict[str, Values] = field(default_factory=dict)  # key: name as typed (xml:id for the xml namespace)
    required: set[str] = field(default_factory=set)  # attributes every definition requires
    children: set[str] = field(default_factory=set)
    documentation: str = ""
    attribute_docs: dict[str, str] = field(default_factory=dict)
    content: list[str] = field(default_factory=list)  # the content model of each definition, in compact syntax
    text: Values | None = None  # a datatype for the element's text (geo, gi)


class SchemaModel:
    """Elements, attributes and values of a RelaxNG schema (the XML syntax trang writes)."""

    def __init__(self, grammar: etree._Element):
        self.defines = {d.get("name"): d for d in grammar.iter(f"{{{RNG}}}define")}
        self.define_docs = {name: _doc(d) for name, d in self.defines.items()}
        self.elements: dict[str, ElementModel] = {}
        for element in grammar.iter(f"{{{RNG}}}element"):
            self._read_element(element)

    @classmethod
    @functools.lru_cache(maxsize=4)
    def read(cls, path: Path) -> "SchemaModel":
        return cls(etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True)).getroot())

    # ---------------------------------------------------------------- reading

    def _read_element(self, element: etree._Element) -> None:
        name = element.get("name")
        if not name:
            return
        model = self.elements.setdefault(name, ElementModel())
        documentation = _doc(element) or self._define_doc_of(element)
        model.documentation = model.documentation or documentation
        attributes: dict[str, tuple[Values, bool, str]] = {}
        self._walk(element, attributes, model.children, required=True, seen=frozenset())
        first_definition = not model.content
        for attribute, (values, required, doc) in attributes.items():
            known = model.attributes.get(attribute)
            if known is None:
                model.attributes[attribute] = values
            else:
                known.choices += [c for c in values.choices if c not in known.choices]
                known.datatypes += [d for d in values.datatypes if d not in known.datatypes]
                known.any_text |= values.any_text
            if doc:
                model.attribute_docs.setdefault(attribute, doc)
        required_here = {a for a, (_, required, _) in attributes.items() if required}
        model.required = required_here if first_definition else model.required & required_here
        model.content.append(self._compact(element, top=True))
        text = self._text_values(element)
        if text is not None:
            model.text = text

    def _define_doc_of(self, element: etree._Element) -> str:
        parent = element.getparent()
        return _doc(parent) if parent is not None and etree.QName(parent).localname == "define" else ""

    def _walk(self, node, attributes, children, required: bool, seen: frozenset) -> None:
        for child in node.iterchildren(etree.Element):
            kind = etree.QName(child).localname
            if etree.QName(child).namespace != RNG:
                continue
            if kind == "element":
                children.add(child.get("name"))
            elif kind == "attribute":
                name = child.get("name")
                values = self._values(child, frozenset())
                doc = _doc(child) or values.documentation
                if name in attributes:  # the same attribute in two branches (a choice of pairs)
                    previous = attributes[name][0]
                    previous.choices += [c for c in values.choices if c not in previous.choices]
                    previous.datatypes += values.datatypes
                    attributes[name] = (previous, attributes[name][1] and required, attributes[name][2] or doc)
                else:
                    attributes[name] = (values, required, doc)
            elif kind == "ref":
                target = child.get("name")
                if target not in seen and target in self.defines:
                    self._walk(self.defines[target], attributes, children, required, seen | {target})
            elif kind in ("optional", "zeroOrMore", "choice"):
                self._walk(child, attributes, children, False, seen)
            elif kind in ("group", "interleave", "oneOrMore", "mixed", "list"):
                self._walk(child, attributes, children, required, seen)

    def _values(self, node, seen: frozenset) -> Values:
        values = Values()
        self._collect_values(node, values, seen)
        if not values.choices and not values.datatypes and not values.is_list:
            values.any_text = True
        return values

    def _collect_values(self, node, values: Values, seen: frozenset) -> None:
        for child in node.iterchildren(etree.Element):
            kind = etree.QName(child).localname
            if etree.QName(child).namespace != RNG:
                continue
            if kind == "value":
                values.choices.append(child.text or "")
            elif kind == "data":
                pattern = child.find(f"{{{RNG}}}param[@name='pattern']")
                values.datatypes.append((child.get("type"), pattern.text if pattern is not None else None))
            elif kind == "text":
                values.any_text = True
            elif kind == "list":
                values.is_list = True
                self._collect_values(child, values, seen)
            elif kind == "ref":
                target = child.get("name")
                if target not in seen and target in self.defines:
                    values.documentation = values.documentation or self.define_docs.get(target, "")
                    self._collect_values(self.defines[target], values, seen | {target})
            elif kind in ("choice", "oneOrMore", "zeroOrMore", "optional", "group"):
                self._collect_values(child, values, seen)

    def _text_values(self, element) -> Values | None:
        """A datatype the element's text must match (``geo``, ``gi``), if it has one."""
        data = [c for c in element.iterchildren(f"{{{RNG}}}data")]
        if not data:
            return None
        values = Values()
        self._collect_values(element, values, frozenset())
        values.documentation = self._define_doc_of(element) or _doc(element)
        return values

    def _compact(self, node, top: bool = False, depth: int = 0) -> str:
        """A content model in compact syntax, element names only (attributes left out)."""
        parts = []
        for child in node.iterchildren(etree.Element):
            if etree.QName(child).namespace != RNG:
                continue
            kind = etree.QName(child).localname
            if kind == "element":
                parts.append(child.get("name"))
            elif kind == "text":
                parts.append("text")
            elif kind == "empty":
                parts.append("empty")
            elif kind == "ref":
                define = self.defines.get(child.get("name"))
                inner = [c for c in define.iterchildren(etree.Element) if etree.QName(c).namespace == RNG] if define is not None else []
                if len(inner) == 1 and etree.QName(inner[0]).localname == "element":
                    parts.append(inner[0].get("name"))
                elif depth < 6 and define is not None:
                    text = self._compact(define, depth=depth + 1)
                    if text:
                        parts.append(text)
            elif kind in ("optional", "zeroOrMore", "oneOrMore"):
                text = self._compact(child, depth=depth + 1)
                if text:
                    mark = {"optional": "?", "zeroOrMore": "*", "oneOrMore": "+"}[kind]
                    parts.append(f"({text}){mark}" if (" " in text and not text.startswith("(")) else f"{text}{mark}")
            elif kind in ("choice", "group", "interleave", "mixed"):
                text = self._compact(child, depth=depth + 1)
                if text:
                    parts.append(f"({text})" if " " in text and not top else text)
        separator = " | " if etree.QName(node).localname == "choice" else ", "
        return separator.join(parts)

    # -------------------------------------------------------------- questions

    def content_model(self, name: str) -> str:
        """What ``name`` may contain, in compact syntax (the shortest definition if there are several)."""
        model = self.elements.get(name)
        if not model or not model.content:
            return ""
        return min(model.content, key=len)


def _doc(node: etree._Element) -> str:
    docs = node.findall(f"{{{ANNOTATION}}}documentation")
    return " ".join(" ".join((d.text or "").split()) for d in docs).strip()


def attribute_key(element: etree._Element, clark: str) -> str:
    """An attribute's name as the schema and the editor write it (``xml:id``, ``ref``)."""
    qname = etree.QName(clark)
    if qname.namespace == XML_NS:
        return f"xml:{qname.localname}"
    if qname.namespace:
        prefix = next((p for p, uri in element.nsmap.items() if uri == qname.namespace and p), None)
        return f"{prefix}:{qname.localname}" if prefix else clark
    return qname.localname
