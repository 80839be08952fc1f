"""Labels in the edition's language (issue 22 item 4): one labels file per language, German complete, and a
German edition whose pages print no English label."""
from __future__ import annotations

import json
import re
import shutil
import warnings
from pathlib import Path

import pytest
from lxml import etree, html

from edition.build import build
from edition.project import Project

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "xslt" / "labels"
GERMAN = ROOT / "tests" / "fixtures" / "german-edition"
PLACEHOLDER = re.compile(r"\{\d+\}")


def labels(lang: str) -> dict[str, str]:
    return {e.get("key"): e.text or "" for e in etree.parse(str(LABELS / f"{lang}.xml")).getroot().iter("label")}


def test_every_language_has_every_english_key_and_the_same_placeholders():
    english = labels("en")
    for path in sorted(LABELS.glob("*.xml")):
        other = labels(path.stem)
        missing = sorted(set(english) - set(other))
        if missing:  # the stylesheets fall back to English: said here, not silently
            warnings.warn(f"{path.name} lacks {len(missing)} labels, printed in English: {', '.join(missing)}")
        assert not set(other) - set(english), f"{path.name} has keys English lacks"
        for key in set(english) & set(other):
            assert sorted(PLACEHOLDER.findall(english[key])) == sorted(PLACEHOLDER.findall(other[key])), (path.name, key)
    assert set(labels("de")) == set(english), "German ships complete"


def test_every_label_the_stylesheets_and_scripts_name_exists():
    english = set(labels("en"))
    named = set()
    for path in (ROOT / "xslt").rglob("*.xsl"):
        named |= set(re.findall(r"ed:label(?:-nodes)?\('([\w.-]+\w)'", path.read_text(encoding="utf-8")))
    for path in (ROOT / "xslt" / "assets").glob("*.js"):
        named |= {"js." + k for k in re.findall(r"\b(?:label|words)\(\"([\w-]+)\"", path.read_text(encoding="utf-8"))}
    assert named, "the stylesheets name labels"
    assert named - english == set()


def visible_text(path: Path) -> str:
    """What a reader of the page sees in its own language: the encoding manual prints the schema's documentation
    and the rules' messages as the schema has them (English), marked with their language, and they are left out."""
    if path.suffix == ".html":
        tree = html.parse(str(path))
        page_lang = tree.getroot().get("lang")
        for bad in tree.xpath("//script | //style | //body//*[@lang][@lang != $lang]", lang=page_lang):
            bad.drop_tree()
        return " ".join(tree.getroot().itertext()) + " " + " ".join(tree.xpath("//@title | //@aria-label | //@placeholder | //@alt"))
    if path.suffix == ".json":
        strings: list[str] = []

        def walk(value):
            if isinstance(value, str):
                strings.append(value)
            elif isinstance(value, dict):
                # The encoding manual's record holds the schema's documentation and messages (English) to be found
                # by: its title and section are the labels.
                for k, v in value.items():
                    if not (k == "content" and value.get("url") == "encoding.html"):
                        walk(v)
            elif isinstance(value, list):
                for v in value:
                    walk(v)
        walk(json.loads(path.read_text(encoding="utf-8")))
        return " ".join(strings)
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def german_build(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("german")
    shutil.copytree(GERMAN / "edition", root / "edition")
    for folder in ("xslt", "schema"):
        (root / folder).symlink_to(ROOT / folder)
    build(Project(root), books=False)
    return root / "build"


def test_the_german_edition_prints_no_english_label(german_build):
    english, german = labels("en"), labels("de")
    # Each English label's fixed words (between placeholders), where they differ from the German.
    phrases = {part.strip() for key, text in english.items() if text != german.get(key)
               for part in PLACEHOLDER.split(text) if len(part.strip()) > 3}
    outputs = [p for p in german_build.rglob("*") if p.is_file() and p.suffix in {".html", ".txt", ".json"}
               and "pagefind" not in p.parts]
    assert any(p.name == "index.html" for p in outputs)
    found = {(phrase, p.relative_to(german_build).as_posix()) for p in outputs
             for phrase in phrases if re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", visible_text(p))}
    assert not found, sorted(found)[:40]
    page = html.parse(str(german_build / "html" / "index.html")).getroot()
    assert page.get("lang") == "de"
    assert "Inhalt" in page.xpath("string(//nav[@class='toc']/h2)")


def test_no_page_prints_a_label_key_instead_of_its_label(built_edition):
    """A key handed to the page where its label was meant ("nav.reading-text" in the navigation) is caught on
    every page of the real edition: visible text and the attributes a reader meets (the encoding manual's
    examples of the TEI, which quote the header's own label taxonomy, aside)."""
    import re

    from lxml import etree
    from lxml import html as lxml_html

    keys = {e.get("key") for e in etree.parse(str(built_edition.xslt_dir / "labels" / "en.xml")).iter("label")}
    dotted = {k for k in keys if "." in k}
    found = []
    for page in sorted((built_edition.build_dir / "html").glob("*.html")):
        root = lxml_html.parse(str(page)).getroot()
        for element in root.xpath("//script | //style | //pre | //code"):
            element.getparent().remove(element)
        seen = " ".join(root.itertext()) + " " + " ".join(
            value for e in root.iter() if isinstance(e.tag, str)
            for name, value in e.attrib.items() if name in ("title", "alt", "aria-label", "data-tip", "placeholder"))
        found += [f"{page.name}: {k}" for k in dotted if re.search(rf"(?<![\w.-]){re.escape(k)}(?![\w-])", seen)]
    assert not found, found
