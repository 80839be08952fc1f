"""Static full-text search: Pagefind indexes the built HTML (no network at run time).

Pagefind's binary comes from PyPI with the package (``pagefind[bin]``) and runs
as a local subprocess (``pagefind --service``). The index holds one record per
citable unit, so that a result lands on the paragraph or the entry, not on the top
of a page, and no entry is a result twice:

- every numbered paragraph (``p.para[id]``) of the reading view, titled with its
  label as the edition cites it (``¶ 4``), at ``index.html#<id>``;
- on every other page, every innermost element of ``<main>`` that has an ``id``
  (an index entry), titled with the entry's heading;
- a speaker of ``voices.html`` whose heading links to a register entry is merged
  into that entry: one record, at the register's address, whose text adds the
  speaker's quotations, with the Voices address in its meta (``voices``);
- a page section that only repeats others (``figures.html#reading-order``, every
  figure again in reading order) is left out.

Each record carries two Pagefind filters: ``part`` (Essay, Registers, Voices,
Figures, About the edition) and ``section`` (the essay's section, or the page:
Persons, Glossary …), which the search page shows with every result and offers
as filters. Its meta ``introduces`` holds the names (as the registers give them,
Chinese characters included) of every entry the essay mentions there for the
first time, so that the paragraph that introduces a term ranks first for it
(the search page weights that field).

The service writes a filter index's values, and the list of filter indexes, in
an order that changes from run to run (Rust hash maps); every build must be
byte-identical, so :func:`stable_filter_files` decodes those files (CBOR),
sorts them and renames them by their new content before they are written.

Controls marked ``data-pagefind-ignore`` (permalinks, cite links, speaker
markers), screen-reader-only text and note markers are left out of the indexed text.

>>> index_for_search(Path("build/html"))   # doctest: +SKIP
>>> (Path("build/html") / "pagefind" / "pagefind.js").exists()  # doctest: +SKIP
True
"""
from __future__ import annotations

import base64
import copy
import gzip
import hashlib
import json
import re
import subprocess
import threading
from dataclasses import dataclass, field
from pathlib import Path

import cbor2
from lxml import etree
from lxml import html as lxml_html

from .xmlio import EditionError, Problem

#: Elements that can be a search record when they carry an ``id``.
RECORD_TAGS = {"p", "li", "dd", "dt", "article", "section", "div", "tr", "figure", "blockquote"}
#: Pages never indexed (the search page itself).
SKIPPED_PAGES = {"search.html"}
#: Page sections left out because every word of them is in other records already.
REPEATED_SECTIONS = {"figures.html#reading-order"}
#: Identifier prefixes of entries named by the editors' paraphrase (anonymous people, groups, unnamed organisations).
UNNAMED_PREFIXES = ("anon-", "grp-", "org-")
#: The parts of the edition, in the order the search page lists them; pages not named here are "About the edition".
PARTS = ("Essay", "Registers", "Voices", "Figures", "About the edition")
PAGE_PARTS = {"index.html": "Essay", "persons.html": "Registers", "places.html": "Registers",
              "organisations.html": "Registers", "events.html": "Registers", "works.html": "Registers",
              "glossary.html": "Registers", "voices.html": "Voices", "figures.html": "Figures"}


@dataclass
class Record:
    """One search result: its address (page and fragment), title, text, filters and meta."""

    url: str
    title: str
    content: str
    filters: dict[str, list[str]] = field(default_factory=dict)
    meta: dict[str, str] = field(default_factory=dict)


#: Elements after which words are separated (inline markup joins words as they stand).
BLOCK_TAGS = {"p", "li", "dt", "dd", "div", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6",
              "tr", "td", "th", "br", "ul", "ol", "dl", "blockquote", "figure", "figcaption", "header", "footer"}
#: Not part of the text: controls, screen-reader-only additions, note markers.
IGNORED = (".//*[@data-pagefind-ignore or contains(concat(' ', @class, ' '), ' visually-hidden ')"
           " or contains(concat(' ', @class, ' '), ' note-ref ')]")


def _text(element) -> str:
    """The element's reading text, without controls, screen-reader-only additions and note markers."""
    element = copy.deepcopy(element)  # a detached copy: cheaper than serialising and parsing it again
    element.tail = None
    for ignored in element.xpath(IGNORED):
        ignored.drop_tree()
    for block in element.iterdescendants():
        if isinstance(block.tag, str) and block.tag in BLOCK_TAGS:
            block.tail = " " + (block.tail or "")
            block.text = " " + (block.text or "")
    return " ".join(element.text_content().split())


