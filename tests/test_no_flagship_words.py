"""Nothing of one edition in the pipeline (issue 21 item 5): the fixture editions of real public-domain texts
(a letter, an essay, an address, a German tale) are built, and every output is searched for what belongs to the
Weil edition, taken from its own sources (edition/): every identifier (xml:id), the names of its register entries,
its header's titles, author, publisher and idnos, the names of its files, and every word of its TEI that is
neither in the fixture's own sources, nor in the labels files, nor in the pipeline's declarations and
schema (page names, kind titles, the encoding manual's element documentation). It looks for 773 identifiers,
names, header strings and file names and 3,468 words (the Weil edition as of this writing; the assertion
message prints the counts of the day with what it found).

Where the outputs are searched: the visible text of the HTML (without script and style) and the attribute values
a reader sees (title, alt, aria-label, placeholder, data-tip, data-speaker); for identifiers also every id and
href. The plain texts; the string values of JSON, CSV and Turtle; and the outputs' file names."""
from __future__ import annotations

import csv
import json
import re
import shutil
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import pytest
from lxml import etree, html

from edition.build import build
from edition.project import Project

ROOT = Path(__file__).resolve().parent.parent
WEIL = ROOT / "edition"
FIXTURES = ("letter-edition", "essay-edition", "second-edition", "german-edition")
TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
#: Entry elements of the registers and the children that name them (declarations.xsl's ed:names).
NAME_ELEMENTS = {f"{TEI}{n}" for n in ("persName", "placeName", "orgName", "name", "label", "title", "term")}
READER_ATTRIBUTES = ("title", "alt", "aria-label", "placeholder", "data-tip", "data-speaker")
WORD = re.compile(r"[^\W\d_](?:[\w'’-]*[^\W_])?")


def words(text: str) -> set[str]:
    """The words of a text, lower case; a hyphenated identifier (open-curly) is one word."""
    return {w.lower() for w in WORD.findall(text)}


def text_of(folder: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.rglob("*"))
                     if p.is_file() and p.suffix in {".xml", ".toml", ".md", ".txt", ".rnc", ".sch", ".rng", ".xsl"})


@dataclass(frozen=True)
class Flagship:
    """What belongs to the Weil edition: whole strings (identifiers, names, header strings, file names) and words."""

    strings: frozenset[str]
    words: frozenset[str]


@lru_cache(maxsize=None)
def flagship_tokens() -> Flagship:
    strings: set[str] = set()
    text_words: set[str] = set()
    for path in sorted(WEIL.rglob("*")):
        if not path.is_file():
            continue
        strings |= {path.name, path.stem}
        if path.suffix != ".xml":
            continue
        root = etree.parse(str(path)).getroot()
        text_words |= words(" ".join(root.itertext()))
        for element in root.iter():
            if not isinstance(element.tag, str):
                continue
            if element.get(XML_ID):
                strings.add(element.get(XML_ID))
            if element.tag in NAME_ELEMENTS and element.getparent() is not None and element.getparent().get(XML_ID):
                strings.add(" ".join("".join(element.itertext()).split()))
        header = root.find(f"{TEI}teiHeader")
        if header is not None:
            for step in ("titleStmt/title", "titleStmt/author", "publicationStmt/publisher", "publicationStmt/idno"):
                path_in_tei = "/".join(TEI + name for name in ("fileDesc/" + step).split("/"))
                strings |= {" ".join("".join(e.itertext()).split()) for e in header.iterfind(path_in_tei)}
    # The pipeline's own words: labels, declarations and the schema's documentation are not the edition's.
    pipeline = words(text_of(ROOT / "xslt" / "labels")
                     + (ROOT / "xslt" / "common" / "declarations.xsl").read_text(encoding="utf-8")
                     + text_of(ROOT / "schema"))
    toml = WEIL / "edition.toml"
    if toml.exists():
        strings |= {v for v in re.findall(r'"([^"\n]+)"', toml.read_text(encoding="utf-8"))}
    # The citation formats' field names (BibTeX, CFF) and the month names dates are printed with are not words
    # of the edition either.
    pipeline |= {"online", "authors", "organization", "author", "title", "url", "urldate", "version", "message"}
    pipeline |= {date(2000, m, 1).strftime("%B").lower() for m in range(1, 13)}
    return Flagship(frozenset(s for s in strings if len(s) > 3 and s.lower() not in pipeline), frozenset(text_words - pipeline))


def json_strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in json_strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in json_strings(v)]
    return []


def reader_strings(path: Path) -> tuple[list[str], list[str]]:
    """What a reader sees of an output, and the identifiers it carries (ids, link targets)."""
    if path.suffix == ".html":
        tree = html.parse(str(path))
        for bad in tree.xpath("//script | //style"):
            bad.drop_tree()
        seen = list(tree.getroot().itertext()) + [v for a in READER_ATTRIBUTES for v in tree.xpath(f"//@{a}")]
        return seen, [str(v) for v in tree.xpath("//@id | //@href")]
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix in {".json", ".jsonld", ".geojson"}:
        strings = json_strings(json.loads(text))
        return strings, strings
    if path.suffix == ".csv":
        cells = [c for row in csv.reader(text.splitlines()) for c in row]
        return cells, cells
    if path.suffix == ".ttl":
        strings = re.findall(r'"((?:[^"\\]|\\.)*)"', text) + re.findall(r"<([^>\s]+)>", text)
        return strings, strings
    if path.suffix in {".txt", ".bib", ".ris", ".cff"}:
        return [text], [text]
    return [], []


def leaks(fixture: Path, build_dir: Path) -> list[str]:
    flagship = flagship_tokens()
    own = text_of(fixture / "edition")
    own_words = words(own)
    strings = {s for s in flagship.strings if s.lower() not in own.lower()}
    suspect_words = flagship.words - own_words
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, sorted(strings, key=len, reverse=True))) + r")(?![\w-])")
    found: set[str] = set()
    for path in sorted(build_dir.rglob("*")):
        if not path.is_file() or "pagefind" in path.parts:
            continue
        where = path.relative_to(build_dir).as_posix()
        for part in path.relative_to(build_dir).parts:
            if part in strings or Path(part).stem in strings:
                found.add(f"{where}: file name {part!r}")
        seen, identifiers = reader_strings(path)
        for text in seen + identifiers:
            found |= {f"{where}: {m!r}" for m in pattern.findall(text)}
        for text in seen:
            found |= {f"{where}: word {w!r}" for w in words(text) & suspect_words}
    return sorted(found)


@pytest.fixture(scope="module", params=FIXTURES)
def built(request, tmp_path_factory) -> tuple[Path, Path]:
    fixture = ROOT / "tests" / "fixtures" / request.param
    root = tmp_path_factory.mktemp(request.param)
    shutil.copytree(fixture / "edition", root / "edition")
    for folder in ("xslt", "schema"):
        (root / folder).symlink_to(ROOT / folder)
    build(Project(root), books=False)
    return fixture, root / "build"


def test_the_flagship_tokens_are_many():
    flagship = flagship_tokens()
    assert len(flagship.strings) > 500 and len(flagship.words) > 1000, (len(flagship.strings), len(flagship.words))


def test_no_output_of_another_edition_holds_a_word_of_the_weil_edition(built):
    fixture, build_dir = built
    found = leaks(fixture, build_dir)
    flagship = flagship_tokens()
    assert not found, (f"{fixture.name}: looked for {len(flagship.strings)} identifiers, names, header strings and file "
                       f"names and {len(flagship.words)} words of the Weil edition; found {len(found)}:\n" + "\n".join(found[:150]))
