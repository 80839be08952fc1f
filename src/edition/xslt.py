"""Running the project's XSLT 3.0 stylesheets through saxonche.

One Saxon processor per run; each stylesheet is compiled once. Saxon never
parses a file of the edition itself: it receives the document that lxml has
already parsed and checked, as text.
"""
from __future__ import annotations

from pathlib import Path

from saxonche import PySaxonApiError, PySaxonProcessor

from .xmlio import EditionError, Problem

ED_NS = "urn:weil-edition:xslt"


class Stylesheets:
    """A Saxon processor and the stylesheets compiled with it.

    >>> with Stylesheets() as sheets:              # doctest: +SKIP
    ...     html = sheets.compile(Path("xslt/html.xsl"))
    """

    def __init__(self) -> None:
        self.processor = PySaxonProcessor(license=False)
        self.compiler = self.processor.new_xslt30_processor()
        self._compiled: dict[Path, object] = {}

    def __enter__(self) -> "Stylesheets":
        return self

    def __exit__(self, *exc) -> None:
        self._compiled.clear()

    def compile(self, path: Path):
        """Compile ``path`` once; later calls return the same executable."""
        path = path.resolve()
        if path not in self._compiled:
            try:
                self._compiled[path] = self.compiler.compile_stylesheet(stylesheet_file=str(path))
            except PySaxonApiError as err:
                raise EditionError(Problem(str(path), 1, 1, f"the stylesheet does not compile: {_first_line(err)}")) from None
        return self._compiled[path]

    def document(self, xml: bytes):
        """Hand Saxon a document that lxml has already parsed and checked."""
        return self.processor.parse_xml(xml_text=xml.decode("utf-8"))

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
