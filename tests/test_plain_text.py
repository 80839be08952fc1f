"""The reading and diplomatic views (xslt/common/plain-text.xsl), on small fixtures."""
import pytest

from xslt_support import Node, call, tei


def plain(paragraph: str, view: str) -> str:
    document = tei(f'<div xml:id="d"><p xml:id="p">{paragraph}</p></div>')
    return call("common.xsl", "plain", Node(document, "//t:body//t:p"), view)


def test_diplomatic_restores_the_witness_default_marks():
    assert plain("a <soCalled>model</soCalled> for", "diplomatic") == 'a "model” for'


def test_reading_uses_typographic_double_quotes():
    assert plain("a <soCalled>model</soCalled> for", "reading") == "a “model” for"


def test_nested_quotation_alternates_to_single_quotes_in_reading():
    text = plain('<said who="#x">forces me to <soCalled rendition="#open-single #close-single">kill</soCalled> the workers.</said>', "reading")
    assert text == "“forces me to ‘kill’ the workers.”"


def test_nested_quotation_keeps_witness_single_marks_in_diplomatic():
    text = plain('<said who="#x">forces me to <soCalled rendition="#open-single #close-single">kill</soCalled> the workers.</said>', "diplomatic")
    assert text == "\"forces me to 'kill' the workers.”"


def test_curly_opening_exception_is_restored():
    assert plain('<q rendition="#open-curly #close-curly">x</q>', "diplomatic") == "“x”"


def test_unmarked_said_has_no_marks_in_either_view():
    for view in ("reading", "diplomatic"):
        assert plain('<said who="#x" rendition="#unmarked">x</said>', view) == "x"


def test_title_is_unmarked_unless_the_witness_quoted_it():
    assert plain("<title>Fanshen</title>", "reading") == "Fanshen"
    assert plain('<title rendition="#open-straight #close-curly">Song</title>', "reading") == "“Song”"


@pytest.mark.parametrize("view, expected", [("reading", "of which I"), ("diplomatic", "of wich I")])
def test_choice_shows_corr_in_reading_and_sic_in_diplomatic(view, expected):
    assert plain('of <choice><sic>wich</sic><corr resp="#editors">which</corr></choice> I', view) == expected


@pytest.mark.parametrize("view, expected", [("reading", "can [no] longer"), ("diplomatic", "can longer")])
def test_supplied_word_is_bracketed_in_reading_and_absent_in_diplomatic(view, expected):
    assert plain('can <supplied resp="#editors" reason="omitted">no</supplied> longer', view) == expected


@pytest.mark.parametrize("view, expected", [("reading", "Revolution. On"), ("diplomatic", "Revolution.On")])
def test_inserted_space_appears_only_in_reading(view, expected):
    assert plain('Revolution.<corr resp="#editors" type="space"> </corr>On', view) == expected


def test_notes_are_left_out_of_both_views():
    for view in ("reading", "diplomatic"):
        assert plain('Liu Chaochi<note type="editorial">Liu Shaoqi</note> said', view) == "Liu Chaochi said"


def test_predecessors_follow_a_chain_of_retirements():
    assert call("common.xsl", "predecessors", "c", "a b\nb c") == "b a"


@pytest.mark.parametrize("view", ["reading", "diplomatic"])
def test_a_regularisation_shows_the_writers_form_in_both_views(view):
    assert plain('in <choice><orig>Peking</orig><reg resp="#editors">Beijing</reg></choice> then', view) == "in Peking then"


def test_a_pointer_to_a_paragraph_reads_as_its_number():
    document = tei('<div xml:id="d"><p xml:id="p-a">One.</p><p xml:id="p-b">Two <ptr target="#p-a"/>.</p></div>')
    assert call("common.xsl", "plain", Node(document, "//t:p[@xml:id='p-b']"), "reading") == "Two ¶ 1."


def test_a_pointer_to_a_section_reads_as_its_title():
    document = tei('<div xml:id="d"><head>Wages</head><p xml:id="p-a">See <ptr target="#d"/>.</p></div>')
    assert call("common.xsl", "plain", Node(document, "//t:body//t:p"), "reading") == "See Wages."
