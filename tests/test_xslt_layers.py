"""The stylesheets' structure: two layers (common.xsl, html-layer.xsl) behind every entry point, taken as
packages (common-package.xsl, html-package.xsl) so that Saxon compiles each once, each module loaded once, every
mode declared, and no word or file name of one particular edition in the generic layers."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from edition.project import Project
from edition.xslt import packages

XSL = "http://www.w3.org/1999/XSL/Transform"
LAYERS = {"common.xsl", "html-layer.xsl"}
PACKAGES = {"common-package.xsl": "common.xsl", "html-package.xsl": "html-layer.xsl"}
#: Words and file names of the essay this pipeline was first built for: they belong in its TEI and configuration.
EDITION_SPECIFIC = re.compile(r"weil-conditions|conditions\.xml|Weil Edition|year is not given")


def entry_points(repo_root: Path) -> list[Path]:
    return sorted((repo_root / "xslt").glob("*.xsl"))


def references(stylesheet: Path) -> list[Path]:
    """The modules a stylesheet includes or imports, and the packages it uses, resolved."""
    tree = etree.parse(str(stylesheet))
    library = packages(stylesheet.parent) if tree.find(f"{{{XSL}}}use-package") is not None else {}
    return [(stylesheet.parent / e.get("href")).resolve() for e in tree.iter(f"{{{XSL}}}include", f"{{{XSL}}}import")] + \
        [library[e.get("name")][1] for e in tree.iter(f"{{{XSL}}}use-package")]


def loaded(stylesheet: Path) -> Counter:
    """How many times each module is loaded when ``stylesheet`` is compiled."""
    counts: Counter = Counter()

    def walk(path: Path) -> None:
        for module in references(path):
            counts[module] += 1
            walk(module)

    walk(stylesheet)
    return counts


def test_every_entry_point_takes_exactly_one_layer_and_nothing_else(repo_root):
    """One layer from common/, as a package or imported; the outputs' own modules (xslt/dts/, xslt/print/ …) may
    sit beside it."""
    common = repo_root / "xslt" / "common"
    for entry in entry_points(repo_root):
        shared = [m.name for m in references(entry) if m.parent == common]
        assert len(shared) == 1 and PACKAGES.get(shared[0], shared[0]) in LAYERS, entry.name
        assert all(m.parent.parent == repo_root / "xslt" for m in references(entry)), entry.name


def test_each_package_is_its_layer_whole(repo_root):
    common = repo_root / "xslt" / "common"
    for package, layer in PACKAGES.items():
        assert references(common / package) == [common / layer]


def test_the_entry_points_take_the_layers_as_packages_except_those_that_replace_a_function(repo_root):
    """A package is compiled once for all the entry points that use it; an entry point that replaces one of the
    layer's functions (the books: links into their own text) imports the layer instead."""
    for entry in entry_points(repo_root):
        text = entry.read_text(encoding="utf-8")
        tree = etree.parse(str(entry))
        defined = {e.get("name") for e in tree.iter(f"{{{XSL}}}function")}
        layer_functions = {e.get("name") for m in loaded(entry) for e in etree.parse(str(m)).iter(f"{{{XSL}}}function")}
        if defined & layer_functions:
            assert "<xsl:import href=\"common/" in text, entry.name
        else:
            assert "<xsl:use-package " in text, entry.name


@pytest.mark.parametrize("name", ["html.xsl", "text.xsl", "registers-html.xsl"])
def test_no_module_is_loaded_twice(repo_root, name):
    counts = loaded(repo_root / "xslt" / name)
    assert counts and max(counts.values()) == 1, {m.name: n for m, n in counts.items() if n > 1}


def test_the_layer_check_sees_a_module_loaded_twice(tmp_path, repo_root):
    """Positive control: an entry point that includes a shared module beside its layer is caught."""
    entry = tmp_path / "xslt" / "twice.xsl"
    (tmp_path / "xslt").mkdir()
    (tmp_path / "xslt" / "common").symlink_to(repo_root / "xslt" / "common", target_is_directory=True)
    entry.write_text(f'<xsl:stylesheet version="3.0" xmlns:xsl="{XSL}"><xsl:import href="common/common.xsl"/>'
                     '<xsl:include href="common/functions.xsl"/></xsl:stylesheet>', encoding="utf-8")
    assert max(loaded(entry).values()) == 2


