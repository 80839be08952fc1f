"""Validation: well-formedness, RelaxNG, Schematron, the identifier lock.

All problems are collected and returned at once, each placed where the editor
typed the mistake (``file:line:col``: the start tag, the attribute or the
character) and saying what is allowed instead.

- RelaxNG: libxml2 decides; its messages are replaced by what the schema itself
  says is allowed (:mod:`edition.checks.schema_model`), with a did-you-mean.
- Schematron: every ``assert`` and every ``report`` counts; its ``role``
  (``error``, ``warning``, ``info``) is the severity. It runs on the assembled
  edition (registers in ``standOff``) and each problem is placed back in the
  file it comes from. A rule may say where exactly, with diagnostics:
  ``attribute`` (the offending attribute's name), ``text-node`` and ``offset``
  (which text node of the element, and which character of it).

>>> problems = validate(Project(Path(".")))   # doctest: +SKIP
>>> [str(p) for p in problems]                # doctest: +SKIP
[]
"""
from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from lxml import etree, isoschematron

from .. import idlock
from ..corpus import Edition, Source, read_sources
from ..declarations import DECLARATIONS, read_declarations, schematron_with_entry_contexts
from ..errors import SEVERITIES, EditionError, Problem
from .locate import Assembly, Located, Text
from ..project import NS, TEI_NS, Project, display_name
from .schema_model import XML_NS, SchemaModel, attribute_key, suggest
from ..xmlio import parse_file, read_tei, safe_parser

SVRL = {"svrl": "http://purl.oclc.org/dsdl/svrl"}


@functools.lru_cache(maxsize=4)
def _relaxng(path: Path) -> etree.RelaxNG:
    return etree.RelaxNG(_with_location(parse_file(path), path))


def _with_location(tree: etree._ElementTree, path: Path) -> etree._ElementTree:
    """The schema knows where it is, so that an edition's extension can include the pipeline's grammar beside it."""
    tree.docinfo.URL = str(Path(path).resolve())
    return tree


@functools.lru_cache(maxsize=4)
def _schematron(path: Path, xslt_dir: Path | None = None) -> isoschematron.Schematron:
    """The rules of ``path``; with ``xslt_dir``, the register-entry rules' contexts are the entries its
    declarations declare (so a kind declared there is checked without editing the rules)."""
    document = parse_file(path)
    if xslt_dir is not None and (xslt_dir / DECLARATIONS).is_file():
        text = schematron_with_entry_contexts(etree.tostring(document, encoding="unicode"), read_declarations(xslt_dir))
        document = etree.ElementTree(etree.fromstring(text, safe_parser()))
    return isoschematron.Schematron(_with_location(document, path), store_report=True)


@dataclass
class File:
    """A TEI file as read for validation: the parsed source and where its elements were typed."""

    source: Source
    located: Located


def read_file(path: Path, root: Path | None) -> File:
    """Parse a TEI file, named in messages relative to the project (UTF-8 or UTF-16 with a byte-order mark)."""
    name = display_name(path, root)
    tree, text = read_tei(path, name)
    return File(Source(path, name, tree, text.splitlines()), Located(name, tree, Text(text)))


# ------------------------------------------------------------------ RelaxNG


def check_relaxng(file: File, schema_path: Path) -> list[Problem]:
    """The project's RelaxNG schema, on one file: libxml2's verdict, the schema's own words."""
    schema = _relaxng(schema_path)
    tree = file.source.tree
    if schema.validate(tree):
        return []
    model = SchemaModel.read(schema_path)
    findings = diagnose(file.located, model)
    explained: set[int] = set()
    keep = []  # proxies kept alive, so that id() stays theirs
    for element, _ in findings:
        for node in (element, *element.iterancestors()):
            explained.add(id(node))
            keep.append(node)
    problems = [problem for _, problem in findings]
    reported: set[int] = set()
    entries = list(schema.error_log)
    for entry in entries:
        element = _element_of(tree, entry)
        if element is None:
            if any(e.path for e in entries):
                continue  # libxml2's summary line of an error it also reports with a place
            element = tree.getroot()
        keep.append(element)
        if id(element) in explained or any(id(a) in explained for a in element.iterancestors()) or id(element) in reported:
            continue
        reported.add(id(element))
        stray = _stray_text(element) if "Did not expect text" in entry.message else None
        if stray is not None:  # at the first character of the text typed where only elements may go
            owner, in_tail, offset = stray
            message = f"text is not allowed directly in <{_name(element)}>; <{_name(element)}> holds: {model.content_model(_name(element))}"
            problems.append(file.located.at_character(owner, in_tail, offset, message))
            continue
        problems.append(file.located.at_element(element, _relaxng_message(entry.message, element, model)))
    return problems


