"""Every version readable (edition.releases): the kept releases rendered under html/v/N/ with their own text and
registers, a banner naming the version, the Changes page linking them, the diplomatic text published and the
reading view's switch to the witness's forms."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree, html

from edition import releases
from edition.build import build
from edition.project import NS, Project


@pytest.fixture(scope="module")
def built(repo_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("versions") / "build"
    build(Project(repo_root), out_dir=out, search=False)
    return out


def _with_class(element, name: str, tag: str = "*") -> list:
    return element.xpath(f".//{tag}[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]")


def _description(path: Path, xml_id: str) -> str:
    tree = etree.parse(str(path))
    return " ".join("".join(tree.xpath("//*[@xml:id=$id]/t:note[@type='description']//text()", id=xml_id, namespaces=NS)).split())


def test_every_kept_release_has_its_pages(repo_root: Path, built: Path) -> None:
    kept = releases.release_folders(Project(repo_root))
    assert {"1.0", "1.1"} <= set(kept)
    for n in kept:
        for page in ("index.html", "persons.html", "places.html"):
            doc = html.parse(str(built / "html" / "v" / n / page)).getroot()
            banner = _with_class(doc, "version-banner")
            assert banner and f"version {n}" in banner[0].text_content()
            assert banner[0].xpath(".//a")[0].get("href") == f"../../{page}"


def test_a_description_reads_as_it_did_in_its_version(repo_root: Path, built: Path) -> None:
    """An entry whose description changed after 1.0 reads, on the 1.0 page, as 1.0 had it."""
    old_register = repo_root / "edition" / "releases" / "1.0" / "registers" / "persons.xml"
    changed = [i for i in etree.parse(str(old_register)).xpath("//t:person/@xml:id", namespaces=NS)
               if _description(old_register, i) and _description(old_register, i)
               != _description(repo_root / "edition" / "registers" / "persons.xml", i)]
    assert changed, "no description changed since 1.0"
    page = html.parse(str(built / "html" / "v" / "1.0" / "persons.html")).getroot()
    current = html.parse(str(built / "html" / "persons.html")).getroot()
    for xml_id in changed[:5]:
        words = _description(old_register, xml_id)[:60]
        old_entry = " ".join(page.get_element_by_id(xml_id).text_content().split())
        assert words in old_entry
        assert " ".join(current.get_element_by_id(xml_id).text_content().split()) != old_entry


def test_the_versioned_reading_view_holds_its_versions_text(built: Path) -> None:
    """1.0's reading view names version 1.0 in its edition statement and lacks the later editors' introduction."""
    page = html.parse(str(built / "html" / "v" / "1.0" / "index.html")).getroot()
    assert "version 1.0" in _with_class(page, "edition-statement")[0].text_content()
    assert not page.xpath("//*[@id='editors-introduction']")
    assert page.get_element_by_id("p-every-class-stratum") is not None


def test_links_to_pages_not_kept_lead_to_the_current_edition(built: Path) -> None:
    folder = built / "html" / "v" / "1.0"
    for href in re.findall(r'(?:href|src)="([^"#?]+)', (folder / "index.html").read_text(encoding="utf-8")):
        if "://" in href:
            continue
        assert (folder / href).resolve().is_file(), href


def test_the_changes_page_links_each_version(built: Path) -> None:
    page = html.parse(str(built / "html" / "changes.html")).getroot()
    for n in ("1.0", "1.1"):
        links = [a.get("href") for a in _with_class(page.get_element_by_id(f"version-{n}"), "change-read")[0].xpath(".//a")]
        assert f"v/{n}/index.html" in links
        assert all((built / "html" / link).is_file() for link in links)


def test_an_unchanged_release_is_not_rendered_again(repo_root: Path, copy_repository, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    project = Project(copy_repository(tmp_path / "project"))
    out = tmp_path / "build"
    build(project, out_dir=out, search=False)
    first = (out / "html" / "v" / "1.0" / "persons.html").read_bytes()

    def no_rendering(*args, **kwargs):
        raise AssertionError("an unchanged release was rendered again")

    monkeypatch.setattr(releases, "_render", no_rendering)
    build(project, out_dir=out, search=False, force=True)
    assert (out / "html" / "v" / "1.0" / "persons.html").read_bytes() == first
    # a changed release is rendered again
    kept = project.edition_dir / "releases" / "1.0" / "registers" / "persons.xml"
    kept.write_text(kept.read_text(encoding="utf-8").replace("</listPerson>", "</listPerson>\n", 1), encoding="utf-8")
    with pytest.raises(AssertionError, match="rendered again"):
        build(project, out_dir=out, search=False, force=True)


def test_the_diplomatic_text_is_published(built: Path) -> None:
    assert (built / "html" / "diplomatic.txt").read_bytes() == (built / "text" / "diplomatic.txt").read_bytes()


def test_the_reading_view_switches_to_the_witness(repo_root: Path, built: Path) -> None:
    page = html.parse(str(built / "html" / "index.html")).getroot()
    switch = _with_class(page, "view-switch")[0]
    assert switch.xpath(".//button[@data-diplomatic-switch]")
    assert switch.xpath(".//a")[0].get("href") == "diplomatic.txt"
    assert (built / "html" / "assets" / "diplomatic-switch.js").is_file()
    # every correction of the essay carries the witness's form: the same forms, in order, as the TEI's sic
    tei = etree.parse(str(repo_root / "edition" / "conditions.xml"))
    sics = [" ".join("".join(s.itertext()).split()) for s in tei.xpath("//t:text//t:choice/t:sic", namespaces=NS)]
    shown = [e.get("data-witness") for e in page.xpath("//*[@data-witness]")
             if e.get("data-witness")]
    assert shown == sics
