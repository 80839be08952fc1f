"""The ``edition`` command: a thin layer over the library.

Exit codes: 0 success, 1 invalid input or failure, 2 usage error. The library
raises :class:`~edition.errors.EditionError` for the user's problems; the
decorator :func:`reports_problems` turns it into the command's failure (the
problems, one a line, exit 1). A Python traceback is never shown to an editor
(set ``EDITION_DEBUG=1`` to see one for an unexpected error).
"""
from __future__ import annotations

import contextlib
import functools
import json
import os
import sys
import tempfile
from pathlib import Path

import click

from . import __version__, idlock
from .build import build as build_edition, build_summary
from .cite import citation, formats as citation_formats
from .fragment import cite_quote
from .corpus import load_edition
from .errors import EditionError, Problem
from .project import Project, display_name
from .checks.validate import errors, validate as validate_edition


class Failure(click.ClickException):
    """Invalid input or a failed step: the problems, one a line, and exit code 1."""

    exit_code = 1

    def format_message(self) -> str:
        return self.message

    def show(self, file=None) -> None:
        click.echo(self.message, err=True)


class EditionGroup(click.Group):
    """Turns an unexpected exception into one plain line and exit 1, instead of a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as err:
            if os.environ.get("EDITION_DEBUG"):
                raise
            raise Failure(f"edition: internal error: {type(err).__name__}: {err}\n"
                          "This is a bug in the edition tools, not in your files; "
                          "run again with EDITION_DEBUG=1 and report what it prints.") from None


def _writable_folder(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    """A usage error (exit 2) now, rather than a failed build later, if the output folder cannot be written.

    The build writes beside the folder (then swaps), so the nearest existing ancestor of its parent must take a file.
    """
    if value is None:
        return value
    existing = value.resolve().parent
    while not existing.exists():
        existing = existing.parent
    if not existing.is_dir():
        raise click.BadParameter(f"{str(existing)!r} is a file, so no folder can be made inside it", ctx, param)
    try:
        tempfile.TemporaryFile(dir=existing).close()
    except OSError as err:
        raise click.BadParameter(f"cannot write in {str(existing)!r}: {err.strerror}", ctx, param) from None
    return value


def _declared_format(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """A usage error (exit 2) for a citation format the project's stylesheets do not declare."""
    try:
        declared = citation_formats(_project(ctx))
    except EditionError as err:
        raise Failure("\n".join(map(str, err.problems))) from None
    if value not in declared:
        raise click.BadParameter(f"{value!r} is not one of {', '.join(map(repr, declared))}", ctx, param)
    return value


def _project(ctx: click.Context) -> Project:
    return ctx.obj


def reports_problems(command):
    """The library's :class:`EditionError` becomes the command's failure: its problems, one a line, exit 1."""

    @functools.wraps(command)
    def run(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except EditionError as err:
            raise Failure("\n".join(str(p) for p in err.problems)) from None

    return run


# ------------------------------------------------------------ problem formats


def _text(problem: Problem) -> str:
    return f"{problem.place}: {problem.severity}: {problem.message}"


def _github(problem: Problem) -> str:
    """A GitHub Actions workflow annotation (shown on the line of the pull request)."""
    def escape(value: str, in_property: bool = False) -> str:
        value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return value.replace(":", "%3A").replace(",", "%2C") if in_property else value
    level = {"error": "error", "warning": "warning"}.get(problem.severity, "notice")
    place = f"file={escape(problem.file, True)}"
    if problem.line:
        place += f",line={problem.line},col={problem.column}"
    return f"::{level} {place}::{escape(problem.message)}"


def _json(problems: list[Problem]) -> str:
    return json.dumps([{"file": p.file, "line": p.line, "column": p.column, "severity": p.severity, "message": p.message}
                       for p in problems], ensure_ascii=False, indent=2)


PROBLEM_FORMATS = ("text", "json", "github")


@click.group(cls=EditionGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="edition")
@click.option("--project", "project_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=".",
              show_default=True, help="The project folder (holding edition/, xslt/ and schema/).")
@click.pass_context
def main(ctx: click.Context, project_dir: Path) -> None:
    """Validate, build and cite a TEI edition (its files: edition/edition.toml).

    Example: edition validate && edition build && edition cite p-every-class-stratum
    """
    ctx.obj = Project(project_dir.resolve())


@main.command()
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(PROBLEM_FORMATS), default="text", show_default=True,
              help="text: file:line:col: severity: message; json: a list of objects (for editor plugins and "
                   "scripts); github: workflow annotations.")
