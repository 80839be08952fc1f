"""CITATION.cff for the edition (edition.outputs.linked_data.write_citation_cff), checked with cffconvert --validate."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import yaml
from lxml import etree

from edition.corpus import load_edition
from edition.outputs.linked_data import write_citation_cff
from edition.project import NS, Project, TEI_NS

CFFCONVERT = shutil.which("cffconvert", path=str(Path(sys.executable).parent)) or shutil.which("cffconvert")


def validate(path: Path) -> subprocess.CompletedProcess:
    assert CFFCONVERT, "cffconvert (a test dependency) is not installed"
    return subprocess.run([CFFCONVERT, "--validate", "-i", str(path)], capture_output=True, text=True, timeout=120)


def edition_of(repo_root: Path) -> etree._ElementTree:
    return load_edition(Project(repo_root)).document


def read(path: Path) -> dict:
    """The file as YAML reads it (cffconvert's own reader, ruamel.yaml, reads YAML 1.2 alike)."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def write(edition, out: Path, base_url: str = "https://weil-edition.example.org/") -> Path:
    ctx = SimpleNamespace(project=None, edition=edition, out=out, parameters={"base-url": base_url})
    (name,) = write_citation_cff(ctx)
    return out / name


def test_the_edition_citation_file_is_valid(repo_root: Path, tmp_path: Path):
    result = validate(write(edition_of(repo_root), tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "valid" in result.stdout


def test_the_validation_is_real(tmp_path: Path):
    broken = tmp_path / "CITATION.cff"
    broken.write_text('cff-version: "1.2.0"\nmessage: "x"\ntitle: "x"\n', encoding="utf-8")  # no authors
    assert validate(broken).returncode != 0


def test_it_names_the_author_the_version_and_the_url(repo_root: Path, tmp_path: Path):
    edition = edition_of(repo_root)
    cff = read(write(edition, tmp_path))
    version = edition.xpath("string(//t:editionStmt/t:edition/@n)", namespaces=NS)
    assert cff["version"] == version and isinstance(cff["version"], str)  # "1.1", not the number 1.1
    assert cff["authors"][0] == {"given-names": "Robert", "family-names": "Weil"}
    assert cff["url"] == "https://weil-edition.example.org/"


def test_a_full_edition_date_is_the_release_date(repo_root: Path, tmp_path: Path):
    edition = edition_of(repo_root)
    statement = edition.find(f".//{{{TEI_NS}}}editionStmt/{{{TEI_NS}}}edition")
    for old in statement.findall(f"{{{TEI_NS}}}date"):
        statement.remove(old)
    etree.SubElement(statement, f"{{{TEI_NS}}}date", when="2026-11-30").text = "30 November 2026"
    path = write(edition, tmp_path)
    assert read(path)["date-released"] == "2026-11-30"
    assert validate(path).returncode == 0


def test_a_year_alone_is_no_release_date(repo_root: Path, tmp_path: Path):
    edition = edition_of(repo_root)
    statement = edition.find(f".//{{{TEI_NS}}}editionStmt/{{{TEI_NS}}}edition")
    for old in statement.findall(f"{{{TEI_NS}}}date"):
        statement.remove(old)
    assert "date-released" not in read(write(edition, tmp_path))  # CFF wants a full date; the header's publication year is not one


def test_quotes_and_colons_in_the_header_stay_valid_yaml(repo_root: Path, tmp_path: Path):
    edition = edition_of(repo_root)
    edition.find(f".//{{{TEI_NS}}}titleStmt/{{{TEI_NS}}}title[@type='sub']").text = 'A "digital": edition # of it'
    path = write(edition, tmp_path)
    assert validate(path).returncode == 0
    assert read(path)["title"].endswith(': A "digital": edition # of it')

