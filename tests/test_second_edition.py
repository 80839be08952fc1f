"""Any edition, not only this one (issue 10, point 6): a second, small edition with its own TEI,
register, lock and configuration (tests/fixtures/second-edition/) builds end to end with the
same pipeline: this repository's stylesheets and schema, the same ``build()``."""
from __future__ import annotations

import shutil

import pytest
from lxml import html as lxml_html

from edition.build import build
from edition.project import Project


@pytest.fixture(scope="module")
def second(tmp_path_factory, repo_root) -> Project:
    root = tmp_path_factory.mktemp("second") / "project"
    shutil.copytree(repo_root / "tests" / "fixtures" / "second-edition", root)
    for folder in ("xslt", "schema"):
        shutil.copytree(repo_root / folder, root / folder)
    project = Project(root)
    report = build(project)  # validation included: the fixture is a valid edition
    assert not report.up_to_date
    return project


def _page(project: Project, name: str):
    return lxml_html.parse(str(project.build_dir / "html" / name))


def test_configuration_names_its_documents(second):
    assert second.main_document.name == "address.xml" and second.main_document.exists()
    assert second.witness.name == "address.txt"


def test_reading_view_is_the_second_edition(second):
    page = _page(second, "index.html")
    assert "Address at the Dedication of the Gettysburg National Cemetery" in page.findtext(".//title")
    paragraphs = page.xpath("//p[contains(concat(' ', @class, ' '), ' para ')]/@id")
    assert paragraphs == ["p-four-score", "p-great-civil-war", "p-larger-sense"]


def test_reading_text_keeps_every_word_of_its_witness(second):
    reading = (second.build_dir / "text" / "reading.txt").read_text(encoding="utf-8")
    witness = second.witness.read_text(encoding="utf-8")
    assert " ".join(reading.split()).endswith(" ".join(witness.split()))


def test_register_page_lists_its_own_entries(second):
    page = _page(second, "persons.html")
    text = " ".join(page.getroot().text_content().split())
    assert "Abraham Lincoln" in text and "Mao" not in text


def test_search_index_and_data_outputs_are_written(second):
    assert list((second.build_dir / "html" / "pagefind").glob("*/pagefind.js"))  # one index per search part
    assert (second.build_dir / "index" / "paragraphs.json").read_text(encoding="utf-8").count("p-larger-sense") >= 1


def test_second_build_is_up_to_date(second):
    assert build(second).up_to_date


# That no output of this edition holds anything of the first (Weil) edition is checked, with the tokens taken from
# the Weil edition's own TEI and registers rather than a short list, by tests/test_no_flagship_words.py.


def test_tei_download_is_named_by_the_headers_edition_idno(second):
    assert (second.build_dir / "html" / "tei" / "lincoln-address.xml").exists()
