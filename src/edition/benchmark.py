"""Benchmark: the pipeline's choices against the alternatives, on the real edition.

Run ``python -m edition.benchmark [--runs N]`` from the project folder. Each row is
the median wall time of N runs:

- transform: every output in the build's stylesheet workers, each stylesheet compiled
  once, the document parsed once per worker (what ``edition build`` does), against a fresh
  processor and compilation per stylesheet, and against one process per output (how a
  Makefile calling Saxon per output works);
- validate: lxml's RelaxNG (what ``edition validate`` does) against jing on the same
  schema, and jing on the official tei_all;
- search: Pagefind's service fed one record per paragraph and entry (what the build
  does) against Pagefind's command line indexing whole pages.

``python -m edition.benchmark --scale [--factors 1,2,4,8] [--runs N]`` measures how the
build grows with the text: for each factor k it makes, in a temporary folder, a copy of
the project whose main document holds its body k times (the copies' identifiers, and
the pointers to them, suffixed ``-xK``; nothing is committed), builds it in a fresh
process (``edition build --force --no-books``'s work: validation, every stylesheet, search
index, writing) and prints each stage's median time, the whole process's wall time and the
peak memory of the whole process tree (the build and its stylesheet workers and Pagefind:
the sum of their resident sizes, sampled every 10 ms) and of its largest process alone (what a
whole-process measure such as ``/usr/bin/time -v`` reports), the 8×/1× ratio of each stage, and the
targets of issue 10 (≤ 1.0 s for the edition, ≤ 4 s at 8×, every stage's 8×/1× ≤ 9, ≤ 200 MB).
The first build of each edition is not counted: it fills the build's cache (the base map),
as an editor's first build does once; its wall time and memory are printed as "first build".
Stages overlap (the stylesheets run in a worker process while the build validates and writes the
RDF and the search index), so they may add up to more than the wall time.
"""
from __future__ import annotations

import argparse
import copy
import json
import os
import resource
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
from .project import NS, Project
from .outputs.search import index_for_search
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


# --- scale ------------------------------------------------------------------------------------

#: Attributes that hold pointers (``#id`` tokens) in the edition's TEI.
POINTER_ATTRIBUTES = ("ref", "target", "corresp", "who", "source", "sameAs", "next", "prev")
#: Targets of issue 10, point 3.
WHOLE_BUILD_TARGET, SCALED_BUILD_TARGET, STAGE_RATIO_TARGET, MEMORY_TARGET_MB = 1.0, 4.0, 9.0, 200.0


def scaled_project(project: Project, factor: int, destination: Path) -> Project:
    """A copy of ``project`` in ``destination`` whose main document repeats its body ``factor`` times.

    Copy n (n ≥ 2) suffixes every identifier it holds with ``-xN``, and every pointer to one of them.
    """
    from .project import XML_ID
    from .xmlio import parse_file

    for folder in project.input_folders():
        shutil.copytree(folder, destination / folder.relative_to(project.root))
    scaled = Project(destination)
    tree = parse_file(scaled.main_document)
    body = tree.find("t:text/t:body", NS)
    original = list(body)
    ids = {e.get(XML_ID) for part in original for e in part.iter() if isinstance(e.tag, str) and e.get(XML_ID)}
    for n in range(2, factor + 1):
        for part in original:
            duplicate = copy.deepcopy(part)
            for element in duplicate.iter():
                if not isinstance(element.tag, str):
                    continue
                if element.get(XML_ID):
                    element.set(XML_ID, f"{element.get(XML_ID)}-x{n}")
                for name in POINTER_ATTRIBUTES:
                    value = element.get(name)
                    if value and "#" in value:
                        element.set(name, " ".join(f"{t}-x{n}" if t.startswith("#") and t[1:] in ids else t
                                                   for t in value.split()))
            body.append(duplicate)
    tree.write(str(scaled.main_document), encoding="UTF-8", xml_declaration=True)
    return scaled


