"""Benchmark: the pipeline's choices against the alternatives, on the real edition.

Run ``python -m edition.benchmark [--runs N]`` from the project folder. Each row is
the median wall time of N runs:

- transform: every output with one Saxon processor, each stylesheet compiled once,
  the document parsed once (what ``edition build`` does), against a fresh processor
  and compilation per stylesheet, and against one process per output (how a Makefile
  calling Saxon per output works);
- validate: lxml's RelaxNG (what ``edition validate`` does) against jing on the same
  schema, and jing on the official tei_all;
- search: Pagefind's service fed one record per paragraph and entry (what the build
  does) against Pagefind's command line indexing whole pages.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lxml import etree

from .build import run_stylesheets
from .corpus import load_edition
from .project import Project
from .search import index_for_search
from .xslt import Stylesheets


def _median(function, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _processor_per_stylesheet(project: Project, xml: bytes, out: Path) -> None:
    for entry in project.entry_stylesheets():
        with Stylesheets() as sheets:
            sheets.compile(entry)
            sheets.run(entry, sheets.document(xml), out)


def _process_per_output(project: Project, source: Path, out: Path) -> None:
    script = ("import sys; from pathlib import Path; from edition.xslt import Stylesheets; s = Stylesheets(); "
              "s.compile(Path(sys.argv[1])); s.run(Path(sys.argv[1]), s.document(Path(sys.argv[2]).read_bytes()), Path(sys.argv[3]))")
    for entry in project.entry_stylesheets():
        subprocess.run([sys.executable, "-c", script, str(entry), str(source), str(out)], check=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--project", type=Path, default=Path("."))
    args = parser.parse_args(argv)
    project = Project(args.project.resolve())
    edition = load_edition(project)
    xml = edition.serialize()
    rows: list[tuple[str, str, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        source = tmp / "assembled.xml"
        source.write_bytes(xml)
        out = tmp / "out"
        rows.append(("transform", "one processor, compile once (edition build)", _median(lambda: run_stylesheets(project, xml, out), args.runs)))
        rows.append(("transform", "processor and compilation per stylesheet", _median(lambda: _processor_per_stylesheet(project, xml, out), args.runs)))
        rows.append(("transform", "one process per output", _median(lambda: _process_per_output(project, source, out), args.runs)))

        schema = etree.RelaxNG(etree.parse(str(project.relaxng)))
        rows.append(("validate", "lxml RelaxNG, our schema (edition validate)", _median(lambda: [schema.validate(etree.parse(str(f))) for f in project.tei_files()], args.runs)))
        jing = shutil.which("pyjing") or str(Path(sys.executable).with_name("pyjing"))
        files = [str(f) for f in project.tei_files()]
        rows.append(("validate", "jing, our schema", _median(lambda: subprocess.run([jing, str(project.relaxng), *files], capture_output=True), args.runs)))
        tei_all = project.root.parent / "shared" / "schema" / "tei_all.rng"
        if tei_all.exists():
            rows.append(("validate", "jing, tei_all", _median(lambda: subprocess.run([jing, str(tei_all), *files], capture_output=True), args.runs)))

        html = out / "html"
        if (project.xslt_dir / "assets").is_dir() and not (html / "assets").exists():
            shutil.copytree(project.xslt_dir / "assets", html / "assets")

        def service() -> None:
            shutil.rmtree(html / "pagefind", ignore_errors=True)
            index_for_search(html)

        def command_line() -> None:
            from .search import pagefind_binary
            shutil.rmtree(html / "pagefind", ignore_errors=True)
            subprocess.run([str(pagefind_binary()), "--site", str(html), "--quiet"], check=True, capture_output=True)

        rows.append(("search", "Pagefind service, a record per paragraph (edition build)", _median(service, args.runs)))
        rows.append(("search", "Pagefind command line, whole pages", _median(command_line, args.runs)))
    width = max(len(r[1]) for r in rows)
    print(f"{'step':<10} {'alternative':<{width}} {'median s':>9}   ({args.runs} runs)")
    for step, name, seconds in rows:
        print(f"{step:<10} {name:<{width}} {seconds:>9.3f}")


if __name__ == "__main__":
    main()
