"""The search records (issue 23, item 2): written by the page stylesheets, one per citable unit, each entry
once, filed by part and section; indexed through Pagefind's Python API, one index per part, byte-identical
from build to build whatever the order the records came in."""
from __future__ import annotations

import json
import random
import shutil

import pytest

from edition.build import write_outputs
from edition.corpus import load_edition
from edition.errors import EditionError
from edition.project import Project
from edition.outputs.search import RECORDS, index_for_search, read_records


@pytest.fixture(scope="module")
def built(built_edition):
    """The edition's outputs with its search records and indexes: the shared build (``edition build --no-books``,
    search index included; read only)."""
    return built_edition.build_dir


@pytest.fixture(scope="module")
def records(built):
    return read_records(built)


def test_every_record_has_its_own_address(records):
    urls = [r.url for r in records]
    assert len(urls) == len(set(urls))


def test_a_speaker_is_one_record_at_his_register_entry(records):
    assert not [r.url for r in records if r.url.startswith("voices.html#voice-")]
    worker = next(r for r in records if r.url == "persons.html#anon-henan-worker-hat-of-state")
    assert worker.meta["voices"] == "voices.html#voice-anon-henan-worker-hat-of-state"
    assert (worker.part, worker.section) == (("registers", "voices"), ("Persons", "Voices"))
    assert "hat of the state" in worker.content


def test_the_figures_in_reading_order_are_not_indexed_twice(records):
    urls = {r.url for r in records}
    assert "figures.html#reading-order" not in urls and "figures.html#kind-money" in urls


def test_a_paragraph_is_titled_with_its_label_and_filed_under_its_section(records):
    by_url = {r.url: r for r in records}
    para = by_url["index.html#p-scale-disaster-difficult"]
    assert (para.title, para.part, para.section) == ("¶ 4", ("essay",), ("The Urban Proletariat",))
    assert para.content.startswith("The scale of the disaster is difficult to grasp.")
    assert by_url["index.html#p-comment-nico"].section == ("Reader comment",)
    assert by_url["index.html#p-comment-nico"].title == "comment 1, ¶ 1"
    assert by_url["index.html#p-every-class-stratum"].section == ("Introduction",)
    assert all(r.part == ("essay",) for r in records if r.url.startswith("index.html#p-"))


def test_a_paragraph_names_the_entries_it_introduces(records):
    by_url = {r.url: r for r in records}
    introduced = by_url["index.html#p-scale-disaster-difficult"].meta["introduces"]
    assert "Xiagang" in introduced and "下岗" in introduced
    assert "Xiagang" not in by_url["index.html#p-surface-least-would"].meta.get("introduces", "")
    assert "hat of the state" not in introduced  # the text names this informant with an rs, a paraphrase


def test_every_record_is_in_a_declared_part_with_its_index(built, records):
    parts = {p for r in records for p in r.part}
    assert parts == {"essay", "registers", "voices", "figures", "about"}
    assert {p.name for p in (built / "html" / "pagefind").iterdir()} == parts
    assert next(r for r in records if r.url == "places.html#zhengzhou").section == ("Places",)
    assert next(r for r in records if r.url == "changes.html#version-1.0").part == ("about",)


def test_a_kind_is_filed_under_the_part_its_declaration_names(tmp_path, copy_repository, records):
    """The part comes from declarations.xsl, read by the stylesheets: nothing in Python lists parts or kinds."""
    project = Project(copy_repository(tmp_path / "repo"))
    declarations = project.xslt_dir / "common" / "declarations.xsl"
    text = declarations.read_text(encoding="utf-8")
    text = text.replace('page="glossary.html" search-part="registers"', 'page="glossary.html" search-part="terms"')
    text = text.replace('<ed:search-part name="registers" label="search-part.registers"/>',
                        '<ed:search-part name="registers" label="search-part.registers"/>\n      <ed:search-part name="terms" label="search-part.terms"/>')
    declarations.write_text(text, encoding="utf-8")
    labels = project.xslt_dir / "labels" / "en.xml"  # the part's name, as the search page prints it
    labels.write_text(labels.read_text(encoding="utf-8").replace("</labels>", '<label key="search-part.terms">Terms</label></labels>'),
                      encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    write_outputs(project, load_edition(project).serialize(), out, {"ids": False, "base-url": ""})
    again = {r.url: r for r in read_records(out)}
    assert again["glossary.html#term-xiagang"].part == ("terms",)
    assert again["persons.html#mao-zedong"].part == ("registers",)
    assert (out / "html" / "pagefind" / "terms" / "pagefind.js").exists()
    page = (out / "html" / "search.html").read_text(encoding="utf-8")
    assert 'value="Terms" data-part="terms" data-index="pagefind/terms/"' in page


def _index(records: list[dict], out):
    (out / RECORDS).mkdir(parents=True)
    (out / RECORDS / "records-all.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    index_for_search(out)
    folder = out / "html" / "pagefind"
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_indexes_of_the_same_records_are_byte_identical_in_any_order(built, tmp_path):
    given = [item for path in sorted((built / RECORDS).glob("*.json"))
             for item in json.loads(path.read_text(encoding="utf-8"))]
    first = _index(given, tmp_path / "first")
    shuffled = random.Random(23).sample(given, len(given))
    again = _index(shuffled, tmp_path / "again")
    assert sorted(again) == sorted(first)
    assert [n for n in first if first[n] != again[n]] == []
    built_files = {p.relative_to(built / "html" / "pagefind").as_posix(): p.read_bytes()
                   for p in (built / "html" / "pagefind").rglob("*") if p.is_file()}
    assert built_files == first  # the build's own index: the same bytes


def test_a_record_in_two_parts_is_the_same_fragment_in_both_indexes(built):
    """The search page lists a result once by its id, the hash of its fragment."""
    pagefind = built / "html" / "pagefind"
    registers = {p.name for p in (pagefind / "registers" / "fragment").iterdir()}
    voices = {p.name for p in (pagefind / "voices" / "fragment").iterdir()}
    assert len(registers & voices) == sum(1 for r in read_records(built) if r.part == ("registers", "voices")) > 0


def test_a_part_name_that_is_no_folder_name_is_refused(tmp_path):
    record = {"url": "a.html", "title": "A", "content": "a", "language": "en", "part": ["../x"],
              "section": [], "meta": {}}
    with pytest.raises(EditionError, match=r"search part '\.\./x' of a\.html is not a folder name"):
        _index([record], tmp_path)
    assert not (tmp_path / "html" / "pagefind").exists()


def test_no_records_no_index(tmp_path):
    index_for_search(tmp_path)
    assert not (tmp_path / "html").exists()
    shutil.rmtree(tmp_path)
