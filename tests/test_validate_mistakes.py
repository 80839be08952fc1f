"""One editing mistake at a time, injected into a copy of the REAL edition (essay or register):
``edition validate`` names the offending token, says what is allowed, and places the message at
the exact line and column where the mistake was typed: the start tag, the attribute, or the character.

Each case replaces the first occurrence of ``old`` by ``new`` in one file of the copy. The expected
place is computed from the edited file: where ``new`` begins, plus the position of ``at`` inside it
(the offending token). The expected message is written out in full: it is the contract with editors.
Every Schematron rule and every kind of RelaxNG mistake has a case; ``tests/fixtures/invalid-*.xml``
keep checking the same rules on small files (tests/test_schema.py).
"""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from edition.errors import Problem
from edition.project import Project
from edition.checks.validate import validate

ESSAY = "edition/conditions.xml"
PERSONS = "edition/registers/persons.xml"
PLACES = "edition/registers/places.xml"
GLOSSARY = "edition/registers/glossary.xml"
LOCK = "edition/ids.lock"


@dataclass(frozen=True)
class Mistake:
    file: str
    old: str
    new: str
    at: str  # where the message must point: its first occurrence in ``new``, else its last before the edit
    message: str
    severity: str = "error"
    at_offset: int = 0  # added to the position of ``at`` (a character inside a token)


def inject(project: Project, mistake: Mistake) -> tuple[int, int]:
    """Make the mistake in the copy; return the line and column (1-based, characters) it must be reported at."""
    path = project.root / mistake.file
    text = path.read_text(encoding="utf-8")
    start = text.index(mistake.old)
    edited = text[:start] + mistake.new + text[start + len(mistake.old):]
    path.write_text(edited, encoding="utf-8")
    # The offending token is in what was typed, or (a thing left out) the entry or element before it.
    at = start + mistake.new.index(mistake.at) if mistake.at in mistake.new else edited.rindex(mistake.at, 0, start)
    offset = at + mistake.at_offset
    line = edited.count("\n", 0, offset) + 1
    return line, offset - (edited.rfind("\n", 0, offset) + 1) + 1


PRESIDENT = '<persName ref="#chiang-kai-shek">Chiang Kai-shek</persName>'
TWO = '<num type="cardinal" value="2">two</num>'
DATE = 'when="1999"'
XIAGANG_GLOSS = ('<gloss><seg type="editorial" resp="#editors">下岗, literally stepping down from one\'s post: the reform-era term for workers of state enterprises laid off while keeping, for a time, a formal tie to their enterprise.</seg> The essay defines it as workers who, at least in theory, receive a payment from their former factory, usually for a set number of years <ptr target="#p-scale-disaster-difficult"/>; many laid-off workers are refused it <ptr target="#p-older-workers-have"/>, protests now defend Xiagang payments <ptr target="#p-demonstrations-sometimes-large"/>, and migrants say of a laid-off urban worker that he deserves to be Xiagang <ptr target="#p-surface-least-would"/>.</gloss>')

#: What a paragraph may contain: every element, none left out of the message.
EVERY_CHILD_OF_P = ("<att>, <choice>, <cit>, <code>, <corr>, <date>, <foreign>, <gi>, <hi>, <lb>, <measure>, <mentioned>, <name>, <note>, <num>, <orgName>, <pb>, <persName>, <placeName>, <ptr>, <q>, <quote>, <ref>, <rs>, <said>, <soCalled>, <supplied>, <term>, <time>, <title>, <val>")

