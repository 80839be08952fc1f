"""Authority identifiers of the registers (``idno``): a known authority, the authority's own form, one entity each.

Wikidata items are ``Q`` and digits, GeoNames and VIAF identifiers are digits, none with a leading
zero; an entry carries at most one identifier of each authority, and no identifier names two entries
(one entity, one entry). Which identifiers belong to which entity is checked by reading, not here:
the table of how each was verified is kept with the editors' working notes.
"""
from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

from lxml import etree

TEI = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)

#: The authorities the registers may cite, with the form of their identifiers.
FORMS = {"wikidata": re.compile(r"Q[1-9][0-9]*"), "geonames": re.compile(r"[1-9][0-9]*"),
         "viaf": re.compile(r"[1-9][0-9]*")}


def identifiers(root: Path) -> list[tuple[str, int, str, str, str]]:
    """(register file, line, entry id, authority, identifier) for every idno of the registers."""
    found = []
    for path in sorted((root / "edition" / "registers").glob("*.xml")):
        for idno in etree.parse(str(path), PARSER).iter(f"{{{TEI}}}idno"):
            found.append((path.name, idno.sourceline, idno.getparent().get(XML_ID), idno.get("type"), idno.text or ""))
    return found


def problems(root: Path) -> list[str]:
    found = identifiers(root)
    wrong = []
    for file, line, entry, authority, value in found:
        where = f"{file}:{line}: {entry}"
        if authority not in FORMS:
            wrong.append(f"{where}: idno type '{authority}' is not one of {sorted(FORMS)}")
        elif not FORMS[authority].fullmatch(value):
            wrong.append(f"{where}: '{value}' is not a {authority} identifier ({FORMS[authority].pattern})")
    for (entry, authority), n in Counter((e, a) for _, _, e, a, _ in found).items():
        if n > 1:
            wrong.append(f"{entry}: {n} {authority} identifiers for one entry")
    for (authority, value), n in Counter((a, v) for _, _, _, a, v in found).items():
        if n > 1:
            entries = sorted(e for _, _, e, a, v in found if (a, v) == (authority, value))
            wrong.append(f"{authority} {value} names {n} entries: {', '.join(entries)}")
    return wrong


def test_every_authority_identifier_has_its_authoritys_form(repo_root):
    assert identifiers(repo_root), "the registers carry no authority identifier"
    assert problems(repo_root) == []


def break_register(repo_root: Path, tmp_path: Path, old: str, new: str) -> Path:
    shutil.copytree(repo_root / "edition", tmp_path / "edition")
    persons = tmp_path / "edition" / "registers" / "persons.xml"
    text = persons.read_text(encoding="utf-8")
    assert text.count(old) == 1
    persons.write_text(text.replace(old, new), encoding="utf-8")
    return tmp_path


def test_an_identifier_out_of_form_fails(repo_root, tmp_path):
    root = break_register(repo_root, tmp_path, '<idno type="wikidata">Q855</idno>', '<idno type="wikidata">855</idno>')
    assert [m for m in problems(root) if "joseph-stalin" in m and "'855' is not a wikidata identifier" in m]


def test_an_unknown_authority_fails(repo_root, tmp_path):
    root = break_register(repo_root, tmp_path, '<idno type="wikidata">Q855</idno>', '<idno type="wikipedia">Joseph_Stalin</idno>')
    assert [m for m in problems(root) if "joseph-stalin" in m and "'wikipedia' is not one of" in m]


def test_one_identifier_on_two_entries_fails(repo_root, tmp_path):
    root = break_register(repo_root, tmp_path, '<idno type="wikidata">Q855</idno>', '<idno type="wikidata">Q5816</idno>')
    assert "wikidata Q5816 names 2 entries: joseph-stalin, mao-zedong" in problems(root)
