"""Register descriptions keep apart what the essay says and what the editors add (editorialDecl).

A statement drawn from the essay points to the paragraphs it rests on (``<ptr target="#p-…"/>``), and
each of them must mention the entry; the editors' own knowledge is ``<seg type="editorial"
resp="#editors">``, whose ``@source``, where given, is the address of the page the statement was
checked against; a Wikidata page there must be that of one of the entry's own authority identifiers. A paragraph mentions an entry when something in it points to the entry
(``@ref``, ``@who``, ``@source``); the essay's author speaks in every paragraph of the essay, and a
comment's signer in every paragraph of the comment.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from lxml import etree

TEI = "http://www.tei-c.org/ns/1.0"
NS = {"t": TEI}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)

#: Words by which a description says it reports the essay (or the reader comment).
ESSAY_CLAIM = re.compile(r"\b(essay|the author|the authors|reader comment|the comment|commenter|"
                         r"the text|named in|quoted|according to)\b", re.IGNORECASE)


def tokens(value: str | None) -> list[str]:
    return [t.lstrip("#") for t in (value or "").split()]


def paragraph_mentions(essay: etree._ElementTree) -> dict[str, set[str]]:
    """For each paragraph identifier, the register entries it mentions."""
    author = set(tokens(essay.xpath("string(//t:titleStmt/t:author/@ref)", namespaces=NS)))
    mentions = {}
    for p in essay.xpath("//t:text//t:p[@xml:id]", namespaces=NS):
        found = {t for el in p.iter() for a in ("ref", "who", "source") for t in tokens(el.get(a))}
        if p.xpath("ancestor::t:body", namespaces=NS):
            found |= author
        for signer in p.xpath("ancestor::t:div[@type='comment'][1]/t:closer//t:persName/@ref", namespaces=NS):
            found |= set(tokens(signer))
        mentions[p.get(XML_ID)] = found
    return mentions


def descriptions(registers: Path):
    """(file, entry element, description element) for every register description and gloss."""
    for path in sorted(registers.glob("*.xml")):
        tree = etree.parse(str(path), PARSER)
        for d in tree.xpath("//t:note[@type='description'] | //t:item/t:gloss", namespaces=NS):
            yield path, d.getparent(), d


def outside_editorial(description: etree._Element) -> str:
    """The description's own words, without the editors' statements and without notes."""
    text = [t for t in description.xpath(".//text()[not(ancestor::t:seg[@type='editorial'])]", namespaces=NS)]
    return " ".join("".join(text).split())


#: Words before a full stop that do not end a sentence (U.S., St Petersburg written St., p. 258).
ABBREVIATIONS = {"U.S", "St", "p", "pp", "no", "Mr", "Dr"}
PTR, EDITORIAL = "\x00", "\x01"


def marked_text(description: etree._Element) -> str:
    """The description's text with each pointer as PTR and each editors' statement as EDITORIAL."""
    def walk(el) -> str:
        out = []
        for child in el:
            if child.tag == f"{{{TEI}}}ptr":
                out.append(PTR)
            elif child.tag == f"{{{TEI}}}seg" and child.get("type") == "editorial":
                out.append(EDITORIAL)
            else:
                out.append((child.text or "") + walk(child))
            out.append(child.tail or "")
        return "".join(out)
    return (description.text or "") + walk(description)


def sentences(description: etree._Element) -> list[str]:
    """The description cut into sentences (editors' statements and pointers kept as markers)."""
    text = " ".join(marked_text(description).split())
    found, start = [], 0
    for end in re.finditer(r"[.!?](?=\s+[A-Z\"\x01]|\s*$)", text):
        word = re.search(r"(\S+)$", text[start:end.start()])
        if word and word.group(1).split("(")[-1] in ABBREVIATIONS:
            continue
        found.append(text[start:end.end()].strip())
        start = end.end()
    if text[start:].strip():
        found.append(text[start:].strip())
    return found


def unpointed_sentences(description: etree._Element) -> list[str]:
    """Sentences with words of their own (not the editors') and no pointer to a paragraph."""
    return [s for s in sentences(description)
            if PTR not in s and re.search(r"\w", s.replace(EDITORIAL, ""))]


def problems(root: Path) -> list[str]:
    """Every way a description fails the rule, as 'file:line: entry: message'."""
    essay = etree.parse(str(root / "edition" / "conditions.xml"), PARSER)
    mentions = paragraph_mentions(essay)
    found = []
    for path, entry, d in descriptions(root / "edition" / "registers"):
        xml_id = entry.get(XML_ID)
        where = f"{path.name}:{d.sourceline}: {xml_id}"
        pointers = d.xpath(".//t:ptr", namespaces=NS)
        for ptr in pointers:
            target = ptr.get("target", "").lstrip("#")
            if target not in mentions:
                found.append(f"{where}: pointer to '{target}', which is not a paragraph of the essay")
            elif xml_id not in mentions[target]:
                found.append(f"{where}: pointer to '{target}', a paragraph that does not mention the entry")
        own_words = outside_editorial(d)
        if ESSAY_CLAIM.search(own_words) and not pointers:
            found.append(f"{where}: says what the essay says ('{ESSAY_CLAIM.search(own_words).group(0)}') "
                         "without a pointer to a paragraph")
        elif re.search(r"\w", own_words) and not pointers:
            found.append(f"{where}: a statement that is neither the editors' (seg) nor pointed to a paragraph")
        else:
            for sentence in unpointed_sentences(d):
                shown = sentence.replace(EDITORIAL, "[editors]")
                found.append(f"{where}: a sentence that speaks of the essay without a pointer: '{shown}'")
        authority = {f"https://www.wikidata.org/wiki/{i.text}" for i in entry.xpath("t:idno[@type='wikidata']", namespaces=NS)}
        for seg in d.xpath(".//t:seg", namespaces=NS):
            if seg.get("type") != "editorial" or seg.get("resp") != "#editors":
                found.append(f"{where}: a seg in a description must be type='editorial' resp='#editors'")
            for url in (seg.get("source") or "").split():
                if "wikidata.org" in url and url not in authority:
                    found.append(f"{where}: source {url} is not the Wikidata page of the entry's own identifier")
                elif not re.match(r"https?://\S+$", url):
                    found.append(f"{where}: source {url} is not the address of a page the editors read")
    return found


def copy_edition(repo_root: Path, tmp_path: Path) -> Path:
    shutil.copytree(repo_root / "edition", tmp_path / "edition")
    return tmp_path


def edit(root: Path, register: str, old: str, new: str) -> None:
    path = root / "edition" / "registers" / register
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_every_description_of_the_edition_follows_the_rule(repo_root):
    assert problems(repo_root) == []


def test_every_description_rests_on_a_paragraph_or_is_the_editors(repo_root):
    """Nearly every entry is mentioned in the essay, so nearly every description points somewhere."""
    total = pointed = 0
    for _, _, d in descriptions(repo_root / "edition" / "registers"):
        total += 1
        pointed += bool(d.xpath(".//t:ptr", namespaces=NS))
    assert total > 250 and pointed == total


#: The essay-based sentence of Stalin's description (persons.xml), which the tests below rewrite.
STALIN_ESSAY_SENTENCE = ('Named once, among the revolutionary leaders whose images are displayed throughout Nanjiecun '
                         '<ptr target="#p-few-cases-small"/>.</note>\n        </person>\n        <person xml:id="friedrich-engels"')


def rewrite_stalins_essay_sentence(root, sentence: str) -> None:
    """Replace that sentence (up to the end of Stalin's entry) with ``sentence``."""
    edit(root, "persons.xml", STALIN_ESSAY_SENTENCE,
         sentence + '</note>\n        </person>\n        <person xml:id="friedrich-engels"')


def test_claim_about_the_essay_without_a_pointer_fails(repo_root, tmp_path):
    root = copy_edition(repo_root, tmp_path)
    rewrite_stalins_essay_sentence(root, "Named once in the essay, among the revolutionary leaders of Nanjiecun.")
    assert [m for m in problems(root) if "joseph-stalin" in m and "says what the essay says" in m]


def test_statement_neither_pointed_nor_marked_fails(repo_root, tmp_path):
    root = copy_edition(repo_root, tmp_path)
    rewrite_stalins_essay_sentence(root, "A Georgian by birth.")
    assert [m for m in problems(root) if "joseph-stalin" in m and "neither the editors'" in m]


def test_pointer_to_a_paragraph_that_does_not_mention_the_entry_fails(repo_root, tmp_path):
    root = copy_edition(repo_root, tmp_path)
    rewrite_stalins_essay_sentence(
        root, 'Named once, among the revolutionary leaders whose images are displayed throughout Nanjiecun '
              '<ptr target="#p-every-class-stratum"/>.')
    assert [m for m in problems(root) if "joseph-stalin" in m and "does not mention the entry" in m]


def test_editors_statement_with_a_source_that_is_not_the_entrys_own_fails(repo_root, tmp_path):
    root = copy_edition(repo_root, tmp_path)
    edit(root, "persons.xml", 'source="https://www.wikidata.org/wiki/Q855"', 'source="https://www.wikidata.org/wiki/Q5816"')
    assert [m for m in problems(root) if "joseph-stalin" in m and "not the Wikidata page" in m]


def test_editors_statement_with_a_source_that_is_no_address_fails(repo_root, tmp_path):
    root = copy_edition(repo_root, tmp_path)
    edit(root, "persons.xml", 'source="https://www.wikidata.org/wiki/Q855"', 'source="Wikipedia"')
    assert [m for m in problems(root) if "joseph-stalin" in m and "not the address of a page" in m]


def test_editors_statement_alone_needs_no_pointer(repo_root, tmp_path):
    root = copy_edition(repo_root, tmp_path)
    edit(root, "persons.xml", '<seg type="editorial" resp="#editors" source="https://www.wikidata.org/wiki/Q855">Soviet leader (1878–1953).</seg> Named once, among the revolutionary leaders whose images are displayed throughout Nanjiecun <ptr target="#p-few-cases-small"/>.',
         '<seg type="editorial" resp="#editors" source="https://www.wikidata.org/wiki/Q855">Soviet leader (1878–1953).</seg>')
    assert not [m for m in problems(root) if "joseph-stalin" in m]


def test_a_second_sentence_without_a_pointer_fails_though_the_first_has_one(repo_root, tmp_path):
    """The rule holds sentence by sentence: one pointer does not cover the whole description."""
    root = copy_edition(repo_root, tmp_path)
    rewrite_stalins_essay_sentence(
        root, 'Named once, among the revolutionary leaders whose images are displayed throughout Nanjiecun '
              '<ptr target="#p-few-cases-small"/>. The reader comment names him too.')
    assert [m for m in problems(root)
            if "joseph-stalin" in m and "without a pointer: 'The reader comment names him too.'" in m]


def test_abbreviations_and_editors_statements_do_not_cut_or_count_as_sentences():
    note = etree.fromstring(
        f'<note xmlns="{TEI}">The U.S. border, as the essay says <ptr target="#p-x"/>. '
        f'<seg type="editorial" resp="#editors">Editors. Two sentences.</seg> Cited (p. 258) <ptr target="#p-y"/>.</note>')
    assert [s.replace(PTR, "[P]").replace(EDITORIAL, "[E]") for s in sentences(note)] == [
        "The U.S. border, as the essay says [P].", "[E] Cited (p. 258) [P]."]
    assert unpointed_sentences(note) == []
