"""Citing a phrase: a paragraph's citation whose link scrolls to and highlights the quoted words.

The link is the paragraph's permalink with a text fragment (URL Fragment Text Directives,
https://wicg.github.io/scroll-to-text-fragment/): ``index.html#p-…:~:text=…``. Browsers that
support it (Chromium, Safari, Firefox) highlight the words; others land on the paragraph.
The words must be in that paragraph's reading text (the text the HTML shows: corrections
applied, typographic quotation marks); straight and curly quotation marks, case and spacing are
not told apart when looking for them.

>>> print(cite_quote(Project(Path(".")), "p-scale-disaster-difficult", "hat of the state"))  # doctest: +SKIP
Robert Weil, “Conditions of the Working Classes in China”, ¶ 3 [p-scale-disaster-difficult]
index.html#p-scale-disaster-difficult:~:text=hat%20of%20the%20state
<BLANKLINE>
“hat of the state”
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote as percent_encode

from . import idlock
from .cite import CommonLayer, citation, common_layer
from .project import NS, Project
from .xmlio import EditionError, Problem
from .xslt import ED_NS

#: Quotation marks a reader may type for the ones the page shows (matching only; the link keeps the page's).
_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'"})
#: Longer quotes are linked by their first and last words (start,end), as the specification advises.
LONG_QUOTE = 300
EDGE_WORDS = 5
CONTEXT_WORDS = 3


@dataclass(frozen=True)
class QuotedPassage:
    """Where the words stand: the paragraph's reading text and the span of the words in it."""

    text: str
    start: int
    end: int

    @property
    def words(self) -> str:
        return self.text[self.start:self.end]


def fold(text: str) -> str:
    """Text as a text fragment is matched: case and quotation marks folded, one character for one."""
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text.translate(_MARKS))


def find_words(paragraph_text: str, words: str) -> QuotedPassage | None:
    """The first place ``words`` stand in ``paragraph_text`` (spacing, case, quote marks ignored), or None."""
    wanted = " ".join(words.split())
    if not wanted:
        return None
    at = fold(paragraph_text).find(fold(wanted))
    return None if at < 0 else QuotedPassage(paragraph_text, at, at + len(wanted))


def encode_term(term: str) -> str:
    """Percent-encode one term of a text directive: everything but unreserved characters, and '-' too
    (with '&' and ',' it is the directive's own syntax)."""
    return percent_encode(term, safe="").replace("-", "%2D")


def text_directive(passage: QuotedPassage, ambiguous: bool) -> str:
    """``text=[prefix-,]start[,end][,-suffix]`` for the passage; context words only when the words
    also stand earlier on the page, so that the browser finds this occurrence and not another."""
    words = passage.words
    if len(words) > LONG_QUOTE:
        split = words.split()
        terms = [encode_term(" ".join(split[:EDGE_WORDS])), encode_term(" ".join(split[-EDGE_WORDS:]))]
    else:
        terms = [encode_term(words)]
    if ambiguous:
        before = passage.text[:passage.start].split()[-CONTEXT_WORDS:]
        after = passage.text[passage.end:].split()[:CONTEXT_WORDS]
        if before and passage.text[passage.start - 1:passage.start].isspace():
            terms.insert(0, encode_term(" ".join(before)) + "-")
        if after and passage.text[passage.end:passage.end + 1].isspace():
            terms.append("-" + encode_term(" ".join(after)))
    return "text=" + ",".join(terms)


def fragment_directive(passage: QuotedPassage, earlier_text: str = "") -> str:
    """``:~:text=…``, to append to the paragraph's permalink (``earlier_text``: what the page shows before it)."""
    ambiguous = fold(passage.words) in fold(earlier_text + " " + passage.text[:passage.start])
    return ":~:" + text_directive(passage, ambiguous)


#: What the reading page shows before and around the paragraphs: the editorial declarations ("About this
#: edition"), the title page, headings, and the citable paragraphs (which carry an identifier).
PAGE_TEXT = ("/t:TEI/t:teiHeader/t:encodingDesc/t:editorialDecl//t:p"
             " | /t:TEI/t:text//t:titlePage | /t:TEI/t:text//t:head | /t:TEI/t:text//t:p[@xml:id]")


def page_texts(project: Project, layer: CommonLayer | None = None) -> list[tuple[str, str]]:
    """(identifier or '', reading text) of what the reading page shows, in page order."""
    if layer is None:
        with common_layer(project) as layer:
            return page_texts(project, layer)
    xpath = layer.sheets.processor.new_xpath_processor()
    xpath.declare_namespace("t", NS["t"])
    xpath.set_context(xdm_item=layer.document)
    nodes = xpath.evaluate(PAGE_TEXT)
    idents = xpath.evaluate(f"({PAGE_TEXT}) ! (if (self::t:p[@xml:id][ancestor::t:text]) then string(@xml:id) else '')")
    texts = []
    for i in range(nodes.size if nodes is not None else 0):
        value = layer.executable.call_function_returning_value(
            f"{{{ED_NS}}}plain", [nodes.item_at(i).get_node_value(), layer.sheets.value("reading")])
        texts.append((str(idents.item_at(i).string_value), str(value.head.string_value)))
    return texts


def reading_texts(project: Project) -> dict[str, str]:
    """Every paragraph's reading text by identifier, in reading order (the same rule as the HTML)."""
    return {ident: text for ident, text in page_texts(project) if ident}


def cite_quote(project: Project, ident: str, words: str, fmt: str = "text", base_url: str = "") -> str:
    """The citation of paragraph ``ident`` in ``fmt``, its link pointing at ``words`` in it.

    Raises EditionError when ``ident`` is no paragraph or the words are not in it.
    """
    current = idlock.resolve(idlock.read_lock(project.lock_file, project.root), ident) or ident
    with common_layer(project) as layer:  # the edition parsed and the layer compiled once for both
        cited = citation(project, ident, fmt, base_url, layer)  # checks the identifier, names the version
        page = page_texts(project, layer)
    texts = {ident: text for ident, text in page if ident}
    if current not in texts:
        raise EditionError(Problem(ident, 1, 1, f"{ident!r} is a section, not a paragraph: quote words from one of its paragraphs"))
    passage = find_words(texts[current], words)
    if passage is None:
        raise EditionError(Problem(ident, 1, 1, f"the words {' '.join(words.split())!r} are not in the reading text of "
                                   f"paragraph {current}; copy them from that paragraph"))
    position = [ident for ident, _ in page].index(current)
    earlier = " ".join(text for _, text in page[:position])
    permalink = re.compile(r"[^\s{}\"<>]*#" + re.escape(current) + r"(?![\w-])")
    directive = fragment_directive(passage, earlier)
    cited = permalink.sub(lambda m: m.group(0) + directive, cited)
    if fmt == "text":  # the quoted words instead of the whole paragraph
        head, _, _ = cited.partition("\n\n")
        cited = f"{head}\n\n“{passage.words}”"
    return cited