def _stray_text(element: etree._Element) -> tuple[etree._Element, bool, int] | None:
    """The first text of an element that is not whitespace: (its owner, whether it is a tail, its first character)."""
    pieces = [(element, False, element.text)] + [(child, True, child.tail) for child in element]
    for owner, in_tail, text in pieces:
        if text and text.strip():
            return owner, in_tail, len(text) - len(text.lstrip())
    return None


def _element_of(tree: etree._ElementTree, entry) -> etree._Element | None:
    if not entry.path:
        return None
    try:
        hits = tree.xpath(entry.path)
    except etree.XPathError:
        return None
    return hits[0] if hits and isinstance(hits[0], etree._Element) else None


def _name(element: etree._Element) -> str:
    qname = etree.QName(element)
    return qname.localname if qname.namespace == TEI_NS else f"{{{qname.namespace}}}{qname.localname}" if qname.namespace else qname.localname


def _names(names) -> str:
    """Every name, sorted: a message that leaves some out sends the editor to the schema to find them."""
    return ", ".join(f"<{n}>" for n in sorted(names, key=str.lower))


def diagnose(located: Located, model: SchemaModel) -> list[tuple[etree._Element, Problem]]:
    """Every mistake the schema's model can name, each at its start tag or attribute."""
    findings = []
    foreign: set[int] = set()  # elements not in the schema: what they contain is part of the same mistake
    keep = []
    for element in located.tree.iter(etree.Element):
        parent = element.getparent()
        if parent is not None and id(parent) in foreign:
            foreign.add(id(element))
            keep.append(element)
            continue
        name = _name(element)
        parent_name = _name(parent) if parent is not None else None
        parent_model = model.elements.get(parent_name) if parent_name else None
        here = model.elements.get(name)
        if here is None:
            candidates = parent_model.children if parent_model and suggest(name, parent_model.children) else model.elements
            hint = suggest(name, candidates)
            if etree.QName(element).namespace != TEI_NS and parent is not None:
                message = (f"element <{etree.QName(element).localname}> is not in the TEI namespace ({etree.QName(element).namespace or 'no namespace'}): "
                           "every element of the edition is TEI")
            else:
                message = f"element <{name}> is not allowed here: the schema has no element <{name}>"
                message += f"; did you mean <{hint}>?" if hint else (
                    f"; <{parent_name}> may contain {_names(parent_model.children)}" if parent_model and parent_model.children else "")
            findings.append((element, located.at_element(element, message)))
            foreign.add(id(element))
            keep.append(element)
            continue
        if parent_model is not None and name not in parent_model.children:
            allowed = f"<{parent_name}> may contain {_names(parent_model.children)}" if parent_model.children else f"<{parent_name}> contains no elements"
            findings.append((element, located.at_element(element, f"element <{name}> is not allowed here: {allowed}")))
        for clark, value in element.attrib.items():
            key = attribute_key(element, clark)
            values = here.attributes.get(key)
            if values is None:
                hint = suggest(key, here.attributes)
                takes = f"<{name}> takes {', '.join('@' + a for a in sorted(here.attributes))}" if here.attributes else f"<{name}> takes no attributes"
                message = f"attribute @{key} is not allowed on <{name}>" + (f"; did you mean @{hint}?" if hint else "") + f" ({takes})"
                findings.append((element, located.at_attribute(element, clark, message)))
            elif not values.accepts(value):
                bad = values.bad_tokens(value)
                hint = suggest(bad[0], values.choices) if values.choices and bad else None
                message = f'attribute @{key}="{value}" on <{name}> is not allowed: @{key} must be {values.describe()}'
                if values.is_list and len(value.split()) > 1 and bad:
                    message += f'; "{bad[0]}" is not'
                message += f'; did you mean "{hint}"?' if hint else ""
                findings.append((element, located.at_attribute(element, clark, message)))
        present = {attribute_key(element, c) for c in element.attrib}
        # A mistyped required attribute (typ for type) is one mistake: its did-you-mean says it.
        mistyped = {suggest(key, here.attributes) for key in present if key not in here.attributes}
        for missing in sorted(here.required - present - mistyped):
            findings.append((element, located.at_element(
                element, f"<{name}> needs @{missing}: {here.attributes[missing].describe()}")))
        if here.text is not None and not here.text.accepts(element.text or ""):
            findings.append((element, located.at_character(
                element, False, 0, f'<{name}> holds "{element.text or ""}": it must be {here.text.describe()}')))
    return findings


