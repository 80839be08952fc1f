"""Running the project's XSLT 3.0 stylesheets through saxonche.

One Saxon processor per run; each stylesheet is compiled once. Saxon never
parses a file of the edition itself: it receives the document that lxml has
already parsed and checked, as text.

Saxon would otherwise read any file or URL a stylesheet asks for at run time
(``doc()``, ``document()``, ``unparsed-text()``, ``collection()``, ``json-doc()``),
so a pointer taken from the input could pull ``/etc/passwd`` into an output.
Once the stylesheets are compiled (their ``xsl:include``s are read then), the
processor's ``allowedProtocols`` feature is set to the empty list: from then on
Saxon reads nothing, while ``xsl:result-document`` still writes. Saxon only
tightens this setting, never loosens it again, so compile every stylesheet
before handing Saxon its first document.
"""
from __future__ import annotations

from pathlib import Path

from saxonche import PySaxonApiError, PySaxonProcessor

from .errors import EditionError, Problem

ED_NS = "urn:weil-edition:xslt"

#: Saxon's configuration feature: the URI schemes it may read ("" = none).
ALLOWED_PROTOCOLS = "http://saxon.sf.net/feature/allowedProtocols"


class Stylesheets:
    """A Saxon processor and the stylesheets compiled with it.

    >>> with Stylesheets() as sheets:              # doctest: +SKIP
    ...     html = sheets.compile(Path("xslt/html.xsl"))
    ...     document = sheets.document(b"<TEI xmlns='http://www.tei-c.org/ns/1.0'/>")
    """

    def __init__(self) -> None:
        self.processor = PySaxonProcessor(license=False)
        self.compiler = self.processor.new_xslt30_processor()
        self._compiled: dict[Path, object] = {}
        self._sealed = False

    def __enter__(self) -> "Stylesheets":
        return self

    def __exit__(self, *exc) -> None:
        self._compiled.clear()

    def compile(self, path: Path):
        """Compile ``path`` once; later calls return the same executable."""
        path = path.resolve()
        if path not in self._compiled:
            if self._sealed:
                raise RuntimeError(f"compile {path.name} before handing Saxon a document: it can no longer read files")
            try:
                self._compiled[path] = self.compiler.compile_stylesheet(stylesheet_file=str(path))
            except PySaxonApiError as err:
                raise EditionError(Problem(str(path), 1, 1, f"the stylesheet does not compile: {_first_line(err)}")) from None
        return self._compiled[path]

    def seal(self) -> None:
        """From now on Saxon may read no file and no URL (it still writes result documents)."""
        if not self._sealed:
            self.processor.set_configuration_property(ALLOWED_PROTOCOLS, "")
            self._sealed = True

    def document(self, xml: bytes | str):
        """Hand Saxon a document that lxml has already parsed and checked (this seals the processor)."""
        self.seal()
        return self.processor.parse_xml(xml_text=xml.decode("utf-8") if isinstance(xml, bytes) else xml)

    def value(self, value: str | bool | int):
        """A Python value as the XDM value a stylesheet parameter declares."""
        if isinstance(value, bool):
            return self.processor.make_boolean_value(value)
        if isinstance(value, int):
            return self.processor.make_integer_value(value)
        return self.processor.make_string_value(value)

    def run(self, path: Path, document, out_dir: Path, parameters: dict[str, str | bool | int] | None = None) -> str:
        """Apply the entry stylesheet ``path`` to ``document``; its ``xsl:result-document``s land under ``out_dir``."""
        executable = self.compile(path)
        self.seal()
        executable.clear_parameters()
        for name, value in (parameters or {}).items():
            executable.set_parameter(name, self.value(value))
        executable.set_base_output_uri(out_dir.resolve().as_uri() + "/")
        try:
            return executable.transform_to_string(xdm_node=document) or ""
        except PySaxonApiError as err:
            raise EditionError(Problem(str(path), 1, 1, f"the transformation failed: {_first_line(err)}")) from None


def _first_line(err: Exception) -> str:
    text = " ".join(str(err).split())
    return text[:500]
