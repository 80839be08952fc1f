"""Validation: well-formedness, RelaxNG, Schematron, the identifier lock.

All problems are collected and returned at once, each located as
``file:line:col: message``.

>>> problems = validate(Project(Path(".")))   # doctest: +SKIP
>>> [str(p) for p in problems]                # doctest: +SKIP
[]
"""
from __future__ import annotations

import dataclasses
import functools
import re
from pathlib import Path

from lxml import etree, isoschematron

from . import idlock
from .corpus import Edition, Source, read_sources
from .project import NS, Project, display_name
from .xmlio import EditionError, Problem, parse_file

SVRL = {"svrl": "http://purl.oclc.org/dsdl/svrl"}


@functools.lru_cache(maxsize=4)
def _relaxng(path: Path) -> etree.RelaxNG:
    return etree.RelaxNG(parse_file(path))


@functools.lru_cache(maxsize=4)
def _schematron(path: Path) -> isoschematron.Schematron:
    return isoschematron.Schematron(parse_file(path), store_report=True)


def check_relaxng(source: Source, schema_path: Path) -> list[Problem]:
    """The project's RelaxNG schema, file by file."""
    schema = _relaxng(schema_path)
    if schema.validate(source.tree):
        return []
    return [Problem(source.name, e.line or 1, e.column or 1, _with_value(source, e.line, _relaxng_message(e.message)))
            for e in schema.error_log]


BAD_ATTRIBUTE = re.compile(r"^attribute @(?P<name>[\w:]+) is not allowed on <(?P<element>\w+)>$")


def _with_value(source: Source, line: int, message: str) -> str:
    """libxml2 says the same for a wrong value as for a wrong attribute: name the value, so the editor sees which."""
    match = BAD_ATTRIBUTE.match(message)
    if not match:
        return message
    name = match["name"].replace("xml:", "{http://www.w3.org/XML/1998/namespace}")
    values = [e.get(name) for e in source.tree.iter(f"{{{NS['t']}}}{match['element']}")
              if e.sourceline == line and e.get(name) is not None]
    if not values:
        return message
    return (f'attribute @{match["name"]}="{values[0]}" on <{match["element"]}> is not allowed: '
            "the value is not one the schema accepts here (or the attribute does not belong on this element)")


def _relaxng_message(message: str) -> str:
    """libxml2's RelaxNG wording, made readable for an editor."""
    message = message.replace("{http://www.tei-c.org/ns/1.0}", "")
    replacements = {
        "Did not expect element ": "element <",
        " there": "> is not allowed here",
        "Expecting element ": "expected element <",
        ", got ": "> but found <",
        "Element ": "element <",
        " failed to validate attributes": "> has an attribute that is not allowed or a value outside its list",
        " has extra content: ": "> contains something not allowed: <",
        " has wrong namespace: expecting ": "> is in the wrong namespace; expected <",
        "Invalid attribute ": "attribute @",
        " for element ": " is not allowed on <",
        "Expecting an element ": "expected element <",
    }
    for old, new in replacements.items():
        message = message.replace(old, new)
    if message.count("<") > message.count(">"):
        message += ">"
    return message


def check_schematron(edition: Edition, schema_path: Path) -> list[Problem]:
    """The project's Schematron rules, on the assembled edition (so pointers into registers resolve)."""
    schema = _schematron(schema_path)
    if schema.validate(edition.document):
        return []
    problems = []
    for failure in schema.validation_report.xpath("//svrl:failed-assert | //svrl:successful-report", namespaces=SVRL):
        text = " ".join("".join(failure.xpath("svrl:text//text()", namespaces=SVRL)).split())
        hits = edition.document.xpath(failure.get("location"))
        if hits and isinstance(hits[0], etree._Element):
            problem = edition.locate(hits[0], text)
        elif hits:  # an attribute: locate its element
            problem = edition.locate(hits[0].getparent(), text)
        else:
            problem = Problem(edition.main.name, 1, 1, text)
        problems.append(dataclasses.replace(problem, warning=failure.get("role") == "warning"))
    return problems


def _schema_problems(project: Project) -> list[Problem]:
    """A missing or broken schema is one clear problem, not a crash (its checks are then skipped)."""
    problems = []
    for path, load, kind in ((project.relaxng, _relaxng, "RelaxNG schema"), (project.schematron, _schematron, "Schematron rules")):
        name = display_name(path, project.root)
        if not path.is_file():
            problems.append(Problem(name, 1, 1, f"the {kind} file is missing, so the encoding cannot be checked against it"))
            continue
        try:
            load(path)
        except EditionError as err:
            problems += err.problems
        except (etree.RelaxNGParseError, etree.SchematronParseError, etree.XSLTParseError) as err:
            problems.append(Problem(name, 1, 1, f"the {kind} cannot be used: {' '.join(str(err).split())}"))
    return problems


def check_root(source: Source) -> list[Problem]:
    """Wrong root element or namespace, said plainly (RelaxNG's wording for this is confusing)."""
    root = source.tree.getroot()
    if root.tag == f"{{{NS['t']}}}TEI":
        return []
    qname = etree.QName(root)
    found = f"<{qname.localname}> in namespace {qname.namespace!r}" if qname.namespace else f"<{qname.localname}> in no namespace"
    return [source.locate(root, f"the document element is {found}; a TEI file starts with "
                                f'<TEI xmlns="{NS["t"]}">')]




def validate(project: Project, files: list[Path] | None = None) -> list[Problem]:
    """Validate the edition (or the given files, each checked as the essay against the project's registers).

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
    registers, register_problems = read_sources(register_paths, project.root)
    problems += register_problems
    for register in registers:
        problems += check_root(register)
        problems += check_relaxng(register, project.relaxng) if with_relaxng else []
    for path in essays:
        sources, parse_problems = read_sources([path], project.root)
        problems += parse_problems
        if not sources:
            continue
        essay = sources[0]
        root_problems = check_root(essay)
        problems += root_problems
        problems += check_relaxng(essay, project.relaxng) if with_relaxng else []
        if root_problems:
            continue
        edition = Edition(essay, registers)
        rule_problems = check_schematron(edition, project.schematron) if with_schematron else []
        if path.resolve() != project.main_document.resolve():
            # Another essay checked against our registers: that it leaves entries unused says nothing about it.
            rule_problems = [p for p in rule_problems if not (p.warning and p.file != essay.name)]
        problems += rule_problems
        if _is_version_of_the_edition(essay, project, edition_name):
            problems += idlock.check(edition, project.lock_file, project.root)
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
    assert edition is not None  # no error means the essay was read
    return edition
