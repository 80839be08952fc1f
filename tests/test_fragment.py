"""Citing a phrase (src/edition/fragment.py): the text directive's encoding, finding the words in
the paragraph's reading text, context words only when needed, and the messages when it cannot."""
from __future__ import annotations

from urllib.parse import unquote

import pytest

from edition.fragment import (LONG_QUOTE, QuotedPassage, cite_quote, encode_term, find_words, fragment_directive,
                              reading_texts)
from edition.project import Project
from edition.xmlio import EditionError

BASE = "https://weil-edition.example.org/"


@pytest.fixture(scope="module")
def project(repo_root) -> Project:
    return Project(repo_root)


@pytest.fixture(scope="module")
def texts(project: Project) -> dict[str, str]:
    return reading_texts(project)


def test_the_directive_syntax_characters_are_percent_encoded():
    assert encode_term("rust belt, state-owned & so") == "rust%20belt%2C%20state%2Downed%20%26%20so"


def test_non_ascii_is_percent_encoded_as_utf8():
    assert encode_term("“hat”") == "%E2%80%9Chat%E2%80%9D"
    assert unquote(encode_term("Xiàgǎng")) == "Xiàgǎng"


def test_words_are_found_whatever_their_case_spacing_and_quotation_marks():
    text = "As one worker put it, they are not supposed to wear the “hat of the state” anymore."
    passage = find_words(text, 'the  "HAT of the state"')
    assert passage is not None and passage.words == "the “hat of the state”"


def test_words_that_are_not_there_are_not_found():
    assert find_words("The scale of the disaster is difficult to grasp.", "scale of the catastrophe") is None
    assert find_words("anything", "   ") is None


def test_a_phrase_first_on_the_page_needs_no_context():
    passage = QuotedPassage("one two three four five six", 8, 18)
    assert fragment_directive(passage, earlier_text="nothing like it") == ":~:text=three%20four"


def test_a_phrase_said_earlier_on_the_page_gets_words_before_and_after():
    passage = QuotedPassage("one two three four five six seven", 14, 23)  # "four five"
    assert fragment_directive(passage, earlier_text="four five") == \
        ":~:text=one%20two%20three-,four%20five,-six%20seven"


def test_a_long_quote_is_linked_by_its_first_and_last_words():
    words = " ".join(f"w{i}" for i in range(LONG_QUOTE))
    directive = fragment_directive(QuotedPassage(words, 0, len(words)))
    assert directive == ":~:text=w0%20w1%20w2%20w3%20w4,w" + "%20w".join(str(i) for i in range(LONG_QUOTE - 5, LONG_QUOTE))


def test_the_citation_links_to_the_words_in_the_paragraph(project: Project):
    cited = cite_quote(project, "p-scale-disaster-difficult", "hat of the state", "text", BASE)
    lines = cited.splitlines()
    assert lines[1] == BASE + "index.html#p-scale-disaster-difficult:~:text=hat%20of%20the%20state"
    assert lines[-1] == "“hat of the state”"


@pytest.mark.parametrize("fmt", ["chicago", "mla", "bibtex", "csl-json"])
def test_every_format_carries_the_text_fragment(project: Project, fmt: str):
    cited = cite_quote(project, "p-scale-disaster-difficult", "hat of the state", fmt, BASE)
    assert "#p-scale-disaster-difficult:~:text=hat%20of%20the%20state" in cited


def test_words_said_in_an_earlier_paragraph_get_context(project: Project, texts: dict[str, str]):
    assert "tens of millions" in texts["p-general-outline-has"]  # earlier on the page
    cited = cite_quote(project, "p-older-workers-have", "tens of millions", "text", BASE)
    link = cited.splitlines()[1]
    prefix, start, suffix = link.split(":~:text=")[1].split(",")
    assert (unquote(start), unquote(suffix)) == ("tens of millions", "-have been cut")
    assert texts["p-older-workers-have"].count(unquote(prefix).removesuffix("-") + " tens of millions") == 1


def test_words_not_in_the_paragraph_fail_with_a_message(project: Project, texts: dict[str, str]):
    assert "hat of the state" not in texts["p-every-class-stratum"]
    with pytest.raises(EditionError) as failure:
        cite_quote(project, "p-every-class-stratum", "hat of the state")
    assert str(failure.value.problems[0]) == ("p-every-class-stratum:1:1: the words 'hat of the state' are not in the "
                                              "reading text of paragraph p-every-class-stratum; copy them from that paragraph")


def test_a_section_cannot_be_quoted(project: Project):
    with pytest.raises(EditionError, match="is a section, not a paragraph"):
        cite_quote(project, "urban-proletariat", "Urban")


def test_an_unknown_identifier_fails_as_cite_does(project: Project):
    with pytest.raises(EditionError, match="no paragraph or section has the identifier"):
        cite_quote(project, "p-no-such-paragraph", "words")


def test_a_retired_identifier_quotes_its_successor(project_copy: Project):
    lock = project_copy.lock_file
    lock.write_text(lock.read_text(encoding="utf-8") + "p-old-hat -> p-scale-disaster-difficult\n", encoding="utf-8")
    cited = cite_quote(project_copy, "p-old-hat", "hat of the state", "text", BASE)
    assert "#p-scale-disaster-difficult:~:text=hat%20of%20the%20state" in cited


def test_words_of_a_heading_above_get_context(project: Project, texts: dict[str, str]):
    """'The Urban Proletariat' heads the section: the browser would find the heading first."""
    assert "urban proletariat" in texts["p-general-outline-has"]
    link = cite_quote(project, "p-general-outline-has", "urban proletariat", "text", BASE).splitlines()[1]
    assert link.split(":~:text=")[1].split(",")[1] == "urban%20proletariat"
