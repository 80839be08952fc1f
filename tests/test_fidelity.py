"""Whole-edition checks: the edition keeps every word and mark of the witness, in order."""
from __future__ import annotations

import difflib
import re

import pytest
from lxml import etree

from edition.project import NS

from xslt_support import ROOT

#: Witness lines that belong to the work (title, byline, essay, comment); the rest is site chrome.
WITNESS_LINES = (slice(2, 4), slice(5, 139), slice(140, 143))
QUOTE_CHARS = "\"“”‘’'"


def witness_text() -> str:
    lines = (ROOT / "edition" / "source" / "conditions-of-the-working-classes-in-china.txt").read_text(encoding="utf-8").split("\n")
    kept = [line for part in WITNESS_LINES for line in lines[part]]
    text = " ".join(kept)
    return " ".join(re.sub(r"^\s*1\.\s", "1. ", text).split())


@pytest.fixture(scope="module")
def built(built_edition) -> dict[str, str]:
    out = built_edition.build_dir
    return {view: (out / "text" / f"{view}.txt").read_text(encoding="utf-8") for view in ("reading", "diplomatic")}


def first_difference(expected: list[str], actual: list[str]) -> str:
    matcher = difflib.SequenceMatcher(a=expected, b=actual, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag != "equal":
            return (f"{tag} at word {a1}: witness {' '.join(expected[max(0, a1 - 5):a2 + 5])!r} "
                    f"edition {' '.join(actual[max(0, b1 - 5):b2 + 5])!r}")
    return ""


def test_diplomatic_text_has_every_witness_word_in_order(built):
    expected, actual = witness_text().split(), built["diplomatic"].split()
    assert expected == actual, first_difference(expected, actual)


def test_diplomatic_text_equals_witness_character_for_character(built):
    assert " ".join(built["diplomatic"].split()) == witness_text()


def test_reading_text_differs_from_diplomatic_only_at_interventions(built):
    """Block by block, every character that differs is part of a recorded intervention: a correction or
    supplied word (corr, supplied) against a witness error (sic), or a regularised reading (reg) against
    the writer's own form (orig)."""
    strip = str.maketrans("", "", QUOTE_CHARS + "[] ")
    tree = etree.parse(str(ROOT / "edition" / "conditions.xml"))
    added = {" ".join(e.xpath("string(.)").split()).translate(strip)
             for e in tree.xpath("//t:text//t:corr | //t:text//t:supplied | //t:text//t:reg", namespaces=NS)}
    removed = {" ".join(e.xpath("string(.)").split()).translate(strip) for e in tree.xpath("//t:text//t:sic | //t:text//t:orig", namespaces=NS)}
    reading = [b for b in built["reading"].split("\n\n") if not re.fullmatch(r"\[[^]]*\]\s*", b)]
    diplomatic = built["diplomatic"].split("\n\n")
    assert len(reading) == len(diplomatic)
    for r, d in zip(reading, diplomatic):
        r, d = r.translate(strip), d.translate(strip)
        for tag, a1, a2, b1, b2 in difflib.SequenceMatcher(a=d, b=r, autojunk=False).get_opcodes():
            if tag == "equal":
                continue
            assert any(r[b1:b2] in text for text in added), f"{r[max(0, b1 - 20):b2 + 20]!r}: {r[b1:b2]!r} is not an editorial addition"
            assert any(d[a1:a2] in text for text in removed), f"{d[max(0, a1 - 20):a2 + 20]!r}: {d[a1:a2]!r} is not a recorded error"


def test_reading_text_has_no_straight_quotes(built):
    assert '"' not in built["reading"]
