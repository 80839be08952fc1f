"""Long work shows progress on a terminal, and the build ends with what it wrote and how long each part took
(the developers' standards): the library tells a ``progress`` callback what it is doing; the command line shows
it on one rewritten line of a terminal only, and prints the summary unless ``--quiet``."""
from __future__ import annotations

from edition.build import build, build_summary
from xslt_support import BUILD_OPTIONS


def test_the_build_says_what_it_is_doing_and_ends_with_what_it_wrote_and_how_long(built_copy):
    said: list[str] = []
    report = build(built_copy, parameters=BUILD_OPTIONS, force=True, progress=said.append)
    assert said[0] == "validating" and said[-1] == "writing the build folder"
    counts = [s for s in said if s.startswith("stylesheets: ")]
    assert counts and all(s.endswith(" run") for s in counts)
    assert "search index" in said and "rdf" in said
    summary = build_summary(report).splitlines()
    wrote = dict(part.rsplit(" ", 1) for part in summary[0].removeprefix("wrote: ").split(", "))
    assert int(wrote["html"]) == len([f for f in report.files if f.startswith("html/")]) > 100
    took = summary[1].removeprefix("took:  ")
    assert "parse and validate" in took and "html.xsl" in took and "write_search_index" in took


def test_the_command_prints_no_progress_line_off_a_terminal_and_only_its_last_line_with_quiet(built_copy, run_edition):
    result = run_edition(built_copy, "build", "--force", "--no-books")
    assert result.exit_code == 0, result.output
    assert "\r" not in result.output and "\033[K" not in result.output  # standard error is not a terminal here
    lines = result.output.splitlines()
    assert lines[0].startswith("built ") and lines[1].startswith("wrote: ") and lines[2].startswith("took:  ")
    quiet = run_edition(built_copy, "build", "--force", "--no-books", "--quiet")
    assert quiet.exit_code == 0 and quiet.output.splitlines() == [quiet.output.splitlines()[0]]
    assert quiet.output.startswith("built ")