_LIBXML2_WORDS = [
    (r"Expecting an element (\S+), got nothing", r"<{element}> is incomplete: <\1> is missing"),
    (r"Expecting element (\S+), got (\S+)", r"element <\2> is not allowed here: <\1> is expected first"),
    (r"Did not expect element (\S+) there", r"element <\1> is not allowed here"),
    (r"Element (\S+) has extra content: (\S+)", r"element <\2> is not allowed here"),
    (r"Element (\S+) failed to validate content", r"<\1> does not have the content the schema expects"),
    (r"Element (\S+) failed to validate attributes", r"<\1> has an attribute the schema does not allow here"),
    (r"Invalid attribute (\S+) for element (\S+)", r"attribute @\1 is not allowed on <\2> here"),
    (r"Element (\S+) has wrong namespace: expecting (\S+)", r"element <\1> is in the wrong namespace; <\2> is expected"),
    (r"Expecting an element , got nothing", r"<{element}> is incomplete"),
]


def _relaxng_message(message: str, element: etree._Element, model: SchemaModel) -> str:
    """libxml2's words for what the model could not name (order, missing content), and what the schema expects."""
    message = message.replace(f"{{{TEI_NS}}}", "").strip()
    for pattern, words in _LIBXML2_WORDS:
        if re.match(pattern, message):
            message = re.sub(pattern, words, message).replace("{element}", _name(element))
            break
    parent = element.getparent()
    subject = element if "incomplete" in message or "content" in message else parent
    if subject is not None and (expected := model.content_model(_name(subject))):
        message += f"; <{_name(subject)}> holds: {expected}"
    return message


# --------------------------------------------------------------- Schematron


def check_schematron(edition: Edition, schema_path: Path, assembly: Callable[[], Assembly],
                     xslt_dir: Path | None = None) -> list[Problem]:
    """The project's Schematron rules (asserts and reports), on the assembled edition, placed in the typed files.

    ``assembly`` is called only if a rule fired (pairing every element with its typed original costs time).
    """
    schema = _schematron(schema_path, xslt_dir)
    schema.validate(edition.document)  # its verdict counts failed asserts only: read the whole report instead
    problems = []
    ids = None
    fired = schema.validation_report.xpath("//svrl:failed-assert | //svrl:successful-report", namespaces=SVRL)
    places = assembly() if fired else None
    for failure in fired:
        message = " ".join("".join(failure.xpath("svrl:text//text()", namespaces=SVRL)).split())
        role = (failure.get("role") or "error").lower()
        severity = role if role in SEVERITIES else "error"
        hints = {d.get("diagnostic"): " ".join("".join(d.itertext()).split())
                 for d in failure.xpath("svrl:diagnostic-reference", namespaces=SVRL)}
        hits = edition.document.xpath(failure.get("location"))
        node = hits[0] if hits else edition.document.getroot()
        if not isinstance(node, etree._Element):
            node = node.getparent() if hasattr(node, "getparent") and node.getparent() is not None else edition.document.getroot()
        place = places.origin(node)
        if place is None:  # an element the assembly made (the standOff itself): the text's root
            place = places.origin(edition.document.getroot())
        located, original = place
        attribute = hints.get("attribute")
        if attribute:
            clark = f"{{{XML_NS}}}{attribute[4:]}" if attribute.startswith("xml:") else attribute
            if ids is None:
                ids = set(edition.ids())
            message += _pointer_hint(original.get(clark, ""), ids)
            problems.append(located.at_attribute(original, clark, message, severity=severity))
        elif "offset" in hints:
            problems.append(_at_character(located, original, hints, message, severity))
        else:
            problems.append(located.at_element(original, message, severity=severity))
    return problems


