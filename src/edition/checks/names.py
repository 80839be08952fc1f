"""Name checks: register names left untagged in the text, and tagged mentions that name something else.

``check_names(project)`` reads the assembled edition (essay and registers) and reports

1. every occurrence, in the text (``text/body`` and ``text/back``; not the header, not the registers,
   not editorial notes), of a name or alias recorded for a register entry (the entry's ``persName``,
   ``placeName``, ``orgName``, ``name``, ``label``, ``title`` or ``term`` children, every form) that is not
   inside an element whose ``@ref`` (or ``@who``) points to that entry. Matching is whole-word and
   case-sensitive on the reading text (corrections applied, the witness's errors left out). Names in an
   original script or romanisation (``xml:lang`` zh-Hans, zh-Hant, pinyin, Wade-Giles: the languages
   ``xslt/common/declarations.xsl`` lists) are not searched for, unless the entry has no other name. A leading
   article of a recorded name ("the Union army") is not required in the text. Not reported:
   an occurrence inside a longer recorded name ("Beijing" in "Beijing University": the longer name wins),
   inside a tagged proper name of another entry (``persName``, ``placeName``, ``orgName``, ``name``,
   ``title``: the parts of a name are not mentions of their own unless tagged), and descriptive labels of
   anonymous persons (``persName[@type='anonymous']``), which are not names the text uses;
2. every tagged mention (``persName``, ``placeName``, ``orgName``, ``name``, ``title``, ``term`` with
   ``@ref``, in notes too) whose words, whitespace normalised, in the reading or the diplomatic view,
   are not a recorded name of its target. ``rs`` and ``@type="adjectival"`` mentions are descriptive and
   not checked.

**Marking an exception.** Words that look like a register name but do not refer to the entity are
wrapped in ``<rs type="not-entity">…</rs>`` (no ``@ref``); any element with ``@type="not-entity"``
is skipped by both checks, with everything inside it. Record the reason in a ``note`` if it is not obvious.

Problems are located at the start tag of the element containing the words (the paragraph, or the mention).

>>> problems = check_names(Project(Path(".")))     # doctest: +SKIP
>>> print(problems[0])                              # doctest: +SKIP
edition/text.xml:130:9: untagged name of #gettysburg: "Gettysburg" (… the Gettysburg paper …)
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from ..corpus import Edition, load_edition
from ..declarations import Declarations, read_declarations
from ..project import TEI_NS, XML_ID, Project
from ..xmlio import Problem

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# Register entries, the children that record their names, and what each text view leaves out are declared
# once, for the stylesheets and for this module, in xslt/common/declarations.xsl (edition.declarations).
#: Tagged mentions whose words must be a recorded name of their target.
CHECKED_MENTIONS = ("persName", "placeName", "orgName", "name", "title", "term")
#: Proper names: a recorded name inside one of these, tagged for another entry, is part of that name.
PROPER_NAMES = ("persName", "placeName", "orgName", "name", "title")
#: The value of ``@type`` marking words that look like a name but are not a mention.
NOT_ENTITY = "not-entity"
_BLOCKS = ("p", "head", "closer", "div", "byline", "docTitle", "titlePart")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _normal(text: str) -> str:
    return " ".join(text.split())


def _view_text(element: etree._Element, skip: tuple[str, ...]) -> str:
    """The words of an element in one view: ``skip`` lists the elements left out (with their contents)."""
    parts: list[str] = []

    def walk(e: etree._Element) -> None:
        if e.text:
            parts.append(e.text)
        for child in e:
            if isinstance(child.tag, str) and _local(child) not in skip:
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    return _normal("".join(parts))


def _without_article(name: str) -> str:
    return _ARTICLE.sub("", name)


def _targets(element: etree._Element) -> set[str]:
    """The identifiers an element points to through ``@ref``, ``@who`` or ``@source`` (a quotation of a work)."""
    return {token[1:] for attr in ("ref", "who", "source") for token in (element.get(attr) or "").split() if token.startswith("#")}


@dataclass
class _Entry:
    id: str
    names: set[str]      # every recorded form, normalised (for the mention check)
    searched: set[str]   # the forms searched for in the text (no anonymous labels, no leading article)


def _register(edition: Edition, declared: Declarations) -> dict[str, _Entry]:
    entries: dict[str, _Entry] = {}
    stand_off = edition.document.getroot().find(f"{{{TEI_NS}}}standOff")
    if stand_off is None:
        return entries
    for element in stand_off.iter(*(f"{{{TEI_NS}}}{tag}" for tag in declared.entry_tags)):
        xml_id = element.get(XML_ID)
        if not xml_id:
            continue
        names, searched = set(), set()
        children = [c for c in element if isinstance(c.tag, str) and _local(c) in declared.name_elements]
        # Characters and romanisations are shown beside a name, not written in the text, unless they are all there is.
        translated = [c for c in children if c.get(XML_LANG) not in declared.original_script]
        for child in children:
            form = _normal("".join(child.itertext()))
            if not form:
                continue
            names.add(form)
            names.add(_without_article(form))
            if child.get("type") != "anonymous" and (child in translated or not translated):
                searched.add(_without_article(form))
        entries.setdefault(xml_id, _Entry(xml_id, names, {s for s in searched if s}))
    return entries


@dataclass
class _Span:
    start: int
    end: int
    element: etree._Element


class _FlatText:
    """The reading text of the text's body and back as one string, with the span of every element in it."""

    def __init__(self, roots: list[etree._Element], skip: tuple[str, ...]):
        self.skip = skip
        self.parts: list[str] = []
        self.length = 0
        self.spans: list[_Span] = []
        self.segments: list[tuple[int, etree._Element]] = []  # (offset, element whose own text starts there)
        for root in roots:
            self._walk(root)

    def _add(self, text: str | None, owner: etree._Element) -> None:
        if text:
            self.segments.append((self.length, owner))
            self.parts.append(text)
            self.length += len(text)

    def _walk(self, element: etree._Element) -> None:
        start = self.length
        if _local(element) in _BLOCKS:
            self._add("\n", element)
        self._add(element.text, element)
        for child in element:
            if isinstance(child.tag, str) and _local(child) not in self.skip:
                self._walk(child)
            self._add(child.tail, element)
        if _local(element) in _BLOCKS:
            self._add("\n", element)
        self.spans.append(_Span(start, self.length, element))

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def owner(self, offset: int) -> etree._Element:
        """The element whose own text holds the character at ``offset``."""
        low, high = 0, len(self.segments) - 1
        while low < high:
            middle = (low + high + 1) // 2
            if self.segments[middle][0] <= offset:
                low = middle
            else:
                high = middle - 1
        return self.segments[low][1]