MISTAKES = {
    # ---------------------------------------------------------------- elements (RelaxNG)
    "element-name-near-miss": Mistake(
        ESSAY, PRESIDENT, PRESIDENT.replace("persName", "persname"), "<persname",
        "element <persname> is not allowed here: the schema has no element <persname>; did you mean <persName>?"),
    "element-unknown": Mistake(
        ESSAY, TWO, f"<blink>{TWO}</blink>", "<blink",
        "element <blink> is not allowed here: the schema has no element <blink>; <p> may contain "
        f"{EVERY_CHILD_OF_P}"),
    "element-misplaced": Mistake(
        ESSAY, TWO, f"<gloss>{TWO}</gloss>", "<gloss",
        f"element <gloss> is not allowed here: <p> may contain {EVERY_CHILD_OF_P}"),
    "element-missing": Mistake(
        ESSAY, '<choice><sic>we they</sic><corr resp="#editors">they</corr></choice>',
        '<choice><sic>we they</sic></choice>', "<choice",
        "<choice> is incomplete; <choice> holds: (sic, corr) | (corr, sic) | (orig, reg) | (reg, orig)"),
    "element-out-of-order": Mistake(
        ESSAY, '</p>\n        <p xml:id="p-older-workers-have">',
        '</p><head>Late heading</head>\n        <p xml:id="p-older-workers-have">', "<head>",
        "element <head> is not allowed here; <div> holds: head?, opener?, (p | div | (cit | quote | lg | list | table | figure | pb))+, "
        "closer?, postscript?"),
    "text-where-only-elements-go": Mistake(
        PLACES, '<place xml:id="asia" type="region">', '<place xml:id="asia" type="region">stray words', "stray",
        "text is not allowed directly in <place>; <place> holds: placeName+, location?, idno*, note*, place*"),
    "element-wrong-namespace": Mistake(
        ESSAY, TWO, f'<b xmlns="http://www.w3.org/1999/xhtml">{TWO}</b>', "<b ",
        "element <b> is not in the TEI namespace (http://www.w3.org/1999/xhtml): every element of the edition is TEI"),
    # -------------------------------------------------------------- attributes (RelaxNG)
    "attribute-name-near-miss": Mistake(
        ESSAY, TWO, TWO.replace("type=", "typ="), "typ=",
        "attribute @typ is not allowed on <num>; did you mean @type? (<num> takes @atLeast, @atMost, @type, @value)"),
    "attribute-required-missing": Mistake(
        ESSAY, TWO, TWO.replace('type="cardinal" ', ""), "<num",
        '<num> needs @type: one of "cardinal", "ordinal", "percentage", "fraction"'),
    # ------------------------------------------------------------------ values (RelaxNG)
    "value-closed-list-near-miss": Mistake(
        ESSAY, TWO, TWO.replace('"cardinal"', '"cardnal"'), "type=",
        'attribute @type="cardnal" on <num> is not allowed: @type must be one of "cardinal", "ordinal", '
        '"percentage", "fraction"; did you mean "cardinal"?'),
    "value-date": Mistake(
        ESSAY, DATE, 'when="1999-13"', "when=",
        'attribute @when="1999-13" on <date> is not allowed: @when must be a W3C date: YYYY, YYYY-MM, YYYY-MM-DD '
        "or --MM-DD (day and month, no year)"),
    "value-number": Mistake(
        ESSAY, TWO, TWO.replace('value="2"', 'value="2,000"'), "value=",
        'attribute @value="2,000" on <num> is not allowed: @value must be a decimal number such as 12 or 3.5 (no commas, no spaces)'),
    "value-pointer-form": Mistake(
        ESSAY, PRESIDENT, PRESIDENT.replace('"#chiang', '"chiang'), "ref=",
        'attribute @ref="chiang-kai-shek" on <persName> is not allowed: @ref must be a same-document pointer to an '
        "identifier: '#' followed by an identifier"),
    "value-identifier-form": Mistake(
        # A section nothing points to: renaming a paragraph would also (rightly) leave pointers dangling.
        ESSAY, '<div type="section" xml:id="urban-proletariat">', '<div type="section" xml:id="Urban-proletariat">',
        "xml:id",
        'attribute @xml:id="Urban-proletariat" on <div> is not allowed: @xml:id must be an identifier: '
        "lower-case ASCII letter, then letters, digits, hyphens"),
    "value-text-datatype": Mistake(
        PLACES, "<geo>", "<geo>x", "x",
        '<geo> holds "x34.0 100.0": it must be decimal degrees, "LATITUDE LONGITUDE"'),
    # ---------------------------------------------------------------- pointers (Schematron)
    "pointer-dangling-near-miss": Mistake(
        ESSAY, 'ref="#zhengzhou"', 'ref="#zhengzou"', "ref=",
        "<placeName> points to '#zhengzou', but no element has xml:id 'zhengzou' (neither in the essay nor in a "
        "register); did you mean '#zhengzhou'?"),
    "pointer-dangling-in-register": Mistake(
        PERSONS, '<note type="description">Author of the essay',
        '<note type="description"><ptr target="#p-every-clas-stratum"/>Author of the essay', "target=",
        "<ptr> points to '#p-every-clas-stratum', but no element has xml:id 'p-every-clas-stratum' (neither in "
        "the essay nor in a register); did you mean '#p-every-class-stratum'?"),
    "link-target": Mistake(
        ESSAY, 'target="registers/persons.xml"', 'target="javascript:alert(1)"', "target=",
        "link target 'javascript:alert(1)' must be '#id', an http(s) URL, or a path inside the edition"),
    # ------------------------------------------------------------- identifiers (Schematron)
    "identifier-duplicate": Mistake(
        # Paragraphs no pointer names, so the change leaves nothing else dangling.
        ESSAY, '<p xml:id="p-urban-working-class">', '<p xml:id="p-stream-migrant-labor">', "<p",
        "identifier 'p-stream-migrant-labor' is used 2 times: every xml:id must be unique in the edition "
        "(essay and registers together)"),
    "identifier-duplicate-across-files": Mistake(
        PLACES, '<place xml:id="asia"', '<place xml:id="robert-weil" type="site"><placeName>Somewhere</placeName>'
        '<location><geo>1 1</geo></location><note type="description">Nowhere.</note></place><place xml:id="asia"',
        "<place",
        "identifier 'robert-weil' is used 2 times: every xml:id must be unique in the edition (essay and registers "
        "together)"),
    # ------------------------------------------------------- text structure (Schematron)
    "citation-use": Mistake(
        ESSAY, '<citeStructure unit="section" match="//text/body/div" use="@xml:id">',
        '<citeStructure unit="section" match="//text/body/div" use="@n">', "<citeStructure",
        'citeStructure for \'section\' has use="@n": the edition cites by identifier, so use must be "@xml:id"'),
    "citation-match": Mistake(
        ESSAY, '<citeStructure unit="section" match="//text/body/div" use="@xml:id">',
        '<citeStructure unit="section" match="//text/body/div/div" use="@xml:id">', "<citeStructure",
        'citeStructure match="//text/body/div/div" is not one the Schematron knows: update the citation rules in '
        "schema/edition.sch to check what it selects"),
    "citation-section-without-identifier": Mistake(
        ESSAY, '<div type="section" xml:id="migrant-labor">', '<div type="section">', "<div",
        'this <div> (type "section") is a citable unit (refsDecl) but has no xml:id'),
    "citation-paragraph-without-identifier": Mistake(
        ESSAY, '<p xml:id="p-stream-migrant-labor">', "<p>", "<p>",
        "this paragraph (beginning 'The stream of migrant labor in China, ma') is a citable unit (refsDecl) but has "
        "no xml:id"),
    "division-without-identifier": Mistake(
        ESSAY, '<div type="comments" xml:id="comments">', '<div type="comments">', "<div",
        'this <div> (type "comments") has no xml:id: every division of the text needs one'),
    "paragraph-without-identifier": Mistake(
        ESSAY, '<div type="introduction" xml:id="introduction">', '<div type="introduction" xml:id="introduction"><div '
        'type="section" xml:id="inner"><p>Inner words.</p></div>', "<p>",
        "this paragraph (beginning 'Inner words.') has no xml:id: every paragraph of the text needs one"),
    "text-quotation-mark": Mistake(
        ESSAY, "The scale of the disaster", 'The "scale of the disaster', '"',
        "quotation mark character \" left in the text of <p> at 'The \"scale of the disaster is diffi': replace the "
        "quotation by markup (said, quote, q, soCalled, mentioned or title) and record the marks in @rendition"),
    "text-curly-quotation-mark-after-markup": Mistake(
        ESSAY, f"{TWO} cities", f"{TWO} “cities", "“",
        "quotation mark character “ left in the text of <p> at ' “cities, somewhere around ': replace the quotation "
        "by markup (said, quote, q, soCalled, mentioned or title) and record the marks in @rendition"),
    "speech-without-speaker": Mistake(
        ESSAY, '<said who="#anon-henan-worker-hat-of-state" direct="true">', '<said direct="true">', "<said",
        "speech (<said> beginning 'hat of the state') has no speaker: add who=\"#ID\" "
        "naming the speaker's register entry"),
    # ----------------------------------------------------------------- registers (Schematron)
    "register-without-description": Mistake(
        PERSONS, '<note type="description">Author of the essay',
        '<note type="editorial">Author of the essay', '<person xml:id="robert-weil">',
        "register entry 'robert-weil' (person) has no description: add <note type=\"description\">"),
    "register-place-without-description": Mistake(
        PLACES, '<note type="description"><seg type="editorial" resp="#editors">The continent.</seg>',
        '<note type="editorial"><seg type="editorial" resp="#editors">The continent.</seg>', '<place xml:id="asia"',
        "register entry 'asia' (place) has no description: add <note type=\"description\">"),
    "register-place-without-coordinates": Mistake(
        PLACES, "<location>\n            <geo>34.0 100.0</geo>\n          </location>", "", '<place xml:id="asia"',
        "place 'asia' has no coordinates: add <location><geo>LATITUDE LONGITUDE</geo></location> in decimal degrees"),
    "register-coordinates-out-of-range": Mistake(
        PLACES, "<geo>34.0 100.0", "<geo>94.0 100.0", "<geo>",
        "place 'asia' has coordinates '94.0 100.0': write \"LATITUDE LONGITUDE\" in decimal degrees, latitude "
        "between -90 and 90, longitude between -180 and 180"),
    "register-glossary-without-gloss": Mistake(
        GLOSSARY, XIAGANG_GLOSS, "<gloss/>", '<item xml:id="term-xiagang">',
        "glossary entry 'term-xiagang' has no description: add a <gloss>"),
}


