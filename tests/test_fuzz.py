"""Fuzzing: mutations of the real edition either pass or fail cleanly (issue 6, point 6).

Each example mutates the edition's main document (delete, duplicate or move an element; delete
or copy an attribute; truncate; inject characters), then runs ``edition validate`` and
``edition build --no-books`` (the latter with validation skipped, so the stylesheets meet broken
input too; the books have their own tests, test_pdf.py and test_epub.py). Either may succeed; a failure must exit 1 with located ``file:line:col:``
lines, no traceback, no internal error, and the previous build untouched.

Default: a quick run (FUZZ_EXAMPLES=10). Longer: ``FUZZ_EXAMPLES=500 pytest tests/test_fuzz.py``.
"""
from __future__ import annotations

import copy
import os
import re

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from edition.corpus import load_edition
from edition.build import build
from edition.cli import main
from edition.project import Project

LOCATED = re.compile(r"^[^:\n]+:\d+:\d+: .+$")
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "10"))
INJECTED = ["<", ">", "&", "&amp", "]]>", '"', "'", "\x00", "\ufffe", "<!DOCTYPE x>", "<p>", "</div>",
            "\u202e", "é", "\t", "<?pi?>", "<!--", "xml:id=\"p-x\""]


@pytest.fixture(scope="module")
def fuzz_project(workbench) -> Project:
    """A copy of the built edition (conftest.py), where each build reuses the compiled stylesheets."""
    return workbench()


@pytest.fixture(scope="module")
def original_essay(fuzz_project) -> bytes:
    """The main document as it was before any mutation (each example restores it)."""
    return fuzz_project.main_document.read_bytes()


def _mutate_tree(data: bytes, draw) -> bytes:
    tree = etree.fromstring(data).getroottree()
    elements = [e for e in tree.iter() if isinstance(e.tag, str) and e.getparent() is not None]
    target = draw(st.sampled_from(elements))
    action = draw(st.sampled_from(["delete", "duplicate", "move", "drop-attribute", "copy-attribute"]))
    if action == "delete":
        target.getparent().remove(target)
    elif action == "duplicate":
        target.addnext(copy.deepcopy(target))
    elif action == "move":
        destination = draw(st.sampled_from([e for e in elements if target not in e.iterancestors() and e is not target]))
        destination.append(target)
    elif target.attrib:
        name = draw(st.sampled_from(sorted(target.attrib)))
        if action == "drop-attribute":
            del target.attrib[name]
        else:
            draw(st.sampled_from(elements)).set(name, target.get(name))
    return etree.tostring(tree, encoding="UTF-8", xml_declaration=True)


@st.composite
def mutated_essays(draw, essay: bytes) -> bytes:
    kind = draw(st.sampled_from(["tree", "tree", "truncate", "inject"]))
    if kind == "tree":
        return _mutate_tree(essay, draw)
    position = draw(st.integers(0, len(essay)))
    if kind == "truncate":
        return essay[:position]
    text = draw(st.sampled_from(INJECTED) | st.text(min_size=1, max_size=3))
    return essay[:position] + text.encode("utf-8", "surrogatepass") + essay[position:]


def assert_clean(result, what: str) -> None:
    assert "Traceback" not in result.output, (what, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), (what, repr(result.exception))
    assert result.exit_code in (0, 1), (what, result.exit_code, result.output)
    if result.exit_code == 1:
        assert "internal error" not in result.stderr, (what, result.stderr)
        lines = [l for l in result.stderr.splitlines() if l and not l.endswith("problem(s) found.")]
        assert lines and all(LOCATED.match(l) for l in lines), (what, result.stderr)


@settings(max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES <= 10,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_mutated_edition_passes_or_fails_cleanly(fuzz_project, original_essay, snapshot, data):
    project, original = fuzz_project, original_essay
    essay = data.draw(mutated_essays(original))
    runner = CliRunner()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("edition.build.require_valid", load_edition)
        if not project.build_dir.exists():
            project.main_document.write_bytes(original)
            build(project, search=False)
        before = snapshot(project.build_dir)
        project.main_document.write_bytes(essay)
        try:
            validated = runner.invoke(main, ["--project", str(project.root), "validate"])
            assert_clean(validated, "validate")
            built = runner.invoke(main, ["--project", str(project.root), "build", "--no-books"])
            assert_clean(built, "build")
        finally:
            project.main_document.write_bytes(original)
    if built.exit_code == 1:
        assert snapshot(project.build_dir) == before, "a failed build changed the previous build"
    assert not [p for p in project.root.iterdir() if p.name.startswith(".build-")], "half-written folder left behind"
