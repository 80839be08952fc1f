"""Running the project's stylesheets from tests, on small fixtures.

``tei()`` wraps a fragment in a tiny invented header (tests/fixtures/html/header.xml), so unit tests never
depend on the real essay's header. ``call()`` calls a public function of one layer (``common.xsl`` or
``html-layer.xsl``, the layers entry points take). ``run_entry_points()`` runs entry stylesheets on a document
or a fixture project in a child process: Saxon reads no file once it has been handed a document (see
edition.xslt), so each run gets a fresh process, compiled before any document is parsed.
"""
from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lxml import etree

from edition.xslt import ED_NS, Stylesheets

#: The repository root: defined here once; conftest.py and the test modules take it from here.
ROOT = Path(__file__).resolve().parents[1]
TEI = "http://www.tei-c.org/ns/1.0"
FIXTURES = ROOT / "tests" / "fixtures"
#: The options of ``edition build`` by default (the shared build of conftest.py is built with them, books aside).
BUILD_OPTIONS = {"ids": False, "base-url": "", "paper": "a4"}

#: The invented edition's header (with its quotation renditions, version and canonical URL), for fixtures.
HEADER = (FIXTURES / "html" / "header.xml").read_text(encoding="utf-8").split("<teiHeader", 1)[1].split(">", 1)[1].rsplit("</teiHeader>", 1)[0]


def tei(body: str, back: str = "", stand_off: str = "") -> str:
    """A small TEI document with the fixture header around ``body`` (and ``back``, ``standOff``)."""
    return (f'<TEI xmlns="{TEI}" xml:lang="en"><teiHeader>{HEADER}</teiHeader>'
            + (f'<standOff type="registers">{stand_off}</standOff>' if stand_off else "")
            + f"<text><body>{body}</body>" + (f"<back>{back}</back>" if back else "") + "</text></TEI>")


@dataclass(frozen=True)
class Node:
    """An argument: the node ``xpath`` selects (prefix ``t:`` for TEI) in the document ``xml``."""

    xml: str
    xpath: str = "/"


@lru_cache(maxsize=None)
def compiled(layer: str):
    """A processor and one layer of xslt/common compiled with it (each layer its own processor)."""
    sheets = Stylesheets()
    return sheets, sheets.compile(ROOT / "xslt" / "common" / layer)


def call(layer: str, function: str, *args) -> str:
    """Call ``ed:function`` of ``xslt/common/{layer}``; return its items' string values, space-separated."""
    sheets, executable = compiled(layer)
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


_RUN = """
import json, sys
from pathlib import Path
from edition.corpus import load_edition
from edition.project import Project
from edition.xslt import Stylesheets
xslt, source, out, names, parameters = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4].split(), json.loads(sys.argv[5])
xml = load_edition(Project(source)).serialize() if source.is_dir() else source.read_bytes()
if "citations" not in parameters:  # rendered before the stylesheets run, as the build does
    from lxml import etree
    from edition.outputs.citations import for_stylesheets
    parameters["citations"] = for_stylesheets(etree.fromstring(xml), parameters.get("base-url", ""))
with Stylesheets() as sheets:
    paths = [xslt / name for name in names]
    for path in paths:
        sheets.compile(path)
    document = sheets.document(xml)
    for path in paths:
        sheets.run(path, document, out, parameters)
"""

#: Every entry point this module's tests run (the ones the stylesheet layers serve).
ENTRY_POINTS = ("html.xsl", "registers-html.xsl", "entities-data.xsl", "voices.xsl", "figures.xsl",
                "text.xsl", "paragraphs-json.xsl", "cite-files.xsl", "tei-download.xsl")


def run_entry_points(source: Path | str, out: Path, names=ENTRY_POINTS, parameters: dict | None = None,
                     xslt: Path = ROOT / "xslt") -> Path:
    """Run entry stylesheets of ``xslt`` on ``source`` (a fixture project folder, a TEI file, or TEI text)
    into ``out``, in a child process; return ``out``."""
    import json

    if isinstance(source, str):
        (out / "source.xml").parent.mkdir(parents=True, exist_ok=True)
        (out / "source.xml").write_text(source, encoding="utf-8")
        source = out / "source.xml"
    done = subprocess.run([sys.executable, "-c", _RUN, str(xslt), str(source), str(out), " ".join(names),
                           json.dumps(parameters or {})], capture_output=True, text=True)
    if done.returncode:
        raise AssertionError(f"the stylesheets failed on {source}:\n{done.stderr[-3000:]}")
    return out


def build_fixture(out: Path) -> Path:
    """The register entry points on the fixture project tests/fixtures/registers, into ``out``."""
    return run_entry_points(FIXTURES / "registers", out, ("registers-html.xsl", "entities-data.xsl", "voices.xsl", "figures.xsl"))


def first(xml: str, xpath: str):
    return etree.fromstring(xml.encode()).xpath(xpath, namespaces={"t": TEI})
