"""Static full-text search: Pagefind indexes the built HTML (no network at run time).

Pagefind's binary comes from PyPI with the package (``pagefind[bin]``) and runs
as a local subprocess (``pagefind --service``). The index holds one record per
citable unit, so that a result lands on the paragraph, not on the top of a page:

- every numbered paragraph (``p.para[id]``) of the reading view, with its ¶ number
  and section as the result title and ``index.html#<id>`` as its address;
- on every other page, every innermost element of ``<main>`` that has an ``id``
  (an index entry, a note), with the page's title and the entry's heading;
- a page with no such element is one record.

No Pagefind filters are written: the service writes filter indexes in an order
that changes from run to run, and every build must be byte-identical.

Controls marked ``data-pagefind-ignore`` (permalinks, cite links, speaker
markers) and screen-reader-only text are left out of the indexed text.

>>> index_for_search(Path("build/html"))   # doctest: +SKIP
>>> (Path("build/html") / "pagefind" / "pagefind-ui.js").exists()  # doctest: +SKIP
True
"""
from __future__ import annotations

import base64
import copy
import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

from lxml import html as lxml_html

from .xmlio import EditionError, Problem

#: Elements that can be a search record when they carry an ``id``.
RECORD_TAGS = {"p", "li", "dd", "dt", "article", "section", "div", "tr", "figure", "blockquote"}
#: Pages never indexed (the search page itself).
SKIPPED_PAGES = {"search.html"}


@dataclass(frozen=True)
class Record:
    """One search result: its address (page and fragment), title and text."""

    url: str
    title: str
    content: str


#: Elements after which words are separated (inline markup joins words as they stand).
BLOCK_TAGS = {"p", "li", "dt", "dd", "div", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6",
              "tr", "td", "th", "br", "ul", "ol", "dl", "blockquote", "figure", "figcaption", "header", "footer"}


def _text(element) -> str:
    """The element's reading text, without controls and screen-reader-only additions."""
    element = copy.deepcopy(element)  # a detached copy: cheaper than serialising and parsing it again
    element.tail = None
    for ignored in element.xpath(".//*[@data-pagefind-ignore or contains(concat(' ', @class, ' '), ' visually-hidden ')]"):
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


def records_of_page(html_dir: Path, page: Path) -> list[Record]:
    """The search records of one built page."""
    tree = lxml_html.parse(str(page))
    name = page.relative_to(html_dir).as_posix()
    title = _page_title(tree)
    main = (tree.xpath("//main") or tree.xpath("//body"))[0]
    records = []
    for para in main.xpath(".//p[@id and contains(concat(' ', @class, ' '), ' para ')]"):
        label = " ".join("".join(para.xpath("./a[contains(@class, 'pilcrow')]//text()")).split())
        section = para.xpath("ancestor::section[1]/*[self::h2 or self::h3][1]")
        where = " ".join(section[0].text_content().split()) if section else ""
        number = f"¶ {label}" if label and not label.startswith("c") else f"Comment ¶ {label.lstrip('c')}"
        records.append(Record(f"{name}#{para.get('id')}", " · ".join(filter(None, [number, where])) or title,
                              _text(para)))
    if records:
        return records
    for element in main.iter():
        if not isinstance(element.tag, str) or not _is_candidate(element):
            continue
        if any(_is_candidate(d) for d in element.iterdescendants() if isinstance(d.tag, str)):
            continue
        text = _text(element)
        if not text:
            continue
        heading = element.xpath("(.//h1|.//h2|.//h3|.//h4|.//dt|.//strong|.//b)[1]")
        label = " ".join(heading[0].text_content().split()) if heading else " ".join(text.split()[:8])
        records.append(Record(f"{name}#{element.get('id')}", f"{label} · {title}", text))
    if not records:
        text = _text(main)
        if text:
            records.append(Record(name, title, text))
    return records


def collect_records(html_dir: Path) -> list[Record]:
    """Every search record of the built site, page by page in name order."""
    records = []
    for page in sorted(html_dir.rglob("*.html")):
        if page.name in SKIPPED_PAGES or "pagefind" in page.relative_to(html_dir).parts:
            continue
        records.extend(records_of_page(html_dir, page))
    return records


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

    Records are sent one at a time, each after the previous was acknowledged: the
    service adds concurrent requests in whatever order they finish, which made two
    builds of the same sources differ. (Pagefind's own asyncio wrapper also goes one
    by one, but polls every 0.1 s per answer: a minute for the edition; reading the
    answer from the pipe takes about a millisecond.) The files are asked for with
    ``GetFiles`` and written here: with ``WriteFiles`` the service could exit, once its
    input closed, before it had finished writing them, leaving a truncated file.
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
        for n, r in enumerate(records, start=2):
            ask(n, {"type": "AddRecord", "index_id": index_id, "url": r.url, "content": r.content,
                    "language": "en", "meta": {"title": r.title}, "filters": None, "sort": None})
        files = ask(len(records) + 2, {"type": "GetFiles", "index_id": index_id})["files"]
        process.stdin.close()
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    out = (html_dir / "pagefind").resolve()
    for file in sorted(files, key=lambda f: f["path"]):
        target = (out / file["path"]).resolve()
        if out not in target.parents:
            raise RuntimeError(f"Pagefind returned a file outside its folder: {file['path']!r}")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(base64.b64decode(file["content"]))


def index_for_search(html_dir: Path) -> None:
    """Write the Pagefind index and its search interface into ``html_dir/pagefind``."""
    html_dir = Path(html_dir)
    records = collect_records(html_dir)
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
