"""Static full-text search: the records the stylesheets write, indexed by Pagefind's Python API.

The stylesheets that write the pages also write the search records as data
(``xslt/common/search-records.xsl``, into ``search/records-*.json`` beside ``html/``, not published): one
record per citable unit (a paragraph of the reading view, a register entry with what its person says in
Voices, a table of figures, a page about the edition), each with its address, title, text, language,
``part`` and ``section`` and its meta (``introduces``, ``voices``). Nothing here reads a page.

Each part gets an index of its own, ``html/pagefind/<part>/``, written through ``PagefindIndex`` and
``add_custom_record``; the search page opens the first and merges the others (Pagefind's ``mergeIndex``,
with the part as a ``mergeFilter``). The indexes therefore need no Pagefind filters: Pagefind writes
filter files in an order that changes from run to run, while records without filters, added in a fixed
order (sorted by address here), come out byte-identical.

>>> index_for_search(Path("build"))   # doctest: +SKIP
>>> sorted(p.name for p in (Path("build") / "html" / "pagefind").iterdir())  # doctest: +SKIP
['about', 'essay', 'figures', 'registers', 'voices']
"""
from __future__ import annotations

import asyncio
import base64
import json
import re
import shutil
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from ..xmlio import EditionError, Problem

#: Where the stylesheets write the records, relative to the build folder.
RECORDS = "search"
#: A part's name is the name of its index folder.
PART_NAME = re.compile(r"[a-z0-9][a-z0-9-]*")


@dataclass(frozen=True)
class Record:
    """One search result: its address (page and fragment), title, text, parts and sections, meta."""

    url: str
    title: str
    content: str
    language: str
    part: tuple[str, ...]
    section: tuple[str, ...]
    meta: dict[str, str] = field(default_factory=dict)


def read_records(out: Path) -> list[Record]:
    """Every record the stylesheets wrote into ``out/search/``, file by file in name order."""
    records = []
    for path in sorted((Path(out) / RECORDS).glob("records-*.json")):
        for item in json.loads(path.read_text(encoding="utf-8")):
            records.append(Record(item["url"], item["title"], item["content"], item["language"],
                                  tuple(item["part"]), tuple(item["section"]), dict(item["meta"])))
    return records


def records_by_part(records: list[Record]) -> dict[str, list[Record]]:
    """Each part's records, sorted by address, so that the order they came in does not matter."""
    parts: dict[str, list[Record]] = {}
    for record in sorted(records, key=lambda r: r.url):
        for part in record.part:
            if not PART_NAME.fullmatch(part):
                raise ValueError(f"search part {part!r} of {record.url} is not a folder name (a-z, 0-9, -)")
            parts.setdefault(part, []).append(record)
    return parts


def _pagefind():
    """Pagefind's Python API, with a service that reads each answer as soon as it comes.

    The package's own reader (pagefind 1.5.2, ``PagefindService._wait_for_responses``) waits 0.1 s before
    reading each answer: 37 s for this edition's 340 records, against 2–3 s for the five indexes here.
    """
    from pagefind.index import PagefindIndex
    from pagefind.service import PagefindService

    class PromptService(PagefindService):
        async def _wait_for_responses(self) -> None:
            while True:
                answer = json.loads(base64.b64decode((await self._backend.stdout.readuntil(b","))[:-1]))
                payload = answer.get("payload", {})
                waiting = ([self._responses[answer["message_id"]]] if answer.get("message_id") in self._responses
                           else [f for f in self._responses.values() if not f.done()])  # an error without an id
                for future in waiting:
                    if future.done():
                        continue
                    if payload.get("type") == "Error":
                        future.set_exception(RuntimeError(payload.get("message", "Pagefind reported an error")))
                    else:
                        future.set_result(payload)

    return PagefindIndex, PromptService


async def _write_indexes(parts: dict[str, list[Record]], folder: Path) -> None:
    """One Pagefind index per part, in ``folder/<part>/``; records added one after the other, in order.

    A record in two parts is the same in both indexes (meta ``section``: its first section), so that the
    search page sees one result (the same fragment, the same id)."""
    _, PromptService = _pagefind()
    service = await PromptService().launch()
    try:
        for part, records in parts.items():
            index = await service.create_index({"force_language": records[0].language,
                                                "output_path": str(folder / part)})
            for record in records:
                await index.add_custom_record(url=record.url, content=record.content, language=record.language,
                                              meta={"title": record.title, "section": record.section[0], **record.meta}
                                              if record.section else {"title": record.title, **record.meta})
            await index.write_files()
    finally:
        await service.close()


def index_for_search(out: Path) -> None:
    """Write one Pagefind index per search part into ``out/html/pagefind/`` from the records in ``out/search/``."""
    out = Path(out)
    folder = out / "html" / "pagefind"
    try:
        parts = records_by_part(read_records(out))
        if not parts:
            return
        shutil.rmtree(folder, ignore_errors=True)
        # In a thread of its own: the caller may be running an event loop already (a test's browser).
        with ThreadPoolExecutor(1) as thread:
            thread.submit(asyncio.run, _write_indexes(parts, folder.resolve())).result()
    except FileNotFoundError as err:
        raise EditionError(Problem(str(out / RECORDS), 1, 1, f"cannot build the search index: {err}; "
                                   "install the project's dependencies (pagefind[bin])")) from None
    except (OSError, RuntimeError, ValueError, KeyError, asyncio.IncompleteReadError) as err:
        raise EditionError(Problem(str(out / RECORDS), 1, 1, f"cannot build the search index: {err}")) from None
    missing = [part for part in parts if not (folder / part / "pagefind.js").exists()]
    if missing:
        raise EditionError(Problem(str(folder), 1, 1, f"the search index was not written for {', '.join(missing)}"))
