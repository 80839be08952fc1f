"""What the stylesheets and the library both need to know, read from the one place it is declared.

``xslt/common/declarations.xsl`` holds an ``<ed:declarations>`` element: the register kinds (their TEI
elements, pages and groups), the elements that record an entry's names, the languages of names in an
original script or romanisation (never display names, never searched for in the text), the elements each
text view leaves out, and the citation formats. The stylesheets read it as a variable; the Python library
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


@dataclass(frozen=True)
class Declarations:
    kinds: tuple[Kind, ...]
    name_elements: tuple[str, ...]
    original_script: tuple[str, ...]
    views: dict[str, tuple[str, ...]]
    formats: tuple[str, ...]

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

    return Declarations(
        kinds=tuple(Kind(k.get("name"), k.get("list"), tuple(k.get("elements").split()), k.get("page"), k.get("title"), k.get("nests") == "yes")
                    for k in decl.iterfind(f"{{{ED_NS}}}kind")),
        name_elements=tokens("names", "elements"),
        original_script=tokens("original-script", "languages"),
        views={v.get("name"): tuple(v.get("omits").split()) for v in decl.iterfind(f"{{{ED_NS}}}view")},
        formats=tuple(f.get("name") for f in decl.iterfind(f"{{{ED_NS}}}format")),
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
