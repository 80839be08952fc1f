"""Running the project's XSLT modules from tests: one Saxon processor per session."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from lxml import etree

from edition.xslt import ED_NS, Stylesheets

ROOT = Path(__file__).resolve().parents[1]
TEI = "http://www.tei-c.org/ns/1.0"

#: A header with the edition's quotation renditions, for fixtures.
HEADER = (ROOT / "edition" / "conditions.xml").read_text(encoding="utf-8").split("<teiHeader>", 1)[1].split("</teiHeader>", 1)[0]


@lru_cache(maxsize=1)
def sheets() -> Stylesheets:
    return Stylesheets()


def tei(body: str, back: str = "") -> str:
    """A small TEI document with the edition's header around ``body`` (and ``back``)."""
    return (f'<TEI xmlns="{TEI}" xml:lang="en"><teiHeader>{HEADER}</teiHeader><text><body>{body}</body>'
            + (f"<back>{back}</back>" if back else "") + "</text></TEI>")


@lru_cache(maxsize=None)
def _wrapper(modules: tuple[str, ...]) -> Path:
    """Modules are included by entry points, not by each other: compile them through a small wrapper."""
    includes = "".join(f'<xsl:include href="{(ROOT / "xslt" / "common" / m).as_uri()}"/>' for m in modules)
    path = ROOT / "build" / "test-wrappers" / ("-".join(m.removesuffix(".xsl") for m in modules) + ".xsl")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
                    f"{includes}</xsl:stylesheet>", encoding="utf-8")
    return path


def call(modules: str | tuple[str, ...], function: str, *args):
    """Call ``ed:function`` of the given ``xslt/common`` modules with document or plain arguments; return a string."""
    s = sheets()
    modules = (modules,) if isinstance(modules, str) else modules
    executable = s.compile(_wrapper(tuple(modules)))
    values = [s.document(a.encode()) if isinstance(a, str) and a.startswith("<") else s.value(a) for a in args]
    result = executable.call_function_returning_value(f"{{{ED_NS}}}{function}", values)
    return str(result.head.string_value) if result is not None and result.size else ""


def first(xml: str, xpath: str):
    return etree.fromstring(xml.encode()).xpath(xpath, namespaces={"t": TEI})