@pytest.mark.parametrize("case", [k for k, m in MISTAKES.items() if m.message], ids=str)
def test_one_mistake_one_exact_message(project_copy: Project, case: str):
    mistake = MISTAKES[case]
    line, column = inject(project_copy, mistake)
    # Only problems of the mistake's severity: a pointer taken away also leaves its entry unmentioned (a warning).
    problems = [p for p in validate(project_copy) if p.file != LOCK and p.severity == mistake.severity]
    assert problems == [Problem(mistake.file, line, column, mistake.message)], "\n".join(map(str, problems))
    assert [p.severity for p in problems] == [mistake.severity]


# ------------------------------------------------------------------- warnings and the lock


def test_unused_register_entry_is_a_warning_that_fails_only_when_strict(project_copy: Project, run_edition):
    mistake = Mistake(PERSONS, '<person xml:id="alex-day">', '<person xml:id="nobody-mentions-me"><persName>N. Body'
                      '</persName><note type="description">Unmentioned.</note></person><person xml:id="alex-day">',
                      "<person", "register entry 'nobody-mentions-me' (person) is not mentioned anywhere in the edition",
                      severity="warning")
    line, column = inject(project_copy, mistake)
    problems = [p for p in validate(project_copy) if p.file != LOCK]
    assert problems == [Problem(PERSONS, line, column, mistake.message)]
    assert problems[0].severity == "warning"
    relaxed = run_edition(project_copy, "validate")
    assert relaxed.exit_code == 0
    assert f"{PERSONS}:{line}:{column}: warning: {mistake.message}" in relaxed.stderr
    strict = run_edition(project_copy, "validate", "--strict")
    assert strict.exit_code == 1 and f"{PERSONS}:{line}:{column}: warning: {mistake.message}" in strict.stderr