def _at_typed(places: Callable[[], Assembly], element: etree._Element, message: str) -> Problem:
    """A problem at the start tag, in the file where it was typed, of an element of the assembled edition."""
    located, original = places().origin(element)
    return located.at_element(original, message)


def _at_character(located: Located, element: etree._Element, hints: dict, message: str, severity: str) -> Problem:
    """At character ``offset`` of the ``text-node``-th text node of the element (1 = the first)."""
    try:
        number, offset = int(hints.get("text-node", "1")), int(hints["offset"])
    except ValueError:
        return located.at_element(element, message, severity=severity)
    nodes = element.xpath("text()")
    if not 0 < number <= len(nodes):
        return located.at_element(element, message, severity=severity)
    node = nodes[number - 1]
    owner = node.getparent()
    return located.at_character(owner, node.is_tail, offset, message, severity=severity)


def _pointer_hint(value: str, ids: set[str]) -> str:
    """Did you mean: the known identifier nearest to a pointer that finds none."""
    for token in value.split():
        if token.startswith("#") and token[1:] not in ids:
            hint = suggest(token[1:], ids)
            if hint:
                return f"; did you mean '#{hint}'?"
    return ""


def assemble(edition: Edition, essay: File, registers: list[File]) -> Assembly:
    """Pair every element of the assembled edition with the element typed in the text or a register."""
    assembly = Assembly(edition.document)
    root = edition.document.getroot()
    inserted = root.find(f"{{{TEI_NS}}}standOff[@type='registers']") if edition.registers else None
    inserted_elements = list(inserted.iter(etree.Element)) if inserted is not None else []
    skip = {id(e) for e in inserted_elements}
    main_copy = [e for e in root.iter(etree.Element) if id(e) not in skip]
    assembly.add_pairs(essay.located, main_copy, list(essay.source.tree.iter(etree.Element)))
    by_source = {id(r.source): r for r in registers}
    listings: dict[int, list] = {}
    for listing in (inserted if inserted is not None else []):
        register = by_source.get(id(edition.origin(listing)))
        if register is None:
            continue
        originals = listings.setdefault(id(register), register.source.tree.xpath("/t:TEI/t:text/t:body/*", namespaces=NS))
        original = originals.pop(0)
        assembly.add_pairs(register.located, list(listing.iter(etree.Element)), list(original.iter(etree.Element)))
    assembly.keep(inserted_elements)
    return assembly


def _schema_problems(project: Project) -> list[Problem]:
    """A missing or broken schema is one clear problem, not a crash (its checks are then skipped)."""
    problems = []
    rules = functools.partial(_schematron, xslt_dir=project.xslt_dir)
    for path, load, kind in ((project.relaxng, _relaxng, "RelaxNG schema"), (project.schematron, rules, "Schematron rules")):
        name = display_name(path, project.root)
        if not path.is_file():
            problems.append(Problem(name, 1, 1, f"the {kind} file is missing, so the encoding cannot be checked against it"))
            continue
        try:
            load(path)
        except EditionError as err:  # not well-formed: named as every other file of the project
            problems += [dataclasses.replace(p, file=name) for p in err.problems]
        except (etree.RelaxNGParseError, etree.SchematronParseError, etree.XSLTParseError) as err:
            problems.append(Problem(name, 1, 1, f"the {kind} cannot be used: {' '.join(str(err).split())}"))
    return problems


