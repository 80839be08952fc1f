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

The layers every entry point shares are XSLT 3.0 packages (``xsl:package``, e.g.
``xslt/common/html-package.xsl``), which entry points take with ``xsl:use-package``.
Saxon compiles a package once per processor and reuses it for every entry point that
uses it, where an ``xsl:import`` would compile the whole layer again for each one.
Saxon-HE finds packages through its configuration file: the processor is made with
one that lists every package of the stylesheets' folder (written to a temporary file,
read once when the processor is made).
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from lxml import etree

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

    def __init__(self, library: Path | None = None) -> None:
        #: The folder whose packages the stylesheets may use (default: the first stylesheet compiled's folder).
        self.library = library
        self._processor = None
        self._compiler = None
        self._compiled: dict[Path, object] = {}
        self._sealed = False

    @property
    def processor(self) -> PySaxonProcessor:
        if self._processor is None:
            self._processor = _processor(packages(self.library) if self.library else {})
        return self._processor

    @property
    def compiler(self):
        if self._compiler is None:
            self._compiler = self.processor.new_xslt30_processor()
        return self._compiler

    def __enter__(self) -> "Stylesheets":
        return self

    def __exit__(self, *exc) -> None:
        self._compiled.clear()

    def compile(self, path: Path):
        """Compile ``path`` once; later calls return the same executable."""
        path = path.resolve()
        if self.library is None and self._processor is None:
            self.library = path.parent
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


XSL = "http://www.w3.org/1999/XSL/Transform"


def packages(folder: Path) -> dict[str, tuple[str, Path]]:
    """Every XSLT package in ``folder`` and below (a file whose root is ``xsl:package``): name → (version, file)."""
    found = {}
    for path in sorted(Path(folder).rglob("*.xsl")):
        try:  # the root element is enough; a file that is not well-formed is reported when it is compiled
            _, root = next(etree.iterparse(str(path), events=("start",), resolve_entities=False, no_network=True))
        except (etree.XMLSyntaxError, StopIteration):
            continue
        if root.tag == f"{{{XSL}}}package":
            found[root.get("name")] = (root.get("package-version", "1"), path.resolve())
    return found


def _processor(library: dict[str, tuple[str, Path]]) -> PySaxonProcessor:
    """A Saxon processor that finds the packages of ``library`` (Saxon-HE reads them from its configuration)."""
    if not library:
        return PySaxonProcessor(license=False)
    config = etree.Element("{http://saxon.sf.net/ns/configuration}configuration", {"edition": "HE"},
                           nsmap={None: "http://saxon.sf.net/ns/configuration"})
    listing = etree.SubElement(config, "{http://saxon.sf.net/ns/configuration}xsltPackages")
    for name, (version, path) in sorted(library.items()):
        etree.SubElement(listing, "{http://saxon.sf.net/ns/configuration}package",
                         {"name": name, "version": version, "sourceLocation": path.as_uri()})
    with tempfile.TemporaryDirectory(prefix="edition-saxon-") as folder:
        config_file = Path(folder) / "saxon-configuration.xml"
        etree.ElementTree(config).write(str(config_file), encoding="utf-8", xml_declaration=True)
        return PySaxonProcessor(config_file=str(config_file), license=False)


def _first_line(err: Exception) -> str:
    text = " ".join(str(err).split())
    return text[:500]