@click.option("--strict", is_flag=True, help="Warnings fail too (exit 1).")
@click.pass_context
@reports_problems
def validate(ctx: click.Context, files: tuple[Path, ...], fmt: str, strict: bool) -> None:
    """Check the TEI files: well-formedness, RelaxNG, Schematron, identifier lock.

    Without FILES, checks the text and its registers. Every problem is
    reported at once, at the line and column where it was typed, as
    file:line:col: error|warning: message. Warnings fail only with --strict.

    Example: edition validate edition/registers/places.xml --format json
    """
    project = _project(ctx)
    problems = validate_edition(project, list(files) or None)
    failed = bool(errors(problems)) or (strict and bool(problems))
    if fmt in ("json", "github"):  # for tools: on standard output (where GitHub reads workflow commands)
        click.echo(_json(problems) if fmt == "json" else "\n".join(map(_github, problems)))
        if failed:
            raise Failure(f"{len(problems)} problem(s) found.")
        return
    lines = list(map(_text, problems))
    if failed:
        raise Failure("\n".join(lines + [f"{len(problems)} problem(s) found."]))
    for line in lines:
        click.echo(line, err=True)
    click.echo(f"valid ({len(problems)} warning(s))" if problems else "valid")


@main.command()
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None, callback=_writable_folder,
              help="Output folder (default: build/ in the project).")
@click.option("--ids/--no-ids", default=False, help="Prefix each paragraph of the text outputs with its identifier.")
@click.option("--base-url", default="", help="Absolute URL the edition will be published at, for permalinks.")
@click.option("--force", is_flag=True, help="Rebuild even if nothing changed since the last build.")
@click.option("--books/--no-books", default=True, show_default=True,
              help="Also lay out the PDF and EPUB editions (the PDF takes seconds).")
@click.option("--paper", type=click.Choice(["a4", "letter"], case_sensitive=False), default="a4", show_default=True,
              help="Paper size of the PDF edition.")
@click.option("--quiet", is_flag=True, help="No progress line, and only the last line at the end (what was built where), not what it wrote and how long each part took.")
@click.pass_context
@reports_problems
def build(ctx: click.Context, out: Path | None, ids: bool, base_url: str, force: bool, books: bool,
          paper: str, quiet: bool) -> None:
    """Build the edition: HTML, plain text, indexes, data, and the PDF and EPUB editions.

    The previous build is replaced only when every output succeeded. If no
    input (sources, registers, lock, stylesheets, assets, schema, the tool,
    these options) changed since the last build, nothing is done.

    Example: edition build --out /tmp/edition
    """
    with _progress_line(quiet) as progress:
        report = build_edition(_project(ctx), out, parameters={"ids": ids, "base-url": base_url, "paper": paper.lower()},
                               force=force, books=books, progress=progress)
    if report.up_to_date:
        click.echo(f"up to date: nothing changed since the last build in {report.out_dir} (--force rebuilds)")
    else:
        click.echo(f"built {len(report.files)} files in {report.out_dir}")
        if not quiet:
            click.echo(build_summary(report))


@main.command()
@click.argument("identifier")
@click.option("--format", "fmt", default="text", show_default=True, metavar="FORMAT", callback=_declared_format,
              help="Citation style: one of the formats the stylesheets declare (text, chicago, mla, bibtex, csl-json).")
@click.option("--base-url", default="", help="Absolute URL of the published edition, for the permalink.")
@click.option("--quote", "words", default=None, metavar="WORDS",
              help="Words of the paragraph to cite: the link then scrolls to and highlights them.")
@click.pass_context
@reports_problems
def cite(ctx: click.Context, identifier: str, fmt: str, base_url: str, words: str | None) -> None:
    """Print the citation of a paragraph or section by its identifier.

    With --quote, the citation's link points at those words in the paragraph
    (a text fragment, #ID:~:text=…); it fails if they are not in it.

    Example: edition cite p-scale-disaster-difficult --format chicago --quote "hat of the state"
    """
    if words is None:
        click.echo(citation(_project(ctx), identifier, fmt, base_url))
    else:
        click.echo(cite_quote(_project(ctx), identifier, words, fmt, base_url))


@contextlib.contextmanager
def _progress_line(quiet: bool):
    """What a long command is doing, on one line of the terminal that rewrites itself; nothing when standard error
    is not a terminal, in CI (``$CI``) or with ``--quiet``. The line is cleared when the command is done."""
    if quiet or os.environ.get("CI") or not sys.stderr.isatty():
        yield None
        return

    def show(message: str) -> None:
        sys.stderr.write(f"\r\033[K{message}…")
        sys.stderr.flush()

    try:
        yield show
    finally:
        sys.stderr.write("\r\033[K")
        sys.stderr.flush()


def _source_options(command):
    """The options that describe the text and its source, shared by ``new`` and ``import``."""
    for option in reversed([
        click.option("--title", default="", help="The text's title (default: the TEI header's, else 'Untitled')."),
        click.option("--author", default="", help="Its author, as the header and the persons register give the name."),
        click.option("--date", default="", help="Its date: YYYY, YYYY-MM or YYYY-MM-DD."),
        click.option("--source", default="", help="Where the text comes from (a bibliographic note)."),
        click.option("--lang", default="", help="Its language, as a BCP 47 code (default: en)."),
    ]):
        command = option(command)
    return command


def _report_warnings(warnings: list[Problem]) -> None:
    for problem in warnings:
        click.echo(_text(problem), err=True)


