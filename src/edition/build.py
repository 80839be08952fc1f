"""Building the edition: every output, or none; and nothing when nothing changed.

``build()`` validates the edition, runs every entry stylesheet of ``xslt/`` into
a fresh staging folder beside the output folder, then runs the Python steps
(``STEPS``), records what the build was made from (``manifest``), and only then
swaps the staging folder into place. A failure at any step leaves the previous
complete build untouched. When the previous build was made from the same inputs
with the same tool and options, ``build()`` does nothing (``force=True`` rebuilds).

The stylesheets run in worker processes (``edition.workers``: two where there are two
processors), which compile them while this process validates and take them from one queue; a step
runs as soon as the outputs it reads (``NEEDS``) are written, while the other stylesheets still run.

Adding an output made in Python (PDF, EPUB, RDF, a map…): write a function
``write_x(ctx: BuildContext) -> None`` in its own module that reads ``ctx.edition``
(the assembled, validated TEI as an lxml tree), ``ctx.parameters`` (what the
stylesheets were given) and the files the stylesheets wrote under ``ctx.out``
(the staging folder that becomes ``build/``), writes under ``ctx.out``, and raises
``EditionError`` for a problem the editor can fix; then add it to ``STEPS``. Steps
run in order, after every stylesheet, unless ``NEEDS`` names the only stylesheets whose
outputs the step reads (then it may run while the others still run).

Adding a stylesheet parameter the build computes: one line in ``PARAMETERS``
(name → function of the project). Every parameter is offered to every stylesheet;
Saxon ignores those a stylesheet does not declare (tested), so a new parameter
breaks none of them. Values are str, bool or int (passed as xs:string, xs:boolean,
xs:integer).

>>> report = build(Project(Path(".")))   # doctest: +SKIP
>>> report.up_to_date, report.files[:1]  # doctest: +SKIP
(False, ['.edition-manifest.json'])
"""
from __future__ import annotations

import json
import os
import secrets
import shutil
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import manifest, workers

from .outputs import citations, releases
from .project import Project
from .xmlio import EditionError, Problem


@dataclass(frozen=True)
class BuildContext:
    """What a post-stylesheet step is given."""

    project: Project
    #: The assembled, validated edition (the document the stylesheets ran on).
    edition: object  # an lxml.etree._ElementTree
    #: The staging folder; it becomes the output folder once every step succeeded.
    out: Path
    #: The stylesheet parameters of this build (``base-url``, ``ids``, ``retired``, …).
    parameters: dict


@dataclass
class BuildReport:
    out_dir: Path
    files: list[str] = field(default_factory=list)
    #: True when nothing had changed since the previous build, which was kept as it was.
    up_to_date: bool = False
    #: Seconds spent in each stage, in the order they ran (for the benchmark).
    timings: dict[str, float] = field(default_factory=dict)


def write_assets(ctx: BuildContext) -> None:
    """The static files the HTML pages use (stylesheet, scripts, fonts) from ``xslt/assets``."""
    assets = ctx.project.xslt_dir / "assets"
    if assets.is_dir():
        shutil.copytree(assets, ctx.out / "html" / "assets")