def _page_title(tree) -> str:
    title = " ".join("".join(tree.xpath("//title//text()")).split())
    return title.split(" — ")[0] if " — " in title else title


def _is_candidate(element) -> bool:
    return element.tag in RECORD_TAGS and bool(element.get("id"))


def _paragraph_label(para) -> str:
    """The paragraph's label as the edition cites it (``¶ 4``, ``comment 1, ¶ 1``), from its permalink."""
    for link in para.xpath("./a[contains(concat(' ', @class, ' '), ' pilcrow ')]"):
        for described in (link.get("aria-label"), link.get("data-tip"), link.get("title")):
            found = re.search(r"(?:Permalink to )?(.*¶\s*[^()\s]+)", described or "")
            if found:
                return " ".join(found.group(1).replace("Permalink to", "").split())
    return f"¶ {para.get('data-n')}" if para.get("data-n") else para.get("id")


def _section_of(para) -> str:
    """The title of the top-level division the paragraph is in ("Migrant Labor", "Reader comment")."""
    sections = para.xpath("ancestor::section")
    for section in sections:  # outermost first
        heading = section.xpath("./*[self::h1 or self::h2 or self::h3][1]")
        text = (_text(heading[0]) if heading else "").strip("[] ")  # a supplied heading is in brackets
        if re.search(r"[^\W\d_]", text):  # a heading with a word, not the comment's "1."
            return text
        if section.get("id"):
            return section.get("id").replace("-", " ").capitalize()
    return ""


def _entry_names(element) -> str:
    """An index entry's names: its heading and what the "Also named" line lists."""
    heading = element.xpath("(.//h1|.//h2|.//h3|.//h4)[1]")
    names = [_text(heading[0])] if heading else []
    for term in element.xpath(".//dt"):
        if " ".join(term.text_content().split()).lower() == "also named":
            following = term.getnext()
            if following is not None and following.tag == "dd":
                names.append(_text(following).replace(";", " "))
    return " ".join(names)


def _mention_target(element) -> str | None:
    target = element.get("href") or element.get("data-href")
    return target if target and "#" in target and not target.startswith("#") else None


def _is_unnamed(address: str) -> bool:
    """An entry without a name of its own (``anon-``, ``grp-``, ``org-``): its label paraphrases the text."""
    return address.split("#", 1)[1].startswith(UNNAMED_PREFIXES)


def essay_records(name: str, main) -> list[tuple[Record, list[str]]]:
    """The reading view's paragraphs, each with the entries it mentions (addresses, in reading order)."""
    records = []
    for para in main.xpath(".//p[@id and contains(concat(' ', @class, ' '), ' para ')]"):
        mentions = [t for t in (_mention_target(e) for e in para.xpath(
            ".//*[contains(concat(' ', @class, ' '), ' entity ')]")) if t]
        section = _section_of(para)
        records.append((Record(f"{name}#{para.get('id')}", _paragraph_label(para), _text(para),
                               {"part": ["Essay"], "section": [section] if section else []}), mentions))
    return records


def _merge_speakers(records: list[Record]) -> list[Record]:
    """One record per person: a speaker of Voices goes into the register entry its heading links to."""
    by_url = {r.url: r for r in records}
    merged = []
    for record in records:
        entry = by_url.get(record.meta.get("entry", ""))
        if entry is None:
            record.meta.pop("entry", None)
            record.meta.pop("quotations", None)
            merged.append(record)
            continue
        entry.content = f"{entry.content} {record.meta['quotations']}".strip()
        entry.meta["voices"] = record.url
        for key in ("part", "section"):
            entry.filters[key] = list(dict.fromkeys(entry.filters.get(key, []) + record.filters[key]))
    return merged


@dataclass
class PageRecords:
    """What one built page gives the index, read once."""

    records: list[Record]
    #: The reading view's paragraphs, each with the entries it mentions (``index.html`` only).
    mentions: list[tuple[Record, list[str]]] = field(default_factory=list)
    #: A register page's entries: address → the names the entry gives (heading, "Also named").
    names: dict[str, str] = field(default_factory=dict)


