"""edition.checks.names.check_names on a copy of the fixture project tests/fixtures/registers."""
import shutil

import pytest

from edition.checks.names import check_names
from edition.project import Project

from xslt_support import ROOT
FIXTURE = ROOT / "tests" / "fixtures" / "registers"


@pytest.fixture
def project(tmp_path) -> Project:
    shutil.copytree(FIXTURE / "edition", tmp_path / "edition")
    for folder in ("xslt", "schema"):
        (tmp_path / folder).symlink_to(ROOT / folder, target_is_directory=True)
    return Project(tmp_path)


def messages(project: Project) -> list[str]:
    return [str(p) for p in check_names(project)]


def test_untagged_register_name_is_reported_at_its_paragraph(project):
    found = [m for m in messages(project) if "untagged name of #kaifeng" in m]
    assert len(found) == 1 and found[0].startswith("edition/conditions.xml:49:")


def test_tagged_mention_that_is_not_a_name_of_its_target_is_reported(project):
    found = [m for m in messages(project) if "is not a recorded name" in m]
    assert len(found) == 1 and found[0].startswith('edition/conditions.xml:49:') and '"Beijing" is not a recorded name of #kaifeng' in found[0]


def test_name_marked_not_an_entity_is_not_reported(project):
    assert not [m for m in messages(project) if "#mao-zedong" in m]


def test_names_in_editorial_notes_are_not_reported(project):
    assert not [m for m in messages(project) if "#zhengzhou" in m]


def test_clean_text_reports_nothing(project):
    essay = project.main_document
    text = essay.read_text(encoding="utf-8")
    text = text.replace("and in Kaifeng,", 'and in <placeName ref="#kaifeng">Kaifeng</placeName>,')
    text = text.replace('<placeName ref="#kaifeng">Beijing</placeName>', "the capital")
    essay.write_text(text, encoding="utf-8")
    assert messages(project) == []


def _add_name(project: Project, name: str) -> None:
    places = project.registers_dir / "places.xml"
    places.write_text(places.read_text(encoding="utf-8").replace(
        '<placeName type="preferred">Zhengzhou</placeName>', f'<placeName type="preferred">Zhengzhou</placeName>{name}', 1), encoding="utf-8")
    essay = project.main_document
    essay.write_text(essay.read_text(encoding="utf-8").replace("is a style.", "is a style in Chengchow.", 1), encoding="utf-8")


def test_a_romanisation_is_not_searched_for_in_the_text(project):
    _add_name(project, '<placeName xml:lang="zh-Latn-wadegile">Chengchow</placeName>')
    assert not [m for m in messages(project) if "Chengchow" in m]


def test_the_same_name_without_a_chinese_language_is_searched_for(project):
    """Positive control for the test above."""
    _add_name(project, "<placeName>Chengchow</placeName>")
    assert [m for m in messages(project) if 'untagged name of #zhengzhou: "Chengchow"' in m]
