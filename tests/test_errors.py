"""Clear errors, all at once: every broken input gives located lines in an editor's words,
exit 1 and no traceback; usage errors exit 2 with click's usage message (issue 6, point 2).

Fixtures are in tests/fixtures/broken/ (each says in its first comment what is wrong);
the 50 MB file is generated here, never committed. Cases marked ``schema`` need
schema/edition.rng and schema/edition.sch, and are skipped without them.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from edition.validate import validate
from edition.xmlio import MAX_FILE_BYTES

BROKEN = Path(__file__).parent / "fixtures" / "broken"
from xslt_support import ROOT as REPO
LOCATED = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+):(?P<col>\d+): (?P<message>.+)$")
HAS_SCHEMA = (REPO / "schema" / "edition.rng").is_file() and (REPO / "schema" / "edition.sch").is_file()
schema = pytest.mark.skipif(not HAS_SCHEMA, reason="waits on schema/edition.rng and schema/edition.sch")

# fixture: (line, message fragment) expected among the problems; line None = any line.
CASES = {
    "tag-mismatch.xml": (14, "<hi> (opened on line 14) is closed by </p>"),
    "unclosed-attribute.xml": (6, "an attribute value is not closed"),
    "bare-ampersand.xml": (15, "a bare '&': write &amp; for an ampersand"),
    "truncated.xml": (12, "the file ends before <text> (opened on line 11) is closed"),
    "text-before-root.xml": (1, "no XML element found"),
    "wrong-namespace.xml": (3, "the document element is <TEI> in namespace 'http://www.tei-c.org/ns/1.O'"),
    "invalid-utf8.xml": (15, "the file is not valid UTF-8 (byte 0xe9); save it as UTF-8"),
    "empty.xml": (1, "the file is empty"),
    "binary.xml": (1, "this is a binary file, not an XML document"),
}
SCHEMA_CASES = {
    "missing-teiheader.xml": (4, "<text> is not allowed here"),
    "unknown-element.xml": (14, "element <blink> is not allowed here"),
    "bad-attribute-value.xml": (13, "<div> @type \"chapterr\" is not one of the default values"),
    "duplicate-id.xml": (15, "identifier 'p-one' is used 2 times"),
    "dangling-ref.xml": (14, "no element has xml:id 'nobody'"),
}


def assert_clean_failure(result, code: int = 1) -> list[str]:
    """Exit ``code``, no traceback anywhere, every problem line located; returns the lines."""
    assert result.exit_code == code, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if line and not line.endswith("problem(s) found.")]
    if code == 1:
        assert lines and all(LOCATED.match(line) for line in lines), result.stderr
    return lines


def assert_reports(lines: list[str], name: str, line: int | None, fragment: str) -> None:
    hits = [m for m in map(LOCATED.match, lines) if m and m["file"].endswith(name) and fragment in m["message"]]
    assert hits, f"no '{fragment}' for {name} in:\n" + "\n".join(lines)
    if line is not None:
        assert any(int(m["line"]) == line for m in hits), f"{fragment!r} not on line {line}: {[m[0] for m in hits]}"


@pytest.mark.parametrize("name", sorted(CASES))
def test_broken_file_is_reported_located(project_copy, run_edition, name):
    line, fragment = CASES[name]
    result = run_edition(project_copy, "validate", BROKEN / name)
    assert_reports(assert_clean_failure(result), name, line, fragment)


@schema
@pytest.mark.parametrize("name", sorted(SCHEMA_CASES))
def test_invalid_file_is_reported_located(project_copy, run_edition, name):
    line, fragment = SCHEMA_CASES[name]
    result = run_edition(project_copy, "validate", BROKEN / name)
    assert_reports(assert_clean_failure(result), name, line, fragment)


def test_locked_identifier_removed_is_reported(project_copy, run_edition):
    shutil.copy(BROKEN / "locked-id-removed.lock", project_copy.lock_file)
    result = run_edition(project_copy, "validate", BROKEN / "locked-id-removed.xml")
    lines = assert_clean_failure(result)
    assert_reports(lines, "ids.lock", 5, "released identifier 'p-three' is missing from the edition")


def test_every_broken_file_at_once(project_copy, run_edition):
    """One run names every broken file: editors fix everything in one pass."""
    names = sorted(CASES) + (sorted(SCHEMA_CASES) if HAS_SCHEMA else [])
    result = run_edition(project_copy, "validate", *(BROKEN / n for n in names))
    lines = assert_clean_failure(result)
    for name in names:
        assert_reports(lines, name, *(CASES | SCHEMA_CASES)[name])
    assert result.stderr.rstrip().endswith(f"{len(lines)} problem(s) found.")


def test_fifty_megabyte_file_is_refused_unread(project_copy, run_edition, tmp_path):
    big = tmp_path / "huge.xml"
    with big.open("wb") as handle:
        handle.write(b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div><p>')
        handle.write(b"lorem ipsum " * (50 * 1024 * 1024 // 12))
        handle.write(b"</p></div></body></text></TEI>")
    assert big.stat().st_size > 50 * 1024 * 1024 > MAX_FILE_BYTES
    result = run_edition(project_copy, "validate", big)
    assert_reports(assert_clean_failure(result), "huge.xml", 1, "the limit for a TEI file is 20,971,520 bytes")


def test_broken_essay_fails_build_cleanly(project_copy, run_edition):
    shutil.copy(BROKEN / "tag-mismatch.xml", project_copy.main_document)
    result = run_edition(project_copy, "build", "--no-books")
    assert_reports(assert_clean_failure(result), "edition/conditions.xml", 14, "is closed by </p>")
    assert not project_copy.build_dir.exists()


def test_missing_schema_is_a_problem_not_a_crash(project_copy):
    shutil.rmtree(project_copy.schema_dir, ignore_errors=True)
    problems = [str(p) for p in validate(project_copy)]
    assert "schema/edition.rng:1:1: the RelaxNG schema file is missing, so the encoding cannot be checked against it" in problems
    assert "schema/edition.sch:1:1: the Schematron rules file is missing, so the encoding cannot be checked against it" in problems


def test_broken_schema_is_a_problem_not_a_crash(project_copy):
    project_copy.schema_dir.mkdir(exist_ok=True)
    project_copy.relaxng.write_text('<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><ref name="nowhere"/></start></grammar>')
    problems = [str(p) for p in validate(project_copy)]
    assert any(p.startswith("schema/edition.rng:1:1: the RelaxNG schema cannot be used:") for p in problems), problems


def test_real_subprocess_has_no_traceback():
    """The installed console script, as an editor runs it: located lines on stderr, exit 1."""
    edition = Path(sys.executable).with_name("edition")
    result = subprocess.run([str(edition), "--project", str(REPO), "validate", *(str(BROKEN / n) for n in sorted(CASES))],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    for name, (line, fragment) in CASES.items():
        assert_reports(result.stderr.splitlines(), name, line, fragment)


@pytest.mark.parametrize("args, words", [
    (["frobnicate"], "No such command 'frobnicate'"),
    (["validate", "no/such/file.xml"], "File 'no/such/file.xml' does not exist"),
    (["build", "--out", "{file}/out"], "is a file, so no folder can be made inside it"),
    (["build", "--no-such-option"], "No such option '--no-such-option'"),
])
def test_usage_errors_exit_2_with_usage(project_copy, run_edition, tmp_path, args, words):
    a_file = tmp_path / "a-file"
    a_file.write_text("not a folder")
    result = run_edition(project_copy, *(a.format(file=a_file) for a in args))
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert "Usage: edition " in result.stderr and words in result.stderr


def test_missing_project_folder_is_a_usage_error(run_edition, tmp_path):
    from edition.project import Project
    result = run_edition(Project(tmp_path / "nowhere"), "validate")
    assert result.exit_code == 2 and "does not exist" in result.stderr


def test_unexpected_error_is_one_line_not_a_traceback(project_copy, run_edition, monkeypatch):
    def explode(*args, **kwargs):
        raise ZeroDivisionError("division by zero")
    monkeypatch.setattr("edition.cli.validate_edition", explode)
    result = run_edition(project_copy, "validate")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "edition: internal error: ZeroDivisionError: division by zero" in result.stderr