def check_root(file: File) -> list[Problem]:
    """Wrong root element or namespace, said plainly (RelaxNG's wording for this is confusing)."""
    root = file.source.tree.getroot()
    if root.tag == f"{{{TEI_NS}}}TEI":
        return []
    qname = etree.QName(root)
    found = f"<{qname.localname}> in namespace {qname.namespace!r}" if qname.namespace else f"<{qname.localname}> in no namespace"
    return [file.located.at_element(root, f"the document element is {found}; a TEI file starts with "
                                          f'<TEI xmlns="{TEI_NS}">')]


def validate(project: Project, files: list[Path] | None = None) -> list[Problem]:
    """Validate the edition (or the given files, each checked as the text against the project's registers).

    Returns every problem found, sorted by file and position; an empty list means valid.
    """
    return _validate(project, files)[0]


def _validate(project: Project, files: list[Path] | None) -> tuple[list[Problem], Edition | None]:
    """The problems found, and the last essay assembled with the registers (parsed once, for the build)."""
    edition = None
    problems: list[Problem] = _schema_problems(project)
    with_relaxng = not any(p.file == display_name(project.relaxng, project.root) for p in problems)
    with_schematron = not any(p.file == display_name(project.schematron, project.root) for p in problems)
    register_paths = project.register_files()
    essays = [Path(f) for f in files] if files else [project.main_document]
    # Read once: which edition the project's essay belongs to (only other files need it).
    edition_name = _project_edition_name(project) if files else ""
    essays = [p for p in essays if p.resolve() not in {r.resolve() for r in register_paths}] if files else essays
    registers, register_problems = read_sources(register_paths, project.root, read_file)
    problems += register_problems
    for register in registers:
        problems += check_root(register)
        problems += check_relaxng(register, project.relaxng) if with_relaxng else []
    for path in essays:
        read, parse_problems = read_sources([path], project.root, read_file)
        problems += parse_problems
        if not read:
            continue
        essay = read[0]
        root_problems = check_root(essay)
        problems += root_problems
        problems += check_relaxng(essay, project.relaxng) if with_relaxng else []
        if root_problems:
            continue
        edition = Edition(essay.source, [r.source for r in registers])
        if register_problems:
            continue  # a register that cannot be read would make every pointer into it look dangling: one problem, one message
        places = functools.lru_cache(maxsize=1)(functools.partial(assemble, edition, essay, registers))
        rule_problems = check_schematron(edition, project.schematron, places, project.xslt_dir) if with_schematron else []
        if path.resolve() != project.main_document.resolve():
            # Another essay checked against our registers: that it leaves entries unused says nothing about it.
            rule_problems = [p for p in rule_problems if not (p.warning and p.file != essay.source.name)]
        problems += rule_problems
        if _is_version_of_the_edition(essay.source, project, edition_name):
            problems += idlock.check(edition, project.lock_file, project.root, functools.partial(_at_typed, places))
    return sorted(set(problems)), edition


def _edition_name(tree: etree._ElementTree) -> str:
    return tree.xpath("string(/t:TEI/t:teiHeader/t:fileDesc/t:publicationStmt/t:idno[@type='edition'])", namespaces=NS)


def _is_version_of_the_edition(essay: Source, project: Project, edition_name: str) -> bool:
    """The identifier lock binds the project's essay, and any file that names itself a version of the same edition."""
    if essay.path.resolve() == project.main_document.resolve():
        return True
    return bool(edition_name) and _edition_name(essay.tree) == edition_name


def _project_edition_name(project: Project) -> str:
    """The name the project's essay gives its edition ('' if it cannot be read: that is reported elsewhere)."""
    try:
        return _edition_name(parse_file(project.main_document))
    except EditionError:
        return ""


def errors(problems: list[Problem]) -> list[Problem]:
    """The problems that make the edition invalid (warnings left out)."""
    return [p for p in problems if not p.warning]


def require_valid(project: Project) -> Edition:
    """The assembled edition; :class:`EditionError` unless it is valid (warnings are allowed)."""
    problems, edition = _validate(project, None)
    if errors(problems):
        raise EditionError(errors(problems))
    assert edition is not None  # no error means the text was read
    return edition
