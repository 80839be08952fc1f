"""The command line over the whole edition: help, cite, build outputs keyed by the stable identifiers."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from lxml import etree, html

from edition.cli import main
from edition.project import NS

from xslt_support import ROOT

PARAGRAPH_IDS = etree.parse(str(ROOT / "edition" / "conditions.xml")).xpath(
    "//t:text/t:body//t:div/t:p/@xml:id | //t:text/t:back//t:div/t:p/@xml:id", namespaces=NS)
#: The editors' introduction's paragraphs, which stand before the essay's in the reading view and the TEI.
INTRODUCTION_IDS = etree.parse(str(ROOT / "edition" / "conditions.xml")).xpath(
    "//t:text/t:front/t:div[@type='introduction']//t:p/@xml:id", namespaces=NS)


def run(*args: str):
    return CliRunner().invoke(main, ["--project", str(ROOT), *args], catch_exceptions=False)


@pytest.fixture(scope="module")
def built(built_edition):
    """The edition as ``edition build --no-books`` builds it (conftest.py's shared build)."""
    return built_edition.build_dir


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_has_help_with_an_example(command):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert main.commands[command].help and "Example:" in main.commands[command].help


def test_the_edition_has_all_68_paragraphs():
    assert len(PARAGRAPH_IDS) == 68 and len(set(PARAGRAPH_IDS)) == 68


def test_cite_text_gives_label_permalink_and_text():
    result = run("cite", "p-scale-disaster-difficult")
    lines = result.output.splitlines()
    assert result.exit_code == 0
    assert lines[0] == "Robert Weil, “Conditions of the Working Classes in China”, ¶ 4 [p-scale-disaster-difficult]"
    assert lines[1] == "https://weil-edition.example.org/index.html#p-scale-disaster-difficult"  # the header's base URL
    assert lines[3].startswith("The scale of the disaster is difficult to grasp.")


def test_cite_chicago_names_author_title_paragraph_and_url():
    result = run("cite", "p-scale-disaster-difficult", "--format", "chicago", "--base-url", "https://example.org/weil/")
    assert result.output.startswith("Robert Weil, “Conditions of the Working Classes in China,”")  # a Chicago note
    assert "para. 4" in result.output and result.output.strip().endswith("https://example.org/weil/index.html#p-scale-disaster-difficult.")


def test_cite_mla_gives_the_paragraph_number():
    output = run("cite", "p-scale-disaster-difficult", "--format", "mla").output
    entry, in_text = output.strip().splitlines()  # the works-cited entry, then the in-text citation with the paragraph
    assert "Version 1.1" in entry and entry.endswith(", https://weil-edition.example.org/index.html#p-scale-disaster-difficult.")
    assert in_text == "(Weil, “Conditions of the Working Classes in China,” par. 4)"


def test_cite_bibtex_is_an_online_entry():
    output = run("cite", "urban-proletariat", "--format", "bibtex").output
    assert output.startswith("@online{weil-conditions-urban-proletariat,") and "author = {Weil, Robert}" in output


def test_cite_csl_json_is_a_webpage_item_with_locator():
    item = json.loads(run("cite", "p-scale-disaster-difficult", "--format", "csl-json").output)[0]
    assert item["type"] == "webpage" and item["locator"] == "4" and item["custom"] == {"locator-label": "paragraph"}
    assert item["author"] == [{"family": "Weil", "given": "Robert"}]


def test_cite_numbers_the_comment_on_its_own():
    assert run("cite", "p-comment-nico").output.splitlines()[0].endswith("comment 1, ¶ 1 [p-comment-nico]")


def test_cite_unknown_identifier_fails_with_exit_1():
    result = CliRunner().invoke(main, ["--project", str(ROOT), "cite", "p-nowhere"])
    assert result.exit_code == 1
    assert "no paragraph or section has the identifier 'p-nowhere'" in result.output


def test_cite_unknown_format_is_a_usage_error():
    result = CliRunner().invoke(main, ["--project", str(ROOT), "cite", "p-comment-nico", "--format", "harvard"])
    assert result.exit_code == 2 and "Invalid value for '--format'" in result.output


def test_the_command_builds_the_book_editions_and_links_them(built_books):
    """``edition build`` makes the PDF and the EPUB (the library and the other tests leave them out)."""
    assert (built_books / "pdf" / "weil-conditions.pdf").read_bytes().startswith(b"%PDF-")
    assert (built_books / "epub" / "weil-conditions.epub").read_bytes()[30:58] == b"mimetypeapplication/epub+zip"
    page = (built_books / "html" / "index.html").read_text(encoding="utf-8")
    assert 'href="../pdf/weil-conditions.pdf"' in page and 'href="../epub/weil-conditions.epub"' in page


def test_paragraphs_json_lists_every_paragraph_in_reading_order(built):
    rows = json.loads((built / "index" / "paragraphs.json").read_text(encoding="utf-8"))
    assert [r["id"] for r in rows] == PARAGRAPH_IDS
    assert [r["n"] for r in rows if r["part"] == "essay"] == list(range(1, 68))
    assert rows[0] == {"id": "p-every-class-stratum", "section": "introduction", "part": "essay", "n": 1, "label": "¶ 1",
                       "incipit": "Every class and sub-class stratum in China is …"}
    assert rows[-1]["section"] == "comment-nico" and rows[-1]["part"] == "comment"


def test_html_anchors_are_the_paragraph_identifiers(built):
    page = html.parse(str(built / "html" / "index.html"))
    anchors = page.xpath("//p[contains(concat(' ', @class, ' '), ' para ')]/@id")
    assert INTRODUCTION_IDS and anchors == INTRODUCTION_IDS + PARAGRAPH_IDS


def test_links_to_a_retired_identifier_land_on_its_successor(built):
    page = html.parse(str(built / "html" / "persons.html"))
    anchor = page.xpath("//*[@id='grp-electrical-factory-workers']")
    assert anchor and anchor[0].getparent().get("id") == "grp-zhengzhou-electrical-equipment-workers"


def test_cite_follows_a_retired_identifier_to_its_successor(tmp_path):
    import shutil
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns("build", ".venv", ".git", "tests"))
    lock = project / "edition" / "ids.lock"
    lock.write_text(lock.read_text(encoding="utf-8") + "p-old-scale -> p-scale-disaster-difficult\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--project", str(project), "cite", "p-old-scale"])
    assert result.exit_code == 0 and "[p-scale-disaster-difficult]" in result.output.splitlines()[0]