@main.command()
@click.argument("folder", type=click.Path(path_type=Path))
@_source_options
@click.option("--from", "from_file", type=click.Path(path_type=Path), default=None,
              help="The text: plain text or Markdown (paragraphs, # headings, > quotations), or a TEI P5 document (.xml).")
@reports_problems
def new(folder: Path, title: str, author: str, date: str, source: str, lang: str, from_file: Path | None) -> None:
    """Start an edition in FOLDER (new or empty): configuration, a TEI document with
    its header, the persons register, the identifier lock and a README.

    The edition validates and builds at once. Quotation marks of a --from text
    that pair become markup; those that do not are reported at their line.

    Example: edition new letters --title "Letter to Horace Greeley" --author "Abraham Lincoln" --date 1862-08-22 --from greeley.md
    """
    from .start.scaffold import Options, new_edition

    warnings = new_edition(folder, Options(title, author, date, source, lang, from_file))
    _report_warnings(warnings)
    click.echo(f"new edition in {folder}" + (f" ({len(warnings)} warning(s) about its text)" if warnings else "")
               + f"; next: cd {folder} && edition validate && edition build --no-books")


@main.command(name="import")
@click.argument("file", type=click.Path(path_type=Path))
@_source_options
@click.pass_context
@reports_problems
def import_(ctx: click.Context, file: Path, title: str, author: str, date: str, source: str, lang: str) -> None:
    """Make another project's TEI P5 document the text of this edition (which has none yet).

    Identifiers are added where missing; everything the pipeline cannot keep
    is reported at its line and column, with what to do.

    Example: edition import letter.xml --author "Abraham Lincoln"
    """
    from .start.scaffold import Options, import_text

    warnings = import_text(_project(ctx), file, Options(title, author, date, source, lang))
    _report_warnings(warnings)
    click.echo(f"imported {file} into {_project(ctx).edition_dir}" + (f" ({len(warnings)} thing(s) not kept as they were, "
               "listed above)" if warnings else ""))


@main.command()
@click.pass_context
@reports_problems
def lock(ctx: click.Context) -> None:
    """Release the edition's new identifiers: add them to edition/ids.lock.

    Released identifiers can never be removed; retire one by writing
    'OLD -> SUCCESSOR' on its line of the lock file.

    Example: edition lock
    """
    project = _project(ctx)
    new = idlock.release(load_edition(project), project.lock_file, project.root)
    click.echo(f"released {len(new)} new identifier(s)")


@main.command(name="check-names")
@click.pass_context
@reports_problems
def check_names(ctx: click.Context) -> None:
    """List names from the registers left untagged in the text, and tagged
    mentions whose words are not a known name of their entry.

    Exits 1 if anything is listed.

    Example: edition check-names
    """
    from .checks.names import check_names as find_name_problems

    problems = find_name_problems(_project(ctx))
    if problems:
        raise Failure("\n".join(map(str, problems)) + f"\n{len(problems)} name problem(s) found.")
    click.echo("every name is tagged and every mention matches its entry")


@main.command()
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port on 127.0.0.1.")
@click.option("--dir", "html_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder to serve (default: build/html).")
@click.option("--watch", is_flag=True,
              help="Build, then rebuild on every saved change and reload the page; problems are shown over the page.")
@click.pass_context
@reports_problems
def serve(ctx: click.Context, port: int, html_dir: Path | None, watch: bool) -> None:
    """Serve the built HTML edition on 127.0.0.1 for local preview.

    With --watch, the edition is rebuilt whenever a file under edition/, xslt/
    or schema/ is saved; the page in the browser reloads itself, and an edit
    that does not build shows its problems over the last good build.

    Example: edition build && edition serve --port 8000
    Example: edition serve --watch
    """
    from .serve import serve_forever

    project = _project(ctx)
    if watch:
        if html_dir is not None:
            raise click.UsageError("--watch serves the project's own build/html; leave out --dir")
        from .watch import LiveServer

        with LiveServer(project, port) as live:
            live.wait_forever()
        return
    folder = html_dir or project.build_dir / "html"
    if not (folder / "index.html").exists():
        raise EditionError(Problem(display_name(folder, project.root), 0, 0, "no built edition here; run 'edition build' first"))
    serve_forever(folder, port)  # a port in use is the user's to change: make_server raises EditionError



@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0: every interface).")
@click.option("--port", type=click.IntRange(0, 65535), default=8080, show_default=True, help="Port to listen on.")
@click.option("--dir", "html_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="The built edition (default: build/html).")
@click.option("--base-url", default=None,
              help="The public address the API's URLs start with (default: the address each request was sent to).")
@click.pass_context
@reports_problems
def api(ctx: click.Context, host: str, port: int, html_dir: Path | None, base_url: str | None) -> None:
    """Serve the edition's DTS API at Level 1 (ranges) with waitress, for production.

    The same application as /api/dts of 'edition serve', answered from the build's static API.

    Example: edition api --host 0.0.0.0 --port 8080 --base-url https://edition.example.org/
    """
    from .dts_api import serve_api

    serve_api(html_dir or _project(ctx).build_dir / "html", host, port, base_url)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