def _stage_report(project_dir: Path, out: Path) -> None:
    """In this (fresh) process: one full build of ``project_dir`` into ``out``; print its stages as JSON."""
    from .build import build

    project = Project(project_dir)
    start = time.perf_counter()
    report = build(project, out, parameters={"ids": False, "base-url": ""}, force=True)
    total = time.perf_counter() - start
    start = time.perf_counter()
    load_edition(project)  # parsing alone, to split "parse and validate"
    parse = time.perf_counter() - start
    timings = dict(report.timings)
    timings["parse"] = parse
    timings["validate"] = max(timings.pop("parse and validate") - parse, 0.0)
    print(json.dumps({"timings": timings, "build": total,
                      "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def rss_of_tree_kb(pid: int) -> list[int]:
    """Resident memory of a process and of each of its descendants, in kB (Linux ``/proc``; [] once it is gone)."""
    sizes, pending = [], [str(pid)]
    while pending:
        process = pending.pop()
        try:
            with open(f"/proc/{process}/status", encoding="ascii", errors="replace") as status:
                sizes.append(next((int(line.split()[1]) for line in status if line.startswith("VmRSS:")), 0))
            for task in os.listdir(f"/proc/{process}/task"):
                with open(f"/proc/{process}/task/{task}/children", encoding="ascii") as children:
                    pending += children.read().split()
        except (OSError, ValueError):
            continue
    return sizes


def run_measured(command: list[str], interval: float = 0.01) -> tuple[subprocess.CompletedProcess, float, float, float, float]:
    """Run ``command``: (its result, wall seconds, CPU seconds of it and its descendants, peak MB of its process tree,
    peak MB of its largest process)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONHASHSEED": "0"})
    peak = largest = 0
    while process.poll() is None:
        sizes = rss_of_tree_kb(process.pid)
        peak, largest = max(peak, sum(sizes)), max([largest, *sizes])
        time.sleep(interval)
    out, err = process.communicate()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the build process, its workers and Pagefind
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return subprocess.CompletedProcess(command, process.returncode, out, err), wall, cpu, peak / 1024, largest / 1024


def _measure(project: Project, runs: int) -> dict:
    """Median of ``runs`` fresh processes, each building ``project`` once (after a first, uncounted build)."""
    samples = []
    out = project.root / "build"
    command = [sys.executable, "-m", "edition.benchmark", "--stage-report", str(project.root), str(out)]
    first = None
    for run in range(runs + 1):
        done, wall, cpu, peak, largest = run_measured(command)
        if done.returncode:
            raise SystemExit(f"the build of {project.root} failed:\n{done.stderr}{done.stdout}")
        sample = json.loads(done.stdout.strip().splitlines()[-1])
        sample["wall"], sample["cpu"], sample["tree_mb"], sample["largest_mb"] = wall, cpu, peak, largest
        if first is None:
            first = sample
        else:
            samples.append(sample)
    stages = list(samples[0]["timings"])
    return {"stages": {s: statistics.median(x["timings"].get(s, 0.0) for x in samples) for s in stages},
            "wall": statistics.median(x["wall"] for x in samples),
            "cpu": statistics.median(x["cpu"] for x in samples),
            "peak_mb": max(x["tree_mb"] for x in samples),
            "process_mb": max(x["peak_mb"] for x in samples),
            "largest_mb": max(x["largest_mb"] for x in samples),
            "first_wall": first["wall"], "first_mb": first["tree_mb"],
            "size_kb": project.main_document.stat().st_size / 1024}


def scale(project: Project, factors: list[int], runs: int) -> None:
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for factor in factors:
            scaled = scaled_project(project, factor, Path(tmp) / f"x{factor}")
            results[factor] = _measure(scaled, runs)
            shutil.rmtree(scaled.root, ignore_errors=True)
    first, last = factors[0], factors[-1]
    stages = list(results[first]["stages"])
    order = ["up-to-date check", "parse", "validate"] + [s for s in stages if s not in ("up-to-date check", "parse", "validate")]
    width = max(len(s) for s in order + ["peak memory, largest process, MB"]) + 1
    columns = "".join(f"{f'{k}x':>9}" for k in factors)
    ratio_name = f"{last}x/{first}x"
    print(f"median of {runs} fresh process(es) per factor; seconds unless stated (stages: wall time in the build process;"
          " compiling and each stylesheet: CPU time of the worker that ran it, as workers run side by side)")
    print(f"{'stage':<{width}}{columns}{ratio_name:>9}  target")
    print(f"{'main document (KB)':<{width}}" + "".join(f"{results[k]['size_kb']:>9.0f}" for k in factors))

    def row(name: str, values: list[float], ratio_target: bool = True) -> None:
        ratio = values[-1] / values[0] if values[0] > 0.005 else float("nan")
        verdict = ("ok" if ratio <= STAGE_RATIO_TARGET else "MISSED") if ratio_target and ratio == ratio else ""
        print(f"{name:<{width}}" + "".join(f"{v:>9.3f}" for v in values) + f"{ratio:>9.1f}  {verdict}")

    for stage in order:
        row(stage, [results[k]["stages"].get(stage, 0.0) for k in factors])
    walls = [results[k]["wall"] for k in factors]
    row("whole build (process wall)", walls)
    row("whole build (process CPU)", [results[k]["cpu"] for k in factors])
    peaks = [results[k]["peak_mb"] for k in factors]
    print(f"{'peak memory, process tree, MB':<{width}}" + "".join(f"{v:>9.0f}" for v in peaks) + f"{'':>9}  "
          + ("ok" if max(peaks) <= MEMORY_TARGET_MB else "MISSED"))
    largest = [results[k]["largest_mb"] for k in factors]
    print(f"{'peak memory, largest process, MB':<{width}}" + "".join(f"{v:>9.0f}" for v in largest) + f"{'':>9}  "
          + ("ok" if max(largest) <= MEMORY_TARGET_MB else "MISSED"))
    print(f"{'peak memory, build process, MB':<{width}}" + "".join(f"{results[k]['process_mb']:>9.0f}" for k in factors))
    row("first build (cold cache), wall", [results[k]["first_wall"] for k in factors], ratio_target=False)
    print(f"{'first build, process tree, MB':<{width}}" + "".join(f"{results[k]['first_mb']:>9.0f}" for k in factors))
    print(f"targets: {first}x whole build {walls[0]:.2f} s (≤ {WHOLE_BUILD_TARGET} s: "
          f"{'ok' if walls[0] <= WHOLE_BUILD_TARGET else 'MISSED'}); {last}x {walls[-1]:.2f} s "
          f"(≤ {SCALED_BUILD_TARGET} s: {'ok' if walls[-1] <= SCALED_BUILD_TARGET else 'MISSED'})")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--project", type=Path, default=Path("."))
    parser.add_argument("--scale", action="store_true", help="How each stage grows with the text (synthetic editions).")
    parser.add_argument("--factors", default="1,2,4,8", help="With --scale: how many times the body is repeated.")
    parser.add_argument("--stage-report", nargs=2, type=Path, metavar=("PROJECT", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.stage_report:
        return _stage_report(*args.stage_report)
    project = Project(args.project.resolve())
    if args.scale:
        return scale(project, [int(f) for f in args.factors.split(",")], args.runs)
    edition = load_edition(project)
    xml = edition.serialize()
    rows: list[tuple[str, str, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        source = tmp / "assembled.xml"
        source.write_bytes(xml)
        out = tmp / "out"
        rows.append(("transform", "stylesheet workers, compile once (edition build)", _median(lambda: run_stylesheets(project, xml, out), args.runs)))
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
            from .outputs.search import pagefind_binary
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