def test_released_identifier_renamed_is_reported_at_its_lock_line(project_copy: Project):
    inject(project_copy, Mistake(ESSAY, '<p xml:id="p-stream-migrant-labor">', '<p xml:id="p-migrant-labor-stream">',
                                 "<p", ""))
    lock_lines = project_copy.lock_file.read_text(encoding="utf-8").splitlines()
    line = lock_lines.index("p-stream-migrant-labor") + 1
    assert validate(project_copy) == [Problem(LOCK, line, 1, (
        "released identifier 'p-stream-migrant-labor' is missing from the edition: restore it, or retire it as "
        "'p-stream-migrant-labor -> SUCCESSOR' naming the identifier that replaces it"))]


# ------------------------------------------------------------------------- well-formedness


@pytest.mark.parametrize("file, old, new, at, message", [
    (ESSAY, TWO, TWO.replace("</num>", "</nun>"), "</nun>",
     "not well-formed XML: <num> (opened on line {line}) is closed by </nun>"),
    (ESSAY, "The scale of the disaster", "The scale & the disaster", " the disaster",
     "not well-formed XML: a bare '&': write &amp; for an ampersand"),
    (PLACES, '<place xml:id="asia" type="region">', '<place xml:id="asia" type="region>', "",
     "not well-formed XML: an attribute value is not closed (a quotation mark is missing) or contains '<'"),
])
def test_well_formedness_mistake_is_located_in_project_terms(project_copy: Project, run_edition, file, old, new, at, message):
    """Located where libxml2 stops, named project-relative like every other message (never by absolute path)."""
    line, column = inject(project_copy, Mistake(file, old, new, at or new, ""))
    problems = validate(project_copy)
    assert len(problems) == 1, problems
    problem = problems[0]
    assert (problem.file, problem.message) == (file, message.format(line=line))
    assert problem.line == line or not at
    result = run_edition(project_copy, "validate")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{file}:{problem.line}:{problem.column}: error: ")


def test_a_report_fails_the_command_too(project_copy: Project, run_edition):
    """A Schematron report (the quotation-mark rule) makes the edition invalid, as an assert does."""
    mistake = MISTAKES["text-quotation-mark"]
    line, column = inject(project_copy, mistake)
    result = run_edition(project_copy, "validate")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"{ESSAY}:{line}:{column}: error: {mistake.message}", "1 problem(s) found."]


def test_retired_identifier_reused_is_placed_where_it_was_typed(project_copy: Project):
    with project_copy.lock_file.open("a", encoding="utf-8") as lock:
        lock.write("p-retired-name -> p-every-class-stratum\n")
    lock_line = len(project_copy.lock_file.read_text(encoding="utf-8").splitlines())
    line, column = inject(project_copy, Mistake(
        ESSAY, '</p>\n        <p xml:id="p-older-workers-have">',
        '</p><p xml:id="p-retired-name">New words.</p>\n        <p xml:id="p-older-workers-have">', '<p xml:id="p-retired', ""))
    assert validate(project_copy) == [Problem(ESSAY, line, column, (
        f"identifier 'p-retired-name' was retired (lock file line {lock_line}) and cannot be reused"))]