def test_every_mode_used_is_declared(repo_root):
    declared, used = set(), set()
    for path in (repo_root / "xslt").rglob("*.xsl"):
        tree = etree.parse(str(path))
        declared |= {e.get("name") for e in tree.iter(f"{{{XSL}}}mode") if e.get("name")}
        for e in tree.iter(f"{{{XSL}}}template", f"{{{XSL}}}apply-templates"):
            used |= {m for m in (e.get("mode") or "").split() if not m.startswith("#")}
    assert used and used <= declared, sorted(used - declared)


def generic_files(root: Path) -> list[Path]:
    """The generic layers: every stylesheet and asset, and the Python modules that must know no edition."""
    return [*(root / "xslt").rglob("*.xsl"), *(root / "xslt" / "assets").glob("*.*"),
            *((root / "src" / "edition") / m for m in ("checks/names.py", "cite.py", "corpus.py", "declarations.py"))]


def edition_words(root: Path) -> list[str]:
    """Every word of one particular edition found in the generic files under ``root``, with its file."""
    return [f"{p.relative_to(root)}: {m.group()}" for p in generic_files(root)
            for m in EDITION_SPECIFIC.finditer(p.read_text(encoding="utf-8"))]


def test_the_generic_layers_name_no_particular_edition(repo_root):
    assert edition_words(repo_root) == []


def test_the_edition_word_check_finds_the_editions_own_name_planted_in_a_stylesheet(repo_root, tmp_path):
    """Positive control: the check above, on a copy of the same files where one shared module names the edition's
    download file (the header's idno), reports that file and that word."""
    for path in generic_files(repo_root):
        copy = tmp_path / path.relative_to(repo_root)
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_bytes(path.read_bytes())
    idno = etree.parse(str(Project(repo_root).main_document)).findtext(
        ".//{http://www.tei-c.org/ns/1.0}publicationStmt/{http://www.tei-c.org/ns/1.0}idno[@type='edition']").strip()
    planted = tmp_path / "xslt" / "common" / "functions.xsl"
    planted.write_text(planted.read_text(encoding="utf-8").replace("</xsl:stylesheet>", f"<!-- tei/{idno}.xml --></xsl:stylesheet>"),
                       encoding="utf-8")
    assert edition_words(tmp_path) == [f"xslt/common/functions.xsl: {idno}"]


def test_an_edition_profile_overrides_a_hook_by_import_precedence(tmp_path, repo_root):
    """An edition's own entry point imports the layer and redefines a hook of profile.xsl: its wording wins."""
    from xslt_support import run_entry_points, tei

    xslt = tmp_path / "xslt"
    xslt.mkdir()
    (xslt / "common").symlink_to(repo_root / "xslt" / "common", target_is_directory=True)
    (xslt / "labels").symlink_to(repo_root / "xslt" / "labels", target_is_directory=True)  # the layer's labels
    (xslt / "download.xsl").write_text(f"""<xsl:stylesheet version="3.0" xmlns:xsl="{XSL}"
        xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:ed="urn:weil-edition:xslt">
      <xsl:import href="common/common.xsl"/>
      <xsl:function name="ed:tei-download-href" as="xs:string"><xsl:param name="doc" as="node()"/>
        <xsl:sequence select="'tei/our-own-name.xml'"/></xsl:function>
      <xsl:template match="/"><xsl:result-document href="html/{{ed:tei-download-href(.)}}" method="text">x</xsl:result-document></xsl:template>
    </xsl:stylesheet>""", encoding="utf-8")
    out = run_entry_points(tei('<div xml:id="d"><p xml:id="p">x</p></div>'), tmp_path / "out", ("download.xsl",), xslt=xslt)
    assert (out / "html" / "tei" / "our-own-name.xml").is_file()
