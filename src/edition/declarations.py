"""What the stylesheets and the library both need to know, read from the one place it is declared.

``xslt/common/declarations.xsl`` holds an ``<ed:declarations>`` element: the register kinds (their TEI
elements, schema.org types, pages, search part, print index and groups), the site's other pages, the search
parts, the elements that record an entry's names, the languages of names in an original script or
romanisation (never display names, never searched for in the text), the elements each text view leaves out,
and the citation formats (with the file and media type the build writes the edition's citation in). The stylesheets read it as a variable; the Python library
reads the same element here, so that neither restates the other.

>>> read_declarations(Path("xslt")).entry_tags      # doctest: +SKIP
('person', 'personGrp', 'place', 'org', 'event', 'bibl', 'item')
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .xmlio import EditionError, Problem, parse_file
from .xslt import ED_NS
#: Where the declarations live, relative to a project's ``xslt/`` folder.
DECLARATIONS = Path("common") / "declarations.xsl"


@dataclass(frozen=True)
class Kind:
    """One kind of register entry."""

    name: str
    list: str                 # the register's list element, as an XPath step: "listPerson", "list[@type='glossary']"
    elements: tuple[str, ...]
    page: str
    title: str
    nests: bool               # an entry may hold entries of its kind (a city within its province)
    schema_types: dict[str, str]   # schema.org type of each entry element
    search_part: str
    index: bool               # the print edition's index lists the kind's entries
    highlight: str            # the highlight colour ('' = not offered by the highlight switch)


@dataclass(frozen=True)
class Page:
    """One page of the site other than the register pages."""

    file: str
    title: str
    search_part: str          # '' = the part that no page and no kind names
    nav: bool


@dataclass(frozen=True)
class Format:
    """One citation format; ``file`` (under html/) and ``media_type`` where the build writes the edition's citation."""

    name: str
    label: str
    file: str
    media_type: str


@dataclass(frozen=True)
class Declarations:
    kinds: tuple[Kind, ...]
    name_elements: tuple[str, ...]
    original_script: tuple[str, ...]
    views: dict[str, tuple[str, ...]]
    citation_formats: tuple[Format, ...]
    pages: tuple[Page, ...]
    search_parts: tuple[str, ...]

    @property
    def formats(self) -> tuple[str, ...]:
        """The citation formats' names, in declared order."""
        return tuple(f.name for f in self.citation_formats)

    @property
    def schema_types(self) -> dict[str, str]:
        """The schema.org type of every register entry element."""
        return {tag: type_ for kind in self.kinds for tag, type_ in kind.schema_types.items()}

    @property
    def entry_tags(self) -> tuple[str, ...]:
        """Every TEI element that is a register entry, in kind order."""
        return tuple(tag for kind in self.kinds for tag in kind.elements)

    def entry_pattern(self, prefix: str = "t") -> str:
        """The register entries as one XPath pattern (for a generated Schematron rule context), e.g.
        ``t:listPerson/t:person | t:listPerson/t:personGrp | … | t:list[@type='glossary']/t:item``."""
        return " | ".join(f"{prefix}:{kind.list}{'//' if kind.nests else '/'}{prefix}:{tag}"
                          for kind in self.kinds for tag in kind.elements)


#: Schematron rules whose context is every register entry: their ``id`` starts with this.
ENTRY_RULES = "register-entries"


def schematron_with_entry_contexts(schematron: str, declarations: Declarations) -> str:
    """``schematron`` (the text of schema/edition.sch) with the context of every rule whose id starts with
    ``register-entries`` set to the declared register entries: what ``python -m edition.declarations`` writes."""
    pattern = declarations.entry_pattern().replace('"', "&quot;")
    return re.sub(rf'(<rule id="{ENTRY_RULES}[^"]*" context=")[^"]*(")', lambda m: m.group(1) + pattern + m.group(2), schematron)


def read_declarations(xslt_dir: Path) -> Declarations:
    """The declarations of the stylesheets in ``xslt_dir`` (read once per folder)."""
    return _read(Path(xslt_dir).resolve() / DECLARATIONS)


@lru_cache(maxsize=None)
def _read(path: Path) -> Declarations:
    root = parse_file(path).getroot()
    found = root.findall(f".//{{{ED_NS}}}declarations")
    if len(found) != 1:
        raise EditionError(Problem(str(path), 1, 1, "the stylesheets declare no <ed:declarations> (or more than one)"))
    decl = found[0]

    def tokens(tag: str, attribute: str) -> tuple[str, ...]:
        element = decl.find(f"{{{ED_NS}}}{tag}")
        return tuple((element.get(attribute) or "").split()) if element is not None else ()

    kinds = []
    for k in decl.iterfind(f"{{{ED_NS}}}kind"):
        elements, types = (k.get("elements") or "").split(), (k.get("schema-types") or "").split()
        if len(types) != len(elements):
            raise EditionError(Problem(str(path), k.sourceline or 1, 1,
                                       f"register kind {k.get('name')!r}: give one schema-types token per element ({' '.join(elements)})"))
        kinds.append(Kind(k.get("name"), k.get("list"), tuple(elements), k.get("page"), k.get("title"), k.get("nests") == "yes",
                          dict(zip(elements, types)), k.get("search-part") or "", k.get("index") == "yes", k.get("highlight") or ""))
    return Declarations(
        kinds=tuple(kinds),
        name_elements=tokens("names", "elements"),
        original_script=tokens("original-script", "languages"),
        views={v.get("name"): tuple(v.get("omits").split()) for v in decl.iterfind(f"{{{ED_NS}}}view")},
        citation_formats=tuple(Format(f.get("name"), f.get("label") or f.get("name"), f.get("file") or "", f.get("media-type") or "")
                               for f in decl.iterfind(f"{{{ED_NS}}}format")),
        pages=tuple(Page(p.get("file"), p.get("title"), p.get("search-part") or "", p.get("nav") == "yes")
                    for p in decl.iterfind(f"{{{ED_NS}}}page")),
        search_parts=tuple(s.get("name") for s in decl.iterfind(f"{{{ED_NS}}}search-part")),
    )


def main() -> None:
    """Write the declared register entries into the Schematron's entry rules (run after adding a kind)."""
    from .project import Project

    project = Project(Path.cwd())
    text = project.schematron.read_text(encoding="utf-8")
    updated = schematron_with_entry_contexts(text, read_declarations(project.xslt_dir))
    if updated != text:
        project.schematron.write_text(updated, encoding="utf-8")
    print(f"{project.schematron.relative_to(project.root)}: register entry rules {'updated' if updated != text else 'up to date'}")


if __name__ == "__main__":  # python -m edition.declarations
    main()