def read_page(html_dir: Path, page: Path) -> PageRecords:
    """The records of one built page, before speakers are merged into their entries: its numbered paragraphs
    (with the entries each mentions, for the reading view), or else every innermost element of ``<main>``
    that has an ``id``, or else the page as one record. A register page also gives its entries' names."""
    tree = lxml_html.parse(str(page))
    name = page.relative_to(html_dir).as_posix()
    main = (tree.xpath("//main") or tree.xpath("//body"))[0]
    paragraphs = essay_records(name, main)
    if paragraphs:
        return PageRecords([record for record, _ in paragraphs], paragraphs if name == "index.html" else [])
    title = _page_title(tree)
    filters = {"part": [PAGE_PARTS.get(name, PARTS[-1])], "section": [title]}
    records = []
    for element in main.iter():
        if not isinstance(element.tag, str) or not _is_candidate(element):
            continue
        if any(_is_candidate(d) for d in element.iterdescendants() if isinstance(d.tag, str)):
            continue
        url = f"{name}#{element.get('id')}"
        text = _text(element)
        if not text or url in REPEATED_SECTIONS:
            continue
        heading = element.xpath("(.//h1|.//h2|.//h3|.//h4|.//dt|.//strong|.//b)[1]")
        label = _text(heading[0]) if heading else " ".join(text.split()[:8])
        label = re.sub(r"\s*\(\d+\)$", "", label)  # a speaker's heading ends with the count of quotations
        record = Record(url, label, text, {k: list(v) for k, v in filters.items()})
        speaker = element.xpath("./*[self::h2 or self::h3 or self::h4][1]/a[@href]")
        if name == "voices.html" and speaker and _mention_target(speaker[0]):
            record.meta["entry"] = speaker[0].get("href")
            record.meta["quotations"] = " ".join(_text(q) for q in element.xpath(".//blockquote"))
        records.append(record)
    if not records:
        text = _text(main)
        if text:
            records.append(Record(name, title, text, filters))
    names = {}
    if any(r.filters.get("part") == ["Registers"] for r in records):
        names = {f"{name}#{e.get('id')}": _entry_names(e) for e in main.xpath(".//*[@id]") if _is_candidate(e)}
    return PageRecords(records, names=names)


class PageReader:
    """Pages read once each, so that a build can read them while the stylesheets still run.

    A page read earlier is used only if it has not changed since (same size and modification
    time): a page read while it was still being written is read again.
    """

    def __init__(self, html_dir: Path) -> None:
        self.html_dir = Path(html_dir)
        self._read: dict[Path, tuple[tuple[int, int], PageRecords]] = {}

    def pages(self) -> list[Path]:
        """The pages to index, the reading view first, then in name order."""
        html_dir = self.html_dir
        pages = sorted(html_dir.rglob("*.html"), key=lambda p: (p.relative_to(html_dir).as_posix() != "index.html", p))
        return [p for p in pages if p.name not in SKIPPED_PAGES and "pagefind" not in p.relative_to(html_dir).parts]

    def read(self, page: Path) -> PageRecords:
        """The page's records: a copy (merging speakers changes them), read again if the page changed."""
        stat = page.stat()
        key = (stat.st_size, stat.st_mtime_ns)
        if page not in self._read or self._read[page][0] != key:
            self._read[page] = (key, read_page(self.html_dir, page))
        return copy.deepcopy(self._read[page][1])

    def read_written(self) -> None:
        """Read every page written so far that has not been read yet. A page still being written may not
        parse yet: it is left for :meth:`read` to read again once the stylesheets have run."""
        for page in self.pages():
            if page not in self._read:
                try:
                    self.read(page)
                except (AssertionError, IndexError, OSError, etree.LxmlError):  # lxml: "missing root"
                    pass


def collect_records(html_dir: Path, reader: PageReader | None = None) -> list[Record]:
    """Every search record of the built site: the essay first, then page by page in name order.

    A paragraph's meta ``introduces`` names the entries the essay mentions there first.
    ``reader``: the pages already read during the build.
    """
    reader = reader or PageReader(html_dir)
    records: list[Record] = []
    mentions: list[tuple[Record, list[str]]] = []
    names: dict[str, str] = {}
    for page in reader.pages():
        read = reader.read(page)
        records.extend(read.records)
        mentions = mentions or read.mentions
        names.update(read.names)
    records = _merge_speakers(records)
    seen: set[str] = set()
    for record, targets in mentions:
        first = [t for t in dict.fromkeys(targets) if t not in seen and not _is_unnamed(t)]
        seen.update(first)
        introduced = " ".join(names[t] for t in first if names.get(t))
        if introduced:
            record.meta["introduces"] = introduced
    return records


