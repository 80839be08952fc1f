"""The shared layers as XSLT packages (``edition.xslt``): an entry point takes a package of its folder with
``xsl:use-package``, Saxon finds it through the configuration the processor is made with, and a package
still reads no file once the processor is sealed."""
from __future__ import annotations

from pathlib import Path

import pytest

from edition.errors import EditionError
from edition.xslt import Stylesheets, packages

PACKAGE = """<xsl:package name="urn:test:greeting" package-version="1.0" version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:t="urn:test" xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xsl:expose component="*" names="*" visibility="public"/>
  <xsl:function name="t:greet" as="xs:string"><xsl:param name="who"/><xsl:sequence select="'hello ' || $who"/></xsl:function>
</xsl:package>"""

ENTRY = """<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:t="urn:test">
  <xsl:use-package name="urn:test:greeting" package-version="*"/>
  <xsl:template match="/"><xsl:value-of select="t:greet(name(*))"/>{suffix}</xsl:template>
</xsl:stylesheet>"""


def _folder(tmp_path: Path) -> Path:
    (tmp_path / "layer").mkdir()
    (tmp_path / "layer" / "greeting-package.xsl").write_text(PACKAGE, encoding="utf-8")
    for n in (1, 2):
        (tmp_path / f"entry{n}.xsl").write_text(ENTRY.replace("{suffix}", f"<xsl:text> {n}</xsl:text>"), encoding="utf-8")
    return tmp_path


def test_the_packages_of_a_folder_are_found_by_name_and_version(tmp_path):
    folder = _folder(tmp_path)
    assert packages(folder) == {"urn:test:greeting": ("1.0", (folder / "layer" / "greeting-package.xsl").resolve())}


def test_entry_points_use_a_package_of_their_folder(tmp_path):
    folder = _folder(tmp_path)
    with Stylesheets() as sheets:
        for n in (1, 2):
            sheets.compile(folder / f"entry{n}.xsl")
        document = sheets.document(b"<world/>")
        assert [sheets.run(folder / f"entry{n}.xsl", document, tmp_path).split(">")[-1] for n in (1, 2)] == \
            ["hello world 1", "hello world 2"]


def test_an_entry_point_using_an_unknown_package_is_a_located_error(tmp_path):
    folder = _folder(tmp_path)
    (folder / "layer" / "greeting-package.xsl").unlink()
    with Stylesheets() as sheets, pytest.raises(EditionError) as raised:
        sheets.compile(folder / "entry1.xsl")
    assert raised.value.problems[0].file.endswith("entry1.xsl") and "urn:test:greeting" in raised.value.problems[0].message
