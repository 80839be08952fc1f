"""Installable as a tool (issue 21, item 1): the wheel carries the stylesheets and schema, an edition
anywhere uses them, overrides one stylesheet or extends the schema in its own folder, and a build with
no stylesheets fails."""
from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from edition.cli import main
from edition.project import NS, Project, pipeline_folder
from edition.checks.validate import errors, validate

from test_new import LETTER


def run(*args):
    return CliRunner().invoke(main, [*map(str, args)], catch_exceptions=True, prog_name="edition")


def test_an_edition_without_its_own_stylesheets_uses_the_pipelines(tmp_path):
    assert run("new", tmp_path / "e", "--title", "Plain").exit_code == 0
    project = Project(tmp_path / "e")
    assert project.xslt_dir == pipeline_folder("xslt") and project.schema_dir == pipeline_folder("schema")
    assert (project.xslt_dir / "common" / "declarations.xsl").is_file() and project.relaxng.is_file()


def test_a_project_with_a_whole_pipeline_of_its_own_uses_it(project_copy):
    assert project_copy.xslt_dir == project_copy.root / "xslt"
    assert project_copy.schema_dir == project_copy.root / "schema"


def test_a_build_with_no_stylesheets_fails_and_says_why(tmp_path):
    assert run("new", tmp_path / "e", "--title", "Plain").exit_code == 0
    (tmp_path / "e" / "xslt").mkdir()  # a project's own, empty, stylesheets folder
    result = run("--project", tmp_path / "e", "build", "--no-books")
    assert result.exit_code == 1
    assert result.output.startswith("xslt: no stylesheets found here (no *.xsl entry point), so nothing can be built")
    assert "built 0 files" not in result.output and not (tmp_path / "e" / "build").exists()


def test_the_edition_extends_the_schema_in_its_own_folder(tmp_path):
    """edition/schema/edition.rng includes the pipeline's grammar (kept beside it) and adds a language."""
    assert run("new", tmp_path / "e", "--title", "Lettere").exit_code == 0
    project = Project(tmp_path / "e")
    text = project.main_document.read_text(encoding="utf-8").replace('xml:lang="en"', 'xml:lang="it"')
    project.main_document.write_text(text.replace('ident="en">en<', 'ident="it">it<'), encoding="utf-8")
    assert any("@xml:lang" in p.message or "xml:lang" in p.message for p in errors(validate(project)))
    extension = project.edition_dir / "schema" / "edition.rng"
    extension.parent.mkdir()
    extension.write_text("""<grammar xmlns="http://relaxng.org/ns/structure/1.0" datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
  <include href="edition.pipeline.rng">
    <define name="data.lang"><choice><value>en</value><value>it</value></choice></define>
  </include>
</grammar>
""", encoding="utf-8")
    assert project.relaxng.name == "edition.rng" and project.relaxng.read_text() == extension.read_text()
    assert (project.schema_dir / "edition.pipeline.rng").is_file() and (project.schema_dir / "edition.sch").is_file()
    assert not errors(validate(project)), validate(project)


@pytest.fixture(scope="module")
def overridden(tmp_path_factory) -> Project:
    """A new edition that replaces one module of the pipeline (the profile) and imports the replaced one."""
    folder = tmp_path_factory.mktemp("override") / "e"
    source = folder.parent / "letter.md"
    source.write_text(LETTER, encoding="utf-8")
    assert run("new", folder, "--title", "Letter", "--from", source).exit_code == 0
    profile = folder / "edition" / "xslt" / "common" / "profile.xsl"
    profile.parent.mkdir(parents=True)
    profile.write_text("""<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:ed="urn:weil-edition:xslt" exclude-result-prefixes="#all">
  <xsl:import href="profile.pipeline.xsl"/>
  <xsl:function name="ed:tei-download-href" as="xs:string" visibility="public">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="'tei/letter-source.xml'"/>
  </xsl:function>
</xsl:stylesheet>
""", encoding="utf-8")
    result = run("--project", folder, "build", "--no-books")
    assert result.exit_code == 0, result.output
    return Project(folder)


