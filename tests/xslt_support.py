"""Running the project's XSLT modules from tests, on small fixtures.

Modules are included by entry points, not by each other, so a test compiles the
modules it needs through a small wrapper stylesheet. Saxon reads no file once it
has been handed a document (see edition.xslt), so each module set gets its own
processor, compiled before any document is parsed.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lxml import etree

from edition.xslt import ED_NS, Stylesheets

ROOT = Path(__file__).resolve().parents[1]
TEI = "http://www.tei-c.org/ns/1.0"

#: The edition's header (with its quotation renditions), for fixtures.
HEADER = (ROOT / "edition" / "conditions.xml").read_text(encoding="utf-8").split("<teiHeader>", 1)[1].split("</teiHeader>", 1)[0]


def tei(body: str, back: str = "", stand_off: str = "") -> str:
    """A small TEI document with the edition's header around ``body`` (and ``back``, ``standOff``)."""
    return (f'<TEI xmlns="{TEI}" xml:lang="en"><teiHeader>{HEADER}</teiHeader>'
            + (f'<standOff type="registers">{stand_off}</standOff>' if stand_off else "")
            + f"<text><body>{body}</body>" + (f"<back>{back}</back>" if back else "") + "</text></TEI>")


@dataclass(frozen=True)
class Node:
    """An argument: the node ``xpath`` selects (prefix ``t:`` for TEI) in the document ``xml``."""

    xml: str
    xpath: str = "/"


@lru_cache(maxsize=None)
def compiled(modules: tuple[str, ...]):
    includes = "".join(f'<xsl:include href="{(ROOT / "xslt" / "common" / m).as_uri()}"/>' for m in modules)
    wrapper = ROOT / "build" / "test-wrappers" / ("-".join(m.removesuffix(".xsl") for m in modules) + ".xsl")
    wrapper.parent.mkdir(parents=True, exist_ok=True)
    wrapper.write_text('<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
                       f"{includes}</xsl:stylesheet>", encoding="utf-8")
    sheets = Stylesheets()
    return sheets, sheets.compile(wrapper)


def call(modules: tuple[str, ...], function: str, *args) -> str:
    """Call ``ed:function`` of the given ``xslt/common`` modules; return its items' string values, space-separated."""
    sheets, executable = compiled(tuple(modules))
    values = []
    for arg in args:
        if isinstance(arg, Node):
            xpath = sheets.processor.new_xpath_processor()
            xpath.declare_namespace("t", TEI)
            xpath.set_context(xdm_item=sheets.document(arg.xml.encode()))
            values.append(xpath.evaluate_single(arg.xpath))
        else:
            values.append(sheets.value(arg))
    result = executable.call_function_returning_value(f"{{{ED_NS}}}{function}", values)
    if result is None:
        return ""
    return " ".join(str(result.item_at(i).string_value) for i in range(result.size))


def first(xml: str, xpath: str):
    return etree.fromstring(xml.encode()).xpath(xpath, namespaces={"t": TEI})
