"""Chinese names in the registers: characters and tonal pinyin agree, and go together.

Every register name in simplified characters (xml:lang="zh-Hans") has a sibling in tonal pinyin
(xml:lang="zh-Latn-pinyin"), and that pinyin is one of the readings pypinyin derives from the
characters (tone marks, heteronyms allowed: 长 cháng/zhǎng, 华 huá/huà). The readings come from the
characters, never typed by hand; a name pypinyin reads wrongly goes in EXCEPTIONS with the reason.
Toneless pinyin in the same entry (the essay's own forms: Xiagang, danwei) must match the readings
once tones are set aside.
"""
from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pypinyin
import pytest
from lxml import etree

TEI = "http://www.tei-c.org/ns/1.0"
LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
NAME_ELEMENTS = {f"{{{TEI}}}{n}" for n in ("persName", "placeName", "orgName", "label", "term", "name", "title")}

#: Characters whose standard reading in a name pypinyin does not give, with the reading and why.
#: (None needed so far; add e.g. {"乐亭": ("lào tíng", "place name, local reading")}.)
EXCEPTIONS: dict[str, tuple[str, str]] = {}


def register_names(repo_root: Path) -> list[tuple[str, etree._Element, list[etree._Element]]]:
    """(entry id, the zh-Hans name, the entry's other names) for every zh-Hans name of the registers."""
    found = []
    for path in sorted((repo_root / "edition" / "registers").glob("*.xml")):
        tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
        for name in tree.iter(*NAME_ELEMENTS):
            if name.get(LANG) == "zh-Hans":
                entry = name.getparent()
                siblings = [e for e in entry if e.tag in NAME_ELEMENTS and e is not name]
                found.append((entry.get(XML_ID), name, siblings))
    return found


def syllables(characters: str) -> list[set[str]]:
    """For each character, the set of its tonal readings (lower case)."""
    if characters in EXCEPTIONS:
        return [{s} for s in EXCEPTIONS[characters][0].split()]
    readings = pypinyin.pinyin(characters, style=pypinyin.Style.TONE, heteronym=True, errors="ignore")
    return [{r.lower() for r in options} for options in readings]


def strip_tones(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if unicodedata.category(c) != "Mn"))


def compact(pinyin: str) -> str:
    """Pinyin as one lower-case run: spaces, apostrophes and hyphens between syllables dropped."""
    return "".join(c for c in unicodedata.normalize("NFC", pinyin.lower()) if c not in " '’-")


def spells(pinyin: str, readings: list[set[str]]) -> bool:
    """Whether ``pinyin`` is the characters' readings in order, one reading per character."""
    ends = {0}
    for options in readings:
        ends = {end + len(r) for end in ends for r in options if pinyin.startswith(r, end)}
        if not ends:
            return False
    return len(pinyin) in ends


@pytest.fixture(scope="module")
def names(repo_root):
    found = register_names(repo_root)
    assert found, "no Chinese names in the registers"
    return found


def test_every_zh_hans_name_has_a_tonal_pinyin_sibling(names):
    missing = [xml_id for xml_id, _, siblings in names
               if not any(s.get(LANG) == "zh-Latn-pinyin" and s.text != strip_tones(s.text or "") for s in siblings)]
    assert not missing, f"entries with characters but no tonal pinyin: {missing}"


def test_tonal_pinyin_is_read_from_the_characters(names):
    wrong = []
    for xml_id, name, siblings in names:
        readings = syllables(name.text)
        for s in siblings:
            if s.get(LANG) == "zh-Latn-pinyin" and s.text != strip_tones(s.text or ""):
                if not spells(compact(s.text), readings):
                    wrong.append(f"{xml_id}: {name.text} is not {s.text!r} (pypinyin: {readings})")
    assert not wrong, "\n".join(wrong)


def test_toneless_pinyin_agrees_with_the_characters(names):
    wrong = []
    for xml_id, name, siblings in names:
        readings = [{strip_tones(r) for r in options} for options in syllables(name.text)]
        for s in siblings:
            if s.get(LANG) == "zh-Latn-pinyin" and s.text == strip_tones(s.text or ""):
                if not spells(compact(s.text), readings):
                    wrong.append(f"{xml_id}: {name.text} is not {s.text!r}")
    assert not wrong, "\n".join(wrong)


def test_the_check_catches_a_wrong_tone():
    """The checker itself: a wrong tone or a wrong syllable is caught, a heteronym is accepted."""
    assert spells(compact("Zhèngzhōu"), syllables("郑州"))
    assert not spells(compact("Zhēngzhōu"), syllables("郑州"))
    assert not spells(compact("Zhèngzhōu Shì"), syllables("郑州"))
    assert spells(compact("Chángchūn"), syllables("长春")) and spells(compact("Liú Shàoqí"), syllables("刘少奇"))


def test_traditional_and_wade_giles_forms_are_labelled(names):
    """Traditional characters only beside simplified ones; Wade–Giles kept and labelled."""
    by_id = {xml_id: siblings for xml_id, _, siblings in names}
    langs = lambda xml_id: {s.get(LANG) for s in by_id[xml_id]}
    assert "zh-Hant" in langs("taiwan") and "zh-Hant" in langs("hong-kong")
    assert "zh-Latn-wadegile" in langs("chiang-kai-shek")


def preferred_name(entry: etree._Element) -> str:
    """The entry's preferred name as one string (a persName's forename and surname in document order)."""
    for name in entry:
        if name.tag in NAME_ELEMENTS and name.get("type") == "preferred":
            return " ".join(" ".join(name.itertext()).split())
    return entry.get(XML_ID)


def traditional_outside_the_rule(root: Path) -> list[str]:
    """Entries with traditional characters (zh-Hant) that the editorialDecl's rule on them does not name."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    essay = etree.parse(str(root / "edition" / "conditions.xml"), parser)
    rules = [" ".join("".join(p.itertext()).split())
             for p in essay.iter(f"{{{TEI}}}p") if "zh-Hant" in "".join(p.itertext())
             and p.xpath("ancestor::*[local-name()='editorialDecl']")]
    assert rules, "the editorialDecl states no rule on traditional characters"
    outside = []
    for path in sorted((root / "edition" / "registers").glob("*.xml")):
        for name in etree.parse(str(path), parser).iter(*NAME_ELEMENTS):
            if name.get(LANG) == "zh-Hant" and not any(preferred_name(name.getparent()) in r for r in rules):
                outside.append(f"{path.name}: {name.getparent().get(XML_ID)} ({name.text})")
    return outside


def test_traditional_characters_stand_only_where_the_rule_says(repo_root):
    """The rule (editorialDecl) and the data agree: every entry with zh-Hant is named in the rule."""
    assert traditional_outside_the_rule(repo_root) == []


def test_traditional_characters_on_an_entry_the_rule_does_not_name_fail(repo_root, tmp_path):
    shutil.copytree(repo_root / "edition", tmp_path / "edition")
    places = tmp_path / "edition" / "registers" / "places.xml"
    text = places.read_text(encoding="utf-8")
    old = '<placeName xml:lang="zh-Latn-pinyin">Běijīng</placeName>'
    assert text.count(old) == 1
    places.write_text(text.replace(old, old + '<placeName xml:lang="zh-Hant">北京</placeName>'), encoding="utf-8")
    assert traditional_outside_the_rule(tmp_path) == ["places.xml: beijing (北京)"]