def test_an_overridden_stylesheet_is_the_one_the_build_runs(overridden):
    html = overridden.build_dir / "html"
    assert (html / "tei" / "letter-source.xml").is_file()
    assert not (html / "tei" / "letter.xml").exists()
    assert 'href="tei/letter-source.xml"' in (html / "index.html").read_text(encoding="utf-8")
    # the rest of the profile is still the pipeline's (imported): the pages carry its descriptions
    assert "Every quotation of speech" in (html / "voices.html").read_text(encoding="utf-8")


def test_an_overrides_edit_rebuilds(overridden):
    profile = overridden.edition_dir / "xslt" / "common" / "profile.xsl"
    before = overridden.xslt_dir
    profile.write_text(profile.read_text().replace("letter-source", "letter-download"), encoding="utf-8")
    assert overridden.xslt_dir != before
    assert "letter-download" in (overridden.xslt_dir / "common" / "profile.xsl").read_text()


# ------------------------------------------------------------------------------------------- the wheel


def _venv_with_the_wheel(tmp: Path) -> Path:
    """A fresh virtual environment outside the repository, with the wheel built from it and the dependencies
    already installed here (read through a .pth file: nothing is fetched)."""
    repo = Path(__file__).resolve().parents[1]
    wheels = tmp / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", wheels, repo],
                   check=True, capture_output=True)
    (wheel,) = wheels.glob("*.whl")
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    python = venv / "bin" / "python"
    subprocess.run([python, "-m", "pip", "install", "-q", "--no-deps", "--no-index", wheel], check=True, capture_output=True)
    site = Path(subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               check=True, capture_output=True, text=True).stdout.strip())
    # After the wheel on the path: this environment's packages, whose own .pth files (the editable install
    # of the repository) are not read from there.
    (site / "zz-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return venv


@pytest.mark.slow
def test_the_wheel_installs_a_working_edition_command(tmp_path):
    venv = _venv_with_the_wheel(tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    env = {**os.environ, "PATH": f"{venv / 'bin'}:{os.environ['PATH']}"}
    env.pop("PYTHONPATH", None)

    def edition(*args, cwd=work):
        return subprocess.run([venv / "bin" / "edition", *map(str, args)], cwd=cwd, env=env, capture_output=True, text=True)

    where = subprocess.run([venv / "bin" / "python", "-c", "import edition.project as p; print(p.__file__, p.pipeline_folder('xslt'))"],
                           cwd=work, env=env, capture_output=True, text=True, check=True).stdout.split()
    assert where[0].startswith(str(venv)) and where[1].startswith(str(venv)), where  # the wheel's, not the repository's
    version = edition("--version")
    assert version.returncode == 0 and version.stdout.startswith("edition, version ")
    (work / "letter.md").write_text(LETTER, encoding="utf-8")
    created = edition("new", "letter", "--title", "Letter to Horace Greeley", "--author", "Abraham Lincoln",
                      "--date", "1862-08-22", "--from", "letter.md")
    assert created.returncode == 0, created.stderr
    project = work / "letter"
    assert sorted(p.name for p in project.iterdir()) == ["README.md", "edition"]
    checked = edition("validate", cwd=project)
    assert (checked.returncode, checked.stdout.strip()) == (0, "valid"), checked.stderr
    built = edition("build", "--no-books", cwd=project)
    assert built.returncode == 0, built.stderr
    assert built.stdout.startswith("built ") and (project / "build" / "html" / "index.html").is_file()
    page = etree.parse(str(project / "build" / "html" / "index.html"), etree.HTMLParser())
    assert page.xpath("string(//title)").startswith("Letter to Horace Greeley")
    assert page.xpath("//*[@id='p-policy-seem-pursuing']")
    assert (project / "build" / "html" / "assets").is_dir()
    cited = edition("cite", "p-policy-seem-pursuing", cwd=project)
    assert cited.returncode == 0, cited.stderr
    assert cited.stdout.startswith("Abraham Lincoln, “Letter to Horace Greeley”, ¶ 2 [p-policy-seem-pursuing]")
    wrong = edition("cite", "p-policy-seem-pursuing", "--format", "harvard", cwd=project)
    assert wrong.returncode == 2 and "'harvard' is not one of 'text', 'chicago'" in wrong.stderr