def test_tei_download_is_the_assembled_edition_and_valid_tei(built):
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    download = built / "html" / "tei" / "weil-conditions.xml"
    tree = etree.parse(str(download))
    assert {etree.QName(e).localname for e in tree.xpath("//t:standOff[@type='registers']/*", namespaces=NS)} == {
        "listPerson", "listPlace", "listOrg", "listEvent", "listBibl", "list"}
    assert tree.xpath("//t:text//t:p/@xml:id", namespaces=NS) == INTRODUCTION_IDS + PARAGRAPH_IDS
    jing = shutil.which("pyjing") or str(Path(sys.executable).with_name("pyjing"))
    tei_all = ROOT.parent / "shared" / "schema" / "tei_all.rng"
    result = subprocess.run([jing, str(tei_all), str(download)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_local_link_and_asset_of_every_page_resolves(built_books):
    """No page points to a file the build does not publish (the witness the header cites and the books included)."""
    built = built_books
    missing = set()
    for page in (built / "html").rglob("*.html"):
        tree = html.parse(str(page))
        for target in tree.xpath("//a/@href | //link/@href | //script/@src | //img/@src"):
            path = target.split("#")[0].split("?")[0]
            if not path or ":" in path or path.startswith("//"):
                continue
            if not (page.parent / path).resolve().exists():
                missing.add(f"{page.relative_to(built)} → {target}")
    assert not missing, sorted(missing)[:20]


def test_the_witness_the_header_cites_is_published(built):
    header = etree.parse(str(ROOT / "edition" / "conditions.xml"))
    targets = header.xpath("//t:sourceDesc//t:ref/@target[not(contains(., ':'))]", namespaces=NS)
    assert targets, "the header points to its witness"
    for target in targets:
        assert (built / "html" / target).read_bytes() == (ROOT / "edition" / target).read_bytes()