# --- Byte-identical output: Pagefind's filter indexes in a fixed order -------------------------------
#
# Pagefind writes ``filter/*.pf_filter`` (one per filter: its values, each with its pages) and the
# ``pf_meta`` file (which lists the filter files) from hash maps, in an order that changes between
# runs. Both are gzip-compressed CBOR, prefixed with ``pagefind_dcd``, named by a hash of their
# content, and ``pagefind-entry.json`` names the meta file. We sort the values and the list, then
# recompute the names the way Pagefind does (SHA-1 of the content).

SIGNATURE = b"pagefind_dcd"


def _unpack(content: bytes, name: str):
    data = gzip.decompress(content)
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{name} is not a Pagefind index file")
    body = data[len(SIGNATURE):]
    try:
        value = cbor2.loads(body)
    except cbor2.CBORDecodeError as error:
        raise ValueError(f"{name} is not CBOR as Pagefind writes it: {error}") from None
    if cbor2.dumps(value) != body:
        raise ValueError(f"{name} is in a Pagefind format this edition does not know")
    return value


def _pagefind_hash(data: bytes) -> str:
    """Pagefind's content hash: SHA-1, each byte in hexadecimal without padding (``utils::full_hash``)."""
    return "".join(format(b, "x") for b in hashlib.sha1(data).digest())


def stable_filter_files(files: dict[str, bytes]) -> dict[str, bytes]:
    """``files`` (path in ``pagefind/`` → content) with the filter indexes and the list of them sorted.

    A filter file holds ``[filter, [[value, [page, …]], …]]``; the meta file
    ``[version, pages, index chunks, [[filter, file hash], …], sorts, meta fields]``.
    Pages are numbered in the order the records were added, which is fixed.
    """
    files = dict(files)
    metas = [p for p in files if re.fullmatch(r"pagefind\.[^/]+\.pf_meta", p)]
    if not any(p.startswith("filter/") for p in files) or len(metas) != 1:
        return files
    meta_path = metas[0]
    language, meta_hash = re.fullmatch(r"pagefind\.(.+)_([0-9a-f]+)\.pf_meta", meta_path).groups()
    meta = _unpack(files.pop(meta_path), meta_path)
    renamed = {}
    for old in sorted(p for p in files if p.startswith("filter/") and p.endswith(".pf_filter")):
        name, values = _unpack(files.pop(old), old)
        body = cbor2.dumps([name, sorted(([v, sorted(pages)] for v, pages in values), key=lambda v: v[0])])
        full = f"{language}_{_pagefind_hash(body)}"
        short = full[:len(language) + 8]
        while short in renamed.values() and len(short) < len(full):
            short = full[:len(short) + 1]
        renamed[old] = short
        files[f"filter/{short}.pf_filter"] = _pack_body(body)
    by_hash = {Path(old).stem: new for old, new in renamed.items()}
    meta[3] = sorted(([name, by_hash.get(h, h)] for name, h in meta[3]), key=lambda f: f[0])
    body = cbor2.dumps(meta)
    new_hash = f"{language}_{_pagefind_hash(body)[:len(language) + 8]}"
    files[f"pagefind.{new_hash}.pf_meta"] = _pack_body(body)
    entry = json.loads(files["pagefind-entry.json"])
    for settings in entry.get("languages", {}).values():
        if settings.get("hash") == f"{language}_{meta_hash}":
            settings["hash"] = new_hash
    files["pagefind-entry.json"] = json.dumps(entry, separators=(",", ":"), ensure_ascii=False).encode()
    return files


def _pack_body(body: bytes) -> bytes:
    return gzip.compress(SIGNATURE + body, compresslevel=9, mtime=0)


def pagefind_binary() -> Path:
    """The Pagefind binary that the ``pagefind[bin]`` package installs (or $PAGEFIND_BINARY_PATH)."""
    from pagefind.service import get_executable

    binary = get_executable()
    if binary is None or not Path(binary).exists():
        raise FileNotFoundError("no Pagefind binary found")
    return Path(binary)


def _message(message_id: int, payload: dict) -> bytes:
    return base64.b64encode(json.dumps({"message_id": message_id, "payload": payload}).encode()) + b","


