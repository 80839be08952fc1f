"""The search index (issue 14, item 1): one record per citable unit, each entry once, filters by part and
section, and a byte-identical index with its filters from build to build."""
from __future__ import annotations

import gzip
import json
import random
import shutil
from dataclasses import asdict

import cbor2
import pytest

from edition.build import write_outputs
from edition.corpus import load_edition
from edition.project import Project
from edition.search import (SIGNATURE, PageReader, collect_records, index_for_search,
                            stable_filter_files)


@pytest.fixture(scope="module")
def built(tmp_path_factory, repo_root):
    """The edition's pages and search index, built once (no validation, no books), as the browser tests do."""
    project = Project(repo_root)
    out = tmp_path_factory.mktemp("search")
    write_outputs(project, load_edition(project).serialize(), out, {"ids": False, "base-url": ""})
    return out / "html"


@pytest.fixture(scope="module")
def records(built):
    return collect_records(built)


def test_every_record_has_its_own_address(records):
    urls = [r.url for r in records]
    assert len(urls) == len(set(urls))


def test_a_speaker_is_one_record_at_his_register_entry(records):
    assert not [r.url for r in records if r.url.startswith("voices.html#voice-")]
    worker = next(r for r in records if r.url == "persons.html#anon-henan-worker-hat-of-state")
    assert worker.meta["voices"] == "voices.html#voice-anon-henan-worker-hat-of-state"
    assert worker.filters == {"part": ["Registers", "Voices"], "section": ["Persons", "Voices"]}
    assert "hat of the state" in worker.content


def test_the_figures_in_reading_order_are_not_indexed_twice(records):
    urls = {r.url for r in records}
    assert "figures.html#reading-order" not in urls and "figures.html#kind-money" in urls


def test_a_paragraph_is_titled_with_its_label_and_filed_under_its_section(records):
    by_url = {r.url: r for r in records}
    assert by_url["index.html#p-scale-disaster-difficult"].title == "¶ 4"
    assert by_url["index.html#p-scale-disaster-difficult"].filters == {"part": ["Essay"], "section": ["The Urban Proletariat"]}
    assert by_url["index.html#p-comment-nico"].filters["section"] == ["Reader comment"]
    assert by_url["index.html#p-every-class-stratum"].filters["section"] == ["Introduction"]
    assert all(r.filters["part"] == ["Essay"] for r in records if r.url.startswith("index.html#p-"))


def test_a_paragraph_names_the_entries_it_introduces(records):
    by_url = {r.url: r for r in records}
    introduced = by_url["index.html#p-scale-disaster-difficult"].meta["introduces"]
    assert "Xiagang" in introduced and "下岗" in introduced
    assert "Xiagang" not in by_url["index.html#p-surface-least-would"].meta.get("introduces", "")
    assert "hat of the state" not in introduced  # an informant's label paraphrases the text: not a name


def test_every_record_is_in_one_of_the_parts(records):
    parts = {p for r in records for p in r.filters["part"]}
    assert parts == {"Essay", "Registers", "Voices", "Figures", "About the edition"}


def _pagefind_files(filters: list[tuple[str, list[tuple[str, list[int]]]]]) -> dict[str, bytes]:
    """A minimal Pagefind bundle: one filter file per filter, the meta file listing them, the entry file."""
    def pack(value):
        return gzip.compress(SIGNATURE + cbor2.dumps(value), mtime=0)

    files = {}
    listed = []
    for n, (name, values) in enumerate(filters):
        files[f"filter/en_{n:07x}.pf_filter"] = pack([name, [[v, pages] for v, pages in values]])
        listed.append([name, f"en_{n:07x}"])
    files["pagefind.en_0123456789.pf_meta"] = pack(["1.5.2", [["en_aaaaaaa", 10]], [["a", "z", "en_bbbbbbb"]],
                                                    listed, [], ["title"]])
    files["pagefind-entry.json"] = json.dumps({"version": "1.5.2", "languages": {"en": {
        "hash": "en_0123456789", "wasm": "en", "page_count": 3}}}, separators=(",", ":")).encode()
    return files


def test_filter_files_come_out_the_same_whatever_order_pagefind_wrote_them_in():
    values = [("Essay", [0, 1]), ("Registers", [2]), ("Voices", [2, 3]), ("Figures", [4])]
    sections = [("Persons", [2]), ("The Urban Proletariat", [0, 1])]
    outputs = set()
    for seed in range(6):
        shuffled = random.Random(seed)
        filters = [("part", shuffled.sample(values, len(values))), ("section", shuffled.sample(sections, 2))]
        files = stable_filter_files(_pagefind_files(shuffled.sample(filters, 2)))
        outputs.add(tuple(sorted(files.items())))
    assert len(outputs) == 1
    files = dict(next(iter(outputs)))
    meta_name = next(p for p in files if p.endswith(".pf_meta"))
    assert json.loads(files["pagefind-entry.json"])["languages"]["en"]["hash"] in meta_name
    meta = cbor2.loads(gzip.decompress(files[meta_name])[len(SIGNATURE):])
    assert [f[0] for f in meta[3]] == ["part", "section"]
    for name, hash_ in meta[3]:
        decoded = cbor2.loads(gzip.decompress(files[f"filter/{hash_}.pf_filter"])[len(SIGNATURE):])
        assert decoded[0] == name and [v[0] for v in decoded[1]] == sorted(v[0] for v in decoded[1])



def test_two_indexes_of_the_same_pages_are_byte_identical_filters_included(built, tmp_path, snapshot):
    import shutil

    first = snapshot(built / "pagefind")
    assert any(name.startswith("filter/") for name in first), "the index has no filters"
    copy = tmp_path / "html"
    shutil.copytree(built, copy, ignore=shutil.ignore_patterns("pagefind"))
    for _ in range(3):
        shutil.rmtree(copy / "pagefind", ignore_errors=True)
        index_for_search(copy)
        again = snapshot(copy / "pagefind")
        assert sorted(again) == sorted(first)
        assert [n for n in first if first[n] != again[n]] == []


def test_a_page_read_while_it_was_still_being_written_is_read_again(built, tmp_path):
    """The build reads pages while the stylesheets still run (``PageReader``): what it read of a page
    that changed afterwards must not reach the index."""
    site = tmp_path / "html"
    shutil.copytree(built, site, ignore=shutil.ignore_patterns("pagefind"))
    page = site / "glossary.html"
    whole = page.read_text(encoding="utf-8")
    page.write_text(whole[: len(whole) // 3], encoding="utf-8")  # the first third, as if still being written
    reader = PageReader(site)
    reader.read_written()
    page.write_text(whole, encoding="utf-8")
    assert [r.url for r in collect_records(site, reader)] == [r.url for r in collect_records(built)]


def test_pages_read_ahead_give_the_same_records_as_pages_read_at_the_end(built):
    reader = PageReader(built)
    reader.read_written()
    assert [asdict(r) for r in collect_records(built, reader)] == [asdict(r) for r in collect_records(built)]
    # the records handed out are copies: merging speakers twice must not add their quotations twice
    assert [asdict(r) for r in collect_records(built, reader)] == [asdict(r) for r in collect_records(built)]