def _name_pattern(name: str) -> re.Pattern[str]:
    words = [re.escape(word) for word in name.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)")


def _containing_block(element: etree._Element) -> etree._Element:
    """The element to report a problem at: the innermost paragraph-like ancestor, else the element itself."""
    for ancestor in element.iterancestors():
        if _local(ancestor) in ("p", "head", "closer"):
            return ancestor
    return element


def check_names(project: Project) -> list[Problem]:
    """Untagged register names and mistagged mentions in the edition of ``project``, sorted by place.

    Example: ``[str(p) for p in check_names(Project(Path(".")))]`` → ``['edition/text.xml:131:9: …']``
    """
    edition = load_edition(project)
    declared = read_declarations(project.xslt_dir)
    return _untagged(edition, declared) + _mismatched(edition, declared)


def _text_roots(edition: Edition) -> list[etree._Element]:
    return edition.document.getroot().xpath("/t:TEI/t:text/t:body | /t:TEI/t:text/t:back", namespaces={"t": TEI_NS})


def _untagged(edition: Edition, declared: Declarations) -> list[Problem]:
    entries = _register(edition, declared)
    flat = _FlatText(_text_roots(edition), declared.views["reading"])
    text = flat.text
    pointing = [s for s in flat.spans if _targets(s.element)]
    exempt = [s for s in flat.spans if s.element.get("type") == NOT_ENTITY]

    occurrences: list[tuple[int, int, str, str]] = []
    for entry in entries.values():
        for name in entry.searched:
            for match in _name_pattern(name).finditer(text):
                occurrences.append((match.start(), match.end(), entry.id, name))
    # The longest recorded name wins: drop an occurrence lying inside a longer one.
    occurrences.sort(key=lambda o: (o[0], -(o[1] - o[0])))
    kept: list[tuple[int, int, str, str]] = []
    for occurrence in occurrences:
        start, end = occurrence[:2]
        if any(s <= start and end <= e and (e - s) > (end - start) for s, e, *_ in occurrences):
            continue
        kept.append(occurrence)

    problems: set[Problem] = set()
    for start, end, entry_id, name in kept:
        inside = [s for s in pointing if s.start <= start and end <= s.end]
        if any(entry_id in _targets(s.element) for s in pointing if s.start < end and start < s.end):
            continue  # tagged for this entry
        if any(_local(s.element) in PROPER_NAMES and s.element.get("ref") for s in inside):
            continue  # part of another entity's tagged name
        if any(s.start <= start and end <= s.end for s in exempt):
            continue  # marked as not an entity
        owner = flat.owner(start)
        where = owner if _local(owner) in ("p", "head", "closer") else _containing_block(owner)
        context = _normal(text[max(0, start - 30):end + 30])
        problems.add(edition.locate(where, f'untagged name of #{entry_id}: "{_normal(text[start:end])}" (… {context} …); '
                                    f'tag it with ref="#{entry_id}", or mark it <rs type="{NOT_ENTITY}">'))
    return sorted(problems)


def _mismatched(edition: Edition, declared: Declarations) -> list[Problem]:
    entries = _register(edition, declared)
    reading, diplomatic = declared.views["reading"], declared.views["diplomatic"]
    problems: list[Problem] = []
    for root in _text_roots(edition):
        for element in root.iter(*(f"{{{TEI_NS}}}{tag}" for tag in CHECKED_MENTIONS)):
            if not element.get("ref") or element.get("type") in ("adjectival", NOT_ENTITY):
                continue
            if any(a.get("type") == NOT_ENTITY for a in element.iterancestors()):
                continue
            targets = [entries[t] for t in sorted(_targets(element)) if t in entries]
            if not targets:
                continue  # a dangling pointer: `edition validate` reports it
            forms = {_view_text(element, reading), _view_text(element, diplomatic)}
            forms |= {_without_article(f) for f in forms}
            if any(forms & entry.names for entry in targets):
                continue
            words = _view_text(element, reading)
            known = "; ".join(sorted(set().union(*(e.names for e in targets)))) or "none"
            problems.append(edition.locate(element, f'"{words}" is not a recorded name of '
                                           f'{", ".join("#" + e.id for e in targets)} (known: {known}); '
                                           "add it to the register as an alias, or correct the @ref"))
    return sorted(problems)