def _send(stream, data: bytes) -> None:
    stream.write(data)
    stream.flush()


def _send_all(stream, data: bytes) -> None:
    """``_send`` from a thread of its own: if the service stopped, the reader of its answers says so."""
    try:
        _send(stream, data)
    except OSError:
        pass


class _Answers:
    """The service's answers: base64 JSON messages, each ended by a comma, read in blocks."""

    def __init__(self, stream) -> None:
        self.stream = stream
        self.buffer = bytearray()

    def until(self, last_id: int) -> list[dict]:
        """Every answer up to the one to request ``last_id`` (or an error)."""
        answers = []
        while True:
            end = self.buffer.find(b",")
            if end < 0:
                block = self.stream.read1(65536)
                if not block:
                    raise RuntimeError("the Pagefind service stopped before writing the index")
                self.buffer += block
                continue
            answer = json.loads(base64.b64decode(bytes(self.buffer[:end])))
            del self.buffer[: end + 1]
            answers.append(answer)
            if answer.get("message_id") == last_id or answer.get("payload", {}).get("type") == "Error":
                return answers


def _write_index(html_dir: Path, records: list[Record]) -> None:
    """Talk to ``pagefind --service`` directly: one new index, every record, then its files.

    The records are written in one stream, by a thread, while this one reads the answers: the service
    (Pagefind 1.5) takes its messages one after the other, in the order they arrive, so the index is
    the same as if each record waited for the previous one's answer (a round trip each, about half the
    time of the index) — and the same from build to build, which a test checks. (Pagefind's own asyncio
    wrapper sends them concurrently and polls every 0.1 s per answer.) The files are asked for with
    ``GetFiles`` and written here: with ``WriteFiles`` the service could exit, once its input closed,
    before it had finished writing them, leaving a truncated file.
    """
    process = subprocess.Popen([str(pagefind_binary()), "--service"], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=html_dir)

    answers = _Answers(process.stdout)

    def ask(message_id: int, payload: dict) -> dict:
        _send(process.stdin, _message(message_id, payload))
        answer = answers.until(message_id)[-1]["payload"]
        if answer.get("type") == "Error":
            raise RuntimeError(answer.get("message", "the Pagefind service reported an error"))
        return answer

    try:
        index_id = ask(1, {"type": "NewIndex", "config": {"force_language": "en"}})["index_id"]
        adds = b"".join(_message(n, {"type": "AddRecord", "index_id": index_id, "url": r.url, "content": r.content,
                                     "language": "en", "meta": {"title": r.title, **r.meta},
                                     "filters": {k: v for k, v in r.filters.items() if v} or None, "sort": None})
                        for n, r in enumerate(records, start=2))
        writer = threading.Thread(target=_send_all, args=(process.stdin, adds), daemon=True)
        writer.start()
        last = answers.until(len(records) + 1)[-1]["payload"]
        writer.join()
        if last.get("type") == "Error":
            raise RuntimeError(last.get("message", "the Pagefind service reported an error"))
        files = ask(len(records) + 2, {"type": "GetFiles", "index_id": index_id})["files"]
        process.stdin.close()
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    out = (html_dir / "pagefind").resolve()
    contents = stable_filter_files({f["path"]: base64.b64decode(f["content"]) for f in files})
    for path, content in sorted(contents.items()):
        target = (out / path).resolve()
        if out not in target.parents:
            raise RuntimeError(f"Pagefind returned a file outside its folder: {path!r}")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)


def index_for_search(html_dir: Path, reader: PageReader | None = None) -> None:
    """Write the Pagefind index and its search interface into ``html_dir/pagefind``
    (``reader``: the pages already read during the build)."""
    html_dir = Path(html_dir)
    records = collect_records(html_dir, reader)
    if not records:
        return
    try:
        _write_index(html_dir, records)
    except FileNotFoundError as err:
        raise EditionError(Problem(str(html_dir), 1, 1, f"cannot build the search index: {err}; "
                                   "install the project's dependencies (pagefind[bin])")) from None
    except (OSError, RuntimeError, ValueError, KeyError, subprocess.TimeoutExpired) as err:
        raise EditionError(Problem(str(html_dir), 1, 1, f"cannot build the search index: {err}")) from None
    if not (html_dir / "pagefind" / "pagefind-ui.js").exists():
        raise EditionError(Problem(str(html_dir), 1, 1, "the search index was not written (no pagefind/pagefind-ui.js)"))
