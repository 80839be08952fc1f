"""Every version readable: the released versions at versioned addresses, and the diplomatic text published.

A release is kept as it was released, in the edition's own folder: ``edition/releases/<n>/`` holds that
version's main document and its ``registers/`` (copied from the history when it was released; the folder's
README says from which commit). The build renders each release's reading view and register pages with the
current stylesheets under ``html/v/<n>/``, so that a citation naming version ``n`` still finds the text and
the descriptions it cited. Books, search and the other pages are left out: their links on a versioned page
lead to the current edition's pages, and a banner on every versioned page says which version it is and
links the current one.

Rendering a release takes seconds; the result is kept in ``build/.cache/releases/`` under a digest of the
release's sources, the stylesheets and the parameters, so an unchanged release is copied, not rebuilt.

>>> archived_versions(Project(Path(".")))   # doctest: +SKIP
'1.0 1.1'
"""
from __future__ import annotations

import hashlib
import json
import re
import shutil
import tempfile
from pathlib import Path

from ..project import Project

#: The folder of the edition that keeps the released versions' sources.
RELEASES = "releases"
#: Where the versioned pages are published, under ``html/``.
VERSIONED = "v"
#: The stylesheets whose pages a versioned copy keeps: the reading view and the registers.
STYLESHEETS = ("html.xsl", "registers-html.xsl")
#: What those stylesheets write that a versioned copy leaves out (search belongs to the current edition).
LEFT_OUT = ("search.html",)


def release_folders(project: Project) -> dict[str, Path]:
    """The released versions kept in ``edition/releases/``, by version number, in version order."""
    folder = project.edition_dir / RELEASES
    if not folder.is_dir():
        return {}
    found = {p.name: p for p in folder.iterdir() if p.is_dir() and (p / project.config["main"]).is_file()}
    return {n: found[n] for n in sorted(found, key=_version_key)}


def archived_versions(project: Project) -> str:
    """The kept versions as one space-separated string (a stylesheet parameter: the Changes page links them)."""
    return " ".join(release_folders(project))


def _version_key(n: str) -> tuple:
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"[.-]", n))


def write_versions(ctx) -> None:
    """The diplomatic text inside ``html/``, and each kept release's pages under ``html/v/<n>/``."""
    diplomatic = ctx.out / "text" / "diplomatic.txt"
    if diplomatic.is_file():
        shutil.copyfile(diplomatic, ctx.out / "html" / "diplomatic.txt")
    releases = release_folders(ctx.project)
    if not releases:
        return
    cache = ctx.out / ".cache" / RELEASES
    for n, folder in releases.items():
        target = ctx.out / "html" / VERSIONED / n
        parameters = _versioned(ctx.parameters, n)
        key = _digest(ctx.project, folder, parameters, _release_date(ctx.edition, n), _current_version(ctx.edition))
        cached = cache / n / key
        if not cached.is_dir():
            _render(ctx.project, folder, n, ctx.edition, parameters, cached)
        shutil.copytree(cached, target)


def _versioned(parameters: dict, n: str) -> dict:
    """The stylesheet parameters of release ``n``'s pages: the build's, without search or books (a release's
    rendering, and so its cache key, does not depend on them), and its own base URL."""
    base = parameters.get("base-url") or ""
    return {**parameters, "search": False, "books": False,
            **({"base-url": base.rstrip("/") + f"/{VERSIONED}/{n}/"} if base else {})}


def _render(project: Project, folder: Path, n: str, current_edition, parameters: dict, into: Path) -> None:
    """Render release ``n`` (its sources in ``folder``) into the cache folder ``into``, with the release's ``parameters``."""
    from ..build import run_stylesheets
    from ..corpus import Edition, read_sources
    from ..xmlio import EditionError

    main = folder / project.config["main"]
    sources, problems = read_sources([main, *sorted((folder / "registers").glob("*.xml"))], project.root)
    if problems:
        raise EditionError(problems)
    edition = Edition(sources[0], sources[1:])
    release_date = _release_date(current_edition, n) or _release_date(edition.document, n)
    # The stylesheets write the banner (in the edition's language) from these three parameters.
    parameters = {**parameters, "release": n, "release-date": release_date, "current-version": _current_version(current_edition)}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        run_stylesheets(project, edition.serialize(), out, parameters, only=list(STYLESHEETS))
        pages = out / "html"
        for name in LEFT_OUT:
            (pages / name).unlink(missing_ok=True)
        for page in sorted(pages.glob("*.html")):
            text = page.read_text(encoding="utf-8")
            page.write_text(_links_to_current(text, {p.name for p in pages.iterdir()}), encoding="utf-8")
        shutil.rmtree(into.parent, ignore_errors=True)  # older renderings of this release
        staging = into.with_name(into.name + ".new")  # renamed once complete: a half copy is never taken
        shutil.copytree(pages, staging)
        staging.rename(into)


def _digest(project: Project, folder: Path, parameters: dict, *banner: str) -> str:
    """What a rendering of a release depends on: its sources, the stylesheets, the parameters and the banner."""
    digest = hashlib.sha256("\0".join(banner).encode())
    for path in [*sorted(folder.rglob("*")), *sorted(project.xslt_dir.rglob("*"))]:
        if path.is_file():
            digest.update(str(path.relative_to(project.root)).encode() + b"\0" + path.read_bytes())
    digest.update(json.dumps({k: v for k, v in parameters.items() if isinstance(v, (str, bool, int))},
                             sort_keys=True).encode())
    return digest.hexdigest()[:16]


def _current_version(edition) -> str:
    from ..project import NS

    return edition.xpath("string(/t:TEI/t:teiHeader/t:fileDesc/t:editionStmt/t:edition/@n)", namespaces=NS)


def _release_date(edition, n: str) -> str:
    """The date of the change that released version ``n`` (the release's own header, else its edition date)."""
    from ..project import NS

    released = edition.xpath("string(//t:revisionDesc/t:change[@n=$n]/@when)", namespaces=NS, n=n)
    return released or edition.xpath("string(/t:TEI/t:teiHeader/t:fileDesc/t:editionStmt/t:edition/t:date/@when)",
                                     namespaces=NS)


#: href and src values that are relative paths within the page's folder (not a fragment, not absolute, not a
#: scheme, not already leading out of it as the banner's links do).
_RELATIVE = re.compile(r'(\s(?:href|src)=")(?![#/]|\.\./|[a-zA-Z][a-zA-Z0-9+.-]*:)([^"#?]*)([^"]*)"')


def _links_to_current(text: str, kept: set[str]) -> str:
    """Relative links to pages and assets that a versioned copy does not keep lead to the current edition's."""
    def rewrite(match: re.Match) -> str:
        attr, path, rest = match.groups()
        if not path or path in kept:
            return match.group(0)
        return f'{attr}../../{path}{rest}"'
    return _RELATIVE.sub(rewrite, text)

