"""The identifier lock: released identifiers never disappear; retired ones name a successor."""
from pathlib import Path

from edition import idlock
from edition.corpus import Edition, Source
from edition.xmlio import parse_bytes

DOC = b"""<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>
<div xml:id="s1"><p xml:id="p-one">a</p>
<p xml:id="p-two">b</p></div></body></text></TEI>"""


def edition_of(xml: bytes) -> Edition:
    return Edition(Source(Path("essay.xml"), "essay.xml", parse_bytes(xml, "essay.xml"), xml.decode().splitlines()), [])


def problems(tmp_path, lock_text: str, xml: bytes = DOC) -> list[str]:
    lock = tmp_path / "ids.lock"
    lock.write_text(lock_text, encoding="utf-8")
    return [str(p) for p in idlock.check(edition_of(xml), lock, tmp_path)]


def test_all_locked_ids_present_is_clean(tmp_path):
    assert problems(tmp_path, "s1\np-one\np-two\n") == []


def test_missing_locked_id_is_reported_at_its_lock_line(tmp_path):
    found = problems(tmp_path, "# comment\ns1\np-gone\n")
    assert found == ["ids.lock:3:1: released identifier 'p-gone' is missing from the edition: restore it, "
                     "or retire it as 'p-gone -> SUCCESSOR' naming the identifier that replaces it"]


def test_retired_id_with_existing_successor_is_clean(tmp_path):
    assert problems(tmp_path, "p-one\np-old -> p-two\n") == []


def test_retired_id_without_successor_is_reported(tmp_path):
    assert problems(tmp_path, "p-old ->\n") == ["ids.lock:1:1: retired identifier 'p-old' must name its successor ('p-old -> SUCCESSOR')"]


def test_retired_id_may_not_be_reused(tmp_path):
    found = problems(tmp_path, "p-one -> p-two\n")
    assert any("identifier 'p-one' was retired (lock file line 1) and cannot be reused" in p for p in found)


def test_successor_chain_is_followed():
    lock = idlock.parse_lock("a -> b\nb -> c\nc\n")
    assert idlock.resolve(lock, "a") == "c"


def test_release_adds_only_new_ids(tmp_path):
    lock = tmp_path / "ids.lock"
    lock.write_text("s1\n", encoding="utf-8")
    assert idlock.release(edition_of(DOC), lock) == ["p-one", "p-two"]
    assert idlock.release(edition_of(DOC), lock) == []