def write_witness(ctx: BuildContext) -> None:
    """The witness the edition was made from, published beside the pages at the same path the header's
    pointer gives it relative to the edition (``witness`` in ``edition.toml``), so the link resolves."""
    witness = ctx.project.witness
    if witness and witness.is_file():
        target = ctx.out / "html" / witness.relative_to(ctx.project.edition_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(witness, target)


def write_images(ctx: BuildContext) -> None:
    """The images the text shows (``graphic/@url``, a path inside the edition's folder), copied beside the pages
    at the same path, so the reading view's ``<img src>`` resolves."""
    edition_dir = ctx.project.edition_dir.resolve()
    urls = ctx.edition.xpath("//t:text//t:graphic/@url", namespaces={"t": "http://www.tei-c.org/ns/1.0"})
    missing = []
    for url in sorted(set(urls)):
        source = (edition_dir / url).resolve()
        if not source.is_relative_to(edition_dir) or not source.is_file():
            line = url.getparent().sourceline or 0
            missing.append(Problem(str(ctx.project.main_document.relative_to(ctx.project.root)), line, 0,
                                   f"graphic url=\"{url}\" names no image file inside the edition's folder"))
            continue
        target = ctx.out / "html" / source.relative_to(edition_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    if missing:
        raise EditionError(missing)


def write_search_index(ctx: BuildContext) -> None:
    """Pagefind's indexes of the search records the page stylesheets wrote (see ``edition.outputs.search``)."""
    from .outputs.search import index_for_search

    index_for_search(ctx.out)


def write_rdf(ctx: BuildContext) -> None:
    """The registers as RDF, Turtle and JSON-LD (``edition.outputs.linked_data``)."""
    from .outputs.linked_data import write_rdf as rdf

    rdf(ctx)


def write_citation_cff(ctx: BuildContext) -> None:
    """``CITATION.cff`` for the edition, from the TEI header (``edition.outputs.linked_data``)."""
    from .outputs.linked_data import write_citation_cff as cff

    cff(ctx)


def write_pdf(ctx: BuildContext) -> None:
    """The PDF edition, typeset by Typst from print.xsl's Typst source (``edition.outputs.pdf``)."""
    from .outputs.pdf import write_pdf as pdf

    pdf(ctx)


def write_epub(ctx: BuildContext) -> None:
    """The EPUB 3 edition, zipped from epub.xsl's files (``edition.outputs.epub``)."""
    from .outputs.epub import write_epub as epub

    epub(ctx)


#: The book editions (PDF, EPUB): built with ``books=True`` (``edition build``, unless ``--no-books``).
#: Laying out the PDF takes seconds, so library builds, tests and ``serve --watch`` leave them out unless asked.
BOOK_STYLESHEETS = ("print.xsl", "epub.xsl")
BOOK_STEPS = (write_pdf, write_epub)

#: Outputs made in Python after the stylesheets, in order. Adding an output is one line here.
#: The first three read only some outputs of the stylesheets (``NEEDS``) and run while the others still run.
STEPS: list[Callable[[BuildContext], None]] = [
    write_rdf,
    write_citation_cff,
    write_search_index,
    write_assets,
    write_witness,
    write_images,
    releases.write_versions,  # earlier releases under html/v/<n>/, the diplomatic text in html/
    write_pdf,
    write_epub,
]


#: What a step reads of the stylesheets' outputs, when not all of them: the file names of the entry
#: stylesheets it waits for (``PAGES``: every entry point that writes pages). A step not listed here
#: waits for every stylesheet.
PAGES = "pages"
NEEDS: dict[Callable[[BuildContext], None], frozenset[str] | str] = {
    write_rdf: frozenset({"entities-data.xsl"}),  # it reads index/entities.json
    write_citation_cff: frozenset(),  # the header alone
    write_search_index: PAGES,  # it reads search/records-*.json, which the page stylesheets write
}


def _steps(search: bool, books: bool) -> list[Callable[[BuildContext], None]]:
    """The steps of a build with these options: ``STEPS``, without the search index or the books if not wanted."""
    return [s for s in STEPS if (s is not write_search_index or search) and (s not in BOOK_STEPS or books)]


def _needs(step: Callable[[BuildContext], None], entries: list[Path]) -> set[str] | None:
    """The entry stylesheets ``step`` waits for (``None``: all of them)."""
    from .workers import writes_pages

    needs = NEEDS.get(step)
    if needs is None:
        return None
    return {e.name for e in entries if writes_pages(e)} if needs == PAGES else set(needs)


def require_valid(project: Project):
    """The assembled edition, once valid (``edition.checks.validate.require_valid``).

    Imported when a build has work to do: an up-to-date check loads no schema and no Saxon.
    """
    from .checks.validate import require_valid as assembled_and_valid

    return assembled_and_valid(project)


def _retired(project: Project) -> str:
    from . import idlock

    lock = idlock.read_lock(project.lock_file, project.root)
    return "\n".join(f"{old} {new}" for old, new in lock.retired.items() if new)


def _text_of(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.exists() else ""


def _language(project: Project) -> str:
    """The text's language (``xml:lang`` of the main document's TEI or text), which the labels are printed in."""
    from .xmlio import parse_file

    return _language_of(parse_file(project.main_document).getroot())


def _language_of(root) -> str:
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    text = root.find("{http://www.tei-c.org/ns/1.0}text")
    return root.get(xml_lang) or (text.get(xml_lang) if text is not None else None) or "en"


def _label_overrides(project: Project) -> str:
    """The edition's own wording for labels (``taxonomy xml:id="labels"`` in the main document's header: each
    category's ``n`` a key of xslt/labels/en.xml, its ``catDesc`` the label), as a JSON object sorted by key."""
    from .xmlio import parse_file

    return _label_overrides_of(parse_file(project.main_document).getroot())


def _label_overrides_of(root) -> str:
    tei = "{http://www.tei-c.org/ns/1.0}"
    header = root.find(f"{tei}teiHeader")
    labels = {} if header is None else {
        category.get("n"): " ".join("".join(category.find(f"{tei}catDesc").itertext()).split())
        for taxonomy in header.iter(f"{tei}taxonomy") if taxonomy.get("{http://www.w3.org/XML/1998/namespace}id") == "labels"
        for category in taxonomy.iter(f"{tei}category") if category.get("n") and category.find(f"{tei}catDesc") is not None}
    return json.dumps(labels, ensure_ascii=False, sort_keys=True)


#: Stylesheet parameters computed from the project (see xslt/common/params.xsl): name → function of the project.
#: The caller's options (``ids``, ``base-url``) are added to these.
PARAMETERS: dict[str, Callable[[Project], str | bool | int]] = {
    "lang": _language,
    "label-overrides": _label_overrides,
    "retired": _retired,
    "schema-rng": lambda project: _text_of(project.relaxng),
    "schema-sch": lambda project: _text_of(project.schematron),
    "releases": releases.archived_versions,
}


def _basemap(edition, cache: Path | None = None) -> str:
    """The places map's base map (``edition.outputs.maps``), projected from the offline boundaries data."""
    from .outputs.maps import basemap_svg

    return basemap_svg(edition, cache=cache)


CACHE = ".cache"


def _cache_folder(out_dir: Path, staging: Path) -> Path:
    """``.cache/`` of the new build, holding what the previous build computed slowly and may be reused."""
    cache = staging / CACHE
    if (out_dir / CACHE).is_dir():
        shutil.copytree(out_dir / CACHE, cache)
    return cache


def stylesheet_parameters(project: Project, options: dict | None = None) -> dict:
    """Every parameter the stylesheets are offered: the computed ones, then the caller's options."""
    return {**{name: compute(project) for name, compute in PARAMETERS.items()}, **(options or {})}


def _stylesheets_digest(project: Project, made_from: dict) -> str:
    import hashlib
    import json

    prefix = project.input_name(project.xslt_dir) + "/"
    stylesheets = {name: digest for name, digest in made_from["inputs"].items() if name.startswith(prefix)}
    return hashlib.sha256(json.dumps([str(project.xslt_dir), stylesheets, made_from["tool"]], sort_keys=True).encode()).hexdigest()


def build(project: Project, out_dir: Path | None = None, parameters: dict | None = None, search: bool = True,
          force: bool = False, books: bool = False, progress: Callable[[str], None] | None = None) -> BuildReport:
    """Validate and build every output into ``out_dir`` (default ``build/``), atomically; skip if up to date.

    ``progress``, if given, is told what the build is doing as it goes ("validating", "stylesheets: 3 of 14
    run", "search index", …): the command line shows it on a terminal."""
    timings: dict[str, float] = {}
    say = progress or (lambda message: None)
    out_dir = (out_dir or project.build_dir).resolve()
    _recover_interrupted_swap(out_dir)
    options = {**(parameters or {}), "search": search, **({"books": True} if books else {})}
    parameters = {**(parameters or {}), "books": books}
    with _timed(timings, "up-to-date check"):
        made_from = manifest.fingerprint(project, options)
        if not force and manifest.is_up_to_date(out_dir, made_from):
            return BuildReport(out_dir, _listing(out_dir), up_to_date=True, timings=timings)
    leave_out = () if books else BOOK_STYLESHEETS
    steps = _steps(search, books)
    entries = _entries(project, None, leave_out, steps)
    # The workers compile the stylesheets while this process validates (and are kept for the next build).
    pool = workers.pool_for(entries, f"{_stylesheets_digest(project, made_from)} {' '.join(leave_out)}")
    say("validating")
    with _timed(timings, "parse and validate"):
        edition = require_valid(project)  # parsed once: validation hands over what it checked
    staging = _new_staging_folder(out_dir)
    try:  # BaseException: Ctrl-C must not leave a half-written folder behind either
        with _timed(timings, "base map"):
            computed = {"basemap": _basemap(edition.document, _cache_folder(out_dir, staging))}
        with _timed(timings, "citations"):  # rendered once from each unit's CSL-JSON record; the stylesheets print them
            computed["citations"] = citations.for_stylesheets(edition.document, (parameters or {}).get("base-url", ""))
        ctx = BuildContext(project, edition.document, staging, stylesheet_parameters(project, {**computed, **(parameters or {})}))
        with _timed(timings, "serialize"):
            document_xml = edition.serialize()
        pool.start(document_xml, staging, ctx.parameters)
        def stylesheets_run() -> None:
            say(f"stylesheets: {len([n for n in pool.timings if n.endswith('.xsl')])} of {len(entries)} run")

        say("stylesheets")
        for step in steps:
            with _timed(timings, f"waiting for stylesheets ({step.__name__})"):
                pool.wait(_needs(step, entries), meanwhile=stylesheets_run)
            say(step.__name__.removeprefix("write_").replace("_", " "))
            with _timed(timings, step.__name__):
                step(ctx)
        with _timed(timings, "waiting for stylesheets"):
            pool.wait(meanwhile=stylesheets_run)
        say("writing the build folder")
        with _timed(timings, "manifest and swap"):
            manifest.write(staging, made_from)
            _swap(staging, out_dir)
    except OSError as err:  # a full disk, a file in the way: the editor's words, not a traceback
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(err, shutil.Error) and err.args and isinstance(err.args[0], list) and err.args[0]:
            source, target, why = err.args[0][0]  # a folder copy collects its failures: say the first
            err = OSError(why)
            err.filename = target
        where = err.filename or staging
        raise EditionError(Problem(str(where), 1, 1, f"cannot write the build: {err.strerror or err}; "
                                   "the previous build is untouched")) from None
    except BaseException:
        workers.discard_kept()  # a worker may still be writing into the staging folder: stopped first
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return BuildReport(out_dir, _listing(out_dir), timings=_in_order(timings, pool.timings))



def build_summary(report: BuildReport) -> str:
    """What a build wrote (files per output folder) and how long each part took, for the editor's terminal.

    >>> print(build_summary(BuildReport(Path("build"), ["html/index.html", "pdf/e.pdf"], timings={"validate": 0.3})))  # doctest: +SKIP
    wrote: html 1, pdf 1
    took:  validate 0.30 s
    """
    folders: dict[str, int] = {}
    for name in report.files:
        top = name.split("/", 1)[0] if "/" in name else "."
        if not top.startswith("."):
            folders[top] = folders.get(top, 0) + 1
    wrote = ", ".join(f"{folder} {count}" for folder, count in sorted(folders.items()))
    took = ", ".join(f"{stage} {seconds:.2f} s" for stage, seconds in report.timings.items() if seconds >= 0.005)
    return f"wrote: {wrote}\ntook:  {took}"

def _in_order(timings: dict[str, float], stylesheets: dict[str, float]) -> dict[str, float]:
    """Every stage, in the order of a build made one stage after the other: what comes before the stylesheets,
    the stylesheets (compiling, then each by name), the steps; the waits for the workers left out."""
    before = ("up-to-date check", "parse and validate", "base map", "serialize")
    first = ("compile stylesheets", "hand Saxon the document")
    ordered = {k: timings[k] for k in before if k in timings}
    ordered.update({k: stylesheets[k] for k in first if k in stylesheets})
    ordered.update({k: stylesheets[k] for k in sorted(stylesheets) if k not in first})
    ordered.update({k: v for k, v in timings.items() if k not in ordered and not k.startswith("waiting for stylesheets")})
    return ordered


def _entries(project: Project, only: list[str] | None, leave_out: tuple[str, ...],
             steps: list[Callable[[BuildContext], None]] = ()) -> list[Path]:
    """The entry stylesheets to run, those some step waits for first."""
    entries = [e for e in project.entry_stylesheets() if (only is None or e.name in only) and e.name not in leave_out]
    first = set().union(*(_needs(s, entries) or set() for s in steps))
    return sorted(entries, key=lambda e: (e.name not in first, e.name))


def run_stylesheets(project: Project, document_xml: bytes, out_dir: Path, parameters: dict | None = None,
                    timings: dict[str, float] | None = None, reuse_key: str | None = None,
                    only: list[str] | None = None, leave_out: tuple[str, ...] = ()) -> None:
    """Every entry stylesheet of ``xslt/`` (or those named in ``only``) on the document, in the stylesheet
    workers (``edition.workers``), each compiled once.

    With ``reuse_key`` (a digest of the stylesheets), the workers of the previous call with the same key
    are used again instead of compiling.
    """
    timings = {} if timings is None else timings
    entries = _entries(project, only, leave_out)
    reuse_key = None if only is not None else reuse_key and f"{reuse_key} {' '.join(leave_out)}"
    pool = workers.pool_for(entries, reuse_key)
    try:
        pool.start(document_xml, out_dir, parameters or {})
        pool.wait()
        timings.update(pool.timings)
    except BaseException:
        if workers.is_kept(pool):
            workers.discard_kept()
        raise
    finally:
        if not workers.is_kept(pool):
            pool.close()


def write_outputs(project: Project, document_xml: bytes, out: Path, parameters: dict | None = None,
                  edition=None, search: bool = True, books: bool = False) -> None:
    """Every output of ``document_xml`` into the existing folder ``out``: stylesheets, then every step.

    For tests and previews of documents that are not the project's own (no validation, no swap, no manifest).
    """
    if edition is None:
        from lxml import etree

        from .xmlio import safe_parser

        edition = etree.ElementTree(etree.fromstring(document_xml, safe_parser()))
    # The labels' language and the edition's own wording come from the document given, not the project's.
    root = edition.getroot()
    parameters = {"basemap": _basemap(edition), "lang": _language_of(root), "label-overrides": _label_overrides_of(root),
                  "citations": citations.for_stylesheets(edition, (parameters or {}).get("base-url", "")),
                  **(parameters or {}), "books": books}
    run_stylesheets(project, document_xml, out, parameters, leave_out=() if books else BOOK_STYLESHEETS)
    ctx = BuildContext(project, edition, out, parameters or {})
    for step in _steps(search, books):
        step(ctx)


@contextmanager
def _timed(timings: dict[str, float], stage: str):
    start = time.perf_counter()
    try:
        yield
    finally:
        timings[stage] = timings.get(stage, 0.0) + time.perf_counter() - start


def _listing(out_dir: Path) -> list[str]:
    return sorted(str(p.relative_to(out_dir)) for p in out_dir.rglob("*") if p.is_file())


def _new_staging_folder(out_dir: Path) -> Path:
    """An empty folder beside ``out_dir``, with the permissions the umask gives any new folder.

    (``tempfile.mkdtemp`` makes it 0700, and the swap would then leave ``build/`` unreadable to a
    web server running as another user.) ``os.mkdir`` fails if the name exists: the folder is ours alone.
    """
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        while True:
            staging = out_dir.with_name(f".{out_dir.name}-new-{secrets.token_hex(4)}")
            try:
                staging.mkdir()
                return staging
            except FileExistsError:
                continue
    except OSError as err:
        raise EditionError(Problem(str(out_dir), 1, 1, f"cannot write the output folder: {err.strerror}")) from None


def _swap(staging: Path, out_dir: Path) -> None:
    """Put ``staging`` in place of ``out_dir`` with two renames; the old build is removed last."""
    previous = out_dir.with_name(f".{out_dir.name}-previous")
    shutil.rmtree(previous, ignore_errors=True)
    try:
        if out_dir.exists():
            os.rename(out_dir, previous)
        os.rename(staging, out_dir)
    except OSError as err:
        if previous.exists() and not out_dir.exists():
            os.rename(previous, out_dir)
        raise EditionError(Problem(str(out_dir), 1, 1, f"cannot replace the output folder: {err.strerror}")) from None
    shutil.rmtree(previous, ignore_errors=True)


def _recover_interrupted_swap(out_dir: Path) -> None:
    """If a build was stopped between the two renames, put the previous build back."""
    previous = out_dir.with_name(f".{out_dir.name}-previous")
    if previous.exists() and not out_dir.exists():
        os.rename(previous, out_dir)
